import json

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.model.store import dumps, load_issue, save_issue
from lianluo_desk.model.table import placed, restore_cell, set_cell_text

from .conftest import past
from .tabledata import work_table


def _issue_with_table():
    issue = past("2022-no07").issue
    issue.articles.insert(
        0, Article(title=["表格"], blocks=[Block(BlockKind.TABLE, table=work_table())])
    )
    return issue


def test_table_round_trips_through_the_issue_file(tmp_path):
    issue = _issue_with_table()
    p = tmp_path / "a.json"
    save_issue(issue, p)
    again = load_issue(p)
    assert dumps(again) == dumps(issue)
    t = again.articles[0].blocks[0].table
    assert t is not None and t.rows[0].header and t.rows[0].cells[2].span == 2
    assert [c.vmerge for c in (t.rows[1].cells[2], t.rows[2].cells[2])] == ["restart", "continue"]
    assert abs(sum(t.widths) - 1) < 1e-6 and t.columns == 4
    assert "责任单位" in again.all_text()


def test_schema_1_file_migrates_and_saves_as_2(tmp_path):
    p = tmp_path / "old.json"
    save_issue(past("2022-no07").issue, p)
    data = json.loads(p.read_text("utf-8"))
    data["schema"] = 1
    p.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    issue = load_issue(p)
    assert issue.articles[0].blocks[0].text
    save_issue(issue, p)
    assert json.loads(p.read_text("utf-8"))["schema"] == 2


def test_damaged_table_is_one_line_error(tmp_path):
    p = tmp_path / "a.json"
    save_issue(_issue_with_table(), p)
    data = json.loads(p.read_text("utf-8"))
    del data["articles"][0]["blocks"][0]["table"]["rows"]
    p.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(UserError) as e:
        load_issue(p)
    assert e.value.code == "issue.damaged" and str(e.value.params["where"]).endswith("a.json")


def test_merges_give_the_cells_drawn():
    t = work_table(4)
    cells = {(c.row, c.col): (c.rowspan, c.colspan) for c in placed(t)}
    assert cells[(0, 2)] == (1, 2)  # 责任单位 over two columns
    assert cells[(1, 2)] == (2, 1) and (2, 2) not in cells  # 研究室 down two rows
    assert len(cells) == 3 + 4 * 3 + 2


def test_cell_text_edit_and_undo_keep_formatting():
    t = work_table()
    old = set_cell_text(t, 0, 1, "工作要点\n（2022年）")
    assert t.rows[0].cells[1].text == "工作要点\n（2022年）"
    assert all(p.runs[0].bold for p in t.rows[0].cells[1].paras)
    restore_cell(t, 0, 1, old)
    assert t.rows[0].cells[1].text == "工作要点"
