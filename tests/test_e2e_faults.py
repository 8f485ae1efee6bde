"""Faults lose nothing: an HTTP worker killed in the middle of a batch of approvals, of a
compilation and of a submission, and PostgreSQL restarted under the calls of client sessions.

A node of the module under ``--workers=2`` with nginx in front of it, configured as the README's
Deployment section says (free local ports), on the e2e database. Each fault strikes at a known
point inside the request's transaction, never after a delay: a second connection holds a lock
that the request needs late in its work (a row of the record it writes, or the notifications
table that it writes last); the test waits until PostgreSQL shows the request's backend waiting
for that lock (``pg_blocking_pids``), reads which tables the transaction has written so far
(its ``RowExclusiveLock`` locks), kills the HTTP worker that owns the backend's connection
(``kill -9``) and releases the lock. A transaction commits only when its client says so: the
backend, alone, rolls back. Afterwards every record is compared, row by row, with what it was
before (the status, the reviews, the chatter messages, the notifications, the to-dos, the
figure lines, the unit's register of report numbers), the same call is made again and must
succeed once, and a third time it must be refused with a clear error (the module's actions do
not run twice).

The test adds plans and reports in years that no other test uses (2060 on, the next free
ones) and deletes the draft reports it leaves.
"""

import concurrent.futures
import itertools
import os
import signal
import tempfile
import threading
import time
from pathlib import Path

import psycopg2
import pytest
import requests
from conftest import XmlRpc, new_plan
from odoo_stack import Nginx, OdooServer, answers_200, free_port, odoo_argv, restart_postgresql, wait_until

PLAN = "gender.equality.plan"
REPORT = "gender.equality.report"
# Units with an officer and a head among the demo users (passwords are the logins).
UNITS = {
    "TTYTTX": ("canbo.thoxuan", "giamdoc.thoxuan"),
    "BVDKT": ("canbo.bvdk", "giamdoc.bvdk"),
    "CDC": ("canbo.cdc", "giamdoc.cdc"),
}
DEPARTMENT = "truongban"
FIRST_YEAR = 2060
TIMEOUT = 60  # every wait of the test: a lock reached, a process gone, a worker respawned…
RPC_TIMEOUT = 120
_ids = itertools.count(1)


# ------------------------------------------------------------
# THE STACK AND THE CLIENTS
# ------------------------------------------------------------


@pytest.fixture(scope="module")
def stack(server):
    """An Odoo node with two HTTP workers (no cron worker) and nginx in front of it."""
    results = Path(os.environ.get("GEP_RESULTS") or tempfile.mkdtemp(prefix="gep-faults-"))
    node = OdooServer(
        odoo_argv(),
        free_port(span=3),
        results,
        name="odoo-faults-server",
        options=("--workers=2", "--max-cron-threads=0", "--log-level=info"),
    )
    with node:
        nginx = Nginx(free_port(), [node.http_port], [node.gevent_port], results / "nginx-faults")
        with nginx:
            yield node, nginx


class RpcError(RuntimeError):
    """The server answered with an error (its message), or did not answer (HTTP status)."""

    def __init__(self, message, status=200):
        super().__init__(message)
        self.status = status


class Client:
    """A user's JSON-RPC session on ``url`` (the e2e server, or nginx)."""

    def __init__(self, url, db, login):
        self.url, self.db, self.login = url, db, login
        self.uid = XmlRpc(url, db, login, login).uid

    def on(self, url):
        client = object.__new__(Client)
        client.url, client.db, client.login, client.uid = url, self.db, self.login, self.uid
        return client

    def call(self, model, method, *args, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(_ids),
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, self.login, model, method, list(args), kwargs],
            },
        }
        response = requests.post(f"{self.url}/jsonrpc", json=payload, timeout=RPC_TIMEOUT)
        if response.status_code != 200:
            raise RpcError(f"HTTP {response.status_code}", response.status_code)
        body = response.json()
        if "error" in body:
            raise RpcError(body["error"]["data"].get("message") or str(body["error"]))
        return body["result"]


# ------------------------------------------------------------
# THE DATABASE, SEEN FROM OUTSIDE
# ------------------------------------------------------------


