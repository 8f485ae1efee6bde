# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .plan_common import GenderEqualityPlanCommon
from .report_common import RESULTS
from .signing_ca import shared_ca

# The day the fixtures describe, and on which their tests run (time is part of the freeze): the
# Action Month of 2028 is over, unit A submitted its report of 2028 and files its Action-Month
# supplements; its 2028 activities were held earlier in the year.
TODAY = "2028-12-20 03:00:00"


class IntegrityCommon(GenderEqualityPlanCommon):
    """Every role of the field policy, and records of unit A in every state of every model, on
    ``TODAY``.

    Records are brought to their state through the workflow, as the users who would act.
    """

    @classmethod
    def setUpClass(cls):
        cls.startClassPatcher(freeze_time(TODAY))
        super().setUpClass()
        cls.internal = new_test_user(cls.env, "gep_internal", groups="base.group_user")
        cls.portal = new_test_user(cls.env, "gep_portal", groups="base.group_portal")
        cls.users = {
            "unit_user": cls.user_a,
            "unit_manager": cls.manager_a,
            "inspector": cls.inspector,
            "dept_user": cls.dept_user,
            "dept_manager": cls.dept_manager,
            "internal": cls.internal,
            "portal": cls.portal,
        }
        cls.records = {}
        # Unit A has communication duties: target 4 (the Gender Indicator Set) counts it.
        cls.unit_a.has_communication_duty = True
        cls._build_plans_and_tasks()
        cls._build_inspections()
        cls._build_affiliated_inspections()
        cls._build_programmes()
        cls._build_reports()
        cls._build_sector_reports()
        cls._build_master_data()

    # ------------------------------------------------------------
    # FIXTURES
    # ------------------------------------------------------------

    @classmethod
    def _plan(cls, year, *task_dates):
        return cls.Plan.with_user(cls.user_a).create(
            {
                "unit_id": cls.unit_a.id,
                "year": year,
                "task_ids": [
                    Command.create(cls._task_vals(f"Hoạt động {day}", day, activity_type=cls.type_other))
                    for day in task_dates
                ],
            }
        )

    @classmethod
    def _build_plans_and_tasks(cls):
        submitted = cls._plan(2027, date(2027, 3, 1))
        submitted.with_user(cls.user_a).action_submit()
        approved = cls._plan(2028, date(2028, 3, 1), date(2028, 4, 1))
        cls._approve_plan(approved)
        # 2036: a year whose report is not submitted (a plan of such a year takes no change).
        returned = cls._plan(2036, date(2036, 3, 1))
        returned.with_user(cls.user_a).action_submit()
        returned.with_user(cls.manager_a).action_return("Bổ sung hoạt động")
        cancelled = cls._plan(2030, date(2030, 3, 1))
        cancelled.with_user(cls.user_a).action_cancel()
        cls.records["gender.equality.plan"] = {
            "draft": cls.plan,
            "returned": returned,
            "submitted": submitted,
            "approved": approved,
            "cancelled": cancelled,
        }
        # 2028: one activity done and counted by the submitted report, one still planned; each
        # has a communication product.
        counted, planned = approved.task_ids
        Product = cls.env["gender.equality.communication.product"].with_user(cls.user_a)
        products = {
            state: Product.create({"task_id": task.id, "kind": "leaflet", "name": "Tờ rơi", "quantity": 100})
            for state, task in (("counted_by_a_report", counted), ("plan_approved", planned))
        }
        cls.records["gender.equality.communication.product"] = products
        counted.with_user(cls.user_a).write(
            {"actual_date_start": date(2028, 3, 1), "actual_date_end": date(2028, 3, 1)}
        )
        counted.with_user(cls.user_a).action_done()
        cls.report_2028 = (
            cls.env["gender.equality.report"]
            .with_user(cls.user_a)
            .create({"unit_id": cls.unit_a.id, "year": 2028, "results": RESULTS})
        )
        cls.report_2028.with_user(cls.user_a).action_submit()
        cls.records["gender.equality.task"] = {
            "plan_draft": cls.task_dissemination,
            "plan_submitted": submitted.task_ids,
            "plan_approved": planned,
            "counted_by_a_report": counted,
        }

    @classmethod
    def _build_inspections(cls):
        Inspection = cls.env["gender.equality.inspection"].with_user(cls.user_a)
        checklist = cls.env.ref("gender_equality_plan.gender_equality_checklist_plan")
        inspections = {}
        for state in ("draft", "in_progress", "done", "approved", "returned", "cancelled"):
            inspections[state] = Inspection.create(
                {
                    "unit_id": cls.unit_a.id,
                    "inspection_type": "self",
                    "year": 2026,
                    "checklist_id": checklist.id,
                }
            )
        for state in ("in_progress", "done", "approved", "returned"):
            inspection = inspections[state]
            inspection.action_start()
            inspection.line_ids.filtered("is_mandatory").write({"answer_yes_no": "yes"})
            inspection.line_ids[-1:].write({"answer_yes_no": "no"})
            inspection.write({"violation_ids": [Command.create({"description": "Thiếu biên bản"})]})
        for state in ("done", "approved", "returned"):
            inspections[state].action_done()
        inspections["approved"].with_user(cls.manager_a).action_approve()
        inspections["approved"].with_user(cls.dept_manager).action_approve()
        inspections["returned"].with_user(cls.manager_a).action_return("Trả lời lại")
        inspections["cancelled"].action_cancel()
        cls.records["gender.equality.inspection"] = inspections
        cls.records["gender.equality.inspection.line"] = {
            state: inspections[state].line_ids[:1] for state in ("in_progress", "done", "approved")
        }
        cls.records["gender.equality.inspection.violation"] = {
            state: inspections[state].violation_ids[:1] for state in ("in_progress", "done", "approved")
        }
        Action = cls.env["gender.equality.corrective.action"].with_user(cls.inspector)
        actions = {}
        for state in ("open", "in_progress", "done", "verified", "cancelled"):
            actions[state] = Action.create(
                {
                    "name": f"Khắc phục ({state})",
                    "inspection_id": inspections["approved"].id,
                    "responsible_id": cls.user_a.id,
                    "deadline": "2026-12-31",
                }
            )
        for state in ("in_progress", "done", "verified"):
            actions[state].with_user(cls.user_a).action_start()
        for state in ("done", "verified"):
            actions[state].with_user(cls.user_a).write({"evidence_note": "Biên bản"})
            actions[state].with_user(cls.user_a).action_done()
        actions["verified"].action_verify()
        actions["cancelled"].action_cancel("Trùng lặp")
        cls.records["gender.equality.corrective.action"] = actions

    @classmethod
    def _build_affiliated_inspections(cls):
        """Unit A inspects its affiliated unit A1, as unit A's officer, in every state; unit A's
        head approves the minutes."""
        cls.unit_a1 = cls.Unit.create(
            {"name": "Unit A1", "code": "TEST-A1", "unit_type": "health_station", "parent_id": cls.unit_a.id}
        )
        Inspection = cls.env["gender.equality.inspection"].with_user(cls.user_a)
        checklist = cls.env.ref("gender_equality_plan.gender_equality_checklist_plan")
        inspections = {
            state: Inspection.create(
                {
                    "unit_id": cls.unit_a1.id,
                    "inspection_type": "inspection",
                    "year": 2026,
                    "checklist_id": checklist.id,
                }
            )
            for state in ("draft", "in_progress", "done", "approved", "returned", "cancelled")
        }
        for state in ("in_progress", "done", "approved", "returned"):
            inspection = inspections[state]
            inspection.action_start()
            inspection.line_ids.filtered("is_mandatory").write({"answer_yes_no": "yes"})
        for state in ("done", "approved", "returned"):
            inspections[state].action_done()
        inspections["approved"].with_user(cls.manager_a).action_approve()
        inspections["returned"].with_user(cls.manager_a).action_return("Bổ sung phát hiện")
        inspections["cancelled"].action_cancel()
        cls.records["gender.equality.inspection:affiliated"] = inspections

    @classmethod
    def _build_programmes(cls):
        """Unit A's programmes of self-inspections for 2027, in every state, prepared by unit A's
        officer and decided by its head."""
        Programme = cls.env["gender.equality.inspection.programme"].with_user(cls.user_a)
        programmes = {
            state: Programme.create(
                {
                    "unit_id": cls.unit_a.id,
                    "year": 2027,
                    "inspection_type": "self",
                    "line_ids": [Command.create({"unit_id": cls.unit_a.id, "planned_date": "2027-06-01"})],
                }
            )
            for state in ("draft", "submitted", "approved", "returned", "cancelled")
        }
        for state in ("submitted", "approved", "returned"):
            programmes[state].action_submit()
        programmes["approved"].with_user(cls.manager_a).action_approve()
        programmes["returned"].with_user(cls.manager_a).action_return("Bổ sung thời gian")
        programmes["cancelled"].action_cancel()
        cls.records["gender.equality.inspection.programme"] = programmes
        cls.records["gender.equality.inspection.programme.line"] = {
            state: programme.line_ids[:1] for state, programme in programmes.items()
        }

    @classmethod
    def _build_reports(cls):
        Report = cls.env["gender.equality.report"].with_user(cls.user_a)
        Survey = cls.env["gender.equality.awareness.survey"]
        Status = cls.env["gender.equality.indicator.status"]
        survey_vals = {
            "unit_id": cls.unit_a.id,
            "target_group": "staff",
            "respondents_male": 10,
            "respondents_female": 10,
            "correct_male": 5,
            "correct_female": 6,
        }
        surveys = {
            "open": Survey.with_user(cls.user_a).create(dict(survey_vals, year=2026)),
            "counted_by_a_report": Survey.create(dict(survey_vals, year=2029)),
        }
        baseline = Survey.with_user(cls.dept_manager).create(dict(survey_vals, year=2025))
        statuses = {
            state: Status.with_user(cls.user_a).create(
                {
                    "unit_id": cls.unit_a.id,
                    "year": year,
                    "status": "pilot",
                    "attachment_ids": [Command.create({"name": "quyet-dinh.pdf", "raw": b"%PDF"})],
                }
            )
            for state, year in (
                ("draft", 2026),
                ("submitted", 2027),
                ("confirmed", 2028),
                ("returned", 2029),
                ("cancelled", 2030),
            )
        }
        for state in ("submitted", "confirmed", "returned"):
            statuses[state].action_submit()
        statuses["confirmed"].with_user(cls.dept_user).action_approve()
        statuses["returned"].with_user(cls.dept_user).action_return("Thiếu minh chứng")
        statuses["cancelled"].action_cancel()
        reports = {
            "draft": Report.create({"unit_id": cls.unit_a.id, "year": 2031, "results": RESULTS}),
            "returned": Report.create({"unit_id": cls.unit_a.id, "year": 2032, "results": RESULTS}),
            "submitted": cls.report_2028,
            "accepted": Report.create({"unit_id": cls.unit_a.id, "year": 2029, "results": RESULTS}),
            "cancelled": Report.create({"unit_id": cls.unit_a.id, "year": 2030, "results": RESULTS}),
        }
        reports["returned"].action_submit()
        reports["returned"].with_user(cls.manager_a).action_return("Bổ sung số liệu")
        reports["accepted"].action_submit()
        reports["accepted"].with_user(cls.manager_a).action_approve()
        reports["accepted"].with_user(cls.dept_user).action_approve()
        reports["cancelled"].action_cancel()
        # The supplements of the current cycle: those of the report of 2028, in December 2028.
        Supplement = cls.env["gender.equality.report.supplement"].with_user(cls.user_a)
        supplements = {
            state: Supplement.create({"report_id": cls.report_2028.id, "date": day})
            for state, day in (
                ("draft", "2028-12-16"),
                ("submitted", "2028-12-17"),
                ("accepted", "2028-12-17"),
                ("returned", "2028-12-18"),
                ("cancelled", "2028-12-18"),
            )
        }
        for state in ("submitted", "accepted", "returned"):
            supplements[state].action_submit()
        supplements["accepted"].with_user(cls.dept_user).action_approve()
        supplements["returned"].with_user(cls.dept_user).action_return("Bổ sung minh chứng")
        supplements["cancelled"].action_cancel()
        cls.records.update(
            {
                "gender.equality.report": reports,
                "gender.equality.report.line": {None: cls.report_2028.line_ids[:1]},
                "gender.equality.report.supplement": supplements,
                "gender.equality.awareness.survey": surveys,
                "gender.equality.awareness.survey:baseline": {"baseline": baseline},
                "gender.equality.indicator.status": statuses,
            }
        )

    @classmethod
    def _build_sector_reports(cls):
        """The Department's reports upward in every state: written by its officer, signed and
        issued (or returned) by its manager."""
        SectorReport = cls.env["gender.equality.sector.report"].with_user(cls.dept_user)
        reports = {
            state: SectorReport.create(
                {
                    "year": year,
                    "signer_title": "GIÁM ĐỐC",
                    "signer_name": "Nguyễn Văn An",
                    "document_number": f"{year - 2000}/BC-SYT",
                }
            )
            for state, year in (
                ("draft", 2031),
                ("submitted", 2032),
                ("issued", 2033),
                ("returned", 2034),
                ("cancelled", 2035),
            )
        }
        for state in ("submitted", "issued", "returned"):
            reports[state].action_submit()
        reports["issued"].with_user(cls.dept_manager).action_approve()
        reports["returned"].with_user(cls.dept_manager).action_return("Bổ sung đánh giá")
        reports["cancelled"].action_cancel()
        result = (
            cls.env["gender.equality.objective.result"]
            .with_user(cls.dept_user)
            .create(
                {
                    "objective_id": cls.env.ref(
                        "gender_equality_plan.gender_equality_objective_dissemination"
                    ).id,
                    # 2030: a year the demo data records nothing for.
                    "year": 2030,
                    "value": 80.0,
                    "source_note": "Báo cáo số 1/BC-SYT",
                }
            )
        )
        cls.records["gender.equality.sector.report"] = reports
        cls.records["gender.equality.objective.result"] = {None: result}

    @classmethod
    def _build_master_data(cls):
        ref = cls.env.ref
        review = cls.env["gender.equality.approval.review"].search(
            [
                ("res_model", "=", "gender.equality.plan"),
                ("res_id", "=", cls.records["gender.equality.plan"]["approved"].id),
            ],
            limit=1,
        )
        checklist = ref("gender_equality_plan.gender_equality_checklist_plan")
        observance = ref("gender_equality_plan.gender_equality_observance_action_month")
        theme = cls.env["gender.equality.observance.theme"].create(
            {"observance_id": observance.id, "year": 2031, "theme": "Chủ đề"}
        )
        unit_day = (
            cls.env["gender.equality.observance"]
            .with_user(cls.user_a)
            .create(
                {
                    "name": "Ngày truyền thống",
                    "unit_id": cls.unit_a.id,
                    "day_start": 12,
                    "month_start": 8,
                    "day_end": 12,
                    "month_end": 8,
                }
            )
        )
        cls.records.update(
            {
                "gender.equality.unit": {None: cls.unit_a},
                "gender.equality.topic": {
                    None: ref("gender_equality_plan.gender_equality_topic_reproductive_health")
                },
                "gender.equality.grading.band": {
                    None: ref("gender_equality_plan.gender_equality_grading_band_fair")
                },
                "gender.equality.grading.scale": {
                    None: ref("gender_equality_plan.gender_equality_grading_scale_default")
                },
                "gender.equality.legal.basis": {
                    None: ref("gender_equality_plan.gender_equality_legal_basis_gender_equality_law")
                },
                "gender.equality.sector.setting": {
                    None: ref("gender_equality_plan.gender_equality_sector_setting_2025")
                },
                "gender.equality.phase": {None: ref("gender_equality_plan.gender_equality_phase_2021_2025")},
                "gender.equality.observance:unit": {None: unit_day},
                "gender.equality.area": {None: cls.area_information},
                "gender.equality.activity.type": {None: cls.type_other},
                "gender.equality.funding.source": {None: cls.funding_state},
                "gender.equality.objective": {None: cls.env["gender.equality.objective"].search([], limit=1)},
                "gender.equality.observance": {None: observance},
                "gender.equality.observance.theme": {None: theme},
                "gender.equality.approval.stage": {None: cls.stage_unit},
                "gender.equality.approval.review": {None: review},
                # A checklist that no finished inspection used: its edits stay in it.
                "gender.equality.checklist": {
                    None: cls.env["gender.equality.checklist"].create({"name": "Bảng kiểm", "code": "POLICY"})
                },
                "gender.equality.checklist.section": {None: checklist.section_ids[:1]},
                "gender.equality.checklist.item": {None: checklist.item_ids[:1]},
                "gender.equality.report.period": {
                    None: cls.env["gender.equality.report.period"].create({"year": 2031})
                },
                "gender.equality.document": {
                    None: cls.env["gender.equality.document"].create(
                        {
                            "name": "Văn bản",
                            "res_model": "gender.equality.report",
                            "res_id": cls.records["gender.equality.report"]["submitted"].id,
                            "unit_id": cls.unit_a.id,
                        }
                    )
                },
                "gender.equality.trusted.root": {
                    None: cls.env["gender.equality.trusted.root"].create(
                        {"name": "CA thử nghiệm", "certificate": base64.b64encode(shared_ca().pem)}
                    )
                },
                "gender.equality.signing.certificate": {
                    None: cls.env["gender.equality.signing.certificate"].create(
                        {"unit_id": cls.unit_a.id, "key_type": "pkcs11", "pkcs11_module": "/x.so", "pin": "1"}
                    )
                },
            }
        )
        sections = cls.records["gender.equality.checklist"][None]
        cls.records["gender.equality.checklist.section"] = {
            None: cls.env["gender.equality.checklist.section"].create(
                {"checklist_id": sections.id, "name": "Phần 1"}
            )
        }
        cls.records["gender.equality.checklist.item"] = {
            None: cls.env["gender.equality.checklist.item"].create(
                {
                    "checklist_id": sections.id,
                    "section_id": cls.records["gender.equality.checklist.section"][None].id,
                    "question": "Câu hỏi?",
                }
            )
        }

    # ------------------------------------------------------------
    # TRANSIENT RECORDS (each user works on their own)
    # ------------------------------------------------------------

    def _transient_record(self, model, user):
        """A record of the dashboard or wizard ``model`` created by ``user``, or None when the
        user may not create one."""
        Model = self.env[model].with_user(user)
        plan = self.records["gender.equality.plan"]["submitted"]
        vals = {
            "gender.equality.consolidation": {"year": 2026},
            "gender.equality.home": {},
            "gender.equality.reason.wizard": {},
            "gender.equality.confirm.wizard": {},
            "gender.equality.approval.batch.wizard": {},
            "gender.equality.paper.approval.wizard": {
                "scan": base64.b64encode(b"%PDF-1.4 signed"),
                "signer": "Nguyễn Văn An",
            },
            "gender.equality.document.upload.wizard": {"signed_file": base64.b64encode(b"%PDF-1.4 signed")},
            "gender.equality.prepare.year.wizard": {"year": 2031, "unit_ids": [Command.set(self.unit_a.ids)]},
            "gender.equality.inspection.plan.wizard": {
                "year": 2026,
                "unit_ids": [Command.set(self.unit_a.ids)],
                "first_date": "2026-12-15",
            },
            "gender.equality.inspection.compare": {"unit_id": self.unit_a.id, "year": 2026},
            "gender.equality.multi.year": {"year_from": 2021, "year_to": 2030},
        }
        context = {}
        if model == "gender.equality.reason.wizard":
            context = {
                "default_res_model": plan._name,
                "default_res_ids": plan.ids,
                "default_method": "action_return",
            }
        elif model == "gender.equality.approval.batch.wizard":
            context = {"active_model": plan._name, "active_ids": plan.ids, "default_decision": "approve"}
        elif model == "gender.equality.paper.approval.wizard":
            context = {"default_res_model": plan._name, "default_res_id": plan.id}
        elif model == "gender.equality.document.upload.wizard":
            report = self.records["gender.equality.report"]["submitted"]
            context = {"default_res_model": report._name, "default_res_id": report.id}
        elif model == "gender.equality.confirm.wizard":
            context = {
                "default_res_model": plan._name,
                "default_res_ids": plan.ids,
                "default_method": "action_cancel",
            }
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.models"):
                if model == "gender.equality.inspection.compare.line":
                    compare = (
                        self.env["gender.equality.inspection.compare"]
                        .with_user(user)
                        .create({"unit_id": self.unit_a.id, "year": 2026})
                    )
                    record = compare.line_ids[:1]
                else:
                    record = Model.with_context(**context).create(vals[model])
                record.env.flush_all()
        except UserError:
            return None
        return record or None


