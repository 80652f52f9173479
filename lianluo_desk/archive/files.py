"""The library's files are the truth, the archive database an index of them (calibre
keeps an OPF beside every book and rebuilds ``metadata.db`` from them).

Every issue the archive knows is also a file in the library, written before the
database records it:

- ``published/<stem>.pdf`` and ``<stem>.json``: a published issue, newest revision;
  ``published/revisions/<stem>.r<N>.json``: every revision as it was published;
- ``past/<key>/issue.json`` and the source as given (the PDF or text of the print);
- ``presets.json``: the distribution presets saved in the library.

:func:`records` reads them back, for a restore or a rebuild of the database.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..fsutil import atomic_write_text
from ..model.issue import Issue
from ..model.store import load_issue, save_issue

PUBLISHED = "published"
REVISIONS = "revisions"
PAST = "past"
PRESETS = "presets.json"
ISSUE_FILE = "issue.json"
_REV = re.compile(r"^(?P<stem>.+)\.r(?P<rev>\d+)\.json$")


@dataclass
class Record:
    """One issue as the library's files hold it."""

    issue: Issue  # the newest revision
    source: str
    published_at: str
    pdf_path: str = ""
    pdf_sha256: str = ""
    history: dict[int, Issue] = field(default_factory=dict)  # revision → as published

    @property
    def revision(self) -> int:
        return int(self.issue.published.get("revision", 1) or 1)


def series_key(issue: Issue) -> tuple[str, int, int]:
    m = issue.masthead
    return ("supplement" if m.supplement else "regular", m.date.year, m.number)


def keep_published(issue: Issue, pdf: Path) -> None:
    """The published issue beside its PDF, and this revision among its revisions."""
    save_issue(issue, pdf.with_suffix(".json"))
    folder = pdf.parent / REVISIONS
    folder.mkdir(exist_ok=True)
    save_issue(issue, folder / f"{pdf.stem}.r{int(issue.published.get('revision', 1))}.json")


def past_folder(library: Path, issue: Issue) -> Path:
    series, year, number = series_key(issue)
    kind = "-supplement" if series == "supplement" else ""
    return Path(library) / PAST / f"{year}{kind}-no{number:02d}"


def keep_past(library: Path, issue: Issue, source: Path) -> Path:
    """An imported past issue: its source as given and the issue extracted from it."""
    folder = past_folder(library, issue)
    try:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if source.name != ISSUE_FILE:
            shutil.copyfile(source, folder / source.name)
    except OSError as exc:
        raise UserError("archive.cannot_keep_past", where=folder, detail=exc.strerror) from None
    save_issue(issue, folder / ISSUE_FILE)
    return folder


def forget_past(library: Path, issue: Issue) -> None:
    shutil.rmtree(past_folder(library, issue), ignore_errors=True)


def keep_presets(library: Path, presets: dict[str, tuple[str, list[str]]]) -> None:
    data = {name: {"label": label, "groups": groups} for name, (label, groups) in presets.items()}
    atomic_write_text(Path(library) / PRESETS, json.dumps(data, ensure_ascii=False, indent=1))


def presets(library: Path) -> dict[str, tuple[str, list[str]]]:
    path = Path(library) / PRESETS
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
        return {str(k): (str(v.get("label", "")), list(v["groups"])) for k, v in data.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError("archive.not_presets", where=path, detail=exc) from None


def records(library: Path) -> tuple[list[Record], list[str]]:
    """Every issue the library's files hold (published first, then past issues), and a
    line for each file that could not be read."""
    library = Path(library)
    out: list[Record] = []
    failed: list[str] = []
    folder = library / PUBLISHED
    for pdf in sorted(folder.glob("*.pdf")) if folder.is_dir() else []:
        try:
            out.append(_published(pdf))
        except UserError as exc:
            failed.append(exc.said)
    for copy in sorted((library / PAST).glob(f"*/{ISSUE_FILE}")):
        try:
            issue = load_issue(copy)
        except UserError as exc:
            failed.append(exc.said)
            continue
        given = sorted(p.name for p in copy.parent.iterdir() if p.name != ISSUE_FILE)
        source = given[0] if given else ISSUE_FILE
        out.append(Record(issue, source, issue.masthead.date.isoformat()))
    return out, failed


def _published(pdf: Path) -> Record:
    copy = pdf.with_suffix(".json")
    if copy.exists():
        issue = load_issue(copy)
    else:  # published before copies were kept: read the PDF itself
        from ..importers import import_file

        found = import_file(pdf)[1]
        if found is None:
            raise UserError("archive.not_bulletin", where=pdf)
        issue = found.issue
    history: dict[int, Issue] = {}
    for p in sorted((pdf.parent / REVISIONS).glob(f"{pdf.stem}.r*.json")):
        m = _REV.match(p.name)
        if m and m.group("stem") == pdf.stem:
            history[int(m.group("rev"))] = load_issue(p)
    rec = Record(
        issue,
        str(issue.published.get("source", pdf.name)),
        str(issue.published.get("at", issue.masthead.date.isoformat())),
        str(pdf),
        str(issue.published.get("pdf_sha256", "")),
        history,
    )
    rec.history[rec.revision] = issue
    return rec
