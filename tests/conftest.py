"""End-to-end tests: they drive a running Odoo server from outside, over XML-RPC and JSON-RPC.

`make test` starts the server on a throwaway database that holds the module and its demo data,
and passes its address in GEP_URL and GEP_DB. Demo users' passwords are their logins.
"""

import itertools
import os
import sys
import xmlrpc.client
from pathlib import Path

import pytest
import requests

# dev/odoo_stack.py: the processes of a deployment (Odoo nodes, nginx), shared with `make loadtest`
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "dev"))


class XmlRpc:
    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common", allow_none=False)
        self.uid = common.authenticate(db, login, password, {})
        assert self.uid, f"login {login} refused"
        self.models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=False)

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(self.db, self.uid, self.password, model, method, list(args), kwargs)


class JsonRpc:
    _ids = itertools.count(1)

    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url, db, password
        self.uid = self._rpc("common", "authenticate", db, login, password, {})
        assert self.uid, f"login {login} refused"

    def _rpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self._ids),
            "params": {"service": service, "method": method, "args": list(args)},
        }
        response = requests.post(f"{self.url}/jsonrpc", json=payload, timeout=60).json()
        if "error" in response:
            raise RuntimeError(response["error"]["data"].get("message") or response["error"])
        return response["result"]

    def call(self, model, method, *args, **kwargs):
        return self._rpc(
            "object", "execute_kw", self.db, self.uid, self.password, model, method, list(args), kwargs
        )


def new_plan(api, unit_id, year):
    """A plan of ``unit_id`` for ``year`` with an activity of dissemination and one of the
    Action Month (a plan that submits without warning), created through ``api``."""
    [area_id] = api.call("gender.equality.area", "search", [("code", "=", "III.1")], limit=1)
    dissemination = [("is_dissemination", "=", True)]
    [type_id] = api.call("gender.equality.activity.type", "search", dissemination, limit=1)
    plan_id = api.call("gender.equality.plan", "create", {"unit_id": unit_id, "year": year})
    for name, start, end in [
        ("Phổ biến Luật Bình đẳng giới", f"{year}-03-06", f"{year}-03-06"),
        ("Truyền thông Tháng hành động", f"{year}-11-15", f"{year}-11-20"),
    ]:
        api.call(
            "gender.equality.task",
            "create",
            {
                "plan_id": plan_id,
                "name": name,
                "area_id": area_id,
                "activity_type_id": type_id,
                "target_group": "staff",
                "date_start": start,
                "date_end": end,
            },
        )
    return plan_id


@pytest.fixture(scope="session")
def server():
    url, db = os.environ.get("GEP_URL"), os.environ.get("GEP_DB")
    if not url or not db:
        pytest.fail("GEP_URL and GEP_DB are not set: run the end-to-end tests with `make test`.")
    return url, db


@pytest.fixture(scope="session")
def xmlrpc_as(server):
    return lambda login, password=None: XmlRpc(*server, login, password or login)


@pytest.fixture(scope="session")
def jsonrpc_as(server):
    return lambda login, password=None: JsonRpc(*server, login, password or login)


def pytest_collection_modifyitems(items):
    """Tests marked `destructive` change the database for good: run them last."""
    items.sort(key=lambda item: item.get_closest_marker("destructive") is not None)


def pytest_configure(config):
    config.addinivalue_line("markers", "destructive: changes the database for good; runs last")
