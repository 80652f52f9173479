"""Tables paginate as Word does: a row breaks across pages at a line boundary unless the
draft forbids it (``w:cantSplit``), a row taller than a page runs over as many pages as it
needs, the header row repeats on every continuation page and never stands alone at a page
foot; the DOCX asks for the same, and LibreOffice's rendering of it starts its pages where
the PDF does. The drafts are 通知 with a 评分标准 table whose cells hold 30+ lines."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from lianluo_desk.export.docx import render_docx
from lianluo_desk.importers import import_draft
from lianluo_desk.layout.boxes import Document
from lianluo_desk.model.issue import BlockKind, Issue
from lianluo_desk.model.store import issue_from_dict, issue_to_dict
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN
from .lo import to_pdf
from .tabledata import scoring_rows, write_scoring_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _issue(template, draft: Path) -> Issue:
    issue = new_issue(template, FROZEN, 1, 1)
    issue.articles = [import_draft(draft)]
    return issue


def _bands(doc: Document) -> list[list[tuple[int, int, int]]]:
    """Per page: (row, first grid line, grid lines) of each row of the table on it, top
    down, from the cell frames the layout drew."""
    out = []
    for page in doc.pages:
        rows: dict[int, tuple[int, int]] = {}
        for b in page.cells:
            if b.rowspan == 1:
                rows[b.row] = (round(b.top), round(b.bottom))
        out.append(sorted((r, top, bottom) for r, (top, bottom) in rows.items()))
    return [[(r, top, bottom) for r, top, bottom in sorted(p, key=lambda x: x[1])] for p in out]


def _lines(doc: Document, template, page, row: int) -> int:
    g = template.geometry
    return sum(
        round((b.bottom - b.top) / g.pitch)
        for b in page.cells
        if b.row == row and b.index == 0 and b.rowspan == 1
    )


def _cell_text(doc: Document, row: int, index: int) -> str:
    return "".join(
        ln.text
        for page in doc.pages
        for ln in page.lines
        if ln.role == "table" and ln.cell and ln.cell[:2] == (row, index)
    )


def test_tall_rows_break_at_line_boundaries_and_pages_stay_full(composer, template, tmp_path):
    g = template.geometry
    issue = _issue(template, write_scoring_docx(tmp_path / "s.docx"))
    doc = composer.compose(issue)
    bands = _bands(doc)
    table_pages = [p for p, b in zip(doc.pages, bands, strict=True) if b]
    # every row that did not fit the space left went on at the next page: the pages the
    # table runs over are full to the text block's last grid line
    for page in table_pages[:-1]:
        assert abs(max(b.bottom for b in page.cells) - g.bottom) < 0.01, page.number
    # the rows taller than a page run over pages, every grid line of them used
    on = {r: [p.number for p in table_pages if _lines(doc, template, p, r)] for r in (2, 3)}
    assert all(len(v) >= 2 for v in on.values()), on
    for page in table_pages[1:-1]:
        # a page within row 3: its header row (one line) and the rest of the page
        if on[3][0] < page.number < on[3][-1]:
            assert _lines(doc, template, page, 0) == 1
            assert _lines(doc, template, page, 3) == g.lines - 1
    # the 评分标准 cells hold all their text, in order, each line once
    rows = scoring_rows()
    assert _cell_text(doc, 2, 2) == rows[1][2][0]
    assert _cell_text(doc, 3, 2) == "".join(rows[2][2])


def test_header_row_repeats_and_never_stands_alone_at_a_page_foot(composer, template, tmp_path):
    g = template.geometry
    # the draft padded so that the header row would take the last grid line of page 1
    plain = composer.compose(_issue(template, write_scoring_docx(tmp_path / "a.docx")))
    head = next(b for b in plain.pages[0].cells if b.row == 0)
    pad = g.lines - 1 - round((head.top - g.top) / g.pitch)
    assert pad > 0
    doc = composer.compose(_issue(template, write_scoring_docx(tmp_path / "b.docx", pad=pad)))
    assert not doc.pages[0].cells  # the header went on with the first body row
    bands = _bands(doc)
    parts = [b for b in bands if b]
    assert len(parts) >= 3
    for part in parts:
        assert part[0][0] == 0 and abs(part[0][1] - g.top) < 0.5  # header at the page top
        assert part[0][2] - part[0][1] == round(g.pitch)  # one grid line high
        assert len(part) >= 2 and part[-1][0] != 0  # followed by a body row's lines


def test_cant_split_row_moves_whole_and_is_carried_through(composer, template, tmp_path):
    # a cantSplit row taller than the page left goes whole to the next page
    g = template.geometry
    found = False
    for pad in range(0, g.lines):
        draft = write_scoring_docx(tmp_path / f"p{pad}.docx", pad=pad)
        bands = _bands(composer.compose(_issue(template, draft)))
        if sum(1 for b in bands if any(r == 4 for r, _t, _b in b)) < 2:
            continue  # row 4 is not split with this padding
        found = True
        kept = write_scoring_docx(tmp_path / f"k{pad}.docx", pad=pad, cant_split=(4,))
        issue = _issue(template, kept)
        t = next(b.table for b in issue.articles[0].blocks if b.kind is BlockKind.TABLE)
        assert [r.cant_split for r in t.rows] == [False, False, False, False, True]
        back = issue_from_dict(issue_to_dict(issue))
        t2 = next(b.table for b in back.articles[0].blocks if b.kind is BlockKind.TABLE)
        assert [r.cant_split for r in t2.rows] == [r.cant_split for r in t.rows]
        doc = composer.compose(issue)
        bands = _bands(doc)
        holding = [k for k, b in enumerate(bands) if any(r == 4 for r, _t, _b in b)]
        assert len(holding) == 1  # whole on one page
        before = bands[holding[0] - 1]
        assert before[-1][2] < g.bottom - 1  # the page before left short
        # the DOCX forbids the split on that row only
        tbl = _tbl(render_docx(issue, template, doc))
        flags = [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in tbl.findall(f"{W}tr")]
        assert flags == [False, False, False, False, True]
        break
    assert found


def test_cant_split_row_taller_than_a_page_runs_over_pages(composer, template, tmp_path):
    g = template.geometry
    issue = _issue(template, write_scoring_docx(tmp_path / "c.docx", cant_split=(3,)))
    doc = composer.compose(issue)
    pages = [p for p in doc.pages if any(b.row == 3 for b in p.cells)]
    lines = len(scoring_rows()[2][2])  # one a paragraph, under a header of one line
    assert len(pages) == -(-lines // (g.lines - 1))  # as many pages as it needs
    first = next(b for b in pages[0].cells if b.row == 3)
    assert abs(first.top - (g.top + g.pitch)) < 0.01  # under the repeated header
    assert abs(first.bottom - g.bottom) < 0.01
    assert _cell_text(doc, 3, 2) == "".join(scoring_rows()[2][2])


def _tbl(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return root.find(f"{W}body/{W}tbl")


def _libreoffice_pages(issue: Issue, doc: Document, template, tmp: Path) -> tuple[int, list]:
    tmp.mkdir(exist_ok=True)
    docx = tmp / "t.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    ours, theirs = pagestarts.both(doc, to_pdf(docx, tmp / "lo"))
    assert theirs.stream == ours.stream  # every character, none dropped or doubled
    return len(theirs.pages), pagestarts.compare(ours, theirs)


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_docx_rows_split_where_the_pdf_splits_them(composer, template, tmp_path):
    issue = _issue(template, write_scoring_docx(tmp_path / "s.docx"))
    doc = composer.compose(issue)
    tbl = _tbl(render_docx(issue, template, doc))
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is None for tr in tbl.findall(f"{W}tr"))
    pages, cmp = _libreoffice_pages(issue, doc, template, tmp_path)
    assert pages == len(doc.pages)
    assert all(lines == 0 for _page, _chars, lines in cmp), cmp


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_docx_header_foot_and_cant_split_pages_as_the_pdf(composer, template, tmp_path):
    g = template.geometry
    plain = composer.compose(_issue(template, write_scoring_docx(tmp_path / "a.docx")))
    head = next(b for b in plain.pages[0].cells if b.row == 0)
    pad = g.lines - 1 - round((head.top - g.top) / g.pitch)
    for name, cant in (("foot", ()), ("kept", (3, 4))):
        issue = _issue(template, write_scoring_docx(tmp_path / f"{name}.docx", pad, cant))
        doc = composer.compose(issue)
        pages, cmp = _libreoffice_pages(issue, doc, template, tmp_path / name)
        assert pages == len(doc.pages), name
        assert all(abs(lines) <= 1 for _page, _chars, lines in cmp), (name, cmp)


@pytest.mark.slow  # LibreOffice renders our DOCX
def test_text_ending_with_a_table_keeps_the_table_on_its_page(composer, template, tmp_path):
    """With the 版记 on a page of its own, the DOCX ends the text's section after the
    table, not on the paragraph before it (which would start the table on a new page)."""
    for pad in range(3 * template.geometry.lines):  # padding that fills the last page
        issue = _issue(template, write_scoring_docx(tmp_path / f"e{pad}.docx", pad, after=False))
        doc = composer.compose(issue)
        if not doc.pages[-1].numbered:
            break
    assert not doc.pages[-1].numbered
    assert issue.articles[0].blocks[-1].kind is BlockKind.TABLE
    with zipfile.ZipFile(io.BytesIO(render_docx(issue, template, doc))) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    kids = list(body)
    tbl = kids.index(body.find(f"{W}tbl"))
    ends = [k for k, x in enumerate(kids) if x.find(f"{W}pPr/{W}sectPr") is not None]
    assert ends and ends[0] > tbl
    pages, cmp = _libreoffice_pages(issue, doc, template, tmp_path)
    assert pages == len(doc.pages)
    assert all(lines == 0 for _page, _chars, lines in cmp), cmp


def test_rows_a_vertical_merge_covers_are_never_broken(composer, template):
    """LibreOffice never breaks such a row (it moves it whole), so the layout does not;
    the rows a merge joins may still go to different pages."""
    from lianluo_desk.model.table import placed

    from .tabledata import table_issue

    g = template.geometry
    issue = table_issue(16)
    t = issue.articles[0].blocks[2].table
    merged = {r for p in placed(t) if p.rowspan > 1 for r in range(p.row, p.row + p.rowspan)}
    doc = composer.compose(issue)
    rows_on: dict[int, set[int]] = {}
    for page in doc.pages:
        for b in page.cells:
            if b.rowspan == 1 and b.row > 0:
                rows_on.setdefault(b.row, set()).add(page.number)
    assert merged and all(len(rows_on[r]) == 1 for r in merged)
    # the merged cells whose rows went to two pages are drawn on both, each part ruled
    apart = [p for p in placed(t) if p.rowspan > 1 and rows_on[p.row] != rows_on[p.row + 1]]
    assert apart
    for p in apart:
        boxes = [
            b for page in doc.pages for b in page.cells if (b.row, b.index) == (p.row, p.index)
        ]
        assert len(boxes) == 2 and abs(boxes[0].bottom - g.bottom) < 0.01
