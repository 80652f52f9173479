"""The library's files are the truth and the archive database an index of them: a
restore loses nothing published since the backup, a rebuild re-creates the archive
from the files alone, and what the library writes is readable as the umask allows."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianluo_desk.archive import backup
from lianluo_desk.archive.store import DB_NAME, Archive
from lianluo_desk.cli import main
from lianluo_desk.model.store import load_issue, save_issue

from .conftest import DATA, cli

NEW_TEXT = "更正后的表述见于第二次发布"


def run(lib, *args) -> None:
    assert main(["--library", str(lib), *args]) == 0


def ready(lib, path, date, number):
    run(
        lib,
        "new",
        str(path),
        "--date",
        date,
        "--number",
        str(number),
        "--cumulative",
        str(651 + number),
    )
    run(lib, "add", str(path), str(DATA / "2022-no07-training.docx"))
    run(lib, "check", str(path), "--fix", "all")


def correct(lib, path, text, was=""):
    """revise → edit → publish: the next revision with ``text`` in its first paragraph
    (in place of ``was``)."""
    run(lib, "revise", str(path))
    issue = load_issue(path)
    block = issue.articles[0].blocks[0]
    block.text = block.text.replace(was, text) if was else block.text + text
    save_issue(issue, path)
    run(lib, "publish", str(path))


def history(lib) -> dict:
    """What the archive holds: issues with revision, their revisions, presets, search."""
    db = sqlite3.connect(lib / DB_NAME)
    try:
        issues = db.execute(
            "SELECT series, year, number, cumulative, date, title, data, source, pdf_sha256,"
            " published_at, revision FROM issues ORDER BY cumulative"
        ).fetchall()
        revisions = db.execute(
            "SELECT i.number, r.revision, r.data, r.pdf_sha256, r.replaced_at FROM revisions r"
            " JOIN issues i ON i.id = r.issue_id ORDER BY i.number, r.revision"
        ).fetchall()
        presets = db.execute("SELECT * FROM presets ORDER BY name").fetchall()
        articles = db.execute(
            "SELECT i.number, a.idx, a.title, a.text FROM articles a JOIN issues i"
            " ON i.id = a.issue_id ORDER BY i.number, a.idx"
        ).fetchall()
    finally:
        db.close()
    return {"issues": issues, "revisions": revisions, "presets": presets, "articles": articles}


def found(lib, text) -> list[int]:
    with Archive(lib) as archive:
        return sorted(i.number for i, _t, _s in archive.search(text))


def sequence(lib, tmp_path):
    """import, publish, revise, publish, import, publish, revise, publish, preset."""
    run(lib, "archive", "import", str(DATA / "2021-no02.txt"))
    first, second = tmp_path / "16.json", tmp_path / "17.json"
    ready(lib, first, "2022-08-15", 16)
    run(lib, "publish", str(first))
    correct(lib, first, NEW_TEXT)
    run(lib, "archive", "import", str(DATA / "2022-no07.txt"), str(DATA / "2018-no01.txt"))
    ready(lib, second, "2022-09-01", 17)
    run(lib, "publish", str(second))
    correct(lib, second, "第十七期的第二次更正")
    correct(lib, second, "第三次更正", "第二次更正")
    run(lib, "preset", "save", "special", str(first), "--label", "专报")


@pytest.mark.slow
def test_restore_keeps_every_revision_and_what_came_after_the_backup(tmp_path):
    lib = tmp_path / "lib"
    sequence(lib, tmp_path)
    want = history(lib)
    assert [r[-1] for r in want["issues"]] == [1, 1, 1, 2, 3]
    assert [r[:2] for r in want["revisions"]] == [(16, 1), (17, 1), (17, 2)]
    (lib / DB_NAME).write_bytes(b"garbage " * 1000)  # damaged
    for extra in ("-wal", "-shm"):
        (lib / f"{DB_NAME}{extra}").unlink(missing_ok=True)
    r = cli("--library", str(lib), "archive", "restore")
    assert r.returncode == 0, r.stderr
    assert history(lib) == want
    assert found(lib, NEW_TEXT) == [16] and found(lib, "第三次更正") == [17]
    assert found(lib, "第二次更正") == []  # the newest text only


@pytest.mark.slow
def test_restore_refuses_a_sound_archive_and_changes_nothing(tmp_path):
    lib = tmp_path / "lib"
    run(lib, "archive", "import", str(DATA / "2021-no02.txt"))
    issue = tmp_path / "16.json"
    ready(lib, issue, "2022-08-15", 16)
    run(lib, "publish", str(issue))

    def files():  # SQLite's -wal and -shm (journal, readers' memory): compared by history()
        return {p: p.read_bytes() for p in lib.rglob("*") if p.is_file() and "-" not in p.suffix}

    before, held = files(), history(lib)
    r = cli("--library", str(lib), "archive", "restore")
    assert r.returncode == 2 and "sound" in r.stderr and len(r.stderr.splitlines()) == 1
    assert files() == before and history(lib) == held


@pytest.mark.slow
def test_rebuild_from_the_library_files_alone(tmp_path):
    lib = tmp_path / "lib"
    sequence(lib, tmp_path)
    want = history(lib)
    for name in ("2021-no02.txt", "2022-no07.txt", "2018-no01.txt"):
        kept = list((lib / "past").glob(f"*/{name}"))
        assert len(kept) == 1 and kept[0].read_bytes() == (DATA / name).read_bytes()
        assert (kept[0].parent / "issue.json").exists()
    sqlite_files = [p for p in lib.rglob("*") if ".sqlite3" in p.name]
    assert len(sqlite_files) >= 5  # the archive and its backups
    for p in sqlite_files:
        p.unlink()
    r = cli("--library", str(lib), "archive", "restore")
    assert r.returncode == 2 and "archive rebuild" in r.stderr
    r = cli("--library", str(lib), "archive", "rebuild")
    assert r.returncode == 0, r.stderr
    got = history(lib)
    assert got == want
    assert found(lib, NEW_TEXT) == [16]
    r = cli("--library", str(lib), "archive", "check")
    assert r.returncode == 0 and "ok, 5 issues" in r.stdout, r.stdout + r.stderr
    r = cli("--library", str(lib), "archive", "rebuild")  # a sound archive is left alone
    assert r.returncode == 2 and "sound" in r.stderr


@pytest.mark.slow
def test_library_files_readable_as_the_umask_allows(tmp_path):
    lib = tmp_path / "lib"
    issue = tmp_path / "16.json"
    old = os.umask(0o002)
    try:
        assert (
            cli("--library", str(lib), "archive", "import", str(DATA / "2021-no02.txt")).returncode
            == 0
        )
        ready(lib, issue, "2022-08-15", 16)
        r = cli("--library", str(lib), "publish", str(issue))
        assert r.returncode == 0, r.stderr
    finally:
        os.umask(old)
    modes = {
        str(p.relative_to(lib)): stat.S_IMODE(p.stat().st_mode)
        for p in lib.rglob("*")
        if p.is_file() and ".sqlite3" not in p.name
    }
    assert "published/联络动态2022年第16期.pdf" in modes
    assert modes == dict.fromkeys(modes, 0o664)


@pytest.mark.slow
def test_check_keeps_the_files_an_older_library_lacks(tmp_path):
    """An archive made before the library kept its files: `archive check` writes them,
    so a rebuild still finds every issue and revision."""
    import shutil

    lib = tmp_path / "lib"
    sequence(lib, tmp_path)
    want = history(lib)
    shutil.rmtree(lib / "past")
    shutil.rmtree(lib / "published" / "revisions")
    for p in [*(lib / "published").glob("*.json"), lib / "presets.json"]:
        p.unlink()
    r = cli("--library", str(lib), "archive", "check")
    assert r.returncode == 0 and r.stdout.count("kept in the library's files") == 6, r.stdout
    for p in [p for p in lib.rglob("*") if ".sqlite3" in p.name]:
        p.unlink()
    assert cli("--library", str(lib), "archive", "rebuild").returncode == 0
    got = history(lib)

    def without_source(rows):
        return [r[:7] + r[8:] for r in rows]

    assert without_source(got["issues"]) == without_source(want["issues"])
    assert got["revisions"] == want["revisions"] and got["articles"] == want["articles"]
    assert got["presets"] == want["presets"]


OPS = ("import", "publish", "correct", "preset")


@pytest.mark.slow
@settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(OPS), min_size=3, max_size=6))
def test_any_sequence_restored_and_rebuilt_losslessly(tmp_path_factory, ops):
    """Whatever was imported, published and corrected in whatever order, both a restore
    and a rebuild give back the archive as it was, and search finds the newest text."""
    tmp = tmp_path_factory.mktemp("seq")
    lib = tmp / "lib"
    pasts = [DATA / f"{n}.txt" for n in ("2018-no01", "2021-no02", "2022-no07")]
    published: list = []
    corrections: list[str] = []
    for k, op in enumerate(ops):
        if op == "import" and pasts:
            run(lib, "archive", "import", str(pasts.pop()))
        elif op == "publish" or (op == "correct" and not published):
            path = tmp / f"{16 + len(published)}.json"
            ready(lib, path, f"2022-08-{15 + len(published)}", 16 + len(published))
            run(lib, "publish", str(path))
            published.append(path)
        elif op == "correct":
            corrections.append(f"第{k}步的更正")
            correct(lib, published[-1], corrections[-1])
        elif op == "preset" and published:
            run(lib, "preset", "save", f"p{k}", str(published[-1]))
    want = history(lib)
    db = lib / DB_NAME
    db.write_bytes(b"damaged " * 512)
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    if backup.backups(lib):
        assert main(["--library", str(lib), "archive", "restore"]) == 0
        assert history(lib) == want
    for p in [p for p in lib.rglob("*") if ".sqlite3" in p.name]:
        p.unlink()
    assert main(["--library", str(lib), "archive", "rebuild"]) == 0
    assert history(lib) == want
    assert all(found(lib, text) for text in corrections)  # the newest text, searched
