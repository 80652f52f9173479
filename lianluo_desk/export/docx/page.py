"""The page: A4 with the GB/T 9704 margins, the 22-line grid, odd/even page numbers."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import Pt

from ...template import Template
from .styles import face_name
from .text import east_asian_face
from .xml import PPR_ORDER, el, grid_pitch, put, twips


def page_setup(d: Any, t: Template) -> None:
    g = t.geometry
    sec = d.sections[0]
    sec.page_width, sec.page_height = Pt(g.page_width), Pt(g.page_height)
    sec.top_margin, sec.left_margin = Pt(g.top), Pt(g.left)
    sec.right_margin = Pt(g.page_width - g.right)
    sec.bottom_margin = Pt(g.page_height - g.bottom)
    folio = t.styles["page_number"].size
    sec.footer_distance = Pt(g.page_height - g.bottom - g.page_number_drop - folio)
    sec.header_distance = Pt(g.top / 2)
    sect = sec._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    # a line grid only: LibreOffice puts each 16 pt hanzi into two cells of a 15.79 pt
    # character grid (measured), so the cell comes from the styles' spacing instead.
    sect.append(el("w:docGrid", type="lines", linePitch=str(grid_pitch(t))))
    _page_number(d, t, sec.footer, "right")
    _page_number(d, t, sec.even_page_footer, "left")


def _page_number(d: Any, t: Template, footer: Any, align: str) -> None:
    """ "— N —" with a PAGE field, one character in from the text block's edge."""
    g = t.geometry
    p = footer.paragraphs[0]
    p.style = d.styles["页码"]
    ppr = p._p.get_or_add_pPr()
    inset = twips(g.page_number_inset * t.styles["page_number"].size)
    put(ppr, el("w:ind", **({"right": inset} if align == "right" else {"left": inset})), PPR_ORDER)
    put(ppr, el("w:jc", val=align), PPR_ORDER)
    before, after = t.labels["page_number"].split("{page}")
    face = face_name(t, t.styles["page_number"].face)
    east_asian_face(p.add_run(before)._r.get_or_add_rPr(), face)
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
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
    east_asian_face(p.add_run(after)._r.get_or_add_rPr(), face)
