"""Compare our page breaks with the print's, as recovered from an extracted past issue.

Each cut of the print (a paragraph that ran over a page end) is located in our layout:
the deviation is how many lines our page break sits before (negative) or after (positive)
the print's, counted on the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from .boxes import Document


@dataclass
class BreakDeviation:
    cut: tuple[int, int, int]
    page: int  # our page holding the cut character
    slot: int  # its grid line on that page
    offset: int  # characters into that line
    lines: float  # deviation in lines (fraction: characters into the line / 28)


def deviations(doc: Document, cuts: list[tuple[int, int, int]], lines_per_page: int,
               chars_per_line: int = 28) -> list[BreakDeviation]:
    out = []
    for a, b, off in cuts:
        acc = 0
        found = None
        for page in doc.pages:
            for ln in page.lines:
                if ln.block != (a, b):
                    continue
                n = len(ln.text.replace(" ", "").replace("\u3000", ""))
                if found is None and acc <= off < acc + n:
                    found = (page.number, ln.slot, off - acc)
                acc += n
        if found is None:
            continue
        page, slot, o = found
        pos = slot + o / chars_per_line
        # the print broke the page right before this character: compare with the nearer
        # of our page top (we are late) or our page end (we are early)
        late = pos
        early = pos - lines_per_page
        dev = late if abs(late) <= abs(early) else early
        out.append(BreakDeviation((a, b, off), page, slot, o, round(dev, 2)))
    return out
