#!/usr/bin/env python3
"""Count the results of `make test` and print the closing line "N passed, N failed".

Reads Odoo's test log (its runner's closing line and every WARNING/ERROR/CRITICAL record),
the end-to-end server's log, and pytest's JUnit XML. Exits 1 on any failed or erroring test,
on an install error (Odoo's run did not finish or ran no test), on every warning-level log
record that dev/expected-warnings.txt does not list, and on any skipped test: a skipped test is
counted apart, never as passed.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RECORD = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) "
    r"(?P<db>\S+) (?P<logger>[\w.]+): (?P<message>.*)$"
)
ODOO_RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
# Odoo's runner logs each skipped test at INFO ("skipped <test> : <reason>") and counts it in the
# tests it ran: a tour whose Chrome did not start, a test whose tool is missing.
ODOO_SKIP = re.compile(r"^skipped (?P<test>.*?) : (?P<reason>.*)$")


def load_patterns(path):
    if not path or not Path(path).exists():
        return []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


def problems_in_log(path, patterns):
    """Warning-level records (first line only) that no expected pattern matches."""
    found = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        match = RECORD.match(line)
        if not match or match["level"] in ("DEBUG", "INFO"):
            continue
        text = f"{match['logger']}: {match['message']}"
        if ODOO_RESULT.search(line) or any(p.search(text) for p in patterns):
            continue
        found.append(f"{match['level']} {text}")
    return found


def odoo_counts(path):
    text = Path(path).read_text(encoding="utf-8", errors="replace") if Path(path).exists() else ""
    results = ODOO_RESULT.findall(text)
    if not results:
        return None
    failed, errors, run = (int(x) for x in results[-1])
    return run, failed + errors


def odoo_skips(path):
    """The tests Odoo's runner skipped, as "test: reason": they ran no assertion, so they are
    neither passed nor silently forgotten."""
    skips = []
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        match = RECORD.match(line)
        if match and match["level"] == "INFO":
            skip = ODOO_SKIP.match(match["message"])
            if skip:
                skips.append(f"{skip['test']}: {skip['reason']}")
    return skips


def junit_counts(path):
    if not Path(path).exists():
        return None
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    run = failed = skipped = 0
    for suite in suites:
        run += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return run - skipped, failed, skipped


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--odoo-log", required=True)
    parser.add_argument("--junit", action="append", default=[], help="JUnit XML file (repeatable)")
    parser.add_argument(
        "--server-log", action="append", default=[], help="log of a server the e2e tests drive (repeatable)"
    )
    parser.add_argument("--expected-warnings")
    parser.add_argument(
        "--expected-server-warnings",
        help="further patterns for the e2e server's log only (errors it returns to clients)",
    )
    args = parser.parse_args()
    patterns = load_patterns(args.expected_warnings)

    passed = failed = skipped = 0
    notes = []
    odoo = odoo_counts(args.odoo_log)
    if odoo is None:
        failed += 1
        notes.append("Odoo's test run did not finish (install error?): see " + args.odoo_log)
    else:
        run, bad = odoo
        skips = odoo_skips(args.odoo_log)
        passed += run - bad - len(skips)
        failed += bad
        skipped += len(skips)
        notes += [f"skipped (did not run): {skip}" for skip in skips]
        if run == 0:
            failed += 1
            notes.append("Odoo ran no test of the module")
    server_patterns = patterns + load_patterns(args.expected_server_warnings)
    logs = [(args.odoo_log, patterns)] + [(log, server_patterns) for log in args.server_log]
    for log, log_patterns in logs:
        if log and Path(log).exists():
            for problem in problems_in_log(log, log_patterns):
                failed += 1
                notes.append(f"unexpected log record ({Path(log).name}): {problem}")
    for junit in args.junit:
        counts = junit_counts(junit)
        if counts is None:
            failed += 1
            notes.append(f"tests did not run: {junit} is missing")
            continue
        run, bad, skip = counts
        passed += run - bad
        failed += bad
        skipped += skip
        if skip:
            notes.append(f"{skip} test(s) skipped in {junit}")
        if run == 0:
            failed += 1
            notes.append(f"no test ran in {junit}")
    for note in notes:
        print("FAIL:", note)
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    # A skipped test did not run: make test fails, so that a missing tool (Chrome, SoftHSM2…)
    # cannot pass for a green run.
    return 1 if failed or skipped else 0


if __name__ == "__main__":
    sys.exit(main())
