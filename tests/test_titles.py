"""Long titles break between words, as a person would set them."""

import math

import pytest

from lianluo_desk.layout.titles import _balanced
from lianluo_desk.layout.words import boundaries, segment

CASES = [
    # title, a word the break must not cut, what the first line must end with
    ("不断提升新时代人大选举任免联络工作的质量和水平", "任免", "任免"),
    ("湖南省人大常委会选举任免联络工作委员会2021年工作要点", "委员会", "委员会"),
    ("湖南省人民代表大会常务委员会关于加强县乡人大工作和建设的若干意见", "委员会", "委员会"),
    ("关于认真做好新一届市县乡人大代表学习培训工作的通知", "人大代表", "市县乡"),
]


@pytest.mark.parametrize("title,word,first_end", CASES)
def test_title_breaks_between_words(title, word, first_end):
    lines = _balanced(title, math.ceil(len(title) / 20), 20)
    assert "".join(lines) == title
    assert all(len(x) <= 20 for x in lines)
    assert lines[0].endswith(first_end), lines
    assert any(word in x for x in lines), lines
    # no orphan: the shorter line holds at least a third of the longer one
    assert min(map(len, lines)) * 3 >= max(map(len, lines)) or lines[0].endswith("委员会")


def test_segmentation():
    assert segment("选举任免联络工作") == ["选举", "任免", "联络", "工作"]
    assert segment("2017年工作总结") == ["2017", "年", "工作", "总结"]
    assert boundaries("人大选举") == {2}


def test_sample_title_as_laid_out(composer):
    """The sample issue's long title in the layout: three centred lines, 任免 kept whole,
    each line centred on the text block."""
    from lianluo_desk.model.store import load_issue
    from lianluo_desk.service import SAMPLE_ISSUE

    doc = composer.compose(load_issue(SAMPLE_ISSUE))
    titles = [ln for ln in doc.pages[0].lines if ln.role == "title"]
    assert [ln.text for ln in titles] == [
        "深学细悟笃行",
        "不断提升新时代人大选举任免",
        "联络工作的质量和水平",
    ]
    g = composer.g
    for ln in titles:
        assert abs((ln.x0 - g.left) - (g.left + g.text_width - ln.x1)) < 0.5


@pytest.mark.slow
def test_lexicon_lookup_finds_every_word_and_no_other(tmp_path):
    """The bisection over the word list's text answers as a dict of the list would: for
    every word of it, for spans that are no word (before the first, after the last, a
    prefix or extension of a word) and for a list that is empty or has no final newline."""
    import random

    from lianluo_desk.layout.words import LEXICON, _Lexicon

    text = LEXICON.read_text("utf-8")
    lines = text.splitlines()
    total = math.log(int(lines[0].split("\t")[1]))
    table = {w: math.log(int(f)) - total for w, f in (ln.split("\t") for ln in lines)}
    lex = _Lexicon(LEXICON)
    assert lex.log_total == total
    for w, lp in table.items():
        assert lex.logp(w) == lp, w
    rng = random.Random(9704)
    words = list(table)
    absent = ["", "\t", "\n", "!", "~", "\uffff", "一\n", "一\t1", "𠀀", *"０ａ"]
    for w in rng.sample(words, 3000):
        absent += [w[:-1], w + rng.choice(words)[0], w[0] + "\t", w + "\n"]
    absent += ["".join(rng.choice(words)[0] for _ in range(rng.randint(1, 4))) for _ in range(5000)]
    for w in absent:
        assert lex.logp(w) == table.get(w), w
    small = tmp_path / "words.tsv"
    for body in ("#\t10\n乙\t3\n甲\t7", "#\t10\n乙\t3\n甲\t7\n"):
        small.write_text(body, "utf-8")
        lex = _Lexicon(small)
        assert lex and lex.logp("甲") == math.log(7) - math.log(10)
        assert lex.logp("乙") == math.log(3) - math.log(10)
        assert lex.logp("丙") is None and lex.logp("#") == 0.0
    small.write_text("", "utf-8")
    assert not _Lexicon(small) and _Lexicon(small).logp("甲") is None
    assert not _Lexicon(tmp_path / "missing.tsv")
