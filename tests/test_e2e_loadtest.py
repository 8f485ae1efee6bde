"""`make loadtest`'s client and checks, in small: a few sessions (unit officers, a head, a
Department user) work for a short while through nginx configured as the README's Deployment
section, in front of ``--workers=2``, on a copy of the end-to-end database with five generated
units (``bench/generate.py --scale tiny``, committed in the copy).

It proves that the scenario runs against the module as it is (every call the web client makes
answers without error) and that the integrity check holds: every report a session submitted
exists once, with its figure lines and its review rows, none is submitted twice, none is lost.
It asserts no timing (``make loadtest`` measures them). The copy and its filestore are dropped at
the end; the servers it starts (Odoo, nginx: free local ports) are stopped by the load test.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from odoo_stack import odoo_argv

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 900
SESSIONS = 6  # 4 officers, a head, a Department user
DURATION = 60


def _odoo_options(argv):
    """Odoo's options of ``make test`` without the python, odoo-bin, database and filter."""
    options, skip = [], False
    for arg in argv[2:]:
        if skip:
            skip = False
            continue
        if arg == "-d":
            skip = True
            continue
        if not arg.startswith("--db-filter"):
            options.append(arg)
    return options


def _filestore(db):
    data_dir = next(arg.split("=", 1)[1] for arg in odoo_argv() if arg.startswith("--data-dir="))
    return Path(data_dir) / "filestore" / db


@pytest.fixture
def load_db(server):
    """A copy of the e2e database (dump and restore: the e2e server keeps it open) with the
    tiny generated country committed in it; dropped at the end."""
    __, db = server
    name = f"{db}_load"
    subprocess.run(["dropdb", "--if-exists", "--force", name], check=False, capture_output=True)
    try:
        subprocess.run(["createdb", name], check=True, capture_output=True, timeout=60)
        subprocess.run(
            f"pg_dump -Fc --no-owner {db} | pg_restore --no-owner -d {name}",
            shell=True,
            check=True,
            capture_output=True,
            timeout=300,
        )
        if _filestore(db).exists():
            shutil.copytree(_filestore(db), _filestore(name), copy_function=os.link)
        argv = odoo_argv()
        environment = dict(os.environ, PYTHONPATH=str(Path(argv[1]).parent))
        generated = subprocess.run(
            [
                argv[0],
                str(ROOT / "bench" / "generate.py"),
                "--scale",
                "tiny",
                *_odoo_options(argv),
                "-d",
                name,
            ],
            env=environment,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert generated.returncode == 0, generated.stdout[-2000:] + generated.stderr[-3000:]
        yield name
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", name], check=False, capture_output=True)
        shutil.rmtree(_filestore(name), ignore_errors=True)


def test_sessions_through_nginx_lose_nothing(load_db, tmp_path):
    argv = odoo_argv()
    output = tmp_path / "loadtest-results.json"
    environment = dict(os.environ, PYTHONPATH=str(Path(argv[1]).parent))
    completed = subprocess.run(
        [
            argv[0] or sys.executable,
            str(ROOT / "bench" / "loadtest.py"),
            "--scale",
            "tiny",
            "--sessions",
            str(SESSIONS),
            "--duration",
            str(DURATION),
            "--think",
            "1",
            "3",
            # Every officer goes straight to the report: the short window sees every step.
            "--spread",
            "0",
            "--workers",
            "2",
            "--output",
            str(output),
            "--workdir",
            str(tmp_path / "work"),
            "--odoo-bin",
            argv[1],
            *_odoo_options(argv),
            "-d",
            load_db,
        ],  # fmt: skip
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert output.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    [level] = json.loads(output.read_text())["levels"]
    assert level["logged_in"] == SESSIONS, level["stats"]["login"]
    assert level["stats"]["login"]["errors"] == 0, level["stats"]["login"]
    assert level["stats"]["errors"] == 0, level["stats"]["error_kinds"]
    check = level["integrity"]
    assert check["ok"], check
    # The officers went through their whole scenario: reports submitted (each with its figures
    # and its review rows: the check above), and the database agrees with the clients.
    assert check["reports_submitted_client"] >= 1, check
    assert check["reports_submitted_client"] == check["reports_submitted_db"], check
    assert check["submit_calls_failed"] == 0, check
    # Every kind of call of the scenario was made: the activity done with its evidence, the
    # report written, compiled and submitted, the Department's consolidation, KPI and XLSX.
    kinds = level["stats"]["kinds"]
    for kind in (
        "officer.home",
        "officer.task_list",
        "officer.upload",
        "officer.task_done",
        "officer.report_compile",
        "officer.report_submit",
        "department.consolidation",
        "department.kpi_summary",
        "department.xlsx",
    ):
        assert kinds.get(kind, {}).get("calls"), (kind, sorted(kinds))
