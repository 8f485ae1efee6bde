"""Reads on a standby: a PostgreSQL hot standby of the private cluster (``pg_basebackup -R``,
streaming replication) and an Odoo server configured with it (``--db_replica_host``,
``--db_replica_port``, ``--workers``, as the README's *Reads on a standby* says). As the
Department manager in the web client, the KPI summary and the consolidated workbook are served
by the standby, while writes go to the primary and reach the standby once it has replayed them.

The proof is in the data: the standby's replay is paused; a unit officer saves their plan and the
Department manager changes a target of the plan in the web client: both writes are on the
primary, not on the standby. The officer's form reads the plan on the primary (their save shows
at once), their list on the standby (as it was). The web client still gets the old target (the
standby's) in the KPI summary and the workbook, where the external API (``execute_kw``, always on
the primary) gets the new one; once replay resumes, the standby has both writes and the web
client gets the new target. The standby's own log (``log_statement=all``) holds the KPI's
queries, and Odoo's request log says ``ro`` (read-only cursor) for them. A workbook of a
consolidation the standby has not replayed yet is made on the primary (Odoo's retry with a
read/write cursor).

The standby is stopped and its data deleted at the end, whatever happens; the target and the plan
are restored.
"""

import io
import json
import re

import pytest
import requests
from conftest import JsonRpc
from odoo_stack import OdooServer, Standby, free_port, odoo_argv, primary_from_argv
from openpyxl import load_workbook

YEAR = 2026
XLSX = "gender_equality_plan.consolidation_xlsx"
LOGIN = "truongban"
OFFICER = "canbo.danso"  # a unit officer with a draft plan of 2026 in the demo
MARKER = "Ghi chú của bài kiểm thử máy chủ dự phòng"
TIMEOUT = 60


