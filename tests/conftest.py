"""Shared fixtures: bundled fonts only (no system fonts), the shipped template, frozen
dates, and the sample issues kept in tests/data."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

os.environ["LIANLUO_DESK_SYSTEM_FONTS"] = "0"

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MM = 72 / 25.4
FROZEN = dt.date(2022, 8, 15)


def pytest_addoption(parser):
    parser.addoption(
        "--update-traces",
        action="store_true",
        help="rewrite tests/layout/expected/*.trace from the current layout",
    )


@pytest.fixture(scope="session")
def update_traces(request):
    return request.config.getoption("--update-traces")


@pytest.fixture(scope="session")
def template():
    from lianluo_desk.template import load_template

    return load_template()


@pytest.fixture(scope="session")
def fonts(template):
    from lianluo_desk.layout.fonts import FontSet

    return FontSet(template, system_fonts=False)


@pytest.fixture(scope="session")
def composer(template, fonts):
    from lianluo_desk.layout.engine import Composer

    return Composer(template, fonts)


def past(name: str):
    from lianluo_desk.importers.legacy import parse_past_issue

    return parse_past_issue((DATA / f"{name}.txt").read_text("utf-8"), name)


@pytest.fixture(scope="session")
def big_issue(template):
    """A ~25-page issue: new + the two Word drafts and the three past issues' articles."""
    from lianluo_desk.importers import import_draft
    from lianluo_desk.service import new_issue

    issue = new_issue(template, FROZEN, 16, 667)
    for d in ("2018-no01-annual-summary.docx", "2022-no07-training.docx"):
        issue.articles.append(import_draft(DATA / d))
    for name in ("2021-no02", "2018-no01", "2022-no07"):
        issue.articles += past(name).issue.articles
    return issue


@pytest.fixture(scope="session")
def big_doc(big_issue, composer):
    return composer.compose(big_issue)


def cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    import subprocess

    e = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0")
    e.pop("DISPLAY", None)
    e.pop("QT_QPA_PLATFORM", None)
    e.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "lianluo_desk", *args],
        cwd=cwd or ROOT,
        env=e,
        capture_output=True,
        text=True,
        timeout=300,
    )
