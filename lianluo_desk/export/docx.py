"""DOCX from the model (not from the box tree): Word, WPS and LibreOffice lay the text
out themselves, so the document stays editable.

Every role is a named style carrying its East Asian font (``w:eastAsia``), Latin font and
size; the theme font attributes are removed so the names win; the section has a
22-line document grid (``w:docGrid w:linePitch="579"``) and every style sets exact
grid-pitch spacing so the three programs agree on lines per page. The body style gets
−0.25 pt character spacing, which makes LibreOffice (which ignores the character grid)
set 28 characters a line. The 版记 is a frame anchored to the bottom of the text area.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..fsutil import atomic_write_bytes
from ..layout.engine import _align_name, _split_note, title_lines
from ..model.issue import BlockKind, Issue
from ..template import Template, length

OFFICE_FALLBACK = {"fang": "仿宋_GB2312", "song": "方正小标宋简体", "hei": "黑体",
                   "kai": "楷体_GB2312", "fallback": "宋体"}
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
    "版记": ("footer", "left", 0, 1),
    "页码": ("page_number", "right", 0, 1),
}
KEEP_WITH_NEXT = {"标题", "副标题", "一级标题", "二级标题", "三级标题", "四级标题"}
HEADING_STYLE = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
RUNIN_STYLE = {1: "段首一级标题", 2: "段首二级标题", 3: "段首三级标题", 4: "段首四级标题"}
NOTE_LABEL_STYLE = "编者按标签"


PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange"]
RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
             "em", "lang", "eastAsianLayout", "specVanish", "oMath"]


def put(parent, child, order: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Insert ``child`` where the WordprocessingML schema wants it (Word is strict about
    element order), replacing an element of the same name."""
    from docx.oxml.ns import qn

    name = child.tag.rsplit("}", 1)[-1]
    for old in parent.findall(qn(f"w:{name}")):
        parent.remove(old)
    later = order[order.index(name) + 1:]
    for k, existing in enumerate(parent):
        if existing.tag.rsplit("}", 1)[-1] in later:
            parent.insert(k, child)
            return
    parent.append(child)


def face_name(t: Template, face: str) -> str:
    office = t.faces[face].get("office") or []
    return office[0] if office else OFFICE_FALLBACK.get(face, "宋体")


def _eighths(t: Template, key: str, default: str) -> str:
    """A rule thickness from the template as a border size (eighths of a point)."""
    return str(round(length(t.rhythm.get(key, default)) * 8))


def _twips(pt: float) -> str:
    return str(round(pt * 20))


