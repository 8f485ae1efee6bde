"""The module uninstalls cleanly and installs again on a running server."""

import pytest


@pytest.mark.destructive
def test_uninstall_then_reinstall(xmlrpc_as):
    api = xmlrpc_as("admin", "admin")
    [module_id] = api.call("ir.module.module", "search", [("name", "=", "gender_equality_plan")])
    api.call("ir.module.module", "button_immediate_uninstall", [module_id])
    [state] = api.call("ir.module.module", "read", [module_id], ["state"])
    assert state["state"] == "uninstalled"
    assert api.call("ir.model", "search_count", [("model", "=", "gender.equality.unit")]) == 0

    api.call("ir.module.module", "button_immediate_install", [module_id])
    [state] = api.call("ir.module.module", "read", [module_id], ["state"])
    assert state["state"] == "installed"
    assert api.call("gender.equality.unit", "search_count", [("code", "=", "SYT")]) == 1
