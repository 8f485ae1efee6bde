# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Deadlines are dates of the province: an action is overdue from 00:00 local time the day after.
LOCAL_TZ = "Asia/Ho_Chi_Minh"
OPEN_STATES = ("open", "in_progress")
# Reminders are sent this many days before the deadline.
REMINDER_DAYS = (7, 1)


def local_today():
    """Today's date in the province (Asia/Ho_Chi_Minh), whatever the user's or server's timezone."""
    return pytz.utc.localize(fields.Datetime.now()).astimezone(pytz.timezone(LOCAL_TZ)).date()


class GenderEqualityCorrectiveAction(models.Model):
    """A corrective action (biện pháp khắc phục) that a unit carries out after an inspection."""

    _name = "gender.equality.corrective.action"
    _description = "Corrective Action"
    _inherit = ["gender.equality.inbox.mixin", "mail.activity.mixin"]
    _order = "deadline, priority desc, id"

    name = fields.Char(string="Description", required=True, tracking=True)
    inspection_id = fields.Many2one(
        "gender.equality.inspection", string="Inspection", index=True, ondelete="cascade", tracking=True
    )
    unit_id = fields.Many2one(
        "gender.equality.unit",
        string="Unit",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    line_id = fields.Many2one(
        "gender.equality.inspection.line", string="Answer", ondelete="set null", index=True
    )
    item_id = fields.Many2one("gender.equality.checklist.item", string="Checklist Item", ondelete="set null")
    finding = fields.Text()
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        help="A member of the unit who carries out the action.",
    )
    deadline = fields.Date(
        tracking=True, help="Remediation deadline (thời hạn khắc phục), a date of the province."
    )
    priority = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        default="medium",
        required=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("verified", "Verified"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Open: to do. In Progress: the unit works on it. Done: the unit submitted its "
        "evidence. Verified: an inspector or the Department checked the evidence and closed "
        "the action. Cancelled: no longer needed.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gender_equality_corrective_action_attachment_rel",
        "action_id",
        "attachment_id",
        string="Evidence Files",
    )
    evidence_note = fields.Text(help="What was done, and where the evidence is.")
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        string="Overdue",
        help="The deadline has passed (in the province's time zone) and the action is neither "
        "done, verified nor cancelled.",
    )
    reopen_reason = fields.Text(readonly=True, copy=False)

    @api.depends("inspection_id")
    def _compute_unit_id(self):
        for action in self:
            if action.inspection_id:
                action.unit_id = action.inspection_id.unit_id

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = local_today()
        for action in self:
            action.is_overdue = bool(
                action.state in OPEN_STATES and action.deadline and action.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the field Overdue."))
        domain = [("state", "in", OPEN_STATES), ("deadline", "<", local_today())]
        positive = (operator == "=") == value
        return domain if positive else ["!", "&", *domain]

    @api.constrains("responsible_id", "unit_id")
    def _check_responsible_id(self):
        for action in self.sudo():
            if action.responsible_id and action.responsible_id not in action.unit_id.user_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(unit)s: the responsible of a corrective action "
                        "must belong to the unit.",
                        user=action.responsible_id.name,
                        unit=action.unit_id.name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state") == "verified" for vals in vals_list):
            self._check_is_verifier(
                self.env._("Only inspectors and the Department verify corrective actions.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if "unit_id" in vals or "inspection_id" in vals:
            self._check_is_verifier(
                self.env._("Only inspectors and the Department move a corrective action.")
            )
        if "state" in vals and (vals["state"] == "verified" or "verified" in self.mapped("state")):
            self._check_is_verifier(
                self.env._("Only inspectors and the Department verify or reopen corrective actions.")
            )
        return super().write(vals)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _is_verifier(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("gender_equality_plan.group_inspector")
            or user.has_group("gender_equality_plan.group_department_user")
        )

    def _check_is_verifier(self, message):
        if not self._is_verifier():
            raise AccessError(message)

    def _check_state(self, states, message):
        if any(action.state not in states for action in self):
            raise UserError(message)

    def action_start(self):
        self._check_state(("open",), self.env._("Only open corrective actions can be started."))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        """The unit reports the action as done; it must attach or describe its evidence."""
        self._check_state(OPEN_STATES, self.env._("Only open or started corrective actions can be done."))
        missing = self.filtered(
            lambda action: not action.attachment_ids and not (action.evidence_note or "").strip()
        )
        if missing:
            raise UserError(
                self.env._(
                    "Attach the evidence or describe it before marking the corrective action "
                    "“%(name)s” as done.",
                    name=missing[0].name,
                )
            )
        self.write({"state": "done"})
        return True

    def action_verify(self):
        self._check_is_verifier(self.env._("Only inspectors and the Department verify corrective actions."))
        self._check_state(("done",), self.env._("Only corrective actions reported as done can be verified."))
        self.write({"state": "verified"})
        return True

    def action_reopen(self, reason=None):
        self._check_is_verifier(self.env._("Only inspectors and the Department reopen corrective actions."))
        if not reason or not reason.strip():
            raise UserError(self.env._("Give the reason why the corrective action is reopened."))
        self._check_state(
            ("done", "verified"), self.env._("Only done or verified corrective actions can be reopened.")
        )
        self.write({"state": "in_progress", "reopen_reason": reason})
        for action in self:
            action._message_log(
                body=self.env._("Corrective action reopened. Reason: %(reason)s", reason=reason)
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda action: action.state == "verified"):
            raise UserError(self.env._("A verified corrective action cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_open_reopen_wizard(self):
        return self.env["gender.equality.reason.wizard"]._get_action(self, "action_reopen")

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_remind_corrective_actions(self):
        """Send each user ONE digest of their corrective actions: those due soon (reminder to
        the responsible) and those overdue (escalated to the responsible, the unit heads and
        the Department). Internal notifications: they reach users without an e-mail address."""
        today = local_today()
        due_dates = [today + timedelta(days=days) for days in REMINDER_DAYS]
        Action = self.sudo()
        due_soon = Action.search([("state", "in", OPEN_STATES), ("deadline", "in", due_dates)])
        overdue = Action.search([("is_overdue", "=", True)])
        department_users = self.env.ref("gender_equality_plan.group_department_user").sudo().users
        digests = defaultdict(lambda: {"due": Action.browse(), "overdue": Action.browse()})
        for action in due_soon:
            for user in action.responsible_id or action.unit_id.manager_ids:
                digests[user]["due"] |= action
        for action in overdue:
            for user in action.responsible_id | action.unit_id.manager_ids | department_users:
                digests[user]["overdue"] |= action
        for user, digest in digests.items():
            self._send_reminder_digest(user, digest["due"], digest["overdue"])
        return True

    def _send_reminder_digest(self, user, due_soon, overdue):
        if not user.active or not user.partner_id:
            return
        body = Markup()
        sections = [
            (due_soon, self.env._("Corrective actions due soon:")),
            (overdue, self.env._("Overdue corrective actions:")),
        ]
        for actions, title in sections:
            if not actions:
                continue
            items = Markup().join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(unit)s: %(name)s (deadline %(deadline)s)",
                    unit=action.unit_id.name,
                    name=action.name,
                    deadline=action.deadline.strftime("%d/%m/%Y"),
                )
                for action in actions
            )
            body += Markup("<p>%s</p><ul>%s</ul>") % (escape(title), items)
        # Called on the (empty) model, not on mail.thread: _notify_get_recipients below applies.
        # Sent by OdooBot: whoever runs the cron, the author needs no e-mail address.
        self.browse().sudo().message_notify(
            author_id=self.env.ref("base.partner_root").id,
            partner_ids=user.partner_id.ids,
            subject=self.env._("Corrective actions: reminder"),
            body=body,
        )
