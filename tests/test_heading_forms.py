"""Heading forms as offices type them (a trailing colon, a full-width stop or digit,
chapters, long 一、 headings), labels of numbered Heading styles set apart from their
text, an 附件 list kept as body text and a 落款 set right-aligned."""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import BlockKind

from .test_heads import BODY, draft, read, roles
from .wordxml import p, write

TITLE = ("关于项目管理工作的通知", "cbL")


def heads(art) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in art.blocks if b.kind is BlockKind.HEADING]


def test_heading_forms_offices_type(tmp_path):
    long_h = "一、坚持问题导向，持续完善代表联系群众制度和代表履职服务保障机制建设"
    assert len(long_h) > 30
    art, _r = read(
        draft(
            tmp_path / "forms.docx",
            [
                TITLE,
                ("一、立项要求：", ""),
                (BODY, ""),
                ("二．系统验收", ""),
                (BODY, ""),
                ("三.资料归档", ""),
                (BODY, ""),
                ("１、编制计划：", ""),
                (BODY, ""),
                (long_h, ""),
                (BODY, ""),
            ],
        )
    )
    assert heads(art) == [
        ("一、立项要求：", 1),
        ("二．系统验收", 1),
        ("三.资料归档", 1),
        ("１、编制计划：", 3),
        (long_h, 1),
    ]


def test_chapters_with_and_without_a_heading_style(tmp_path):
    d = docx.Document()
    d.add_paragraph("某某协会章程").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("第一章 总则", style="Heading 1")
    d.add_paragraph("第一条 " + BODY)
    d.add_paragraph("第五章 附则")
    d.add_paragraph("第一节 一般规定")
    d.add_paragraph("第三十条 本章程自通过之日起施行。")
    d.save(str(tmp_path / "章程.docx"))
    art = import_draft(tmp_path / "章程.docx")
    assert heads(art) == [("第一章 总则", 1), ("第五章 附则", 1), ("第一节 一般规定", 2)]
    assert ("paragraph", "第三十条 本章程自通过之日起施行。") in roles(art)


def test_chapter_label_and_name_on_two_lines_are_one_heading(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "章.docx",
            [("某某协会章程", "cbL"), ("第一章", "c"), ("总则", "c"), ("第一条 " + BODY, "")],
        )
    )
    assert heads(art) == [("第一章 总则", 1)]
    assert roles(art)[1:] == [("paragraph", "第一条 " + BODY)]


STYLES = (
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'
    '<w:outlineLvl w:val="1"/></w:pPr></w:style>'
)


def _numbering(suff: str) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="Heading{k + 1}"/>{suff}<w:lvlText w:val="{text}"/></w:lvl>'
        for k, text in ((0, "%1"), (1, "%1.%2"))
    )
    return (
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )


def test_numbered_heading_styles_keep_the_gap_word_shows(tmp_path):
    body = (
        p("软件项目说明", '<w:jc w:val="center"/>')
        + p("概述", '<w:pStyle w:val="Heading1"/>')
        + p("软件著作权登记情况", '<w:pStyle w:val="Heading2"/>')
        + p(BODY)
    )
    tab = write(tmp_path / "tab.docx", body, numbering=_numbering(""), styles=STYLES)
    assert heads(import_draft(tab)) == [("1 概述", 1), ("1.1 软件著作权登记情况", 2)]
    glued = '<w:suff w:val="nothing"/>'
    none = write(tmp_path / "none.docx", body, numbering=_numbering(glued), styles=STYLES)
    assert heads(import_draft(none)) == [("1概述", 1), ("1.1软件著作权登记情况", 2)]


def test_items_of_an_attachment_list_stay_body_text(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "附件表.docx",
            [
                TITLE,
                (BODY, ""),
                ("附件：1．优秀代表建议推荐表", ""),
                ("2．优秀代表建议情况说明书", ""),
                ("3．推荐汇总表", ""),
            ],
        )
    )
    assert heads(art) == []
    assert roles(art)[-2:] == [
        ("paragraph", "2．优秀代表建议情况说明书"),
        ("paragraph", "3．推荐汇总表"),
    ]


def test_right_aligned_signoff_is_set_right_aligned(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "落款.docx",
            [TITLE, (BODY, ""), ("湖南省人大常委会办公厅", "r"), ("2022年8月15日", "r")],
        )
    )
    assert roles(art)[-2:] == [("byline", "湖南省人大常委会办公厅"), ("byline", "2022年8月15日")]


def test_signoff_of_short_lines_ending_with_a_date(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "落款2.docx",
            [
                TITLE,
                (BODY, ""),
                ("特此通知", ""),
                ("附件：实施工业产品生产许可证管理的产品目录", ""),
                ("中共湘潭县委组织部", ""),
                ("湘潭县人民政府", ""),
                ("二〇二四年五月三日", ""),
            ],
        )
    )
    assert roles(art)[-5:] == [
        ("paragraph", "特此通知"),
        ("paragraph", "附件：实施工业产品生产许可证管理的产品目录"),
        ("byline", "中共湘潭县委组织部"),
        ("byline", "湘潭县人民政府"),
        ("byline", "二〇二四年五月三日"),
    ]


def test_closing_formula_is_no_part_of_the_signoff(tmp_path):
    art, _r = read(
        draft(
            tmp_path / "落款3.docx",
            [TITLE, (BODY, ""), ("特此通知", ""), ("湘潭县人民政府", ""), ("2024年5月3日", "")],
        )
    )
    assert roles(art)[-3:] == [
        ("paragraph", "特此通知"),
        ("byline", "湘潭县人民政府"),
        ("byline", "2024年5月3日"),
    ]
