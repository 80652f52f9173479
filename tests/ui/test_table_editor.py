"""The table editor in the window: a drafted table's cells shown with their merges,
a cell's text edited as one undo step, the layout following."""

import pytest

from lianluo_desk.model.issue import BlockKind

from ..tabledata import write_docx


@pytest.mark.slow
def test_cell_text_edited_with_undo(qtbot, window, tmp_path):  # noqa: F811
    w = window
    n, failed = w.import_files([write_docx(tmp_path / "t.docx", rows=4)])
    assert n == 1 and not failed
    ai = len(w.issue.articles) - 1
    bi = next(k for k, b in enumerate(w.issue.articles[ai].blocks) if b.kind is BlockKind.TABLE)
    w.ctl.select(ai, bi)
    ed = w.editor.table
    assert ed.isVisible() and not w.editor.text.isVisible()
    assert (ed.grid.rowCount(), ed.grid.columnCount()) == (5, 4)
    assert ed.grid.columnSpan(0, 2) == 2 and ed.grid.rowSpan(1, 2) == 2
    ed.grid.setCurrentCell(2, 1)
    assert ed.cell == (2, 1) and ed.text.toPlainText().startswith("第2项")
    ed.text.setPlainText("第2项：改过的文字。")
    cell = w.issue.articles[ai].blocks[bi].table.rows[2].cells[1]
    assert cell.text == "第2项：改过的文字。"
    assert ed.grid.item(2, 1).text() == "第2项：改过的文字。"
    with qtbot.waitSignal(w.layout_ready, timeout=20000):
        pass
    shown = "".join(ln.text for p in w.doc.pages for ln in p.lines if ln.role == "table")
    assert "改过的文字" in shown
    w.undo_stack.undo()
    cell = w.issue.articles[ai].blocks[bi].table.rows[2].cells[1]
    assert cell.text.startswith("第2项：组织代表")
    assert ed.text.toPlainText() == cell.text


def test_table_grid_shows_rows_on_a_1366_by_768_screen(qtbot, window, tmp_path):
    """The grid shared the pane with the list of paragraphs and the cell's text: on a
    768-line screen it showed one row and a half, too few to find a cell in."""
    w = window
    w.resize(1358, 730)  # what a 1366×768 screen gives the window
    n, failed = w.import_files([write_docx(tmp_path / "t.docx", rows=8)])
    assert n == 1 and not failed
    ai = len(w.issue.articles) - 1
    bi = next(k for k, b in enumerate(w.issue.articles[ai].blocks) if b.kind is BlockKind.TABLE)
    w.ctl.select(ai, bi)
    qtbot.wait(50)
    grid = w.editor.table.grid
    shown = grid.viewport().height() / grid.rowHeight(0)
    assert shown >= 4, shown
    assert w.editor.table.text.height() >= 2.5 * w.editor.table.text.fontMetrics().height()
    w.ctl.select(0, 0)  # a paragraph again: the list of paragraphs has its room back
    qtbot.wait(50)
    assert w.editor.blocks.height() > w.editor.text.height() * 1.2
