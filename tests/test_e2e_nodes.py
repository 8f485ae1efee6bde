"""Two application nodes behind one nginx upstream (README, Deployment, *Scaling out*).

Two Odoo servers (``--workers=2 --max-cron-threads=1`` each) on the e2e database, with the same
command line, hence the same ``--data-dir``: the filestore (``<data_dir>/filestore/<db>``) and
the HTTP sessions (``<data_dir>/sessions``, Odoo's ``FilesystemSessionStore``) are shared, as
they would be over NFS or a shared volume between machines. nginx is configured by the README's
own block, its upstreams listing both nodes. The tests show that

- a session opened on one node is served by the other, and through nginx;
- a file uploaded through one node is downloaded through the other, byte for byte;
- a due cron runs once across both nodes' cron workers, and its effect happens once;
- when node A is killed (``kill -9`` of its master and workers) in the middle of a run of
  several client sessions through nginx, every request sent after the kill succeeds on node B
  with the sessions opened before it, and every write the clients saw succeed exists once.

The nodes' ports are picked free at run time. The crons other than the one the cron test makes
due are inactive while the nodes run and put back afterwards; the records the clients create
are deleted. The numbers of the kill (requests before and after, failed in flight, retried by
nginx on B) are written to ``nodes-kill.json`` in ``GEP_RESULTS``.
"""

import base64
import itertools
import json
import os
import re
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import requests
from conftest import XmlRpc
from odoo_stack import Nginx, OdooServer, free_port, odoo_argv, tail, wait_until

NODE_OPTIONS = ("--workers=2", "--max-cron-threads=1", "--log-level=info")
CRON = "ir_cron_gender_equality_corrective_action_reminder"
PARKED = "2099-01-01 00:00:00"
# A cron worker sleeps up to 70 s between polls unless PostgreSQL wakes it (NOTIFY).
CRON_TIMEOUT = 150
RUN_TIMEOUT = 180
PREFIX = "Nodes e2e"
# nginx's log of where each request went: its end, its duration, its status, the nodes tried
UPSTREAM_LOG_FORMAT = "log_format gep_nodes '$msec $request_time $status \"$upstream_addr\" $request_uri';\n"


class RpcError(RuntimeError):
    pass


class WebClient:
    """A browser's session: JSON-RPC on the web client's routes, with the ``session_id`` cookie.
    Each call names the address it goes to (node A, node B or nginx): the cookie is the same."""

    _ids = itertools.count(1)

    def __init__(self, db):
        self.db = db
        self.http = requests.Session()

    def rpc(self, url, path, params, timeout=60):
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params}
        response = self.http.post(f"{url}{path}", json=payload, timeout=timeout)
        response.raise_for_status()
        data = response.json()
        if "error" in data:
            error = data["error"].get("data") or {}
            raise RpcError(f"{error.get('name')}: {error.get('message') or data['error']}")
        return data.get("result")  # Odoo leaves out a result of None

    def login(self, url, login, password=None):
        result = self.rpc(
            url, "/web/session/authenticate", {"db": self.db, "login": login, "password": password or login}
        )
        assert result.get("uid"), f"login {login} refused"
        return result["uid"]

    def session_info(self, url):
        return self.rpc(url, "/web/session/get_session_info", {})

    def call(self, url, model, method, *args, **kwargs):
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        return self.rpc(url, f"/web/dataset/call_kw/{model}/{method}", params)

    @property
    def sid(self):
        return self.http.cookies.get("session_id")


def _data_dir():
    return Path(next(arg.split("=", 1)[1] for arg in odoo_argv() if arg.startswith("--data-dir=")))


