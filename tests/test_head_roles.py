"""The title, subtitle and 编者按 set by hand: a block becomes a title line, the subtitle
or the note and back, each change undone exactly; the CLI addresses head parts as
``outline`` shows them."""

from __future__ import annotations

import copy
import json

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.model.edit import head_to_block, restore, set_role
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue

from .conftest import cli
from .test_heads import BODY, draft


def _issue() -> Issue:
    art = Article(
        title=["湖南省人大常委会"],
        subtitle="（2022年8月15日）",
        blocks=[
            Block(BlockKind.PARAGRAPH, "2022年工作要点"),
            Block(BlockKind.PARAGRAPH, "编者按：这是按语。"),
            Block(BlockKind.PARAGRAPH, BODY, comments=[{"author": "甲", "text": "改"}]),
        ],
    )
    return Issue(articles=[art])


@pytest.mark.parametrize(
    "role,bi,check",
    [
        ("title", 0, lambda a: a.title == ["湖南省人大常委会", "2022年工作要点"]),
        ("note", 1, lambda a: a.note == "编者按：这是按语。"),
        ("subtitle", 2, lambda a: a.subtitle == BODY and a.blocks[0].text == "（2022年8月15日）"),
    ],
)
def test_block_to_head_part_and_undo(role, bi, check):
    issue = _issue()
    orig = copy.deepcopy(issue)
    text = issue.articles[0].blocks[bi].text
    before = set_role(issue, 0, bi, role)
    art = issue.articles[0]
    assert check(art)
    assert text not in [b.text for b in art.blocks]
    restore(issue, 0, bi, before)
    assert issue == orig


def test_comments_follow_the_block_into_the_head_and_back():
    issue = _issue()
    set_role(issue, 0, 2, "note")
    assert issue.articles[0].comments == [{"author": "甲", "text": "改", "field": "note"}]
    head_to_block(issue, 0, "note", 0)
    assert issue.articles[0].blocks[0].comments == [{"author": "甲", "text": "改"}]
    assert issue.articles[0].comments == []


def test_head_part_back_to_a_block_and_undo():
    issue = _issue()
    set_role(issue, 0, 0, "title")
    orig = copy.deepcopy(issue)
    before = head_to_block(issue, 0, "title", 1)
    art = issue.articles[0]
    assert art.title == ["湖南省人大常委会"]
    assert (art.blocks[0].kind, art.blocks[0].text) == (BlockKind.PARAGRAPH, "2022年工作要点")
    restore(issue, 0, 0, before)
    assert issue == orig
    before = head_to_block(issue, 0, "subtitle", 0, role="heading2")
    assert issue.articles[0].subtitle == ""
    assert (issue.articles[0].blocks[0].kind, issue.articles[0].blocks[0].level) == (
        BlockKind.HEADING,
        2,
    )
    restore(issue, 0, 0, before)
    assert issue == orig


def test_refusals_name_the_place():
    issue = _issue()
    with pytest.raises(UserError) as e:
        head_to_block(issue, 0, "note", 0)  # there is no note
    assert e.value.code == "edit.no_head_part" and e.value.params["article"] == 1
    with pytest.raises(UserError) as e:
        head_to_block(issue, 0, "title", 5)
    assert e.value.code == "edit.no_title_line" and e.value.params == {"article": 1, "line": 6}
    issue.articles[0].blocks.append(Block(BlockKind.IMAGE, path="a.png"))
    with pytest.raises(UserError) as e:
        set_role(issue, 0, 3, "title")
    assert e.value.params["kind"].code == "word.picture"


def test_cli_role_addresses_the_head_as_outline_shows_it(tmp_path):
    issue = tmp_path / "issue.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    src = draft(
        tmp_path / "d.docx",
        [("国务院关于调整完善工业产品", "cbL"), ("张建国", "c"), (BODY, ""), (BODY + "二", "")],
    )
    assert cli("add", str(issue), str(src)).returncode == 0
    r = cli("role", str(issue), "1", "2", "title")
    assert r.returncode == 0, r.stderr
    out = cli("outline", str(issue)).stdout
    assert "T1 [题] 国务院关于调整完善工业产品" in out
    assert f"T2 [题] {BODY[:20]}" in out
    r = cli("role", str(issue), "1", "T2", "paragraph")
    assert r.returncode == 0, r.stderr
    art = json.loads(issue.read_text("utf-8"))["articles"][0]
    assert art["title"] == ["国务院关于调整完善工业产品"]
    assert art["blocks"][0]["text"] == BODY
    before = issue.read_bytes()
    r = cli("role", str(issue), "1", "S", "paragraph")
    assert r.returncode == 2 and "副题" in r.stderr
    assert issue.read_bytes() == before
