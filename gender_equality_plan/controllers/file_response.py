# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import content_disposition, request


def file_response(content, content_type, filename):
    """A download of ``content`` (bytes) named ``filename``, as the module's routes answer."""
    return request.make_response(
        content,
        headers=[
            ("Content-Type", content_type),
            ("Content-Length", len(content)),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )
