"""The archive through the command line: numbers proposed, duplicates refused, a
publication that races or crashes leaves the archive consistent."""

import json
import sqlite3
import subprocess
import sys

import pytest

from lianluo_desk.archive.store import Archive
from lianluo_desk.cnnum import to_chinese

from .conftest import DATA, ROOT, cli


def _variant(tmp_path, number, cumulative, date_line):
    text = (DATA / "2022-no07.txt").read_text("utf-8")
    text = (
        text.replace("第 7 期", f"第 {number} 期")
        .replace("(总第六百五十六期)", f"(总第{to_chinese(cumulative)}期)")
        .replace("2022 年 5 月 22 日", date_line)
    )
    p = tmp_path / f"2022-no{number:02d}.txt"
    p.write_text(text, "utf-8")
    return p


@pytest.fixture()
def lib(tmp_path):
    lib = tmp_path / "lib"
    files = [
        DATA / "2018-no01.txt",
        DATA / "2021-no02.txt",
        DATA / "2022-no07.txt",
        _variant(tmp_path, 13, 663, "2022 年 6 月 18 日"),
        _variant(tmp_path, 15, 666, "20227 月 29 日"),
    ]
    r = cli("--library", str(lib), "archive", "import", *map(str, files))
    assert r.returncode == 0, r.stderr
    assert "damaged" in r.stdout  # 20227 月 29 日 is read, and reported
    return lib


def test_new_issue_numbered_and_filled_from_the_archive(lib, tmp_path):
    issue = tmp_path / "16.json"
    r = cli("--library", str(lib), "new", str(issue), "--date", "2022-08-15")
    assert r.returncode == 0, r.stderr
    assert "第16期 （总第六百六十七期） 2022年8月15日" in r.stdout
    data = json.loads(issue.read_text("utf-8"))
    assert [data["masthead"][k] for k in ("number", "cumulative")] == [16, 667]
    assert len(data["footer"]["distribution"]) == 4
    assert data["footer"]["editors"] == ["石韧", "谢峥嵘"]
    assert data["footer"]["approval"] == "湘党简准字〔2000〕第28号"


@pytest.mark.slow
def test_publish_then_next_year_then_duplicate_refused(lib, tmp_path):
    first = tmp_path / "16.json"
    _issue_ready(lib, first)
    r = cli("--library", str(lib), "publish", str(first))
    assert r.returncode == 0, r.stderr
    pdfs = list((lib / "published").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["联络动态2022年第16期.pdf"]
    locked = first.read_bytes()
    r = cli("add", str(first), str(DATA / "2022-no07-training.docx"))
    assert r.returncode == 2 and "read-only" in r.stderr
    assert first.read_bytes() == locked

    nxt = tmp_path / "2023-1.json"
    r = cli("--library", str(lib), "new", str(nxt), "--date", "2023-01-10")
    assert "第1期 （总第六百六十八期）" in r.stdout

    other = tmp_path / "other.json"
    _issue_ready(lib, other, "2022-09-01")
    r = cli("--library", str(lib), "set", str(other), "number=16", "cumulative=667")
    assert r.returncode == 0 and "duplicate" in r.stdout
    r = cli("--library", str(lib), "publish", str(other))
    assert r.returncode == 2 and "already" in r.stderr
    with Archive(lib) as a:
        assert len(a.list()) == 6


@pytest.mark.slow
def test_set_validates(lib, tmp_path):
    issue = tmp_path / "i.json"
    cli("--library", str(lib), "new", str(issue), "--date", "2022-08-15")
    before = issue.read_bytes()
    for bad in ("number=0", "date=2022-13-01", "distribution=nosuch", "colour=red"):
        r = cli("--library", str(lib), "set", str(issue), bad)
        assert r.returncode == 2 and "Traceback" not in r.stderr, bad
        assert issue.read_bytes() == before
    r = cli(
        "--library",
        str(lib),
        "set",
        str(issue),
        "distribution=2018",
        "editors=石韧,吴静波",
        "number=20",
    )
    assert r.returncode == 0 and "gap" in r.stdout
    data = json.loads(issue.read_text("utf-8"))
    assert len(data["footer"]["distribution"]) == 6 and data["masthead"]["number"] == 20


def _issue_ready(lib, path, date="2022-08-15"):
    cli("--library", str(lib), "new", str(path), "--date", date)
    cli("add", str(path), str(DATA / "2022-no07-training.docx"))
    r = cli("check", str(path), "--fix", "all")
    assert r.returncode == 0, r.stdout


@pytest.mark.slow
def test_concurrent_publish_one_wins(lib, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    _issue_ready(lib, a)
    _issue_ready(lib, b)
    env = {"LIANLUO_DESK_SYSTEM_FONTS": "0"}
    import os

    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "lianluo_desk", "--library", str(lib), "publish", str(p)],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (a, b)
    ]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    codes = sorted(r[2] for r in results)
    assert codes == [0, 2], results
    loser = [r for r in results if r[2] == 2][0]
    assert "already" in loser[1] and "Traceback" not in loser[1]
    db = sqlite3.connect(lib / "archive.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (
        db.execute("SELECT count(*) FROM issues WHERE year=2022 AND number=16").fetchone()[0] == 1
    )
    assert db.execute("SELECT count(*) FROM issues").fetchone()[0] == 6


