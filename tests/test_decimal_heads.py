"""Decimal-numbered headings of reports and 可研报告 (1 项目概况, 1.1 建设背景, 1．1．1
政策依据) are headings with levels by depth, as a reader sees them; a line opening on a
number (3.5 亿元…, 1.5倍…) outside a sequence, a long paragraph under 1.1 and a list of
numbered sentences stay body text; under 一、 headings the decimal ones go a level down."""

from __future__ import annotations

from lianluo_desk.importers import import_file
from lianluo_desk.model.issue import BlockKind

from .wordxml import p, write

TITLE = p("某某产业园建设项目可行性研究报告", '<w:jc w:val="center"/>', "<w:b/>")
BODY = "项目建设符合国家和地方产业政策要求，对推动区域经济发展具有重要意义。"
BODIES = [
    BODY,
    "园区现有企业一百二十家。",
    "近三年入驻企业年均增长百分之十五，用地和厂房需求持续增加，现有设施已趋饱和。",
    "按照省里部署，本项目列入年度重点建设项目。",
    "到二〇二八年，园区产值力争翻一番。",
]
LONG = (
    "1.1 节所述的建设背景表明，园区现有基础设施已不能满足入驻企业的需要，"
    "亟需通过本项目加以完善，并同步推进配套服务体系建设。"
)
MONEY = "3.5 亿元"  # a short line opening on an amount: no heading, out of sequence
TIMES = "1.5倍于上年"  # a number in a sentence's place, short but no heading


def kinds(path) -> list[tuple[str, str, int]]:
    arts, _past = import_file(path)
    return [(b.kind.value, b.text, b.level) for b in arts[0].blocks]


def heads(path) -> list[tuple[str, int]]:
    return [(t, lv) for k, t, lv in kinds(path) if k == BlockKind.HEADING.value]


REPORT = [
    "1 项目概况",
    BODIES[1],
    "1.1 建设背景",
    BODIES[2],
    "1.1.1 政策依据",
    BODIES[3],
    MONEY,
    BODIES[4],
    "1.1.2 市场需求",
    LONG,
    TIMES,
    "1．2 建设目标",
    BODIES[0],
    "1.2.1.1 近期目标",
    BODIES[1],
    "2 建设内容",
    BODIES[2],
    "2.1建设规模",
    "2.1.1 主体工程。",
    "2.1.2 配套工程包括道路、管网和绿化，按园区总体规划分期建设，一期工程两年内完成。",
    "2.2 投资估算",
    BODIES[3],
]
EXPECTED = [
    ("1 项目概况", 1),
    ("1.1 建设背景", 2),
    ("1.1.1 政策依据", 3),
    ("1.1.2 市场需求", 3),
    ("1．2 建设目标", 2),
    ("1.2.1.1 近期目标", 4),
    ("2 建设内容", 1),
    ("2.1建设规模", 2),
    ("2.2 投资估算", 2),
]


def test_decimal_headings_of_a_word_report(tmp_path):
    path = write(tmp_path / "可研.docx", TITLE + "".join(p(t) for t in REPORT))
    assert heads(path) == EXPECTED
    got = {t: k for k, t, _lv in kinds(path)}
    for body in (MONEY, TIMES, LONG, *BODIES, "2.1.1 主体工程。", REPORT[19]):
        assert got[body] == BlockKind.PARAGRAPH.value


def test_decimal_headings_of_a_text_draft(tmp_path):
    path = tmp_path / "可研.txt"
    path.write_text("\n\n".join(["某某产业园建设项目可行性研究报告", *REPORT]) + "\n", "utf-8")
    assert heads(path) == EXPECTED


def test_a_list_of_numbered_sentences_is_no_heading(tmp_path):
    items = ["1.1 完善制度。", "1.2 加强培训", "1.3 强化考核，定期通报结果。"]
    path = write(tmp_path / "方案.docx", TITLE + p(BODY) + "".join(p(t) for t in items) + p(BODY))
    assert heads(path) == []


def test_decimal_headings_go_under_chinese_numbered_ones(tmp_path):
    b = BODIES
    paras = ["一、项目概况", b[0], "1.1 建设背景", b[1], "1.1.1 政策依据", b[2]]
    paras += ["1.2 建设目标", b[3], "二、建设方案", b[4], "2.1 建设内容", b[0]]
    path = write(tmp_path / "方案.docx", TITLE + "".join(p(t) for t in paras))
    assert heads(path) == [
        ("一、项目概况", 1),
        ("1.1 建设背景", 2),
        ("1.1.1 政策依据", 3),
        ("1.2 建设目标", 2),
        ("二、建设方案", 1),
        ("2.1 建设内容", 2),
    ]


def test_decimal_headings_go_under_chapters(tmp_path):
    paras = ["第一章 总论", BODIES[0], "1.1 项目背景", BODIES[1], "1.1.1 区位条件", BODIES[2]]
    paras += ["第二章 建设方案", BODIES[3], "2.1 建设内容", BODIES[4]]
    path = write(tmp_path / "可研.docx", TITLE + "".join(p(t) for t in paras))
    assert heads(path) == [
        ("第一章 总论", 1),
        ("1.1 项目背景", 2),
        ("1.1.1 区位条件", 3),
        ("第二章 建设方案", 1),
        ("2.1 建设内容", 2),
    ]
