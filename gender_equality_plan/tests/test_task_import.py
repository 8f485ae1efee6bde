# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A unit imports the activities of its plan from the workbook that the import dialog offers
(made from the configuration when it is downloaded), with Odoo's import, as the web client does
it (a test run, then the import), in Vietnamese."""

import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.gender_equality_task import IMPORT_COLUMNS, IMPORT_TEMPLATE
from .plan_common import GenderEqualityPlanCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        "Sức khỏe sinh sản, kế hoạch hóa gia đình; "
        "Mất cân bằng giới tính khi sinh: tình hình, nguyên nhân, hậu quả",
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
        None,
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

    def _template(self, user=None):
        """The template as the import dialog offers it to ``user`` (a unit officer)."""
        return self.Task.with_user(user or self.user_a)._import_template_content()

    def _workbook(self, rows):
        """The template with ``rows`` written under its headers."""
        book = openpyxl.load_workbook(io.BytesIO(self._template()))
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

    def test_every_header_maps_to_its_field_in_vietnamese(self):
        fields, _result = self._import(self._workbook(GOOD_ROWS[:1]), dryrun=True)
        self.assertEqual(tuple(fields), IMPORT_COLUMNS)
        headers = [
            cell.value for cell in openpyxl.load_workbook(io.BytesIO(self._template())).worksheets[0][1]
        ]
        labels = self.Task.with_context(lang="vi_VN").fields_get(list(IMPORT_COLUMNS), ["string"])
        self.assertEqual(headers, [labels[name]["string"] for name in IMPORT_COLUMNS])

    def _lists(self, content=None):
        """``{header: [values]}`` of the sheet of lists of the template."""
        sheet = openpyxl.load_workbook(io.BytesIO(content or self._template())).worksheets[1]
        columns = {}
        for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row, values_only=True):
            if column[0]:
                # The values, down to the first empty cell (the notes come after it).
                values = list(column[1:])
                columns[column[0]] = values[: values.index(None)] if None in values else values
        return columns

    def test_template_lists_what_the_department_configured(self):
        lists = self._lists()
        labels = {
            name: field["string"]
            for name, field in self.Task.with_context(lang="vi_VN")
            .fields_get(list(IMPORT_COLUMNS), ["string"])
            .items()
        }
        types = self.env["gender.equality.activity.type"].search([])
        self.assertEqual(len(types), 13, "the shipped types, section V.2 included")
        self.assertEqual(lists[labels["activity_type_id"]], types.with_context(lang="vi_VN").mapped("name"))
        self.assertIn(
            self.env.ref("gender_equality_plan.gender_equality_activity_type_sdg_integration").name,
            lists[labels["activity_type_id"]],
        )
        self.assertEqual(
            lists[labels["topic_ids"]], self.env["gender.equality.topic"].search([]).mapped("name")
        )
        self.assertEqual(lists[labels["area_id"]][0], "III.1")
        self.assertIn("Cán bộ, viên chức, người lao động của đơn vị", lists[labels["target_group"]])
        # What the Department adds or archives is in the next download.
        self.env["gender.equality.activity.type"].create({"name": "Phát thanh trên loa truyền thanh"})
        self.type_other.active = False
        types = self._lists()[labels["activity_type_id"]]
        self.assertIn("Phát thanh trên loa truyền thanh", types)
        self.assertNotIn(self.type_other.name, types)

    def test_template_lists_the_users_own_days_not_another_units(self):
        Observance = self.env["gender.equality.observance"]
        own, other = Observance.create(
            [
                {
                    "name": "Ngày truyền thống đơn vị A",
                    "unit_id": self.unit_a.id,
                    "month_start": 5,
                    "day_start": 1,
                    "month_end": 5,
                    "day_end": 1,
                },
                {
                    "name": "Ngày truyền thống đơn vị B",
                    "unit_id": self.unit_b.id,
                    "month_start": 6,
                    "day_start": 1,
                    "month_end": 6,
                    "day_end": 1,
                },
            ]
        )
        label = self.Task.with_context(lang="vi_VN").fields_get(["observance_id"], ["string"])[
            "observance_id"
        ]["string"]
        observances = self._lists()[label]
        self.assertIn(own.name, observances)
        self.assertNotIn(other.name, observances)

    def test_topics_are_imported_by_their_names_even_with_a_comma(self):
        _fields, result = self._import(self._workbook(GOOD_ROWS[:1]))
        self.assertFalse(result["messages"], result["messages"])
        topics = self.env["gender.equality.topic"].search([("name", "in", GOOD_ROWS[0][4].split("; "))])
        self.assertEqual(len(topics), 2)
        self.assertEqual(self.draft.task_ids.topic_ids, topics)

    def test_an_unknown_topic_is_named_and_nothing_is_imported(self):
        row = (*GOOD_ROWS[0][:4], "Chủ đề không có", *GOOD_ROWS[0][5:])
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                _fields, result = self._import(self._workbook([GOOD_ROWS[1], row]), dryrun=dryrun)
                self.assertFalse(result["ids"])
                self.assertFalse(self.draft.task_ids)
                [error] = [
                    message for message in result["messages"] if "Chủ đề không có" in message["message"]
                ]
                self.assertEqual(error["record"], 3, "the second activity is on Excel's row 3")

    def test_the_row_at_fault_is_named_as_excel_numbers_it(self):
        wrong_year = (*GOOD_ROWS[0][:8], date(2026, 3, 5), date(2026, 3, 5), *GOOD_ROWS[0][10:])
        _fields, result = self._import(self._workbook([GOOD_ROWS[1], wrong_year]), dryrun=True)
        errors = [message for message in result["messages"] if message["type"] == "error"]
        self.assertTrue(errors)
        # The dialog prints "row <record>" for a row's error, "row <rows.from + 1>" under a column.
        for error in errors:
            self.assertEqual(error["record"], 3, error)
            self.assertEqual(error["rows"]["from"] + 1, 3, error)

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
        wrong_year = (*GOOD_ROWS[0][:8], date(2026, 3, 5), date(2026, 3, 5), *GOOD_ROWS[0][10:])
        unknown_area = (GOOD_ROWS[1][0], "III.9", *GOOD_ROWS[1][2:])
        negative = (*GOOD_ROWS[0][:11], -5)
        rows = [GOOD_ROWS[0], wrong_year, unknown_area, negative]
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                _fields, result = self._import(self._workbook(rows), dryrun=dryrun)
                self.assertFalse(result["ids"])
                self.assertFalse(self.draft.task_ids, "nothing of a wrong file is imported")
                errors = [message for message in result["messages"] if message["type"] == "error"]
                self.assertTrue(errors)
                text = " ".join(message["message"] for message in errors)
                # The unknown area is named in Vietnamese, with its column and its row in Excel
                # (the dialog prints rows.from + 1): the third activity, under the headers.
                self.assertIn("III.9", text)
                self.assertIn("Lĩnh vực", text)
                self.assertTrue(
                    any(message.get("rows", {}).get("from") + 1 == 4 for message in errors), errors
                )

    def test_each_kind_of_bad_row_is_explained_in_vietnamese(self):
        cases = {
            "là năm của kế hoạch": (
                *GOOD_ROWS[0][:8],
                date(2026, 3, 5),
                date(2026, 3, 5),
                *GOOD_ROWS[0][10:],
            ),
            "kết thúc trước ngày bắt đầu": (
                *GOOD_ROWS[0][:8],
                date(2027, 3, 5),
                date(2027, 3, 1),
                *GOOD_ROWS[0][10:],
            ),
            "số âm": (*GOOD_ROWS[0][:11], -5),
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


@tagged("post_install", "-at_install")
class TestTaskImportTemplateRoute(HttpCase):
    """The import dialog's link downloads the template made at that moment, for the users who
    may add activities."""

    def test_a_unit_officer_downloads_the_workbook(self):
        user = new_test_user(self.env, "gep_import_officer", groups="gender_equality_plan.group_unit_user")
        self.authenticate(user.login, user.login)
        response = self.url_open(IMPORT_TEMPLATE)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertIn("mau_nhap_hoat_dong.xlsx", response.headers["Content-Disposition"])
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(len(book.worksheets), 2)

    def test_a_user_who_adds_no_activity_is_refused(self):
        user = new_test_user(self.env, "gep_import_internal", groups="base.group_user")
        self.authenticate(user.login, user.login)
        with mute_logger("odoo.http"):
            response = self.url_open(IMPORT_TEMPLATE)
        self.assertEqual(response.status_code, 403)