def _alive(pid):
    """True while ``pid`` runs (a zombie waiting for its reaper does not count)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.fixture(scope="module")
def admin(xmlrpc_as):
    return xmlrpc_as("admin", "admin")


@pytest.fixture(scope="module")
def parked_crons(admin):
    """The corrective-action reminder parked in the future, every other cron inactive, while
    the nodes run: their cron workers then run only what a test makes due. Yields its id."""
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", "gender_equality_plan"), ("model", "=", "ir.cron"), ("name", "=", CRON)],
        ["res_id"],
    )
    [cron_id] = [row["res_id"] for row in rows]
    [saved] = admin.call("ir.cron", "read", [cron_id], ["nextcall", "active"])
    assert saved["active"]
    others = admin.call("ir.cron", "search", [("active", "=", True), ("id", "!=", cron_id)])
    admin.call("ir.cron", "write", others, {"active": False})
    admin.call("ir.cron", "write", [cron_id], {"nextcall": PARKED})
    try:
        yield cron_id
    finally:
        admin.call("ir.cron", "write", others, {"active": True})
        admin.call("ir.cron", "write", [cron_id], {"nextcall": saved["nextcall"]})


@pytest.fixture(scope="module")
def cluster(parked_crons):
    """Nodes A and B (same command line: same database, same data_dir) and nginx in front of
    both, as the README configures it. Everything is stopped at the end, whatever happened."""
    results = Path(os.environ.get("GEP_RESULTS") or tempfile.mkdtemp(prefix="gep-nodes-"))
    argv = odoo_argv()
    # ODOO_NOTIFY_CRON_CHANGES: a change of a cron's nextcall wakes the cron workers of both
    # nodes at once (PostgreSQL NOTIFY), so that they race for the job.
    env = {"ODOO_NOTIFY_CRON_CHANGES": "1"}
    nodes = []
    nginx = None
    try:
        for name in ("a", "b"):
            node = OdooServer(
                argv, free_port(span=3), results, name=f"odoo-node-{name}", options=NODE_OPTIONS, env=env
            )
            nodes.append(node)
            node.start()
        a, b = nodes
        prefix = results / "nginx-nodes"
        upstream_log = prefix / "upstream.log"
        upstream_log.unlink(missing_ok=True)  # nginx appends to its logs
        nginx = Nginx(
            free_port(span=3),
            [a.http_port, b.http_port],
            [a.gevent_port, b.gevent_port],
            prefix,
            extra_http=f"    {UPSTREAM_LOG_FORMAT}    access_log {upstream_log} gep_nodes;\n",
        )
        nginx.start()
        yield SimpleNamespace(a=a, b=b, nginx=nginx, upstream_log=upstream_log, results=results)
    finally:
        if nginx is not None:
            nginx.stop()
        for node in nodes:
            node.stop()


def test_a_session_opened_on_one_node_is_served_by_the_other(server, cluster):
    """Logged in through node A, the user is served by node B with the same cookie, and
    through nginx: the session is a file of the shared data_dir, its token is checked against
    the database's secret, the same for both nodes. Logged out through B, A refuses it."""
    a, b, nginx = cluster.a, cluster.b, cluster.nginx
    officer = WebClient(server[1])
    uid = officer.login(a.url, "canbo.thoxuan")
    assert (_data_dir() / "sessions" / officer.sid[:2] / officer.sid).is_file()
    plans_on_a = officer.call(a.url, "gender.equality.plan", "search_read", [], fields=["name"], order="id")
    assert plans_on_a, "the officer sees no plan"
    for url in (b.url, nginx.url):
        info = officer.session_info(url)
        assert (info["uid"], info["username"], info["db"]) == (uid, "canbo.thoxuan", server[1])
        # A call that needs the session: the officer's record rules (their unit's plans only).
        assert (
            officer.call(url, "gender.equality.plan", "search_read", [], fields=["name"], order="id")
            == plans_on_a
        )
    all_plans = XmlRpc(b.url, server[1], "admin", "admin").call("gender.equality.plan", "search_count", [])
    assert len(plans_on_a) < all_plans

    stranger = WebClient(server[1])
    with pytest.raises(RpcError, match="SessionExpired"):
        stranger.call(b.url, "gender.equality.plan", "search_read", [], fields=["name"])

    officer.rpc(b.url, "/web/session/destroy", {})
    with pytest.raises(RpcError, match="SessionExpired"):
        officer.call(a.url, "gender.equality.plan", "search_read", [], fields=["name"])


def _executable_task(officer, url):
    """An activity of the officer's unit whose execution (and evidence) can be recorded."""
    tasks = officer.call(url, "gender.equality.task", "search_read", [], fields=["can_execute"], order="id")
    executable = [task["id"] for task in tasks if task["can_execute"]]
    assert executable, "no activity of canbo.thoxuan can be executed (an approved plan of an open year)"
    return executable[0]


