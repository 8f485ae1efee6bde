"""The deadline week under load (issue 20): sessions that behave like the module's users,
through nginx configured as the README's Deployment section, in front of Odoo's multi-process
server, on a generated database (``bench/generate.py``).

    python bench/loadtest.py --sessions 50 100 300 --duration 180 <Odoo options with -d DB>

``bench/loadtest.sh`` (``make loadtest``) copies the benchmark's database first and runs this on
the copy: the run changes it (reports submitted, activities done, evidence uploaded).

Steps, in one process that starts and watches the others:

1. ``prepare`` (a child process with Odoo's ORM, as superuser, in one transaction): picks the
   units of every level (disjoint sets, so that each level starts from the same state), deletes
   their reports of the year (the deadline week: their officers still have to write them),
   creates the Department's extra users, and writes one known password on every user of the
   run (one hash, one ``UPDATE``: PBKDF2 at Odoo's 600,000 rounds costs about 0.5 s per user).
2. Odoo with ``--workers`` and the README's production options, nginx with the README's block
   (``dev/odoo_stack.py``), on free local ports.
3. For each level: client processes (``client``, plain ``requests``, one thread and one HTTP
   session with its cookie per simulated user) log their sessions in, then all start together
   and work for ``--duration`` seconds with think time between actions; meanwhile the CPU of
   Odoo, PostgreSQL, nginx and the clients, the machine's load and ``pg_stat_activity`` are
   sampled. After the level, the integrity check compares what the clients believe they
   submitted with the database.
4. The curve, printed as a Markdown table and written to ``bench/loadtest-results.json``.

The scenario of each role (``Session.run_*``) calls what Odoo 18's web client calls for the
same clicks: ``/web/action/load``, ``get_views`` (once per session: the client caches views),
``onchange`` of *My work*, ``web_search_read`` of the lists as the list views ask them,
``web_read``/``web_save`` of the forms, ``/web/dataset/call_button`` for the buttons, the
attachment upload of the ``many2many_binary`` widget, ``/mail/data`` and ``/report/download``.
"""

import argparse
import json
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import requests

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "dev"))
sys.path.insert(0, str(BENCH))

from common import DEPARTMENT_OFFICER, MARKER, YEAR  # noqa: E402

RESULTS = BENCH / "loadtest-results.json"
PASSWORD = "loadtest-2026"
DEPARTMENT_LOGIN = "load.sogd{:02d}"
LEVELS = (50, 100, 200, 300, 500)
# Of a level's sessions: a Department user for 50 (the Department of Health is an office of a
# few people), a head of unit for 10 (heads approve; officers do the work), officers the rest.
DEPARTMENT_SHARE = 0.02
HEAD_SHARE = 0.10
# A user reads the screen, types, thinks: seconds between two actions (uniform).
THINK = (5.0, 15.0)
# Targets of issue 20: p95 of the unit calls and of the Department's KPI and XLSX, in seconds.
TARGETS = {"unit": 1.0, "department_kpi_xlsx": 2.0}
TIMEOUT = 180  # seconds per HTTP call (above Odoo's limit_time_real of 120 s)
WEB_CONTEXT = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
LIST_LIMIT = 80
COUNT_LIMIT = 10001
SAMPLE_EVERY = 2.0
# Think times of the officer's scenario from its first screen to its submission (with a margin).
OFFICER_STEPS = 10
# Think times of the Department's cycle: the consolidation, the KPI summary, the XLSX, three
# reports accepted.
DEPARTMENT_STEPS = 6
# Kinds of calls (the role of the session decides the group: officers' and heads' calls are
# "unit"; the Department's consolidation, KPI and XLSX are "department_kpi_xlsx").
DEPARTMENT_HEAVY = {"consolidation", "kpi_summary", "xlsx"}
MODULE = "gender_equality_plan"
CONSOLIDATION = "gender.equality.consolidation"


# ------------------------------------------------------------
# PREPARE (Odoo's ORM, as superuser)
# ------------------------------------------------------------


def composition(sessions):
    """``(officers, heads, department)`` of a level of ``sessions``."""
    department = max(1, round(sessions * DEPARTMENT_SHARE))
    heads = max(1, round(sessions * HEAD_SHARE)) if sessions > 2 else 0
    return sessions - heads - department, heads, department


def prepare(env, levels, seed):
    """Pick the units of every level, reset their reports of the year, create the Department's
    users, set the run's password; return the plan of the run (what the clients need)."""
    Users = env["res.users"].with_context(active_test=False)
    officers = {
        user.login: user
        for user in Users.search([("login", "=like", "cb.%"), ("share", "=", False)], order="id")
    }
    # Units of an officer and a head, with an activity still to carry out in their plan of the year.
    cr = env.cr
    cr.execute(
        """
        SELECT DISTINCT p.unit_id FROM gender_equality_task t
          JOIN gender_equality_plan p ON p.id = t.plan_id
         WHERE p.year = %s AND p.state = 'approved' AND t.state IN ('planned', 'in_progress')
        """,
        [YEAR],
    )
    workable = {row[0] for row in cr.fetchall()}
    candidates = []
    for login, officer in officers.items():
        unit = officer.gep_unit_ids[:1]
        head = f"gd.{login[3:]}"
        if unit.id in workable and unit.has_reporting_duty:
            candidates.append((unit.id, login, head))
    rng = random.Random(seed)
    rng.shuffle(candidates)
    plan, used_units, logins = [], [], set()
    department_max = 0
    for sessions in levels:
        officer_count, head_count, department_count = composition(sessions)
        if len(candidates) < officer_count:
            raise SystemExit(f"Not enough units for {sessions} sessions ({len(candidates)} left).")
        chosen, candidates = candidates[:officer_count], candidates[officer_count:]
        department = [DEPARTMENT_LOGIN.format(index + 1) for index in range(department_count)]
        department_max = max(department_max, department_count)
        level = {
            "sessions": sessions,
            "officers": [{"login": login, "unit_id": unit} for unit, login, __ in chosen],
            "heads": [{"login": head, "unit_id": unit} for unit, __, head in chosen[:head_count]],
            "department": [
                {"login": login, "index": i, "of": department_count} for i, login in enumerate(department)
            ],
        }
        plan.append(level)
        used_units += [unit for unit, __, __ in chosen]
        logins |= {login for __, login, __ in chosen} | {head for __, __, head in chosen[:head_count]}
        logins |= set(department)
    reset_reports(env, used_units)
    drop_mail_backlog(env)
    leave_generator_documents(env)
    create_department_users(env, department_max)
    write_password(env, sorted(logins))
    env.cr.commit()
    return {"levels": plan, "year": YEAR, "password": PASSWORD}


