"""The bound pagination asks before breaking a paragraph again to save a line: no
breaking, tight or not, sets a text in fewer lines than its least width allows. Were
the bound too high, a paragraph that could be one line shorter would be kept long."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lianluo_desk.layout.linebreak import Span, break_lines, least_widths, may_fit, shape

from .test_no_crash import CLASSES, MARKS, text_over

MIXED = CLASSES + ["".join(MARKS), "，。、；：（）“”《》"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    paragraph=st.lists(text_over(MIXED), min_size=1, max_size=8).map("".join),
    cells=st.integers(min_value=3, max_value=28),
    tight=st.booleans(),
)
@pytest.mark.slow
def test_every_breaking_fits_the_least_width(template, fonts, paragraph, cells, tight):
    body = template.styles["body"]
    g = template.geometry
    glyphs = shape([Span(paragraph, body)], fonts, g.cell / body.size, g.latin_gap)
    if not glyphs:
        return
    width = cells * g.cell
    first = 2 * g.cell if cells > 4 else 0.0
    lines = break_lines(glyphs, width, first, tight=tight)
    room = [width - first] + [width] * (len(lines) - 1)
    assert may_fit(least_widths(glyphs)[0], glyphs, room), [ln.text for ln in lines]
    # and for every tail the breaker is asked to set again
    for m in range(1, len(lines)):
        if not lines[m].glyphs:
            continue
        start = glyphs.index(lines[m].glyphs[0])
        tail = break_lines(glyphs[start:], width, tight=True)
        assert may_fit(least_widths(glyphs)[start], glyphs[start:], [width] * len(tail))


def test_a_paragraph_that_cannot_be_shorter_is_not_broken_again(template, fonts):
    """Thirty hanzi without a mark on lines of 28: two lines however compressed."""
    body = template.styles["body"]
    g = template.geometry
    glyphs = shape([Span("联" * 30, body)], fonts, g.cell / body.size, g.latin_gap)
    least = least_widths(glyphs)[0]
    assert least == pytest.approx(30 * g.cell)
    assert not may_fit(least, glyphs, [28 * g.cell])
    marks = shape([Span("联，" * 15, body)], fonts, g.cell / body.size, g.latin_gap)
    assert may_fit(least_widths(marks)[0], marks, [28 * g.cell])  # 15 commas at half: 22.5


def test_a_line_of_ideographic_spaces_before_a_lone_character(template, fonts):
    """Found by the property above: three ideographic spaces fill a three-cell line
    (a narrow table column), trimmed it is empty, and the lone-character rule asked
    for its first glyph."""
    body = template.styles["body"]
    g = template.geometry
    glyphs = shape([Span("\u3000\u3000\u3000会", body)], fonts, g.cell / body.size, g.latin_gap)
    lines = break_lines(glyphs, 3 * g.cell)
    assert [ln.text for ln in lines][-1] == "会"
