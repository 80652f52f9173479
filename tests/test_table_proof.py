from hypothesis import given
from hypothesis import strategies as st

from lianluo_desk import proof
from lianluo_desk.model.table import CellPara, TextRun, replace_text, rewrite

from .tabledata import table_issue


def _bad_issue():
    issue = table_issue(2)
    t = issue.articles[0].blocks[2].table
    cell = t.rows[1].cells[1]
    cell.paras[0].runs = [TextRun("调研,形成", True), TextRun("报告(初稿)并报送。")]
    return issue, cell


def test_proof_finds_and_fixes_in_cells():
    issue, cell = _bad_issue()
    found = [f for f in proof.check(issue) if f.field.startswith("cell")]
    assert {f.rule for f in found} == {"halfwidth"}
    assert all("表格第2行第2格" in f.where() for f in found)
    comma = next(f for f in found if f.text.startswith(","))
    proof.fix_one(issue, comma)
    assert cell.paras[0].runs[0].text == "调研，形成" and cell.paras[0].runs[0].bold
    made = proof.fix(issue, ["halfwidth"])  # the bracket pair, one change
    assert [(f.before, f.after) for f in made] == [("(…)", "（…）")]
    assert cell.text == "调研，形成报告（初稿）并报送。"
    assert [r.bold for r in cell.paras[0].runs] == [True, False]  # runs kept
    assert not [f for f in proof.check(issue) if f.field.startswith("cell")]


@given(
    st.lists(st.text("甲乙,.", min_size=1, max_size=4), min_size=1, max_size=4),
    st.text("甲乙丙，。", max_size=12),
)
def test_rewrite_gives_the_text(runs, text):
    p = CellPara([TextRun(r, k % 2 == 0) for k, r in enumerate(runs)])
    rewrite(p, text)
    assert p.text == text


def test_replace_text_across_runs():
    p = CellPara([TextRun("ab", True), TextRun("cd"), TextRun("ef", True)])
    replace_text(p, 1, 5, "X")
    assert p.text == "aXf" and [r.text for r in p.runs] == ["aX", "f"]
