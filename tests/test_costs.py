"""Each tuned number of the layout (layout/costs.py) set to work on a case it decides:
the case comes out as the printed issues have it with the number as named, and
otherwise when the number is moved, so changing a number fails its own test first."""

from __future__ import annotations

import pytest

from lianluo_desk.layout import costs
from lianluo_desk.layout.inline import breaker
from lianluo_desk.layout.linebreak import Span, break_lines, shape
from lianluo_desk.layout.titles import _balanced
from lianluo_desk.layout.words import segment


@pytest.fixture()
def first_line(template, fonts, composer):
    def run(text):
        glyphs = shape([Span(text, template.styles["body"])], fonts, composer.cell_ratio)
        return break_lines(glyphs, template.geometry.text_width)[0].text

    return run


def test_shrink_keeps_two_digits_after_27_cells(first_line, monkeypatch):
    """Two digits after 27 hanzi need 0.2 pt more than the line has; Word keeps them."""
    text = "甲" * 27 + "16" + "乙" * 10
    assert first_line(text) == "甲" * 27 + "16"
    monkeypatch.setattr(breaker, "SHRINK", 0.0)
    assert first_line(text) == "甲" * 27


def test_marks_past_the_break_are_pulled_in(first_line, monkeypatch):
    """Two closing quotes after 27 cells: compressing them pulls both onto the line."""
    text = "甲" * 27 + "””甲）——" + "丙" * 10
    assert first_line(text) == "甲" * 27 + "””"
    monkeypatch.setattr(breaker, "PULL_RUN", 0)
    assert first_line(text) == "甲" * 26


TITLE = "不断提升新时代人大选举任免联络工作的质量和水平"
WITH_NUMBER = "湖南省人大常委会选举任免联络工作委员会2021年工作要点"
UNITS = "各市州、县市区人大常委会联工委"
# 联络|工作 is inside a fixed term now; this committee's name has a plain boundary at the
# even split, five characters from its end
COMMITTEE = "湖南省人大常委会教育科学文化卫生委员会2021年工作要点"


def test_a_title_breaks_between_words(monkeypatch):
    assert _balanced(TITLE, 2) == ["不断提升新时代人大选举任免", "联络工作的质量和水平"]
    monkeypatch.setattr(costs, "TITLE_IN_WORD", 3.0)
    assert _balanced(TITLE, 2)[0].endswith("选举任")  # inside 任免


def test_a_title_break_reaches_six_characters_for_a_good_place(monkeypatch):
    assert _balanced(WITH_NUMBER, 2) == ["湖南省人大常委会选举任免联络工作委员会", "2021年工作要点"]
    monkeypatch.setattr(costs, "TITLE_REACH", 3)
    assert _balanced(WITH_NUMBER, 2)[1].startswith("联络工作委员会")


def test_a_plain_word_boundary_gives_way_to_a_good_one(monkeypatch):
    assert _balanced(COMMITTEE, 2)[1] == "2021年工作要点"
    monkeypatch.setattr(costs, "TITLE_PLAIN", costs.TITLE_PLAIN - 1)
    assert _balanced(COMMITTEE, 2)[1].startswith("卫生委员会")


def test_an_organisations_name_is_kept_on_one_line(monkeypatch):
    assert _balanced(COMMITTEE, 2)[1] == "2021年工作要点"
    monkeypatch.setattr(costs, "TITLE_KEPT_NAME", costs.TITLE_KEPT_NAME - 1)
    assert _balanced(COMMITTEE, 2)[1].startswith("卫生委员会")


def test_the_longer_title_line_comes_first(monkeypatch):
    assert _balanced(UNITS, 2) == ["各市州、县市区人大常委会", "联工委"]
    monkeypatch.setattr(costs, "TITLE_SHORT_FIRST", 0.0)
    assert _balanced(UNITS, 2) == ["各市州、", "县市区人大常委会联工委"]


def test_a_known_word_beats_its_unknown_characters(monkeypatch):
    """囫 and 囵 are no words of their own: as characters they cost more than 囫囵."""
    assert segment("在囫囵工作") == ["在", "囫囵", "工作"]
    monkeypatch.setattr(costs, "WORD_UNKNOWN_BELOW", -100.0)
    assert segment("在囫囵工作") == ["在", "囫", "囵", "工作"]


def _page_of_paragraphs(shortenable: list[bool]) -> list:
    """Paragraphs of three lines, one after another; each that ``shortenable`` says can
    be set in two lines (its marks compressed)."""
    from lianluo_desk.layout.flow.items import Shorter, TextLine

    slots = []
    for k, can in enumerate(shortenable):
        lines = [f"p{k}l{n}" for n in range(3)]
        offer = Shorter(3, (lambda lines=lines: lines[:2]) if can else None)
        slots.append(TextLine("body", lines[0], para=k, shorter=offer))
        slots += [TextLine("body", ln, para=k) for ln in lines[1:]]
    return slots


def _chain(n: int, para: int) -> list:
    """A title of ``n`` lines kept together with what follows it."""
    from lianluo_desk.layout.flow.items import TextLine

    return [TextLine("title", f"t{k}", keep_with_next=k < n - 1, para=para) for k in range(n)]


@pytest.mark.parametrize("value", [costs.KEEP_ROOM_LINES, costs.KEEP_ROOM_LINES - 1])
def test_a_chain_five_lines_short_makes_room_before_it(monkeypatch, value):
    from lianluo_desk.layout.flow.distribute import paginate

    monkeypatch.setattr(costs, "KEEP_ROOM_LINES", value)
    # 18 lines of six shortenable paragraphs, then a chain of 9: 27 lines, 5 too many
    slots = _page_of_paragraphs([True] * 6) + _chain(9, 99)
    pages = paginate(slots, 22, 0)
    chain_on_first = any(s.para == 99 for s in pages[0])
    assert chain_on_first == (value == 5)
    if value == 5:
        assert len(pages[0]) == 22 and len(pages) == 1


@pytest.mark.parametrize("extra", [costs.KEEP_ROOM_TRIES_EXTRA, costs.KEEP_ROOM_TRIES_EXTRA - 1])
def test_paragraphs_tried_for_one_line_reach_past_four_that_cannot(monkeypatch, extra):
    from lianluo_desk.layout.flow.distribute import paginate

    monkeypatch.setattr(costs, "KEEP_ROOM_TRIES_EXTRA", extra)
    # the last four paragraphs have no mark to compress; the fifth from the end has:
    # 21 lines and a chain of 2 miss the page by one
    slots = _page_of_paragraphs([True, True, True, False, False, False, False])
    slots = slots + _chain(2, 99)
    pages = paginate(slots, 22, 0)
    assert any(s.para == 99 for s in pages[0]) == (extra == 2)


BOOK = "关于印发《湖南省人大代表履职服务保障办法》的通知"


def test_a_title_break_moves_out_of_a_book_title(monkeypatch):
    """The only break outside 《…》 is 8 characters from the even split: the cost of a
    break inside must outweigh that distance and a word's cost."""
    assert _balanced(BOOK, 2, 20) == ["关于印发", "《湖南省人大代表履职服务保障办法》的通知"]
    monkeypatch.setattr(costs, "TITLE_IN_PAIR", 5.0)
    assert _balanced(BOOK, 2, 20) == ["关于印发《湖南省人大代表", "履职服务保障办法》的通知"]
