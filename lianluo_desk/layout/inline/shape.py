"""Shaping: text in spans to glyphs with their advances on the grid (a hanzi or a
full-width mark takes its cell, Latin its font advance), the space between hanzi and
Latin, and the blank half a mark loses next to another mark."""

from __future__ import annotations

import weakref
from typing import TypeVar

from ...textnorm import INVISIBLE
from ..fonts import Face, FontSet
from ..kinsoku import LEFT_BLANK, RIGHT_BLANK, is_cjk_cell, is_space
from .glyphs import Glyph, Span
from .justify import half


def _ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def _latin(ch: str) -> bool:
    return ch.isalnum() and not is_cjk_cell(ch) and not _ideograph(ch)


# What shaping needs of a character in a role: (face, advance in em, on the CJK cell,
# a space, an ideograph, a Latin letter or digit), worked out once per font set, role
# and character; shaping asks it of every character of the issue.
CharInfo = tuple[Face, float, bool, bool, bool, bool]


_TABLES: weakref.WeakKeyDictionary[FontSet, dict[str, dict[str, CharInfo]]] = (
    weakref.WeakKeyDictionary()
)


def _char_table(fonts: FontSet, role: str) -> dict[str, CharInfo]:
    return _table_of(_TABLES, fonts, role)


Setting = tuple[Face, float, float, bool, bool, bool, bool]


_SETTINGS: weakref.WeakKeyDictionary[FontSet, dict[tuple, dict[str, Setting]]] = (
    weakref.WeakKeyDictionary()
)


def _setting_table(fonts: FontSet, key: tuple) -> dict[str, Setting]:
    """(face, advance, natural advance, on the CJK cell, a space, an ideograph, a Latin
    letter or digit) of each character in one style: role, size, cell and tracking."""
    return _table_of(_SETTINGS, fonts, key)


_K = TypeVar("_K")


_E = TypeVar("_E")


def _table_of(
    store: weakref.WeakKeyDictionary[FontSet, dict[_K, dict[str, _E]]], fonts: FontSet, key: _K
) -> dict[str, _E]:
    """The font set's table for ``key``, made empty on first use: it lives as long as
    the font set does."""
    tables = store.get(fonts)
    if tables is None:
        tables = store[fonts] = {}
    table = tables.get(key)
    if table is None:
        table = tables[key] = {}
    return table


def _char_info(table: dict[str, CharInfo], fonts: FontSet, role: str, ch: str) -> CharInfo:
    face, em = fonts.pick_advance(role, ch)
    info = table[ch] = (
        face,
        em,
        is_cjk_cell(ch),
        is_space(ch) or ch == "\u3000",
        _ideograph(ch),
        _latin(ch),
    )
    return info


def shape(
    spans: list[Span], fonts: FontSet, cell_ratio: float, latin_gap: float = 0.0
) -> list[Glyph]:
    """Glyphs with their faces (per-character fallback) and nominal advances.

    ``latin_gap`` (em) is added between a hanzi and a Latin letter or digit next to it,
    as word processors do (not next to punctuation, not across a space); it is carried
    by the first glyph of the pair and vanishes at a line end.
    """
    out: list[Glyph] = []
    append = out.append
    pos = -1
    prev_ideo = prev_latin = False
    hard = False
    for span in spans:
        st = span.style
        size = st.size
        role = st.face
        table = _char_table(fonts, role)
        cell = size * cell_ratio
        cjk_adv = cell + st.tracking
        # what the characters are in this style, worked out once per style and character
        setting = _setting_table(fonts, (role, size, cell, st.tracking))
        for ch in span.text:
            pos += 1
            got = setting.get(ch)
            if got is None:
                if ch in "\r\n":
                    hard = bool(out)  # a break before any glyph starts nothing
                    continue
                info = table.get(ch) or _char_info(table, fonts, role, ch)
                face, em, cjk, sp, ideo, latin = info
                natural = em * size if not sp else 0.0
                if ch == "\u3000":
                    adv = cell
                    cjk = True
                elif sp:
                    # a space is an ASCII character: Word sets it in the paragraph's
                    # Latin (ascii) font, so its width is that face's, not the hanzi's;
                    # a zero-width character (an older issue file's) takes none
                    sp_face = fonts.primary(fonts.latin or role)
                    adv = sp_face.advance(" ") * size if ch not in INVISIBLE else 0.0
                elif cjk:
                    adv = cjk_adv
                else:
                    adv = natural + st.tracking
                got = setting[ch] = (face, adv, natural, cjk, sp, ideo, latin)
            face, adv, natural, cjk, sp, ideo, latin = got
            if latin_gap and out and ((prev_ideo and latin) or (prev_latin and ideo)):
                prev = out[-1]
                gap = latin_gap * max(prev.style.size, size)
                prev.adv += gap
                prev.autospace = gap
            prev_ideo, prev_latin = ideo, latin
            append(Glyph(ch, face, st, adv, natural, cjk, sp, index=pos, hard=hard))
            hard = False
    _adjacent_marks(out)
    return out


def _adjacent_marks(glyphs: list[Glyph]) -> None:
    """Of two adjacent full-width marks, the blank half of one is removed (clreq;
    GB/T 15834 practice): a closing mark or stop before another mark loses its right
    half (”“ ）” 。” ”； 、“), an opening mark after an opening one its left half (（“).
    So the pair takes 1.5 em wherever it stands, in body text, titles and the 版记."""
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        if not (a.cjk and b.cjk) or a.space or b.space or b.hard:
            continue
        if a.ch in RIGHT_BLANK and (b.ch in RIGHT_BLANK or b.ch in LEFT_BLANK):
            a.pair, a.pair_left = half(a), False
        elif a.ch in LEFT_BLANK and b.ch in LEFT_BLANK:
            b.pair, b.pair_left = half(b), True


def halve_marks(glyphs: list[Glyph]) -> None:
    """Every full-width mark at half width, its blank half removed: a block set this
    way throughout (the 版记) looks one way on every line."""
    for g in glyphs:
        if g.cjk and not g.pair and (g.ch in RIGHT_BLANK or g.ch in LEFT_BLANK):
            g.pair, g.pair_left = half(g), g.ch in LEFT_BLANK


def reset(g: Glyph) -> None:
    """Back to the compression every setting of the line has (adjacent marks)."""
    g.squeeze = g.pair
    g.shift = g.pair if g.pair_left else 0.0
