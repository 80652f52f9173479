"""Article titles broken into lines: the editor's explicit breaks, long lines balanced
between words, never an orphan character. The layout records the lines it set
(``decisions.title_texts``), so the DOCX breaks a title where the PDF does."""

from __future__ import annotations

import math

from ..model.issue import Article
from ..template import Template
from . import costs
from .kinsoku import NO_END, NO_START
from .words import boundaries, kept_whole


def title_lines(article: Article, t: Template) -> list[list[str]]:
    """Title lines: the editor's explicit breaks, long lines balanced, no orphan."""
    g = t.geometry
    st = t.styles["title"]
    cell_ratio = g.cell / t.styles["body"].size
    max_chars = int(t.rhythm.get("title_max_chars", 20))
    limit = min(max_chars, int(g.text_width // (st.size * cell_ratio)))
    out: list[list[str]] = []
    for raw in article.title:
        text = raw.strip()
        if not text:
            continue
        if len(text) <= limit:
            out.append([text])
        else:
            lines = _balanced(text, math.ceil(len(text) / limit), limit)
            out.append([x.strip() for x in lines if x.strip()])
    return out


_NAME_END = "会厅局院"
_TITLE_BREAK_AFTER = set("的和与及暨、，：" + _NAME_END)


def _balanced(text: str, parts: int, limit: int = 10**6) -> list[str]:
    """Break a title into ``parts`` lines of near-equal length, longer lines first,
    between words and fixed terms (选举任免 | 联络, never 选举任 | 免 nor 毕业 | 设计),
    preferring a break before a number or after a particle or a name's last character,
    never starting a line with a forbidden mark nor ending one with an opening mark, nor
    splitting a quoted name, a book title or a Latin word when the lines leave a break
    outside it."""
    out = []
    start = 0
    n = len(text)
    words = boundaries(text)
    # inside a name that fits a line; one longer than a line breaks as any text does
    whole = {k for i, j in kept_whole(text) if j - i <= limit for k in range(i + 1, j)}
    for p in range(parts, 1, -1):
        ideal = start + math.ceil((n - start) / p)
        fits = [
            c
            for c in range(start + 1, n)
            if c - start <= limit
            and n - c <= limit * (p - 1)
            and text[c] not in NO_START
            and text[c - 1] not in NO_END
            and not (text[c - 1].isdigit() and text[c].isdigit())
        ]
        near = [c for c in fits if abs(c - ideal) <= costs.TITLE_REACH]
        if all(c in whole for c in near):
            near = fits  # reach further for a break outside a name, if the lines allow one
        best: tuple[float, int] | None = None
        for c in near:
            good = text[c - 1] in _TITLE_BREAK_AFTER or (
                text[c].isascii() and text[c].isalnum() and not text[c - 1].isascii()
            )
            fit = costs.TITLE_IN_WORD if c not in words else 0.0 if good else costs.TITLE_PLAIN
            if c in words and text[c - 1] in _NAME_END + "、，：":
                fit -= (
                    costs.TITLE_KEPT_NAME
                )  # an organisation's full name or a clause kept on one line
            if c in whole:
                fit += costs.TITLE_IN_PAIR
            score = abs(c - ideal) + fit + (costs.TITLE_SHORT_FIRST if c < ideal else 0)
            if best is None or score < best[0]:
                best = (score, c)
        cut = best[1] if best else ideal
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out
