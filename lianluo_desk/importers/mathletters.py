"""Letters and digits of Unicode's mathematical alphabets (U+1D400–U+1D7FF: 𝐷 𝑥 𝟐),
which an equation editor's text becomes when copied into a draft, read in as the plain
letters and digits they are. No shipped face prints them, every face prints what they
stand for, and a bulletin sets a formula's letters in its text face: so they are
replaced at import and counted, not left for 校对 to flag one by one. Other
compatibility characters (① ℃ ﬁ) stay as the draft has them: whether a face prints
them is the layout's knowledge, and 校对's rule ``glyph`` offers their plain form."""

from __future__ import annotations

import unicodedata

from ..model.table import Table
from .report import ImportReport
from .structure import RawPara

#: Each assigned character of the block → its NFKC form, always one character.
MATH_LETTERS = {
    o: unicodedata.normalize("NFKC", chr(o))
    for o in range(0x1D400, 0x1D800)
    if unicodedata.category(chr(o)) != "Cn"
}


def _plain(text: str) -> tuple[str, int]:
    """``text`` with its mathematical letters plain, and how many there were."""
    n = sum(1 for ch in text if ord(ch) in MATH_LETTERS)
    return (text.translate(MATH_LETTERS), n) if n else (text, 0)


def _plain_table(table: Table) -> int:
    n = 0
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paras:
                for run in para.runs:
                    run.text, k = _plain(run.text)
                    n += k
    return n


def plain_letters(paras: list[RawPara], report: ImportReport) -> None:
    """Every mathematical letter or digit of ``paras`` (their text, leading phrase,
    caption, table cells) as its plain form, counted in ``report``. The length of a
    text is kept (each is one character), so nothing measured in it moves."""
    n = 0
    for rp in paras:
        rp.text, a = _plain(rp.text)
        rp.bold_lead, b = _plain(rp.bold_lead)
        rp.caption, c = _plain(rp.caption)
        n += a + b + c + (_plain_table(rp.table) if rp.table is not None else 0)
    if n:
        report.rewrite("report.math_letters", n)
