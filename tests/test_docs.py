"""The documents say what the code does."""

import configparser
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_shows_the_field_policy_of_the_code():
    result = subprocess.run(
        [sys.executable, str(ROOT / "dev" / "readme_policy.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def _deployment_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## Deployment\n")
    return readme[start : readme.index("\n## ", start + 1)]


def test_readme_deployment_section_covers_production():
    """An administrator finds there what the module needs in production, not only `make demo`."""
    section = _deployment_section()
    for topic in (
        "wkhtmltopdf",
        "--load-language=vi_VN",
        "smtp_server",
        "pg_dump",
        "filestore",
        "-u gender_equality_plan",
        "/websocket",
        "dev/constraints.txt",
    ):
        assert topic in section, f"the Deployment section says nothing of {topic}"


def test_readme_odoo_conf_example_runs_workers_and_crons_behind_a_proxy():
    section = _deployment_section()
    start = section.index("```ini\n") + len("```ini\n")
    conf = configparser.ConfigParser(inline_comment_prefixes=None)
    conf.read_string(section[start : section.index("```", start)])
    options = conf["options"]
    assert int(options["workers"]) >= 2
    assert int(options["max_cron_threads"]) >= 1
    assert options["proxy_mode"] == "True"
    assert options["gevent_port"]


def test_readme_scaling_out_says_what_the_nodes_share():
    """Several application nodes: the README says what must be the same and what is shared,
    and names the test that proves it."""
    section = _deployment_section()
    scaling = section[section.index("**Scaling out.**") :]
    for topic in (
        "sessions/",
        "filestore/",
        "dbfilter",
        "http_interface",
        "database.secret",
        "SKIP LOCKED",
        "ip_hash",
        "proxy_next_upstream",
        "Reads on a standby",
        "tests/test_e2e_nodes.py",
        "make loadtest",
    ):
        assert topic in scaling, f"the Scaling out part says nothing of {topic}"
