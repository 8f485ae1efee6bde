"""Production mode: the module under `odoo-bin --workers=2 --max-cron-threads=2`.

The test starts a second server on the e2e database (its command line comes from
GEP_ODOO_ARGV, which `make test` exports; ports: the e2e port + 50 for HTTP, + 53 for the gevent
process) and stops it at the end. While it runs, only the module's two reminder crons are
active, so that the cron workers run nothing else; the crons and the data the test adds are put
back afterwards for the other end-to-end tests. The digests it sends stay in their recipients'
inboxes, as after any night of crons (nobody may delete a notification addressed to others).
"""

import os
import tempfile
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from conftest import XmlRpc
from odoo_stack import OdooServer, answers_200, odoo_argv, tail, wait_until

PORT_OFFSET = 50  # from the e2e server's port; +3 for the gevent process, like Odoo's defaults
STARTUP_TIMEOUT = 120
# A cron worker sleeps up to 70 s between polls unless PostgreSQL wakes it (NOTIFY): the limit
# covers a missed wake-up.
CRON_TIMEOUT = 150
REMINDER_CRONS = (
    "gender_equality_report_cron_reminders",
    "ir_cron_gender_equality_corrective_action_reminder",
)
PARKED = "2099-01-01 00:00:00"


@pytest.fixture(scope="module")
def admin(xmlrpc_as):
    return xmlrpc_as("admin", "admin")


@pytest.fixture(scope="module")
def reminder_crons(admin):
    """The module's reminder crons, parked in the future; every other cron inactive meanwhile."""
    data = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", "gender_equality_plan"), ("model", "=", "ir.cron"), ("name", "in", REMINDER_CRONS)],
        ["res_id"],
    )
    ours = sorted(row["res_id"] for row in data)
    assert len(ours) == len(REMINDER_CRONS)
    saved = admin.call("ir.cron", "read", ours, ["nextcall", "active"])
    assert all(cron["active"] for cron in saved)
    others = admin.call("ir.cron", "search", [("active", "=", True), ("id", "not in", ours)])
    admin.call("ir.cron", "write", others, {"active": False})
    admin.call("ir.cron", "write", ours, {"nextcall": PARKED})
    yield ours
    admin.call("ir.cron", "write", others, {"active": True})
    for cron in saved:
        admin.call("ir.cron", "write", [cron["id"]], {"nextcall": cron["nextcall"]})


@pytest.fixture(scope="module")
def workers_server(server, reminder_crons):
    http_port = urlsplit(server[0]).port + PORT_OFFSET
    results = Path(os.environ.get("GEP_RESULTS") or tempfile.mkdtemp(prefix="gep-workers-"))
    # Odoo's own switch: a change of a cron's nextcall wakes the cron workers (PostgreSQL
    # NOTIFY) instead of waiting for their next poll.
    node = OdooServer(
        odoo_argv(),
        http_port,
        results,
        name="odoo-workers-server",
        options=("--workers=2", "--max-cron-threads=2", "--log-level=info"),
        env={"ODOO_NOTIFY_CRON_CHANGES": "1"},
    )
    with node:
        yield node


def test_http_workers_and_gevent_process_answer(workers_server):
    """The HTTP workers and the gevent process (live notifications) both answer; the gevent
    process used to crash at start, in a loop, on the setuptools bundled with Python."""
    server = workers_server
    assert answers_200(f"{server.url}/web/health")
    wait_until(
        lambda: answers_200(f"{server.gevent_url}/websocket/health"),
        STARTUP_TIMEOUT,
        "answer of the gevent process on /websocket/health",
        server.process,
        server.output,
    )
    for path in (server.log, server.output):
        text = Path(path).read_text(errors="replace")
        assert "Traceback" not in text, tail(path)
    assert "Evented Service (longpolling) running" in Path(server.log).read_text()


@pytest.fixture
def report_reminders_due(admin):
    """The deadline of this year's reports 7 days away (Thanh Hóa date): reminders are due
    (30, 14, 7 and 1 days before). Yields the year."""
    year = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date().year
    period = "gender.equality.report.period"
    deadline = (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=7)).isoformat()
    [existing] = admin.call(period, "search_read", [("year", "=", year)], ["deadline"]) or [None]
    if existing:
        admin.call(period, "write", [existing["id"]], {"deadline": deadline})
    else:
        period_id = admin.call(period, "create", {"year": year, "deadline": deadline})
    yield year
    if existing:
        admin.call(period, "write", [existing["id"]], {"deadline": existing["deadline"]})
    else:
        admin.call(period, "unlink", [period_id])


@pytest.fixture
def corrective_action_due(admin):
    """A corrective action of the provincial hospital due in 7 days, with a responsible: a
    reminder is due. Yields the responsible's partner."""
    [unit_id] = admin.call("gender.equality.unit", "search", [("code", "=", "BVDKT")])
    [inspection_id] = admin.call("gender.equality.inspection", "search", [("unit_id", "=", unit_id)], limit=1)
    [responsible] = admin.call("res.users", "search_read", [("login", "=", "canbo.bvdk")], ["partner_id"])
    deadline = (datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date() + timedelta(days=7)).isoformat()
    action_id = admin.call(
        "gender.equality.corrective.action",
        "create",
        {
            "name": "Workers e2e: corrective action due in 7 days",
            "unit_id": unit_id,
            "inspection_id": inspection_id,
            "responsible_id": responsible["id"],
            "deadline": deadline,
        },
    )
    yield responsible["partner_id"][0]
    admin.call("gender.equality.corrective.action", "unlink", [action_id])


