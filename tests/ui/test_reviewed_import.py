"""A draft with tracked changes and comments comes into the window whole, and the
message after adding says so in one line."""

from ..test_reviewed_drafts import BODY, COMMENTS
from ..wordxml import write


def test_adding_a_reviewed_draft_says_so(qtbot, window, tmp_path):
    w = window
    draft = write(tmp_path / "审过的稿.docx", BODY, comments=COMMENTS)
    with qtbot.waitSignal(w.ctl.message, timeout=5000) as said:
        n, failed = w.import_files([draft])
    assert n == 1 and not failed
    text = said.args[0]
    assert "审过的稿.docx：修订 5 处已按接受读入、批注 2 条保留待处理、不印出" in text
    assert "\n" not in text
    art = w.issue.articles[-1]
    assert art.blocks[0].text == "会议定于九月召开，请各单位准时参加。"
    assert art.blocks[0].comments and art.comments
