# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Plan sections III.2 (new forms: materials put online, reproductions of the ministry's
# products) and V: the products a communication activity produces.
PRODUCT_KINDS = [
    ("leaflet", "Leaflets and Posters"),
    ("article", "News Items and Articles"),
    ("video", "Videos and Reports"),
    ("online", "Materials Put Online"),
    ("reproduction", "Reproductions of the Ministry's Products"),
    ("other", "Other Products"),
]


class GenderEqualityCommunicationProduct(models.Model):
    """A communication product of an activity (sản phẩm truyền thông): leaflets, articles,
    videos, materials put online, reproductions of the ministry's products, with their quantity.

    Products are recorded with the execution of the activity (once its plan is approved) and
    frozen with it once a report counts it; the compilation counts them by kind.
    """

    _name = "gender.equality.communication.product"
    _description = "Communication Product"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "task_id, sequence, id"
    # Integrity policy: a product stays with its activity and is recorded while the activity is
    # carried out (``gender.equality.task._gep_accepts_children``).
    _gep_parent_field = "task_id"

    task_id = fields.Many2one(
        "gender.equality.task", string="Activity", required=True, index=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(related="task_id.unit_id", store=True, index=True)
    year = fields.Integer(related="task_id.plan_year", store=True, aggregator=False)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(PRODUCT_KINDS, required=True, default="leaflet", index=True)
    name = fields.Char(string="Title", required=True)
    quantity = fields.Integer(
        required=True,
        default=1,
        help="Copies printed or distributed, articles or videos published, files put online…",
    )
    url = fields.Char(string="Link", help="Where the product is published, when it is online.")

    @api.constrains("quantity")
    def _check_quantity(self):
        for product in self:
            if product.quantity <= 0:
                raise ValidationError(
                    self.env._("The quantity of the product %(name)s must be positive.", name=product.name)
                )
