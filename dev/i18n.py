#!/usr/bin/env python3
"""Keep the module's translation files in step with its code.

i18n.py update EXPORTED.pot   write i18n/<module>.pot from Odoo's export and merge vi.po
                              (existing translations kept, new terms added empty, obsolete
                              terms dropped)
i18n.py check EXPORTED.pot --junit FILE
                              fail (and record it in a JUnit file) when the committed .pot
                              differs from the export, or when a vi.po entry is missing,
                              empty or fuzzy
"""

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import polib

MODULE_DIR = Path(__file__).resolve().parent.parent / "gender_equality_plan"
POT = MODULE_DIR / "i18n" / "gender_equality_plan.pot"
PO = MODULE_DIR / "i18n" / "vi.po"


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def check_pot(exported):
    committed = {key(e) for e in polib.pofile(str(POT))} if POT.exists() else set()
    fresh = {key(e) for e in polib.pofile(str(exported))}
    problems = [f"missing from the .pot: {m!r}" for _c, m in sorted(fresh - committed)]
    problems += [f"no longer in the code: {m!r}" for _c, m in sorted(committed - fresh)]
    return problems


def check_po(exported):
    fresh = {key(e) for e in polib.pofile(str(exported))}
    if not PO.exists():
        return ["i18n/vi.po is missing"]
    problems = []
    entries = {key(e): e for e in polib.pofile(str(PO)) if not e.obsolete}
    for k in sorted(fresh):
        entry = entries.get(k)
        if entry is None:
            problems.append(f"not in vi.po: {k[1]!r}")
        elif "fuzzy" in entry.flags:
            problems.append(f"fuzzy in vi.po: {k[1]!r}")
        elif not entry.msgstr.strip():
            problems.append(f"untranslated in vi.po: {k[1]!r}")
    return problems


def update(exported):
    pot = polib.pofile(str(exported))
    POT.parent.mkdir(exist_ok=True)
    pot.save(str(POT))
    old = {key(e): e for e in polib.pofile(str(PO))} if PO.exists() else {}
    po = polib.pofile(str(exported))
    po.metadata.update({"Language": "vi", "Plural-Forms": "nplurals=1; plural=0;"})
    for entry in po:
        previous = old.get(key(entry))
        if previous is not None:
            entry.msgstr = previous.msgstr
            entry.flags = [f for f in previous.flags if f == "fuzzy"]
    po.save(str(PO))
    empty = sum(1 for e in po if not e.msgstr.strip())
    print(f"{POT.name}: {len(pot)} terms; vi.po: {len(po) - empty} translated, {empty} to translate")


def write_junit(path, results):
    suite = ET.Element("testsuite", name="i18n", tests=str(len(results)))
    failures = 0
    for name, problems in results:
        case = ET.SubElement(suite, "testcase", classname="i18n", name=name)
        if problems:
            failures += 1
            failure = ET.SubElement(case, "failure", message=f"{len(problems)} problem(s)")
            failure.text = "\n".join(problems)
    suite.set("failures", str(failures))
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
    return failures


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["update", "check"])
    parser.add_argument("exported")
    parser.add_argument("--junit")
    args = parser.parse_args()
    if args.command == "update":
        update(args.exported)
        return 0
    results = [
        ("pot_is_up_to_date", check_pot(args.exported)),
        ("vi_po_is_complete", check_po(args.exported)),
    ]
    for name, problems in results:
        for problem in problems[:20]:
            print(f"i18n {name}: {problem}", file=sys.stderr)
        if len(problems) > 20:
            print(f"i18n {name}: … and {len(problems) - 20} more", file=sys.stderr)
    failures = write_junit(args.junit, results) if args.junit else sum(bool(p) for _n, p in results)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
