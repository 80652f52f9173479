"""A redline against an earlier revision: the paragraphs that changed carry the change
as tracked insertions and deletions (w:ins / w:del with author and date), so a reviewer
of a correction sees exactly what changed, in any word processor."""

from __future__ import annotations

import difflib
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...model.issue import Article, Block


class Redline:
    def __init__(self, old: list[Article], author: str, date: str) -> None:
        self.old, self.author, self.date = old, author, date
        self._id = 5000

    def counterpart(self, ai: int, article: Article) -> list[tuple[Block | None, Block | None]]:
        """The article's blocks paired with the earlier revision's: (old, new), a
        deleted block as (old, None), an added one as (None, new)."""
        old = self.old[ai].blocks if ai < len(self.old) else []
        new = article.blocks
        sm = difflib.SequenceMatcher(
            None, [b.full_text for b in old], [b.full_text for b in new], autojunk=False
        )
        out: list[tuple[Block | None, Block | None]] = []
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                out += list(zip(old[i1:i2], new[j1:j2], strict=True))
            elif op == "replace" and i2 - i1 == j2 - j1:
                out += list(zip(old[i1:i2], new[j1:j2], strict=True))
            else:
                out += [(b, None) for b in old[i1:i2]] + [(None, b) for b in new[j1:j2]]
        return out

    def runs(self, p: Any, old: str, new: str) -> None:
        """``new`` in ``p`` with what differs from ``old`` marked as tracked changes."""
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                p.add_run(new[j1:j2])
                continue
            if i2 > i1:
                p._p.append(self._mark("del", old[i1:i2]))
            if j2 > j1:
                p._p.append(self._mark("ins", new[j1:j2]))

    def _mark(self, kind: str, text: str) -> Any:
        self._id += 1
        el = OxmlElement(f"w:{kind}")
        el.set(qn("w:id"), str(self._id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        r = OxmlElement("w:r")
        for k, line in enumerate(text.split("\n")):  # a line break as Word writes it
            if k:
                r.append(OxmlElement("w:br"))
            t = OxmlElement("w:delText" if kind == "del" else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = line
            r.append(t)
        el.append(r)
        return el
