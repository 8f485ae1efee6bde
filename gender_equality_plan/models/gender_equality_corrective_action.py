# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import roles
from ..tools.common import local_today

# Deadlines are dates of the province: an action is overdue from 00:00 local time the day after.
OPEN_STATES = ("open", "in_progress")
# Reminders are sent this many days before the deadline.
REMINDER_DAYS = (7, 1)
# What the inspectors and the Department decide; the unit carries the action out.
VERIFIER_FIELDS = (
    "name",
    "finding",
    "inspection_id",
    "unit_id",
    "line_id",
    "item_id",
    "deadline",
    "priority",
)


class GenderEqualityCorrectiveAction(models.Model):
    """A corrective action (biện pháp khắc phục) that a unit carries out after an inspection."""

    _name = "gender.equality.corrective.action"
    _description = "Corrective Action"
    _inherit = ["gender.equality.guard.mixin", "gender.equality.inbox.mixin", "mail.activity.mixin"]
    _order = "deadline, priority desc, id"
    # Integrity policy: a corrective action belongs to whoever verifies it. Inspectors and the
    # Department create it and set its deadline and priority (changed later through
    # ``action_reschedule``, with a reason); the unit records its evidence and marks it done.
    _gep_parent_field = "inspection_id"
    _gep_locked_with_parent = False
    _gep_create_only_fields = ("unit_id", "line_id", "item_id", "deadline", "priority")
    _gep_protected_fields = ("state",)
    _gep_field_groups = dict.fromkeys(VERIFIER_FIELDS, (roles.INSPECTOR, roles.DEPARTMENT_USER))

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
        ondelete="restrict",
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
    is_editable = fields.Boolean(
        compute="_compute_flags",
        string="Editable",
        help="The unit works on the action: its evidence and responsible can change.",
    )
    is_locked = fields.Boolean(
        compute="_compute_flags", string="Locked", help="Verified or cancelled: nothing changes any more."
    )
    is_verifier = fields.Boolean(
        compute="_compute_permissions", help="You are an inspector or a member of the Department."
    )
    can_verify = fields.Boolean(compute="_compute_permissions", string="Can I Verify")
    can_reopen = fields.Boolean(compute="_compute_permissions")
    can_cancel = fields.Boolean(compute="_compute_permissions")
    can_reschedule = fields.Boolean(compute="_compute_permissions")

    @api.depends("inspection_id")
    def _compute_unit_id(self):
        for action in self:
            if action.inspection_id:
                action.unit_id = action.inspection_id.unit_id

    @api.depends("state")
    def _compute_flags(self):
        for action in self:
            action.is_editable = action.state in OPEN_STATES
            action.is_locked = action.state in ("verified", "cancelled")

    @api.depends("state", "inspection_id.inspecting_unit_id")
    @api.depends_context("uid")
    def _compute_permissions(self):
        is_verifier = roles.is_verifier(self.env)
        decided_by_user = self._verifiable_by_user()
        for action in self:
            decides = action in decided_by_user
            action.is_verifier = is_verifier
            action.can_verify = decides and action.state == "done"
            action.can_reopen = decides and action.state in ("done", "verified")
            action.can_cancel = decides and not action.is_locked
            action.can_reschedule = action.can_cancel

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
    # ACTIONS
    # ------------------------------------------------------------

    def _verifiable_by_user(self):
        """The actions that the current user decides (verifies, reopens, cancels, reschedules):
        every action for inspectors and the Department; for the members of a unit, the actions
        of its inspections of its affiliated units."""
        if roles.is_verifier(self.env):
            return self
        units = self.env.user.gep_unit_ids
        return self.filtered(
            lambda action: action.sudo()._inspecting_unit() in units
            and action.sudo()._inspecting_unit() != action.sudo().unit_id
        )

    def _inspecting_unit(self):
        """The unit that inspected the unit of the action (none for an action without inspection)."""
        self.ensure_one()
        return self.inspection_id.inspecting_unit_id

    def _check_is_verifier(self, message):
        if self - self._verifiable_by_user():
            raise AccessError(message)

    def _check_state(self, states, message):
        if any(action.state not in states for action in self):
            raise UserError(message)

    def _check_flag(self, flag, message):
        if not all(self.mapped(flag)):
            raise UserError(message)

    def _write_state(self, vals):
        """Write the status (and its bookkeeping) after the action checked it may."""
        self.check_access("write")
        self.sudo().write(vals)

    def action_start(self):
        self._check_state(("open",), self.env._("Only open corrective actions can be started."))
        self._write_state({"state": "in_progress"})
        return True

    def action_done(self):
        """The unit reports the action as done; it must attach or describe its evidence."""
        self._check_flag("is_editable", self.env._("Only open or started corrective actions can be done."))
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
        self._write_state({"state": "done"})
        return self._gep_feedback(
            self.env._(
                "The evidence of %(actions)s is submitted: those who inspected the unit verify it.",
                actions=", ".join(self.mapped("name")),
            ),
            self.env._("Evidence submitted"),
        )

    def action_verify(self):
        self._check_is_verifier(
            self.env._(
                "Only inspectors, the Department and the unit that carried out the inspection "
                "verify corrective actions."
            )
        )
        self._check_flag(
            "can_verify", self.env._("Only corrective actions reported as done can be verified.")
        )
        self._write_state({"state": "verified"})
        return self._gep_feedback(
            self.env._("Verified: %(actions)s.", actions=", ".join(self.mapped("name"))),
            self.env._("Corrective action verified"),
        )

    def action_reopen(self, reason=None):
        self._check_is_verifier(
            self.env._(
                "Only inspectors, the Department and the unit that carried out the inspection "
                "reopen corrective actions."
            )
        )
        self._check_flag(
            "can_reopen", self.env._("Only done or verified corrective actions can be reopened.")
        )
        reason = self._check_reason(
            reason, self.env._("Give the reason why the corrective action is reopened.")
        )
        self._write_state({"state": "in_progress", "reopen_reason": reason})
        self._log_with_reason(self.env._("Corrective action reopened."), reason)
        return True

    def action_cancel(self, reason=None):
        """Cancel the actions with a reason (inspectors, the Department and the unit that carried
        out the inspection). Without a reason (a button), ask for it."""
        self._check_is_verifier(
            self.env._(
                "Only inspectors, the Department and the unit that carried out the inspection "
                "cancel corrective actions."
            )
        )
        self._check_flag(
            "can_cancel", self.env._("A verified or cancelled corrective action cannot be cancelled.")
        )
        if reason is None:
            return self.env["gender.equality.reason.wizard"]._get_action(
                self, "action_cancel", self.env._("Cancel the corrective action")
            )
        reason = self._check_reason(
            reason, self.env._("Give the reason why the corrective action is cancelled.")
        )
        self._write_state({"state": "cancelled"})
        self._log_with_reason(self.env._("Corrective action cancelled."), reason)
        return True

    def action_reschedule(self, reason=None, deadline=None, priority=None):
        """Change the deadline and/or the priority, with a reason (inspectors, the Department and
        the unit that carried out the inspection). Without a reason (a button), ask for it."""
        self._check_is_verifier(
            self.env._(
                "Only inspectors, the Department and the unit that carried out the inspection change "
                "a deadline or a priority."
            )
        )
        self._check_flag(
            "can_reschedule", self.env._("A verified or cancelled corrective action cannot be rescheduled.")
        )
        if reason is None:
            return self.env["gender.equality.reason.wizard"]._get_action(
                self, "action_reschedule", self.env._("Change the deadline or the priority")
            )
        reason = self._check_reason(
            reason, self.env._("Give the reason why the deadline or the priority changes.")
        )
        vals = {}
        if deadline:
            vals["deadline"] = deadline
        if priority:
            vals["priority"] = priority
        if not vals:
            raise UserError(self.env._("Give the new deadline or the new priority."))
        self._gep_check_values(vals)
        self._write_state(vals)
        self._log_with_reason(self.env._("Deadline or priority changed."), reason)
        return True

    def action_open_reopen_wizard(self):
        return self.env["gender.equality.reason.wizard"]._get_action(self, "action_reopen")

    def _check_reason(self, reason, message):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(message)
        return reason

    def _log_with_reason(self, message, reason):
        body = Markup("%s<br/>%s") % (message, self.env._("Reason: %(reason)s", reason=reason))
        self.sudo()._message_log_batch(
            bodies=dict.fromkeys(self.ids, body), author_id=self.env.user.partner_id.id
        )

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _cron_remind_corrective_actions(self):
        """Send each user ONE digest of their corrective actions: those due soon (reminder to
        the responsible) and those overdue (escalated to the responsible, the unit heads and
        the Department). Internal notifications: they reach users without an e-mail address."""
        self._gep_check_cron_caller()
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
            # The unit that inspected the unit (a parent unit) hears of it too.
            inspecting_heads = action.inspection_id.inspecting_unit_id.manager_ids
            for user in (
                action.responsible_id | action.unit_id.manager_ids | inspecting_heads | department_users
            ):
                digests[user]["overdue"] |= action
        for user, digest in digests.items():
            self._send_reminder_digest(user, digest["due"], digest["overdue"])
        return True

    def _send_reminder_digest(self, user, due_soon, overdue):
        """One digest to ``user``, in their language, from OdooBot (the author needs no e-mail
        address, and the digest reaches users without one)."""
        if not user.active or not user.partner_id:
            return
        env = self.with_context(lang=user.lang).env
        body = Markup()
        sections = [
            (due_soon, env._("Corrective actions due soon:")),
            (overdue, env._("Overdue corrective actions:")),
        ]
        for actions, title in sections:
            if not actions:
                continue
            items = Markup().join(
                Markup("<li>%s</li>")
                % env._(
                    "%(unit)s: %(name)s (deadline %(deadline)s)",
                    unit=action.unit_id.name,
                    name=action.name,
                    deadline=action.deadline.strftime("%d/%m/%Y"),
                )
                for action in actions
            )
            body += Markup("<p>%s</p><ul>%s</ul>") % (escape(title), items)
        bot = self.env.ref("base.user_root")
        self.browse().with_user(bot).sudo()._gep_notify(user, env._("Corrective actions: reminder"), body)
