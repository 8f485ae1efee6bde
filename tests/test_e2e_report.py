"""The reporting regime from outside: the Department reads the consolidation over JSON-RPC,
a unit officer submits the annual report of the unit over XML-RPC (a year after the demo
reports, so that nothing clashes)."""

import xmlrpc.client

import pytest

REPORT = "gender.equality.report"
REQUIRED_KEYS = {
    "year",
    "units_expected",
    "reports_submitted",
    "reports_accepted",
    "reports_on_time",
    "reports_late",
    "reports_missing",
    "units_with_two_dissemination_sessions",
    "units_with_action_month_plan",
    "units_with_action_month_activity",
    "participants_male",
    "participants_female",
    "inspections_by_type",
    "corrective_actions_open",
    "corrective_actions_overdue",
}


def test_kpi_summary_over_jsonrpc(jsonrpc_as):
    summary = jsonrpc_as("truongban").call(REPORT, "get_kpi_summary", 2025)
    assert REQUIRED_KEYS <= summary.keys()
    assert summary["year"] == 2025
    assert set(summary["inspections_by_type"]) == {"self", "inspection", "audit", "supervision"}
    # Demo: Thọ Xuân on time and accepted, the provincial hospital late, the others missing.
    assert summary["reports_accepted"] >= 1
    assert summary["reports_on_time"] >= 1
    assert summary["reports_late"] >= 1
    assert summary["reports_missing"] == summary["units_expected"] - summary["reports_submitted"] > 0
    assert len(summary["units"]) == summary["units_expected"]


def test_unit_officer_gets_only_their_unit(jsonrpc_as):
    summary = jsonrpc_as("canbo.thoxuan").call(REPORT, "get_kpi_summary", 2025)
    assert summary["units_expected"] == 1
    assert [row["unit_code"] for row in summary["units"]] == ["TTYTTX"]


def test_unit_officer_submits_a_report_over_xmlrpc(xmlrpc_as):
    officer = xmlrpc_as("canbo.cdc")
    [unit_id] = officer.call("gender.equality.unit", "search", [("code", "=", "CDC")])
    # A report is submitted with its narrative of results.
    report_id = officer.call(
        REPORT, "create", {"unit_id": unit_id, "year": 2032, "results": "<p>Kết quả thực hiện.</p>"}
    )
    [report] = officer.call(REPORT, "read", [report_id], ["deadline", "state", "name"])
    assert report["deadline"] == "2032-12-10"
    assert report["state"] == "draft"
    assert officer.call(REPORT, "action_compile", [report_id]) is True
    assert officer.call(REPORT, "action_submit", [report_id]) is True
    [report] = officer.call(REPORT, "read", [report_id], ["state", "submit_date", "is_late"])
    assert report["state"] == "submitted"
    assert report["submit_date"]
    assert report["is_late"] is False
    # Another unit does not see it.
    with pytest.raises(xmlrpc.client.Fault):
        xmlrpc_as("canbo.bvdk").call(REPORT, "read", [report_id], ["name"])
