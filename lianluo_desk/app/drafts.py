"""Drafts into an issue: each file read in turn, what could not be kept counted, the
characters no face prints found, a failing draft reported and the rest still read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Cancelled, UserError
from ..importers import ImportReport, import_file
from ..importers.legacy import PastIssue
from ..model.issue import Article
from ..service import uncovered_report


@dataclass
class DraftResult:
    """One draft read: its articles (none when it failed, with ``error``), what its reader
    counted, and what of it no face prints (at the articles' places once added)."""

    path: Path
    articles: list[Article] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)
    error: UserError | None = None
    past: PastIssue | None = None  # a printed issue whose masthead the issue takes
    unprinted: str = ""


@dataclass
class DraftsImport:
    """Every draft's result in the order given; ``past`` is the printed issue an empty
    issue takes its masthead and 版记 from (the first one, before any article)."""

    drafts: list[DraftResult]

    @property
    def added(self) -> list[Article]:
        return [a for d in self.drafts for a in d.articles]

    @property
    def failed(self) -> list[DraftResult]:
        return [d for d in self.drafts if d.error is not None]

    @property
    def past(self) -> PastIssue | None:
        return next((d.past for d in self.drafts if d.past is not None), None)


def import_drafts(
    files: list[Path],
    articles_before: int,
    assets: Path,
    assets_ref: str,
    progress: Callable[[int, int, Path], None] | None = None,
) -> DraftsImport:
    """Read ``files`` as drafts for an issue that has ``articles_before`` articles. The
    issue is not changed: the caller adds the articles (one undoable step in the window).
    ``progress(k, n, path)`` is told before each draft; a stop asked for ends it all."""
    out: list[DraftResult] = []
    count = articles_before
    for k, f in enumerate(files):
        if progress is not None:
            progress(k, len(files), Path(f))
        result = DraftResult(Path(f))
        out.append(result)
        try:
            arts, past = import_file(f, assets, assets_ref, result.report)
        except Cancelled:
            raise
        except UserError as exc:
            result.error = exc
            continue
        if past is not None and count == 0:
            result.past = past
        result.articles = arts
        result.unprinted = uncovered_report(arts, count)
        count += len(arts)
    return DraftsImport(out)
