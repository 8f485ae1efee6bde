"""A unit's annual plan through its approval chain over XML-RPC and JSON-RPC, as demo users
who have no e-mail address (years after the demo plans, so that nothing clashes)."""

import xmlrpc.client

import pytest
from conftest import new_plan

PLAN = "gender.equality.plan"
TASK = "gender.equality.task"
REVIEW = "gender.equality.approval.review"


def _new_plan(api, year):
    [unit] = api.call("gender.equality.unit", "search_read", [("code", "=", "TTYTTX")], fields=["id"])
    return new_plan(api, unit["id"], year)


def _read(api, plan_id, fields):
    [plan] = api.call(PLAN, "read", [plan_id], fields)
    return plan


def test_plan_approved_over_xmlrpc(xmlrpc_as):
    officer, head, department = (
        xmlrpc_as("canbo.thoxuan"),
        xmlrpc_as("giamdoc.thoxuan"),
        xmlrpc_as("truongban"),
    )
    assert not officer.call("res.users", "read", [officer.uid], ["email"])[0]["email"]
    plan_id = _new_plan(officer, 2031)
    tasks = officer.call(
        TASK, "search_read", [("plan_id", "=", plan_id)], fields=["is_action_month", "is_dissemination"]
    )
    assert sorted(task["is_action_month"] for task in tasks) == [False, True]
    assert all(task["is_dissemination"] for task in tasks)

    assert officer.call(PLAN, "action_submit", [plan_id]) is True
    assert _read(officer, plan_id, ["state"])["state"] == "submitted"
    with pytest.raises(xmlrpc.client.Fault):
        officer.call(PLAN, "action_approve", [plan_id])
    with pytest.raises(xmlrpc.client.Fault):
        department.call(PLAN, "action_approve", [plan_id])

    assert head.call(PLAN, "action_approve", [plan_id]) is True
    assert department.call(PLAN, "search_count", [("id", "=", plan_id), ("can_approve", "=", True)]) == 1
    assert department.call(PLAN, "action_approve", [plan_id]) is True
    assert _read(officer, plan_id, ["state"])["state"] == "approved"
    reviews = officer.call(
        REVIEW, "search_read", [("res_model", "=", PLAN), ("res_id", "=", plan_id)], fields=["state"]
    )
    assert [review["state"] for review in reviews] == ["approved", "approved"]

    [task_id] = officer.call(TASK, "search", [("plan_id", "=", plan_id)], limit=1)
    # The demo users are Vietnamese: a call without a language gets their language.
    with pytest.raises(xmlrpc.client.Fault, match="không thể thay đổi ở trạng thái hiện tại"):
        officer.call(TASK, "write", [task_id], {"name": "Đổi tên"})
    assert (
        officer.call(TASK, "write", [task_id], {"participants_male": 10, "participants_female": 25}) is True
    )


def test_plan_with_warnings_submitted_over_jsonrpc(jsonrpc_as):
    officer, head, department = (
        jsonrpc_as("canbo.thoxuan"),
        jsonrpc_as("giamdoc.thoxuan"),
        jsonrpc_as("truongban"),
    )
    plan_id = _new_plan(officer, 2032)
    [task_id] = officer.call(TASK, "search", [("plan_id", "=", plan_id), ("is_action_month", "=", True)])
    officer.call(TASK, "unlink", [task_id])
    result = officer.call(PLAN, "action_submit", [plan_id])
    assert result["tag"] == "display_notification"
    assert head.call(PLAN, "action_approve", [plan_id]) is True
    assert department.call(PLAN, "action_approve", [plan_id]) is True
    assert _read(officer, plan_id, ["state"])["state"] == "approved"


def test_plan_returned_with_a_reason_over_jsonrpc(jsonrpc_as):
    officer, head, department = (
        jsonrpc_as("canbo.thoxuan"),
        jsonrpc_as("giamdoc.thoxuan"),
        jsonrpc_as("truongban"),
    )
    plan_id = _new_plan(officer, 2033)
    assert officer.call(PLAN, "action_submit", [plan_id]) is True
    with pytest.raises(RuntimeError, match="Nêu lý do"):
        head.call(PLAN, "action_return", [plan_id], reason=" ")
    assert head.call(PLAN, "action_approve", [plan_id]) is True
    assert department.call(PLAN, "action_return", [plan_id], reason="Bổ sung kinh phí") is True
    plan = _read(officer, plan_id, ["state", "last_return_reason", "last_return_by_id"])
    assert plan["state"] == "returned"
    assert plan["last_return_reason"] == "Bổ sung kinh phí"
    assert plan["last_return_by_id"][0] == department.uid

    assert officer.call(PLAN, "action_submit", [plan_id]) is True
    reviews = officer.call(
        REVIEW,
        "search_read",
        [("res_model", "=", PLAN), ("res_id", "=", plan_id)],
        fields=["round", "state", "reason"],
    )
    assert sorted((r["round"], r["state"]) for r in reviews) == [
        (1, "approved"),
        (1, "returned"),
        (2, "pending"),
        (2, "waiting"),
    ]
    assert any(r["reason"] == "Bổ sung kinh phí" for r in reviews)


def test_other_unit_cannot_see_the_plans_over_xmlrpc(xmlrpc_as):
    api = xmlrpc_as("canbo.bvdk")
    units = {plan["unit_id"][1] for plan in api.call(PLAN, "search_read", [], fields=["unit_id"])}
    assert units == {"Bệnh viện Đa khoa tỉnh Thanh Hóa"}
    assert api.call(TASK, "search_count", [("unit_id.code", "=", "TTYTTX")]) == 0
