# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plan section V: topics (the Sub-department of Population and Family Planning's brief),
integration activity types, communication products counted by the annual report, and a unit's
own traditional day."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .plan_common import GenderEqualityPlanCommon
from .report_common import RESULTS

EVIDENCE = [Command.create({"name": "bien-ban.pdf", "raw": b"minutes"})]


@tagged("post_install", "-at_install")
class TestTopicsAndProductsCounted(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.sex_ratio = ref("gender_equality_plan.gender_equality_topic_sex_ratio")
        cls.reproductive = ref("gender_equality_plan.gender_equality_topic_reproductive_health")
        cls.type_culture = ref("gender_equality_plan.gender_equality_activity_type_culture_sports")
        session, talk, rally = cls.plan.task_ids
        cls.session, cls.talk, cls.rally = session, talk, rally
        # Planned by the unit while its plan is a draft.
        session.with_user(cls.user_a).write(
            {"topic_ids": [Command.set((cls.sex_ratio | cls.reproductive).ids)]}
        )
        talk.with_user(cls.user_a).write(
            {"topic_ids": [Command.set(cls.reproductive.ids)], "activity_type_id": cls.type_culture.id}
        )
        cls._approve_plan(cls.plan)
        Product = cls.env["gender.equality.communication.product"].with_user(cls.user_a)
        cls.leaflets = Product.create(
            [
                {
                    "task_id": session.id,
                    "kind": "leaflet",
                    "name": "Tờ rơi Luật Bình đẳng giới",
                    "quantity": 200,
                },
                {"task_id": talk.id, "kind": "leaflet", "name": "Tờ gấp", "quantity": 50},
            ]
        )
        cls.online = Product.create(
            {"task_id": session.id, "kind": "online", "name": "Tài liệu", "quantity": 3}
        )
        cls.video_not_done = Product.create(
            {"task_id": rally.id, "kind": "video", "name": "Phóng sự", "quantity": 1}
        )
        for task, day in ((session, date(2026, 3, 5)), (talk, date(2026, 10, 20))):
            task.with_user(cls.user_a).write(
                {
                    "actual_date_start": day,
                    "actual_date_end": day,
                    "participants_male": 10,
                    "participants_female": 15,
                    "attachment_ids": EVIDENCE,
                }
            )
            task.with_user(cls.user_a).action_done()
        cls.report = (
            cls.env["gender.equality.report"]
            .with_user(cls.user_a)
            .create({"unit_id": cls.unit_a.id, "year": 2026, "results": RESULTS})
        )
        cls.report.action_compile()

    def _line(self, section, key):
        return self.report.line_ids.filtered(lambda line: (line.section, line.key) == (section, key))

    def test_activities_are_counted_by_topic(self):
        sex_ratio = self._line("topic", f"topic_{self.sex_ratio.id}")
        self.assertEqual((sex_ratio.value, sex_ratio.topic_id), (1, self.sex_ratio))
        self.assertEqual(sex_ratio.source_ids, self.session.ids)
        reproductive = self._line("topic", f"topic_{self.reproductive.id}")
        self.assertEqual(reproductive.value, 2)
        self.assertEqual((reproductive.participants_male, reproductive.participants_female), (20, 30))
        self.assertEqual(sorted(reproductive.source_ids), sorted((self.session | self.talk).ids))

    def test_communication_products_are_counted_by_kind(self):
        leaflets = self._line("product", "product_leaflet")
        self.assertEqual((leaflets.value, leaflets.product_kind), (250, "leaflet"))
        self.assertEqual(sorted(leaflets.source_ids), sorted(self.leaflets.ids))
        self.assertEqual(self._line("product", "product_online").value, 3)
        self.assertFalse(self._line("product", "product_video"), "the activity is not done")
        action = leaflets.action_open_source()
        self.assertEqual(action["res_model"], "gender.equality.communication.product")

    def test_the_consolidation_counts_topics_and_products_of_accepted_reports(self):
        Report = self.env["gender.equality.report"]

        def counted():
            summary = Report.get_kpi_summary(2026)
            topics = {
                row["topic_id"]: (row["count"], row["male"], row["female"]) for row in summary["by_topic"]
            }
            products = {row["kind"]: row["quantity"] for row in summary["products_by_kind"]}
            return topics, products

        # Other accepted reports of the year (the demo's) count too: compare before and after.
        topics_before, products_before = counted()
        self.report.with_user(self.user_a).action_submit()
        self.assertEqual(counted(), (topics_before, products_before), "not accepted yet")
        self.report.with_user(self.manager_a).action_approve()
        self.report.with_user(self.dept_user).action_approve()
        topics, products = counted()
        before = topics_before.get(self.reproductive.id, (0, 0, 0))
        self.assertEqual(
            tuple(now - then for now, then in zip(topics[self.reproductive.id], before, strict=True)),
            (2, 20, 30),
        )
        self.assertEqual(topics[self.sex_ratio.id][0] - topics_before.get(self.sex_ratio.id, (0,))[0], 1)
        self.assertEqual(products["leaflet"] - products_before.get("leaflet", 0), 250)
        self.assertEqual(products["online"] - products_before.get("online", 0), 3)
        consolidation = self.env["gender.equality.consolidation"].create({"year": 2026})
        self.assertIn(self.reproductive.name, consolidation.participants_html)

    def test_the_integration_duties_are_activity_types_that_count(self):
        self.assertEqual(self._line("activity_type", f"type_{self.type_culture.id}").value, 1)
        for name in ("culture_sports", "sdg_integration", "emulation_movement"):
            with self.subTest(type=name):
                self.assertTrue(
                    self.env.ref(f"gender_equality_plan.gender_equality_activity_type_{name}").active
                )

    def test_the_report_prints_topics_and_products(self):
        # The printed report is in Vietnamese whoever compiles it.
        sections = dict(self.report._pdf_figures())
        self.assertIn("Hoạt động theo chủ đề", sections)
        self.assertIn(("Tờ rơi, áp phích", "250"), sections["Sản phẩm truyền thông"])

    def test_products_are_frozen_once_a_report_counts_their_activity(self):
        self.report.action_submit()
        with self.assertRaises(ValidationError):
            self.leaflets[0].with_user(self.user_a).write({"quantity": 2000})
        with self.assertRaises(ValidationError):
            self.env["gender.equality.communication.product"].with_user(self.user_a).create(
                {"task_id": self.session.id, "kind": "video", "name": "Thêm sau", "quantity": 1}
            )
        with self.assertRaises(ValidationError):
            self.leaflets[0].with_user(self.user_a).unlink()

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_another_unit_sees_nothing_of_the_products(self):
        Product = self.env["gender.equality.communication.product"].with_user(self.user_b)
        self.assertFalse(Product.search([("id", "in", self.leaflets.ids)]))
        with self.assertRaises(AccessError):
            self.leaflets[0].with_user(self.user_b).read(["quantity"])


@tagged("post_install", "-at_install")
class TestProductsWithTheExecution(GenderEqualityPlanCommon):
    def test_no_product_before_the_plan_is_approved(self):
        with self.assertRaises(ValidationError):
            self.env["gender.equality.communication.product"].with_user(self.user_a).create(
                {"task_id": self.task_dissemination.id, "kind": "leaflet", "name": "Tờ rơi", "quantity": 10}
            )

    def test_quantities_are_positive(self):
        self._approve_plan(self.plan)
        with self.assertRaises(ValidationError):
            self.env["gender.equality.communication.product"].with_user(self.user_a).create(
                {"task_id": self.task_dissemination.id, "kind": "leaflet", "name": "Tờ rơi", "quantity": 0}
            )


@tagged("post_install", "-at_install")
class TestUnitObservances(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Observance = cls.env["gender.equality.observance"]
        cls.womens_day = cls.env.ref("gender_equality_plan.gender_equality_observance_womens_day")
        cls.unit_day = cls.Observance.with_user(cls.user_a).create(
            {
                "name": "Ngày truyền thống Unit A",
                "day_start": 12,
                "month_start": 8,
                "day_end": 12,
                "month_end": 8,
            }
        )

    def test_a_unit_adds_its_own_day(self):
        self.assertEqual(self.unit_day.unit_id, self.unit_a)
        self.assertTrue(self.unit_day.with_user(self.manager_a).can_edit)
        self.unit_day.with_user(self.manager_a).write({"description": "Thành lập năm 1965"})

    def test_another_unit_does_not_see_it_and_every_unit_sees_the_departments(self):
        found = self.Observance.with_user(self.user_b).search(
            [("id", "in", (self.unit_day | self.womens_day).ids)]
        )
        self.assertEqual(found, self.womens_day)
        self.assertFalse(self.womens_day.with_user(self.user_b).can_edit)
        found = self.Observance.with_user(self.inspector).search([("id", "=", self.unit_day.id)])
        self.assertEqual(found, self.unit_day, "inspectors and the Department see every unit's days")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_a_unit_does_not_change_the_departments_observances(self):
        with self.assertRaises(AccessError):
            self.womens_day.with_user(self.manager_a).write({"name": "Ngày của chúng tôi"})
        with self.assertRaises(AccessError):
            self.Observance.with_user(self.user_a).create(
                {
                    "name": "Cho mọi đơn vị",
                    "unit_id": False,
                    "day_start": 1,
                    "month_start": 5,
                    "day_end": 1,
                    "month_end": 5,
                }
            )
        with self.assertRaises(AccessError):
            self.Observance.with_user(self.user_a).create(
                {
                    "name": "Của đơn vị B",
                    "unit_id": self.unit_b.id,
                    "day_start": 1,
                    "month_start": 5,
                    "day_end": 1,
                    "month_end": 5,
                }
            )

    def test_the_action_month_and_the_themes_stay_the_departments(self):
        with self.assertRaises(AccessError):
            self.unit_day.with_user(self.user_a).write({"is_action_month": True})
        with self.assertRaises(AccessError):
            self.unit_day.with_user(self.user_a).write(
                {"theme_ids": [Command.create({"year": 2026, "theme": "Chủ đề"})]}
            )

    def test_another_units_activity_cannot_refer_to_it(self):
        plan_b = self.Plan.with_user(self.user_b).create({"unit_id": self.unit_b.id, "year": 2026})
        vals = dict(
            self._task_vals("Kỷ niệm", date(2026, 8, 12)), plan_id=plan_b.id, observance_id=self.unit_day.id
        )
        with self.assertRaises(AccessError):
            self.Task.with_user(self.user_b).create(vals)
        with self.assertRaisesRegex(ValidationError, "another unit"):
            self.Task.with_user(self.dept_manager).create(vals)

    def test_preparing_a_year_suggests_a_units_day_to_that_unit_only(self):
        wizard = (
            self.env["gender.equality.prepare.year.wizard"]
            .with_user(self.dept_manager)
            .create({"year": 2031, "unit_ids": [Command.set((self.unit_a | self.unit_b).ids)]})
        )
        wizard.action_prepare()
        plans = self.Plan.search([("year", "=", 2031)])
        plan_a = plans.filtered(lambda plan: plan.unit_id == self.unit_a)
        plan_b = plans.filtered(lambda plan: plan.unit_id == self.unit_b)
        self.assertIn(self.unit_day, plan_a.task_ids.observance_id)
        self.assertNotIn(self.unit_day, plan_b.task_ids.observance_id)
        self.assertIn(self.womens_day, plan_b.task_ids.observance_id)