def reset_reports(env, unit_ids):
    """Delete the reports of the year of ``unit_ids`` (as superuser: users may not delete a
    report with a history), with their supplements and review rows: their officers write them
    again during the run, as in the week before the deadline."""
    Report = env["gender.equality.report"].with_context(active_test=False)
    reports = Report.search([("unit_id", "in", unit_ids), ("year", "=", YEAR)])
    supplements = env["gender.equality.report.supplement"].search([("report_id", "in", reports.ids)])
    Review = env["gender.equality.approval.review"]
    Review.search(
        [
            "|",
            "&",
            ("res_model", "=", Report._name),
            ("res_id", "in", reports.ids),
            "&",
            ("res_model", "=", supplements._name),
            ("res_id", "in", supplements.ids),
        ]
    ).unlink()
    supplements.unlink()
    reports.unlink()
    print(
        f"  reset: {len(reports)} reports and {len(supplements)} supplements of {len(unit_ids)} units",
        flush=True,
    )


def drop_mail_backlog(env):
    """The generator leaves a year of notification e-mails queued (it has no mail server); a
    real server sent them as they came. Left queued, the mail queue's cron would spend the run
    on them (minutes of CPU, killed at ``limit_time_real``): they are cancelled. The e-mails
    the run itself queues stay."""
    env.cr.execute("UPDATE mail_mail SET state = 'cancel' WHERE state IN ('outgoing', 'exception')")
    print(f"  mail queue: {env.cr.rowcount} e-mails of the generator cancelled", flush=True)


def leave_generator_documents(env):
    """The generator makes a year of final records with ``issue_documents = on_print``: their
    PDFs are produced at their first print, and the background job leaves them. A country
    generated before the documents recorded that mode (``issue_mode`` empty) gets it here; else
    the job would spend the run on some 10,000 PDFs that nobody asked for, and produce the run's
    own only after them."""
    env.cr.execute(
        "UPDATE gender_equality_document SET issue_mode = 'on_print'"
        " WHERE state = 'pending' AND issue_mode IS NULL"
    )
    print(f"  documents: {env.cr.rowcount} of the generator left for their first print", flush=True)


def create_department_users(env, count):
    """Department users like the generator's Department officer, ``load.sogdNN``."""
    Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True, active_test=False)
    model = Users.search([("login", "=", DEPARTMENT_OFFICER)])
    existing = set(Users.search([("login", "=like", "load.sogd%")]).mapped("login"))
    vals_list = [
        {
            "name": f"Cán bộ Sở Y tế {index + 1:02d}",
            "login": DEPARTMENT_LOGIN.format(index + 1),
            "email": f"{DEPARTMENT_LOGIN.format(index + 1)}@benchmark.example.vn",
            "lang": "vi_VN",
            "tz": "Asia/Ho_Chi_Minh",
            "groups_id": [(6, 0, model.groups_id.ids)],
            "gep_unit_ids": [(6, 0, model.gep_unit_ids.ids)],
        }
        for index in range(count)
        if DEPARTMENT_LOGIN.format(index + 1) not in existing
    ]
    if vals_list:
        Users.create(vals_list)


def write_password(env, logins):
    """One PBKDF2 hash of the run's password, written on every user of the run at once."""
    hashed = env["res.users"]._crypt_context().hash(PASSWORD)
    env.cr.execute(
        "UPDATE res_users SET password = %s, active = true WHERE login = ANY(%s)", [hashed, logins]
    )
    if env.cr.rowcount != len(logins):
        raise SystemExit(f"{len(logins) - env.cr.rowcount} users of the run are missing.")


def prepare_main(argv):
    parser = argparse.ArgumentParser(description="Prepare the load test's database.")
    parser.add_argument("--levels", type=int, nargs="+", required=True)
    parser.add_argument("--seed", type=int, default=YEAR)
    parser.add_argument("--output", type=Path, required=True)
    options, odoo_args = parser.parse_known_args(argv)
    from common import odoo_env

    with odoo_env(odoo_args) as env:
        if not env["ir.config_parameter"].get_param(MARKER):
            raise SystemExit(f"{env.cr.dbname} holds no generated data (bench/generate.py).")
        result = prepare(env, options.levels, options.seed)
    options.output.write_text(json.dumps(result))


# ------------------------------------------------------------
# CLIENT (one process: one thread per simulated user)
# ------------------------------------------------------------


class CallFailed(Exception):
    pass


def view_spec(arch, fields):
    """The ``web_read`` specification of a view: every field of its arch (not those of its
    embedded sub-views), relational ones with their display name, as the web client asks."""
    spec = {}
    root = ElementTree.fromstring(arch)

    def walk(node):
        for child in node:
            if child.tag == "field":
                name = child.get("name")
                if name in fields:
                    relational = fields[name]["type"] in ("many2one", "many2many", "one2many")
                    spec[name] = {"fields": {"display_name": {}}} if relational else {}
                continue  # a field's children are its sub-view
            walk(child)

    walk(root)
    return spec