def _connect(db):
    """A connection as the e2e tests' PostgreSQL role (PGHOST, PGPORT, PGUSER of `make test`)."""
    return psycopg2.connect(dbname=db)


def _query(db, sql, params=()):
    cnx = _connect(db)
    try:
        cnx.autocommit = True
        with cnx.cursor() as cr:
            cr.execute(sql, params)
            return cr.fetchall()
    finally:
        cnx.close()


class Blocker:
    """A second connection that holds a lock in an open transaction until ``release``: the
    request that needs the lock waits for it, inside its own transaction, at a known
    statement."""

    def __init__(self, db, lock_sql, params=()):
        self.db = db
        self.cnx = _connect(db)
        with self.cnx.cursor() as cr:
            cr.execute("SELECT pg_backend_pid()")
            [(self.pid,)] = cr.fetchall()
            cr.execute(lock_sql, params)

    def waiter(self):
        """The backend that waits for the lock: ``(pid, client port, statement, tables written
        by its transaction so far)``; waits for it (bounded)."""

        def blocked():
            return _query(
                self.db,
                "SELECT pid, client_port, query FROM pg_stat_activity "
                "WHERE %s = ANY(pg_blocking_pids(pid)) AND wait_event_type = 'Lock'",
                (self.pid,),
            )

        [(pid, port, statement)] = wait_until(blocked, TIMEOUT, "request waiting for the test's lock")
        written = _query(
            self.db,
            "SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE l.pid = %s AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r'",
            (pid,),
        )
        return pid, port, statement, {name for (name,) in written}

    def release(self):
        try:
            self.cnx.rollback()
            self.cnx.close()
        except psycopg2.Error:
            pass  # ended by a restart of PostgreSQL