def test_b_a_file_uploaded_through_one_node_is_downloaded_through_the_other(server, cluster):
    """An evidence file attached to an activity through node A is downloaded through node B
    with the same bytes: both nodes read and write the same filestore."""
    a, b = cluster.a, cluster.b
    officer = WebClient(server[1])
    officer.login(a.url, "canbo.thoxuan")
    task_id = _executable_task(officer, a.url)
    content = os.urandom(64 * 1024)
    name = f"{PREFIX} evidence {time.time_ns()}.bin"
    officer.call(
        a.url,
        "gender.equality.task",
        "write",
        [task_id],
        {"attachment_ids": [(0, 0, {"name": name, "datas": base64.b64encode(content).decode()})]},
    )
    [attachment] = officer.call(
        a.url, "ir.attachment", "search_read", [("name", "=", name)], fields=["store_fname", "checksum"]
    )
    try:
        assert (_data_dir() / "filestore" / server[1] / attachment["store_fname"]).read_bytes() == content
        response = officer.http.get(f"{b.url}/web/content/{attachment['id']}?download=true", timeout=60)
        assert response.status_code == 200
        assert response.content == content
        through_nginx = officer.http.get(f"{cluster.nginx.url}/web/content/{attachment['id']}", timeout=60)
        assert through_nginx.content == content
    finally:
        officer.call(b.url, "ir.attachment", "unlink", [attachment["id"]])


@pytest.fixture
def corrective_action_due(admin):
    """A corrective action of the provincial hospital due in 7 days, with canbo.bvdk as its
    responsible: the reminder cron owes them one digest. Yields (action name, partner id)."""
    [unit_id] = admin.call("gender.equality.unit", "search", [("code", "=", "BVDKT")])
    [inspection_id] = admin.call("gender.equality.inspection", "search", [("unit_id", "=", unit_id)], limit=1)
    [responsible] = admin.call("res.users", "search_read", [("login", "=", "canbo.bvdk")], ["partner_id"])
    deadline = (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=7)).isoformat()
    name = f"{PREFIX}: corrective action due in 7 days"
    action_id = admin.call(
        "gender.equality.corrective.action",
        "create",
        {
            "name": name,
            "unit_id": unit_id,
            "inspection_id": inspection_id,
            "responsible_id": responsible["id"],
            "deadline": deadline,
        },
    )
    try:
        yield name, responsible["partner_id"][0]
    finally:
        admin.call("gender.equality.corrective.action", "unlink", [action_id])


def _cron_runs(node):
    return [line for line in Path(node.log).read_text(errors="replace").splitlines() if ") starting" in line]


def test_c_a_due_cron_runs_once_across_both_nodes(
    server, admin, parked_crons, cluster, corrective_action_due
):
    """Both nodes' cron workers are woken at once by the cron made due: one of them takes the
    job (Odoo locks its row, ``FOR NO KEY UPDATE SKIP LOCKED``), the other skips it. The job
    runs once across the two nodes' logs and the responsible receives one digest."""
    a, b = cluster.a, cluster.b
    action_name, partner_id = corrective_action_due
    for node in (a, b):
        # Two HTTP workers, one cron worker, the gevent process.
        assert len(node.workers()) == 4, tail(node.log)
    assert not _cron_runs(a) and not _cron_runs(b)
    [before] = admin.call("ir.cron", "read", [parked_crons], ["lastcall"])
    [marker] = admin.call("mail.message", "search", [], limit=1, order="id desc") or [0]

    XmlRpc(a.url, server[1], "admin", "admin").call(
        "ir.cron", "write", [parked_crons], {"nextcall": "2000-01-01 00:00:00"}
    )

    def ran():
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        [cron] = admin.call("ir.cron", "read", [parked_crons], ["lastcall", "nextcall"])
        return cron["lastcall"] != before["lastcall"] and cron["nextcall"] > now

    wait_until(ran, CRON_TIMEOUT, "run of the corrective-action reminder", a.process, a.log)
    runs = {node: _cron_runs(node) for node in (a, b)}
    assert sum(len(lines) for lines in runs.values()) == 1, runs
    (cluster.results / "nodes-cron.json").write_text(
        json.dumps({name: len(runs[node]) for name, node in (("node_a", a), ("node_b", b))})
    )
    odoobot = admin.call(
        "ir.model.data", "search_read", [("module", "=", "base"), ("name", "=", "partner_root")], ["res_id"]
    )[0]["res_id"]
    notified = admin.call(
        "mail.notification",
        "search_read",
        [("mail_message_id", ">", marker), ("author_id", "=", odoobot), ("res_partner_id", "=", partner_id)],
        ["mail_message_id"],
    )
    assert len(notified) == 1, notified
    bvdk = XmlRpc(b.url, server[1], "canbo.bvdk", "canbo.bvdk")
    [digest] = bvdk.call("mail.message", "read", [notified[0]["mail_message_id"][0]], ["body"])
    assert action_name in digest["body"]