class Session:
    """One simulated user: a ``requests`` session (its cookie), its role's scenario, and the
    record of every call it makes (``events``)."""

    def __init__(self, base_url, db, user, role, rng, events, think):
        self.base, self.db = base_url, db
        self.user, self.role = user, role
        self.login = user["login"]
        self.rng = rng
        self.events = events
        self.think_range = think
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "gep-loadtest"
        self.context = dict(WEB_CONTEXT)
        self.views = {}
        self.csrf = None
        self.submitted = []  # report ids this user saw submitted
        self.uncertain = []  # report ids whose submission failed or timed out on the wire
        self.approved = []
        self.deadline = None
        self.request_id = 0

    # -- plumbing -------------------------------------------------

    def record(self, kind, start, duration, error=None):
        self.events.append((round(start, 3), kind, self.role, round(duration, 4), error))

    def http_call(self, kind, method, path, **kwargs):
        start = time.time()
        t0 = time.monotonic()
        error = None
        response = None
        try:
            response = self.http.request(method, self.base + path, timeout=TIMEOUT, **kwargs)
            if response.status_code != 200:
                error = f"HTTP {response.status_code} {path.split('?')[0]}"
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {str(exc)[:160]}"
        self.record(kind, start, time.monotonic() - t0, error)
        if error:
            raise CallFailed(error)
        return response

    def rpc(self, kind, path, params):
        self.request_id += 1
        body = {"jsonrpc": "2.0", "method": "call", "params": params, "id": self.request_id}
        start = time.time()
        t0 = time.monotonic()
        error = result = None
        try:
            response = self.http.post(self.base + path, json=body, timeout=TIMEOUT)
            if response.status_code != 200:
                error = f"HTTP {response.status_code} {path}"
            else:
                data = response.json()
                if "error" in data:
                    info = data["error"].get("data") or {}
                    error = f"{info.get('name', 'error')}: {str(info.get('message', data['error']))[:200]}"
                else:
                    result = data.get("result")
        except (requests.RequestException, ValueError) as exc:
            error = f"{type(exc).__name__}: {str(exc)[:160]}"
        self.record(kind, start, time.monotonic() - t0, error)
        if error:
            raise CallFailed(error)
        return result

    def call_kw(self, kind, model, method, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        kwargs["context"] = {**self.context, **kwargs.get("context", {})}
        return self.rpc(
            kind,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def button(self, kind, model, method, ids, context=None):
        return self.rpc(
            kind,
            f"/web/dataset/call_button/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": {**self.context, **(context or {})}},
            },
        )

    def think(self):
        """Wait as a user reading the screen; False once the run is over."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            return False
        time.sleep(min(self.rng.uniform(*self.think_range), remaining))
        return time.monotonic() < self.deadline

    def spec(self, model, view_type, kind="views"):
        """The view's ``web_read`` specification, from ``get_views`` the first time."""
        key = (model, view_type)
        if key not in self.views:
            views = self.call_kw(
                kind,
                model,
                "get_views",
                [],
                {"views": [[False, view_type]], "options": {"load_filters": True}},
            )
            arch = views["views"][view_type]["arch"]
            self.views[key] = view_spec(arch, views["models"][model]["fields"])
        return self.views[key]

    def load_action(self, xmlid):
        return self.rpc("action", "/web/action/load", {"action_id": xmlid, "context": self.context})

    # -- opening the application ------------------------------------

    def log_in(self):
        info = self.rpc(
            "login",
            "/web/session/authenticate",
            {"db": self.db, "login": self.login, "password": PASSWORD},
        )
        self.context.update(uid=info["uid"], allowed_company_ids=[info["user_companies"]["current_company"]])
        self.uid = info["uid"]
        # The web client's page (its csrf token serves the uploads and downloads), its menus and
        # the messaging store.
        page = self.http_call("webclient", "GET", "/odoo")
        match = re.search(r'csrf_token: "([0-9a-f]+o?[0-9]*)"', page.text)
        self.csrf = match and match.group(1)
        menus_hash = (info.get("cache_hashes") or {}).get("load_menus", "x")
        self.http_call("webclient", "GET", f"/web/webclient/load_menus/{menus_hash}")
        self.rpc(
            "webclient",
            "/mail/data",
            {
                "init_messaging": {},
                "failures": True,
                "systray_get_activities": True,
                "context": self.context,
            },
        )

    def home(self):
        """*My work*: the action, the form's view, the new record's onchange (computed afresh)."""
        self.load_action(f"{MODULE}.gender_equality_home_action")
        spec = self.spec("gender.equality.home", "form")
        result = self.call_kw("home", "gender.equality.home", "onchange", [[], {}, [], spec])
        return result["value"]

    def home_button(self, method, kind):
        """A button of *My work*: the client saves the new record first, then calls it."""
        [record] = self.call_kw(kind, "gender.equality.home", "web_save", [[], {}], {"specification": {}})
        return self.button(kind, "gender.equality.home", method, [record["id"]])

    def task_list(self, page, domain=()):
        spec = self.spec("gender.equality.task", "list")
        return self.call_kw(
            "task_list",
            "gender.equality.task",
            "web_search_read",
            [],
            {
                "specification": spec,
                "domain": list(domain),
                "offset": page * LIST_LIMIT,
                "limit": LIST_LIMIT,
                "order": "",
                "count_limit": COUNT_LIMIT,
            },
        )

    def report_list(self, domain):
        spec = self.spec("gender.equality.report", "list")
        return self.call_kw(
            "report_list",
            "gender.equality.report",
            "web_search_read",
            [],
            {
                "specification": spec,
                "domain": domain,
                "offset": 0,
                "limit": LIST_LIMIT,
                "order": "",
                "count_limit": COUNT_LIMIT,
            },
        )

    def read_form(self, kind, model, record_id):
        spec = self.spec(model, "form")
        return self.call_kw(kind, model, "web_read", [[record_id]], {"specification": spec})[0]

    # -- scenarios ----------------------------------------------------

    def browse(self):
        """What a user does between two tasks: *My work*, or a page of the activities."""
        if self.rng.random() < 0.5:
            self.home()
        else:
            self.task_list(self.rng.randint(0, 2))

    def run_officer(self):
        """*My work*, two pages of the activities, one carried out with its evidence, then the
        report: made from *My work*, written, compiled, submitted; then the officer keeps
        looking at *My work* and the activities.

        Officers do not all start their report in the same minute: each first browses for a
        random number of actions (``user["lead"]``, drawn so that the submissions spread evenly
        over the measured window and still end within it)."""
        self.home()
        if not self.think():
            return
        for __ in range(self.rng.randint(0, self.user.get("lead", 0))):
            self.browse()
            if not self.think():
                return
        self.load_action(f"{MODULE}.gender_equality_task_action")
        self.task_list(0)
        if not self.think():
            return
        self.task_list(1)
        if not self.think():
            return
        # The "to do" activities of the unit: the first one is carried out.
        todo = self.task_list(
            0, [("state", "in", ["planned", "in_progress"]), ("unit_id", "=", self.user["unit_id"])]
        )
        if todo["records"]:
            task_id = todo["records"][0]["id"]
            task = self.read_form("task_form", "gender.equality.task", task_id)
            if not self.think():
                return
            self.carry_out(task)
            if not self.think():
                return
        self.write_and_submit_report()
        while self.think():
            self.browse()

    def carry_out(self, task):
        """Upload the evidence (the form's ``many2many_binary`` widget), save the execution, mark
        the activity done (the button), read the form again."""
        model = "gender.equality.task"
        content = b"%PDF-1.4\n% Bien ban hoat dong - loadtest " + self.login.encode() + b"\n%%EOF\n"
        response = self.http_call(
            "upload",
            "POST",
            "/web/binary/upload_attachment",
            data={"model": model, "id": str(task["id"]), "csrf_token": self.csrf or ""},
            files={"ufile": (f"bien-ban-{self.login}.pdf", content, "application/pdf")},
        )
        match = re.search(r'"id": (\d+)', response.text)
        if not match:
            self.record("upload", time.time(), 0, "upload: no attachment id in the answer")
            return
        day = datetime.now().date().isoformat()
        values = {
            "actual_date_start": day,
            "actual_date_end": day,
            "participants_male": self.rng.randint(5, 40),
            "participants_female": self.rng.randint(5, 60),
            "actual_cost": 1500000,
            "attachment_ids": [[4, int(match.group(1))]],
        }
        spec = self.spec(model, "form")
        self.call_kw("task_save", model, "web_save", [[task["id"]], values], {"specification": spec})
        self.button("task_done", model, "action_done", [task["id"]], {"gep_feedback": True})
        self.read_form("task_form", model, task["id"])

    def write_and_submit_report(self):
        model = "gender.equality.report"
        action = self.home_button("action_create_report", "report_new")
        context = (action or {}).get("context") or {}
        if action.get("res_model") != model or "default_unit_id" not in context:
            # The report exists already (a retry): find it in the list.
            reports = self.report_list([("unit_id", "=", self.user["unit_id"]), ("year", "=", YEAR)])
            report_id = reports["records"][0]["id"] if reports["records"] else None
        else:
            spec = self.spec(model, "form")
            values = self.call_kw("report_new", model, "onchange", [[], {}, [], spec], {"context": context})[
                "value"
            ]
            if not self.think():
                return
            values = {key: value for key, value in values.items() if key in ("unit_id", "year")}
            values["unit_id"] = values.get("unit_id") or context["default_unit_id"]
            if isinstance(values["unit_id"], dict):
                values["unit_id"] = values["unit_id"]["id"]
            values.update(
                direction="<p>Ban hành kế hoạch, phân công cán bộ phụ trách.</p>",
                results="<p>Tổ chức các hoạt động truyền thông theo kế hoạch năm.</p>",
                recommendations="<p>Đề nghị Sở Y tế tổ chức tập huấn.</p>",
            )
            [record] = self.call_kw(
                "report_save", model, "web_save", [[], values], {"specification": spec, "context": context}
            )
            report_id = record["id"]
        if not report_id:
            return
        self.button("report_compile", model, "action_compile", [report_id], {"gep_feedback": True})
        self.read_form("report_form", model, report_id)
        if not self.think():
            return
        self.submit(report_id)

    def submit(self, report_id, retry=True):
        """The Submit button (with its confirmation when the module asks one). A submission whose
        answer was lost is checked on the form and clicked again if still a draft, as a user would."""
        model = "gender.equality.report"
        try:
            result = self.button(
                "report_submit",
                model,
                "action_submit",
                [report_id],
                {"gep_confirm": True, "gep_feedback": True},
            )
            if isinstance(result, dict) and result.get("res_model") == "gender.equality.confirm.wizard":
                wizard_model = result["res_model"]
                context = result.get("context") or {}
                spec = self.spec(wizard_model, "form", "report_submit")
                self.call_kw(
                    "report_submit", wizard_model, "onchange", [[], {}, [], spec], {"context": context}
                )
                [wizard] = self.call_kw(
                    "report_submit",
                    wizard_model,
                    "web_save",
                    [[], {}],
                    {"specification": {}, "context": context},
                )
                self.button("report_submit", wizard_model, "action_confirm", [wizard["id"]], context)
            self.submitted.append(report_id)
        except CallFailed:
            self.uncertain.append(report_id)
            if not retry:
                return
            time.sleep(self.rng.uniform(*self.think_range))
            try:
                state = self.read_form("report_form", model, report_id)["state"]
            except CallFailed:
                return
            if state in ("draft", "returned"):
                self.submit(report_id, retry=False)
            elif state in ("submitted", "accepted"):
                self.submitted.append(report_id)

    def run_head(self):
        """*My work*, then the reports waiting for the head: open one, read it, approve it."""
        self.home()
        while self.think():
            waiting = self.report_list([("can_approve", "=", True)])
            if not waiting["records"]:
                if self.think():
                    self.home()
                continue
            report_id = waiting["records"][0]["id"]
            self.read_form("report_form", "gender.equality.report", report_id)
            if not self.think():
                return
            try:
                self.button(
                    "approve", "gender.equality.report", "action_approve", [report_id], {"gep_feedback": True}
                )
                self.approved.append(report_id)
            except CallFailed:
                pass

    def run_department(self):
        """*My work*; the consolidation (its form computes the summary), the KPI summary, the
        consolidated XLSX; the reports waiting for the Department, accepted one at a time (each
        Department user takes its share: ``id % of == index``).

        The Department's users do not all open the consolidation in the same minute: each starts
        its cycle at its own step (``index``), accepting reports first, so that their cycles spread
        over one cycle as the officers' submissions spread over the window."""
        self.home()
        for __ in range(self.user["index"] * DEPARTMENT_STEPS // self.user["of"]):
            if not self.think():
                return
            self.accept_one()
        while self.think():
            action = self.home_button("action_open_consolidation", "consolidation_open")
            context = action.get("context") or {}
            # A new record, computed by its onchange (read-only), as the web client opens it.
            spec = self.spec(CONSOLIDATION, "form")
            self.call_kw("consolidation", CONSOLIDATION, "onchange", [[], {}, [], spec], {"context": context})
            if not self.think():
                return
            self.call_kw("kpi_summary", "gender.equality.report", "get_kpi_summary", [YEAR])
            if not self.think():
                return
            # The XLSX button of a new record: the web client saves it first.
            save = {"specification": {}, "context": context}
            [consolidation] = self.call_kw("consolidation_save", CONSOLIDATION, "web_save", [[], {}], save)
            self.download_xlsx(consolidation["id"])
            for __ in range(3):
                if not self.think():
                    return
                self.accept_one()

    def download_xlsx(self, consolidation_id):
        report = self.button("xlsx_action", CONSOLIDATION, "action_export_xlsx", [consolidation_id])
        url = f"/report/xlsx/{report['report_name']}/{consolidation_id}"
        response = self.http_call(
            "xlsx",
            "POST",
            "/report/download",
            data={
                "data": json.dumps([url, "xlsx"]),
                "context": json.dumps(self.context),
                "token": "dummy-because-api-expects-one",
                "csrf_token": self.csrf or "",
            },
        )
        if not response.content.startswith(b"PK"):
            self.record("xlsx", time.time(), 0, "xlsx: the download is not a workbook")

    def accept_one(self):
        waiting = self.report_list([("can_approve", "=", True)])
        mine = [row["id"] for row in waiting["records"] if row["id"] % self.user["of"] == self.user["index"]]
        if not mine:
            return
        report_id = mine[0]
        self.read_form("report_form", "gender.equality.report", report_id)
        try:
            self.button(
                "accept", "gender.equality.report", "action_approve", [report_id], {"gep_feedback": True}
            )
            self.approved.append(report_id)
        except CallFailed:
            pass

    def run(self):
        scenario = {"officer": self.run_officer, "head": self.run_head, "department": self.run_department}[
            self.role
        ]
        try:
            scenario()
        except CallFailed:
            # A failed call is recorded; the user reloads the page and goes on with the next thing.
            while self.think():
                try:
                    self.home()
                except CallFailed:
                    continue
        except Exception as exc:
            self.record("client", time.time(), 0, f"client: {type(exc).__name__}: {exc}"[:200])


def client_main(argv):
    """Run the sessions of ``--config`` (JSON): log them in (at most ``login_concurrency`` at a
    time), write ``ready``, wait for the ``go`` file, run the scenarios, write the events."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, required=True)
    options = parser.parse_args(argv)
    config = json.loads(options.config.read_text())
    events = []
    sessions = [
        Session(
            config["url"],
            config["db"],
            user,
            user["role"],
            random.Random(config["seed"] * 1000 + index),
            events,
            tuple(config["think"]),
        )
        for index, user in enumerate(config["users"])
    ]
    gate = threading.Semaphore(config["login_concurrency"])
    logged = []

    def log_in(session):
        with gate:
            try:
                session.log_in()
                logged.append(session)
            except CallFailed:
                pass

    threads = [threading.Thread(target=log_in, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    Path(config["ready"]).write_text(str(len(logged)))
    go = Path(config["go"])
    while not go.exists():
        time.sleep(0.1)
    start = float(go.read_text())
    deadline = time.monotonic() + (start + config["duration"] - time.time())

    def work(session):
        # Users do not all click at the same second: each starts somewhere within a first think
        # time, up to the longest one (a user met at a random moment is that far from the next click).
        time.sleep(max(0.0, start - time.time()) + session.rng.uniform(0, config["think"][1]))
        session.deadline = deadline
        session.run()

    threads = [threading.Thread(target=work, args=(session,)) for session in logged]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    usage = os.times()
    Path(config["output"]).write_text(
        json.dumps(
            {
                "events": events,
                "logged_in": len(logged),
                "submitted": [rid for s in sessions for rid in s.submitted],
                "uncertain": [rid for s in sessions for rid in s.uncertain],
                "approved": [rid for s in sessions for rid in s.approved],
                "cpu_s": round(usage.user + usage.system, 2),
            }
        )
    )


# ------------------------------------------------------------
# SAMPLING (CPU per process group, load, pg_stat_activity)
# ------------------------------------------------------------


def process_tree(root_pid):
    """``root_pid`` and its descendants."""
    children = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children[int(fields[1])].append(int(entry))
    result, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        result.append(pid)
        todo.extend(children.get(pid, ()))
    return result


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def machine_cpu():
    """``(busy, total)`` jiffies of the machine (every process, other users' too)."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def accept_queue(port):
    """Connections waiting in the accept queue of the listening socket on ``port`` (the
    requests that nginx passed on and that no Odoo worker has taken yet)."""
    wanted = f":{port:04X}"
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(wanted) and fields[3] == "0A":  # LISTEN
            return int(fields[4].split(":")[1], 16)
    return 0


class Sampler(threading.Thread):
    """Samples every ``SAMPLE_EVERY`` seconds the CPU (in cores) of each group of processes,
    the machine's busy CPU and load, and the database's connections by state."""

    def __init__(self, groups, pg_connect, db, listen_port=None):
        super().__init__(daemon=True)
        self.listen_port = listen_port
        self.groups = groups  # name -> callable returning the pids
        self.pg_connect, self.db = pg_connect, db
        self.samples = []
        self.stopping = threading.Event()

    def run(self):
        connection = self.pg_connect()
        connection.autocommit = True
        previous = None
        while not self.stopping.wait(SAMPLE_EVERY):
            now = time.monotonic()
            current = {name: cpu_seconds(pids()) for name, pids in self.groups.items()}
            busy, total = machine_cpu()
            with connection.cursor() as cr:
                cr.execute(
                    """SELECT count(*) FILTER (WHERE state = 'active'),
                              count(*) FILTER (WHERE state LIKE 'idle in transaction%%'),
                              count(*) FILTER (WHERE wait_event_type = 'Lock'),
                              count(*)
                         FROM pg_stat_activity WHERE datname = %s AND pid != pg_backend_pid()""",
                    [self.db],
                )
                active, in_transaction, waiting_lock, connections = cr.fetchone()
            if previous:
                elapsed = now - previous[0]
                sample = {
                    name: round(max(0.0, current[name] - previous[1][name]) / elapsed, 2) for name in current
                }
                sample["machine"] = round(
                    (busy - previous[2]) / max(1, total - previous[3]) * os.cpu_count(), 2
                )
                sample.update(
                    load1=os.getloadavg()[0],
                    pg_active=active,
                    pg_in_transaction=in_transaction,
                    pg_waiting_lock=waiting_lock,
                    pg_connections=connections,
                    accept_queue=accept_queue(self.listen_port) if self.listen_port else 0,
                )
                self.samples.append(sample)
            previous = (now, current, busy, total)
        connection.close()

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)

    def summary(self):
        if not self.samples:
            return {}
        keys = self.samples[0].keys()
        return {
            key: {
                "mean": round(statistics.fmean(sample[key] for sample in self.samples), 2),
                "max": round(max(sample[key] for sample in self.samples), 2),
            }
            for key in keys
        }


# ------------------------------------------------------------
# SERVER TIMES (Odoo's request log: queries, SQL time, Python time)
# ------------------------------------------------------------

# Odoo's request log line: ``"POST /path HTTP/1.0" 200 - <queries> <SQL s> <Python s>``.
REQUEST_LINE = re.compile(
    r'werkzeug: .*?"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) (?P<sql>[\d.]+) (?P<python>[\d.]+)"
)


def server_times(log, offset):
    """What Odoo's log says of the requests after ``offset``: per path, the count, the mean SQL
    and Python times and queries; and the log's new end."""
    by_path = defaultdict(lambda: [0, 0.0, 0.0, 0])
    with open(log, errors="replace") as handle:
        handle.seek(offset)
        for line in handle:
            match = REQUEST_LINE.search(line)
            if not match:
                continue
            path = match["path"].split("?")[0]
            path = re.sub(r"/\d+(,\d+)*$", "/<id>", path)
            path = re.sub(r"load_menus/.*", "load_menus", path)
            entry = by_path[path]
            entry[0] += 1
            entry[1] += float(match["sql"])
            entry[2] += float(match["python"])
            entry[3] += int(match["queries"])
        end = handle.tell()
    return {
        path: {
            "count": count,
            "sql_s": round(sql / count, 4),
            "python_s": round(python / count, 4),
            "queries": round(queries / count, 1),
        }
        for path, (count, sql, python, queries) in sorted(by_path.items())
    }, end


# ------------------------------------------------------------
# INTEGRITY
# ------------------------------------------------------------


def integrity(connection, unit_ids, submitted, uncertain):
    """Every report the clients believe submitted exists once, submitted or accepted, with its
    figure lines and one review row per stage; none submitted twice; none submitted that no
    client knows of (unless its call failed on the wire)."""
    with connection.cursor() as cr:
        cr.execute(
            """SELECT unit_id, count(*) FROM gender_equality_report
                WHERE year = %s AND unit_id = ANY(%s) AND state != 'cancelled'
                GROUP BY unit_id HAVING count(*) > 1""",
            [YEAR, unit_ids],
        )
        duplicated_units = cr.fetchall()
        cr.execute(
            """SELECT r.id, r.state,
                      (SELECT count(*) FROM gender_equality_report_line l WHERE l.report_id = r.id),
                      (SELECT count(*) FROM gender_equality_approval_review v
                        WHERE v.res_model = 'gender.equality.report' AND v.res_id = r.id),
                      (SELECT coalesce(max(n), 0) FROM (
                          SELECT count(*) AS n FROM gender_equality_approval_review v
                           WHERE v.res_model = 'gender.equality.report' AND v.res_id = r.id
                           GROUP BY v.stage_id, v.round) per_stage),
                      (SELECT count(*) FROM gender_equality_approval_review v
                        WHERE v.res_model = 'gender.equality.report' AND v.res_id = r.id
                          AND v.state = 'approved')
                 FROM gender_equality_report r
                WHERE r.year = %s AND r.unit_id = ANY(%s)""",
            [YEAR, unit_ids],
        )
        rows = {row[0]: row[1:] for row in cr.fetchall()}
    in_db = {rid for rid, row in rows.items() if row[0] in ("submitted", "accepted")}
    client = set(submitted)
    lost = sorted(client - in_db)
    unknown = sorted(in_db - client - set(uncertain))
    without_lines = sorted(rid for rid in in_db if rows[rid][1] == 0)
    without_review = sorted(rid for rid in in_db if rows[rid][2] == 0)
    twice = sorted(rid for rid in in_db if rows[rid][3] > 1)
    states = Counter(row[0] for row in rows.values())
    result = {
        "reports_submitted_client": len(client),
        "reports_submitted_db": len(in_db),
        "reports_accepted_db": states.get("accepted", 0),
        "reports_draft_db": states.get("draft", 0),
        "submit_calls_failed": len(set(uncertain)),
        "lost": lost,
        "submitted_unknown_to_clients": unknown,
        "without_lines": without_lines,
        "without_review": without_review,
        "reviewed_twice": twice,
        "duplicated_units": [unit for unit, __ in duplicated_units],
    }
    result["ok"] = not any(
        result[key]
        for key in (
            "lost",
            "submitted_unknown_to_clients",
            "without_lines",
            "without_review",
            "reviewed_twice",
            "duplicated_units",
        )
    )
    return result


# ------------------------------------------------------------
# STATISTICS
# ------------------------------------------------------------


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return round(ordered[index], 3)


def describe(durations):
    return {
        "calls": len(durations),
        "p50_s": percentile(durations, 0.50),
        "p95_s": percentile(durations, 0.95),
        "p99_s": percentile(durations, 0.99),
        "max_s": round(max(durations), 3) if durations else None,
    }


def group_of(kind, role):
    if kind in ("login", "webclient"):
        return "login"
    if role == "department":
        return "department_kpi_xlsx" if kind in DEPARTMENT_HEAVY else "department_other"
    return "unit"


def level_statistics(events, start, duration):
    """Per group and per kind: latencies of the calls made in the measured window (logins
    apart: they precede it), errors, throughput."""
    window = [event for event in events if event[1] not in ("login", "webclient")]
    logins = [event for event in events if event[1] in ("login", "webclient")]
    groups, kinds, errors = defaultdict(list), defaultdict(list), Counter()
    for __, kind, role, seconds, error in window:
        if error:
            errors[f"{kind}: {error}"] += 1
            continue
        groups[group_of(kind, role)].append(seconds)
        kinds[f"{role}.{kind}"].append(seconds)
    login_errors = Counter(f"{kind}: {error}" for __, kind, __, __, error in logins if error)
    return {
        "calls": len(window),
        "throughput_per_s": round(len(window) / duration, 1),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common(10)),
        "groups": {name: describe(values) for name, values in sorted(groups.items())},
        "kinds": {name: describe(values) for name, values in sorted(kinds.items())},
        "login": {
            **describe([event[3] for event in logins if event[1] == "login" and not event[4]]),
            "errors": sum(login_errors.values()),
            "error_kinds": dict(login_errors.most_common(5)),
        },
    }


