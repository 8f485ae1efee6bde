"""The benchmark's generator and runner work: five units generated in the end-to-end database,
each measure run once, everything rolled back (``bench/run.py --generate``).

It checks that the scripts run against the module as it is, and that the hand-written SQL
baseline computes the same figures as ``get_kpi_summary`` on the demo data plus the generated
units; it does not judge the timings (``make bench`` does).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
MEASURES = {"kpi_summary", "home_department", "compile_all", "xlsx_export", "task_list_page", "approve_many"}


def test_generator_and_runner_at_tiny_scale(tmp_path):
    if not os.environ.get("GEP_ODOO_ARGV"):
        pytest.fail("GEP_ODOO_ARGV is not set: run the end-to-end tests with `make test`.")
    python, odoo_bin, *options = json.loads(os.environ["GEP_ODOO_ARGV"])
    options = [option for option in options if not option.startswith("--db-filter")]
    output = tmp_path / "results.json"
    environment = dict(os.environ, PYTHONPATH=str(Path(odoo_bin).parent))
    command = [python or sys.executable, str(PROJECT / "bench" / "run.py"), "--scale", "tiny", "--generate"]
    completed = subprocess.run(
        [*command, "--runs", "1", "--output", str(output), *options, "--log-level=warn"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    results = json.loads(output.read_text())
    assert MEASURES <= set(results)
    for name in MEASURES:
        assert results[name]["queries"] > 0, name
        assert results[name]["median_s"] > 0, name
    assert results["kpi_summary"]["baseline_mismatches"] == []
    assert results["task_list_page"]["roles"]["unit_officer"]["records"] > 0
    assert results["approve_many"]["records"] >= 5
    assert results["machine"]["units"] == 5
