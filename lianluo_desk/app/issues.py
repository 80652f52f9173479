"""An issue's life in the archive: made and numbered from it, published into it,
reopened for a correction. The archive is opened and closed here, so the command line
and the window hold it for the same span."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..archive import ops
from ..archive.store import Archive
from ..model.issue import Issue
from ..service import fontset
from ..template import Template


@dataclass
class NewIssue:
    issue: Issue
    warnings: list[str]  # numbering: gaps, numbers already used
    archive_empty: bool  # the numbers are guesses: nothing to count from


def new_issue(
    library: Path,
    t: Template,
    date: _dt.date,
    preset: str | None = None,
    supplement: bool = False,
    number: int | None = None,
    cumulative: int | None = None,
) -> NewIssue:
    """A new issue for ``date`` numbered from the archive (the last issue's distribution,
    or ``preset``'s), or with the editor's own numbers, checked against the archive."""
    with Archive(library) as archive:
        issue, warnings = ops.new_issue(archive, t, date, preset, supplement)
        empty = not archive.list()
        if number is not None or cumulative is not None:
            pairs = [f"number={number}"] if number is not None else []
            pairs += [f"cumulative={cumulative}"] if cumulative else []
            warnings = ops.set_values(issue, pairs, archive, t)
    return NewIssue(issue, warnings, empty)


def publish(issue_path: Path, library: Path, t: Template) -> Path:
    """Check, export the final PDF into the library, record the issue; the final PDF."""
    with Archive(library) as archive:
        return ops.publish(issue_path, archive, library, t, fontset(t, library))


def corrected_id(archive: Archive, issue: Issue) -> int:
    """The archive's record of the issue a correction corrects (-1: none, or its numbers
    were changed): its own numbers are no clash."""
    from ..errors import UserError

    try:
        prior = ops.prior_revision(archive, issue)
    except UserError:
        return -1
    return prior[0] if prior else -1


def revise(issue_path: Path, library: Path) -> Issue:
    """Reopen a published issue file for a correction (the archive backed up first)."""
    return ops.revise(issue_path, library)
