# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.4.4.0 (the state apparatus of 2026), after the module's data loaded.

- Thanh tra (Luật Thanh tra 84/2025/QH15, in force 1/7/2025): the Department no longer carries
  out a thanh tra. What it planned and had not issued yet becomes a kiểm tra: its programmes of
  thanh tra that are not approved and reach 1/7/2025 (their year or a line), with their
  inspections, and its thanh tra dated on or after 1/7/2025 whose minutes are not recorded. Each
  record says so in its chatter. What was issued stays as it was printed: approved programmes and
  recorded minutes keep their kind (the Department reviews them, see the README).
- Grading: the existing bands belong to the shipped scale, which is inactive until the Department
  records the decision that adopts it: the inspections in progress lose their grade; recorded
  minutes keep the grade they printed.
- Sector reports: drafts get the addressees and copies of their year's setting where they still
  had the old defaults (which reported "to the director"), and their year's national
  coordinator; the reports that review a period get the phase they review.
"""

import logging
from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

REFORM_DATE = date(2025, 7, 1)
OLD_ADDRESSEES = "Ủy ban nhân dân tỉnh Thanh Hóa"
OLD_RECIPIENTS = "- Như trên;\n- Giám đốc Sở (để báo cáo);\n- Các đơn vị trong ngành;\n- Lưu: VT, Ban VSTBPN."
EDITABLE_REPORT_STATES = ("draft", "returned")
# Written to the users of the records, who read Vietnamese (a migration has no user language).
CONVERTED_NOTE = (
    "Từ ngày 01/7/2025 (Luật Thanh tra số 84/2025/QH15), Sở Y tế không còn tiến hành thanh tra: bản "
    "ghi chưa ban hành này được chuyển thành kiểm tra. Cuộc thanh tra do Thanh tra tỉnh (hoặc cơ quan "
    "có thẩm quyền khác) thực hiện được ghi nhận là cuộc thanh tra, kiểm tra của cơ quan ngoài ngành."
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    convert_department_audits(env)
    attach_grading_bands(env)
    update_sector_reports(env)


def convert_department_audits(env):
    """The thanh tra of the Department not issued yet, on or after the reform, become kiểm tra."""
    Programme = env["gender.equality.inspection.programme"].with_context(active_test=False)
    Inspection = env["gender.equality.inspection"].with_context(active_test=False)
    programmes = Programme.search([("inspection_type", "=", "audit"), ("state", "!=", "approved")]).filtered(
        lambda programme: programme.year > REFORM_DATE.year
        or any(line.planned_date >= REFORM_DATE for line in programme.line_ids)
    )
    scheduled = Inspection.search([("programme_id", "in", programmes.ids), ("inspection_type", "=", "audit")])
    unissued = Inspection.search(
        [
            ("inspection_type", "=", "audit"),
            ("state", "not in", ("done", "approved")),
            ("id", "not in", scheduled.ids),
            "|",
            ("programme_id", "=", False),
            ("programme_id.inspection_type", "!=", "audit"),
        ]
    ).filtered(lambda inspection: inspection._document_date() >= REFORM_DATE)
    programmes.write({"inspection_type": "inspection"})
    (scheduled | unissued).write({"inspection_type": "inspection"})
    for record in [*programmes, *scheduled, *unissued]:
        record._message_log(body=CONVERTED_NOTE)
    issued = Inspection.search(
        [
            ("inspection_type", "=", "audit"),
            ("state", "in", ("done", "approved")),
            ("is_external", "=", False),
        ]
    ).filtered(lambda inspection: inspection._document_date() >= REFORM_DATE)
    _logger.info(
        "Thanh tra of the Department after 1/7/2025: %s programme(s) and %s inspection(s) not issued become "
        "kiểm tra; %s recorded minutes of thanh tra stay as printed (%s).",
        len(programmes),
        len(scheduled | unissued),
        len(issued),
        ", ".join(issued.mapped("name")) or "none",
    )


def attach_grading_bands(env):
    """The bands without a scale (all of them, before scales) join the shipped scale, inactive;
    the inspections whose answers may still change are graded again (with no active scale: not
    graded). Recorded minutes keep their grade."""
    scale = env.ref("gender_equality_plan.gender_equality_grading_scale_default", raise_if_not_found=False)
    if not scale:
        return
    Band = env["gender.equality.grading.band"].with_context(active_test=False)
    # The column is new and required: set it in SQL before anything reads the bands.
    env.cr.execute(
        SQL("UPDATE gender_equality_grading_band SET scale_id = %s WHERE scale_id IS NULL", scale.id)
    )
    env.cr.execute(
        SQL("UPDATE gender_equality_grading_band SET active = %s WHERE scale_id = %s", scale.active, scale.id)
    )
    Band.invalidate_model()
    Band._regrade_open_inspections()
    _logger.info("Grading bands attached to the scale %s (active: %s).", scale.name, scale.active)


def update_sector_reports(env):
    """Drafts take the setting of their year where they kept the old defaults; the reports that
    review a period get its phase (in SQL: an issued report keeps everything it printed)."""
    Report = env["gender.equality.sector.report"].with_context(active_test=False)
    Setting = env["gender.equality.sector.setting"]
    Phase = env["gender.equality.phase"]
    for report in Report.search([("state", "in", EDITABLE_REPORT_STATES)]):
        setting = Setting._for_year(report.year)
        vals = {"coordinator_ministry": setting.coordinator_ministry}
        if (report.addressees or "").strip() == OLD_ADDRESSEES:
            vals["addressees"] = setting.addressees
        if (report.recipients or "").strip() == OLD_RECIPIENTS:
            vals["recipients"] = setting.recipients
        report.write(vals)
    for report in Report.search([("include_period_review", "=", True), ("review_phase_id", "=", False)]):
        phase = Phase._reviewed_in(report.year) or Phase._around(report.year)
        if phase:
            env.cr.execute(
                SQL(
                    "UPDATE gender_equality_sector_report SET review_phase_id = %s WHERE id = %s",
                    phase.id,
                    report.id,
                )
            )
    Report.invalidate_model(["review_phase_id"])
