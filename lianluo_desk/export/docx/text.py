"""Paragraph text as runs that make a word processor set what the layout set: hanzi on
the grid cell (the style's spacing), Latin letters and digits at their own width, and
each mark the layout compressed taking that much less room."""

from __future__ import annotations

import math
from typing import Any

from ...layout.boxes import Document
from ...layout.kinsoku import is_cjk_cell
from ...template import Template
from .styles import LATIN, cjk_spacing
from .xml import RPR_ORDER, el, put

Key = tuple[Any, ...]


def key_of(role: str, block: tuple[int, int]) -> Key | None:
    """Which paragraph of the model a set line belongs to."""
    ai, bi = block
    if role == "note":
        return ("note", ai)
    if role in ("title", "subtitle"):
        return (role, ai)
    if role == "footer":
        return ("footer", ai, bi)
    if bi >= 0 and role not in ("masthead", "folio", "image"):
        return ("block", ai, bi)
    return None


class Carried:
    """What the layout decided that the DOCX carries over."""

    def __init__(self, doc: Document) -> None:
        self.squeezed: dict[Key, dict[int, float]] = {}
        self.first_slot: dict[Key, int] = {}  # grid line of a paragraph's first line
        self.footer = [ln for p in doc.pages[-1:] for ln in p.lines if ln.role == "footer"]
        for page in doc.pages:
            for ln in page.lines:
                key = key_of(ln.role, ln.block)
                if key is None:
                    continue
                self.first_slot.setdefault(key, ln.slot)
                if ln.squeezed:
                    self.squeezed.setdefault(key, {}).update(ln.squeezed)

    def at_page_top(self, key: Key) -> bool:
        return self.first_slot.get(key, -1) == 0


def add_text(p: Any, t: Template, tstyle: str, text: str, squeezed: dict[int, float],
             offset: int = 0, char_style: Any = None) -> None:
    """Append ``text`` (characters ``offset``… of the paragraph as the layout counted
    them) in runs of equal spacing."""
    base = cjk_spacing(t, tstyle)
    latin = round(t.styles[tstyle].tracking * 20)

    def kind(i: int, ch: str) -> tuple[int | None, bool]:
        """(explicit spacing or None for the style's, Latin font throughout). Hanzi state
        the style's spacing on the run too: LibreOffice drops a style's spacing in a
        paragraph whose runs state their own (measured). What the layout took off a glyph
        is rounded up to whole twips, so the word processor's line is never longer."""
        cjk = is_cjk_cell(ch)
        own = base if cjk else latin
        taken = squeezed.get(offset + i, 0.0)
        spacing = own - math.ceil(taken * 20 - 1e-6) if taken else own
        if cjk:
            return (spacing or None), False
        return (spacing if (spacing or base) else None), True

    end = (0, False)  # a value no character has: flushes the last run
    start, cur = 0, kind(0, text[0]) if text else end
    for i in range(1, len(text) + 1):
        nxt = kind(i, text[i]) if i < len(text) else end
        if nxt != cur:
            run = p.add_run(text[start:i], style=char_style)
            spacing, latin_font = cur
            if spacing is not None or latin_font:
                rpr = run._r.get_or_add_rPr()
                if latin_font:
                    # Word sets ASCII in the Latin font anyway; LibreOffice would give a
                    # comma or space next to hanzi the East Asian font (weak characters)
                    put(rpr, el("w:rFonts", ascii=LATIN, hAnsi=LATIN, eastAsia=LATIN,
                                cs=LATIN), RPR_ORDER)
                if spacing is not None:
                    put(rpr, el("w:spacing", val=str(spacing)), RPR_ORDER)
            start, cur = i, nxt
