import pytest

from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import BlockKind
from lianluo_desk.model.table import placed

from .tabledata import write_docx


def test_docx_table_becomes_one_table_block(tmp_path):
    art = import_draft(write_docx(tmp_path / "t.docx", rows=4))
    assert art.title_text == "关于二〇二二年代表工作要点的通知"
    kinds = [b.kind for b in art.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    t = art.blocks[1].table
    assert t is not None
    assert (len(t.rows), t.columns) == (5, 4)
    assert [r.header for r in t.rows] == [True, False, False, False, False]
    assert t.rows[0].cells[2].span == 2 and t.rows[0].cells[2].text == "责任单位"
    assert all(r.runs[0].bold for r in t.rows[0].cells[0].paras)
    drawn = {(c.row, c.col): c.rowspan for c in placed(t)}
    assert drawn[(1, 2)] == 2 and drawn[(3, 2)] == 2 and (2, 2) not in drawn
    # widths from the grid columns: 0.6 : 3.0 : 1.2 : 1.2 inches
    assert [round(w * 6, 2) for w in t.widths] == [0.6, 3.0, 1.2, 1.2]
    assert 0.9 < t.width <= 1.0  # 6 in of a 5.77 in text block: scaled to it
    assert not art.warnings
    # bold short cells are not headings, and no cell text leaks out of the table
    assert all("序号" not in b.text for b in art.blocks)


def test_nested_table_is_flattened_with_one_warning(tmp_path):
    art = import_draft(write_docx(tmp_path / "n.docx", rows=2, nested=True))
    t = art.blocks[1].table
    assert t is not None
    cell = t.rows[1].cells[1]
    assert cell.text.endswith("嵌套甲\n嵌套乙")
    assert len(art.warnings) == 1 and art.warnings[0].code == "table.notes"
    said = art.warnings[0].said_in("zh")
    assert said == "第1个表格的单元格内有1个嵌套表格，其文字已并入所在单元格"


def test_markdown_pipe_table(tmp_path):
    p = tmp_path / "d.md"
    p.write_text(
        "# 票决结果\n\n本次会议对民生实事项目进行了票决。\n\n"
        "| 项目 | 赞成 | 反对 |\n|:---|:---:|---:|\n| **老旧小区改造** | 52 | 1 |\n"
        "| 养老服务<br>中心建设 | 50 | 3 |\n\n以上项目均获通过。\n",
        "utf-8",
    )
    art = import_draft(p)
    kinds = [b.kind for b in art.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]
    t = art.blocks[1].table
    assert t is not None and (len(t.rows), t.columns) == (3, 3)
    assert t.rows[0].header and not t.rows[1].header
    assert [c.paras[0].align for c in t.rows[1].cells] == ["", "center", "right"]
    assert t.rows[1].cells[0].paras[0].runs[0].bold
    assert t.rows[2].cells[0].text == "养老服务\n中心建设"
    assert t.widths[0] > t.widths[1]


def test_manual_line_breaks_in_a_cell_are_its_lines(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("标题")
    t = d.add_table(rows=1, cols=1)
    run = t.cell(0, 0).paragraphs[0].add_run("第一行")
    run.add_break()
    t.cell(0, 0).paragraphs[0].add_run("第二行").bold = True
    d.save(str(tmp_path / "b.docx"))
    cell = import_draft(tmp_path / "b.docx").blocks[0].table.rows[0].cells[0]
    assert [p.text for p in cell.paras] == ["第一行", "第二行"]
    assert cell.paras[1].runs[0].bold


@pytest.mark.slow
def test_add_prints_the_nested_table_warning_once(tmp_path):
    from .conftest import cli

    issue = tmp_path / "issue.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    draft = write_docx(tmp_path / "n.docx", rows=2, nested=True)
    r = cli("add", str(issue), str(draft))
    assert r.returncode == 0, r.stderr
    warned = [ln for ln in r.stdout.splitlines() if "nested tables" in ln]
    assert len(warned) == 1 and warned[0].startswith(str(draft))
