"""Issue numbers proposed from the archive, and the warnings an editor must see.

The yearly number restarts at 1 with the first issue of a year; the cumulative number
counts every issue, supplements (增刊) included, which keep a yearly series of their own.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..catalogue import say
from .store import Archive


@dataclass
class Proposal:
    number: int
    cumulative: int
    warnings: list[str] = field(default_factory=list)


def propose(archive: Archive, date: _dt.date, supplement: bool = False) -> Proposal:
    series = "supplement" if supplement else "regular"
    row = archive.db.execute(
        "SELECT max(number) FROM issues WHERE series=? AND year=?", (series, date.year)
    ).fetchone()
    number = (row[0] or 0) + 1
    row = archive.db.execute("SELECT max(cumulative) FROM issues").fetchone()
    cumulative = (row[0] or 0) + 1
    return Proposal(number, cumulative, check(archive, date, number, cumulative, supplement))


def check(
    archive: Archive,
    date: _dt.date,
    number: int,
    cumulative: int,
    supplement: bool = False,
    exclude: int = -1,
) -> list[str]:
    """Warnings for numbers an editor chose: duplicates, gaps, order against the dates."""
    series = "supplement" if supplement else "regular"
    out: list[str] = []
    clash = archive.clash(archive.db, series, date.year, number, cumulative, exclude)
    if clash:
        out.append(say("numbers.duplicate", clash=clash))
    row = archive.db.execute(
        "SELECT max(number) FROM issues WHERE series=? AND year=? AND id<>?",
        (series, date.year, exclude),
    ).fetchone()
    last = row[0] or 0
    if number > last + 1:
        missing = f"第{last + 1}期" + (f"至第{number - 1}期" if number - 1 > last + 1 else "")
        out.append(f"期号不连续：{date.year}年第{number}期之前缺{missing} (gap)")
    row = archive.db.execute(
        "SELECT max(cumulative) FROM issues WHERE id<>?", (exclude,)
    ).fetchone()
    top = row[0] or 0
    if top and cumulative > top + 1:
        out.append(
            f"总期号不连续：档案中没有总第{top + 1}至{cumulative - 1}期，增刊也计入总期号 "
            "(gap in the cumulative numbers)"
        )
    row = archive.db.execute(
        "SELECT date FROM issues WHERE cumulative<? ORDER BY cumulative DESC LIMIT 1", (cumulative,)
    ).fetchone()
    if row and row[0] > date.isoformat():
        out.append(f"日期早于上一期（{row[0]}） (date before the previous issue's)")
    return out
