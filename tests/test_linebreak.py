"""The breaker on its own: measured widths, forbidden starts/ends, unbreakable runs."""

import pytest

from lianluo_desk.layout.kinsoku import NO_END, NO_START
from lianluo_desk.layout.linebreak import Span, break_lines, shape

FORBIDDEN_START = set("。，、；：？！）》」』】〕〗〉”’…—～·")
FORBIDDEN_END = set("（《「『【〔〖〈“‘")


@pytest.fixture()
def setpar(template, fonts, composer):
    def run(text, indent=0, style="body"):
        st = template.styles[style]
        glyphs = shape([Span(text, st)], fonts, composer.cell_ratio)
        return break_lines(glyphs, template.geometry.text_width, indent * composer.g.cell)

    return run


def test_tables_cover_the_spec():
    assert FORBIDDEN_START <= NO_START
    assert FORBIDDEN_END <= NO_END


def test_full_lines_hold_28_and_end_on_the_edge(setpar, template):
    text = "人民代表大会制度是我国的根本政治制度人大工作是党的工作的重要组成部分" * 4
    lines = setpar(text)
    w = template.geometry.text_width
    for ln in lines[:-1]:
        assert len(ln.text) == 28
        assert ln.width == pytest.approx(w, abs=0.01)
    assert not lines[-1].justified


@pytest.mark.parametrize("mark", sorted(FORBIDDEN_START - {"…", "—"}))
def test_forbidden_start_is_pulled_or_pushed(setpar, mark, template):
    # 27 hanzi and a comma would put the mark at the start of line 2
    text = "甲" * 28 + mark + "乙" * 20
    lines = setpar(text)
    assert all(ln.text[0] not in FORBIDDEN_START for ln in lines)
    assert lines[0].width == pytest.approx(template.geometry.text_width, abs=0.01)


@pytest.mark.parametrize("mark", sorted(FORBIDDEN_END))
def test_forbidden_end_is_pushed(setpar, mark, template):
    text = "甲" * 27 + mark + "乙" * 20
    lines = setpar(text)
    assert all(ln.text[-1] not in FORBIDDEN_END for ln in lines)
    assert lines[0].text.endswith("甲") and lines[1].text.startswith(mark)
    assert lines[0].width == pytest.approx(template.geometry.text_width, abs=0.01)


def test_compression_before_pushing(setpar, template):
    # a pair of marks on the line gives half a cell, the pulled stop half a cell more
    text = "甲" * 10 + "。”" + "乙" * 16 + "，" + "丙" * 10
    lines = setpar(text)
    assert lines[0].text.endswith("，")
    assert lines[0].compressed == 1  # the pair's half is always taken: one mark pulled
    half = {g.ch: g.squeeze for g in lines[0].glyphs if g.squeeze}
    cell = template.geometry.cell
    assert half == pytest.approx({"。": cell / 2, "，": cell / 2})
    assert lines[0].width == pytest.approx(template.geometry.text_width, abs=0.01)


def test_pairs_and_numbers_never_split(setpar):
    for text in (
        "甲" * 27 + "——乙" * 5,
        "甲" * 27 + "……乙" * 5,
        "甲" * 26 + "20171231乙" * 3,
        "甲" * 27 + "96.7%乙" * 3,
        "甲" * 26 + "hnrldldt@163.com乙",
    ):
        lines = setpar(text)
        joined = [ln.text for ln in lines]
        for a, b in zip(joined, joined[1:], strict=False):
            assert not (a.endswith("—") and b.startswith("—")), joined
            assert not (a.endswith("…") and b.startswith("…")), joined
            assert not (a[-1].isdigit() and b[0].isdigit()), joined
            assert not (a[-1] == "." or b[0] in ".%"), joined


def test_latin_is_proportional(setpar, template, fonts):
    lines = setpar("甲" * 10 + "2018" + "乙" * 40)
    ln = lines[0]
    digits = [g for g in ln.glyphs if g.ch.isdigit()]
    assert digits and all(g.natural < 0.6 * 16 for g in digits)
    assert ln.width == pytest.approx(template.geometry.text_width, abs=0.01)
    assert len(ln.text) > 28


def test_indent_two_characters(setpar, composer):
    lines = setpar("甲" * 60, indent=2)
    assert lines[0].indent == pytest.approx(2 * composer.g.cell)
    assert len(lines[0].text) == 26 and len(lines[1].text) == 28


def test_title_balanced_at_a_meaningful_point():
    from lianluo_desk.layout.titles import _balanced

    assert _balanced("湖南省人大常委会选举任免联络工作委员会2017年工作总结（摘要）", 2, 20) == [
        "湖南省人大常委会选举任免联络工作委员会",
        "2017年工作总结（摘要）",
    ]
    for text in ("一" * 21, "关于进一步加强和改进新时代人大代表工作的若干意见", "甲" * 39 + "。"):
        lines = _balanced(text, 2, 20)
        assert "".join(lines) == text
        assert all(2 <= len(x) <= 20 for x in lines), lines
        assert lines[1][0] not in FORBIDDEN_START


def test_latin_word_with_a_mark_at_the_paragraph_end(composer):
    """A paragraph ending in a Latin word and a joining mark ("1.", "Date:"), as table
    cells of real drafts have them, lays out (the mark has no character after it)."""
    from lianluo_desk.layout.linebreak import Span

    for text in ("1.", "Date:", "第10.", "Signature:"):
        lines = composer.set_par([Span(text, composer.body)])
        assert "".join(ln.text for ln in lines) == text
