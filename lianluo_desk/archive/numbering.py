"""Issue numbers proposed from the archive, and the warnings an editor must see.

The yearly number restarts at 1 with the first issue of a year; the cumulative number
counts every issue, supplements (增刊) included, which keep a yearly series of their own.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .store import Archive


@dataclass
class Proposal:
    number: int
    cumulative: int
    warnings: list[str] = field(default_factory=list)


def propose(archive: Archive, date: _dt.date, supplement: bool = False) -> Proposal:
    series = "supplement" if supplement else "regular"
    row = archive.db.execute("SELECT max(number) FROM issues WHERE series=? AND year=?",
                             (series, date.year)).fetchone()
    number = (row[0] or 0) + 1
    row = archive.db.execute("SELECT max(cumulative) FROM issues").fetchone()
    cumulative = (row[0] or 0) + 1
    return Proposal(number, cumulative, check(archive, date, number, cumulative, supplement))


def check(archive: Archive, date: _dt.date, number: int, cumulative: int,
          supplement: bool = False, exclude: int = -1) -> list[str]:
    """Warnings for numbers an editor chose: duplicates, gaps, order against the dates."""
    series = "supplement" if supplement else "regular"
    out: list[str] = []
    clash = archive._clash(archive.db, series, date.year, number, cumulative, exclude)
    if clash:
        out.append(f"duplicate: {clash}")
    row = archive.db.execute("SELECT max(number) FROM issues WHERE series=? AND year=?"
                             " AND id<>?", (series, date.year, exclude)).fetchone()
    last = row[0] or 0
    if number > last + 1:
        out.append(f"gap: {date.year}年 has no 第{last + 1}期"
                   + (f" to 第{number - 1}期" if number - 1 > last + 1 else "")
                   + f" before 第{number}期 (期号不连续)")
    row = archive.db.execute("SELECT max(cumulative) FROM issues WHERE id<>?",
                             (exclude,)).fetchone()
    top = row[0] or 0
    if top and cumulative > top + 1:
        out.append(f"gap: cumulative numbers {top + 1}–{cumulative - 1} are not in the archive "
                   "(总期号不连续; supplements count too)")
    row = archive.db.execute("SELECT date FROM issues WHERE cumulative<? ORDER BY cumulative"
                             " DESC LIMIT 1", (cumulative,)).fetchone()
    if row and row[0] > date.isoformat():
        out.append(f"order: the issue before it in the cumulative series is dated {row[0]}, "
                   f"after {date.isoformat()} (日期早于上一期)")
    return out
