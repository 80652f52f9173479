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
        year, first, before = date.year, last + 1, number - 1
        if before > first:
            out.append(say("numbers.gap_range", year=year, number=number, first=first, last=before))
        else:
            out.append(say("numbers.gap", year=year, number=number, missing=first))
    row = archive.db.execute(
        "SELECT max(cumulative) FROM issues WHERE id<>?", (exclude,)
    ).fetchone()
    top = row[0] or 0
    if top and cumulative > top + 1:
        out.append(say("numbers.cumulative_gap", first=top + 1, last=cumulative - 1))
    row = archive.db.execute(
        "SELECT date FROM issues WHERE cumulative<? ORDER BY cumulative DESC LIMIT 1", (cumulative,)
    ).fetchone()
    if row and row[0] > date.isoformat():
        out.append(say("numbers.date_before", date=row[0]))
    return out
