# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models, tools

# Fields that Odoo writes on a file it shares or serves: they change nothing of the file.
FREE_FIELDS = frozenset({"access_token"})


class IrAttachment(models.Model):
    """Files follow their record: the file of a record of the module whose files are frozen
    (``_gep_attachments_frozen``) is not added, replaced, renamed, moved or deleted by a user
    bound by the policy.

    Odoo's ``check`` only asks for write access on the record, which the record rules grant on
    an approved plan or a report under review; it also leaves out a move that gives a new
    ``res_id`` without a ``res_model``. A file counts as a record's when its ``res_model`` /
    ``res_id`` point to it, or when a many2many field of a model of the module links it (the
    evidence field of an activity, of a corrective action, of an indicator status…: a file
    uploaded before its record was saved has no ``res_id``).
    """

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if mode != "read" and not self.env.su:
            self._gep_check_records_accept_files(mode, values or {})
        return result

    def _gep_check_records_accept_files(self, mode, values):
        if mode == "write" and not set(values) - FREE_FIELDS:
            return
        targets = defaultdict(set)
        if mode == "create":
            targets[values.get("res_model")].add(values.get("res_id"))
        else:
            moved = mode == "write" and bool({"res_model", "res_id"} & values.keys())
            for attachment in self.sudo():
                targets[attachment.res_model].add(attachment.res_id)
                if moved:
                    model = values.get("res_model", attachment.res_model)
                    targets[model].add(values.get("res_id", attachment.res_id))
            for model, field in self._gep_evidence_fields():
                linked = (
                    self.env[model].sudo().with_context(active_test=False).search([(field, "in", self.ids)])
                )
                targets[model].update(linked.ids)
        Guard = self.env["gender.equality.guard.mixin"]
        for model, ids in targets.items():
            res_ids = {res_id for res_id in ids if res_id and isinstance(res_id, int)}
            if model and res_ids and Guard._gep_is_module_model(model):
                self.env[model].browse(res_ids).exists()._gep_check_attachments_editable()

    @api.model
    @tools.ormcache()
    def _gep_evidence_fields(self):
        """``((model, field), …)``: the stored many2many fields of the module's models that link
        files (computed once per registry)."""
        Guard = self.env["gender.equality.guard.mixin"]
        return tuple(
            (name, field.name)
            for name, model_class in self.env.registry.items()
            if not (model_class._abstract or model_class._transient) and Guard._gep_is_module_model(name)
            for field in model_class._fields.values()
            if field.type == "many2many" and field.store and field.comodel_name == self._name
        )