def _backend_gone(db, pid):
    return lambda: not _query(db, "SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,))


def _footprint(db, model, ids):
    """What the workflow left on each record: ``{id: (status, reviews as (round, stage
    sequence, state), chatter messages, notifications, to-dos)}``."""
    table = model.replace(".", "_")
    rows = _query(
        db,
        f"""SELECT r.id, r.state,
                   (SELECT array_agg(ARRAY[v.round::text, v.sequence::text, v.state]
                                     ORDER BY v.round, v.sequence, v.id)
                      FROM gender_equality_approval_review v
                     WHERE v.res_model = %(model)s AND v.res_id = r.id),
                   (SELECT count(*) FROM mail_message m WHERE m.model = %(model)s AND m.res_id = r.id),
                   (SELECT count(*) FROM mail_notification n JOIN mail_message m ON m.id = n.mail_message_id
                     WHERE m.model = %(model)s AND m.res_id = r.id),
                   (SELECT count(*) FROM mail_activity a WHERE a.res_model = %(model)s AND a.res_id = r.id)
              FROM "{table}" r WHERE r.id = ANY(%(ids)s) ORDER BY r.id""",
        {"model": model, "ids": list(ids)},
    )
    return {
        row[0]: (row[1], [tuple(review) for review in row[2] or []], row[3], row[4], row[5]) for row in rows
    }


def _last_message(db):
    return _query(db, "SELECT coalesce(max(id), 0) FROM mail_message")[0][0]


def _new_messages(db, model, ids, after):
    """``{record id: [body, …]}`` of the messages posted on the records after message ``after``,
    and the notifications of those messages as ``[(message, partner)]``."""
    messages = _query(
        db,
        "SELECT id, res_id, body FROM mail_message "
        "WHERE model = %s AND res_id = ANY(%s) AND id > %s ORDER BY id",
        (model, list(ids), after),
    )
    bodies = {record_id: [] for record_id in ids}
    for __, res_id, body in messages:
        bodies[res_id].append(body)
    notifications = _query(
        db,
        "SELECT mail_message_id, res_partner_id FROM mail_notification WHERE mail_message_id = ANY(%s)",
        ([message_id for message_id, *__ in messages],),
    )
    return bodies, notifications


def _killed_call(node, blocker, call, *args):
    """``call(*args)`` in a thread, stopped by ``blocker``'s lock, its worker killed there
    (``_kill_worker_waiting``): the client gets nginx's 502. Returns what the killing returns."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pending = pool.submit(call, *args)
        killed, statement, written = _kill_worker_waiting(node, blocker)
        with pytest.raises(RpcError) as failure:
            pending.result(timeout=TIMEOUT)
    assert failure.value.status == 502, failure.value
    return killed, statement, written


def _kill_worker_waiting(node, blocker):
    """Kill (``kill -9``) the HTTP worker whose request waits for ``blocker``'s lock, then
    release the lock; return what the transaction had written and the killed pid, once its
    backend is gone (rolled back)."""
    backend, port, statement, written = blocker.waiter()
    worker = node.worker_of(port)
    assert worker, f"no worker of the node owns the connection of backend {backend} (port {port})"
    os.kill(worker, signal.SIGKILL)
    blocker.release()
    wait_until(_backend_gone(blocker.db, backend), TIMEOUT, f"end of backend {backend}")
    return worker, statement, written


def _respawned(node, workers, killed):
    """Wait until the master replaced the killed worker (as many children as before)."""
    wait_until(
        lambda: killed not in node.workers() and len(node.workers()) == len(workers),
        TIMEOUT,
        f"replacement of the killed worker {killed}",
        node.process,
        node.log,
    )


# ------------------------------------------------------------
# RECORDS OF THE TEST
# ------------------------------------------------------------


def _free_years(db, count):
    """``count`` years from 2060 on that no plan or report of the database uses."""
    [(last,)] = _query(
        db,
        "SELECT greatest(%s, (SELECT max(year) FROM gender_equality_plan), "
        "(SELECT max(year) FROM gender_equality_report))",
        (FIRST_YEAR - 1,),
    )
    return list(range(last + 1, last + 1 + count))


def _unit(client, code):
    [unit_id] = client.call("gender.equality.unit", "search", [("code", "=", code)])
    return unit_id


def _new_plan(officer, code, year):
    """A plan with an activity of dissemination and one of the Action Month (no warning)."""
    return new_plan(officer, _unit(officer, code), year)


@pytest.fixture
def draft_reports(server):
    """Creates draft reports (``create(officer, code, year)``) and deletes those still drafts
    at the end."""
    created = []

    def create(officer, code, year):
        report_id = officer.call(
            REPORT,
            "create",
            {"unit_id": _unit(officer, code), "year": year, "results": "<p>Kết quả thực hiện.</p>"},
        )
        created.append((officer, report_id))
        return report_id

    yield create
    for officer, report_id in created:
        if officer.call(REPORT, "search_count", [("id", "=", report_id), ("state", "=", "draft")]):
            officer.call(REPORT, "unlink", [report_id])


# ------------------------------------------------------------
# A WORKER KILLED
# ------------------------------------------------------------


def test_a_worker_killed_in_a_batch_of_approvals_decides_nothing(server, stack):
    """Six plans of three units wait for the Department; its manager approves them in one call
    (the batch engine). The call is stopped at the inbox notifications of the submitters, after
    it decided the reviews and wrote the decisions' logs and notices (the plans' status and the
    to-dos come last); its worker is killed there. Nothing of it stays; the client gets
    nginx's 502; the master replaces the worker; the same call then decides every plan once."""
    url, db = server
    node, nginx = stack
    plan_ids = []
    for year in _free_years(db, 2):
        for code, (officer_login, head_login) in UNITS.items():
            officer, head = Client(url, db, officer_login), Client(url, db, head_login)
            plan_id = _new_plan(officer, code, year)
            assert officer.call(PLAN, "action_submit", [plan_id]) is True
            assert head.call(PLAN, "action_approve", [plan_id]) is True
            plan_ids.append(plan_id)
    department = Client(nginx.url, db, DEPARTMENT)
    assert department.call(PLAN, "search_count", [("id", "in", plan_ids), ("can_approve", "=", True)]) == 6
    before = _footprint(db, PLAN, plan_ids)
    assert {plan[0] for plan in before.values()} == {"submitted"}
    assert all(plan[1] == [("1", "10", "approved"), ("1", "20", "pending")] for plan in before.values())
    assert all(plan[4] >= 1 for plan in before.values()), "the Department's to-dos are missing"
    marker = _last_message(db)
    workers = node.workers()

    blocker = Blocker(db, "LOCK TABLE mail_notification IN SHARE MODE")
    approve = (department.call, PLAN, "action_approve", plan_ids)
    killed, statement, written = _killed_call(node, blocker, *approve)
    assert "mail_notification" in statement
    # What the transaction had written when its worker died (the decisions and their messages;
    # the plans' status and the to-dos come after the notifications): all of it is gone.
    decided = {"gender_equality_approval_review", "mail_message", "mail_message_res_partner_rel"}
    assert decided <= written, written
    print(
        f"\nbatch of {len(plan_ids)} approvals killed at {statement.split('(')[0]!r}, "
        f"after writing {sorted(written)}"
    )
    assert _footprint(db, PLAN, plan_ids) == before
    assert _new_messages(db, PLAN, plan_ids, marker) == ({plan_id: [] for plan_id in plan_ids}, [])

    _respawned(node, workers, killed)
    assert department.call(PLAN, "action_approve", plan_ids) is True
    after = _footprint(db, PLAN, plan_ids)
    bodies, notifications = _new_messages(db, PLAN, plan_ids, marker)
    submitters = dict(
        _query(
            db,
            "SELECT p.id, u.partner_id FROM gender_equality_plan p "
            "JOIN res_users u ON u.id = p.submitted_by_id WHERE p.id = ANY(%s)",
            (plan_ids,),
        )
    )
    for plan_id in plan_ids:
        state, reviews, messages, notified, todos = after[plan_id]
        assert state == "approved"
        assert reviews == [("1", "10", "approved"), ("1", "20", "approved")]
        assert todos == 0
        # One decision logged, one message to the submitter: each once.
        assert len(bodies[plan_id]) == len(set(bodies[plan_id])) == messages - before[plan_id][2]
        assert sum("Đã phê duyệt ở bước" in body for body in bodies[plan_id]) == 1
    assert len(notifications) == len(set(notifications))
    assert sorted(partner for __, partner in notifications) == sorted(submitters.values())
    print(f"approved again: {sum(map(len, bodies.values()))} messages, {len(notifications)} notifications")
    # Again: refused, nothing added.
    with pytest.raises(RpcError, match="không thể duyệt"):
        department.call(PLAN, "action_approve", plan_ids)
    assert _footprint(db, PLAN, plan_ids) == after


