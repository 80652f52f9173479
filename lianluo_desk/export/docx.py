"""DOCX from the model (not from the box tree): Word, WPS and LibreOffice lay it out
themselves, so the document stays editable. Page geometry and faces follow the template.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..fsutil import atomic_write_bytes
from ..layout.engine import _align_name, _split_note
from ..model.issue import BlockKind, Issue
from ..template import MM, Template

OFFICE_NAME = {"fang": "仿宋_GB2312", "song": "方正小标宋简体", "hei": "黑体", "kai": "楷体_GB2312",
               "fallback": "宋体"}


def _face_name(t: Template, face: str) -> str:
    office = t.faces[face].get("office") or []
    return office[0] if office else OFFICE_NAME.get(face, "宋体")


def render_docx(issue: Issue, t: Template) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    g = t.geometry
    sec = d.sections[0]
    sec.page_width, sec.page_height = Pt(g.page_width), Pt(g.page_height)
    sec.top_margin, sec.left_margin = Pt(g.top), Pt(g.left)
    sec.right_margin = Pt(g.page_width - g.right)
    sec.bottom_margin = Pt(g.page_height - g.bottom)

    def run(par, text: str, style: str) -> None:  # type: ignore[no-untyped-def]
        st = t.styles[style]
        r = par.add_run(text)
        r.font.size = Pt(st.size)
        name = _face_name(t, st.face)
        r.font.name = name
        rpr = r._element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), name)
        if st.bold:
            r.bold = True
        if st.color != "#000000":
            r.font.color.rgb = RGBColor.from_string(st.color.lstrip("#").upper())

    def para(align: str = "left", indent: int = 0):  # type: ignore[no-untyped-def]
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(g.pitch)
        if indent:
            pf.first_line_indent = Pt(indent * 16)
        p.alignment = {"left": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        return p

    m = issue.masthead
    run(para("center"), m.title or t.publication["name"], "masthead_title")
    run(para("center"), m.pinyin or t.publication["pinyin"], "masthead_pinyin")
    run(para("center"), t.format_number(m.number, m.supplement), "masthead_number")
    run(para("center"), t.format_cumulative(m.cumulative), "masthead_number")
    p = para()
    run(p, (m.issuer or t.publication["issuer"]) + "\t" + t.format_date(m.date),
        "masthead_issuer")
    if issue.note:
        _note(issue.note, para, run)
    for art in issue.articles:
        if art.note:
            _note(art.note, para, run)
        for line in art.title:
            run(para("center"), line, "title")
        if art.subtitle:
            run(para("center"), art.subtitle, "subtitle")
        for b in art.blocks:
            if b.kind is BlockKind.HEADING:
                st = f"heading{max(1, min(4, b.level))}"
                run(para(indent=2), b.text, st)
            elif b.kind is BlockKind.BYLINE:
                run(para("right"), b.text, "byline")
            elif b.kind is BlockKind.IMAGE:
                from docx.shared import Pt as _Pt

                from ..images import pixel_size

                path = issue.base_dir / b.path
                px_w, _px_h = pixel_size(path)
                width = min(g.text_width, px_w * 72 / float(t.rhythm.get("image_dpi", 150)))
                pic = d.add_paragraph()
                pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
                pic.add_run().add_picture(str(path), width=_Pt(width))
                if b.caption:
                    run(para("center"), b.caption, "caption")
            else:
                p = para(indent=2)
                if b.runin:
                    run(p, b.runin, f"heading{max(1, min(4, b.level))}")
                run(p, b.text, "body")
    f = issue.footer
    lab = t.labels
    for i, grp in enumerate(f.distribution):
        run(para(), (lab["distribution"] if i == 0 else "\u3000\u3000") + grp.text, "footer")
    if f.editors or f.contact:
        names = "\u3000".join(_align_name(n) for n in f.editors)
        run(para(), f"{lab['editors']}{names}\u3000\u3000{lab['contact']}{f.contact}", "footer")
    if f.approval:
        run(para(), lab["approval"] + f.approval, "footer")
    props = d.core_properties
    props.title = t.labels["subject"].format(name=t.publication["name"], year=m.date.year,
                                             number=m.number)
    props.author = t.publication["author"]
    props.subject = props.title
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _note(note: str, para, run) -> None:  # type: ignore[no-untyped-def]
    label, rest = _split_note(note)
    p = para(indent=2)
    if label:
        run(p, label, "note_label")
    run(p, rest, "note")


def write_docx(issue: Issue, t: Template, path: Path) -> int:
    data = render_docx(issue, t)
    atomic_write_bytes(Path(path), data)
    return len(data)


__all__ = ["write_docx", "render_docx", "MM"]
