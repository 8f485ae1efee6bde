"""A unit officer runs a self-inspection of their unit over XML-RPC: create, start, answer, done."""

import xmlrpc.client

import pytest


@pytest.fixture(scope="module")
def officer(xmlrpc_as):
    return xmlrpc_as("canbo.thoxuan")


@pytest.fixture(scope="module")
def own_unit_id(officer):
    [unit_id] = officer.call("gender.equality.unit", "search", [("code", "=", "TTYTTX")])
    return unit_id


@pytest.fixture(scope="module")
def checklist_id(officer):
    [checklist_id] = officer.call(
        "gender.equality.checklist", "search", [("code", "=", "KH-TTBDG")], limit=1, order="version desc"
    )
    return checklist_id


def test_self_inspection_over_xmlrpc(officer, own_unit_id, checklist_id):
    inspection_id = officer.call(
        "gender.equality.inspection",
        "create",
        {"unit_id": own_unit_id, "inspection_type": "self", "year": 2030, "checklist_id": checklist_id},
    )
    assert officer.call("gender.equality.inspection", "action_start", [inspection_id]) is True

    lines = officer.call(
        "gender.equality.inspection.line",
        "search_read",
        [("inspection_id", "=", inspection_id)],
        ["answer_type", "is_mandatory"],
    )
    assert lines
    yes_no_ids = [line["id"] for line in lines if line["answer_type"] == "yes_no"]
    officer.call("gender.equality.inspection.line", "write", yes_no_ids, {"answer_yes_no": "yes"})

    assert officer.call("gender.equality.inspection", "action_done", [inspection_id]) is True
    [inspection] = officer.call(
        "gender.equality.inspection", "read", [inspection_id], ["state", "score", "result_band"]
    )
    assert inspection["state"] == "done"
    assert inspection["score"] == 100.0
    # No grade: the demo Department has not adopted a grading scale (the shipped one is inactive).
    assert inspection["result_band"] is False


def test_self_inspection_of_another_unit_is_refused(officer, checklist_id):
    [other_unit_id] = officer.call("gender.equality.unit", "search", [("code", "=", "BVDKT")]) or [None]
    other_unit_id = other_unit_id or 1
    with pytest.raises(xmlrpc.client.Fault):
        officer.call(
            "gender.equality.inspection",
            "create",
            {"unit_id": other_unit_id, "inspection_type": "self", "year": 2030, "checklist_id": checklist_id},
        )


def test_officer_does_not_see_other_units_inspections(officer, own_unit_id):
    # Their own unit's, and those their unit carries out of its affiliated units (plan III.6).
    affiliated = officer.call("gender.equality.unit", "search", [("parent_id", "=", own_unit_id)])
    unit_ids = {
        row["unit_id"][0]
        for row in officer.call("gender.equality.inspection", "search_read", [], ["unit_id"])
    }
    assert own_unit_id in unit_ids
    assert unit_ids <= {own_unit_id, *affiliated}


def test_second_self_inspection_of_the_year_is_warned(officer, own_unit_id, checklist_id):
    """The demo unit already has a self-inspection this year; the officer has no e-mail address."""
    [existing] = officer.call(
        "gender.equality.inspection",
        "search_read",
        [("unit_id", "=", own_unit_id), ("inspection_type", "=", "self"), ("year", "!=", 2030)],
        ["year"],
        limit=1,
    )
    inspection_id = officer.call(
        "gender.equality.inspection",
        "create",
        {
            "unit_id": own_unit_id,
            "inspection_type": "self",
            "year": existing["year"],
            "checklist_id": checklist_id,
        },
    )
    [inspection] = officer.call("gender.equality.inspection", "read", [inspection_id], ["duplicate_warning"])
    assert inspection["duplicate_warning"]
