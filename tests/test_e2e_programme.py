"""The annual inspection programme over the external API (plan section III.6): the Department's
inspector plans it, the Department manager approves it and its inspections are scheduled; a
health centre plans and records the inspection of its commune health station, which reads it."""

import xmlrpc.client

import pytest

PROGRAMME = "gender.equality.inspection.programme"
INSPECTION = "gender.equality.inspection"


def _unit(api, code):
    [unit_id] = api.call("gender.equality.unit", "search", [("code", "=", code)])
    return unit_id


def test_the_departments_programme_over_xmlrpc(xmlrpc_as):
    inspector, manager = xmlrpc_as("thanhtra"), xmlrpc_as("truongban")
    # Since 1/7/2025 (Luật Thanh tra 84/2025/QH15) the Department plans no thanh tra.
    with pytest.raises(xmlrpc.client.Fault, match="ngoài ngành Y tế"):
        inspector.call(
            PROGRAMME,
            "create",
            {"unit_id": _unit(inspector, "SYT"), "year": 2030, "inspection_type": "audit"},
        )
    programme_id = inspector.call(
        PROGRAMME,
        "create",
        {
            "unit_id": _unit(inspector, "SYT"),
            "year": 2030,
            "inspection_type": "inspection",
            "inspection_category": "administrative",
            "line_ids": [
                (0, 0, {"unit_id": _unit(inspector, "BVDKNL"), "planned_date": "2030-03-10"}),
                (0, 0, {"unit_id": _unit(inspector, "TTYTHH"), "planned_date": "2030-05-12"}),
            ],
        },
    )
    assert inspector.call(PROGRAMME, "action_submit", [programme_id]) is True
    with pytest.raises(xmlrpc.client.Fault):
        xmlrpc_as("giamdoc.bvdk").call(PROGRAMME, "action_approve", [programme_id])
    assert manager.call(PROGRAMME, "action_approve", [programme_id]) is True
    [programme] = inspector.call(
        PROGRAMME, "read", [programme_id], ["state", "name", "line_count", "inspection_ids"]
    )
    assert programme["state"] == "approved"
    assert programme["name"].startswith("Kế hoạch kiểm tra năm 2030")
    inspections = inspector.call(
        INSPECTION, "read", programme["inspection_ids"], ["inspection_type", "programme_id", "state"]
    )
    assert len(inspections) == programme["line_count"] == 2
    assert {(i["inspection_type"], i["programme_id"][0], i["state"]) for i in inspections} == {
        ("inspection", programme_id, "draft")
    }
    # Approved: the content is locked, the signed decision is still recorded.
    with pytest.raises(xmlrpc.client.Fault):
        inspector.call(PROGRAMME, "write", [programme_id], {"scope": "Nội dung khác"})
    assert inspector.call(PROGRAMME, "write", [programme_id], {"decision_number": "9/QĐ-SYT"}) is True


def test_a_health_centre_inspects_its_station_over_xmlrpc(xmlrpc_as):
    officer, head, station = (
        xmlrpc_as("canbo.thoxuan"),
        xmlrpc_as("giamdoc.thoxuan"),
        xmlrpc_as("canbo.xuanlap"),
    )
    station_id = _unit(officer, "TYTXL")
    [checklist_id] = officer.call(
        "gender.equality.checklist", "search", [("code", "=", "KH-TTBDG")], limit=1, order="version desc"
    )
    programme_id = officer.call(
        PROGRAMME,
        "create",
        {
            "unit_id": _unit(officer, "TTYTTX"),
            "year": 2030,
            "inspection_type": "supervision",
            "checklist_id": checklist_id,
            "line_ids": [(0, 0, {"unit_id": station_id, "planned_date": "2030-04-01"})],
        },
    )
    officer.call(PROGRAMME, "action_submit", [programme_id])
    head.call(PROGRAMME, "action_approve", [programme_id])
    [inspection_id] = officer.call(INSPECTION, "search", [("programme_id", "=", programme_id)])
    assert officer.call(INSPECTION, "action_start", [inspection_id]) is True
    # The station reads its inspection and the programme, but does not answer the checklist.
    [inspection] = station.call(INSPECTION, "read", [inspection_id], ["inspecting_unit_id", "state"])
    assert inspection["state"] == "in_progress"
    line_ids = station.call(
        "gender.equality.inspection.line", "search", [("inspection_id", "=", inspection_id)]
    )
    assert line_ids
    with pytest.raises(xmlrpc.client.Fault, match="(?i)đơn vị khác|vai trò"):
        station.call("gender.equality.inspection.line", "write", line_ids[:1], {"answer_yes_no": "yes"})
    assert station.call(PROGRAMME, "search_count", [("id", "=", programme_id)]) == 1
    # Another unit sees nothing of it.
    assert xmlrpc_as("canbo.bvdk").call(INSPECTION, "search_count", [("id", "=", inspection_id)]) == 0
