"""Health units over the external API, as demo users of different roles."""

import xmlrpc.client

import pytest

UNIT = "gender.equality.unit"


def test_unit_officer_sees_only_their_unit_over_xmlrpc(xmlrpc_as):
    api = xmlrpc_as("canbo.bvdk")
    units = api.call(UNIT, "search_read", [], fields=["code", "unit_type"])
    assert [u["code"] for u in units] == ["BVDKT"]
    assert api.call(UNIT, "search_count", [("code", "=", "TTYTTX")]) == 0


def test_unit_officer_sees_their_unit_and_its_affiliated_units_over_xmlrpc(xmlrpc_as):
    # Trung tâm Y tế Thọ Xuân inspects its commune health station (plan section III.6).
    api = xmlrpc_as("canbo.thoxuan")
    units = api.call(UNIT, "search_read", [], fields=["code"], order="code")
    assert [u["code"] for u in units] == ["TTYTTX", "TYTXL"]
    assert api.call(UNIT, "search_count", [("code", "=", "BVDKT")]) == 0
    station = xmlrpc_as("canbo.xuanlap")
    assert [u["code"] for u in station.call(UNIT, "search_read", [], fields=["code"])] == ["TYTXL"]


def test_unit_officer_cannot_edit_their_unit_over_jsonrpc(jsonrpc_as):
    api = jsonrpc_as("canbo.bvdk")
    [unit] = api.call(UNIT, "search_read", [], fields=["id", "name"])
    with pytest.raises(RuntimeError):
        api.call(UNIT, "write", [unit["id"]], {"name": "Renamed"})


def test_department_manager_configures_units_over_jsonrpc(jsonrpc_as):
    api = jsonrpc_as("truongban")
    [department] = api.call(UNIT, "search_read", [("unit_type", "=", "department")], fields=["id"])
    expected = api.call(UNIT, "search_count", [("unit_type", "!=", "department")])
    assert expected >= 15
    unit_id = api.call(
        UNIT, "create", {"name": "Trạm thử nghiệm", "code": "E2E-1", "parent_id": department["id"]}
    )
    assert api.call(UNIT, "action_archive", [unit_id]) is True
    assert api.call(UNIT, "search_count", [("id", "=", unit_id)]) == 0


def test_unit_with_records_cannot_be_deleted_over_xmlrpc(xmlrpc_as):
    api = xmlrpc_as("truongban")
    [department_id] = api.call(UNIT, "search", [("unit_type", "=", "department")])
    # In the language of the Department's manager (Vietnamese), as the call names none.
    with pytest.raises(xmlrpc.client.Fault, match="Hãy lưu trữ đơn vị"):
        api.call(UNIT, "unlink", [department_id])


def test_demo_users_work_in_vietnamese(xmlrpc_as):
    api = xmlrpc_as("admin", "admin")
    users = api.call(
        "res.users", "search_read", [("login", "in", ["canbo.bvdk", "truongban"])], fields=["lang"]
    )
    assert {u["lang"] for u in users} == {"vi_VN"}
