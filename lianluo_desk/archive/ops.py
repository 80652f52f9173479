"""Archive operations behind the CLI and the app: import past issues, start the next
issue, change its numbers, publish it safely."""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from ..fsutil import new_file_mode
from ..model.issue import DistributionGroup, Issue
from ..model.store import load_issue, save_issue
from ..places import ISSUE_SUFFIXES, is_issue_name
from ..template import Template
from .numbering import check as check_numbers
from .numbering import propose
from .store import Archive

if TYPE_CHECKING:
    from ..layout.fonts import FontSet


@dataclass
class ImportResult:
    path: str
    issue: Issue | None = None
    error: str = ""
    warnings: list[str] = field(default_factory=list)


PAST_SUFFIXES = (".pdf", ".txt", ".md", *ISSUE_SUFFIXES)


def expand(paths: list[str]) -> list[Path]:
    """Files as given, and the past issues inside folders (recursively, sorted)."""
    out: list[Path] = []
    for f in paths:
        p = Path(f)
        if p.is_dir():
            out += sorted(
                x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in PAST_SUFFIXES
            )
        else:
            out.append(p)
    return out


def import_files(
    archive: Archive,
    files: list[str],
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[ImportResult]:
    """Past issues (their PDFs, text extracted from print, or issue files; folders are
    searched) into the archive; each file is one transaction, a bad one does not stop
    the others. ``progress(k, n, path)`` is told before each file."""
    from ..importers import import_file

    todo = expand(files)
    out = []
    for k, p in enumerate(todo, 1):
        if progress is not None:
            progress(k, len(todo), p)
        res = ImportResult(str(p))
        try:
            if is_issue_name(p.name):
                issue = load_issue(p)
            else:
                past = import_file(p)[1]
                if past is None:
                    raise UserError("archive.not_printed", where=p)
                issue, res.warnings = past.issue, past.warnings
            _add_past(archive, issue, p)
            res.issue = issue
        except UserError as exc:
            res.error = exc.about(p)  # said with its code, naming the file
        out.append(res)
    return out


def _add_past(archive: Archive, issue: Issue, source: Path) -> None:
    """Record a past issue, its source and extracted file kept in the library first."""
    from .files import forget_past, keep_past

    library = archive.path.parent
    try:
        with archive.transaction() as db:
            archive.add(
                issue, source=source.name, published_at=issue.masthead.date.isoformat(), db=db
            )
            keep_past(library, issue, source)
    except BaseException:
        if not _has(archive, issue):
            forget_past(library, issue)
        raise


def _has(archive: Archive, issue: Issue) -> bool:
    from .files import series_key

    return any((i.series, i.year, i.number) == series_key(issue) for i in archive.list())


def distribution_from(archive: Archive, t: Template, preset: str | None) -> tuple[list[str], str]:
    """Recipient groups: a named preset (library first, then template), else the last
    issue's list, else the template's default preset."""
    if preset:
        lib = archive.presets()
        if preset in lib:
            return lib[preset][1], preset
        if preset in t.presets:
            return list(t.presets[preset]["groups"]), preset
        known = sorted(set(lib) | set(t.presets))
        raise UserError("archive.no_preset", name=preset, known=", ".join(known))
    last = archive.last()
    if last is not None and last.banji.distribution:
        return [g.text for g in last.banji.distribution], ""
    name = t.settings.get("default_preset", "")
    return list(t.presets.get(name, {}).get("groups", [])), name


def new_issue(
    archive: Archive,
    t: Template,
    date: _dt.date,
    preset: str | None = None,
    supplement: bool = False,
) -> tuple[Issue, list[str]]:
    from ..service import new_issue as blank

    prop = propose(archive, date, supplement)
    issue = blank(t, date, prop.number, prop.cumulative)
    issue.masthead.supplement = supplement
    groups, name = distribution_from(archive, t, preset)
    issue.banji.distribution = [DistributionGroup(g) for g in groups]
    issue.banji.preset = name
    last = archive.last()
    if last is not None and last.banji.editors:
        issue.banji.editors = list(last.banji.editors)
    return issue, prop.warnings


SETTABLE = (
    "number",
    "cumulative",
    "date",
    "editors",
    "distribution",
    "contact",
    "approval",
    "supplement",
)


def set_values(issue: Issue, pairs: list[str], archive: Archive, t: Template) -> list[str]:
    """Apply KEY=VALUE overrides with validation; returns numbering warnings."""
    ensure_editable(issue, "issue")
    m, f = issue.masthead, issue.banji
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in SETTABLE:
            raise UserError("set.unknown_key", pair=pair, keys=", ".join(SETTABLE))
        if key in ("number", "cumulative"):
            if not value.isdigit() or int(value) < 1:
                raise UserError("set.not_a_number", key=key, value=value)
            setattr(m, key, int(value))
        elif key == "date":
            try:
                m.date = _dt.date.fromisoformat(value)
            except ValueError:
                raise UserError("set.not_a_date", value=value) from None
        elif key == "editors":
            names = [n.strip() for n in value.replace("，", ",").replace("、", ",").split(",")]
            if not all(names):
                raise UserError("set.empty_editor", value=value)
            f.editors = names
        elif key == "distribution":
            groups, name = distribution_from(archive, t, value)
            f.distribution = [DistributionGroup(g) for g in groups]
            f.preset = name
        elif key == "supplement":
            if value.lower() not in ("yes", "no", "true", "false", "1", "0"):
                raise UserError("set.not_yes_no", value=value)
            m.supplement = value.lower() in ("yes", "true", "1")
        else:
            setattr(f, key, value)
    return check_numbers(archive, m.date, m.number, m.cumulative, m.supplement)


def _fault(point: str) -> None:
    """Test hook: LIANLUO_DESK_FAULT=point kills the process there, as a crash would."""
    if os.environ.get("LIANLUO_DESK_FAULT") == point:
        os._exit(99)


def publish(issue_path: Path, archive: Archive, library: Path, t: Template, fonts: FontSet) -> Path:
    """Check, export the final PDF (PDF/A-2b, the archive copy) into the library, record
    the issue, lock the file.

    Numbers are checked again inside the archive's write transaction, so of two
    publications racing for one number exactly one wins; the PDF is moved into place
    before the commit and removed again if the commit fails.
    """
    from .. import proof
    from ..export.pdf import render_pdf
    from ..proof.judgement import blocking
    from ..service import layout
    from .files import keep_published

    issue = load_issue(issue_path)
    ensure_editable(issue, str(issue_path))
    errors = blocking(issue, proof.check(issue))  # what the editor confirmed passes
    if errors:
        raise UserError("issue.proof_errors", where=issue_path, count=len(errors))
    m = issue.masthead
    prior = prior_revision(archive, issue)
    if prior is None:
        warnings = [
            w
            for w in check_numbers(archive, m.date, m.number, m.cumulative, m.supplement)
            if getattr(w, "code", None) == "numbers.duplicate"
        ]
        if warnings:
            raise UserError("numbers.refused", where=issue_path, warning=warnings[0])
    doc = layout(issue, t, fonts)  # refuses missing glyphs
    from .backup import backup

    backup(library, "publish")
    data = render_pdf(doc, pdfa=True)  # the archive copy: PDF/A-2b
    sha = hashlib.sha256(data).hexdigest()
    out_dir = library / "published"
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = t.issue_stem(m.date.year, m.number, m.supplement)
    final = out_dir / f"{stem}.pdf"
    fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".part", dir=out_dir)
    os.chmod(tmp, new_file_mode())  # mkstemp's 0600 would hide it from the office
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    _fault("after-pdf")
    now = _dt.datetime.now().replace(microsecond=0).isoformat()
    before = dict(issue.published)
    issue.published = {
        "state": "published",
        "at": now,
        "revision": 1 if prior is None else prior[1] + 1,
        "pdf_sha256": sha,
        "pdf": final.name,
        "source": issue_path.name,  # as the archive records it, for a rebuild
    }
    moved = False
    try:
        with archive.transaction() as db:
            if prior is None:
                archive.add(
                    issue,
                    source=issue_path.name,
                    published_at=now,
                    pdf_path=str(final),
                    pdf_sha256=sha,
                    db=db,
                )
            else:
                _record_revision(archive, db, prior[0], issue, str(final), sha, now)
            _fault("mid-record")
            os.replace(tmp, final)
            moved = True
            keep_published(issue, final)  # the library's files first, then the index
    except BaseException:
        if not moved and os.path.exists(tmp):
            os.unlink(tmp)
        issue.published = before
        raise
    save_issue(issue, issue_path)
    return final


