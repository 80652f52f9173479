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


# titles whose even split falls inside a quoted name or a book title
QUOTED = [
    "关于开展“人大代表之家”“人大代表联络站”规范化建设的通知",
    "省人大常委会联工委召开“我为群众办实事”实践活动推进会",
    "认真贯彻落实《关于加强新时代人大代表工作的意见》精神",
    "关于开展“代表履职好故事”征集活动（2023年）的通知",
    "关于举办全省人大代表“学法律、讲法治”专题培训班的通知",
    "湖南省人大常委会关于开展“人大代表在行动”主题活动的实施方案",
    "关于印发《湖南省人大代表履职服务保障办法》的通知",
    "关于举办第二届“飞航杯”青少年航空航天模型竞赛活动的通知",
]
PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "〔": "〕"}


def _open_at_end(line: str) -> list[str]:
    """The marks ``line`` opens and does not close."""
    stack: list[str] = []
    for ch in line:
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return stack


def _title_article(title):
    from lianluo_desk.model.issue import Article, Block, BlockKind

    return Article(title=[title], blocks=[Block(BlockKind.PARAGRAPH, "正文。")])


@pytest.mark.parametrize("title", QUOTED)
def test_a_title_never_breaks_inside_a_quoted_name(template, title):
    """“人大代表之家” or 《…意见》 stays on one line when a break outside it is in reach."""
    from lianluo_desk.layout.titles import title_lines

    (lines,) = title_lines(_title_article(title), template)
    assert len(lines) == 2 and "".join(lines) == title
    assert all(len(x) <= 20 for x in lines), lines
    assert not any(_open_at_end(x) for x in lines), lines


def test_quoted_titles_break_where_a_person_would(template):
    from lianluo_desk.layout.titles import title_lines

    def lines(title):
        return title_lines(_title_article(title), template)[0]

    assert lines(QUOTED[0]) == ["关于开展“人大代表之家”", "“人大代表联络站”规范化建设的通知"]
    assert lines(QUOTED[1]) == ["省人大常委会联工委召开", "“我为群众办实事”实践活动推进会"]
    assert lines(QUOTED[4]) == ["关于举办全省人大代表", "“学法律、讲法治”专题培训班的通知"]
    # the only break outside the book title is eight characters from the even split
    assert lines(QUOTED[6]) == ["关于印发", "《湖南省人大代表履职服务保障办法》的通知"]


LONG_NAMES = [
    (
        "认真学习贯彻《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》的实施意见",
        [
            "认真学习贯彻《中华人民共和国",
            "全国人民代表大会和地方各级人民代表大会",
            "代表法》的实施意见",
        ],
    ),
    (
        "深入学习贯彻《中华人民共和国各级人民代表大会常务委员会监督法》",
        ["深入学习贯彻《中华人民共和国各级", "人民代表大会常务委员会监督法》"],
    ),
]


@pytest.mark.parametrize("title,want", LONG_NAMES)
def test_a_name_longer_than_a_line_breaks_between_its_words(template, title, want):
    """《…代表法》 is longer than a title line: it breaks as any text does, between words
    near the even split, not moved whole to a line of its own that cannot hold it."""
    from lianluo_desk.layout.titles import title_lines

    (lines,) = title_lines(_title_article(title), template)
    assert "".join(lines) == title and all(len(x) <= 20 for x in lines)
    assert lines == want


def test_quoted_title_as_laid_out(composer, template):
    """In the laid-out page the title lines are the ones title_lines gives, each closing
    every mark it opens, each centred on the text block."""
    from lianluo_desk.service import new_issue

    from .conftest import FROZEN

    issue = new_issue(template, FROZEN, 16, 667)
    for title in QUOTED[:3]:
        issue.articles.append(_title_article(title))
    doc = composer.compose(issue)
    drawn = [ln for p in doc.pages for ln in p.lines if ln.role == "title"]
    texts = [ln.text for ln in drawn]
    assert "".join(texts) == "".join(QUOTED[:3])
    assert not any(_open_at_end(x) for x in texts), texts
    g = composer.g
    for ln in drawn:
        assert abs((ln.x0 - g.left) - (g.left + g.text_width - ln.x1)) < 0.5


