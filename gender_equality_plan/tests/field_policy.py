# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The field policy of every model of the module, as data: who may write which field, in
which state. ``test_field_policy`` checks it against the models (every role, every state,
every field) and the README shows it (``render_markdown``; the end-to-end suite checks that
the README is up to date). Plain data: no Odoo import, so that tools outside Odoo read it.

For each model:
- ``writers``: the roles that may write records of the model (of their own units for the
  unit roles);
- ``states``: the fields writable in each state (``None``: a model without states);
- ``only``: fields that only some of the writers may write;
- ``create_only``: fields given at creation and never written afterwards (their actions
  change them, with a reason);
- ``readonly``: the fields that nobody writes (computed figures, status, bookkeeping);
- ``admin``: the fields that administrators only write (the configuration of digital
  signatures: none of the roles of the application).
A field of the model that none of these name is unclassified, and fails the test.
"""

ROLES = ("unit_user", "unit_manager", "inspector", "dept_user", "dept_manager", "internal", "portal")
ROLE_LABELS = {
    "unit_user": "Unit officer",
    "unit_manager": "Head of unit",
    "inspector": "Inspector",
    "dept_user": "Department officer",
    "dept_manager": "Department manager",
    "internal": "Other internal user",
    "portal": "Portal user",
}
UNIT = ("unit_user", "unit_manager")
VERIFIERS = ("inspector", "dept_user", "dept_manager")
DEPT_MANAGER = ("dept_manager",)
ALL_ROLES_OF_THE_APP = (*UNIT, *VERIFIERS)
NOTHING = frozenset()
WORKFLOW_FLAGS = {
    "approval_paper_message",
    "approval_stage_id",
    "can_approve",
    "can_cancel",
    "can_record_paper",
    "can_reopen",
    "can_reset_to_draft",
    "can_revert_paper",
    "can_submit",
    "is_editable",
    "is_locked",
    "is_under_review",
    "last_return_by_id",
    "last_return_date",
    "last_return_reason",
    "review_ids",
    "state",
    "submitted_by_id",
    "submitted_date",
}

# The signed document of a final record (gender.equality.document.mixin): read from the document.
DOCUMENT_FLAGS = {
    "can_upload_signed",
    "issued_date",
    "issued_sha256",
    "issued_signatures",
    "issued_signer_id",
    "issued_state",
    "issued_verification",
}


def _master(writable, readonly=()):
    return {
        "writers": DEPT_MANAGER,
        "states": {None: frozenset(writable)},
        "readonly": frozenset(readonly),
    }


PLAN_CONTENT = {"user_id", "description", "task_ids", "currency_id"}
TASK_PLANNED = {
    "target_group_note",
    "name",
    "description",
    "area_id",
    "activity_type_id",
    "observance_id",
    "topic_ids",
    "target_group",
    "form",
    "date_start",
    "date_end",
    "user_id",
    "coordinating_unit_ids",
    "funding_source_id",
    "planned_budget",
}
TASK_EXECUTION = {
    "actual_date_start",
    "actual_date_end",
    "participants_male",
    "participants_female",
    "estimated_reach",
    "actual_cost",
    "attachment_ids",
    "attending_unit_ids",
    "product_ids",
}
INSPECTION_CONTENT = {
    "checklist_id",
    "conclusion",
    "conclusion_date",
    "conclusion_number",
    "corrective_action_ids",
    "date",
    "decision_date",
    "decision_number",
    "external_body",
    "inspector_ids",
    "leader_id",
    "line_ids",
    "planned_date",
    "recommendations",
    "scope",
    "shortcomings",
    "strengths",
    "violation_ids",
}
# Set while the inspection is planned (a draft), never after.
INSPECTION_DRAFT_ONLY = {
    "unit_id",
    "inspection_type",
    "inspection_category",
    "inspecting_unit_id",
    "year",
    "is_external",
}
INSPECTION_READONLY = (
    WORKFLOW_FLAGS
    | DOCUMENT_FLAGS
    | {
        "corrective_action_count",
        "duplicate_warning",
        "failed_count",
        "grade_id",
        "has_critical_failure",
        "is_late",
        "is_scored",
        "legal_basis_snapshot",
        "legal_basis_text",
        "name",
        "programme_id",
        "result_band",
        "score",
        "unanswered_count",
    }
)
PROGRAMME_DECISION = {"decision_date", "decision_number", "document_number", "signer_name", "signer_title"}
PROGRAMME_CONTENT = PROGRAMME_DECISION | {
    "checklist_id",
    "implementation",
    "inspection_category",
    "inspector_ids",
    "leader_id",
    "line_ids",
    "purpose",
    "recipients",
    "scope",
}
PROGRAMME_LINE = {"note", "planned_date", "sequence", "unit_id"}
OBSERVANCE = {
    "active",
    "day_end",
    "day_start",
    "default_activity_type_id",
    "default_area_id",
    "description",
    "is_action_month",
    "month_end",
    "month_start",
    "name",
    "sequence",
    "theme_ids",
    "unit_id",
}
ANSWERS = {
    "answer_date",
    "answer_number",
    "answer_text",
    "answer_yes_no",
    "attachment_ids",
    "corrective_action_ids",
    "finding",
    "is_failed",
}
# ``is_failed`` is an answer field judged on the answer the line is left with: an item answered
# "No" is failed. Who may clear that failure, on an inspection in progress of unit A (whose
# members are the inspected unit) and on unit A's inspection of its affiliated unit A1 (whose
# members judge it), by whether the item is critical: nobody on a critical item; on another item,
# those who judge the inspected unit, never its own members. Writing the flag the answer gives
# is an ordinary answer (``ANSWERS``).
FAILURE_CLEARED_BY = {
    ("gender.equality.inspection", True): (),
    ("gender.equality.inspection", False): VERIFIERS,
    ("gender.equality.inspection:affiliated", True): (),
    ("gender.equality.inspection:affiliated", False): (*UNIT, *VERIFIERS),
}
REPORT_CONTENT = {
    "assessment_causes",
    "assessment_shortcomings",
    "assessment_strengths",
    "direction",
    "next_year_tasks",
    "recommendations",
    "results",
    "supplement_ids",
    "deadline",
    "deadline_included",
    "document_number",
    "resubmit_deadline",
}
SURVEY_FIELDS = {
    "target_group_note",
    "correct_female",
    "correct_male",
    "note",
    "respondents_female",
    "respondents_male",
    "target_group",
    "unit_id",
    "year",
}
STATUS_FIELDS = {"attachment_ids", "inspection_ids", "note", "status"}
DEPARTMENT = ("dept_user", "dept_manager")
SECTOR_REPORT_CONTENT = {
    "addressees",
    "assessment_causes",
    "assessment_shortcomings",
    "assessment_strengths",
    "coordinator_ministry",
    "direction",
    "document_number",
    "include_period_review",
    "introduction",
    "next_year_tasks",
    "period_direction",
    "period_lessons",
    "place",
    "recipients",
    "recommendations",
    "review_phase_id",
    "report_date",
    "signer_name",
    "signer_title",
}

POLICY = {
    # Master data: the Department manager configures it.
    "gender.equality.unit": _master(
        {
            "active",
            "child_ids",
            "code",
            "has_communication_duty",
            "has_reporting_duty",
            "head_title",
            "name",
            "no_head_mode",
            "note",
            "parent_id",
            "sequence",
            "unit_type",
            "user_ids",
        },
        {"has_head_account", "manager_ids", "member_count"},
    ),
    "gender.equality.area": _master({"active", "code", "description", "name", "sequence"}),
    "gender.equality.activity.type": _master(
        {
            "active",
            "description",
            "is_dissemination",
            "name",
            "requires_evidence",
            "requires_participants",
            "sequence",
        }
    ),
    "gender.equality.funding.source": _master({"active", "description", "name", "sequence"}),
    "gender.equality.objective": _master(
        {
            "active",
            "awareness_measure",
            "baseline_year",
            "code",
            "kind",
            "measure",
            "milestone_year",
            "name",
            "sequence",
            "target",
            "target_share",
            "target_value",
            "target_value_max",
            "target_year",
        }
    ),
    "gender.equality.topic": _master({"active", "code", "description", "name", "sequence"}),
    # The Department's observances, shared by every unit.
    "gender.equality.observance": _master(OBSERVANCE, {"can_edit", "date_label"}),
    # A unit's own day (its traditional day): its members add and change it; the Action-Month
    # flag and the yearly themes stay the Department manager's.
    "gender.equality.observance:unit": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {None: frozenset(OBSERVANCE)},
        "only": {"is_action_month": DEPT_MANAGER, "theme_ids": DEPT_MANAGER},
        "readonly": frozenset({"can_edit", "date_label"}),
    },
    "gender.equality.observance.theme": _master({"message", "observance_id", "theme", "year"}),
    "gender.equality.approval.stage": _master(
        {
            "active",
            "approver_type",
            "description",
            "domain",
            "group_id",
            "name",
            "receives_for_department",
            "res_model",
            "sequence",
            "submitter_decides",
            "user_ids",
            "without_approver",
        }
    ),
    "gender.equality.checklist": _master(
        {"active", "code", "description", "is_default", "item_ids", "name", "section_ids"},
        {"inspection_count", "inspection_ids", "item_count", "previous_version_id", "version"},
    ),
    "gender.equality.checklist.section": _master(
        {"checklist_id", "item_ids", "name", "sequence"}, {"previous_section_id"}
    ),
    "gender.equality.checklist.item": _master(
        {
            "answer_type",
            "checklist_id",
            "help_text",
            "is_critical",
            "is_mandatory",
            "is_unverified",
            "question",
            "reference",
            "requires_action",
            "requires_evidence",
            "section_id",
            "sequence",
            "weight",
        },
        {"previous_item_id", "section_sequence"},
    ),
    "gender.equality.report.period": _master(
        {"deadline", "deadline_included", "note", "resubmission_days", "year"}, {"timeliness_rule"}
    ),
    # Local settings of the Department, not official norms.
    "gender.equality.grading.band": _master(
        {"active", "code", "is_local_setting", "min_score", "name", "note", "scale_id", "sequence"}
    ),
    # The Department's decision: inactive until adopted; what minutes printed of it stays.
    "gender.equality.grading.scale": _master(
        {"active", "band_ids", "decision_date", "decision_number", "issued_by", "name", "note"}, {"adoption"}
    ),
    # The state apparatus as data: the legal bases of the inspections, the defaults of the sector
    # report by year, the phases of the programme and their review years.
    "gender.equality.legal.basis": _master(
        {
            "active",
            "date_from",
            "date_to",
            "document",
            "external_only",
            "inspection_type",
            "name",
            "note",
            "sequence",
        }
    ),
    "gender.equality.sector.setting": _master(
        {"addressees", "coordinator_ministry", "introduction", "note", "recipients", "year_from"}
    ),
    "gender.equality.phase": _master({"name", "note", "review_kind", "review_year", "year_from", "year_to"}),
    # History: written by the approval workflow only.
    "gender.equality.approval.review": {
        "writers": (),
        "states": {None: NOTHING},
        "readonly": frozenset(
            {
                "attachment_ids",
                "done_by_id",
                "done_date",
                "mode",
                "name",
                "paper_date",
                "paper_signer",
                "reason",
                "res_id",
                "res_model",
                "reviewer_ids",
                "round",
                "sequence",
                "stage_id",
                "state",
                "unit_id",
            }
        ),
    },
    # What a unit is assessed on.
    "gender.equality.plan": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "draft": frozenset(PLAN_CONTENT | {"unit_id", "year"}),
            "returned": frozenset(PLAN_CONTENT),
            "submitted": NOTHING,
            "approved": NOTHING,
            "cancelled": NOTHING,
        },
        "readonly": frozenset(
            WORKFLOW_FLAGS
            | {
                "action_month_count",
                "area_summary",
                "budget_summary",
                "dissemination_count",
                "name",
                "planned_budget_total",
                "task_count",
                "warning_message",
            }
        ),
    },
    "gender.equality.task": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "plan_draft": frozenset(TASK_PLANNED),
            "plan_submitted": NOTHING,
            "plan_approved": frozenset(TASK_EXECUTION),
            "counted_by_a_report": NOTHING,
        },
        "create_only": frozenset({"plan_id"}),
        "readonly": frozenset(
            {
                "area_code",
                "can_cancel",
                "can_execute",
                "can_finish",
                "can_start",
                "currency_id",
                "is_action_month",
                "is_dissemination",
                "is_editable",
                "is_held_in_action_month",
                "is_locked",
                "is_overdue",
                "is_staff_session",
                "participants_total",
                "plan_state",
                "staff_session_note",
                "plan_year",
                "report_ids",
                "state",
                "supplement_ids",
                "unit_id",
            }
        ),
    },
    "gender.equality.inspection": {
        # Unit roles: the self-inspections of their own units.
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "draft": frozenset(INSPECTION_CONTENT | INSPECTION_DRAFT_ONLY),
            "in_progress": frozenset(INSPECTION_CONTENT),
            "done": NOTHING,
            "approved": NOTHING,
            "returned": frozenset(INSPECTION_CONTENT),
            "cancelled": NOTHING,
        },
        "create_only": frozenset({"programme_line_id"}),
        "readonly": frozenset(INSPECTION_READONLY),
    },
    "gender.equality.inspection:affiliated": {
        # Unit A inspects its affiliated unit A1: unit A's roles record it (unit A1's only read it).
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "draft": frozenset(INSPECTION_CONTENT | INSPECTION_DRAFT_ONLY),
            "in_progress": frozenset(INSPECTION_CONTENT),
            "done": NOTHING,
            "approved": NOTHING,
            "returned": frozenset(INSPECTION_CONTENT),
            "cancelled": NOTHING,
        },
        "create_only": frozenset({"programme_line_id"}),
        "readonly": frozenset(INSPECTION_READONLY),
    },
    "gender.equality.communication.product": {
        # Recorded with the execution of the activity, frozen with it.
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "plan_approved": frozenset({"kind", "name", "quantity", "sequence", "url"}),
            "counted_by_a_report": NOTHING,
        },
        "create_only": frozenset({"task_id"}),
        "readonly": frozenset({"unit_id", "year"}),
    },
    "gender.equality.inspection.line": {
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "in_progress": frozenset(ANSWERS),
            "done": NOTHING,
            "approved": NOTHING,
        },
        "create_only": frozenset({"inspection_id"}),
        "readonly": frozenset(
            {
                "answer_type",
                "failed_count",
                "help_text",
                "inspection_type",
                "is_answered",
                "is_critical",
                "is_mandatory",
                "is_unverified",
                "item_id",
                "item_score",
                "question",
                "reference",
                "requires_action",
                "requires_evidence",
                "section_name",
                "section_sequence",
                "sequence",
                "state",
                "unit_id",
                "weight",
                "year",
            }
        ),
    },
    "gender.equality.inspection.violation": {
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "in_progress": frozenset({"description", "sequence", "severity"}),
            "done": NOTHING,
            "approved": NOTHING,
        },
        "create_only": frozenset({"inspection_id"}),
        "readonly": frozenset({"unit_id"}),
    },
    "gender.equality.corrective.action": {
        # The unit carries the action out; inspectors and the Department decide it.
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "open": frozenset({"responsible_id", "evidence_note", "attachment_ids", "name", "finding"}),
            "in_progress": frozenset(
                {"responsible_id", "evidence_note", "attachment_ids", "name", "finding"}
            ),
            "done": NOTHING,
            "verified": NOTHING,
            "cancelled": NOTHING,
        },
        "only": {"name": VERIFIERS, "finding": VERIFIERS},
        "create_only": frozenset({"deadline", "inspection_id", "item_id", "line_id", "priority", "unit_id"}),
        "readonly": frozenset(
            {
                "can_cancel",
                "can_reopen",
                "can_reschedule",
                "can_verify",
                "is_editable",
                "is_locked",
                "is_overdue",
                "is_verifier",
                "reopen_reason",
                "state",
            }
        ),
    },
    "gender.equality.inspection.programme": {
        # A unit's programme (its self-inspections): its roles prepare it; inspectors and the
        # Department manage every programme. Once approved, only the signed decision is recorded.
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "draft": frozenset(PROGRAMME_CONTENT | {"unit_id", "year", "inspection_type"}),
            "submitted": NOTHING,
            "approved": frozenset(PROGRAMME_DECISION),
            "returned": frozenset(PROGRAMME_CONTENT),
            "cancelled": NOTHING,
        },
        "readonly": frozenset(
            WORKFLOW_FLAGS
            | {
                "covered_unit_ids",
                "done_count",
                "in_progress_count",
                "inspection_ids",
                "late_count",
                "legal_basis_snapshot",
                "legal_basis_text",
                "line_count",
                "name",
                "not_started_count",
                "progress_rate",
                "unscheduled_count",
            }
        ),
    },
    "gender.equality.inspection.programme.line": {
        "writers": (*UNIT, *VERIFIERS),
        "states": {
            "draft": frozenset(PROGRAMME_LINE),
            "submitted": NOTHING,
            "approved": NOTHING,
            "returned": frozenset(PROGRAMME_LINE),
            "cancelled": NOTHING,
        },
        "create_only": frozenset({"programme_id"}),
        "readonly": frozenset(
            {
                "inspection_id",
                "inspection_ids",
                "inspection_type",
                "is_editable",
                "programme_state",
                "programme_unit_id",
                "status",
                "year",
            }
        ),
    },
    "gender.equality.report": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "draft": frozenset(REPORT_CONTENT | {"unit_id", "year"}),
            "returned": frozenset(REPORT_CONTENT),
            "submitted": NOTHING,
            "accepted": NOTHING,
            "cancelled": NOTHING,
        },
        "only": {
            "deadline": DEPT_MANAGER,
            "deadline_included": DEPT_MANAGER,
            "resubmit_deadline": DEPT_MANAGER,
        },
        "readonly": frozenset(
            WORKFLOW_FLAGS
            | DOCUMENT_FLAGS
            | {
                "action_month_held",
                "action_month_planned",
                "awaiting_resubmission",
                "is_received",
                "late_received_date",
                "timeliness_date",
                "activity_count",
                "awareness_rate",
                "budget_used",
                "can_add_supplement",
                "compile_date",
                "compiled_task_ids",
                "corrective_open_count",
                "corrective_overdue_count",
                "corrective_verified_count",
                "days_late",
                "deadline_status",
                "dissemination_count",
                "indicator_status",
                "inspection_count",
                "is_late",
                "line_ids",
                "name",
                "observance_count",
                "participants_female",
                "participants_male",
                "participants_total",
                "received_date",
                "staff_session_count",
                "submit_date",
                "timeliness_rule",
                "unit_type",
                "violation_count",
            }
        ),
    },
    "gender.equality.report.line": {
        "writers": (),
        "states": {None: NOTHING},
        "readonly": frozenset(
            {
                "activity_type_id",
                "area_id",
                "funding_source_id",
                "inspection_type",
                "key",
                "name",
                "participants_female",
                "participants_male",
                "correct",
                "respondents",
                "target_group",
                "product_kind",
                "report_id",
                "section",
                "sequence",
                "source_ids",
                "source_model",
                "supplement_id",
                "topic_id",
                "unit_id",
                "value",
                "value_display",
                "year",
            }
        ),
    },
    # The unit files it; the Department accepts or returns it through the approval chain.
    "gender.equality.report.supplement": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "draft": frozenset({"date", "note"}),
            "submitted": NOTHING,
            "accepted": NOTHING,
            "returned": frozenset({"date", "note"}),
            "cancelled": NOTHING,
        },
        "create_only": frozenset({"report_id"}),
        "readonly": frozenset(
            WORKFLOW_FLAGS
            | {
                "action_month_held",
                "line_ids",
                "participants_female",
                "participants_male",
                "state",
                "task_ids",
                "unit_id",
                "year",
            }
        ),
    },
    "gender.equality.awareness.survey": {
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "open": frozenset(SURVEY_FIELDS),
            "counted_by_a_report": NOTHING,
        },
        "readonly": frozenset(
            {"awareness_rate", "can_edit", "is_baseline", "is_locked", "name", "respondents_total"}
        ),
    },
    "gender.equality.awareness.survey:baseline": {
        # The surveys of the baseline year: the Department manager only.
        "writers": DEPT_MANAGER,
        "states": {"baseline": frozenset(SURVEY_FIELDS)},
        "readonly": frozenset(
            {"awareness_rate", "can_edit", "is_baseline", "is_locked", "name", "respondents_total"}
        ),
    },
    "gender.equality.indicator.status": {
        # The unit declares its status; the Department confirms it through the approval chain.
        "writers": (*UNIT, *DEPT_MANAGER),
        "states": {
            "draft": frozenset(STATUS_FIELDS | {"unit_id", "year"}),
            "returned": frozenset(STATUS_FIELDS),
            "submitted": NOTHING,
            "confirmed": NOTHING,
            "cancelled": NOTHING,
        },
        "readonly": frozenset(WORKFLOW_FLAGS),
    },
    # The Department's report upward: its officers and managers write it; once submitted for
    # signature its figures are frozen and nothing changes; issued, it is locked.
    "gender.equality.sector.report": {
        "writers": DEPARTMENT,
        "states": {
            "draft": frozenset(SECTOR_REPORT_CONTENT | {"unit_id", "year"}),
            # The signer gives the number (from the office's register) and the date.
            "submitted": frozenset({"document_number", "report_date"}),
            "issued": NOTHING,
            "returned": frozenset(SECTOR_REPORT_CONTENT),
            "cancelled": NOTHING,
        },
        "readonly": frozenset(
            WORKFLOW_FLAGS
            | DOCUMENT_FLAGS
            | {
                "activities_held",
                "completeness_rate",
                "corrective_actions_open",
                "corrective_actions_overdue",
                "figures_html",
                "is_frozen",
                "name",
                "participants_female",
                "participants_male",
                "participants_total",
                "period_html",
                "period_label",
                "reports_accepted",
                "reports_late",
                "reports_missing",
                "reports_on_time",
                "reports_submitted",
                "snapshot",
                "snapshot_date",
                "timeliness_rate",
                "units_expected",
            }
        ),
    },
    # The figures of the targets for the years before the module, recorded by the Department.
    "gender.equality.objective.result": {
        "writers": DEPARTMENT,
        "states": {
            None: frozenset({"note", "objective_id", "prefer_recorded", "source_note", "value", "year"})
        },
        "readonly": frozenset({"achievement", "kind", "objective_sequence", "target_label", "value_unit"}),
    },
    # Dashboards and wizards: each user works on their own (transient) record.
    "gender.equality.multi.year": {
        "writers": VERIFIERS,
        "states": {None: frozenset({"year_from", "year_to"})},
        "readonly": frozenset({"table_html"}),
    },
    "gender.equality.consolidation": {
        "writers": ("dept_user", "dept_manager"),
        "states": {None: frozenset({"year"})},
        "readonly": frozenset(
            {
                "budget_html",
                "completeness_rate",
                "objectives_html",
                "participants_html",
                "timeliness_rule",
                "objective_1_rate",
                "objective_2_rate",
                "objective_3_rate",
                "objective_4_rate",
                "participants_female",
                "participants_male",
                "reports_accepted",
                "reports_late",
                "reports_missing",
                "reports_on_time",
                "reports_submitted",
                "timeliness_rate",
                "units_expected",
                "units_html",
            }
        ),
    },
    "gender.equality.home": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: NOTHING},
        "readonly": frozenset(
            {
                "actions_due_count",
                "actions_overdue_count",
                "actions_to_verify_count",
                "inspections_late_count",
                "inspections_open_count",
                "inspections_planned_count",
                "inspections_to_approve_count",
                "next_plan_label",
                "next_plan_year",
                "next_report_label",
                "next_report_year",
                "objective_1_rate",
                "objective_2_rate",
                "objective_3_label",
                "objective_3_rate",
                "objective_4_rate",
                "plans_to_approve_count",
                "plans_to_submit_count",
                "report_days_left",
                "report_deadline",
                "report_deadline_message",
                "report_year",
                "reports_due_count",
                "reports_late",
                "reports_missing",
                "reports_on_time",
                "reports_submitted",
                "reports_to_approve_count",
                "tasks_overdue_count",
                "units_expected",
                "units_without_head_count",
                "year",
            }
        ),
    },
    "gender.equality.reason.wizard": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"deadline", "method", "priority", "reason", "res_ids", "res_model"})},
        "readonly": NOTHING,
    },
    "gender.equality.confirm.wizard": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"method", "res_ids", "res_model"})},
        # ``decided``: written by the dialog's confirmation, as superuser.
        "readonly": frozenset({"confirm_label", "decided", "message"}),
    },
    "gender.equality.approval.batch.wizard": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"decision", "reason", "res_ids", "res_model"})},
        "readonly": frozenset({"accepted_count", "decided", "refused_count", "summary"}),
    },
    "gender.equality.document.upload.wizard": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"res_id", "res_model", "signed_file", "signed_file_name"})},
        "readonly": NOTHING,
    },
    # The signed documents and the configuration of digital signatures: the module writes the
    # documents; administrators (none of the roles of the application) configure the rest.
    "gender.equality.document": {
        "writers": (),
        "states": {None: NOTHING},
        "readonly": frozenset(
            {
                "body_signed_by",
                "body_signing_time",
                "document_date",
                "document_number",
                "final_date",
                "issue_mode",
                "issued_date",
                "name",
                "pdf",
                "pdf_sha256",
                "res_id",
                "res_model",
                "signed_by_identifier",
                "signed_by_issuer",
                "signed_by_name",
                "signed_by_serial",
                "signed_date",
                "signed_pdf",
                "signed_sha256",
                "signer_id",
                "signing_time",
                "state",
                "unit_id",
                "version",
            }
        ),
    },
    "gender.equality.trusted.root": {
        "writers": (),
        "states": {None: NOTHING},
        "readonly": frozenset({"subject", "fingerprint", "valid_until"}),
        "admin": frozenset({"active", "certificate", "certificate_name", "name"}),
    },
    "gender.equality.signing.certificate": {
        "writers": (),
        "states": {None: NOTHING},
        "readonly": frozenset({"subject", "valid_until"}),
        "admin": frozenset(
            {
                "active",
                "key_type",
                "passphrase",
                "pin",
                "pkcs11_key_label",
                "pkcs11_module",
                "pkcs11_slot",
                "pkcs11_token",
                "pkcs12_file",
                "pkcs12_name",
                "seal_image",
                "unit_id",
            }
        ),
    },
    "gender.equality.paper.approval.wizard": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"res_id", "res_model", "scan", "scan_name", "signed_date", "signer"})},
        "readonly": frozenset({"message"}),
    },
    "gender.equality.prepare.year.wizard": {
        "writers": DEPT_MANAGER,
        "states": {None: frozenset({"unit_ids", "with_suggestions", "year"})},
        "readonly": NOTHING,
    },
    "gender.equality.inspection.plan.wizard": {
        "writers": VERIFIERS,
        "states": {
            None: frozenset(
                {
                    "checklist_id",
                    "first_date",
                    "inspection_type",
                    "inspector_ids",
                    "interval_days",
                    "leader_id",
                    "scope",
                    "unit_ids",
                    "year",
                }
            )
        },
        "readonly": NOTHING,
    },
    "gender.equality.inspection.compare": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {None: frozenset({"external_inspection_id", "self_inspection_id", "unit_id", "year"})},
        "readonly": frozenset({"external_score", "line_ids", "score_difference", "self_score"}),
    },
    "gender.equality.inspection.compare.line": {
        "writers": ALL_ROLES_OF_THE_APP,
        "states": {
            None: frozenset({"external_line_id", "question", "section_name", "self_line_id", "sequence"})
        },
        "create_only": frozenset({"compare_id"}),
        "readonly": frozenset({"external_answer", "is_different", "self_answer"}),
    },
}


def model_name(key):
    """The model of a policy entry (``model:variant`` keys describe one kind of its records)."""
    return key.split(":", 1)[0]


def writable_fields(key, role, state):
    """The fields that ``role`` may write on a record of the entry ``key`` in ``state``."""
    entry = POLICY[key]
    if role not in entry["writers"]:
        return frozenset()
    only = entry.get("only", {})
    return frozenset(name for name in entry["states"][state] if role in only.get(name, (role,)))


def classified_fields(key):
    entry = POLICY[key]
    fields = set(entry["readonly"]) | set(entry.get("create_only", ())) | set(entry.get("admin", ()))
    for names in entry["states"].values():
        fields |= names
    return fields


def render_markdown():
    """The policy as the README's table: one row per model and state, then the fields that are
    set at creation only."""
    lines = ["| Model | State | Who writes | Fields they may write |", "|---|---|---|---|"]
    for key, entry in POLICY.items():
        only = entry.get("only", {})
        for state, names in entry["states"].items():
            writers = ", ".join(ROLE_LABELS[role] for role in entry["writers"]) if names else "nobody"
            fields = ", ".join(
                f"`{name}`"
                + (f" ({' / '.join(ROLE_LABELS[role] for role in only[name])} only)" if name in only else "")
                for name in sorted(names)
            )
            lines.append(f"| `{key}` | {state or 'any'} | {writers or 'nobody'} | {fields or '—'} |")
        if entry.get("admin"):
            fields = ", ".join(f"`{name}`" for name in sorted(entry["admin"]))
            lines.append(f"| `{key}` | any | Administrator (Settings) | {fields} |")
    for key, entry in POLICY.items():
        if entry.get("create_only"):
            fields = ", ".join(f"`{name}`" for name in sorted(entry["create_only"]))
            writers = ", ".join(ROLE_LABELS[role] for role in entry["writers"])
            lines.append(f"| `{key}` | at creation only | {writers} | {fields} |")
    return "\n".join(lines) + "\n"
