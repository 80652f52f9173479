"""Title lines, subtitle and 编者按 are text an editor changes like any paragraph: a
paragraph becomes a title line, the subtitle or the note, and back again, and their
text is set in place (model only, no Qt)."""

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.model import edit
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue
from lianluo_desk.model.store import issue_from_dict, issue_to_dict


def _issue() -> Issue:
    art = Article(
        title=[],
        blocks=[
            Block(BlockKind.PARAGRAPH, "深学细悟笃行"),
            Block(BlockKind.PARAGRAPH, "不断提升联络工作的质量和水平"),
            Block(BlockKind.PARAGRAPH, "——记全省人大选举任免联络工作培训班"),
            Block(BlockKind.PARAGRAPH, "编者按：培训班的做法值得借鉴。"),
            Block(BlockKind.PARAGRAPH, "帆得樵风送，春逢谷雨晴。"),
        ],
    )
    return Issue(articles=[art])


def test_paragraphs_become_title_lines_subtitle_and_note():
    issue = _issue()
    edit.set_role(issue, 0, 0, "title")
    edit.set_role(issue, 0, 0, "题")
    edit.set_role(issue, 0, 0, "subtitle")
    edit.set_role(issue, 0, 0, "note")
    art = issue.articles[0]
    assert art.title == ["深学细悟笃行", "不断提升联络工作的质量和水平"]
    assert art.subtitle == "——记全省人大选举任免联络工作培训班"
    assert art.note == "编者按：培训班的做法值得借鉴。"
    assert [b.text for b in art.blocks] == ["帆得樵风送，春逢谷雨晴。"]
    # kept through the issue file
    again = issue_from_dict(issue_to_dict(issue))
    assert again.articles[0].title == art.title and again.articles[0].note == art.note


def test_a_second_subtitle_takes_the_place_and_the_first_comes_back_as_text():
    issue = _issue()
    edit.set_role(issue, 0, 2, "副题")
    edit.set_role(issue, 0, 0, "subtitle")
    art = issue.articles[0]
    assert art.subtitle == "深学细悟笃行"
    # nothing lost: the subtitle it replaced is the article's first paragraph again
    assert art.blocks[0].text == "——记全省人大选举任免联络工作培训班"
    assert len(art.blocks) == 4


def test_head_parts_go_back_into_the_blocks_at_the_top():
    issue = _issue()
    for _ in range(3):
        edit.set_role(issue, 0, 0, "title")
    edit.head_to_block(issue, 0, "title", 2, role="byline")
    art = issue.articles[0]
    assert art.title == ["深学细悟笃行", "不断提升联络工作的质量和水平"]
    assert art.blocks[0].kind is BlockKind.BYLINE
    assert art.blocks[0].text == "——记全省人大选举任免联络工作培训班"
    edit.set_role(issue, 0, 0, "subtitle")
    edit.head_to_block(issue, 0, "subtitle", 0)
    assert art.subtitle == "" and art.blocks[0].kind is BlockKind.PARAGRAPH
    with pytest.raises(UserError) as e:
        edit.head_to_block(issue, 0, "note", 0)
    assert e.value.code == "edit.no_head_part" and e.value.params["part"] == "编者按"
    with pytest.raises(UserError) as e:
        edit.head_to_block(issue, 0, "title", 4)
    assert e.value.code == "edit.no_title_line" and e.value.params["line"] == 5
    assert str(e.value) == "第1篇的标题没有第5行 (no title line 5 in article 1)"


def test_head_text_is_set_in_place():
    issue = _issue()
    edit.set_title(issue, 0, ["深学细悟笃行", "", " 不断提升质量 "])
    assert issue.articles[0].title == ["深学细悟笃行", "不断提升质量"]
    assert edit.set_head_text(issue, 0, "title", 1, "不断提升工作质量") == "不断提升质量"
    edit.set_head_text(issue, 0, "title", 2, "第三行")
    edit.set_head_text(issue, 0, "title", 2, "")  # an emptied line goes
    assert issue.articles[0].title == ["深学细悟笃行", "不断提升工作质量"]
    edit.set_head_text(issue, 0, "subtitle", 0, "——副题")
    edit.set_head_text(issue, 0, "note", 0, "编者按文字")
    edit.set_head_text(issue, -1, "note", 0, "刊首编者按")
    assert issue.articles[0].subtitle == "——副题" and issue.articles[0].note == "编者按文字"
    assert issue.note == "刊首编者按"
    with pytest.raises(UserError) as e:
        edit.set_head_text(issue, -1, "title", 0, "x")
    assert e.value.code == "edit.front_note_only"
    with pytest.raises(UserError):
        edit.set_head_text(issue, 0, "byline", 0, "x")


def test_pictures_and_tables_cannot_be_titles():
    issue = _issue()
    issue.articles[0].blocks.append(Block(BlockKind.IMAGE, path="a.png", caption="图"))
    with pytest.raises(UserError) as e:
        edit.set_role(issue, 0, 5, "title")
    assert e.value.params["kind"].code == "word.picture"


def test_the_command_line_makes_a_paragraph_the_title(tmp_path):
    import json

    from lianluo_desk.model.store import save_issue

    from .conftest import cli

    path = tmp_path / "issue.json"
    save_issue(_issue(), path)
    r = cli("role", str(path), "1", "1", "title")
    assert r.returncode == 0, r.stderr
    art = json.loads(path.read_text("utf-8"))["articles"][0]
    assert art["title"] == ["深学细悟笃行"] and len(art["blocks"]) == 4