class WebClient:
    """A browser's session: the web client's routes (``/web/dataset/call_kw``, which Odoo sends
    to the standby for ``api.readonly`` methods, and ``/report/download``)."""

    def __init__(self, url, db, login):
        self.url, self.session = url, requests.Session()
        result = self._json("/web/session/authenticate", {"db": db, "login": login, "password": login})
        self.uid, self.context = result["uid"], result["user_context"]
        page = self.session.get(f"{url}/odoo", timeout=TIMEOUT)
        self.csrf_token = re.search(r'csrf_token: "([^"]+)"', page.text).group(1)

    def _json(self, route, params):
        response = self.session.post(
            f"{self.url}{route}",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RuntimeError(body["error"]["data"].get("message") or body["error"])
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self._json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def download_workbook(self, consolidation_id):
        """The consolidated workbook as the web client downloads it (report_xlsx's action)."""
        url = f"/report/xlsx/{XLSX}/{consolidation_id}?context={json.dumps(self.context)}"
        response = self.session.post(
            f"{self.url}/report/download",
            data={
                "data": json.dumps([url, "xlsx"]),
                "context": json.dumps(self.context),
                "token": "dummy-because-api-expects-one",
                "csrf_token": self.csrf_token,
            },
            timeout=TIMEOUT,
        )
        assert response.status_code == 200, response.text[:500]
        assert response.headers["Content-Type"].startswith("application/vnd.openxmlformats"), response.text[
            :500
        ]
        return load_workbook(io.BytesIO(response.content))


def _target(summary, kind="dissemination"):
    return next(objective["target"] for objective in summary["objectives"] if objective["kind"] == kind)


def _workbook_target(workbook):
    """The target of the first objective (II.2.1, dissemination) on the summary sheet."""
    sheet = workbook.worksheets[0]
    assert str(sheet["A4"].value).startswith("II.2.1")
    return sheet["B4"].value


def _request_modes(log, route):
    """The cursor modes (``ro``, ``rw``, ``ro->rw``) of the requests of ``route`` in Odoo's log."""
    pattern = re.compile(re.escape(route) + r' HTTP/1\.1" 200 - \S+ \S+ \S+ (ro->rw|ro|rw)\s*$')
    return [
        match.group(1)
        for line in log.read_text(errors="replace").splitlines()
        if (match := pattern.search(line))
    ]


@pytest.fixture
def standby(tmp_path):
    """A hot standby of the private cluster, replaying, that logs every statement it runs."""
    node = Standby(
        primary_from_argv(odoo_argv()),
        free_port(),
        tmp_path / "standby",
        settings=("log_statement=all", "log_line_prefix='%m [%p] %a '"),
    )
    with node:
        yield node


@pytest.fixture
def replica_server(server, standby, tmp_path):
    """An Odoo server of the e2e database, in production mode, reading on the standby."""
    port = free_port(span=3)
    options = (
        "--workers=2",
        "--max-cron-threads=0",
        "--db_replica_host=127.0.0.1",
        f"--db_replica_port={standby.port}",
    )
    with OdooServer(odoo_argv(), port, tmp_path, name="odoo-replica", options=options) as node:
        yield node


def _while_the_standby_lags(db, standby, web, officer, api, ids, original, changed):
    """With the standby's replay paused: the writes land on the primary only, and the web
    client's reads (the KPI, the workbook, the consolidation's screen) show the standby's data."""
    objective_id, plan_id, consolidation_id = ids
    standby.pause_replay()
    # A unit officer saves their plan in the web client: on the primary, not yet on the standby.
    officer.call(
        "gender.equality.plan",
        "web_save",
        [plan_id],
        {"description": f"<p>{MARKER}</p>"},
        specification={"description": {}},
    )
    assert _plan_marked(standby, db, plan_id, primary=True)
    assert not _plan_marked(standby, db, plan_id)
    # Their form reads the plan on the primary (they see their save at once); the list reads
    # it on the standby, as it was.
    [form] = officer.call("gender.equality.plan", "web_read", [plan_id], specification={"description": {}})
    assert MARKER in form["description"]
    listed = officer.call(
        "gender.equality.plan", "web_search_read", [("id", "=", plan_id)], specification={"description": {}}
    )
    assert MARKER not in (listed["records"][0]["description"] or "")
    # The Department manager changes a target in the web client: on the primary.
    assert web.call("gender.equality.objective", "write", [objective_id], {"target_share": changed})
    sql = "SELECT target_share FROM gender_equality_objective WHERE id = %s"
    assert standby.query(sql, (objective_id,), dbname=db, primary=True) == [(changed,)]
    assert standby.query(sql, (objective_id,), dbname=db) == [(original,)]
    # The primary answers the external API with the new target; the standby, not replaying,
    # answers the web client with the old one: the KPI and the workbook come from it.
    assert _target(api.call("gender.equality.report", "get_kpi_summary", YEAR)) == changed
    summary = web.call("gender.equality.report", "get_kpi_summary", YEAR)
    assert _target(summary) == original
    assert _workbook_target(web.download_workbook(consolidation_id)) == original
    # The consolidation's screen (its onchange) is computed on the standby too.
    screen = web.call(
        "gender.equality.consolidation",
        "onchange",
        [],
        {},
        [],
        {"year": {}, "objectives_html": {}, "reports_accepted": {}},
        context=dict(web.context, default_year=YEAR),
    )
    assert screen["value"]["reports_accepted"] == summary["reports_accepted"]
    # A consolidation saved now is not on the standby yet: its workbook is made on the primary
    # (Odoo retries the read-only request with a read/write cursor).
    fresh_id = web.call("gender.equality.consolidation", "create", {"year": YEAR})
    assert _workbook_target(web.download_workbook(fresh_id)) == changed


def _plan_marked(standby, db, plan_id, primary=False):
    sql = "SELECT count(*) FROM gender_equality_plan WHERE id = %s AND description::text LIKE %s"
    return standby.query(sql, (plan_id, f"%{MARKER}%"), dbname=db, primary=primary) == [(1,)]


def _check_the_logs(odoo_log, standby_log):
    """Odoo's request log: the KPI, the screen and the workbooks on the read-only cursor (the
    workbook of the consolidation not replayed yet retried on the primary), the writes on the
    primary. The standby's statement log: the KPI's queries (the accepted figure lines)."""
    assert set(_request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.report/get_kpi_summary")) == {
        "ro"
    }
    assert set(_request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.consolidation/onchange")) == {
        "ro"
    }
    assert _request_modes(odoo_log, "/report/download") == ["ro", "ro->rw", "ro"]
    assert set(_request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.objective/write")) == {"rw"}
    assert _request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.plan/web_save") == ["rw"]
    assert _request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.plan/web_read") == ["rw"]
    assert _request_modes(odoo_log, "/web/dataset/call_kw/gender.equality.plan/web_search_read") == ["ro"]
    server_log = odoo_log.read_text(errors="replace")
    assert server_log.count("retrying with a read/write cursor") == 1  # the fresh consolidation
    assert " ERROR " not in server_log
    entries = re.split(r"\n(?=\d{4}-\d\d-\d\d )", standby_log.read_text(errors="replace"))
    assert any(
        re.search(r"\] odoo-\d+ LOG:  statement: ", entry) and "gender_equality_report_line" in entry
        for entry in entries
    ), "the standby ran no query of the KPI's figure lines for Odoo"


def test_department_reads_are_served_by_the_standby_and_writes_by_the_primary(
    server, standby, replica_server
):
    __, db = server
    url = replica_server.url
    web = WebClient(url, db, LOGIN)
    officer = WebClient(url, db, OFFICER)
    api = JsonRpc(url, db, LOGIN, LOGIN)  # /jsonrpc execute_kw: always the primary
    [objective_id] = api.call("gender.equality.objective", "search", [("kind", "=", "dissemination")])
    [objective] = api.call("gender.equality.objective", "read", [objective_id], ["target_share"])
    original = objective["target_share"]
    changed = original - 10 if original > 10 else original + 10
    [plan] = officer.call(
        "gender.equality.plan", "search_read", [("year", "=", YEAR), ("state", "=", "draft")], ["description"]
    )
    consolidation_id = web.call("gender.equality.consolidation", "create", {"year": YEAR})
    standby.wait_for_replay(TIMEOUT)
    # Everything replayed: the standby and the primary agree.
    summary = web.call("gender.equality.report", "get_kpi_summary", YEAR)
    assert summary["reports_accepted"] > 0
    assert summary == api.call("gender.equality.report", "get_kpi_summary", YEAR)
    assert _target(summary) == original
    try:
        try:
            ids = (objective_id, plan["id"], consolidation_id)
            _while_the_standby_lags(db, standby, web, officer, api, ids, original, changed)
        finally:
            standby.resume_replay()
        # Replayed: the web client sees the writes.
        standby.wait_for_replay(TIMEOUT)
        assert _target(web.call("gender.equality.report", "get_kpi_summary", YEAR)) == changed
        assert _workbook_target(web.download_workbook(consolidation_id)) == changed
        assert _plan_marked(standby, db, plan["id"])
    finally:
        api.call("gender.equality.objective", "write", [objective_id], {"target_share": original})
        officer.call("gender.equality.plan", "write", [plan["id"]], {"description": plan["description"]})
    standby.wait_for_replay(TIMEOUT)
    assert not _plan_marked(standby, db, plan["id"])
    assert _target(web.call("gender.equality.report", "get_kpi_summary", YEAR)) == original
    _check_the_logs(replica_server.log, standby.log)
