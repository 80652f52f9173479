"""The house rules as tests, so the README's test command (and CI) runs them: ruff's
lint and format check over the code, the tests and the benchmarks, and mypy over the
package (settings in pyproject.toml: every function annotated, Optional checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREES = ["lianluo_desk", "tests", "benchmarks", "scripts", "packaging", "main.py"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_lint():
    r = _run("ruff", "check", *TREES)
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format():
    r = _run("ruff", "format", "--check", *TREES)
    assert r.returncode == 0, r.stdout + r.stderr


def test_types():
    r = _run("mypy")
    assert r.returncode == 0, r.stdout + r.stderr