def test_a_worker_killed_in_a_compilation_leaves_the_figures_as_they_were(server, stack, draft_reports):
    """A unit compiles a new report: the call is stopped at the update of the report's
    counters, after it wrote the figure lines, and its worker is killed. The report has no
    line, as before; compiled again, it has its lines once, and a third compilation changes
    nothing."""
    url, db = server
    node, nginx = stack
    officer_login = UNITS["BVDKT"][0]
    officer = Client(url, db, officer_login)
    [year] = _free_years(db, 1)
    report_id = draft_reports(officer, "BVDKT", year)
    on_nginx = officer.on(nginx.url)
    workers = node.workers()

    def lines():
        return _lines(db, report_id)

    def compiled():
        return _query(db, "SELECT compile_date FROM gender_equality_report WHERE id = %s", (report_id,))[0][0]

    assert lines() == [] and compiled() is None
    blocker = Blocker(
        db, "SELECT 1 FROM gender_equality_report WHERE id = %s FOR NO KEY UPDATE", (report_id,)
    )
    compile_call = (on_nginx.call, REPORT, "action_compile", [report_id])
    killed, statement, written = _killed_call(node, blocker, *compile_call)
    print(f"\ncompilation killed at {statement.split('AS')[0]!r}, after writing {sorted(written)}")
    assert "UPDATE gender_equality_report" in statement
    assert "gender_equality_report_line" in written, written
    assert lines() == [] and compiled() is None

    _respawned(node, workers, killed)
    assert on_nginx.call(REPORT, "action_compile", [report_id]) is True
    first = lines()
    assert first and compiled()
    print(f"compiled again: {len(first)} lines")
    assert len({repr(line) for line in first}) == len(first)  # no line twice
    assert on_nginx.call(REPORT, "action_compile", [report_id]) is True
    assert lines() == first


