"""Nothing published is ever lost: the archive is copied (SQLite's online backup) before
every publication and correction, the last ten copies are kept in the library, a
damaged archive is found by an integrity check of the database and its full-text
index, and a restore takes the newest good copy back and then carries in everything
recorded since from the library's files (see files.py)."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .health import problems, put_aside
from .rebuild import sync
from .store import DB_NAME, Archive

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
        raise UserError("archive.cannot_back_up", where=src, reason=reason, detail=exc) from None
    for old in backups(library)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


@dataclass
class Restored:
    source: Path
    readded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    damaged_copy: Path | None = None


def restore(library: Path) -> Restored:
    """Put the newest sound backup in place of a damaged or missing archive (the damaged
    file is kept aside), then carry in from the library's files every issue, revision
    and preset recorded since. A sound archive is left alone."""
    library = Path(library)
    live = library / DB_NAME
    if live.exists() and not problems(live):
        raise UserError("archive.sound_not_restored", where=live)
    good = next((b for b in backups(library) if not problems(b)), None)
    if good is None:
        raise UserError("archive.no_sound_backup", where=library / FOLDER)
    aside = put_aside(live)
    part = live.with_suffix(".part")
    shutil.copyfile(good, part)
    os.replace(part, live)
    result = Restored(source=good, damaged_copy=aside)
    with Archive(library) as archive:
        done = sync(archive, library)
    result.readded = done.added + done.updated
    result.failed = done.failed
    return result
