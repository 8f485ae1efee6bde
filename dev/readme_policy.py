#!/usr/bin/env python3
"""Write the field policy table (gender_equality_plan/tests/field_policy.py) into README.md,
between the markers <!-- field-policy:start --> and <!-- field-policy:end -->.

    python3 dev/readme_policy.py          rewrite the table
    python3 dev/readme_policy.py --check  exit 1 when the README's table is not up to date
"""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- field-policy:start -->\n", "<!-- field-policy:end -->"


def policy_table():
    spec = importlib.util.spec_from_file_location(
        "field_policy", ROOT / "gender_equality_plan" / "tests" / "field_policy.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.render_markdown()


def readme_with_table(text):
    head, rest = text.split(START, 1)
    __, tail = rest.split(END, 1)
    return f"{head}{START}{policy_table()}{END}{tail}"


def main():
    text = README.read_text(encoding="utf-8")
    fresh = readme_with_table(text)
    if "--check" in sys.argv[1:]:
        if fresh != text:
            print("README.md: the field policy table is not up to date (python3 dev/readme_policy.py)")
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
