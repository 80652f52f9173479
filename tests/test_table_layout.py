"""Tables on the grid, read back from the PDF: each cell's text inside its cell, the rules
where the box tree has them, rows broken only at a page's end, the header repeated, text
after on the grid."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.layout.boxes import Rule
from lianluo_desk.layout.kinsoku import is_cjk_cell
from lianluo_desk.layout.table import INNER, OUTER, PAD
from lianluo_desk.model.table import placed

from .tabledata import table_issue


@pytest.fixture(scope="module")
def laid(composer):
    issue = table_issue(16)
    doc = composer.compose(issue)
    return issue, doc, render_pdf(doc)


def _on_grid(g, baseline: float, size: float) -> float:
    """How far (in grid lines) a baseline is from a whole grid line's baseline."""
    k = (baseline - g.top - (g.pitch - size) / 2 - 0.88 * size) / g.pitch
    return abs(k - round(k))


def test_cell_text_inside_its_cell_in_the_pdf(laid, template):
    issue, doc, data = laid
    t = issue.articles[0].blocks[2].table
    seen = set()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, ours in zip(pdf.pages, doc.pages, strict=True):
            boxes = {(b.row, b.index): b for b in ours.cells}
            chars = page.chars
            for ln in ours.lines:
                if ln.role != "table":
                    continue
                row, index, _para = ln.cell
                box = boxes[(row, index)]
                got = [
                    c
                    for c in chars
                    if abs((page.height - c["matrix"][5]) - ln.baseline) < 0.2
                    and ln.x0 - 0.2 <= c["x0"] < ln.x1
                ]
                assert "".join(c["text"] for c in got) == ln.text.replace(" ", "")
                for c in got:
                    assert box.x0 + PAD - 0.2 <= c["x0"] and c["x1"] <= box.x1 - PAD + 0.6, c
                    assert box.top < c["top"] and c["bottom"] < box.bottom, c
                seen.add((row, index))
    drawn = {(p.row, p.index) for p in placed(t) if t.rows[p.row].cells[p.index].text.strip()}
    assert drawn <= seen


def test_rules_where_the_box_tree_says(laid):
    _issue, doc, data = laid
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page, ours in zip(pdf.pages, doc.pages, strict=True):
            want = sorted(
                (round(r.x, 1), round(r.y, 1), *(round(v, 1) for v in r.end), round(r.thickness, 2))
                for r in ours.items
                if isinstance(r, Rule)
            )
            got = sorted(
                (
                    round(ln["x0"], 1),
                    round(ln["top"], 1),
                    round(ln["x1"], 1),
                    round(ln["bottom"], 1),
                    # pdfminer reports the PDF's default width (1) as 0
                    round(ln["linewidth"] or 1.0, 2),
                )
                for ln in page.lines
            )
            assert got == want
            if ours.cells:  # the table's frame is 1 pt, inside it 0.5 pt
                widths = {r.thickness for r in ours.items if isinstance(r, Rule)}
                assert {INNER, OUTER} <= widths
                x0 = min(b.x0 for b in ours.cells)
                x1 = max(b.x1 for b in ours.cells)
                top = min(b.top for b in ours.cells)
                bottom = max(b.bottom for b in ours.cells)
                outer = [r for r in ours.items if isinstance(r, Rule) and r.thickness == OUTER]
                assert any(r.vertical and abs(r.x - x0) < 0.01 for r in outer)
                assert any(r.vertical and abs(r.x - x1) < 0.01 for r in outer)
                assert any(not r.vertical and abs(r.y - top) < 0.01 for r in outer)
                assert any(not r.vertical and abs(r.y - bottom) < 0.01 for r in outer)


