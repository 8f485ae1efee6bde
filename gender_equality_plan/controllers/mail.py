# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from odoo.addons.mail.controllers.attachment import AttachmentController
from odoo.addons.mail.controllers.thread import ThreadController


class GepThreadController(ThreadController):
    """The chatter posts as superuser once Odoo checked the access to the record: the rules of
    a message on a record of the module (recipients, author, files) are asked first, as the
    user (``mail.thread._gep_check_post``)."""

    def _prepare_post_data(self, post_data, thread, **kwargs):
        post_data = super()._prepare_post_data(post_data, thread, **kwargs)
        request.env["mail.thread"]._gep_check_post(
            thread.sudo(False),
            partner_ids=post_data.get("partner_ids"),
            with_files=bool(post_data.get("attachment_ids")),
        )
        return post_data


class GepAttachmentController(AttachmentController):
    """A file uploaded in the chatter of a record of the module (created as superuser by Odoo)
    is refused while the record's files are frozen; the chatter shows the reason."""

    @http.route()
    def mail_attachment_upload(self, ufile, thread_id, thread_model, is_pending=False, **kwargs):
        pending = is_pending and is_pending != "false"
        Guard = request.env["gender.equality.guard.mixin"]
        if not pending and thread_model in request.env and Guard._gep_is_module_model(thread_model):
            Thread = request.env[thread_model]
            # The record Odoo uploads to (none when the user may not post on it: Odoo answers).
            thread = Thread._get_thread_with_access(int(thread_id), mode=Thread._mail_post_access, **kwargs)
            try:
                thread._gep_check_attachments_editable()
            except (AccessError, UserError) as error:
                return request.make_json_response({"error": error.args[0]})
        return super().mail_attachment_upload(ufile, thread_id, thread_model, is_pending=is_pending, **kwargs)
