"""Generate the data of the benchmark: a province (100 units) or a country (3,400 units) as a
year of real use leaves it, in its own database where the module is installed without demo data.

    python bench/generate.py --scale province -d gep_bench_province <Odoo options>

Everything is reproducible (``random.Random(seed)``) and goes through the ORM in batches, and
through the module's own workflow methods (submit, approve, return, start, done, cancel,
verify), run at simulated moments of 2026 (``freezegun``) so that submission, reception and
lateness are those of a real year:

- units of the real types under the Department of Health (a province: 12 provincial
  hospitals, 6 area hospitals, 6 provincial centres, 2 sub-departments, 26 health centres and 48
  units affiliated to the centres; a country: 34 such provinces), about one in eight with
  communication duties; an officer and a head per unit (three in ten without an e-mail address)
  and the Department's manager, officer and inspector, all working in Vietnamese;
- one plan per unit for 2026 with 50 activities (areas, activity types, target groups,
  observances, Action-Month activities, funding sources, planned budgets), submitted by the unit,
  approved by its head then by the Department; activities carried out with their actual dates,
  participants by sex, actual cost and an evidence file, a few started, cancelled or still
  planned; sessions of health centres and hospitals attended by the staff of other units;
- two inspections per unit (a self-inspection and one by the Department), each answering one of
  the shipped checklists (about 30 answers per unit), recorded, approved, with the corrective
  actions of their failed items, some of them carried out and verified;
- awareness surveys of 2025 (baseline) and 2026 by target group, Gender Indicator Set statuses of
  the communication units confirmed by the Department;
- one annual report per unit (a few missing, a few drafts): submitted (which compiles its
  figures) between 20 November and 18 December, forwarded by the head (which is when the
  Department receives it: on time or late), a few returned by the Department with a reason and
  submitted again, most accepted, a few waiting; Action-Month activities held after the report
  and the supplements that add them;
- 100 plans of 2027, submitted and approved by their heads, that wait for the Department (the
  ``approve_many`` measure of ``bench/run.py``).

What is not the workflow itself, and why: with 3,400 units, a workflow call per record takes
hours, so the unit officers' submissions are made in batches by the superuser, and the officer is
then written as the submitter (the bookkeeping their own call writes); activities are created
with the figures of their execution (the planned fields and the execution fields are those a
unit enters; the status still changes through ``action_done``); evidence files are linked to
their activities in one SQL statement (see ``_attach_evidence``). Each head of unit approves
their unit's stage themselves, one record at a time, as the workflow requires.

Prints the duration of each step and of the whole, and records what it built in the system
parameter ``gender_equality_plan.bench`` (``bench/run.py`` reads it).
"""

import json
import math
import random
import time
from collections import defaultdict
from datetime import date, datetime, timedelta

from common import (
    APPROVE_MANY_COUNT,
    APPROVE_MANY_YEAR,
    BASELINE_YEAR,
    DEPARTMENT_MANAGER,
    DEPARTMENT_OFFICER,
    INSPECTOR,
    MARKER,
    SCALES,
    SEED,
    UNITS_PER_PROVINCE,
    YEAR,
    odoo_env,
    parse_args,
)
from freezegun import freeze_time

from odoo import Command, fields
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id
from odoo.tools.translate import code_translations