def test_a_worker_killed_in_a_submission_leaves_a_draft(server, stack, draft_reports):
    """A unit submits its report: the call is stopped at the head's inbox notification, after
    it compiled the figures, submitted the report and opened its reviews, and its worker is
    killed. The report is still a draft, without lines, reviews, to-dos or messages; submitted
    again, it has its figures and one round of reviews; a third submission is refused."""
    url, db = server
    node, nginx = stack
    officer = Client(url, db, UNITS["CDC"][0])
    [year] = _free_years(db, 1)
    report_id = draft_reports(officer, "CDC", year)
    on_nginx = officer.on(nginx.url)
    workers = node.workers()
    before = _footprint(db, REPORT, [report_id])
    assert before[report_id][:2] == ("draft", [])
    register = _register(db, report_id)
    assert register, "the demo's report of the unit has a number: its register exists"

    blocker = Blocker(db, "LOCK TABLE mail_notification IN SHARE MODE")
    submission = (on_nginx.call, REPORT, "action_submit", [report_id])
    killed, statement, written = _killed_call(node, blocker, *submission)
    print(f"\nsubmission killed at {statement.split('(')[0]!r}, after writing {sorted(written)}")
    assert {
        "gender_equality_report",
        "gender_equality_report_line",
        "gender_equality_approval_review",
        "mail_activity",
        "mail_message",
    } <= written, written
    _assert_still_draft(db, report_id, before)
    assert _register(db, report_id) == register  # no number taken from the unit's register

    _respawned(node, workers, killed)
    assert on_nginx.call(REPORT, "action_submit", [report_id]) is True
    _assert_submitted_once(db, on_nginx, report_id, before)
    [(number,)] = _query(db, "SELECT document_number FROM gender_equality_report WHERE id = %s", (report_id,))
    assert number == f"{register:02d}/BC-CDC"  # the next number: none lost to the killed call


def _lines(db, report_id):
    """The figure lines of the report, sorted."""
    return sorted(
        _query(
            db,
            "SELECT section, key, name, value, source_ids FROM gender_equality_report_line "
            "WHERE report_id = %s",
            (report_id,),
        )
    )


def _register(db, report_id):
    """The next number of the register of report numbers of the report's unit (None before
    its first report)."""
    rows = _query(
        db,
        "SELECT s.number_next FROM ir_sequence s JOIN gender_equality_report r "
        "ON s.code = 'gender.equality.report.unit.' || r.unit_id WHERE r.id = %s",
        (report_id,),
    )
    return rows[0][0] if rows else None


def _assert_still_draft(db, report_id, before):
    assert _footprint(db, REPORT, [report_id]) == before
    assert _lines(db, report_id) == []


def _assert_submitted_once(db, officer, report_id, before):
    """The report is submitted with its figures and one round of reviews (the head's pending,
    the Department's waiting), its head notified once; submitting it again is refused."""
    after = _footprint(db, REPORT, [report_id])
    state, reviews, messages, notified, todos = after[report_id]
    assert state == "submitted"
    assert reviews == [("1", "10", "pending"), ("1", "20", "waiting")]
    assert todos == 1 and notified == 1
    assert _lines(db, report_id)
    with pytest.raises(RpcError, match="không thể gửi"):
        officer.call(REPORT, "action_submit", [report_id])
    assert _footprint(db, REPORT, [report_id]) == after


# ------------------------------------------------------------
# POSTGRESQL RESTARTED
# ------------------------------------------------------------