def table(levels):
    header = [
        "sessions", "calls", "calls/s", "unit p50/p95/p99 (s)", "KPI+XLSX p50/p95/p99 (s)", "errors",
        "submitted (client/db)", "integrity", "CPU odoo/pg/nginx/clients/machine (cores)",
        "accept queue mean/max", "load 1 min (before→peak)",
        "result",
    ]  # fmt: skip
    rows = [header, ["---"] * len(header)]

    def triple(group):
        if not group or not group.get("calls"):
            return "–"
        return f"{group['p50_s']:.2f} / {group['p95_s']:.2f} / {group['p99_s']:.2f}"

    for level in levels:
        stats, cpu = level["stats"], level["cpu"]
        groups = stats["groups"]
        integrity_result = level["integrity"]
        rows.append(
            [
                str(level["sessions"]),
                str(stats["calls"]),
                f"{stats['throughput_per_s']:.1f}",
                triple(groups.get("unit")),
                triple(groups.get("department_kpi_xlsx")),
                str(stats["errors"] + stats["login"]["errors"]),
                f"{integrity_result['reports_submitted_client']}/{integrity_result['reports_submitted_db']}",
                "OK" if integrity_result["ok"] else "FAIL",
                "/".join(
                    f"{cpu.get(name, {}).get('mean', 0):.2f}"
                    for name in ("odoo", "postgresql", "nginx", "clients", "machine")
                ),
                "{:.1f}/{:.0f}".format(*(cpu.get("accept_queue", {}).get(key, 0) for key in ("mean", "max"))),
                f"{level['load_average'][0]:.1f}→{cpu.get('load1', {}).get('max', 0):.1f}",
                "PASS" if level["passed"] else "FAIL",
            ]
        )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def passes(level):
    groups = level["stats"]["groups"]
    latency = all(
        groups.get(name, {}).get("p95_s") is None or groups[name]["p95_s"] <= limit
        for name, limit in TARGETS.items()
    )
    return (
        latency
        and level["stats"]["errors"] == 0
        and level["stats"]["login"]["errors"] == 0
        and level["integrity"]["ok"]
        and level["logged_in"] == level["sessions"]
    )