def test_names_kept_whole():
    """Paired marks, nested ones, Latin words and numbers; a mark never closed holds nothing."""
    from lianluo_desk.layout.words import kept_whole

    text = "“飞航杯”2023年《甲〈乙〉丙》（未闭合"
    spans = [text[i:j] for i, j in kept_whole(text)]
    assert spans == ["“飞航杯”", "2023", "《甲〈乙〉丙》", "〈乙〉"]


# fixed terms of office and school titles (毕业设计, 人民代表大会, 代表建议) that the word
# list has only in parts: the break falls between terms, where the old cut split one
TERMS = [
    ("南京邮电大学2019届毕业设计(论文)工作进程", ["南京邮电大学2019届", "毕业设计(论文)工作进程"]),
    (
        "关于召开2019届毕业设计(论文)工作会议的通知",
        ["关于召开2019届毕业设计", "(论文)工作会议的通知"],
    ),
    (
        "湖南省人大常委会关于召开第十四届人民代表大会常务委员会主任会议的通知",
        ["湖南省人大常委会关于召开第十四届", "人民代表大会常务委员会主任会议的通知"],
    ),
    (
        "关于举办全市县乡人大主席代表建议办理工作专题培训班的通知",
        ["关于举办全市县乡人大主席代表建议", "办理工作专题培训班的通知"],
    ),
]


def _split_terms(title: str, lines: list[str]) -> list[str]:
    """The fixed terms of ``title`` that ``lines`` cut in two."""
    from lianluo_desk.layout.words import COMPOUNDS

    cuts, k = set(), 0
    for x in lines[:-1]:
        k += len(x)
        cuts.add(k)
    return [
        title[i : i + len(w)]
        for w in COMPOUNDS
        for i in range(len(title))
        if title.startswith(w, i) and any(i < c < i + len(w) for c in cuts)
    ]


@pytest.mark.parametrize("title,want", TERMS)
def test_a_title_never_breaks_inside_a_fixed_term(template, title, want):
    from lianluo_desk.layout.titles import title_lines

    (lines,) = title_lines(_title_article(title), template)
    assert lines == want
    assert not _split_terms(title, lines), lines


def test_fixed_terms_join_whole_words_only():
    """A term holds the words it is made of together; the words stay as they are, and
    letters that only look like a term across a word's edge are not held."""
    assert segment("2019届毕业设计") == ["2019", "届", "毕业", "设计"]
    assert boundaries("2019届毕业设计") == {4, 5}
    assert boundaries("人民代表大会常务委员会") == {6}
    assert boundaries("选举任免联络工作") == {4}
    # 推进会 read across the edge of 会议, 议事规则 across the edge of 会议: not held
    assert boundaries("推进会议") == {2}
    assert boundaries("全体会议事规则") == {2, 4, 5}


def test_fixed_term_titles_as_laid_out(composer, template):
    """The laid-out page sets each title on the lines title_lines gives, centred."""
    from lianluo_desk.layout.titles import title_lines
    from lianluo_desk.service import new_issue

    from .conftest import FROZEN

    issue = new_issue(template, FROZEN, 16, 667)
    for title, _ in TERMS:
        issue.articles.append(_title_article(title))
    doc = composer.compose(issue)
    drawn = [ln for p in doc.pages for ln in p.lines if ln.role == "title"]
    want = [x for a in issue.articles for x in title_lines(a, template)[0]]
    assert [ln.text for ln in drawn] == want
    assert [ln.text for ln in drawn][:2] == ["南京邮电大学2019届", "毕业设计(论文)工作进程"]
    g = composer.g
    for ln in drawn:
        assert abs((ln.x0 - g.left) - (g.left + g.text_width - ln.x1)) < 0.5
