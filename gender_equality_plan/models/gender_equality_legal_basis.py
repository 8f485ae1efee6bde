# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.inspection_kinds import INSPECTION_TYPES

LEGAL_BASIS_DOCUMENTS = [
    ("all", "Minutes and Programmes"),
    ("minutes", "Minutes"),
    ("programme", "Programmes"),
]


class GenderEqualityLegalBasis(models.Model):
    """A legal basis (*căn cứ*) of the inspections of plan section III.6, as the Department
    keeps it: the text that the minutes and the annual programmes print after "Căn cứ", for the
    kinds and the dates it applies to.

    A document prints the bases in force at its own date, so that the law that changes next is a
    change of these records (end the old basis the day before, add the new one), not of the code,
    and an older document keeps the bases of its date. A basis may also take a kind of inspection
    out of the sector (``external_only``): from its date, an inspection of that kind is carried out
    by a body outside the sector (Luật Thanh tra 84/2025/QH15: *thanh tra* by the provincial
    inspectorate, from 1/7/2025), which the module records with its conclusion and never prints
    in the name of a unit of the sector.
    """

    _name = "gender.equality.legal.basis"
    _description = "Legal Basis of Inspections"
    _inherit = ["gender.equality.guard.mixin"]
    _order = "sequence, date_from, id"

    name = fields.Char(
        string="Text",
        required=True,
        help="As the documents print it after “Căn cứ”, e.g. Luật Bình đẳng giới ngày 29 tháng 11 năm 2006.",
    )
    sequence = fields.Integer(default=10, help="The order in which the documents print the bases.")
    inspection_type = fields.Selection(
        INSPECTION_TYPES,
        string="Kind",
        help="The kind of inspection the basis applies to. Empty: every kind.",
    )
    document = fields.Selection(
        LEGAL_BASIS_DOCUMENTS,
        string="Printed On",
        required=True,
        default="all",
        help="The documents that print the basis: the minutes of the inspections, the annual "
        "programmes, or both.",
    )
    date_from = fields.Date(
        string="In Force From",
        help="The first day on which a document prints the basis (the document's own date: the "
        "day of the inspection, the date of the programme's decision). Empty: from the start.",
    )
    date_to = fields.Date(
        string="In Force Until",
        help="The last day on which a document prints the basis. Empty: still in force. When the "
        "law changes, end the basis the day before and add the new one: the documents dated "
        "before keep printing this one.",
    )
    external_only = fields.Boolean(
        string="Outside the Sector",
        help="While this basis is in force, an inspection of its kind is carried out by a body "
        "outside the health sector (the provincial inspectorate or another competent body): the "
        "module records it as an external inspection, with the body and its conclusion, and "
        "prints no minutes or programme of it in the name of a unit of the sector.",
    )
    note = fields.Text(help="Where the text comes from, what it replaced, what to check.")
    active = fields.Boolean(default=True)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("date_from", "date_to", "external_only", "inspection_type")
    def _check_dates(self):
        for basis in self:
            if basis.date_from and basis.date_to and basis.date_to < basis.date_from:
                raise ValidationError(
                    self.env._("The legal basis %(basis)s ends before it comes into force.", basis=basis.name)
                )
            if basis.external_only and basis.inspection_type in (False, "self"):
                raise ValidationError(
                    self.env._(
                        "The legal basis %(basis)s takes a kind of inspection out of the sector: choose "
                        "that kind (a self-inspection is always the unit's own).",
                        basis=basis.name,
                    )
                )

    # ------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------

    @api.model
    def _in_force(self, on_date, kind=None, document=None):
        """The active bases in force on ``on_date`` (read as superuser: the Department's
        configuration, printed on documents any reader may print), for ``kind`` (those of every
        kind too) and ``document`` (``"minutes"`` or ``"programme"``; those of both too)."""
        domain = [
            "|",
            ("date_from", "=", False),
            ("date_from", "<=", on_date),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", on_date),
        ]
        if kind:
            domain += ["|", ("inspection_type", "=", False), ("inspection_type", "=", kind)]
        if document:
            domain += [("document", "in", ("all", document))]
        return self.sudo().search(domain)

    @api.model
    def _external_rules(self):
        """``{kind: bases}``: the active bases that take a kind out of the sector, whatever their
        dates (one query for a whole recordset of inspections)."""
        ids = {}
        bases = self.sudo().search([("external_only", "=", True)])
        for basis in bases:
            ids.setdefault(basis.inspection_type, []).append(basis.id)
        return {kind: bases.browse(basis_ids) for kind, basis_ids in ids.items()}

    @api.model
    def _external_basis(self, kind, on_date, rules=None):
        """The basis that takes ``kind`` out of the sector on ``on_date``, or an empty recordset."""
        rules = self._external_rules() if rules is None else rules
        return (rules.get(kind) or self.browse()).filtered(lambda basis: basis._covers(on_date))[:1]

    def _covers(self, on_date):
        self.ensure_one()
        return (not self.date_from or self.date_from <= on_date) and (
            not self.date_to or on_date <= self.date_to
        )

    @api.model
    def _printed_texts(self, on_date, kind, document):
        """The texts a document of ``kind`` dated ``on_date`` prints after "Căn cứ", in order."""
        bases = self._in_force(on_date, kind=kind, document=document).filtered(
            lambda basis: not basis.external_only
        )
        return [basis.name.strip() for basis in bases if basis.name.strip()]
