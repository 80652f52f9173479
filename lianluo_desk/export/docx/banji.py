"""The 版记 at the bottom of the last page's text area (on a page of its own where the
layout put it there, after an unnumbered blank page where the layout has one), thick /
thin / thick rules as paragraph borders, set as the layout set it: each recipient group
a paragraph aligned after 送：, 责任编辑 and 联系方式 on one row where the layout put
them on one, the compressed marks carried.

It is not a frame: LibreOffice 7.4 flows paragraphs with ``w:framePr`` as ordinary text
(measured, whatever the anchoring). Blank lines as many as the layout leaves above the
版记 lead it, kept together with it, so it ends on the text block's bottom edge and moves
to a page of its own with them when the text grows; each line is exactly one grid pitch
high, borders included."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from ...layout.banji import align_name
from ...layout.decisions import BanjiLayout, BanjiRow, Lines
from ...model.issue import Issue
from ...template import Template
from .text import add_text
from .xml import PPR_ORDER, eighths, el, grid_pitch, put, twips

Row = tuple[str, BanjiRow, dict[str, Any]]


def _rows(t: Template, issue: Issue, b: BanjiLayout) -> list[Row]:
    """The 版记's paragraphs as (text, row as set, options): one per row the layout
    made, in its order, with the row's lines and inset as the layout set them."""
    f = issue.banji
    lab = t.labels
    names = "\u3000".join(align_name(n) for n in f.editors)
    left = f"{lab['editors']}{names}"
    right = f"{lab['contact']}{f.contact}"
    rows: list[Row] = []
    thin = True  # the thin rule over the first row after the recipient groups
    for r in b.rows:
        opts: dict[str, Any] = {}
        if r.kind == "group":
            text = (lab["distribution"] if r.group == 0 else "") + f.distribution[r.group].text
            opts = {"group": True}
            opts["hanging" if r.group == 0 else "left"] = b.label_width
        elif r.kind == "editors+contact":
            text = f"{left}\t{right}"
            opts = {"thin": thin, "tab": True}
        elif r.kind == "approval":
            text = lab["approval"] + f.approval
        else:  # 责任编辑 or 联系方式 on a row of its own
            text = left if r.kind == "editors" else right
            opts = {"thin": thin}
        if r.kind != "group":
            thin = False
        rows.append((text, r, opts))
    return rows


def banji(d: Any, t: Template, issue: Issue, b: BanjiLayout | None) -> None:
    if b is None:
        return
    rows = _rows(t, issue, b)
    g = t.geometry
    thick = eighths(t, "footer_thick_rule", "0.35mm")
    thin = eighths(t, "footer_thin_rule", "0.25mm")
    pitch = grid_pitch(t)
    blanks = b.blanks_above
    if b.unnumbered:
        unnumbered_section(d)
        d.add_paragraph(style=d.styles["正文"])  # the blank page before the 版记 page
    new_page = b.own_page
    for k in range(blanks):
        blank = d.add_paragraph(style=d.styles["正文"])
        ppr = blank._p.get_or_add_pPr()
        put(ppr, el("w:keepNext"), PPR_ORDER)
        if new_page:
            put(ppr, el("w:pageBreakBefore"), PPR_ORDER)
            new_page = False
        if k == blanks - 1:  # the first thick rule, as wide as the text block
            _lines(ppr, pitch, [("bottom", thick)])
    for k, (text, row, opts) in enumerate(rows):
        p = d.add_paragraph(style=d.styles["版记"])
        if new_page:
            put(p._p.get_or_add_pPr(), el("w:pageBreakBefore"), PPR_ORDER)
            new_page = False
        # a row of one part the layout wrapped (责任编辑 or 联系方式 too long for one line)
        wrapped = not opts.get("group") and len(row.lines.starts) > 1
        if wrapped:
            _wrapped(p, t, text, row.lines)
        else:
            add_text(p, t, "footer", text, row.lines.squeezed, breaks=row.lines.starts)
        ppr = p._p.get_or_add_pPr()
        if k < len(rows) - 1:
            put(ppr, el("w:keepNext"), PPR_ORDER)
        rules = [("top", thick)] if k == 0 and not blanks else []
        if opts.get("thin"):
            rules.append(("top", thin))
        if k == len(rows) - 1:
            rules.append(("bottom", thick))
        _lines(ppr, pitch, rules)
        pad = row.inset
        if opts.get("group"):  # a recipient group: may wrap
            ind = {"left": twips(pad + opts.get("left", 0)), "right": twips(pad)}
            if opts.get("hanging"):
                ind["left"] = twips(pad + opts["hanging"])
                ind["hanging"] = twips(opts["hanging"])
        else:  # indented from the left, so its rules span the text block
            ind = {"left": "0", "right": "0", "firstLine": twips(pad)}
        put(ppr, el("w:ind", **ind), PPR_ORDER)
        stops = []
        if wrapped:  # where its wrapped lines start, as ours do
            stops.append(el("w:tab", val="left", pos=twips(pad)))
        if opts.get("tab"):
            stops.append(el("w:tab", val="right", pos=twips(g.text_width - pad)))
        if stops:
            tabs = el("w:tabs")
            for stop in stops:
                tabs.append(stop)
            put(ppr, tabs, PPR_ORDER)


