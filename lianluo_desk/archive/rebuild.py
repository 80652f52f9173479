"""The archive database made to agree with the library's files: after a restore (the
backup is older than what was published since) and for a rebuild from nothing (the
database and every backup lost)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..model.store import issue_to_dict
from . import files
from .health import problems, put_aside
from .store import DB_NAME, Archive


@dataclass
class Synced:
    added: list[str] = field(default_factory=list)  # issues the database lacked
    updated: list[str] = field(default_factory=list)  # newer revisions carried in
    failed: list[str] = field(default_factory=list)


def sync(archive: Archive, library: Path) -> Synced:
    """Add every issue, revision and preset the files hold and the database lacks; an
    issue the database has at an older revision gets the newer ones, history kept."""
    out = Synced()
    recs, out.failed = files.records(library)
    rows = {
        (r[1], r[2], r[3]): (int(r[0]), int(r[4]), r[5])
        for r in archive.db.execute("SELECT id, series, year, number, revision, data FROM issues")
    }
    for rec in recs:
        key = files.series_key(rec.issue)
        try:
            with archive.transaction() as db:
                if key not in rows:
                    issue_id = archive.add(
                        rec.issue, rec.source, rec.published_at, rec.pdf_path, rec.pdf_sha256, db
                    )
                    have, known = 0, ""
                    out.added.append(rec.source)
                else:
                    issue_id, have, known = rows[key]
                    if have >= rec.revision:
                        continue
                    out.updated.append(f"{rec.source} r{have}→r{rec.revision}")
                _history(archive, db, issue_id, rec, have, known)
                archive.replace_issue(
                    db,
                    issue_id,
                    rec.issue,
                    rec.pdf_path,
                    rec.pdf_sha256,
                    rec.published_at,
                    rec.revision,
                )
                rows[key] = (issue_id, rec.revision, "")
        except UserError as exc:
            out.failed.append(exc.about(rec.source))
    try:
        kept = files.presets(library)
    except UserError as exc:
        out.failed.append(exc.said)
        kept = {}
    saved = archive.presets()
    for name, (label, groups) in kept.items():
        if saved.get(name) != (label, groups):  # the file is the truth
            archive.save_preset(name, label, groups)
    return out


def _history(
    archive: Archive,
    db: sqlite3.Connection,
    issue_id: int,
    rec: files.Record,
    have: int,
    known: str,
) -> None:
    """The revisions between what the database has and the newest, as published."""
    kept = {
        r[0] for r in db.execute("SELECT revision FROM revisions WHERE issue_id=?", (issue_id,))
    }
    for rev in range(1, rec.revision):
        if rev in kept or (rev < have):
            continue
        issue = rec.history.get(rev)
        if issue is not None:
            data = json.dumps(issue_to_dict(issue), ensure_ascii=False)
        elif rev == have and known:
            data = known
        else:
            continue  # published before the library kept its revisions
        after = rec.history.get(rev + 1, rec.issue)
        sha = str(issue.published.get("pdf_sha256", "")) if issue is not None else ""
        archive.add_revision(db, issue_id, rev, data, sha, str(after.published.get("at", "")))


def keep_missing(archive: Archive, library: Path) -> list[str]:
    """Write the file of every issue the database holds and the library's files lack
    (an archive made before the library kept them), so a rebuild loses nothing."""
    from ..model.store import issue_from_dict, save_issue

    written = []
    published = Path(library) / files.PUBLISHED
    for issue_id, data, pdf in archive.db.execute("SELECT id, data, pdf_path FROM issues"):
        issue = issue_from_dict(json.loads(data), "archive")
        here = published / Path(pdf).name if pdf else None  # the library may have moved
        if here is not None and here.exists():
            if here.with_suffix(".json").exists():
                continue
            for (old,) in archive.db.execute(
                "SELECT data FROM revisions WHERE issue_id=? ORDER BY revision", (issue_id,)
            ):
                files.keep_published(issue_from_dict(json.loads(old), "archive"), here)
            files.keep_published(issue, here)
            written.append(here.name)
        elif not (files.past_folder(library, issue) / files.ISSUE_FILE).exists():
            folder = files.past_folder(library, issue)
            folder.mkdir(parents=True, exist_ok=True)
            save_issue(issue, folder / files.ISSUE_FILE)
            written.append(folder.name)
    presets = archive.presets()
    if presets and not (Path(library) / files.PRESETS).exists():
        files.keep_presets(library, presets)
        written.append(files.PRESETS)
    return written


@dataclass
class Rebuilt:
    synced: Synced
    damaged_copy: Path | None = None


def rebuild(library: Path) -> Rebuilt:
    """A new archive from the library's files alone, put in place of a damaged or
    missing one (the damaged file is kept aside); refuses while the archive is sound."""
    library = Path(library)
    live = library / DB_NAME
    if live.exists() and not problems(live):
        raise UserError("archive.sound_not_rebuilt", where=live)
    library.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".rebuild-", dir=library))
    try:
        with Archive(work) as archive:
            done = sync(archive, library)
            archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            archive.db.execute("PRAGMA journal_mode = DELETE")
        aside = put_aside(live)
        os.replace(work / DB_NAME, live)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Rebuilt(done, aside)
