"""What a unit is assessed on cannot be changed by that unit over the external API: tried over
XML-RPC and JSON-RPC as the demo unit officer of Thọ Xuân (no e-mail address), each attempt
refused with a clear message in the user's language and leaving nothing changed."""

import xmlrpc.client

import pytest

REPORT = "gender.equality.report"
PLAN = "gender.equality.plan"
TASK = "gender.equality.task"
VI = {"context": {"lang": "vi_VN"}}


@pytest.fixture(scope="module")
def officer(xmlrpc_as):
    return xmlrpc_as("canbo.thoxuan")


@pytest.fixture(scope="module")
def unit_id(officer):
    [unit] = officer.call("gender.equality.unit", "search_read", [("code", "=", "TTYTTX")], fields=["id"])
    return unit["id"]


def _accepted_report(api):
    [report] = api.call(
        REPORT,
        "search_read",
        [("year", "=", 2025), ("state", "=", "accepted")],
        fields=["is_late", "days_late"],
    )
    return report


def test_timeliness_of_an_accepted_report_is_not_writable(officer):
    report = _accepted_report(officer)
    with pytest.raises(xmlrpc.client.Fault, match="ghi trực tiếp"):
        officer.call(REPORT, "write", [report["id"]], {"is_late": not report["is_late"]}, **VI)
    assert _accepted_report(officer) == report


def test_plan_cannot_be_created_approved(officer, unit_id):
    with pytest.raises(xmlrpc.client.Fault, match="ghi trực tiếp"):
        officer.call(PLAN, "create", {"unit_id": unit_id, "year": 2044, "state": "approved"}, **VI)
    with pytest.raises(xmlrpc.client.Fault):
        officer.call(
            PLAN, "create", {"unit_id": unit_id, "year": 2044}, context={"default_state": "approved"}
        )
    assert officer.call(PLAN, "search_count", [("year", "=", 2044)]) == 0


def test_activity_cannot_move_to_another_unit(officer, xmlrpc_as):
    [task] = officer.call(TASK, "search_read", [("plan_id.year", "=", 2026)], fields=["plan_id"], limit=1)
    other_plan = xmlrpc_as("admin", "admin").call(PLAN, "search", [("unit_id.code", "=", "BVDKT")], limit=1)
    with pytest.raises(xmlrpc.client.Fault):
        officer.call(TASK, "write", [task["id"]], {"plan_id": other_plan[0]}, **VI)
    assert officer.call(TASK, "read", [task["id"]], ["plan_id"])[0]["plan_id"] == task["plan_id"]


def test_bad_years_and_numbers_get_a_clear_message(officer, unit_id, jsonrpc_as):
    for year in (0, -1, 10000):
        with pytest.raises(xmlrpc.client.Fault, match="2000"):
            officer.call(REPORT, "create", {"unit_id": unit_id, "year": year}, **VI)
        with pytest.raises(xmlrpc.client.Fault, match="2000"):
            officer.call(REPORT, "get_kpi_summary", year, **VI)
    with pytest.raises(RuntimeError, match="2000"):
        jsonrpc_as("canbo.thoxuan").call(REPORT, "get_kpi_summary", 0, **VI)
    [task] = officer.call(
        TASK, "search_read", [("state", "=", "in_progress")], fields=["participants_male"], limit=1
    )
    # XML-RPC sends integers of 32 bits only: a larger count arrives as a float, JSON-RPC as is.
    with pytest.raises(xmlrpc.client.Fault, match="2147483647"):
        officer.call(TASK, "write", [task["id"]], {"participants_male": 1e12}, **VI)
    with pytest.raises(RuntimeError, match="2147483647"):
        jsonrpc_as("canbo.thoxuan").call(TASK, "write", [task["id"]], {"participants_male": 2**40}, **VI)
    assert officer.call(TASK, "read", [task["id"]], ["participants_male"])[0] == task


def test_another_units_record_says_whose_it_is(officer, xmlrpc_as):
    other_plan = xmlrpc_as("admin", "admin").call(PLAN, "search", [("unit_id.code", "=", "BVDKT")], limit=1)
    with pytest.raises(xmlrpc.client.Fault, match="đơn vị khác"):
        officer.call(PLAN, "read", other_plan, ["name"], **VI)


def test_defaults_of_the_context_are_judged_like_values(officer, unit_id, jsonrpc_as):
    """Issue 17: Odoo completes a new record from the context's default_* keys after the
    request's values: the policy judges what the record would be, over both protocols."""
    with pytest.raises(xmlrpc.client.Fault, match="Vai trò của bạn không được phép thay đổi trường"):
        officer.call(
            REPORT,
            "create",
            {"unit_id": unit_id, "year": 2045},
            context={"lang": "vi_VN", "default_deadline": "2099-12-31"},
        )
    with pytest.raises(Exception, match="ghi trực tiếp"):
        jsonrpc_as("canbo.thoxuan").call(
            REPORT,
            "create",
            {"unit_id": unit_id, "year": 2045},
            context={"lang": "vi_VN", "default_state": "accepted"},
        )
    assert officer.call(REPORT, "search_count", [("year", "=", 2045)]) == 0


def test_personal_defaults_on_the_modules_models_are_refused(officer):
    with pytest.raises(xmlrpc.client.Fault, match="giá trị mặc định"):
        officer.call("ir.default", "set", PLAN, "state", "approved", True, **VI)


def test_report_saved_with_the_values_its_form_sends(officer, unit_id):
    """The report form sends its invisible deadline fields at creation with the values it
    computed: the same as the record would hold, so a unit's new report is saved."""
    values = officer.call(REPORT, "default_get", ["unit_id", "year", "deadline", "deadline_included"])
    values.update({"unit_id": unit_id, "year": 2046, "deadline": "2046-12-10", "deadline_included": True})
    report_id = officer.call(REPORT, "create", values, **VI)
    [report] = officer.call(REPORT, "read", [report_id], ["state", "deadline"])
    assert report["state"] == "draft"
    officer.call(REPORT, "unlink", [report_id])


def test_uninstall_flag_deletes_nothing(officer):
    report = _accepted_report(officer)
    with pytest.raises(xmlrpc.client.Fault, match="lịch sử"):
        officer.call(REPORT, "unlink", [report["id"]], context={"lang": "vi_VN", "_force_unlink": True})
    assert officer.call(REPORT, "search_count", [("id", "=", report["id"])]) == 1
