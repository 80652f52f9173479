"""No 孤字: a paragraph's last line holds two characters at least (a Latin word or number
counting as one, closing marks not counting), by taking a character down from the line
before, never by overrunning the grid."""

from __future__ import annotations

import re

import pytest

from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE, new_issue

from .conftest import DATA, FROZEN, MM, past

UNIT = re.compile(r"[A-Za-z0-9]+(?:[.%@:/-][A-Za-z0-9]+)*%?|[^\W_A-Za-z0-9]")
FLOW = {"body", "note", "heading1", "heading2", "heading3", "heading4", "footer"}


def units(text: str) -> int:
    """Characters that count: each hanzi, each Latin word or number; not the marks."""
    return len(UNIT.findall(text))


def last_lines(doc) -> list[tuple[str, list[str]]]:
    """(role, texts of its lines) of every paragraph of two lines or more."""
    paras: dict[tuple, list] = {}
    for page in doc.pages:
        for ln in page.lines:
            if ln.role in FLOW:
                paras.setdefault((ln.role, ln.block), []).append(ln)
    return [(k[0], [ln.text for ln in v]) for k, v in paras.items() if len(v) >= 2]


def _issues(template):
    out = {"sample": load_issue(SAMPLE_ISSUE)}
    for name in ("2018-no01", "2021-no02", "2022-no07"):
        out[name] = past(name).issue
    for draft in ("2018-no01-annual-summary.docx", "2022-no07-training.docx"):
        issue = new_issue(template, FROZEN, 16, 667)
        issue.articles.append(import_draft(DATA / draft))
        out[draft] = issue
    return out


def _assert_grid(doc):
    for page in doc.pages:
        for ln in page.lines:
            if ln.role in FLOW:
                assert ln.x0 >= 28 * MM - 0.01 and ln.x1 <= 184 * MM + 0.01, ln.text


@pytest.mark.slow
def test_no_lone_last_line_in_the_test_issues(template, composer):
    lone = []
    for name, issue in _issues(template).items():
        doc = composer.compose(issue)
        _assert_grid(doc)
        lone += [(name, lines[-1]) for _role, lines in last_lines(doc) if units(lines[-1]) < 2]
    assert lone == []


@pytest.mark.parametrize(
    "text",
    [
        # 26 cells after the indent, then "点。" and no mark to give room: "重" comes down
        "要" * 24 + "作重点。",
        # a number stays whole and counts as one: "到" comes down to it
        "要" * 22 + "年度达到26",
    ],
)
def test_lone_character_avoided(template, composer, text):
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(Article(title=["测试"], blocks=[Block(BlockKind.PARAGRAPH, text)]))
    doc = composer.compose(issue)
    _assert_grid(doc)
    lines = [ln for p in doc.pages for ln in p.lines if ln.role == "body"]
    assert units(lines[-1].text) >= 2, [ln.text for ln in lines]
    assert "".join(ln.text for ln in lines) == text
    # as many lines, the first ends a character earlier and still fills the line
    assert len(lines) == 2 and lines[0].justified
    assert lines[0].x1 == pytest.approx(184 * MM, abs=0.01)
    assert lines[1].text == text[-3:]  # "重点。", "到26"


def test_marks_on_the_line_take_the_lone_character_in(template, composer):
    """26 cells after the indent, then "点。": the three commas give up their blank
    halves and the line takes "点。" in (``fit_marks``), within the grid."""
    text = ("要" * 4 + "，") * 3 + "作" * 10 + "重点。"
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(Article(title=["测试"], blocks=[Block(BlockKind.PARAGRAPH, text)]))
    doc = composer.compose(issue)
    _assert_grid(doc)
    lines = [ln for p in doc.pages for ln in p.lines if ln.role == "body"]
    assert [ln.text for ln in lines] == [text]
