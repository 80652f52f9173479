"""Shared fixtures: bundled fonts only (no system fonts), the shipped template, frozen
dates, the sample issues kept in tests/data, and a private library and home per test (a
test never reads or writes the user's own library, settings or caches)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

os.environ["LIANLUO_DESK_SYSTEM_FONTS"] = "0"
# hypothesis keeps its examples and caches under the working folder unless told
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="lld-hypothesis-"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MM = 72 / 25.4
FROZEN = dt.date(2022, 8, 15)


#: Variables that lead to the user's own files: the library, the home folder and the XDG
#: folders platformdirs, Qt and LibreOffice derive their data, settings and caches from.
HOME_VARS = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def private_home(monkeypatch: pytest.MonkeyPatch, base: Path) -> Path:
    """Point the library, HOME and the XDG folders into base; returns the library folder."""
    lib = base / "library"
    for name in HOME_VARS:
        folder = base / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("LIANLUO_DESK_LIBRARY", str(lib))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return lib


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """Session fixtures (template, fonts) too run outside the user's home."""
    with pytest.MonkeyPatch.context() as mp:
        private_home(mp, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def library(monkeypatch, tmp_path_factory) -> Path:
    """Every test gets its own library, HOME and XDG folders, also for cli()."""
    return private_home(monkeypatch, tmp_path_factory.mktemp("home"))


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
    """Run the command line in a subprocess with the test's private library and home, in
    English unless ``env`` gives a locale or ``LIANLUO_DESK_LANG``."""
    import subprocess

    assert os.environ.get("LIANLUO_DESK_LIBRARY"), "cli() outside the library fixture"
    e = dict(os.environ, LIANLUO_DESK_SYSTEM_FONTS="0")
    for name in ("LIANLUO_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        e.pop(name, None)  # English unless the test asks for a language
    e["LANG"] = "C.UTF-8"
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


# The model, the layout and the exporters: what every change must keep (``-m core``).
CORE_MODULES = {
    "test_adjacent_marks", "test_cnnum", "test_even_page_banji", "test_footer",
    "test_gcpause", "test_layout_grid", "test_least_width", "test_linebreak",
    "test_lone_char", "test_model_store", "test_ofd", "test_pagebreaks", "test_pdf",
    "test_pdf_glyphs", "test_pdf_parts", "test_pdf_size", "test_pdfa", "test_punct_fit",
    "test_relayout", "test_table_layout", "test_table_model", "test_trace", "test_widows",
    "test_docx_export", "test_docx_pages", "test_table_docx", "test_head_edit", "test_find",
}  # fmt: skip


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.stem in CORE_MODULES:
            item.add_marker(pytest.mark.core)