class Sessions:
    """Client sessions that call the node one call after the other, each in a thread, and
    record every call: ``(session, start, end, error)``. After an error a session, as a careful
    client, waits until the node says that its database answers
    (``/web/health?db_server_status=1``), then goes on."""

    def __init__(self, pool, health, sessions):
        self.health, self.calls, self.count = health, [], len(sessions)
        self.stop = threading.Event()
        self.loops = [pool.submit(self._loop, index, *session) for index, session in enumerate(sessions)]

    def _loop(self, index, client, model, method, args):
        while not self.stop.is_set():
            start = time.monotonic()
            try:
                client.call(model, method, *args)
                error = None
            except (RpcError, requests.RequestException) as exc:
                error = str(exc)
            self.calls.append((index, start, time.monotonic(), error))
            if error:
                wait_until(lambda: answers_200(self.health), TIMEOUT, "answer of the node's database")

    def wait_success(self, after, what):
        """Wait until every session made a successful call begun after ``after``."""
        wait_until(
            lambda: {call[0] for call in self.calls if not call[3] and call[1] > after}
            == set(range(self.count)),
            TIMEOUT,
            what,
        )

    def end(self):
        self.stop.set()
        for loop in self.loops:
            loop.result(timeout=RPC_TIMEOUT)
        return self.calls


def test_postgresql_restarted_under_client_sessions(server, stack, draft_reports):
    """Client sessions call the node through nginx while a submission waits at its last
    statements (held by a lock, so that it is certainly in flight); PostgreSQL restarts (fast:
    open sessions end, their transactions rolled back). The node and the e2e server answer
    again without anything done to them; the calls that failed are those in flight around the
    restart, at most one a session; the interrupted submission left a draft, which the client's
    retry submits once, and a second retry is refused."""
    url, db = server
    node, nginx = stack
    officer = Client(url, db, UNITS["TTYTTX"][0])
    [year] = _free_years(db, 1)
    report_id = draft_reports(officer, "TTYTTX", year)
    before = _footprint(db, REPORT, [report_id])
    clients = [
        (Client(url, db, DEPARTMENT).on(nginx.url), REPORT, "get_kpi_summary", (2026,)),
        (Client(url, db, UNITS["BVDKT"][0]).on(nginx.url), PLAN, "search_read", ([], ["state"])),
        (Client(url, db, UNITS["CDC"][0]).on(nginx.url), REPORT, "search_read", ([], ["state"])),
    ]
    e2e_admin = XmlRpc(url, db, "admin", "admin")
    assert e2e_admin.call("res.users", "search_count", [])  # its pool holds connections now

    blocker = Blocker(db, "LOCK TABLE mail_notification IN SHARE MODE")
    with concurrent.futures.ThreadPoolExecutor(1 + len(clients)) as pool:
        submission = pool.submit(officer.on(nginx.url).call, REPORT, "action_submit", [report_id])
        blocker.waiter()
        sessions = Sessions(pool, f"{nginx.url}/web/health?db_server_status=1", clients)
        try:
            sessions.wait_success(0, "a call of every session")
            restart_begin = time.monotonic()
            restart_postgresql()
            restart_end = time.monotonic()
            blocker.release()
            sessions.wait_success(restart_end, "a successful call of every session after the restart")
        finally:
            blocker.release()
            calls = sessions.end()
        with pytest.raises(RpcError) as interrupted:
            submission.result(timeout=TIMEOUT)
    failed = [call for call in calls if call[3]]
    in_flight = [call for call in failed if call[1] < restart_begin]
    print(
        f"\n{len(calls)} calls of {len(clients)} sessions, {len(failed)} failed ({len(in_flight)} in "
        f"flight when PostgreSQL stopped, {len(failed) - len(in_flight)} begun while it restarted, "
        f"in {restart_end - restart_begin:.1f} s): {sorted({call[3] for call in failed})}; "
        f"the submission: {interrupted.value}"
    )
    # Only calls in flight around the restart failed, at most one a session (after an error,
    # a session waits for the node's database); every call begun after it succeeded.
    assert all(start < restart_end and end > restart_begin for __, start, end, __ in failed), failed
    assert len(failed) == len({call[0] for call in failed}) <= len(clients), failed
    assert all(not call[3] for call in calls if call[1] > restart_end)
    # The e2e server recovers too, without a manual step.
    wait_until(lambda: _answers(e2e_admin), TIMEOUT, "answer of the e2e server after the restart")
    # The submission was rolled back; the client's retry submits it once, a second is refused.
    _assert_still_draft(db, report_id, before)
    assert officer.call(REPORT, "action_submit", [report_id]) is True
    _assert_submitted_once(db, officer, report_id, before)


def _answers(api):
    try:
        return api.call("res.users", "search_count", []) > 0
    except Exception:
        return False