# ---------------------------------------------------------------------------------------------
# The loss of node A in the middle of a run (last: node A stays dead)
# ---------------------------------------------------------------------------------------------


class Client(threading.Thread):
    """One user's session through nginx, in a loop of reads and writes until ``stop`` is set.
    Each request is recorded: (start, end, ok, error, name of the record written or None)."""

    def __init__(self, label, login, url, db, stop, step):
        super().__init__(name=label, daemon=True)
        self.label, self.login, self.url, self.stop = label, login, url, stop
        self.web = WebClient(db)
        self.step = step  # step(client, index) -> list of (callable, written name or None)
        self.log = []
        self.failure = None

    def request(self, function, written=None):
        start = time.monotonic()
        try:
            function()
        except (requests.RequestException, RpcError, ValueError) as error:
            self.log.append((start, time.monotonic(), False, f"{type(error).__name__}: {error}", written))
        else:
            self.log.append((start, time.monotonic(), True, None, written))

    def run(self):
        try:
            self.web.login(self.url, self.login)
            for index in itertools.count():
                if self.stop.is_set():
                    return
                for function, written in self.step(self, index):
                    self.request(function, written)
        except Exception as error:
            self.failure = error

    def done(self, after=0.0, ok=None):
        return [entry for entry in self.log if entry[0] >= after and (ok is None or entry[2] == ok)]


def _officer_creating_activities(plan_id, area_id, type_id, year):
    def step(client, index):
        name = f"{PREFIX} {client.label} {index}"
        vals = {
            "plan_id": plan_id,
            "name": name,
            "area_id": area_id,
            "activity_type_id": type_id,
            "target_group": "staff",
            "date_start": f"{year}-03-06",
            "date_end": f"{year}-03-06",
        }
        return [
            (
                lambda: client.web.call(
                    client.url,
                    "gender.equality.task",
                    "search_read",
                    [("plan_id", "=", plan_id)],
                    fields=["name", "state"],
                    limit=80,
                ),
                None,
            ),
            (lambda: client.web.call(client.url, "gender.equality.task", "create", vals), name),
        ]

    return step


def _officer_uploading_evidence(task_id):
    def step(client, index):
        name = f"{PREFIX} {client.label} {index}.txt"
        data = base64.b64encode(f"evidence {index} of {client.label}".encode()).decode()
        return [
            (
                lambda: client.web.call(
                    client.url, "gender.equality.task", "read", [task_id], ["name", "state", "attachment_ids"]
                ),
                None,
            ),
            (
                lambda: client.web.call(
                    client.url,
                    "gender.equality.task",
                    "write",
                    [task_id],
                    {"attachment_ids": [(0, 0, {"name": name, "datas": data})]},
                ),
                name,
            ),
        ]

    return step


def _department_reading(year):
    def step(client, index):
        return [
            (lambda: client.web.call(client.url, "gender.equality.report", "get_kpi_summary", year), None),
            (
                lambda: client.web.call(
                    client.url,
                    "gender.equality.plan",
                    "search_read",
                    [],
                    fields=["name", "state", "unit_id"],
                    limit=80,
                ),
                None,
            ),
            (lambda: client.web.session_info(client.url), None),
        ]

    return step


