"""The 版头: title, pinyin, numbers, issuer and date, red rule, as high as the layout's
masthead (``masthead_lines`` grid lines) so page 1 holds as many lines as in the PDF.

Word processors put the baseline of an exactly spaced line at about four fifths of its
height (LibreOffice: 0.80, measured), so each paragraph's height is chosen to put its
baseline where the layout put it; the red rule is the issuer row's bottom border and
what is left of the masthead's height follows it as space after."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.shared import RGBColor

from ...model.issue import Issue
from ...template import Template, length
from .text import add_text
from .xml import PPR_ORDER, eighths, el, grid_pitch, put, twips

BASELINE = 0.8


def masthead(d: Any, t: Template, issue: Issue) -> None:
    g, r = t.geometry, t.rhythm
    p = grid_pitch(t) / 20
    m = issue.masthead
    rows = [
        ("刊名", "masthead_title", m.title or t.publication["name"], "masthead_title_line"),
        (
            "刊名拼音",
            "masthead_pinyin",
            m.pinyin or t.publication["pinyin"],
            "masthead_pinyin_line",
        ),
        (
            "期号",
            "masthead_number",
            t.format_number(m.number, m.supplement),
            "masthead_number_line",
        ),
        ("期号", "masthead_number", t.format_cumulative(m.cumulative), "masthead_cumulative_line"),
        (
            "刊头",
            "masthead_issuer",
            f"{m.issuer or t.publication['issuer']}\t{t.format_date(m.date)}",
            "masthead_issuer_line",
        ),
    ]
    top = 0.0  # twips from the text block's top
    for style, tstyle, text, key in rows:
        para = d.add_paragraph(style=d.styles[style])
        add_text(para, t, tstyle, text, {}, flowing=False)
        height = round((float(r[key]) * p * 20 - top) / BASELINE)
        ppr = para._p.get_or_add_pPr()
        put(ppr, el("w:snapToGrid", val="0"), PPR_ORDER)
        spacing = el("w:spacing", before="0", after="0", line=str(height), lineRule="exact")
        put(ppr, spacing, PPR_ORDER)
        top += height
    # the last row: date flush right, the red rule under it, then the rest of the height
    put(ppr, _right_tab(g.text_width), PPR_ORDER)
    rule_w = length(r.get("masthead_rule_width", "1pt"))
    gap = max(0, round(float(r["masthead_rule_line"]) * p - top / 20 - rule_w / 2))
    border = el("w:pBdr")
    border.append(
        el(
            "w:bottom",
            val="single",
            sz=eighths(t, "masthead_rule_width", "1pt"),
            space=str(gap),
            color=t.color("red").lstrip("#"),
        )
    )
    put(ppr, border, PPR_ORDER)
    after = round(float(r["masthead_lines"]) * p * 20 - top - (gap + rule_w) * 20)
    spacing.set(qn("w:after"), str(max(0, after)))
    # the title run is coloured directly too (some readers ignore a style's colour)
    title = d.paragraphs[-len(rows)]
    for run in title.runs:
        run.font.color.rgb = RGBColor.from_string(t.color("red").lstrip("#").upper())


def _right_tab(pos: float) -> Any:
    tabs = el("w:tabs")
    tabs.append(el("w:tab", val="right", pos=twips(pos)))
    return tabs
