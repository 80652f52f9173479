"""Whether an archive file is sound, and a damaged one moved out of the way: what both
a restore from backup and a rebuild from the library's files start with."""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from pathlib import Path

from ..catalogue import say
from .store import DB_NAME


def problems(path: Path) -> list[str]:
    """What is wrong with an archive file ([] when it is sound): SQLite's integrity
    check of every table and index, and the full-text index against its articles."""
    if not path.exists():
        return [say("archive.absent", where=path)]
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [say("archive.unopenable", where=path, detail=exc)]
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return [say("archive.db_damaged", where=path, detail="; ".join(rows[:3]))]
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        if "issues" not in names or "articles_fts" not in names:
            return [say("archive.no_tables", where=path)]
        db.execute("SELECT count(*) FROM issues").fetchone()
    except sqlite3.DatabaseError as exc:
        return [say("archive.db_damaged", where=path, detail=exc)]
    finally:
        db.close()
    try:  # the FTS5 check is a write statement: run it on a copy
        probe = sqlite3.connect(":memory:")
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as src:
            src.backup(probe)
        probe.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        probe.close()
    except sqlite3.DatabaseError as exc:
        return [say("archive.index_damaged", where=path, detail=exc)]
    return []


def put_aside(live: Path) -> Path | None:
    """Move a damaged archive (and its WAL files) out of the way, kept for inspection."""
    aside = None
    if live.exists():
        stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        aside = live.with_name(f"{DB_NAME}.damaged-{stamp}")
        os.replace(live, aside)
    for extra in ("-wal", "-shm"):
        Path(f"{live}{extra}").unlink(missing_ok=True)
    return aside
