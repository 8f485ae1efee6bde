# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the annual report tells its users, in the words of its status: the confirmation of an
acceptance, the deadline once the report is received or accepted, the figures just compiled,
the Action-Month supplement offered only when it can be made, and "remind now"."""

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .report_common import ReportCommon

FEEDBACK = {"gep_feedback": True}


@tagged("post_install", "-at_install")
@freeze_time("2026-12-05 03:00:00")
class TestReportWords(ReportCommon):
    """5 December 2026, deadline 10 December: unit A's report is a draft."""

    def setUp(self):
        super().setUp()
        self.report = self._new_report()

    # ------------------------------------------------------------
    # ACCEPTANCE
    # ------------------------------------------------------------

    def test_acceptance_is_confirmed_in_the_words_of_the_status(self):
        self._submit_at(self.report, "2026-12-05 03:00:00")
        action = self.report.with_user(self.dept_user).with_context(**FEEDBACK).action_approve()
        self.assertEqual(self.report.state, "accepted")
        states = dict(self.Report._fields["state"]._description_selection(self.env))
        self.assertEqual(action["params"]["title"], states["accepted"])
        self.assertIn("is accepted by the Department of Health", action["params"]["message"])
        self.assertNotIn("approved", action["params"]["message"])

    def test_acceptance_reads_accepted_in_vietnamese_too(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])
        self._submit_at(self.report, "2026-12-05 03:00:00")
        action = self.report.with_user(self.dept_user).with_context(lang="vi_VN", **FEEDBACK).action_approve()
        vi = self.env(context={"lang": "vi_VN"})
        status = dict(self.Report._fields["state"]._description_selection(vi))["accepted"]
        self.assertEqual(action["params"]["title"], status)
        self.assertEqual(status, "Đã chấp thuận")
        self.assertIn("chấp thuận", action["params"]["message"])
        self.assertNotIn("phê duyệt", action["params"]["message"])

    def test_the_heads_stage_is_still_told_as_an_approval(self):
        self.report.with_user(self.user_a).action_submit()
        action = self.report.with_user(self.manager_a).with_context(**FEEDBACK).action_approve()
        self.assertEqual(self.report.state, "submitted")
        self.assertIn("You approved your stage", action["params"]["message"])
        self.assertEqual(action["params"]["title"], "Approved")

    # ------------------------------------------------------------
    # THE DEADLINE, AS THE STATUS MAKES IT MATTER
    # ------------------------------------------------------------

    def test_a_draft_counts_the_days_left(self):
        self.assertEqual(self.report.deadline_status, "5 days left until 10/12/2026")

    def test_a_report_waiting_for_its_head_still_counts_the_days_left(self):
        self.report.with_user(self.user_a).action_submit()
        self.assertFalse(self.report.received_date)
        self.assertEqual(self.report.deadline_status, "5 days left until 10/12/2026")

    def test_a_received_report_no_longer_counts_the_days(self):
        self._submit_at(self.report, "2026-12-04 03:00:00")
        self.assertEqual(
            self.report.deadline_status,
            "Received by the Department of Health on 04/12/2026, on time; waiting for its acceptance.",
        )

    def test_an_accepted_report_owes_nothing(self):
        self._submit_at(self.report, "2026-12-04 03:00:00")
        self._accept(self.report)
        self.assertNotIn("days left", self.report.deadline_status)
        self.assertIn("nothing more is due", self.report.deadline_status)
        self.assertIn(
            "nothing more is due", self.Report.with_user(self.user_a)._get_deadline_message(2026, self.unit_a)
        )

    def test_a_page_of_several_units_counts_the_days_while_one_owes_its_report(self):
        self._submit_at(self.report, "2026-12-04 03:00:00")
        self._accept(self.report)
        units = self.unit_a | self.unit_b
        self.assertEqual(self.Report._get_deadline_message(2026, units), "5 days left until 10/12/2026")

    def test_a_late_draft_is_told_the_deadline_has_passed(self):
        with freeze_time("2026-12-12 03:00:00"):
            self.report.invalidate_recordset(["deadline_status"])
            self.assertEqual(self.report.deadline_status, "The deadline 10/12/2026 has passed")

    # ------------------------------------------------------------
    # COMPILING
    # ------------------------------------------------------------

    def test_compiling_from_the_button_says_what_was_compiled(self):
        action = self.report.with_user(self.user_a).with_context(**FEEDBACK).action_compile()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["title"], "Figures compiled")
        # Unit A, 2026: three activities held, two sessions received by its staff.
        self.assertIn("3 activities held, 2 sessions received by the staff", action["params"]["message"])
        self.assertIs(self.report.with_user(self.user_a).action_compile(), True, "scripts get True")


