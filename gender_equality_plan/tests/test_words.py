# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib
from lxml import etree

from odoo.tests import TransactionCase, tagged

from .test_screens import module_views

PO = Path(__file__).resolve().parent.parent / "i18n" / "vi.po"


@tagged("post_install", "-at_install")
class TestWords(TransactionCase):
    """The words a Vietnamese user reads: nothing technical, nothing English, nothing ambiguous."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["gender_equality_plan"], ["vi_VN"])
        cls.po = {entry.msgid: entry.msgstr for entry in polib.pofile(str(PO))}

    def test_communication_activities_are_told_apart_from_odoo_to_dos(self):
        # The plan list shows both side by side: "Hoạt động truyền thông" and Odoo's to-dos.
        Plan = self.env["gender.equality.plan"].with_context(lang="vi_VN")
        view = Plan.get_views([(False, "list")])
        arch = etree.fromstring(view["views"]["list"]["arch"])
        to_dos = arch.xpath("//field[@name='activity_ids']")[0].get("string")
        fields = view["models"]["gender.equality.plan"]["fields"]
        activities = fields["task_count"]["string"]
        self.assertEqual(to_dos, "Việc cần làm")
        self.assertIn("hoạt động truyền thông", activities.lower())
        self.assertEqual(
            Plan._fields["task_ids"].get_description(Plan.env)["string"], "Hoạt động truyền thông"
        )
        self.assertEqual(self.po["Activities"], "Việc cần làm", "Odoo's to-dos of the module's records")
        for msgid in ("Communication Activities", "Plan Activity", "Activities Count", "Overdue Activities"):
            self.assertIn("hoạt động truyền thông", self.po[msgid].lower(), msgid)

    def test_model_names_of_the_configuration_are_vietnamese(self):
        Stage = self.env["gender.equality.approval.stage"].with_context(lang="vi_VN")
        labels = dict(Stage._fields["res_model"]._description_selection(Stage.env))
        self.assertEqual(labels["gender.equality.plan"], self.po["Annual Communication Plan"])
        for model, label in labels.items():
            with self.subTest(model=model):
                self.assertNotEqual(label, self.env[model]._description, "a model name in English")

    def test_consolidation_breadcrumb_names_the_year(self):
        consolidation = self.env["gender.equality.consolidation"].create({"year": 2026})
        self.assertEqual(consolidation.display_name, "Consolidation 2026")
        self.assertEqual(consolidation.with_context(lang="vi_VN").display_name, "Tổng hợp năm 2026")

    def test_no_confirmation_answers_cancel_with_cancel(self):
        """Cancelling a plan, a report or an inspection asks in the confirmation wizard, whose
        buttons name what they do: none is named "Hủy" (Odoo's confirmation answers "Hủy
        kế hoạch này?" with a button "Hủy" that keeps the plan)."""
        for view in module_views(self.env, "form"):
            for button in etree.fromstring(view.arch).xpath("//button[@name='action_cancel']"):
                with self.subTest(view=view.xml_id):
                    self.assertIsNone(button.get("confirm"))
        arch = etree.fromstring(
            self.env.ref("gender_equality_plan.gender_equality_confirm_wizard_view_form")
            .with_context(lang="vi_VN")
            .arch
        )
        back = arch.xpath("//footer/button[@special='cancel']")[0].get("string")
        self.assertEqual(back, "Quay lại")
        self.assertEqual(self.po["Confirm Cancellation"], "Xác nhận hủy")
        for label in (back, self.po["Confirm Cancellation"], self.po["Submit Anyway"]):
            self.assertNotEqual(label.strip().lower(), "hủy")