@pytest.mark.slow
@pytest.mark.parametrize("point", ["after-pdf", "mid-record"])
def test_crash_during_publish_leaves_archive_as_before(lib, tmp_path, point):
    issue = tmp_path / "i.json"
    _issue_ready(lib, issue)
    before = issue.read_bytes()
    r = cli("--library", str(lib), "publish", str(issue), env={"LIANLUO_DESK_FAULT": point})
    assert r.returncode == 99
    db = sqlite3.connect(lib / "archive.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM issues").fetchone()[0] == 5
    assert (
        db.execute(
            "SELECT count(*) FROM articles WHERE issue_id NOT IN (SELECT id FROM issues)"
        ).fetchone()[0]
        == 0
    )
    assert issue.read_bytes() == before
    assert not (lib / "published" / "联络动态2022年第16期.pdf").exists()
    r = cli("--library", str(lib), "publish", str(issue))  # and it can be published after
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_revision_recorded(lib, tmp_path):
    issue = tmp_path / "i.json"
    _issue_ready(lib, issue)
    assert cli("--library", str(lib), "publish", str(issue)).returncode == 0
    assert cli("--library", str(lib), "revise", str(issue)).returncode == 0
    cli("add", str(issue), str(DATA / "2022-no07-training.docx"))
    cli("check", str(issue), "--fix", "all")
    r = cli("--library", str(lib), "publish", str(issue))
    assert r.returncode == 0, r.stderr
    db = sqlite3.connect(lib / "archive.sqlite3")
    assert db.execute("SELECT revision FROM issues WHERE number=16").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1


def test_search(lib):
    r = cli("--library", str(lib), "archive", "search", "代表建议")
    assert r.returncode == 0
    assert r.stdout.count("【代表建议】") >= 3
    r = cli("--library", str(lib), "archive", "search", "换届")
    assert "2018-01-31" in r.stdout


def test_presets_saved_in_the_library(lib, tmp_path):
    issue = tmp_path / "i.json"
    cli("--library", str(lib), "new", str(issue), "--date", "2022-08-15", "--preset", "2021")
    assert len(json.loads(issue.read_text("utf-8"))["footer"]["distribution"]) == 7
    r = cli("--library", str(lib), "preset", "save", "special", str(issue), "--label", "专报")
    assert r.returncode == 0, r.stderr
    r = cli("--library", str(lib), "preset", "list")
    assert "special  [library]  专报  7 组" in r.stdout and "2018  [template]" in r.stdout
    other = tmp_path / "o.json"
    cli("--library", str(lib), "new", str(other), "--date", "2022-08-15", "--preset", "special")
    assert json.loads(other.read_text("utf-8"))["footer"]["preset"] == "special"