# ------------------------------------------------------------
# ORCHESTRATION
# ------------------------------------------------------------


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_pair():
    """A port ``p`` with ``p + 3`` free too (Odoo's gevent port)."""
    import socket

    for __ in range(50):
        port = free_port()
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port + 3))
            except OSError:
                continue
        return port
    raise RuntimeError("no free pair of ports")


def set_parameter(pg_connect, key, value):
    connection = pg_connect()
    try:
        with connection, connection.cursor() as cr:
            cr.execute("UPDATE ir_config_parameter SET value = %s WHERE key = %s", [value, key])
            if not cr.rowcount:
                cr.execute(
                    """INSERT INTO ir_config_parameter
                              (key, value, create_uid, write_uid, create_date, write_date)
                       VALUES (%s, %s, 1, 1, now() at time zone 'UTC', now() at time zone 'UTC')""",
                    [key, value],
                )
    finally:
        connection.close()


def odoo_options(argv):
    """``{option: value}`` of Odoo's command line (``--db_host=…``, ``-d DB``)."""
    options = {}
    for index, arg in enumerate(argv):
        if arg.startswith("--") and "=" in arg:
            key, value = arg[2:].split("=", 1)
            options[key.replace("-", "_")] = value
        elif arg == "-d":
            options["db_name"] = argv[index + 1]
    return options