def _wrapped(p: Any, t: Template, text: str, lines: Lines) -> None:
    """A row's lines as the layout broke them, each after the first led by a line
    break and a tab to the row's inset: indenting the paragraph would narrow its rules
    (a paragraph's borders span its indents), and the first line alone takes the
    first-line indent."""
    starts = sorted(lines.starts)
    for a, z in zip(starts, [*starts[1:], len(text)], strict=True):
        if a:
            p.add_run().add_break()
            p.add_run("\t")
        add_text(p, t, "footer", text[a:z], lines.squeezed, offset=a, breaks=lines.starts)


def unnumbered_section(d: Any) -> None:
    """End the text's section on its last paragraph (no empty paragraph that would take
    a line) and start one on a new page whose footers are empty: the blank page and the
    版记 page carry no page number."""
    body = d.element.body
    final = body.find(qn("w:sectPr"))
    last = final.getprevious()
    if last is None or last.tag != qn("w:p"):
        # the text ends with a table: the section ends on a paragraph after it, a hair
        # high (put on the paragraph before, the break would start the table's section,
        # and the table, on a new page)
        last = el("w:p")
        ppr = last.get_or_add_pPr()
        put(ppr, el("w:snapToGrid", val="0"), PPR_ORDER)
        put(ppr, el("w:spacing", before="0", after="0", line="20", lineRule="exact"), PPR_ORDER)
        rpr = el("w:rPr")
        rpr.append(el("w:sz", val="2"))
        ppr.append(rpr)
        final.addprevious(last)
    put(last.get_or_add_pPr(), deepcopy(final), PPR_ORDER)
    for ref in final.findall(qn("w:footerReference")) + final.findall(qn("w:headerReference")):
        final.remove(ref)
    sec = d.sections[-1]
    sec.start_type = WD_SECTION.NEW_PAGE
    for footer in (sec.footer, sec.even_page_footer):
        footer.is_linked_to_previous = False


def _lines(ppr: Any, pitch: int, rules: list[tuple[str, str]]) -> None:
    """Borders for ``rules`` and an exact height of one grid pitch, borders included."""
    borders = 0
    if rules:
        bdr = el("w:pBdr")
        for side, size in rules:
            bdr.append(el(f"w:{side}", val="single", sz=size, space="1", color="000000"))
            borders += 20 + round(int(size) * 20 / 8)
        put(ppr, bdr, PPR_ORDER)
    put(ppr, el("w:snapToGrid", val="0"), PPR_ORDER)
    put(
        ppr,
        el("w:spacing", before="0", after="0", line=str(pitch - borders), lineRule="exact"),
        PPR_ORDER,
    )