def _other_relation(env, field, current, record):
    if field.type == "many2one":
        excluded = current.ids
        if field.comodel_name == record._name and record._parent_store:
            # A parent that is not a descendant (no cycle).
            excluded += env[record._name].search([("id", "child_of", record.id)]).ids
        Comodel = env[field.comodel_name]
        # Archived records when there is no other active one (the grading bands of a scale that
        # is not adopted yet).
        return (
            Comodel.search([("id", "not in", excluded)], limit=1)
            or Comodel.with_context(active_test=False).search([("id", "not in", excluded)], limit=1)
        ).id
    if current:
        return [Command.clear()]
    return [Command.link(env[field.comodel_name].search([], limit=1).id)]


def _other_number(name, current):
    # Years move far from every record of the tests (no unique (unit, year) is taken).
    return 2090 if name == "year" or name.endswith("_year") else (current or 0) + 7


# A valid value other than ``current``, by type of field: f(env, field, name, current, record).
OTHER_VALUES = {
    "many2one": _other_relation,
    "many2many": _other_relation,
    "one2many": _other_relation,
    "many2one_reference": lambda env, field, name, current: (current or 0) + 7,
    "json": lambda env, field, name, current: {"changed": [current]},
    "binary": lambda env, field, name, current: base64.b64encode(b"%PDF-1.4 other"),
    "selection": lambda env, field, name, current: next(
        key for key in field.get_values(env) if key != current
    ),
    "date": lambda env, field, name, current: fields.Date.add(current or fields.Date.today(), days=1),
    "datetime": lambda env, field, name, current: (current or fields.Datetime.now()) + timedelta(days=1),
    "boolean": lambda env, field, name, current: not current,
    "integer": lambda env, field, name, current: _other_number(name, current),
    "float": lambda env, field, name, current: (current or 0.0) + 7.0,
    "monetary": lambda env, field, name, current: (current or 0.0) + 7.0,
    "char": lambda env, field, name, current: f"{current or ''} (khác)",
    "text": lambda env, field, name, current: f"{current or ''} (khác)",
    "html": lambda env, field, name, current: f"{current or ''}<p>Khác</p>",
}


def other_value(env, record, name):
    """A valid value of the field ``name`` other than the one ``record`` holds (for the tests that
    check that a change is refused): another record, key, number, text or date."""
    field = record._fields[name]
    function = OTHER_VALUES[field.type]
    if function is _other_relation:
        return function(env, field, record[name], record)
    return function(env, field, name, record[name])