def run_level(level, plan, args, url, db, workdir, server, nginx, pg_connect):
    sessions = level["sessions"]
    # The officer's scenario takes about OFFICER_STEPS think times; the browsing before it is
    # drawn in [0, lead] actions so that the submissions spread over the window.
    lead = max(0, int(args.spread * (args.duration / statistics.fmean(args.think) - OFFICER_STEPS)))
    users = (
        [dict(user, role="officer", lead=lead) for user in level["officers"]]
        + [dict(user, role="head") for user in level["heads"]]
        + [dict(user, role="department") for user in level["department"]]
    )
    processes = args.client_processes or max(2, math.ceil(sessions / 150))
    shares = [users[index::processes] for index in range(processes)]
    go = workdir / f"go-{sessions}"
    go.unlink(missing_ok=True)
    clients = []
    for index, share in enumerate(shares):
        config = workdir / f"client-{sessions}-{index}.json"
        config.write_text(
            json.dumps(
                {
                    "url": url,
                    "db": db,
                    "users": share,
                    "seed": args.seed + sessions * 100 + index,
                    "think": list(args.think),
                    "duration": args.duration,
                    "login_concurrency": args.login_concurrency,
                    "ready": str(workdir / f"ready-{sessions}-{index}"),
                    "go": str(go),
                    "output": str(workdir / f"events-{sessions}-{index}.json"),
                }
            )
        )
        Path(workdir / f"ready-{sessions}-{index}").unlink(missing_ok=True)
        clients.append(
            subprocess.Popen(
                [sys.executable, __file__, "client", "--config", str(config)],
                start_new_session=True,
            )
        )
    sampler = Sampler(
        {
            "odoo": lambda: process_tree(server.process.pid),
            "postgresql": lambda: process_tree(args.postmaster_pid) if args.postmaster_pid else [],
            "nginx": lambda: process_tree(nginx.process.pid),
            "clients": lambda: [pid for client in clients for pid in process_tree(client.pid)],
        },
        pg_connect,
        db,
        server.http_port,
    )
    login_start = time.monotonic()
    ready_files = [workdir / f"ready-{sessions}-{index}" for index in range(processes)]
    while not all(path.exists() for path in ready_files):
        if any(client.poll() not in (None, 0) for client in clients):
            raise RuntimeError("a client process failed while logging in")
        time.sleep(0.5)
    logged_in = sum(int(path.read_text()) for path in ready_files)
    login_s = time.monotonic() - login_start
    log_offset = server.log.stat().st_size if server.log.exists() else 0
    load_before = os.getloadavg()
    start = time.time() + 1
    sampler.start()
    go.write_text(str(start))
    for client in clients:
        client.wait(timeout=args.duration + 2 * TIMEOUT + 60)
    sampler.stop()
    end = time.time()
    results = [
        json.loads((workdir / f"events-{sessions}-{index}.json").read_text()) for index in range(processes)
    ]
    events = [event for result in results for event in result["events"]]
    submitted = [rid for result in results for rid in result["submitted"]]
    uncertain = [rid for result in results for rid in result["uncertain"]]
    stats = level_statistics(events, start, end - start)
    times, __ = server_times(server.log, log_offset) if server.log.exists() else ({}, 0)
    connection = pg_connect()
    try:
        check = integrity(connection, [user["unit_id"] for user in level["officers"]], submitted, uncertain)
    finally:
        connection.close()
    cpu = sampler.summary()
    result = {
        "sessions": sessions,
        "composition": {
            "officers": len(level["officers"]),
            "heads": len(level["heads"]),
            "department": len(level["department"]),
        },
        "logged_in": logged_in,
        "login_phase_s": round(login_s, 1),
        "duration_s": round(end - start, 1),
        "load_average": [round(load, 2) for load in load_before],
        "load_average_after": [round(load, 2) for load in os.getloadavg()],
        "client_processes": processes,
        "client_cpu_s": [result["cpu_s"] for result in results],
        "stats": stats,
        "cpu": cpu,
        "server_times": times,
        "integrity": check,
        "approvals_client": len([rid for result in results for rid in result["approved"]]),
    }
    result["passed"] = passes(result)
    return result


