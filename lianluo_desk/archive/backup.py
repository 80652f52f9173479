"""Nothing published is ever lost: the archive is copied (SQLite's online backup) before
every publication and correction, the last ten copies are kept in the library, a
damaged archive is found by an integrity check of the database and its full-text
index, and a restore takes the newest good copy back and then re-adds every issue
published since from the files the library keeps beside each published PDF."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .store import DB_NAME

KEEP = 10
FOLDER = "backups"


def backups(library: Path) -> list[Path]:
    """The archive's copies, newest first."""
    folder = Path(library) / FOLDER
    return sorted(folder.glob("archive-*.sqlite3"), reverse=True)


def backup(library: Path, reason: str) -> Path | None:
    """Copy the archive before a change; None when there is no archive yet."""
    src = Path(library) / DB_NAME
    if not src.exists():
        return None
    folder = Path(library) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    dest = folder / f"archive-{stamp}-{reason}.sqlite3"
    part = dest.with_suffix(".part")
    try:
        with sqlite3.connect(src) as live, sqlite3.connect(part) as copy:
            live.backup(copy)
        copy.close()
        live.close()
        os.replace(part, dest)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise UserError(f"{src}: cannot back up the archive before {reason} ({exc})") from None
    for old in backups(library)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


def problems(path: Path) -> list[str]:
    """What is wrong with an archive file ([] when it is sound): SQLite's integrity
    check of every table and index, and the full-text index against its articles."""
    if not path.exists():
        return [f"{path}: no archive"]
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"{path}: cannot be opened ({exc})"]
    try:
        rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return [f"{path}: database damaged ({'; '.join(rows[:3])})"]
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        if "issues" not in names or "articles_fts" not in names:
            return [f"{path}: not an archive (tables missing)"]
        db.execute("SELECT count(*) FROM issues").fetchone()
    except sqlite3.DatabaseError as exc:
        return [f"{path}: database damaged ({exc})"]
    finally:
        db.close()
    try:  # the FTS5 check is a write statement: run it on a copy
        probe = sqlite3.connect(":memory:")
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as src:
            src.backup(probe)
        probe.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")
        probe.close()
    except sqlite3.DatabaseError as exc:
        return [f"{path}: full-text index damaged ({exc})"]
    return []


@dataclass
class Restored:
    source: Path
    readded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    damaged_copy: Path | None = None


def restore(library: Path) -> Restored:
    """Put the newest sound backup in place of the archive (the damaged file is kept
    aside), then add back every issue published since from the library's files."""
    library = Path(library)
    good = next((b for b in backups(library) if not problems(b)), None)
    if good is None:
        raise UserError(f"{library / FOLDER}: no sound backup of the archive to restore")
    live = library / DB_NAME
    aside = None
    if live.exists():
        stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        aside = live.with_name(f"{DB_NAME}.damaged-{stamp}")
        os.replace(live, aside)
    for extra in ("-wal", "-shm"):
        Path(f"{live}{extra}").unlink(missing_ok=True)
    part = live.with_suffix(".part")
    shutil.copyfile(good, part)
    os.replace(part, live)
    result = Restored(source=good, damaged_copy=aside)
    _readd(library, result)
    return result


def _readd(library: Path, result: Restored) -> None:
    """Published issues the restored archive lacks, from the issue copy beside each
    published PDF (or, for one published before copies were kept, from its PDF)."""
    from ..importers import import_file
    from ..model.store import load_issue
    from .store import Archive

    folder = library / "published"
    if not folder.is_dir():
        return
    with Archive(library) as archive:
        have = {(i.series, i.date.year, i.number) for i in archive.list()}
        for pdf in sorted(folder.glob("*.pdf")):
            copy = pdf.with_suffix(".json")
            try:
                if copy.exists():
                    issue = load_issue(copy)
                else:
                    found = import_file(pdf)[1]
                    if found is None:
                        raise UserError(f"{pdf}: not an issue of the bulletin")
                    issue = found.issue
                m = issue.masthead
                key = ("supplement" if m.supplement else "regular", m.date.year, m.number)
                if key in have:
                    continue
                archive.add(
                    issue,
                    source=pdf.name,
                    published_at=str(issue.published.get("at", m.date.isoformat())),
                    pdf_path=str(pdf),
                    pdf_sha256=str(issue.published.get("pdf_sha256", "")),
                )
                have.add(key)
                result.readded.append(pdf.name)
            except UserError as exc:
                result.failed.append(str(exc))
