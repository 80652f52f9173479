"""WordprocessingML helpers: elements in schema order, units."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...template import Template, length

PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
SETTINGS_ORDER = [
    "zoom",
    "proofState",
    "defaultTabStop",
    "evenAndOddHeaders",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "compat",
    "rsids",
]


def el(tag: str, **attrs: str) -> Any:
    """A ``w:`` element with ``w:`` attributes."""
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), v)
    return e


def put(parent: Any, child: Any, order: list[str]) -> None:
    """Insert ``child`` where the schema wants it (Word is strict about element order),
    replacing an element of the same name."""
    name = child.tag.rsplit("}", 1)[-1]
    for old in parent.findall(qn(f"w:{name}")):
        parent.remove(old)
    later = order[order.index(name) + 1 :] if name in order else []
    for k, existing in enumerate(parent):
        if existing.tag.rsplit("}", 1)[-1] in later:
            parent.insert(k, child)
            return
    parent.append(child)


def twips(pt: float) -> str:
    return str(round(pt * 20))


def eighths(t: Template, key: str, default: str) -> str:
    """A rule thickness from the template as a border size (eighths of a point)."""
    return str(round(length(t.rhythm.get(key, default)) * 8))


def grid_pitch(t: Template) -> int:
    """The line grid's pitch in whole twips, rounded down: 22 lines of 580 would overrun
    the 225 mm text block by a hair. Lines off the grid (titles, the masthead) are made
    of whole pitches of it too, so the lines snapped to the grid after them do not slip
    to the next grid line."""
    return int(t.geometry.pitch * 20)