def render_docx(issue: Issue, t: Template) -> bytes:
    t = t.for_date(issue.masthead.date)
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    g = t.geometry
    pitch = g.pitch

    def el(tag: str, **attrs: str):  # type: ignore[no-untyped-def]
        e = OxmlElement(tag)
        for k, v in attrs.items():
            e.set(qn(f"w:{k}"), v)
        return e

    def set_fonts(rpr, east: str) -> None:  # type: ignore[no-untyped-def]
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

    def set_lang(rpr) -> None:  # type: ignore[no-untyped-def]
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = el("w:lang")
            put(rpr, lang, RPR_ORDER)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")

    # document defaults: no theme fonts, Chinese language, 仿宋 16 pt
    styles_el = d.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, face_name(t, "fang"))
    set_lang(rpr_default)
    for fonts in styles_el.iter(qn("w:rFonts")):  # table styles too
        set_fonts(fonts.getparent(), face_name(t, "fang"))

    def para_style(name: str, spec: tuple[str, str, int, float]) -> None:
        tstyle_name, align, indent, lines = spec
        ts = t.styles[tstyle_name]
        st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = d.styles["Normal"]
        st.quick_style = True
        f = st.font
        f.size = Pt(ts.size)
        f.bold = ts.bold
        if ts.color != "#000000":
            f.color.rgb = RGBColor.from_string(ts.color.lstrip("#").upper())
        rpr = st.element.get_or_add_rPr()
        set_fonts(rpr, face_name(t, ts.face))
        if ts.size == t.styles["body"].size and ts.face != "song":
            put(rpr, el("w:spacing", val="-5"), RPR_ORDER)  # −0.25 pt: 28 a line in LO
        elif ts.tracking:
            put(rpr, el("w:spacing", val=_twips(ts.tracking)), RPR_ORDER)
        ppr = st.element.get_or_add_pPr()
        # lines larger than the body size keep their exact height instead of snapping to
        # two grid lines (LibreOffice snaps even exact spacing)
        put(ppr, el("w:snapToGrid", val="1" if ts.size <= t.styles["body"].size else "0"),
            PPR_ORDER)
        put(ppr, el("w:spacing", before="0", after="0", line=_twips(pitch * lines),
                    lineRule="exact"), PPR_ORDER)
        if indent:
            put(ppr, el("w:ind", firstLineChars=str(indent * 100),
                        firstLine=_twips(indent * ts.size)), PPR_ORDER)
        put(ppr, el("w:jc", val=align), PPR_ORDER)
        # pages stay full as in the PDF, whose layout handles lone lines itself
        put(ppr, el("w:widowControl", val="0"), PPR_ORDER)
        if name in KEEP_WITH_NEXT:
            put(ppr, el("w:keepNext"), PPR_ORDER)

    for name, spec in STYLES.items():
        para_style(name, spec)
    for level, name in RUNIN_STYLE.items():
        cs = d.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        ts = t.styles[f"heading{level}"]
        cs.font.bold = ts.bold
        set_fonts(cs.element.get_or_add_rPr(), face_name(t, ts.face))
    cs = d.styles.add_style(NOTE_LABEL_STYLE, WD_STYLE_TYPE.CHARACTER)
    set_fonts(cs.element.get_or_add_rPr(), face_name(t, t.styles["note_label"].face))

    # page: A4, GB/T 9704 margins, 22-line grid, odd/even footers
    sec = d.sections[0]
    sec.page_width, sec.page_height = Pt(g.page_width), Pt(g.page_height)
    sec.top_margin, sec.left_margin = Pt(g.top), Pt(g.left)
    sec.right_margin = Pt(g.page_width - g.right)
    sec.bottom_margin = Pt(g.page_height - g.bottom)
    folio_size = t.styles["page_number"].size
    sec.footer_distance = Pt(g.page_height - g.bottom - g.page_number_drop - folio_size)
    sec.header_distance = Pt(g.top / 2)
    sect = sec._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    # floor: 22 × 580 twips would overrun the 225 mm text block by a hair
    sect.append(el("w:docGrid", type="lines", linePitch=str(int(pitch * 20))))
    d.settings.odd_and_even_pages_header_footer = True

    def field_footer(footer, align: str) -> None:  # type: ignore[no-untyped-def]
        p = footer.paragraphs[0]
        p.style = d.styles["页码"]
        ppr = p._p.get_or_add_pPr()
        inset = _twips(g.page_number_inset * folio_size)
        put(ppr, el("w:ind", **({"right": inset} if align == "right" else {"left": inset})),
            PPR_ORDER)
        put(ppr, el("w:jc", val=align), PPR_ORDER)
        before, after = t.labels["page_number"].split("{page}")
        p.add_run(before)
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None),
                           (None, "1"), ("end", None)):
            r = p.add_run()
            if kind:
                r._r.append(el("w:fldChar", fldCharType=kind))
            elif text == " PAGE ":
                instr = el("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                r._r.append(instr)
            else:
                r.text = text
        p.add_run(after)

    field_footer(sec.footer, "right")
    field_footer(sec.even_page_footer, "left")

    def para(style: str, text: str = ""):  # type: ignore[no-untyped-def]
        p = d.add_paragraph(style=d.styles[style])
        if text:
            p.add_run(text)
        return p

    # masthead
    m = issue.masthead
    mast = para("刊名", m.title or t.publication["name"])
    mast.runs[0].font.color.rgb = RGBColor.from_string(t.color("red").lstrip("#").upper())
    para("刊名拼音", m.pinyin or t.publication["pinyin"])
    para("期号", t.format_number(m.number, m.supplement))
    para("期号", t.format_cumulative(m.cumulative))
    row = para("刊头", f"{m.issuer or t.publication['issuer']}\t{t.format_date(m.date)}")
    ppr = row._p.get_or_add_pPr()
    tabs = el("w:tabs")
    tabs.append(el("w:tab", val="right", pos=_twips(g.text_width)))
    put(ppr, tabs, PPR_ORDER)
    border = el("w:pBdr")
    red = t.color("red").lstrip("#")
    border.append(el("w:bottom", val="single", sz=_eighths(t, "masthead_rule_width", "1pt"),
                     space="4", color=red))
    put(ppr, border, PPR_ORDER)

    def note(text: str) -> None:
        label, rest = _split_note(text)
        p = para("编者按")
        if label:
            p.add_run(label, style=d.styles[NOTE_LABEL_STYLE])
        p.add_run(rest)

    if issue.note:
        note(issue.note)
    r = t.rhythm

    def blanks(key: str, default: int, keep: bool) -> None:
        """Blank lines as the layout sets them; kept with the next paragraph when the
        layout keeps them with the title."""
        for _ in range(int(r.get(key, default))):
            p = para("正文")
            if keep:
                put(p._p.get_or_add_pPr(), el("w:keepNext"), PPR_ORDER)

    for ai, art in enumerate(issue.articles):
        if art.note:
            note(art.note)
        if art.title and (ai or issue.note or art.note):
            blanks("before_title", 1, bool(r.get("keep_blank_at_top", False)))
        if art.title:
            title = para("标题")
            lines = [x for group in title_lines(art, t) for x in group]
            for k, line in enumerate(lines):
                run = title.add_run(line)
                if k < len(lines) - 1:
                    run.add_break()
        if art.subtitle:
            if art.title:
                blanks("before_subtitle", 0, True)
            para("副标题", art.subtitle)
        if art.title:  # the blank lines after the title block stay with what follows
            blanks("after_title", 1, True)
        for b in art.blocks:
            if b.kind is BlockKind.HEADING:
                level = max(1, min(4, b.level))
                h = para(HEADING_STYLE[level], b.text)
                above = int(r.get(f"before_heading{level}", 0))
                if above:  # space above the heading, in whole grid lines
                    put(h._p.get_or_add_pPr(),
                        el("w:spacing", before=_twips(above * pitch), beforeLines=str(100 * above)),
                        PPR_ORDER)
            elif b.kind is BlockKind.BYLINE:
                para("署名", b.text)
            elif b.kind is BlockKind.IMAGE:
                from ..images import pixel_size

                path = issue.base_dir / b.path
                px_w, _px_h = pixel_size(path)
                width = min(g.text_width, px_w * 72 / float(t.rhythm.get("image_dpi", 150)))
                pic = para("图题")
                put(pic._p.get_or_add_pPr(), el("w:spacing", line="240", lineRule="auto"),
                    PPR_ORDER)
                pic.add_run().add_picture(str(path), width=Pt(width))
                if b.caption:
                    para("图题", b.caption)
            else:
                p = para("正文")
                if b.runin:
                    p.add_run(b.runin, style=d.styles[RUNIN_STYLE[max(1, min(4, b.level))]])
                p.add_run(b.text)

    # 版记: a frame anchored to the bottom of the text area of the last page
    f = issue.footer
    lab = t.labels
    fsize = t.styles["footer"].size
    inset = t.rhythm.get("footer_indent", 1) * fsize
    label_w = len(lab["distribution"]) * fsize
    thick = _eighths(t, "footer_thick_rule", "0.35mm")
    thin = _eighths(t, "footer_thin_rule", "0.25mm")
    rows: list[tuple[str, dict]] = []
    for i, grp in enumerate(f.distribution):
        rows.append(((lab["distribution"] if i == 0 else "") + grp.text,
                     {"hanging": label_w if i == 0 else 0, "left": label_w if i else 0}))
    names = "\u3000".join(_align_name(n) for n in f.editors)
    left = f"{lab['editors']}{names}" if f.editors else ""
    right = f"{lab['contact']}{f.contact}" if f.contact else ""
    room = (g.text_width - 2 * inset) / fsize - 1
    if left and right and _ems(left) + _ems(right) <= room:
        rows.append((f"{left}\t{right}", {"tab": True, "thin": True}))
    else:
        rows += [(x, {"thin": k == 0}) for k, x in enumerate(y for y in (left, right) if y)]
    if f.approval:
        rows.append((lab["approval"] + f.approval, {}))
    for k, (text, opts) in enumerate(rows):
        p = para("版记", text)
        ppr = p._p.get_or_add_pPr()
        put(ppr, el("w:framePr", w=_twips(g.text_width), wrap="notBeside",
                    vAnchor="margin", hAnchor="margin", yAlign="bottom", xAlign="left"),
            PPR_ORDER)
        bdr = el("w:pBdr")
        if k == 0:
            bdr.append(el("w:top", val="single", sz=thick, space="1", color="000000"))
        if opts.get("thin"):
            bdr.append(el("w:top", val="single", sz=thin, space="1", color="000000"))
        if k == len(rows) - 1:
            bdr.append(el("w:bottom", val="single", sz=thick, space="1", color="000000"))
        if len(bdr):
            put(ppr, bdr, PPR_ORDER)
        if opts.get("tab"):
            tabs = el("w:tabs")
            tabs.append(el("w:tab", val="right", pos=_twips(g.text_width - 2 * inset)))
            put(ppr, tabs, PPR_ORDER)
        ind: dict[str, str] = {"left": _twips(inset + opts.get("left", 0)),
                               "right": _twips(inset)}
        if opts.get("hanging"):
            ind["left"] = _twips(inset + opts["hanging"])
            ind["hanging"] = _twips(opts["hanging"])
        put(ppr, el("w:ind", **ind), PPR_ORDER)
    props = d.core_properties
    props.title = t.labels["subject"].format(name=t.publication["name"], year=m.date.year,
                                             number=m.number)
    titles = " / ".join(a.title_text for a in issue.articles if a.title)
    if titles:
        props.title += f"：{titles}"
    props.author = t.publication["author"]
    props.subject = t.labels["subject"].format(name=t.publication["name"], year=m.date.year,
                                               number=m.number)
    props.language = "zh-CN"
    import datetime as _dt

    stamp = _dt.datetime.combine(m.date, _dt.time(0, 0))
    props.created = props.modified = stamp
    props.last_modified_by = t.publication["author"]
    props.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _ems(text: str) -> float:
    from ..layout.kinsoku import is_cjk_cell

    return sum(1.0 if is_cjk_cell(c) else 0.55 for c in text)


def write_docx(issue: Issue, t: Template, path: Path) -> int:
    data = render_docx(issue, t)
    atomic_write_bytes(Path(path), data)
    return len(data)
