"""Drafts read into articles in a job off the UI thread (a .doc or .wps goes through
LibreOffice, seconds long); the controller then adds them to the issue in one step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.issue import Article
from .messages import for_app

if TYPE_CHECKING:
    from ..importers.legacy import PastIssue


@dataclass
class DraftsRead:
    """What reading some drafts gave: the articles, the failures (one line each), the
    past issue a printed issue's text brings, and what the importers could not keep."""

    added: list[Article] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    past: PastIssue | None = None
    notes: list[str] = field(default_factory=list)


def assets_of(issue_path: Path | None, library: Path) -> tuple[Path, str]:
    """The folder the drafts' pictures go to, and how image blocks name it."""
    if issue_path is not None:
        ref = f"{issue_path.stem}.assets"
        return issue_path.parent / ref, ref
    return library / "unsaved" / "assets", "assets"


def read_drafts(
    files: list[Path],
    assets: Path,
    assets_ref: str,
    empty: bool,
    report: Callable[[int, str], None],
    existing: int = 0,
) -> DraftsRead:
    """Read ``files`` in turn; ``empty``: the issue has no article yet, so a printed
    issue's text may bring its masthead; ``existing``: how many articles it has (the
    places of characters no face prints count from there)."""
    from ..app.drafts import import_drafts

    def step(k: int, n: int, f: Path) -> None:
        report(int(100 * k / max(n, 1)), f"正在读取 {f.name}（{k + 1}/{n}）")

    got = import_drafts(files, existing, assets, assets_ref, step)
    out = DraftsRead(added=got.added, failed=[for_app(d.error) for d in got.failed if d.error])
    out.past = got.past if empty else None
    for d in got.drafts:
        name = d.path.name
        out.notes += [f"{name}：{for_app(w)}" for a in d.articles for w in a.warnings]
        # what no face prints, at its place once added (the export refuses it)
        out.notes += [f"{name}：{for_app(d.unprinted)}"] if d.unprinted else []
        if d.report.reviewed():  # tracked changes taken as accepted, comments kept
            out.notes.append(f"{name}：{d.report.reviewed('zh')}")
    report(100, "读取完成")
    return out
