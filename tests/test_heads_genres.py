"""A title typed over two or three centred lines ends with its 文种; the forms and letters
office drafts come as (报名表, 申请表, 承诺书, 申报书, 策划书, 协议书) name theirs too, so
the line that brings it is the title's last line, not the subtitle."""

from __future__ import annotations

import docx
import pytest

from lianluo_desk.model.issue import BlockKind
from tests.test_heads import BODY, draft, read


@pytest.mark.parametrize(
    "lines",
    [
        [
            ("华中科技大学第十五届“飞航杯”大学生科技节之", "c"),
            ("“亚马逊·种子杯”软件编程赛报名表", "cbL"),
        ],
        [("中国高校计算机大赛“网络技术挑战赛”决赛团队", "cb"), ("学术诚信与责任承诺书", "cbL")],
        [("某某大学暑期“三下乡”社会实践", "cL"), ("立项经费申请表", "cb")],
        [
            ("2020年某某大学大学生志愿者暑期", "cL"),
            ("“三下乡”社会实践活动", "cL"),
            ("项目申报书", "c"),
        ],
        [("某某驾校与某某科技有限公司", "c"), ("入驻合作协议书", "cbL")],
    ],
)
def test_title_ending_with_a_forms_genre_is_whole(tmp_path, lines):
    art, _report = read(draft(tmp_path / "表.docx", [*lines, (BODY, "")]))
    assert art.title == [text for text, _look in lines]
    assert art.subtitle == ""


def test_line_under_a_whole_forms_title_stays_the_subtitle(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "承诺书.docx",
            [("学术诚信与责任承诺书", "cbL"), ("（参赛团队填写）", "c"), (BODY, "")],
        )
    )
    assert art.title == ["学术诚信与责任承诺书"]
    assert art.subtitle == "（参赛团队填写）"


def test_part_after_the_title_is_a_heading_not_the_subtitle(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "策划书.docx",
            [
                ("某某驾校在线报名系统策划书", "cbL"),
                ("第一部分 项目介绍", "cb"),
                (BODY, ""),
                ("第二部分 具体实施", "cb"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["某某驾校在线报名系统策划书"] and art.subtitle == ""
    heads = [(b.text, b.level) for b in art.blocks if b.kind is BlockKind.HEADING]
    assert heads == [("第一部分 项目介绍", 1), ("第二部分 具体实施", 1)]


def test_attachment_label_over_a_form_in_a_table_is_left_out(tmp_path):
    d = docx.Document()
    d.add_paragraph("附件2")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "漏洞处置情况反馈表"
    table.cell(1, 0).text, table.cell(1, 1).text = "IP地址", "漏洞名称"
    src = tmp_path / "附件2.docx"
    d.save(str(src))
    art, report = read(src)
    assert [b.kind for b in art.blocks] == [BlockKind.TABLE]
    assert any("附件2" in w for w in art.warnings)
    assert "附件标注" in report.summary()
