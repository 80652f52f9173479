"""Tables the table tests build: a model table and a .docx draft holding it (python-docx
with the merges, header row and nested table written as Word writes them)."""

from __future__ import annotations

from pathlib import Path

from lianluo_desk.model.table import Cell, CellPara, Row, Table, TextRun, normalise


def para(text: str, bold: bool = False, align: str = "") -> CellPara:
    return CellPara([TextRun(text, bold)] if text else [], align)


def cell(text: str, span: int = 1, vmerge: str = "", bold: bool = False) -> Cell:
    return Cell([para(x, bold) for x in text.split("\n")], span=span, vmerge=vmerge)


def work_table(rows: int = 4) -> Table:
    """工作要点 with 责任单位: a header row, a merged header cell over two columns and a
    責任单位 merged down two rows."""
    head = Row(
        [cell("序号", bold=True), cell("工作要点", bold=True), cell("责任单位", span=2, bold=True)],
        header=True,
    )
    body = []
    for k in range(rows):
        text = f"第{k + 1}项：组织代表开展专题调研，形成调研报告并按时报送常委会办公厅。"
        unit = cell("研究室", vmerge="restart" if k % 2 == 0 else "continue")
        if k % 2:
            unit = cell("", vmerge="continue")
        body.append(Row([cell(str(k + 1)), cell(text), unit, cell("办公厅")]))
    return normalise(Table([head, *body], widths=[0.1, 0.5, 0.2, 0.2]))


def write_docx(path: Path, rows: int = 4, nested: bool = False) -> Path:
    """A draft: title, a paragraph, the work table, a paragraph after it."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("关于二〇二二年代表工作要点的通知")
    d.add_paragraph("各有关单位：现将年度代表工作要点印发给你们，请认真贯彻落实。")
    t = d.add_table(rows=rows + 1, cols=4)
    t.style = d.styles["Table Grid"]
    hdr = t.rows[0]
    trpr = hdr._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
    for c, text in zip(hdr.cells[:3], ["序号", "工作要点", "责任单位"], strict=True):
        c.paragraphs[0].add_run(text).bold = True
    hdr.cells[2].merge(hdr.cells[3])
    for k in range(rows):
        cells = t.rows[k + 1].cells
        cells[0].paragraphs[0].add_run(str(k + 1))
        cells[1].paragraphs[0].add_run(
            f"第{k + 1}项：组织代表开展专题调研，形成调研报告并按时报送常委会办公厅。"
        )
        cells[3].paragraphs[0].add_run("办公厅")
    for k in range(0, rows - 1, 2):
        top = t.rows[k + 1].cells[2]
        top.paragraphs[0].add_run("研究室")
        top.merge(t.rows[k + 2].cells[2])
    for col, w in zip(t.columns, (0.6, 3.0, 1.2, 1.2), strict=True):
        col.width = Pt(w * 72)  # the grid column, as Word writes it
        for c in col.cells:
            c.width = Pt(w * 72)
    if nested:
        inner = t.rows[1].cells[1].add_table(rows=1, cols=2)
        inner.rows[0].cells[0].text = "嵌套甲"
        inner.rows[0].cells[1].text = "嵌套乙"
    del qn
    d.add_paragraph("以上工作要点，请各单位结合实际认真抓好落实。")
    d.save(str(path))
    return path


def table_issue(rows: int = 16, width: float = 1.0):
    """A past issue with the work table (``rows`` body rows, over two pages at 16) set
    after the second paragraph of its first article."""
    from lianluo_desk.model.issue import Block, BlockKind

    from .conftest import past

    issue = past("2022-no07").issue
    t = work_table(rows)
    t.width = width
    issue.articles[0].blocks.insert(2, Block(BlockKind.TABLE, table=t))
    return issue


def list_issue(rows: int = 40):
    """A past issue with a list of 代表 as a plain table (no header row, one line a row)
    after the second paragraph: its parts fill whole pages."""
    from lianluo_desk.model.issue import Block, BlockKind

    from .conftest import past

    issue = past("2022-no07").issue
    t = normalise(
        Table(
            [Row([cell(str(k + 1)), cell(f"代表{k + 1}号"), cell("长沙市")]) for k in range(rows)],
            widths=[0.2, 0.5, 0.3],
        )
    )
    issue.articles[0].blocks.insert(2, Block(BlockKind.TABLE, table=t))
    return issue


SCORING_HEAD = ["序号", "评分项目", "评分标准", "分值"]


def scoring_rows() -> list[tuple[str, str, list[str], str]]:
    """Rows of a 评分标准 table: (number, item, the standard's paragraphs, score). The
    second row's standard is one long paragraph of about thirty lines in its column,
    the third's thirty-six short paragraphs: both taller than a page."""
    long = "".join(
        f"第{k}项考核材料齐全、程序规范、记录完整，按时报送的得满分，缺一项扣一分；"
        for k in range(1, 16)
    )
    short = [f"（{k}）按规定报送材料" for k in range(1, 37)]
    return [
        ("1", "组织领导", ["成立工作机构，明确责任分工，制定实施方案。"], "10"),
        ("2", "制度建设", [long], "30"),
        ("3", "工作落实", short, "40"),
        ("4", "宣传报道", ["及时报送工作信息，在省级以上媒体刊发报道。"] * 3, "20"),
    ]


def write_scoring_docx(
    path: Path, pad: int = 0, cant_split: tuple[int, ...] = (), after: bool = True
) -> Path:
    """A 通知 with a 评分标准 table: a title, ``pad`` one-line paragraphs before the table
    (to move its header row down the page), the table with its header row repeated
    (``w:tblHeader``) and rows taller than a page, ``w:cantSplit`` on the body rows
    given (numbered from 1), a paragraph after it unless not ``after`` (the draft ends
    with the table)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("关于开展年度代表工作考核的通知")
    d.add_paragraph("各市州人大常委会：现将年度考核评分标准印发给你们，请对照执行。")
    for k in range(pad):
        d.add_paragraph(f"第{k + 1}条　按时报送。")
    rows = scoring_rows()
    t = d.add_table(rows=len(rows) + 1, cols=4)
    t.style = d.styles["Table Grid"]
    t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for c, text in zip(t.rows[0].cells, SCORING_HEAD, strict=True):
        c.paragraphs[0].add_run(text).bold = True
    for r, (num, item, standard, score) in enumerate(rows, start=1):
        cells = t.rows[r].cells
        cells[0].paragraphs[0].add_run(num)
        cells[1].paragraphs[0].add_run(item)
        cells[2].paragraphs[0].add_run(standard[0])
        for text in standard[1:]:
            cells[2].add_paragraph(text)
        cells[3].paragraphs[0].add_run(score)
        if r in cant_split:
            t.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for col, w in zip(t.columns, (0.6, 1.2, 3.2, 0.8), strict=True):
        col.width = Pt(w * 72)
        for c in col.cells:
            c.width = Pt(w * 72)
    if after:
        d.add_paragraph("请各地于十二月底前将自评材料报送常委会联络工作委员会。")
    d.save(str(path))
    return path
