"""Tables in the DOCX: a real w:tbl (width, grid columns, borders, header rows, merges),
read back by our importer as the same table, and the reviewer's round trip through the
cells (edits mapped to their cell, an added row or table listed); LibreOffice keeps the
cell marks."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from lianluo_desk import review as rv
from lianluo_desk.export.docx import render_docx
from lianluo_desk.importers import import_articles
from lianluo_desk.model.table import placed

from .lo import resave_docx
from .tabledata import table_issue

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tbl(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    tbls = root.findall(f"{W}body/{W}tbl")
    assert len(tbls) == 1
    return tbls[0]


def test_docx_table_structure(composer, template):
    issue = table_issue(4)
    t = issue.articles[0].blocks[2].table
    tbl = _tbl(render_docx(issue, template, composer.compose(issue)))
    g = template.geometry
    width = int(tbl.find(f"{W}tblPr/{W}tblW").get(f"{W}w"))
    assert width == round(g.text_width * t.width * 20)
    cols = [int(c.get(f"{W}w")) for c in tbl.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(cols) == width and len(cols) == t.columns
    assert [round(c / width, 3) for c in cols] == [round(x, 3) for x in t.widths]
    borders = {b.tag.split("}")[1]: b.get(f"{W}sz") for b in tbl.find(f"{W}tblPr/{W}tblBorders")}
    assert borders == {"top": "8", "left": "8", "bottom": "8", "right": "8",
                       "insideH": "4", "insideV": "4"}  # fmt: skip
    rows = tbl.findall(f"{W}tr")
    assert len(rows) == len(t.rows)
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    head = rows[0].findall(f"{W}tc")
    assert head[2].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
    merges = [r.findall(f"{W}tc")[2].find(f"{W}tcPr/{W}vMerge") for r in rows[1:3]]
    assert merges[0].get(f"{W}val") == "restart" and merges[1].get(f"{W}val") is None
    # each row as many grid lines high as the layout made it
    pitch = int(g.pitch * 20)
    heights = [int(r.find(f"{W}trPr/{W}trHeight").get(f"{W}val")) for r in rows]
    assert heights[1:-1] == [3 * pitch] * (len(rows) - 2)


def test_our_docx_reads_back_as_the_same_table(composer, template, tmp_path):
    issue = table_issue(4)
    p = tmp_path / "ours.docx"
    p.write_bytes(render_docx(issue, template, composer.compose(issue)))
    arts = import_articles(p)
    back = next(b.table for b in arts[0].blocks if b.table is not None)
    t = issue.articles[0].blocks[2].table
    assert [[c.text for c in r.cells] for r in back.rows] == [
        [c.text for c in r.cells] for r in t.rows
    ]
    assert placed(back) == placed(t)
    assert [r.header for r in back.rows] == [r.header for r in t.rows]
    assert back.rows[0].cells[0].paras[0].runs[0].bold
    assert [round(w, 3) for w in back.widths] == [round(w, 3) for w in t.widths]


def _cell_para(d, name):
    for b in d.element.body.iter(qn("w:bookmarkStart")):
        if b.get(qn("w:name")) == name:
            return b.getparent()
    raise AssertionError(name)


def test_review_maps_cell_edits_and_lists_added_rows_and_tables(composer, template, tmp_path):
    issue = table_issue(4)
    data = render_docx(issue, template, composer.compose(issue))
    assert rv.compare(issue, rv.load(data, issue), rv.read(data)) == []  # as exported
    d = docx.Document(io.BytesIO(data))
    p = _cell_para(d, "_lld_0_2_c2_1_0")  # row 2, cell 2: 第2项…
    t = next(x for x in p.iter(qn("w:t")) if "组织代表" in (x.text or ""))
    t.text = t.text.replace("组织代表", "组织全体代表")  # edited with tracking off
    tbl = d.element.body.find(qn("w:tbl"))
    new_row = etree.fromstring(etree.tostring(tbl.findall(qn("w:tr"))[-1]))
    for b in list(new_row.iter(qn("w:bookmarkStart"))) + list(new_row.iter(qn("w:bookmarkEnd"))):
        b.getparent().remove(b)
    new_row.find(f".//{qn('w:t')}").text = "新增"
    tbl.append(new_row)
    other = d.add_table(rows=1, cols=2)
    other.cell(0, 0).text = "审稿人另加的表格"
    mark = OxmlElement("w:p")
    tbl.addnext(mark)
    out = tmp_path / "reviewed.docx"
    d.save(str(out))
    paras = rv.load(out, issue)
    changes = rv.compare(issue, paras, rv.read(data))
    kinds = [(c.where, c.kind) for c in changes]
    assert ("第1篇 第3段 表格第3行第2格", "未标记修改") in kinds
    assert ("第1篇 第3段 表格", "无法对应") in kinds  # the added row
    assert ("（插入的表格）", "无法对应") in kinds
    edit = next(c for c in changes if c.kind == "未标记修改")
    rv.apply(issue, paras, changes, {edit.number}, set())
    cell = issue.articles[0].blocks[2].table.rows[2].cells[1]
    assert "组织全体代表" in cell.text


@pytest.mark.slow
def test_libreoffice_keeps_the_cell_marks(composer, template, tmp_path):
    issue = table_issue(4)
    src = tmp_path / "ours.docx"
    src.write_bytes(render_docx(issue, template, composer.compose(issue)))
    paras = rv.load(resave_docx(src, tmp_path / "lo"), issue)
    cells = {p.target for p in paras if p.target and "_c" in p.target}
    assert len(cells) == len(rv.tables.texts(issue))
    assert rv.compare(issue, paras, rv.read(src.read_bytes())) == []


@pytest.mark.slow
def test_left_aligned_table_stands_where_the_pdf_has_it(composer, template, tmp_path):
    """The column rules of a narrow left-aligned table in LibreOffice's rendering of the
    DOCX within 1 pt of the PDF's (no indent added for the cell margin)."""
    import pdfplumber

    from lianluo_desk.export.pdf import render_pdf

    from .lo import to_pdf

    issue = table_issue(2, width=0.6)
    issue.articles[0].blocks[2].table.align = "left"
    doc = composer.compose(issue)
    (tmp_path / "t.docx").write_bytes(render_docx(issue, template, doc))
    (tmp_path / "ours.pdf").write_bytes(render_pdf(doc))
    lo = to_pdf(tmp_path / "t.docx", tmp_path / "lo")

    def columns(path):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                xs = sorted({o["x0"] for o in page.lines + page.rects if o["x1"] - o["x0"] < 2})
                if xs:
                    return xs
        return []

    ours, theirs = columns(tmp_path / "ours.pdf"), columns(lo)
    assert len(ours) == len(theirs) == 5
    assert all(abs(a - b) < 1 for a, b in zip(ours, theirs, strict=True)), (ours, theirs)
