"""Issue files have a suffix of their own, .lld (what a double-click in the file manager
opens the app with); .json files are still issue files everywhere."""

from __future__ import annotations

import pdfplumber

from lianluo_desk.archive.ops import expand

from .conftest import cli


def test_lld_issue_through_the_command_line(tmp_path):
    issue = tmp_path / "第16期.lld"
    r = cli("new", str(issue), "--date", "2022-08-15", "--number", "16", "--cumulative", "667")
    assert r.returncode == 0, r.stderr
    r = cli("export", str(issue), "--pdf", str(tmp_path / "out.pdf"))
    assert r.returncode == 0, r.stderr
    with pdfplumber.open(tmp_path / "out.pdf") as pdf:
        assert "第16期" in (pdf.pages[0].extract_text() or "").replace(" ", "")


def test_lld_name_opens_the_app_even_before_it_exists(tmp_path):
    """Like NAME.json, NAME.lld (any case) is taken as an issue for the app, not a command."""
    for name in ("new.LLD", "new.json"):
        r = cli(str(tmp_path / name))
        assert r.returncode == 2 and "no display" in r.stderr, r.stderr  # reached open_app


def test_archive_import_of_a_folder_takes_lld_files(tmp_path):
    for name in ("a.lld", "b.JSON", "c.docx"):
        (tmp_path / name).write_text("{}", "utf-8")
    assert [p.name for p in expand([str(tmp_path)])] == ["a.lld", "b.JSON"]
