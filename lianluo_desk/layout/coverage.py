"""Which characters the shipped faces print, and where in an issue those that none
prints stand.

The shipped faces go wherever the program goes, so a character they cover prints on
every machine the issue is exported on (an installed office face only ever comes first
in a chain, the shipped ones always follow). One they lack is named with its place by
``add``, flagged by 校对 (rule ``glyph``), and refused by the export with its place.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache

from ..model.issue import Issue
from ..template import FONTS, Template
from ..textnorm import INVISIBLE, SPACES
from .fonts import SYMBOLS
from .kinsoku import is_cjk_cell

# printed as spacing, or not at all: no glyph needed
_BLANK = frozenset(" \t\n\r\u3000" + SPACES + INVISIBLE)


@cache
def _cmaps() -> dict[str, frozenset[int]]:
    """File name → code points, for every face the manifest lists (only cmaps read)."""
    from fontTools.ttLib import TTFont

    manifest = json.loads((FONTS / "manifest.json").read_text("utf-8"))
    out: dict[str, frozenset[int]] = {}
    for entry in manifest["fonts"]:
        path = FONTS / entry["file"]
        if path.exists():
            out[entry["file"]] = frozenset(TTFont(path, lazy=True).getBestCmap())
    return out


@cache
def _shipped() -> frozenset[int]:
    return frozenset().union(*_cmaps().values())


@cache
def _symbols_only() -> frozenset[int]:
    cmaps = dict(_cmaps())
    own = cmaps.pop(SYMBOLS.name, frozenset())
    return own - frozenset().union(*cmaps.values())


def from_symbols(ch: str) -> bool:
    """Whether ``ch`` prints from the symbols face (no other shipped face has it): a word
    processor must be told that face, or it takes one of its own choosing."""
    return ord(ch) in _symbols_only()


def covered(ch: str) -> bool:
    """Whether the shipped faces print ``ch`` (a space needs no glyph)."""
    return ch in _BLANK or ord(ch) in _shipped()


def uncovered(text: str) -> Iterator[int]:
    """Offsets of the characters of ``text`` that no shipped face prints."""
    if text.isascii() and text.isprintable():
        return
    have = _shipped()
    for i, ch in enumerate(text):
        if ch not in _BLANK and ord(ch) not in have:
            yield i


def _texts(issue: Issue) -> Iterator[tuple[str, str]]:
    """(place, text) of everything the issue prints, places as 校对 names them."""
    m, f = issue.masthead, issue.banji
    yield "版头", m.title + m.pinyin + m.issuer
    if issue.note:
        yield "刊首编者按", issue.note
    for ai, art in enumerate(issue.articles, 1):
        yield f"第{ai}篇 标题", "".join(art.title)
        yield f"第{ai}篇 副标题", art.subtitle
        yield f"第{ai}篇 编者按", art.note
        for bi, b in enumerate(art.blocks, 1):
            yield f"第{ai}篇 第{bi}段", b.runin + b.text + b.caption
            for ri, row in enumerate(b.table.rows if b.table else [], 1):
                for ci, cell in enumerate(row.cells, 1):
                    yield f"第{ai}篇 第{bi}段 表格第{ri}行第{ci}格", cell.text
    yield "版记", "".join(g.text for g in f.distribution) + "".join(f.editors)
    yield "版记", f.contact + f.approval


def places(issue: Issue, chars: set[str] | dict[str, int]) -> dict[str, str]:
    """Each of ``chars`` → the first place of the issue that holds it."""
    out: dict[str, str] = {}
    for place, text in _texts(issue):
        for ch in set(text) & set(chars):
            out.setdefault(ch, place)
    return out


@cache
def _source(chain: tuple[tuple[str, str], ...], latin: str, ch: str) -> str | None:
    cmaps = _cmaps()
    o = ord(ch)
    if latin and o < 0x250 and not ch.isspace() and not is_cjk_cell(ch):
        if o in cmaps.get(latin, ()):
            return "latin"
    return next((role for role, file in chain if o in cmaps.get(file, ())), None)


def source_role(t: Template, role: str, ch: str) -> str | None:
    """Which shipped face the layout sets ``ch`` of a ``role`` text in, as ``FontSet``
    picks it (Latin letters and digits from the Latin face, then the role's face, the
    fallback, the symbols face): "latin", the role, "fallback", "symbols", or None. A
    word processor is told that face where the script of ``ch`` would give it another."""
    faces = t.faces
    chain = [(role, faces[role]["shipped"])]
    if role != "fallback" and "fallback" in faces:
        chain.append(("fallback", faces["fallback"]["shipped"]))
    chain.append(("symbols", SYMBOLS.name))
    latin = faces["latin"]["shipped"] if "latin" in faces and role != "latin" else ""
    return _source(tuple(chain), latin, ch)
