"""Past issues as PDF into the archive, the first issue of an empty archive, and an
archive that cannot be lost: backups, integrity check, restore."""

from __future__ import annotations

import sqlite3

import pytest

from lianluo_desk.archive import backup, health
from lianluo_desk.archive.store import DB_NAME, Archive

from .conftest import DATA, cli, past
from .test_archive import _issue_ready


def _printed_pdfs(composer, folder):
    """The three example issues as PDFs, the way the office keeps back issues."""
    from lianluo_desk.export.pdf import write_pdf

    for k, name in enumerate(("2018-no01", "2021-no02", "2022-no07")):
        sub = folder / str(2018 + k)
        sub.mkdir(parents=True)
        write_pdf(composer.compose(past(name).issue), sub / f"{name}.pdf")
    (folder / "notes.docx").write_bytes(b"not a past issue")  # skipped: not a past-issue type


@pytest.mark.slow
def test_archive_import_of_pdf_folders(composer, tmp_path):
    lib = tmp_path / "lib"
    _printed_pdfs(composer, tmp_path / "back-issues")
    r = cli("--library", str(lib), "archive", "import", str(tmp_path / "back-issues"))
    assert r.returncode == 0, r.stderr
    assert "[1/3]" in r.stderr and "[3/3]" in r.stderr  # progress
    with Archive(lib) as archive:
        got = sorted((i.date.isoformat(), i.number, i.cumulative) for i in archive.list())
    assert got == [("2018-01-31", 1, 545), ("2021-02-03", 2, 625), ("2022-05-22", 7, 656)]
    # the next issue is numbered from them
    r = cli("--library", str(lib), "new", str(tmp_path / "n.json"), "--date", "2022-06-01")
    assert "第8期 （总第六百五十七期）" in r.stdout and "guesses" not in r.stdout


def test_new_with_an_empty_archive_says_the_numbers_are_guesses(tmp_path):
    r = cli("--library", str(tmp_path / "lib"), "new", str(tmp_path / "n.json"))
    assert r.returncode == 0, r.stderr
    assert "guesses" in r.stdout and "--number" in r.stdout and "archive import" in r.stdout
    r = cli("--library", str(tmp_path / "lib"), "new", str(tmp_path / "m.json"), "--number", "3",
            "--cumulative", "700")  # fmt: skip
    assert "guesses" not in r.stdout


def test_backups_rotate(tmp_path):
    lib = tmp_path / "lib"
    Archive(lib).close()
    made = [backup.backup(lib, "publish") for _ in range(13)]
    kept = backup.backups(lib)
    assert len(kept) == backup.KEEP and kept[0] == made[-1]
    assert all(not health.problems(b) for b in kept)


@pytest.mark.slow
def test_damaged_archive_checked_and_restored(tmp_path):
    lib = tmp_path / "lib"
    r = cli("--library", str(lib), "archive", "import", str(DATA / "2022-no07.txt"))
    assert r.returncode == 0, r.stderr
    issue = tmp_path / "8.json"
    _issue_ready(lib, issue, "2022-06-01")
    r = cli("--library", str(lib), "publish", str(issue))  # backs up first
    assert r.returncode == 0, r.stderr
    assert len(backup.backups(lib)) == 1
    r = cli("--library", str(lib), "archive", "check")
    assert r.returncode == 0 and "ok, 2 issues" in r.stdout, r.stdout + r.stderr

    # damage the archive: overwrite pages in the middle of the file
    db = lib / DB_NAME
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    for k in range(4096, min(len(data), 4096 * 6)):
        data[k] = 0x5A
    db.write_bytes(bytes(data))
    r = cli("--library", str(lib), "archive", "check")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "damaged" in r.stderr and "restore" in r.stderr

    r = cli("--library", str(lib), "archive", "restore")
    assert r.returncode == 0, r.stderr
    assert "re-added" in r.stdout  # the issue published after the backup
    r = cli("--library", str(lib), "archive", "check")
    assert r.returncode == 0 and "ok, 2 issues" in r.stdout, r.stdout + r.stderr
    with Archive(lib) as archive:
        assert sorted(i.number for i in archive.list()) == [7, 8]
    assert list(lib.glob(f"{DB_NAME}.damaged-*"))  # the damaged file is kept aside


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_library_named_by_a_relative_path_is_checked(tmp_path, how):
    """``--library lib`` (or LIANLUO_DESK_LIBRARY=lib) from the folder it is in: the
    archive check reads it as any other, never an internal error."""
    opts = ["--library", "lib"] if how == "option" else []
    env = {"LIANLUO_DESK_LIBRARY": "lib"} if how == "environment" else {}
    r = cli(*opts, "archive", "import", str(DATA / "2021-no02.txt"), cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    r = cli(*opts, "archive", "check", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert "internal error" not in r.stderr