def revision_of(archive: Archive, issue: Issue, revision: int) -> Issue:
    """Revision ``revision`` of the published issue this one is (or corrects)."""
    import json

    from ..model.store import issue_from_dict

    m = issue.masthead
    series = "supplement" if m.supplement else "regular"
    row = archive.db.execute(
        "SELECT id, revision, data FROM issues WHERE series=? AND year=? AND number=?",
        (series, m.date.year, m.number),
    ).fetchone()
    if row is None:
        raise UserError("archive.not_archived")
    if int(row[1]) == revision:
        data = row[2]
    else:
        old = archive.db.execute(
            "SELECT data FROM revisions WHERE issue_id=? AND revision=?", (row[0], revision)
        ).fetchone()
        if old is None:
            raise UserError("archive.no_revision", revision=revision, last=row[1])
        data = old[0]
    return issue_from_dict(json.loads(data), f"revision {revision}")


def ensure_editable(issue: Issue, where: str) -> None:
    if issue.published.get("state") == "published":
        raise UserError("issue.read_only", where=where, revision=issue.published.get("revision", 1))


def revise(issue_path: Path, library: Path | None = None) -> Issue:
    """Reopen a published issue as a correction; publishing it records a new revision.
    The archive is backed up first."""
    issue = load_issue(issue_path)
    if issue.published.get("state") != "published":
        raise UserError("issue.not_published", where=issue_path)
    if library is not None:
        from .backup import backup

        backup(library, "revise")
    issue.published = {**issue.published, "state": "revising"}
    save_issue(issue, issue_path)
    return issue


def prior_revision(archive: Archive, issue: Issue) -> tuple[int, int] | None:
    """(archive id, revision) when this issue is a correction of a published one."""
    if issue.published.get("state") != "revising":
        return None
    m = issue.masthead
    series = "supplement" if m.supplement else "regular"
    row = archive.db.execute(
        "SELECT id, revision FROM issues WHERE series=? AND year=? AND number=? AND cumulative=?",
        (series, m.date.year, m.number, m.cumulative),
    ).fetchone()
    if row is None:
        raise UserError("archive.corrected_missing")
    return int(row[0]), int(row[1])


def _record_revision(
    archive: Archive,
    db: sqlite3.Connection,
    issue_id: int,
    issue: Issue,
    pdf: str,
    sha: str,
    now: str,
) -> None:
    old = db.execute(
        "SELECT revision, data, pdf_sha256 FROM issues WHERE id=?", (issue_id,)
    ).fetchone()
    archive.add_revision(db, issue_id, old[0], old[1], old[2], now)
    archive.replace_issue(db, issue_id, issue, pdf, sha, now, old[0] + 1)
