"""Fixes never damage text: spaces that mean something stay, a bracket is fixed with its
mate, and every fix is listed (before → after, where) and made only when kept."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

from lianluo_desk import proof
from lianluo_desk.errors import UserError
from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import Article, Block, BlockKind, Issue
from lianluo_desk.service import new_issue

from .conftest import DATA, cli, past

PRINTED = ("2018-no01", "2021-no02", "2022-no07")
DRAFTS = {"2018-no01": "2018-no01-annual-summary.docx", "2022-no07": "2022-no07-training.docx"}
HAN = "\u4e00-\u9fff"
FULL = str.maketrans(",:;?!()", "，：；？！（）")


def _issue(*paras: str, kind: BlockKind = BlockKind.PARAGRAPH, title: str = "标题") -> Issue:
    return Issue(articles=[Article(title=[title], blocks=[Block(kind, p) for p in paras])])


def _fixed(issue: Issue) -> tuple[Issue, list[proof.Finding]]:
    issue = copy.deepcopy(issue)
    return issue, proof.fix(issue, list(proof.RULES))


def _texts(issue: Issue) -> list[str]:
    return [t for *_where, t, _kind in proof._texts(issue)]


@pytest.mark.parametrize(
    "text",
    ["他山之石 可以攻玉", "踔厉奋发 笃行不怠", "以“学深研透笃行代表法 做好新时代代表工作”为题授课"],
)
def test_space_between_parallel_phrases_kept(text):
    issue, made = _fixed(_issue(text))
    assert made == [] and issue.articles[0].blocks[0].text == text


def test_space_before_the_name_of_a_byline_kept():
    text = "会议要求，切实做好代表工作。（联工委选举任免处 容畅）"
    assert _fixed(_issue(text))[1] == []
    assert _fixed(_issue("联工委选举任免处 容畅", kind=BlockKind.BYLINE))[1] == []


def test_space_in_a_title_is_a_break():
    title = "深学细悟笃行 不断提升新时代人大选举任免联络工作的质量和水平"
    issue, made = _fixed(_issue("正文", title=title))
    assert made == [] and issue.articles[0].title[0] == title
    # a space between a number and a hanzi is no break: 2017 年 is set 2017年 in print
    issue, made = _fixed(_issue("正文", title="委员会 2017 年工作总结"))
    assert issue.articles[0].title[0] == "委员会2017年工作总结"


def test_space_that_is_an_error_still_fixed():
    issue, made = _fixed(_issue("做好 工作，2017 年 1 月召开"))
    assert issue.articles[0].blocks[0].text == "做好工作，2017年1月召开"
    assert [(f.before, f.after) for f in made] == [(" ", "")] * 4


@pytest.mark.parametrize(
    "text,pair,want",
    [("一是(草案)好", "(…)", "一是（草案）好"), ("二是(修改稿）好", "(…）", "二是（修改稿）好")],
)
def test_a_bracket_fix_fixes_the_pair(text, pair, want):
    issue = _issue(text)
    finds = proof.check(issue, ["halfwidth"])
    assert [(f.before, f.after) for f in finds] == [(pair, "（…）")]
    proof.fix_one(issue, finds[0])  # the "(" alone, as the editor picked it
    assert issue.articles[0].blocks[0].text == want
    assert proof.check(issue) == []  # no new 括号不成对


def test_only_the_kept_changes_are_made():
    issue = _issue("我们认为,这是对的:一是好")
    changes = proof.plan(issue, list(proof.RULES))
    assert [(f.where(), f.before, f.after) for f in changes] == [
        ("第1篇 第1段 第5字", ",", "，"),
        ("第1篇 第1段 第10字", ":", "："),
    ]
    assert proof.apply(issue, changes[1:]) == changes[1:]
    assert issue.articles[0].blocks[0].text == "我们认为,这是对的：一是好"


@pytest.mark.slow
def test_check_fix_prints_what_it_changed(tmp_path):
    from lianluo_desk.model.store import save_issue

    path = tmp_path / "i.json"
    save_issue(_issue("我们认为,这是对的", "他山之石 可以攻玉"), path)
    r = cli("check", str(path), "--fix", "all")
    assert r.returncode == 0, r.stderr
    assert "第1篇 第1段 第5字 [halfwidth] “,” → “，”" in r.stdout
    assert "已修正 1 处" in r.stdout


def _meaningful_spaces(text: str) -> set[str]:
    """Every space between hanzi with the phrases around it, as the print has them."""
    return {m.group() for m in re.finditer(f"[{HAN}]{{2,}} [{HAN}]{{2,}}", text)}


@pytest.mark.slow
@pytest.mark.parametrize("name", PRINTED)
def test_fix_all_leaves_a_printed_issue_as_printed(name):
    """The text of a printed issue: fix-all adds and removes nothing (the print's
    punctuation widths, lost by text extraction, may be set right)."""
    printed = past(name).issue
    fixed, made = _fixed(printed)
    assert [t.translate(FULL) for t in _texts(fixed)] == [
        t.translate(FULL) for t in _texts(printed)
    ]
    assert all(f.rule == "halfwidth" for f in made)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_fix_all_on_a_draft_keeps_what_the_print_keeps(name, template):
    printed = (DATA / f"{name}.txt").read_text("utf-8")  # the print's own text
    draft = new_issue(template, dt.date(2022, 8, 15))
    draft.articles.append(import_draft(DATA / DRAFTS[name]))
    fixed, made = _fixed(draft)
    assert made  # the drafts need fixing
    before, after = "\n".join(_texts(draft)), "\n".join(_texts(fixed))
    kept = {s for s in _meaningful_spaces(printed) if s in before}
    assert kept == {s for s in kept if s in after}
    if name == "2022-no07":
        assert {"他山之石 可以攻玉", "踔厉奋发 笃行不怠", "联工委选举任免处 容畅"} <= kept


def test_a_fix_of_text_changed_since_is_refused_for_the_user():
    """The 校对 panel fixes one finding inside an undoable change, which turns only a
    ``UserError`` into a refusal the window shows; anything else would escape into Qt."""
    issue = _issue("我们认为,这是对的")
    (comma,) = proof.check(issue, ["halfwidth"])
    issue.articles[0].blocks[0].text = "我们都认为,这是对的"
    with pytest.raises(UserError) as e:
        proof.fix_one(issue, comma)
    assert e.value.code == "proof.text_changed"
    assert issue.articles[0].blocks[0].text == "我们都认为,这是对的"
