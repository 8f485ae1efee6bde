"""The framework's doors next to the records, tried over XML-RPC and JSON-RPC as the demo unit
officer of Thọ Xuân (Vietnamese, no e-mail address) would, on a server started as in a
deployment: without a language in the context, each refusal comes back in Vietnamese, and
nothing of another unit is listed."""

import xmlrpc.client

import pytest

PLAN = "gender.equality.plan"
REPORT = "gender.equality.report"


@pytest.fixture(scope="module")
def officer(xmlrpc_as):
    return xmlrpc_as("canbo.thoxuan")


@pytest.fixture(scope="module")
def admin(xmlrpc_as):
    return xmlrpc_as("admin", "admin")


def test_refusals_come_in_the_users_language_without_a_context(officer, jsonrpc_as):
    [report] = officer.call(REPORT, "search_read", [("state", "=", "accepted")], fields=["state"], limit=1)
    with pytest.raises(xmlrpc.client.Fault, match="ghi trực tiếp"):
        officer.call(REPORT, "write", [report["id"]], {"state": "draft"})
    with pytest.raises(RuntimeError, match="ghi trực tiếp"):
        jsonrpc_as("canbo.thoxuan").call(REPORT, "write", [report["id"]], {"state": "draft"})
    assert officer.call(REPORT, "read", [report["id"]], ["state"])[0]["state"] == "accepted"


def test_a_unit_does_not_run_the_reminders(officer, admin):
    [cron] = admin.call(
        "ir.cron", "search_read", [("model_id.model", "=", REPORT)], fields=["ir_actions_server_id"]
    )
    with pytest.raises(xmlrpc.client.Fault, match="tác vụ định kỳ"):
        officer.call("ir.actions.server", "run", [cron["ir_actions_server_id"][0]])


def test_another_units_followers_and_members_are_not_listed(officer, admin):
    [other] = admin.call("gender.equality.unit", "search_read", [("code", "=", "BVDKT")], fields=["user_ids"])
    plans = admin.call(PLAN, "search", [("unit_id", "=", other["id"])])
    assert admin.call("mail.followers", "search_count", [("res_model", "=", PLAN), ("res_id", "in", plans)])
    assert (
        officer.call("mail.followers", "search_count", [("res_model", "=", PLAN), ("res_id", "in", plans)])
        == 0
    )
    assert other["user_ids"]
    assert officer.call("res.users", "search", [("gep_unit_ids", "in", [other["id"]])]) == []
