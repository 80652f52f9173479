"""The issue model: what an editor composes, independent of how it is laid out or stored.

Plain dataclasses with no I/O and no Qt, so that importers, layout, exporters, the CLI and
the desktop app all share one representation.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # model.table is imported where an issue has a table
    from .table import Table


class BlockKind(StrEnum):
    """Roles a block of an article can play; the layout gives each its face and spacing."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # standalone heading, level 1–4
    IMAGE = "image"  # placeholder: path + caption, placed by a later layout stage
    BYLINE = "byline"
    TABLE = "table"  # ``Block.table`` holds the rows and cells


@dataclass
class Block:
    """One block of an article.

    ``runin`` is the leading heading phrase of a paragraph set in the heading face of
    ``level`` (e.g. "一、抓培训，着力提升代表素质。"), the rest of ``text`` stays body text.
    """

    kind: BlockKind
    text: str = ""
    level: int = 0
    runin: str = ""
    path: str = ""
    caption: str = ""
    data: bytes = field(default=b"", repr=False, compare=False)  # image bytes before storing
    # a reviewer's 批注 on the block, kept until the editor resolves it:
    # {"author", "date", "text", "on"} (``on``: the words it marks)
    comments: list[dict[str, str]] = field(default_factory=list)
    table: Table | None = None  # for a TABLE block

    @property
    def all_text(self) -> str:
        """Every character the block prints: its text, caption and table cells."""
        return self.full_text + self.caption + (self.table.all_text() if self.table else "")

    @property
    def full_text(self) -> str:
        return self.runin + self.text


@dataclass
class Article:
    """An article: title lines (explicit breaks kept), optional subtitle and note, blocks."""

    title: list[str] = field(default_factory=list)
    subtitle: str = ""
    note: str = ""
    blocks: list[Block] = field(default_factory=list)
    source: str = ""
    # a reviewer's 批注 on the title, subtitle or note, as on a block, with the
    # ``field`` it marks; kept here because those are no blocks
    comments: list[dict[str, str]] = field(default_factory=list)
    # what the importer could not keep as it was (one line each); not saved
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def title_text(self) -> str:
        return "".join(self.title)


@dataclass
class Masthead:
    """The 版头: the bulletin's name, the issue's numbers, issuer and date."""

    title: str = ""
    pinyin: str = ""
    number: int = 1
    cumulative: int = 1
    issuer: str = ""
    date: _dt.date = field(default_factory=lambda: _dt.date(2000, 1, 1))
    supplement: bool = False


@dataclass
class DistributionGroup:
    """One recipient group; it starts a line of the 送： block."""

    text: str


@dataclass
class Banji:
    """The 版记: distribution, editors, contact line, approval number."""

    distribution: list[DistributionGroup] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    contact: str = ""
    approval: str = ""
    preset: str = ""


@dataclass
class Issue:
    """One issue: masthead, the editor's note, articles and 版记, and the file it was read from."""

    masthead: Masthead = field(default_factory=Masthead)
    note: str = ""  # an editor's note standing before the first article, for the whole issue
    comments: list[dict[str, str]] = field(default_factory=list)  # 批注 on that note
    articles: list[Article] = field(default_factory=list)
    banji: Banji = field(default_factory=Banji)
    template: str = "lianluo-dongtai"
    published: dict = field(default_factory=dict)  # set by publication: date, revision, pdf
    # 校对 findings only a person can judge that the editor confirmed as they stand:
    # {"rule", "text", "context", "where", "date"} (see proof/judgement.py)
    confirmed: list[dict[str, str]] = field(default_factory=list)
    origin: str = field(default="", compare=False)  # the file it was read from; not saved

    @property
    def base_dir(self) -> Path:
        """Folder that relative image paths are resolved against."""
        return Path(self.origin).parent if self.origin else Path.cwd()

    def all_text(self) -> str:
        """Every character that will be printed, for coverage checks."""
        m, f = self.masthead, self.banji
        parts = [m.title, m.pinyin, m.issuer, self.note]
        for a in self.articles:
            parts += [*a.title, a.subtitle, a.note]
            parts += [b.all_text for b in a.blocks]
        parts += [g.text for g in f.distribution] + f.editors + [f.contact, f.approval]
        return "".join(parts)