def test_two_cron_workers_send_each_digest_once(
    server, admin, reminder_crons, workers_server, report_reminders_due, corrective_action_due
):
    """Two cron workers wake up at the same moment with both reminder crons due: each digest
    reaches each recipient once.

    Odoo makes a cron worker lock the job row it runs (``ir.cron._acquire_one_job``: ``FOR NO
    KEY UPDATE SKIP LOCKED``, then the next ``nextcall``), so another worker skips it. Shown
    here with the real thing rather than with two cursors in an Odoo test case: real processes,
    real connections and committed data (an Odoo test case shares one uncommitted transaction
    and may not commit). What is deterministic is the outcome, whichever worker runs which job:
    each cron runs once, every (recipient, digest) pair occurs once, and the recipients the
    crons owe a digest have one. The crons are made due through the workers server itself,
    whose ODOO_NOTIFY_CRON_CHANGES wakes both cron workers at once, so that they race for the
    jobs. Who gets which digest is tested in the module's tests (test_report_reminder,
    test_corrective_action_reminder).
    """
    db = server[1]
    expected_reminded = _members_of_units_owing_report(admin, report_reminders_due)
    assert expected_reminded, "no unit owes its report: nothing to remind"
    odoobot = admin.call(
        "ir.model.data", "search_read", [("module", "=", "base"), ("name", "=", "partner_root")], ["res_id"]
    )
    odoobot = odoobot[0]["res_id"]
    [marker] = admin.call("mail.message", "search", [], limit=1, order="id desc") or [0]
    before = {
        cron["id"]: cron["lastcall"] for cron in admin.call("ir.cron", "read", reminder_crons, ["lastcall"])
    }

    XmlRpc(workers_server.url, db, "admin", "admin").call(
        "ir.cron", "write", reminder_crons, {"nextcall": "2000-01-01 00:00:00"}
    )

    def both_crons_done():
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        crons = admin.call("ir.cron", "read", reminder_crons, ["lastcall", "nextcall"])
        return all(cron["lastcall"] != before[cron["id"]] and cron["nextcall"] > now for cron in crons)

    wait_until(
        both_crons_done,
        CRON_TIMEOUT,
        "run of both reminder crons",
        workers_server.process,
        workers_server.log,
    )
    runs = [line for line in Path(workers_server.log).read_text().splitlines() if ") starting" in line]
    assert len(runs) == len(REMINDER_CRONS), "\n".join(runs)  # each cron once, and nothing else
    notified, digests = _digests_by_recipient(admin, server, marker, odoobot)
    assert notified and set(notified.values()) == {1}, f"a message notified twice: {notified}"
    twice = {partner: subjects for partner, subjects in digests.items() if set(subjects.values()) != {1}}
    assert not twice, f"digests received more than once: {twice}"
    assert sum(sum(subjects.values()) for subjects in digests.values()) == len(notified)
    assert expected_reminded <= digests.keys(), "report reminders missing"
    assert corrective_action_due in digests, "corrective-action reminder missing"


def _digests_by_recipient(admin, server, marker, odoobot):
    """The digests sent since message ``marker``: ``Counter`` of (recipient, message) over their
    notifications, as the administrator sees them, and each recipient's ``Counter`` of subjects,
    as the recipient reads them (the administrator may not read what is addressed to others)."""
    notifications = admin.call(
        "mail.notification",
        "search_read",
        [("mail_message_id", ">", marker), ("author_id", "=", odoobot)],
        ["res_partner_id", "mail_message_id"],
    )
    notified = Counter((n["res_partner_id"][0], n["mail_message_id"][0]) for n in notifications)
    partners = sorted({partner for partner, __ in notified})
    users = admin.call("res.users", "search_read", [("partner_id", "in", partners)], ["login", "partner_id"])
    digests = {}
    for user in users:
        partner = user["partner_id"][0]
        recipient = XmlRpc(*server, user["login"], user["login"])  # demo users: password = login
        messages = recipient.call(
            "mail.message",
            "search_read",
            [("id", ">", marker), ("author_id", "=", odoobot), ("partner_ids", "in", [partner])],
            ["subject"],
        )
        digests[partner] = Counter(message["subject"] for message in messages)
    return notified, digests


def _members_of_units_owing_report(admin, year):
    """Partners of the internal users of the units that report to the Department (reporting
    duty) and whose report of ``year`` has not reached it (not received, or returned by the
    Department and not sent again)."""
    units = admin.call(
        "gender.equality.unit", "search_read", [("has_reporting_duty", "=", True)], ["user_ids"]
    )
    submitted = admin.call(
        "gender.equality.report",
        "search_read",
        [
            ("year", "=", year),
            ("state", "!=", "cancelled"),
            ("timeliness_date", "!=", False),
            ("awaiting_resubmission", "=", False),
        ],
        ["unit_id"],
    )
    submitted_units = {report["unit_id"][0] for report in submitted}
    user_ids = {user for unit in units if unit["id"] not in submitted_units for user in unit["user_ids"]}
    users = admin.call(
        "res.users", "search_read", [("id", "in", sorted(user_ids)), ("share", "=", False)], ["partner_id"]
    )
    return {user["partner_id"][0] for user in users}
