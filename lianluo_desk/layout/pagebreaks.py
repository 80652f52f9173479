"""Compare our page breaks with the print's, as recovered from an extracted past issue.

A cut of the print (a paragraph that ran over a page end) tells that the print's page
ended with the line holding the cut's last character. The deviation of that break is
counted in our lines: 0 when our page also ends with the line holding that character,
+n when our page ends n lines further on (ours is late), −n when our page ended n lines
before it (ours is early). Page breaks fall between lines, so this is the measure that
says whether a page holds the same lines as the print's.

The print sets slightly more characters on some lines than the grid does (its word
processor compresses punctuation), so the character right after the cut usually does
not start our line; ``drift`` keeps that finer picture, in lines with the fraction of
the line the character sits at.
"""

from __future__ import annotations

from dataclasses import dataclass

from .boxes import Document


@dataclass
class BreakDeviation:
    cut: tuple[int, int, int]
    page: int  # our page holding the print's last character before the break
    slot: int  # its grid line on that page
    offset: int  # characters into that line
    lines: int  # deviation in whole lines (see the module's docstring)
    drift: float  # position of the character after the cut against our page end


def _locate(doc: Document, block: tuple[int, int], off: int) -> tuple[int, int, int] | None:
    acc = 0
    for page in doc.pages:
        for ln in page.lines:
            if ln.block != block:
                continue
            n = len(ln.text.replace(" ", "").replace("\u3000", ""))
            if acc <= off < acc + n:
                return page.number, ln.slot, off - acc
            acc += n
    return None


def _last_slot(doc: Document, number: int) -> int:
    return max((ln.slot for ln in doc.pages[number - 1].lines if ln.slot >= 0), default=0)


def deviations(
    doc: Document, cuts: list[tuple[int, int, int]], lines_per_page: int, chars_per_line: int = 28
) -> list[BreakDeviation]:
    out = []
    for a, b, off in cuts:
        last = _locate(doc, (a, b), off - 1)
        after = _locate(doc, (a, b), off)
        if last is None or after is None:
            continue
        page, slot, o = last
        late = _last_slot(doc, page) - slot  # our page goes on this many lines
        early = -(slot + 1)  # or broke this many lines before it
        lines = late if late <= abs(early) else early
        p2, s2, o2 = after
        pos = s2 + o2 / chars_per_line
        drift = pos if abs(pos) <= abs(pos - lines_per_page) else pos - lines_per_page
        out.append(BreakDeviation((a, b, off), page, slot, o, lines, round(drift, 2)))
    return out