def test_rows_on_the_grid_header_repeated_and_text_after_on_the_grid(laid, template):
    g = template.geometry
    _issue, doc, data = laid
    pages = [p for p in doc.pages if p.cells]
    assert len(pages) >= 2  # the table continues on another page
    rows_on: dict[int, set[int]] = {}
    for p in pages:
        for b in p.cells:
            rows_on.setdefault(b.row, set()).add(p.number)
            # a row is a whole number of grid lines, its top on a grid line
            assert abs((b.top - g.top) / g.pitch - round((b.top - g.top) / g.pitch)) < 1e-6
            assert abs((b.bottom - b.top) / g.pitch - round((b.bottom - b.top) / g.pitch)) < 1e-6
        first = min(p.cells, key=lambda b: (b.top, b.x0))
        assert first.row == 0  # each part of the table starts with the header row
    # a body row on two pages is broken at a grid line: its part on the first fills it
    for r, ps in rows_on.items():
        if r > 0 and len(ps) > 1:
            assert ps == set(range(min(ps), max(ps) + 1))
            for n in sorted(ps)[:-1]:
                part = [b for b in doc.pages[n - 1].cells if b.row == r]
                assert abs(max(b.bottom for b in part) - g.bottom) < 0.01
    # the body text after the table: on the grid, read back from the PDF
    last = pages[-1]
    bottom = max(b.bottom for b in last.cells)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[last.number - 1]
        after = [
            float(page.height) - c["matrix"][5]
            for c in page.chars
            if c["top"] > bottom and c["size"] == 16
        ]
    assert len(after) > 20
    assert max(_on_grid(g, y, 16) for y in after) < 0.01


def test_cell_lines_break_like_body_text_without_indent(laid):
    _issue, doc, _data = laid
    starts = 0
    for page in doc.pages:
        boxes = {(b.row, b.index): b for b in page.cells}
        for ln in page.lines:
            if ln.role != "table":
                continue
            assert not ln.text[:1] or ln.text[0] not in "，。、；：）」》"  # kinsoku
            box = boxes[ln.cell[:2]]
            if ln.start == 0 and is_cjk_cell(ln.text[0]):
                assert abs(ln.x0 - (box.x0 + PAD)) < 0.01  # no first-line indent
                starts += 1
            assert box.x0 + PAD - 0.01 <= ln.x0 and ln.x1 <= box.x1 - PAD + 0.01
    assert starts > 10


def test_wider_table_is_scaled_to_the_text_block(composer, template):
    from lianluo_desk.model.table import normalise

    g = template.geometry
    issue = table_issue(2)
    t = issue.articles[0].blocks[2].table
    t.width = 1.6
    normalise(t)
    doc = composer.compose(issue)
    boxes = [b for p in doc.pages for b in p.cells]
    assert abs(min(b.x0 for b in boxes) - g.left) < 0.01
    assert abs(max(b.x1 for b in boxes) - (g.left + g.text_width)) < 0.01
    narrow = table_issue(2, width=0.5)
    boxes = [b for p in composer.compose(narrow).pages for b in p.cells]
    w = max(b.x1 for b in boxes) - min(b.x0 for b in boxes)
    assert abs(w - 0.5 * g.text_width) < 0.01
    assert abs(min(b.x0 for b in boxes) - (g.left + g.text_width / 4)) < 0.01  # centred


def test_same_table_same_pdf_bytes(composer, fonts, template):
    from lianluo_desk.layout.engine import Composer

    a = render_pdf(composer.compose(table_issue(6)))
    b = render_pdf(Composer(template, fonts).compose(table_issue(6)))
    assert a == b


def test_relayout_after_a_cell_edit_is_a_fresh_layout(fonts, template):
    from lianluo_desk.export.trace import trace
    from lianluo_desk.layout.engine import Composer
    from lianluo_desk.model.table import set_cell_text

    kept = Composer(template, fonts)
    issue = table_issue(6)
    before = trace(kept.compose(issue))
    set_cell_text(issue.articles[0].blocks[2].table, 3, 1, "改短了。")
    after = trace(kept.compose(issue))
    assert after != before and "改短了。" in after
    assert after == trace(Composer(template, fonts).compose(issue))
