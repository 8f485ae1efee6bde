# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import GenderEqualityCommon


@tagged("post_install", "-at_install")
class TestAwarenessSurvey(GenderEqualityCommon):
    def _survey(self, year=2026, user=None, **vals):
        return (
            self.env["gender.equality.awareness.survey"]
            .with_user(user or self.user_a)
            .create(
                dict(
                    {
                        "unit_id": self.unit_a.id,
                        "year": year,
                        "target_group": "staff",
                        "respondents_male": 40,
                        "respondents_female": 60,
                        "correct_male": 30,
                        "correct_female": 45,
                    },
                    **vals,
                )
            )
        )

    def test_awareness_rate(self):
        self.assertEqual(self._survey().awareness_rate, 75.0)

    def test_2025_is_the_baseline(self):
        self.assertTrue(self._survey(2025, user=self.dept_manager).is_baseline)
        self.assertFalse(self._survey(2026).is_baseline)

    def test_unit_cannot_record_or_change_the_baseline(self):
        with self.assertRaises(ValidationError):
            self._survey(2025)
        baseline = self._survey(2025, user=self.dept_manager)
        self.assertFalse(baseline.with_user(self.user_a).can_edit)
        with self.assertRaises(ValidationError):
            baseline.with_user(self.user_a).correct_male = 0
        with self.assertRaises(ValidationError):
            self._survey(2026).with_user(self.user_a).year = 2025
        self.assertEqual(baseline.correct_male, 30)

    def test_more_correct_answers_than_respondents_is_refused(self):
        with self.assertRaises(ValidationError):
            self._survey(correct_female=61)

    def test_negative_numbers_are_refused(self):
        with self.assertRaises(ValidationError):
            self._survey(respondents_male=-1, correct_male=-1)

    def test_one_indicator_status_per_unit_and_year(self):
        Status = self.env["gender.equality.indicator.status"]
        Status.create({"unit_id": self.unit_a.id, "year": 2026, "status": "pilot"})
        with self.assertRaisesRegex(ValidationError, "one status a year"):
            Status.with_user(self.user_a).create(
                {"unit_id": self.unit_a.id, "year": 2026, "status": "official"}
            )
        # The database holds the rule too (a script writing past the check).
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env.cr.execute(
                "INSERT INTO gender_equality_indicator_status (unit_id, year, status, state) "
                "VALUES (%s, 2026, 'official', 'draft')",
                [self.unit_a.id],
            )

    def test_new_survey_form_takes_another_year_when_this_one_is_closed(self):
        """The fields of a new survey stay editable when its default year is locked (the unit's
        report of the year is submitted): the officer records the survey of another year, and the
        policy judges the year when the survey is saved."""
        report = self.env["gender.equality.report"].create({"unit_id": self.unit_a.id, "year": 2027})
        report.write({"state": "submitted"})  # as the superuser: the workflow is not the point
        Survey = self.env["gender.equality.awareness.survey"].with_user(self.user_a)
        self.assertTrue(Survey.new({"unit_id": self.unit_a.id, "year": 2027}).is_locked)
        with Form(Survey.with_context(default_year=2027)) as form:
            self.assertTrue(form.can_edit)
            form.year = 2028
            form.target_group = "patients_families"
            form.respondents_male = 5
            form.respondents_female = 5
        self.assertEqual(form.record.year, 2028)
        with self.assertRaises(ValidationError) as caught, mute_logger("odoo.models"):
            self._survey(2027)
        self.assertEqual(caught.exception.gep_code, "locked")