def saturation(level):
    """Where the time of a level goes: mean client latency vs Odoo's own time (SQL + Python)
    of the same calls; the rest is waiting (nginx → a free worker, the CPU run queue)."""
    times = level["server_times"]
    calls = sum(entry["count"] for entry in times.values())
    if not calls:
        return {}
    sql = sum(entry["sql_s"] * entry["count"] for entry in times.values()) / calls
    python = sum(entry["python_s"] * entry["count"] for entry in times.values()) / calls
    durations = [
        value["p50_s"] for value in level["stats"]["groups"].values() if value.get("p50_s") is not None
    ]
    total = {path: entry["count"] * (entry["sql_s"] + entry["python_s"]) for path, entry in times.items()}
    busy = sum(total.values()) or 1
    return {
        # Where the server's time goes: the routes that take most of it, with their share.
        "top_routes": [
            {"path": path, "share": round(seconds / busy, 3), **times[path]}
            for path, seconds in sorted(total.items(), key=lambda item: -item[1])[:8]
        ],
        "server_calls": calls,
        "server_sql_mean_s": round(sql, 4),
        "server_python_mean_s": round(python, 4),
        "client_p50_by_group": {name: value["p50_s"] for name, value in level["stats"]["groups"].items()},
        "note": "client time minus server time (SQL + Python) is time queued before a worker "
        "took the request or waiting for a CPU"
        if durations
        else "",
    }


