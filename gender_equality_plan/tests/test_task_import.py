# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A unit imports the activities of its plan from the shipped workbook, with Odoo's import, as
the web client does it (a test run, then the import), in Vietnamese."""

import io
from datetime import date
from pathlib import Path

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.modules import get_module_path
from odoo.tests import tagged

from ..models.gender_equality_task import IMPORT_COLUMNS, IMPORT_TEMPLATE
from .plan_common import GenderEqualityPlanCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE = Path(get_module_path("gender_equality_plan")).parent / IMPORT_TEMPLATE.lstrip("/")
OPTIONS = {
    "has_headers": True,
    "advanced": False,
    "keep_matches": False,
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ".",
    "float_decimal_separator": ",",
    "quoting": '"',
    "separator": "",
    "encoding": "",
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    "skip": 0,
    "limit": 2000,
}
GOOD_ROWS = [
    (
        "Phổ biến Luật Bình đẳng giới cho viên chức",
        "III.1",
        "Truyền thông, phổ biến pháp luật, chính sách về bình đẳng giới",
        None,
        "Cán bộ, viên chức, người lao động của đơn vị",
        "Khoa Nội, khoa Ngoại",
        "Trực tiếp",
        date(2027, 3, 5),
        date(2027, 3, 5),
        "Ngân sách nhà nước",
        2_000_000,
    ),
    (
        "Mít tinh hưởng ứng Tháng hành động",
        "III.4",
        "Sự kiện, lễ mít tinh hưởng ứng",
        "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
        "Người bệnh và người nhà",
        None,
        "Trực tiếp",
        date(2027, 11, 16),
        date(2027, 11, 20),
        "Nguồn hợp pháp khác",
        5_500_000,
    ),
]


@tagged("post_install", "-at_install")
class TestTaskImport(GenderEqualityPlanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_vi_VN").active = True
        (cls.user_a | cls.user_b).lang = "vi_VN"
        cls.draft = cls.Plan.with_user(cls.user_a).create({"unit_id": cls.unit_a.id, "year": 2027})

    def _workbook(self, rows):
        """The shipped template with ``rows`` written under its headers."""
        book = openpyxl.load_workbook(TEMPLATE)
        sheet = book.worksheets[0]
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def _import(self, content, plan=None, user=None, dryrun=False):
        """Preview then import ``content`` into ``plan`` as ``user``, as the import dialog does."""
        plan = plan or self.draft
        context = {"default_plan_id": plan.id, "lang": "vi_VN"}
        importer = (
            self.env["base_import.import"]
            .with_user(user or self.user_a)
            .with_context(**context)
            .create({"res_model": "gender.equality.task", "file": content, "file_type": XLSX})
        )
        preview = importer.parse_preview(dict(OPTIONS))
        self.assertNotIn("error", preview, preview.get("error"))
        fields = [preview["matches"].get(index, [False])[0] for index in range(len(preview["headers"]))]
        options = dict(OPTIONS, sheet=preview["options"]["sheet"])
        return fields, importer.execute_import(fields, preview["headers"], options, dryrun=dryrun)

    def test_template_offered_by_the_import_dialog(self):
        templates = self.Task.with_user(self.user_a).get_import_templates()
        self.assertEqual(templates[0]["template"], IMPORT_TEMPLATE)
        self.assertTrue(TEMPLATE.is_file())

    def test_every_header_maps_to_its_field_in_vietnamese(self):
        fields, _result = self._import(self._workbook(GOOD_ROWS[:1]), dryrun=True)
        self.assertEqual(tuple(fields), IMPORT_COLUMNS, "run dev/import_template.py to refresh the template")
        headers = [cell.value for cell in openpyxl.load_workbook(TEMPLATE).worksheets[0][1]]
        labels = self.Task.with_context(lang="vi_VN").fields_get(list(IMPORT_COLUMNS), ["string"])
        self.assertEqual(headers, [labels[name]["string"] for name in IMPORT_COLUMNS])

    def test_good_rows_become_activities_of_the_plan(self):
        _fields, result = self._import(self._workbook(GOOD_ROWS))
        self.assertFalse(result["messages"], result["messages"])
        staff, action_month = self.draft.task_ids.sorted("date_start")
        self.assertEqual(len(result["ids"]), 2)
        self.assertEqual(staff.area_id, self.area_information)
        self.assertEqual(staff.activity_type_id, self.type_dissemination)
        self.assertEqual(staff.target_group, "staff")
        self.assertEqual(staff.target_group_note, "Khoa Nội, khoa Ngoại")
        self.assertEqual(staff.funding_source_id, self.funding_state)
        self.assertEqual(staff.planned_budget, 2_000_000)
        self.assertTrue(staff.is_staff_session)
        self.assertEqual(action_month.target_group, "patients_families")
        self.assertEqual(
            (action_month.date_start, action_month.date_end), (date(2027, 11, 16), date(2027, 11, 20))
        )
        self.assertTrue(action_month.is_action_month)
        self.assertTrue(action_month.observance_id.is_action_month, action_month.observance_id.name)
        self.assertEqual(self.draft.task_count, 2)

    def test_a_file_with_bad_rows_imports_nothing_and_names_the_rows(self):
        wrong_year = (*GOOD_ROWS[0][:7], date(2026, 3, 5), date(2026, 3, 5), *GOOD_ROWS[0][9:])
        unknown_area = (GOOD_ROWS[1][0], "III.9", *GOOD_ROWS[1][2:])
        negative = (*GOOD_ROWS[0][:10], -5)
        rows = [GOOD_ROWS[0], wrong_year, unknown_area, negative]
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                _fields, result = self._import(self._workbook(rows), dryrun=dryrun)
                self.assertFalse(result["ids"])
                self.assertFalse(self.draft.task_ids, "nothing of a wrong file is imported")
                errors = [message for message in result["messages"] if message["type"] == "error"]
                self.assertTrue(errors)
                text = " ".join(message["message"] for message in errors)
                # The unknown area is named in Vietnamese, with its column and row.
                self.assertIn("III.9", text)
                self.assertIn("Lĩnh vực", text)
                self.assertTrue(any(message.get("rows", {}).get("from") == 2 for message in errors), errors)

    def test_each_kind_of_bad_row_is_explained_in_vietnamese(self):
        cases = {
            "là năm của kế hoạch": (*GOOD_ROWS[0][:7], date(2026, 3, 5), date(2026, 3, 5), *GOOD_ROWS[0][9:]),
            "kết thúc trước ngày bắt đầu": (
                *GOOD_ROWS[0][:7],
                date(2027, 3, 5),
                date(2027, 3, 1),
                *GOOD_ROWS[0][9:],
            ),
            "số âm": (*GOOD_ROWS[0][:10], -5),
        }
        for words, row in cases.items():
            with self.subTest(words=words):
                _fields, result = self._import(self._workbook([row]))
                self.assertFalse(result["ids"])
                self.assertIn(words, " ".join(message["message"] for message in result["messages"]))

    def test_an_approved_plan_takes_no_import(self):
        self._approve_all()
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_a).action_import_tasks()
        _fields, result = self._import(self._workbook(GOOD_ROWS), plan=self.plan)
        self.assertFalse(result["ids"])
        self.assertEqual(len(self.plan.task_ids), 3)

    def test_another_units_plan_takes_no_import(self):
        with self.assertRaises(AccessError):
            self.draft.with_user(self.user_b).action_import_tasks()
        _fields, result = self._import(self._workbook(GOOD_ROWS), user=self.user_b)
        self.assertFalse(result["ids"])
        self.assertFalse(self.draft.task_ids)

    def test_import_action_opens_the_dialog_for_the_plan(self):
        action = self.draft.with_user(self.user_a).action_import_tasks()
        self.assertEqual(action["tag"], "import")
        self.assertEqual(action["params"]["model"], "gender.equality.task")
        self.assertEqual(action["params"]["context"], {"default_plan_id": self.draft.id})