@pytest.fixture
def workload(server):
    """The clients' targets, found as their users see them, and the records they add deleted
    afterwards: canbo.danso adds activities to a plan of their unit that is still editable,
    canbo.thoxuan attaches evidence files to an activity being carried out, the Department's
    officer reads the KPI summary and the plans."""
    db = server[1]
    danso = WebClient(db)
    danso.login(server[0], "canbo.danso")
    plans = danso.call(
        server[0],
        "gender.equality.plan",
        "search_read",
        [("state", "in", ("draft", "returned"))],
        fields=["year"],
        limit=1,
    )
    assert plans, "canbo.danso has no editable plan"
    plan = plans[0]
    [area_id] = danso.call(server[0], "gender.equality.area", "search", [("code", "=", "III.1")])
    [type_id] = danso.call(
        server[0], "gender.equality.activity.type", "search", [("is_dissemination", "=", True)], limit=1
    )
    thoxuan = WebClient(db)
    thoxuan.login(server[0], "canbo.thoxuan")
    task_id = _executable_task(thoxuan, server[0])
    year = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).year
    try:
        yield {
            "activities": _officer_creating_activities(plan["id"], area_id, type_id, plan["year"]),
            "evidence": _officer_uploading_evidence(task_id),
            "department": _department_reading(year),
        }
    finally:
        tasks = danso.call(server[0], "gender.equality.task", "search", [("name", "=like", f"{PREFIX} %")])
        danso.call(server[0], "gender.equality.task", "unlink", tasks)
        files = thoxuan.call(server[0], "ir.attachment", "search", [("name", "=like", f"{PREFIX} %")])
        thoxuan.call(server[0], "ir.attachment", "unlink", files)


def _upstream_entries(path):
    """nginx's upstream log: (start time, status, ports of the nodes tried, in order)."""
    entries = []
    for line in Path(path).read_text().splitlines():
        msec, duration, status, rest = line.split(" ", 3)
        tried = rest.split('"')[1].split(", ")
        ports = [int(address.rsplit(":", 1)[1]) for address in tried if ":" in address]
        entries.append((float(msec) - float(duration), int(status), ports))
    return entries