TASKS_PER_PLAN = 50
# Records per ORM call (create, workflow action) and units per committed chunk.
BATCH = 500
UNIT_CHUNK = 100
PREFIX = "gender_equality_plan."
# When the final PDF of a document is produced (gender_equality_plan/models/gender_equality_document.py).
ISSUE_DOCUMENTS = "gender_equality_plan.issue_documents"
# The 34 provinces of Vietnam (2025): a country is one block of 100 units per province.
PROVINCES = [
    "Thanh Hóa", "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
    "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
    "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
    "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
    "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
DISTRICTS = [
    "Thọ Xuân", "Quảng Xương", "Triệu Sơn", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Hà Trung",
    "Vĩnh Lộc", "Yên Định", "Thiệu Hóa", "Đông Sơn", "Nông Cống", "Như Thanh", "Như Xuân",
    "Thường Xuân", "Lang Chánh", "Bá Thước", "Quan Hóa", "Quan Sơn", "Mường Lát", "Cẩm Thủy",
    "Thạch Thành", "Ngọc Lặc", "Sầm Sơn", "Bỉm Sơn", "Nghi Sơn",
]  # fmt: skip
COMMUNES = [
    "Xuân Lập", "Thọ Lâm", "Quảng Ninh", "Hoằng Đạt", "Đa Lộc", "Nga Thạch", "Hà Long",
    "Vĩnh Hùng", "Định Hòa", "Thiệu Giao", "Đông Tiến", "Tượng Lĩnh", "Phú Nhuận", "Bãi Trành",
    "Luận Thành", "Yên Khương", "Điền Lư", "Hồi Xuân", "Trung Hạ", "Quang Chiểu", "Cẩm Tú",
    "Thạch Quảng", "Minh Sơn", "Quảng Tiến", "Ba Đình", "Hải Hòa",
]  # fmt: skip
PROVINCIAL_HOSPITALS = [
    "Bệnh viện Đa khoa tỉnh", "Bệnh viện Nhi", "Bệnh viện Phụ sản", "Bệnh viện Phổi",
    "Bệnh viện Phục hồi chức năng", "Bệnh viện Y dược cổ truyền", "Bệnh viện Tâm thần",
    "Bệnh viện Nội tiết", "Bệnh viện Mắt", "Bệnh viện Ung bướu", "Bệnh viện Da liễu",
    "Bệnh viện Điều dưỡng",
]  # fmt: skip
PROVINCIAL_CENTRES = [
    "Trung tâm Kiểm soát bệnh tật", "Trung tâm Truyền thông giáo dục sức khỏe",
    "Trung tâm Giám định y khoa", "Trung tâm Pháp y", "Trung tâm Kiểm nghiệm",
    "Trung tâm Cấp cứu 115",
]  # fmt: skip
SUB_DEPARTMENTS = ["Chi cục Dân số", "Chi cục An toàn vệ sinh thực phẩm"]
# Units of a province by type (100), and of the smoke test's five.
COMPOSITION = {
    "provincial_hospital": 12,
    "area_hospital": 6,
    "provincial_centre": 6,
    "sub_department": 2,
    "health_centre": 26,
    "other": 48,
}
UNIT_CODES = {
    "provincial_hospital": "BV",
    "area_hospital": "BVKV",
    "provincial_centre": "TT",
    "sub_department": "CC",
    "health_centre": "TTYT",
    "other": "PK",
}
TINY_COMPOSITION = {
    "provincial_hospital": 1,
    "provincial_centre": 1,
    "sub_department": 1,
    "health_centre": 1,
    "other": 1,
}
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE_NAMES = {"f": ["Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thị Hồng"], "m": ["Văn", "Đức", "Minh", "Quốc"]}
GIVEN_NAMES = {
    "f": ["Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Nhung", "Hạnh", "Phương", "Thảo"],
    "m": ["Hùng", "Dũng", "Nam", "Tuấn", "Thành", "Bảo", "Long", "Quang", "Sơn", "Hải"],
}
ACTIVITY_TYPES = {
    "dissemination": 14,
    "training": 4,
    "talk": 6,
    "event": 5,
    "web_article": 8,
    "social_media": 6,
    "print": 3,
    "meeting": 3,
    "contest": 1,
}
TARGET_GROUPS = {"staff": 5, "patients_families": 3, "community": 2, "other": 1}
TARGET_GROUPS_VI = {
    "staff": "cán bộ, viên chức",
    "patients_families": "người bệnh và người nhà",
    "community": "cộng đồng",
    "other": "đối tượng khác",
}
RETURN_REASON = "Số liệu người tham dự theo giới chưa khớp với biên bản; đề nghị rà soát và gửi lại."
# Simulated moments (UTC) of the year: Thanh Hóa is UTC+7.
PLANS_SUBMITTED = "2026-01-12 02:00:00"
PLANS_FORWARDED = "2026-01-14 03:00:00"
PLANS_APPROVED = "2026-01-20 04:00:00"
INSPECTIONS_RECORDED = "2026-10-05 03:00:00"
INSPECTIONS_FORWARDED = "2026-10-07 03:00:00"
INSPECTIONS_APPROVED = "2026-10-12 03:00:00"
STATUSES_SUBMITTED = "2026-11-02 03:00:00"
STATUSES_CONFIRMED = "2026-11-09 03:00:00"
EXECUTED_BEFORE_REPORTS = "2026-11-19 10:00:00"
# The activities are created with the figures of their execution (see above), on a day after the
# last of them was held: an activity's actual dates are never after the day they are written.
EXECUTION_RECORDED = "2026-12-18 10:00:00"
REPORTS_RETURNED = "2026-12-12 02:00:00"
REPORTS_RESUBMITTED = "2026-12-14 02:00:00"
REPORTS_ACCEPTED = "2026-12-16 03:00:00"
EXECUTED_AFTER_REPORTS = "2026-12-16 09:00:00"
SUPPLEMENTS_SUBMITTED = "2026-12-20 03:00:00"
NEXT_PLANS_SUBMITTED = "2026-12-01 02:00:00"
NEXT_PLANS_FORWARDED = "2026-12-01 04:00:00"
# Days on which units submit their reports (those after 10/12 are late), and the delay before
# their head forwards them to the Department.
ON_TIME_DAYS = [date(YEAR, 11, 20) + timedelta(days=n) for n in range(20)]
LATE_DAYS = [date(YEAR, 12, 11), date(YEAR, 12, 15), date(YEAR, 12, 18)]


class Generator:
    """Builds the units, users and records of one scale with ``env`` (the superuser).

    With ``commit`` (the default) each step is committed; without, everything stays in the
    transaction of ``env`` (the smoke test generates in the end-to-end database and rolls back).
    """

    def __init__(self, env, scale, seed, commit=True):
        # E-mails are queued, not sent at each commit (there is no mail server), and a responsible
        # assigned to an activity is not notified of it (the officers assign themselves).
        context = dict(
            env.context,
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
            mail_notify_force_send=False,
            mail_auto_subscribe_no_notify=True,
        )
        self.env = env(context=context)
        self.scale = scale
        self.seed = seed
        self.rng = random.Random(seed)
        self.units = self.env["gender.equality.unit"]
        self.officer = {}
        self.head = {}
        self.durations = []
        self.committing = commit

    def ref(self, xmlid):
        return self.env.ref(PREFIX + xmlid)

    def translate(self, source, **params):
        """A message of the module in Vietnamese, as its own code writes it for these users."""
        translations = code_translations.get_python_translations("gender_equality_plan", "vi_VN")
        return translations.get(source, source) % params

    # ------------------------------------------------------------
    # DRIVER
    # ------------------------------------------------------------

    def run(self):
        """Every step, committed one after the other; returns the total duration in seconds."""
        steps = [
            ("units and users", self.build_units_and_users),
            ("plans and activities", self.build_plans),
            ("plan approvals", self.approve_plans),
            ("activities carried out", self.execute_activities),
            ("inspections", self.build_inspections),
            ("surveys and indicator statuses", self.build_surveys_and_statuses),
            ("annual reports", self.build_reports),
            ("Action-Month supplements", self.build_supplements),
            ("plans waiting for approval", self.build_waiting_plans),
        ]
        # The final records the generator makes (reports signed by their heads, approved minutes)
        # get their PDF at their first print, not one wkhtmltopdf run each while generating.
        parameters = self.env["ir.config_parameter"].sudo()
        issue = parameters.get_param(ISSUE_DOCUMENTS)
        parameters.set_param(ISSUE_DOCUMENTS, "on_print")
        start = time.perf_counter()
        for name, step in steps:
            step_start = time.perf_counter()
            step()
            self.commit()
            self.durations.append((name, time.perf_counter() - step_start))
            print(f"  {name:<32} {self.durations[-1][1]:8.1f} s", flush=True)
        total = time.perf_counter() - start
        parameters.set_param(ISSUE_DOCUMENTS, issue or False)
        self.write_marker(total)
        self.commit()
        if self.committing:
            # The planner's statistics of the new rows, as autovacuum would gather them on a
            # server in use: the measures must not depend on when it last ran.
            self.env.cr.execute("ANALYZE")
        return total

    def commit(self):
        """Commit (or, in a transaction that is rolled back, only flush) and empty the cache."""
        if self.committing:
            self.env.cr.commit()
        else:
            self.env.cr.flush()
        self.env.invalidate_all()

    def write_marker(self, total):
        counts = {
            model: self.env[model].search_count([])
            for model in (
                "gender.equality.unit",
                "res.users",
                "gender.equality.plan",
                "gender.equality.task",
                "gender.equality.inspection",
                "gender.equality.inspection.line",
                "gender.equality.corrective.action",
                "gender.equality.report",
                "gender.equality.report.line",
                "gender.equality.report.supplement",
                "gender.equality.approval.review",
                "mail.message",
                "mail.activity",
                "ir.attachment",
            )
        }
        marker = {
            "scale": self.scale,
            "seed": self.seed,
            "units": len(self.units),
            "year": YEAR,
            "generated_at": datetime.now().isoformat(timespec="seconds"),
            "duration_s": round(total, 1),
            "steps": {name: round(duration, 1) for name, duration in self.durations},
            "records": counts,
        }
        self.env["ir.config_parameter"].set_param(MARKER, json.dumps(marker))
        return marker

    def chunks(self, records, size=BATCH):
        for index in range(0, len(records), size):
            yield records[index : index + size]

    # ------------------------------------------------------------
    # UNITS AND USERS
    # ------------------------------------------------------------

    def build_units_and_users(self):
        lang = self.env["res.lang"]._activate_lang("vi_VN")
        self.env.ref("base.user_admin").write({"lang": lang.code, "tz": "Asia/Ho_Chi_Minh"})
        department = self.ref("gender_equality_unit_department")
        quiet = self.env["gender.equality.unit"].with_context(tracking_disable=True, mail_create_nolog=True)
        provinces = math.ceil(SCALES[self.scale] / UNITS_PER_PROVINCE)
        for index in range(provinces):
            composition = TINY_COMPOSITION if self.scale == "tiny" else COMPOSITION
            self.units |= self._build_province(quiet, department, index, composition)
        users = self.env["res.users"].with_context(
            no_reset_password=True, tracking_disable=True, mail_create_nolog=True
        )
        manager_group = self.ref("group_unit_manager")
        officer_group = self.ref("group_unit_user")
        for chunk in self.chunks(self.units):
            vals_list = []
            for unit in chunk:
                vals_list.append(self._user_vals(f"cb.{unit.code.lower()}", officer_group, unit))
                vals_list.append(self._user_vals(f"gd.{unit.code.lower()}", manager_group, unit))
            created = users.create(vals_list)
            for unit, officer, head in zip(chunk, created[0::2], created[1::2], strict=True):
                self.officer[unit], self.head[unit] = officer, head
        # The Department's users log in with their login as password (for a look at the data).
        for login, group in (
            (DEPARTMENT_MANAGER, "group_department_manager"),
            (DEPARTMENT_OFFICER, "group_department_user"),
            (INSPECTOR, "group_inspector"),
        ):
            vals = self._user_vals(login, self.ref(group), department, email=True)
            users.create({**vals, "password": login})
        self.dept_manager, self.dept_officer, self.inspector = self._department_users()

    def _department_users(self):
        Users = self.env["res.users"]
        return tuple(
            Users.search([("login", "=", login)])
            for login in (DEPARTMENT_MANAGER, DEPARTMENT_OFFICER, INSPECTOR)
        )

    def _build_province(self, Unit, department, index, composition):
        """The units of one province: the top-level ones under the Department, then the units
        affiliated to its health centres (a country repeats the province's districts, so its
        district-level names carry the province)."""
        province = PROVINCES[index % len(PROVINCES)] if self.scale == "country" else PROVINCES[0]
        local = f" – {province}" if self.scale == "country" else ""
        prefix = f"{index + 1:02d}"
        names = {
            "provincial_hospital": [f"{name} {province}" for name in PROVINCIAL_HOSPITALS],
            "area_hospital": [f"Bệnh viện Đa khoa khu vực {district}{local}" for district in DISTRICTS[::4]],
            "provincial_centre": [f"{name} {province}" for name in PROVINCIAL_CENTRES],
            "sub_department": [f"{name} {province}" for name in SUB_DEPARTMENTS],
            "health_centre": [f"Trung tâm Y tế {district}{local}" for district in DISTRICTS],
        }
        vals_list = []
        for unit_type, count in composition.items():
            for number in range(count if unit_type != "other" else 0):
                vals_list.append(
                    {
                        "name": names[unit_type][number % len(names[unit_type])],
                        "code": f"{prefix}{UNIT_CODES[unit_type]}{number + 1:02d}",
                        "unit_type": unit_type,
                        "sequence": 10 * (len(vals_list) + 1),
                        "parent_id": department.id,
                        "has_communication_duty": self._has_communication_duty(unit_type, number),
                    }
                )
        top = Unit.create(vals_list)
        centres = top.filtered(lambda unit: unit.unit_type == "health_centre")
        affiliated = []
        for number in range(composition["other"]):
            centre_index = number % len(centres)
            kind = "Phòng khám đa khoa khu vực" if number % 3 == 0 else "Trạm Y tế"
            affiliated.append(
                {
                    "name": f"{kind} {COMMUNES[number % len(COMMUNES)]}, {DISTRICTS[centre_index]}{local}",
                    "code": f"{prefix}{UNIT_CODES['other']}{number + 1:02d}",
                    "unit_type": "other",
                    "sequence": 10 * (len(vals_list) + number + 1),
                    "parent_id": centres[centre_index].id,
                }
            )
        return top | Unit.create(affiliated)

    def _has_communication_duty(self, unit_type, number):
        """The centres of communication and disease control, the population sub-department and
        one health centre in three."""
        return (
            (unit_type == "provincial_centre" and number < 2)
            or (unit_type == "sub_department" and number == 0)
            or (unit_type == "health_centre" and number % 3 == 0)
        )

    def _user_vals(self, login, group, unit, email=None):
        sex = self.rng.choice("fm")
        name = " ".join(
            (
                self.rng.choice(FAMILY_NAMES),
                self.rng.choice(MIDDLE_NAMES[sex]),
                self.rng.choice(GIVEN_NAMES[sex]),
            )
        )
        has_email = email if email is not None else self.rng.random() < 0.7
        return {
            "name": name,
            "login": login,
            "email": f"{login}@benchmark.example.vn" if has_email else False,
            "lang": "vi_VN",
            "tz": "Asia/Ho_Chi_Minh",
            "groups_id": [(6, 0, [group.id])],
            "gep_unit_ids": [(6, 0, [unit.id])],
        }

    # ------------------------------------------------------------
    # PLANS AND ACTIVITIES
    # ------------------------------------------------------------

    def build_plans(self):
        """One plan of 2026 per unit with its 50 activities; ``self.fates`` says what becomes of
        each activity."""
        self.fates = {}
        Plan = self.env["gender.equality.plan"].with_context(mail_create_nolog=True)
        # Created without the chatter's work per record; ``_log_creation`` writes it per unit.
        Task = self.env["gender.equality.task"].with_context(tracking_disable=True)
        evidence = self._evidence_contents()
        self.supplement_units = set()
        self.catalog = (
            # The observances of every unit (a unit's own traditional day is not for the others).
            self.env["gender.equality.observance"].search([("unit_id", "=", False)]),
            self.env["gender.equality.area"].search([]),
            {key: self.ref(f"gender_equality_activity_type_{key}") for key in ACTIVITY_TYPES},
            self.env["gender.equality.funding.source"].search([]),
        )
        for chunk in self.chunks(self.units, UNIT_CHUNK):
            plans = Plan.create(
                [
                    {
                        "unit_id": unit.id,
                        "year": YEAR,
                        "user_id": self.officer[unit].id,
                        "description": "<p>Kế hoạch truyền thông về bình đẳng giới của đơn vị.</p>",
                    }
                    for unit in chunk
                ]
            )
            vals_list, fates = [], []
            for plan in plans:
                for vals, fate in self._task_vals(plan):
                    vals_list.append(vals)
                    fates.append(fate)
            with freeze_time(EXECUTION_RECORDED):
                tasks = Task.create(vals_list)
            for task, fate in zip(tasks, fates, strict=True):
                self.fates[task.id] = fate
            self._log_creation(tasks)
            self._attach_evidence(
                tasks.filtered(lambda task: self.fates[task.id] in ("done", "done_after")), evidence
            )
            self.commit()

    def _log_creation(self, tasks):
        """What the chatter does when an officer creates the activities of their unit, in two
        batches instead of a few queries per activity: the officer follows them (with the
        model's default subtypes), and each gets its "created" message by the officer."""
        subtype_ids = self.env["mail.message.subtype"]._default_subtypes(tasks._name)[0]
        self.env["mail.followers"].create(
            [
                {
                    "res_model": tasks._name,
                    "res_id": task.id,
                    "partner_id": self.officer[task.unit_id].partner_id.id,
                    "subtype_ids": [Command.set(subtype_ids)],
                }
                for task in tasks
            ]
        )
        body = tasks[:1]._creation_message()
        self.log_messages(tasks, lambda task: self.officer[task.unit_id], lambda task: body)

    def log_tracking(self, records, field_name, old, new):
        """The message of Odoo's tracking for the change of ``field_name`` from ``old`` to ``new``
        on each of ``records``, by the officer of its unit (who made the change), created in one
        batch: the tracking writes one message per record, in one call per record."""
        info = records.fields_get([field_name], attributes=("string", "type", "selection", "currency_field"))
        Tracking = self.env["mail.tracking.value"]
        self.log_messages(
            records,
            lambda record: self.officer[record.unit_id],
            lambda record: "",
            lambda record: [
                Command.create(
                    Tracking._create_tracking_values(old, new, field_name, info[field_name], record)
                )
            ],
        )

    def log_messages(self, records, author_of, body_of, tracking_of=None):
        """One internal note per record of ``records`` (``mail.thread._message_log_batch`` with an
        author per record), created in one batch."""
        reply_to = self.env["mail.thread"]._notify_get_reply_to(default=False)[False]
        note = self.env.ref("mail.mt_note").id
        vals_list = []
        for record in records:
            author = author_of(record).partner_id
            vals_list.append(
                {
                    "model": records._name,
                    "res_id": record.id,
                    "body": body_of(record),
                    "author_id": author.id,
                    "email_from": author.email_formatted or False,
                    "message_type": "notification",
                    "subtype_id": note,
                    "is_internal": True,
                    "record_name": False,
                    "record_alias_domain_id": False,
                    "record_company_id": False,
                    "reply_to": reply_to,
                    "message_id": generate_tracking_message_id("message-notify"),
                    "email_add_signature": False,
                    "tracking_value_ids": tracking_of(record) if tracking_of else False,
                }
            )
        return self.env["mail.message"].create(vals_list)

    def _evidence_contents(self):
        """A small PDF per unit: the filestore keeps one file per distinct content."""
        return {
            unit.id: b"%PDF-1.4\n% Bien ban hoat dong truyen thong " + unit.code.encode() + b"\n%%EOF\n"
            for unit in self.units
        }

    def _task_vals(self, plan):
        """``[(vals, fate)]`` of the 50 activities of ``plan``. Fates: ``done`` (carried out before
        the report), ``done_after`` (after it: Action-Month activities at the end of the year),
        ``in_progress``, ``cancelled``, ``planned``."""
        rng = self.rng
        unit = plan.unit_id
        observances, areas, types, sources = self.catalog
        action_month = observances.filtered("is_action_month")
        report_day = self._report_day(unit)
        staff_sessions = rng.choice([1, 2, 2, 3, 3, 4]) if rng.random() < 0.9 else 0
        action_month_count = rng.choice([2, 3, 4, 5]) if rng.random() < 0.95 else 0
        result = []
        for index in range(TASKS_PER_PLAN):
            if index < staff_sessions:
                kind, group, observance = "dissemination", "staff", None
            elif index < staff_sessions + action_month_count:
                kind, group, observance = self._weighted(ACTIVITY_TYPES), None, action_month
            elif index < staff_sessions + action_month_count + 6:
                observance = rng.choice(observances - action_month)
                kind, group = self._weighted(ACTIVITY_TYPES), None
            else:
                kind, group, observance = self._weighted(ACTIVITY_TYPES), None, None
            group = group or self._weighted(TARGET_GROUPS)
            if kind == "dissemination" and group == "staff" and index >= staff_sessions:
                group = "community"
            start = self._task_start(observance)
            end = min(start + timedelta(days=rng.choice([0, 0, 0, 1, 2])), date(YEAR, 12, 31))
            activity_type = types[kind]
            area = (
                self.ref("gender_equality_area_information") if kind == "dissemination" else rng.choice(areas)
            )
            budget = rng.choice([0, 0, 1, 2, 3, 5, 8, 10, 15, 20]) * 1_000_000
            vals = {
                "plan_id": plan.id,
                "name": f"{activity_type.name} – {TARGET_GROUPS_VI[group]} ({index + 1:02d})",
                "area_id": area.id,
                "activity_type_id": activity_type.id,
                "observance_id": observance.id if observance else False,
                "target_group": group,
                "form": rng.choice(["direct", "direct", "indirect", "online"]),
                "date_start": start,
                "date_end": end,
                "user_id": self.officer[unit].id,
                "funding_source_id": rng.choice(sources).id if budget else False,
                "planned_budget": budget,
            }
            fate = self._fate(start, end, report_day)
            if fate in ("done", "done_after"):
                vals.update(self._execution_vals(unit, activity_type, group, start, end, budget))
            elif fate == "in_progress":
                vals["actual_date_start"] = start
            result.append((vals, fate))
        if any(fate == "done_after" for __, fate in result) and rng.random() < 0.6:
            self.supplement_units.add(unit.id)
        return result

    def _weighted(self, weights):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _task_start(self, observance):
        if observance:
            first, last = observance._get_dates(YEAR)
            return first + timedelta(days=self.rng.randint(0, (last - first).days))
        return date(YEAR, 1, 15) + timedelta(days=self.rng.randint(0, 330))

    def _fate(self, start, end, report_day):
        """Activities end before the report of their unit is submitted, or after it (those are
        carried out at the end of the year, after the report)."""
        draw = self.rng.random()
        if draw < 0.04:
            return "cancelled"
        if draw < 0.08:
            return "in_progress"
        if draw < 0.15:
            return "planned"
        return "done" if end < report_day else "done_after"

    def _execution_vals(self, unit, activity_type, group, start, end, budget):
        rng = self.rng
        size = {"staff": 40, "patients_families": 60, "community": 150, "other": 30}[group]
        vals = {
            "actual_date_start": start,
            "actual_date_end": end,
            "actual_cost": round(budget * rng.uniform(0.6, 1.05), -3),
        }
        if activity_type.requires_participants:
            vals["participants_male"] = rng.randint(size // 5, size)
            vals["participants_female"] = rng.randint(size // 4, size + size // 2)
        else:
            vals["estimated_reach"] = rng.randint(100, 5000)
        if activity_type.is_dissemination and group == "staff":
            attending = unit.child_ids[: rng.randint(0, 3)]
            if unit.unit_type == "provincial_hospital" and rng.random() < 0.5:
                attending |= rng.choice(self.units - unit)
            if attending:
                vals["attending_unit_ids"] = [(6, 0, attending.ids)]
        return vals

    def _attach_evidence(self, tasks, contents):
        """One evidence file per activity done, as the form's upload widget leaves it: an
        attachment of the activity, linked in its ``attachment_ids``.

        The links are inserted in one SQL statement: through the ORM, linking a different file to
        each of 150,000 activities is one write per activity (an hour at the country's scale).
        """
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": f"bien-ban-{task.id}.pdf",
                    "raw": contents[task.unit_id.id],
                    "mimetype": "application/pdf",
                    "res_model": "gender.equality.task",
                    "res_id": task.id,
                }
                for task in tasks
            ]
        )
        self.env.cr.execute(
            SQL(
                "INSERT INTO gender_equality_task_ir_attachment_rel (task_id, attachment_id) "
                "SELECT res_id, id FROM ir_attachment WHERE id = ANY(%s)",
                attachments.ids,
            )
        )
        tasks.invalidate_recordset(["attachment_ids"])

    def _report_day(self, unit):
        """The day the unit submits its report (drawn once per unit)."""
        if not hasattr(self, "_report_days"):
            self._report_days = {}
        if unit.id not in self._report_days:
            late = self.rng.random() < 0.08
            self._report_days[unit.id] = self.rng.choice(LATE_DAYS if late else ON_TIME_DAYS)
        return self._report_days[unit.id]

    # ------------------------------------------------------------
    # WORKFLOWS
    # ------------------------------------------------------------

    def submit(self, records, submitter_of):
        """The units submit ``records``: the workflow's ``action_submit`` in batches, then each
        record's officer written as its submitter (what their own call writes)."""
        for chunk in self.chunks(records):
            chunk.action_submit()
            for record in chunk:
                record.submitted_by_id = submitter_of(record)
            self.env.flush_all()

    def approve_as_heads(self, records):
        """Each head of unit approves their unit's stage of ``records`` (one call per record: the
        approver is the head of the record's unit)."""
        for index, record in enumerate(records, start=1):
            record.with_user(self.head[record.unit_id]).action_approve()
            if index % BATCH == 0:
                self.commit()

    def forward_as_heads(self, records):
        """What each head's approval of their unit's stage writes, for all ``records`` at once.

        The approver of that stage is the head of each record's unit, so the workflow takes one
        call per record, about 0.1 s each: three hours for the 10,000 records of a country. This
        writes the same bookkeeping in a few batches, as superuser: the head's review approved (by
        the head, now) and the next review of the round pending; the head's approval to-do closed,
        the to-dos of the next stage's approvers opened; "Approved at the stage …" in the chatter,
        by the head; for a report that reaches a stage of the Department, the moment the
        Department received it. The next approvers' notification (inbox or e-mail) is not sent.
        """
        model = records._name
        Review = self.env["gender.equality.approval.review"]
        reviews = Review.search(
            [
                ("res_model", "=", model),
                ("res_id", "in", records.ids),
                ("state", "in", ("pending", "waiting")),
            ],
            order="res_id, sequence, id",
        )
        pending = {review.res_id: review for review in reviews if review.state == "pending"}
        following = {}
        for review in reviews:
            if review.state == "waiting" and review.round == pending[review.res_id].round:
                following.setdefault(review.res_id, review)
        now = fields.Datetime.now()
        for record in records:
            pending[record.id].write(
                {"state": "approved", "done_by_id": self.head[record.unit_id].id, "done_date": now}
            )
        Review.browse([review.id for review in following.values()]).write({"state": "pending"})
        approval = self.ref("mail_activity_type_approval")
        self.env["mail.activity"].search(
            [("res_model", "=", model), ("res_id", "in", records.ids), ("activity_type_id", "=", approval.id)]
        ).unlink()
        self.log_messages(
            records,
            lambda record: self.head[record.unit_id],
            lambda record: self.translate(
                "Approved at the stage %(stage)s.", stage=pending[record.id].stage_id.name
            ),
        )
        model_id = self.env["ir.model"]._get_id(model)
        activities = []
        for record in records.filtered(lambda record: record.id in following):
            stage = following[record.id].stage_id
            for user in following[record.id].reviewer_ids - record.submitted_by_id:
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "activity_type_id": approval.id,
                        "user_id": user.id,
                        "summary": self.translate("Approve: %(stage)s", stage=stage.name),
                        "note": self.translate(
                            "%(record)s waits for your decision at the stage %(stage)s.",
                            record=record.display_name,
                            stage=stage.name,
                        ),
                        "automated": True,
                        "date_deadline": fields.Date.context_today(record),
                    }
                )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(activities)
        if model == "gender.equality.report":
            received = records.filtered(
                lambda record: record.id in following
                and following[record.id].stage_id.receives_for_department
                and not record.received_date
            )
            received.write({"received_date": now})
        self.commit()

    def approve_as(self, user, records):
        """``user`` approves the pending stage of ``records``, in batches."""
        for chunk in self.chunks(records):
            chunk.with_user(user).action_approve()
            self.commit()

    def approve_plans(self):
        plans = self.env["gender.equality.plan"].search(
            [("year", "=", YEAR), ("unit_id", "in", self.units.ids)]
        )
        with freeze_time(PLANS_SUBMITTED):
            self.submit(plans, lambda plan: self.officer[plan.unit_id])
        with freeze_time(PLANS_FORWARDED):
            self.forward_as_heads(plans)
        with freeze_time(PLANS_APPROVED):
            self.approve_as(self.dept_manager, plans)

    def execute_activities(self, fates=("done",), moment=EXECUTED_BEFORE_REPORTS):
        """Carry out the activities of ``fates`` (and, the first time, start and cancel theirs)."""
        Task = self.env["gender.equality.task"]
        by_fate = defaultdict(list)
        for task_id, fate in self.fates.items():
            by_fate[fate].append(task_id)
        quiet = Task.with_context(tracking_disable=True)
        actions = [(fate, "action_done", "done") for fate in fates]
        if fates == ("done",):
            actions += [
                ("in_progress", "action_start", "in_progress"),
                ("cancelled", "action_cancel", "cancelled"),
            ]
        with freeze_time(moment):
            for fate, action, state in actions:
                for chunk in self.chunks(quiet.browse(sorted(by_fate[fate])), 5000):
                    getattr(chunk, action)()
                    self.log_tracking(chunk, "state", "planned", state)
                    self.commit()

    # ------------------------------------------------------------
    # INSPECTIONS
    # ------------------------------------------------------------

    def build_inspections(self):
        """A self-inspection and an inspection by the Department per unit, answered, recorded and
        approved; corrective actions of the failed items, some carried out and verified."""
        Inspection = self.env["gender.equality.inspection"].with_context(mail_create_nolog=True)
        plan_checklist = self.ref("gender_equality_checklist_plan")
        indicator_checklist = self.ref("gender_equality_checklist_indicator_set")
        inspections = Inspection.browse()
        for chunk in self.chunks(self.units, UNIT_CHUNK * 2):
            vals_list = []
            for unit in chunk:
                day = date(YEAR, 4, 1) + timedelta(days=self.rng.randint(0, 170))
                self_checklist = indicator_checklist if unit.has_communication_duty else plan_checklist
                for kind, checklist, leader in (
                    ("self", self_checklist, self.head[unit]),
                    ("inspection", plan_checklist, self.inspector),
                ):
                    vals_list.append(
                        {
                            "unit_id": unit.id,
                            "inspection_type": kind,
                            "year": YEAR,
                            "planned_date": day,
                            "date": day + timedelta(days=self.rng.randint(0, 10)),
                            "decision_number": f"{self.rng.randint(1, 300)}/QĐ-SYT",
                            "decision_date": day - timedelta(days=7),
                            "leader_id": leader.id,
                            "inspector_ids": [(6, 0, (leader | self.officer[unit]).ids)],
                            "checklist_id": checklist.id,
                            "scope": "Việc thực hiện Kế hoạch truyền thông về bình đẳng giới năm 2026.",
                            # The answers of the checklist, as starting the inspection creates them.
                            "line_ids": checklist._prepare_inspection_line_values(),
                        }
                    )
            created = Inspection.create(vals_list)
            created.action_start()
            self._answer(created.line_ids)
            inspections |= created
            self.commit()
        with freeze_time(INSPECTIONS_RECORDED):
            # The unit's officer records its self-inspection; the Department's inspector the others.
            self.submit(
                inspections,
                lambda inspection: self.officer[inspection.unit_id]
                if inspection.inspection_type == "self"
                else self.inspector,
            )
        own = inspections.filtered(lambda inspection: inspection.inspection_type == "self")
        with freeze_time(INSPECTIONS_FORWARDED):
            self.forward_as_heads(own)
        with freeze_time(INSPECTIONS_APPROVED):
            self.approve_as(self.dept_manager, inspections)
            self._follow_up(inspections.corrective_action_ids)

    def _answer(self, lines):
        """Answers in groups of equal values (one write per group): mostly yes, some no."""
        groups = defaultdict(list)
        for line in lines:
            if line.answer_type == "yes_no":
                answer = self.rng.choices(["yes", "no", "na"], weights=[80, 15, 5])[0]
                groups["answer_yes_no", answer].append(line.id)
            elif line.answer_type == "number":
                groups["answer_number", float(self.rng.randint(1, 6))].append(line.id)
            elif line.answer_type == "date":
                groups["answer_date", date(YEAR, 3, 1)].append(line.id)
            elif line.answer_type == "text":
                groups["answer_text", "Đơn vị thực hiện đầy đủ, đúng tiến độ."].append(line.id)
        Line = self.env["gender.equality.inspection.line"]
        for (field, value), ids in groups.items():
            Line.browse(ids).write({field: value})

    def _follow_up(self, actions):
        """The units carry out two in three corrective actions; inspectors verify half of those."""
        actions = actions.sorted("id")
        carried_out = actions.filtered(lambda action: action.id % 3 != 0)
        carried_out.write({"evidence_note": "Đã khắc phục, có biên bản kèm theo."})
        carried_out.action_start()
        carried_out.action_done()
        carried_out.filtered(lambda action: action.id % 2 == 0).with_user(self.inspector).action_verify()

    # ------------------------------------------------------------
    # SURVEYS AND INDICATOR STATUSES
    # ------------------------------------------------------------

    def build_surveys_and_statuses(self):
        """Awareness surveys of 2025 and 2026 by target group; the communication units' statuses
        on the Gender Indicator Set, submitted with evidence and confirmed by the Department."""
        vals_list = []
        for unit in self.units:
            groups = self.rng.sample(list(TARGET_GROUPS), self.rng.randint(1, 3))
            for group in groups:
                base_rate = self.rng.uniform(0.45, 0.7)
                for year, rate in (
                    (BASELINE_YEAR, base_rate),
                    (YEAR, min(base_rate + self.rng.uniform(0, 0.2), 1)),
                ):
                    if year == YEAR and self.rng.random() < 0.1:
                        continue
                    male, female = self.rng.randint(20, 120), self.rng.randint(20, 150)
                    vals_list.append(
                        {
                            "unit_id": unit.id,
                            "year": year,
                            "target_group": group,
                            "respondents_male": male,
                            "respondents_female": female,
                            "correct_male": int(male * rate),
                            "correct_female": int(female * rate),
                        }
                    )
        Survey = self.env["gender.equality.awareness.survey"].with_context(mail_create_nolog=True)
        for chunk in self.chunks(vals_list, 2000):
            Survey.create(chunk)
        communication = self.units.filtered("has_communication_duty")
        Status = self.env["gender.equality.indicator.status"].with_context(mail_create_nolog=True)
        statuses = Status.create(
            [
                {
                    "unit_id": unit.id,
                    "year": YEAR,
                    "status": self.rng.choice(["pilot", "pilot", "official", "none"]),
                    "note": "Đơn vị đã ban hành quyết định áp dụng Bộ chỉ số.",
                    "attachment_ids": [
                        (0, 0, {"name": f"quyet-dinh-{unit.code}.pdf", "raw": b"%PDF-1.4\n%%EOF\n"})
                    ],
                }
                for unit in communication
            ]
        )
        with freeze_time(STATUSES_SUBMITTED):
            self.submit(statuses, lambda status: self.officer[status.unit_id])
        with freeze_time(STATUSES_CONFIRMED):
            waiting = statuses.filtered(lambda status: status.id % 10 == 0)
            self.approve_as(self.dept_officer, statuses - waiting)

    # ------------------------------------------------------------
    # REPORTS
    # ------------------------------------------------------------

    def build_reports(self):
        """One report per unit but a few; submitted on its unit's day, forwarded by its head (the
        Department receives it then), a few returned and submitted again, most accepted."""
        Report = self.env["gender.equality.report"].with_context(mail_create_nolog=True)
        draws = {unit: self.rng.random() for unit in self.units}
        reporting = self.units.filtered(lambda unit: draws[unit] >= 0.03)
        reports = Report.browse()
        for chunk in self.chunks(reporting):
            reports |= Report.create(
                [
                    {
                        "unit_id": unit.id,
                        "year": YEAR,
                        "direction": "<p>Ban hành kế hoạch, phân công cán bộ phụ trách.</p>",
                        "results": "<p>Tổ chức các hoạt động truyền thông theo kế hoạch.</p>",
                        "assessment_strengths": "<p>Lãnh đạo đơn vị quan tâm, chỉ đạo sát sao.</p>",
                        "recommendations": "<p>Đề nghị Sở Y tế tổ chức tập huấn cho cán bộ.</p>",
                    }
                    for unit in chunk
                ]
            )
            self.commit()
        drafts = reports.filtered(lambda report: draws[report.unit_id] < 0.05)
        by_day = defaultdict(lambda: Report.browse())
        for report in reports - drafts:
            by_day[self._report_day(report.unit_id)] |= report
        for day, day_reports in sorted(by_day.items()):
            with freeze_time(f"{day.isoformat()} 02:00:00"):
                self.submit(day_reports, lambda report: self.officer[report.unit_id])
                self.commit()
            # Most heads forward the report the same day, some two days later (late if that is
            # after the deadline).
            slow = day_reports.filtered(lambda report: draws[report.unit_id] > 0.9)
            with freeze_time(f"{day.isoformat()} 08:00:00"):
                self.forward_as_heads(day_reports - slow)
            with freeze_time(f"{(day + timedelta(days=2)).isoformat()} 08:00:00"):
                self.forward_as_heads(slow)
            self.commit()
        submitted = reports - drafts
        returned = submitted.filtered(lambda report: 0.05 <= draws[report.unit_id] < 0.1)
        with freeze_time(REPORTS_RETURNED):
            returned.with_user(self.dept_officer).action_return(RETURN_REASON)
        with freeze_time(REPORTS_RESUBMITTED):
            self.submit(returned, lambda report: self.officer[report.unit_id])
            self.forward_as_heads(returned)
        waiting = submitted.filtered(lambda report: 0.1 <= draws[report.unit_id] < 0.12)
        with freeze_time(REPORTS_ACCEPTED):
            self.approve_as(self.dept_officer, submitted - waiting)

    def build_supplements(self):
        """The activities held after the reports are carried out; some units send the
        Action-Month supplement that adds them to their accepted report, and the Department
        accepts it."""
        self.execute_activities(("done_after",), EXECUTED_AFTER_REPORTS)
        reports = self.env["gender.equality.report"].search(
            [
                ("year", "=", YEAR),
                ("state", "=", "accepted"),
                ("unit_id", "in", sorted(self.supplement_units)),
            ]
        )
        Supplement = self.env["gender.equality.report.supplement"].with_context(mail_create_nolog=True)
        supplements = Supplement.browse()
        with freeze_time(SUPPLEMENTS_SUBMITTED):
            for chunk in self.chunks(reports, 200):
                created = Supplement.create(
                    [{"report_id": report.id, "note": "<p>Bổ sung Tháng hành động.</p>"} for report in chunk]
                )
                created.action_submit()
                supplements |= created
                self.commit()
            # The Department accepts them (a supplement counts once accepted, like a report).
            self.approve_as(self.dept_officer, supplements)

    # ------------------------------------------------------------
    # PLANS OF THE NEXT YEAR
    # ------------------------------------------------------------

    def build_waiting_plans(self):
        """Plans of 2027 of the first units, submitted and approved by their heads: they wait for
        the Department manager."""
        units = self.units[:APPROVE_MANY_COUNT]
        plans = (
            self.env["gender.equality.plan"]
            .with_context(mail_create_nolog=True)
            .create(
                [
                    {"unit_id": unit.id, "year": APPROVE_MANY_YEAR, "user_id": self.officer[unit].id}
                    for unit in units
                ]
            )
        )
        types = [
            self.ref("gender_equality_activity_type_dissemination"),
            self.ref("gender_equality_activity_type_event"),
        ]
        self.env["gender.equality.task"].create(
            [
                {
                    "plan_id": plan.id,
                    "name": f"{activity_type.name} {APPROVE_MANY_YEAR}",
                    "area_id": self.ref("gender_equality_area_information").id,
                    "activity_type_id": activity_type.id,
                    "target_group": "staff",
                    "date_start": date(APPROVE_MANY_YEAR, 3 + 8 * index, 20),
                    "date_end": date(APPROVE_MANY_YEAR, 3 + 8 * index, 20),
                    "user_id": self.officer[plan.unit_id].id,
                }
                for plan in plans
                for index, activity_type in enumerate(types)
            ]
        )
        with freeze_time(NEXT_PLANS_SUBMITTED):
            self.submit(plans, lambda plan: self.officer[plan.unit_id])
        with freeze_time(NEXT_PLANS_FORWARDED):
            self.approve_as_heads(plans)


def main():
    options, odoo_args = parse_args(
        "Generate the benchmark data.", lambda parser: parser.add_argument("--seed", type=int, default=SEED)
    )
    with odoo_env(odoo_args) as env:
        print(f"Generating {options.scale} ({SCALES[options.scale]} units) in {env.cr.dbname}…", flush=True)
        generator = Generator(env, options.scale, options.seed)
        total = generator.run()
        print(f"Generated in {total:.1f} s.", flush=True)


if __name__ == "__main__":
    main()