def parse_run_args(argv):
    parser = argparse.ArgumentParser(description="Run the load test.")
    parser.add_argument("--sessions", type=int, nargs="+", default=list(LEVELS))
    parser.add_argument(
        "--duration", type=float, default=180, help="measured seconds per level (default 180)"
    )
    parser.add_argument("--think", type=float, nargs=2, default=list(THINK))
    parser.add_argument(
        "--spread",
        type=float,
        default=1.0,
        help="share of the window's spare time over which the officers' reports spread "
        "(0: every officer starts with the report's steps)",
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 5)))
    parser.add_argument("--client-processes", type=int, default=0)
    parser.add_argument(
        "--login-concurrency", type=int, default=4, help="logins at a time per client process"
    )
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument(
        "--issue-documents",
        choices=("background", "on_final", "on_print"),
        default="background",
        help="gender_equality_plan.issue_documents during the run (the README's setting for a "
        "server with hundreds of users: background)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--postmaster-pid", type=int, default=0)
    parser.add_argument("--scale", default="country")
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument(
        "--odoo-bin",
        type=Path,
        default=Path(os.environ.get("ODOO_SRC", Path.home() / "src/odoo-18.0")) / "odoo-bin",
    )
    return parser.parse_known_args(argv)


def production_server(args, odoo_cli, http_port, workdir):
    """Odoo with the README's production options (Deployment: ``/etc/odoo/odoo.conf``) and the
    run's worker count; the request log (werkzeug) gives each request's SQL and Python time."""
    from odoo_stack import OdooServer

    return OdooServer(
        [sys.executable, str(args.odoo_bin), *odoo_cli],
        http_port,
        workdir,
        name="odoo-loadtest",
        options=(
            f"--workers={args.workers}",
            "--max-cron-threads=1",
            "--proxy-mode",
            "--limit-memory-soft=2147483648",
            "--limit-memory-hard=2684354560",
            "--limit-time-cpu=60",
            "--limit-time-real=120",
            "--no-database-list",
            "--log-level=warn",
            "--log-handler=werkzeug:INFO",
        ),
    )


def print_level(result):
    groups, stats = result["stats"]["groups"], result["stats"]
    print(
        f"  {result['logged_in']} logged in in {result['login_phase_s']} s; {stats['calls']} calls, "
        f"{stats['errors']} errors; unit p95 {groups.get('unit', {}).get('p95_s')} s, "
        f"KPI/XLSX p95 {groups.get('department_kpi_xlsx', {}).get('p95_s')} s; "
        f"integrity {'OK' if result['integrity']['ok'] else 'FAIL'}; "
        f"load {result['load_average_after'][0]}",
        flush=True,
    )
    if stats["error_kinds"]:
        print("  errors:", json.dumps(stats["error_kinds"], ensure_ascii=False), flush=True)


def describe_machine(machine):
    return (
        f"Machine: {machine['cpu_count']} cores (shared), load {machine['load_average_before'][0]} → "
        f"{machine['load_average_after'][0]}, Odoo --workers={machine['workers']}, "
        f"think {machine['think_s'][0]:g}–{machine['think_s'][1]:g} s, "
        f"{machine['duration_s']:g} s per level, {machine['date']}"
    )


def main_run(argv):
    args, odoo_args = parse_run_args(argv)
    import psycopg2
    from odoo_stack import Nginx

    options = odoo_options(odoo_args)
    db = options["db_name"]
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="gep-loadtest-"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)

    def pg_connect():
        return psycopg2.connect(
            dbname=db,
            host=options.get("db_host") or None,
            port=options.get("db_port") or None,
            user=options.get("db_user") or None,
            password=options.get("db_password") or None,
        )

    odoo_cli = [arg for arg in odoo_args if not arg.startswith("--db-filter")]
    plan_file = workdir / "plan.json"
    print(f"Preparing {db} for {args.sessions} sessions…", flush=True)
    if not args.skip_prepare:
        command = [sys.executable, __file__, "prepare", "--levels", *map(str, args.sessions)]
        subprocess.run([*command, "--output", str(plan_file), *odoo_cli, "--log-level=warn"], check=True)
    plan = json.loads(plan_file.read_text())
    http_port, nginx_port = free_port_pair(), free_port()
    server = production_server(args, [*odoo_cli, f"--db-filter=^{db}$"], http_port, workdir)
    nginx = Nginx(nginx_port, [http_port], [http_port + 3], workdir / "nginx")
    # wkhtmltopdf loads the stylesheets of the PDFs that the heads' approvals produce from the
    # server itself: the README's ``report.url``, on this run's port.
    set_parameter(pg_connect, "report.url", f"http://127.0.0.1:{http_port}")
    # The README's setting for a server with hundreds of users at once: the final PDFs are
    # produced by the cron worker after each approval (LOADTEST_ARGS="--issue-documents on_final"
    # measures them inside the approvals' requests).
    set_parameter(pg_connect, "gender_equality_plan.issue_documents", args.issue_documents)
    machine = {
        "cpu_count": os.cpu_count(),
        "load_average_before": [round(load, 2) for load in os.getloadavg()],
        "date": datetime.now().isoformat(timespec="seconds"),
        "scale": args.scale,
        "workers": args.workers,
        "issue_documents": args.issue_documents,
        "think_s": list(args.think),
        "duration_s": args.duration,
    }
    print(f"Odoo --workers={args.workers} on :{http_port}, nginx on :{nginx_port}; logs in {workdir}")
    output = {"machine": machine, "levels": []}
    try:
        server.start(timeout=300)
        nginx.start()
        for level in plan["levels"]:
            print(f"{level['sessions']} sessions: logging in…", flush=True)
            result = run_level(level, plan, args, nginx.url, db, workdir, server, nginx, pg_connect)
            result["saturation"] = saturation(result)
            output["levels"].append(result)
            print_level(result)
            # Written after each level: a later level that fails leaves the earlier ones.
            machine["load_average_after"] = [round(load, 2) for load in os.getloadavg()]
            args.output.write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
    finally:
        nginx.stop()
        server.stop()
    print()
    print(table(output["levels"]))
    print()
    print(describe_machine(machine))
    print(f"Written to {args.output}")
    return 0 if all(level["passed"] for level in output["levels"]) else 1


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "prepare":
        return prepare_main(sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "client":
        return client_main(sys.argv[2:])
    return main_run(sys.argv[1:])


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *__: sys.exit(143))
    sys.exit(main())