def test_z_users_go_on_through_node_b_when_node_a_is_killed(server, cluster, workload):
    """Four sessions through nginx (two officers writing, one officer reading, the Department
    reading) run; node A is killed (``kill -9`` of its master and workers) in the middle.

    Afterwards every request goes to node B and succeeds, with the sessions opened before the
    kill (on either node): nginx sends a request that A refuses (connection refused) to B, and
    marks A down. A request in flight on A when it died may fail (nginx does not send a POST
    again once sent: it may have been committed); each write the clients saw succeed exists
    once, none twice."""
    a, b, nginx = cluster.a, cluster.b, cluster.nginx
    db = server[1]
    stop = threading.Event()
    clients = [
        Client("activities", "canbo.danso", nginx.url, db, stop, workload["activities"]),
        Client("evidence", "canbo.thoxuan", nginx.url, db, stop, workload["evidence"]),
        Client("reader", "canbo.cdc", nginx.url, db, stop, _reader_step),
        Client("department", "thuongtruc", nginx.url, db, stop, workload["department"]),
    ]
    a_pids = [a.process.pid, *a.workers()]
    try:
        for client in clients:
            client.start()
        wait_until(
            lambda: all(len(client.done(ok=True)) >= 6 for client in clients),
            RUN_TIMEOUT,
            "six successful requests of every client before the kill",
        )
        _check_clients(clients)
        kill_start = time.monotonic()
        a.kill()
        wait_until(lambda: not any(_alive(pid) for pid in a_pids), 30, "end of node A's processes")
        killed, killed_wall = time.monotonic(), time.time()
        wait_until(
            lambda: _check_clients(clients)
            and all(len(client.done(after=killed)) >= 10 for client in clients),
            RUN_TIMEOUT,
            "ten requests of every client after the kill",
            b.process,
            b.log,
        )
        # nginx counts the failures of the kill against A (max_fails=1) and sends it nothing for
        # fail_timeout (10 s); then it tries A again with the next request, which A refuses
        # (connection refused: nothing was sent, so even a POST goes on) and passes it to B.
        wait_until(
            lambda: _check_clients(clients) and _retried_on_b(cluster, killed_wall),
            RUN_TIMEOUT,
            "a request that nginx tried on node A after the kill and passed to node B",
            b.process,
            b.log,
        )
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=120)
    _check_clients(clients)
    assert not any(client.is_alive() for client in clients)

    after = [entry for client in clients for entry in client.done(after=killed)]
    failed_after = [entry[3] for entry in after if not entry[2]]
    assert not failed_after, failed_after
    before = [entry for client in clients for entry in client.log if entry[0] < killed]
    failed = [entry for entry in before if not entry[2]]
    # What failed was in flight when A died: sent before the kill, answered after it began.
    assert all(entry[1] >= kill_start for entry in failed), failed

    # Writes: each one the clients saw succeed exists once; none exists twice.
    done_writes = [entry[4] for client in clients for entry in client.log if entry[4] and entry[2]]
    failed_writes = [entry[4] for client in clients for entry in client.log if entry[4] and not entry[2]]
    danso = XmlRpc(server[0], db, "canbo.danso", "canbo.danso")
    thoxuan = XmlRpc(server[0], db, "canbo.thoxuan", "canbo.thoxuan")
    names = Counter(
        task["name"]
        for task in danso.call(
            "gender.equality.task", "search_read", [("name", "=like", f"{PREFIX} %")], ["name"]
        )
    )
    names.update(
        attachment["name"]
        for attachment in thoxuan.call(
            "ir.attachment", "search_read", [("name", "=like", f"{PREFIX} %")], ["name"]
        )
    )
    assert {name: names[name] for name in done_writes if names[name] != 1} == {}
    assert not [name for name, count in names.items() if count > 1]
    assert set(names) <= set(done_writes) | set(failed_writes)

    # nginx's side: before the kill both nodes served; after it, B only, A tried at most once
    # per fail_timeout and passed over to B.
    entries = _upstream_entries(cluster.upstream_log)
    before_kill = [entry for entry in entries if entry[0] < killed_wall - (killed - kill_start)]
    after_kill = [entry for entry in entries if entry[0] > killed_wall]
    assert {ports[-1] for __, __, ports in before_kill if ports} == {a.http_port, b.http_port}
    assert all(ports[-1] == b.http_port for __, __, ports in after_kill if ports), after_kill
    retried_on_b = _retried_on_b(cluster, killed_wall)
    assert all(status == 200 for __, status, __ in retried_on_b), retried_on_b
    summary = {
        "requests_before_kill": len(before),
        "requests_after_kill": len(after),
        "failed_in_flight": len(failed),
        "failed_in_flight_errors": sorted({error for *__, error, ___ in failed}),
        "failed_after_kill": len(failed_after),
        "writes_seen_done": len(done_writes),
        "writes_failed_in_flight": len(failed_writes),
        "writes_failed_in_flight_committed": sum(names[name] for name in failed_writes),
        "nginx_requests_sent_to_a_then_b_after_kill": len(retried_on_b),
        "nginx_requests_after_kill": len(after_kill),
    }
    # Both nodes served the run without an error of their own (A up to its death, B throughout).
    problems = [
        line
        for node in (a, b)
        for line in Path(node.log).read_text(errors="replace").splitlines()
        if re.search(r" (WARNING|ERROR|CRITICAL) |Traceback", line)
    ]
    assert not problems, problems
    (cluster.results / "nodes-kill.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


def _retried_on_b(cluster, since):
    """The requests started after ``since`` that nginx sent to node A first, then to node B."""
    return [
        entry
        for entry in _upstream_entries(cluster.upstream_log)
        if entry[0] > since and entry[2] == [cluster.a.http_port, cluster.b.http_port]
    ]


def _reader_step(client, index):
    """A unit officer paging through their activities and plans (reads only)."""
    return [
        (
            lambda: client.web.call(
                client.url,
                "gender.equality.task",
                "search_read",
                [],
                fields=["name", "state", "date_start"],
                limit=20,
                offset=20 * (index % 3),
            ),
            None,
        ),
        (
            lambda: client.web.call(
                client.url, "gender.equality.plan", "search_read", [], fields=["name", "state"]
            ),
            None,
        ),
    ]


def _check_clients(clients):
    """Raise the first unexpected error of a client thread (a bug of the test, not a failed
    request); True otherwise, to be used in a wait condition."""
    for client in clients:
        if client.failure is not None:
            raise client.failure
    return True
