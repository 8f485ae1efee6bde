"""The documents say what the code does."""

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
