"""Named styles for every role and the document settings that decide line breaking.

Each style carries its East Asian font (``w:eastAsia``), Latin font and size, with theme
fonts removed so the names win. Hanzi are set on the grid cell (text width / 28): a
style's character spacing is the cell less the font size, rounded down to a twip so 28
still fit a line. Punctuation is not compressed by the word processor
(``doNotCompress``): the marks the layout compressed carry their own spacing, so Word,
WPS and LibreOffice fit the same characters on a line as the PDF. The kinsoku lists are
the layout's; no mark hangs into the margin.
"""

from __future__ import annotations

import math
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from ... import docxcontract as dc
from ...layout.kinsoku import NO_END, NO_START
from ...template import Template
from .xml import PPR_ORDER, RPR_ORDER, SETTINGS_ORDER, el, grid_pitch, put

OFFICE_FALLBACK = {
    "fang": "仿宋_GB2312",
    "song": "方正小标宋简体",
    "hei": "黑体",
    "kai": "楷体_GB2312",
    "fallback": "宋体",
}
LATIN = "Times New Roman"

# style name → (template style, alignment, first-line indent in characters, lines high)
STYLES: dict[str, tuple[str, str, int, float]] = {
    "刊名": ("masthead_title", "center", 0, 3),
    "刊名拼音": ("masthead_pinyin", "center", 0, 1),
    "期号": ("masthead_number", "center", 0, 1),
    "刊头": ("masthead_issuer", "both", 0, 1),
    "正文": ("body", "both", 2, 1),
    "标题": ("title", "center", 0, 1),
    "副标题": ("subtitle", "center", 0, 1),
    "编者按": ("note", "both", 2, 1),
    "一级标题": ("heading1", "both", 2, 1),
    "二级标题": ("heading2", "both", 2, 1),
    "三级标题": ("heading3", "both", 2, 1),
    "四级标题": ("heading4", "both", 2, 1),
    "署名": ("byline", "right", 0, 1),
    "图题": ("caption", "center", 0, 1),
    "表格": ("table", "left", 0, 1),
    "版记": ("footer", "left", 0, 1),
    "页码": ("page_number", "right", 0, 1),
}
# Template styles the layout sets at their natural width rather than on the grid cell.
OFF_GRID = {"masthead_title", "masthead_pinyin", "masthead_number", "page_number"}
KEEP_WITH_NEXT = {dc.TITLE, dc.SUBTITLE, *dc.HEADING.values()}
NOTE_LABEL_STYLE = "编者按标签"


def face_name(t: Template, face: str) -> str:
    office = t.faces[face].get("office") or []
    return office[0] if office else OFFICE_FALLBACK.get(face, "宋体")


def cjk_target(t: Template, tstyle: str) -> float:
    """Character spacing (twips, exact) that sets a hanzi of the style on its cell."""
    ts = t.styles[tstyle]
    ratio = 1.0 if tstyle in OFF_GRID else t.geometry.cell / t.styles["body"].size
    return (ts.size * ratio - ts.size + ts.tracking) * 20


def cjk_spacing(t: Template, tstyle: str) -> int:
    """The same in whole twips, rounded down so a full line still fits."""
    return math.floor(cjk_target(t, tstyle) + 1e-6)


def set_fonts(rpr: Any, east: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), east)
    fonts.set(qn("w:cs"), LATIN)
    fonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = el("w:lang")
        put(rpr, lang, RPR_ORDER)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def define_styles(d: Any, t: Template) -> None:
    """Document defaults (仿宋 16 pt, zh-CN, no theme fonts) and one style per role."""
    styles_el = d.styles.element
    defaults = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults, face_name(t, "fang"))
    _set_lang(defaults)
    for fonts in styles_el.iter(qn("w:rFonts")):  # table styles too
        set_fonts(fonts.getparent(), face_name(t, "fang"))
    pitch = grid_pitch(t)
    for name, (tstyle, align, indent, lines) in STYLES.items():
        ts = t.styles[tstyle]
        st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = d.styles["Normal"]
        st.quick_style = True
        st.font.size = Pt(ts.size)
        st.font.bold = ts.bold
        if ts.color != "#000000":
            st.font.color.rgb = RGBColor.from_string(ts.color.lstrip("#").upper())
        rpr = st.element.get_or_add_rPr()
        set_fonts(rpr, face_name(t, ts.face))
        spacing = cjk_spacing(t, tstyle)
        if spacing:
            put(rpr, el("w:spacing", val=str(spacing)), RPR_ORDER)
        ppr = st.element.get_or_add_pPr()
        # no mark hangs into the margin. LibreOffice reads the attribute inverted (0 turns
        # its hanging punctuation on; measured), so the value that keeps LibreOffice from
        # hanging is 1, which in Word only permits what the layout never needs: the
        # marks the layout compressed already fit.
        put(ppr, el("w:overflowPunct", val="1"), PPR_ORDER)
        # lines larger than the body size keep their exact height instead of snapping to
        # two grid lines (LibreOffice snaps even exact spacing)
        put(
            ppr, el("w:snapToGrid", val="1" if ts.size <= t.styles["body"].size else "0"), PPR_ORDER
        )
        put(
            ppr,
            el(
                "w:spacing", before="0", after="0", line=str(round(pitch * lines)), lineRule="exact"
            ),
            PPR_ORDER,
        )
        if indent:
            # the layout's indent, grid cells of the style's size, as a length rounded
            # down: in characters (firstLineChars) both word processors take the size
            # (2 × 16 pt, not 2 × 15.79), and a full first line lost its last character
            cells = indent * t.geometry.cell * ts.size / t.styles["body"].size
            put(ppr, el("w:ind", firstLine=str(math.floor(cells * 20 + 1e-6))), PPR_ORDER)
        put(ppr, el("w:jc", val=align), PPR_ORDER)
        # pages stay full as in the PDF, whose layout handles lone lines itself
        put(ppr, el("w:widowControl", val="0"), PPR_ORDER)
        if name in KEEP_WITH_NEXT:
            put(ppr, el("w:keepNext"), PPR_ORDER)
    for level, name in dc.RUNIN.items():
        cs = d.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        ts = t.styles[f"heading{level}"]
        cs.font.bold = ts.bold
        set_fonts(cs.element.get_or_add_rPr(), face_name(t, ts.face))
    cs = d.styles.add_style(NOTE_LABEL_STYLE, WD_STYLE_TYPE.CHARACTER)
    set_fonts(cs.element.get_or_add_rPr(), face_name(t, t.styles["note_label"].face))


def define_settings(d: Any) -> None:
    """Odd/even footers, no automatic compression, the layout's kinsoku lists."""
    d.settings.odd_and_even_pages_header_footer = True
    s = d.settings.element
    put(s, el("w:characterSpacingControl", val="doNotCompress"), SETTINGS_ORDER)
    put(s, el("w:noLineBreaksAfter", lang="zh-CN", val="".join(sorted(NO_END))), SETTINGS_ORDER)
    put(s, el("w:noLineBreaksBefore", lang="zh-CN", val="".join(sorted(NO_START))), SETTINGS_ORDER)