@tagged("post_install", "-at_install")
class TestSupplementOffer(ReportCommon):
    """Unit A's report is submitted on 5 December 2026; the Action Month ends on 15 December."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._new_report()
        cls._submit_at(cls.report, "2026-12-05 03:00:00")

    def _offered(self, moment, report=None):
        with freeze_time(moment):
            report = (report or self.report).with_user(self.user_a)
            report.invalidate_recordset(["can_add_supplement"])
            return report.can_add_supplement

    def test_not_offered_before_the_action_month_is_over(self):
        self.assertFalse(self._offered("2026-12-05 04:00:00"))
        self.assertFalse(self._offered("2026-12-15 16:00:00"), "15/12 23:00 in Thanh Hóa")

    def test_offered_from_the_day_after_the_action_month_until_31_january(self):
        self.assertTrue(self._offered("2026-12-15 18:00:00"), "16/12 01:00 in Thanh Hóa")
        self.assertTrue(self._offered("2027-01-31 03:00:00"))
        self.assertFalse(self._offered("2027-02-01 03:00:00"))

    def test_not_offered_for_a_report_not_submitted(self):
        draft = self._new_report(self.unit_b)
        self.assertFalse(self._offered("2026-12-16 03:00:00", draft))

    def test_the_rule_is_the_supplements_own(self):
        """The flag and the refusal of a supplement dated too early follow one rule: moving the
        Action Month moves both."""
        observance = self.env["gender.equality.observance"].search([("is_action_month", "=", True)])
        observance.write({"month_end": 12, "day_end": 20})
        self.assertFalse(self._offered("2026-12-16 03:00:00"))
        self.assertTrue(self._offered("2026-12-21 03:00:00"))

    @freeze_time("2026-12-16 03:00:00")
    def test_the_empty_list_says_what_a_supplement_is_for(self):
        action = self.report.with_user(self.manager_a).action_open_supplement()
        self.assertIn("No Action-Month supplement yet", action["help"])
        self.assertIn("31/01/2027", action["help"])
        self.assertIn("without reopening the report", action["help"])

    @freeze_time("2026-12-05 04:00:00")
    def test_before_the_period_the_list_says_when_it_opens(self):
        action = self.report.with_user(self.manager_a).action_open_supplement()
        self.assertIn("made from 16/12/2026", action["help"])


@tagged("post_install", "-at_install")
@freeze_time("2026-11-20 03:00:00")
class TestRemindNow(ReportCommon):
    """Unit A reported; unit B owes its report and has members; unit C owes it and its only
    member is archived; unit D owes it and has nobody."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._submit_at(cls._new_report(), "2026-11-19 03:00:00")
        cls.user_c.active = False
        cls.unit_d = cls.Unit.create({"name": "Unit D", "code": "TEST-D", "unit_type": "health_centre"})
        cls.consolidation = (
            cls.env["gender.equality.consolidation"].with_user(cls.dept_user).create({"year": 2026})
        )

    def test_says_how_many_were_reminded_and_who_has_nobody_to_remind(self):
        action = self.consolidation.action_remind_now()
        params = action["params"]
        self.assertEqual(
            params["message"],
            "3 units owe their report of 2026: 2 people of 1 units were reminded. 2 units have no user "
            "account to remind (call or write to them): Unit C, Unit D.",
        )
        self.assertEqual(params["type"], "warning")
        self.assertTrue(params["sticky"])

    def test_every_unit_reminded(self):
        self.user_c.active = True
        self.unit_d.user_ids = new_test_user(
            self.env, "gep_user_d", groups="gender_equality_plan.group_unit_user"
        )
        params = self.consolidation.action_remind_now()["params"]
        self.assertEqual(
            params["message"], "3 units owe their report of 2026: 4 people of 3 units were reminded."
        )
        self.assertEqual(params["type"], "success")
