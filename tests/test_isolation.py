"""The tests run in a private library and home: a user's own library is neither read nor
written, and a populated one does not change what the tests see."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import DATA, HOME_VARS, ROOT, cli

INNER = """
import os
from pathlib import Path

from tests.conftest import *  # noqa: F403 (the project's fixtures)
from tests.conftest import cli


def test_inner(tmp_path):
    from lianluo_desk.service import library_dir

    user_home = Path(os.environ["OUTER_USER_HOME"])
    assert user_home not in library_dir().parents
    assert not str(os.environ["HOME"]).startswith(str(user_home))
    listing = cli("archive", "list")
    assert listing.returncode == 0, listing.stderr
    assert "第16期" not in listing.stdout
    issue = tmp_path / "a.json"
    made = cli("new", str(issue), "--date", "2022-08-15")
    assert made.returncode == 0, made.stderr
    assert "第1期" in made.stdout + made.stderr
    assert cli("publish", str(issue)).returncode == 0
"""


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_user_library_neither_read_nor_written(tmp_path):
    user_home = tmp_path / "user"
    user_lib = user_home / ".local" / "share" / "lianluo-desk"  # platformdirs' default
    issue = tmp_path / "p.json"
    for args in (
        ("new", str(issue), "--date", "2022-08-15", "--number", "16", "--cumulative", "667"),
        ("publish", str(issue)),
        ("archive", "import", str(DATA / "2021-no02.txt"), str(DATA / "2018-no01.txt")),
    ):
        r = cli("--library", str(user_lib), *args)
        assert r.returncode == 0, r.stderr
    before = snapshot(user_home)
    assert ".local/share/lianluo-desk/archive.sqlite3" in before

    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "test_inner.py").write_text(textwrap.dedent(INNER), "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in HOME_VARS}
    env.pop("LIANLUO_DESK_LIBRARY", None)
    env.update(HOME=str(user_home), OUTER_USER_HOME=str(user_home), PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(inner)],
        cwd=inner,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout[-2000:]
    assert snapshot(user_home) == before
