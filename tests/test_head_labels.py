"""Heads of Word drafts as offices and schools type them: an 附件 or 附表 label over the
title in the same paragraph or with a bracketed note, a title spaced out a character at
a time around a bracket, a title with a colon over its abstract, a section's label under
the title. Each must give the title a reader sees."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from lianluo_desk.model.issue import Article, BlockKind

from .test_heads import read

BODY = "为做好有关工作，现将有关事项通知如下，请各单位结合实际认真贯彻执行，按时报送。"
ABSTRACT = "摘要：" + "联邦学习在不泄露原始数据的前提下训练模型，提高了数据隐私保护水平。" * 3


def draft(path: Path, paras: list[tuple[str, str]], table: bool = False) -> Path:
    """Paragraphs with their look (c centred, b bold, L 22 pt, M 16 pt); a "\n" in a text
    is a manual line break; ``table``: a small form follows them."""
    d = docx.Document()
    for text, look in paras:
        p = d.add_paragraph()
        if "c" in look:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for k, line in enumerate(text.split("\n")):
            run = p.add_run(line)
            if k < text.count("\n"):
                run.add_break()
            run.bold = "b" in look or None
            if "L" in look:
                run.font.size = Pt(22)
            if "M" in look:
                run.font.size = Pt(16)
    if table:
        t = d.add_table(rows=2, cols=2)
        for r, row in enumerate((("姓名", "单位"), ("职务", "电话"))):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    d.save(str(path))
    return path


def texts(art: Article) -> str:
    return "".join(b.full_text for b in art.blocks)


def test_attachment_label_and_title_split_by_a_line_break(tmp_path):
    """附件1 <line break> title, one paragraph (a form sent out with a notice)."""
    title = "2022年博士生学术论坛报名表"
    art, report = read(draft(tmp_path / "附件.docx", [(f"附件1  \n{title}", "")], table=True))
    assert art.title == [title]
    assert report.left_out.get("report.attachment_label") == 1
    assert "附件1" not in texts(art)


def test_attached_table_label_with_its_note_is_no_title(tmp_path):
    """附表1-1（…用） over a cover's two centred lines: the cover is the title."""
    art, report = read(
        draft(
            tmp_path / "附表.docx",
            [
                ("附表1-1（工学类、理学类、艺术学类等用）", ""),
                ("南京某某大学", "cL"),
                ("毕业设计(论文)任务书", "cL"),
            ],
            table=True,
        )
    )
    assert art.title == ["南京某某大学", "毕业设计(论文)任务书"]
    assert report.left_out.get("report.attachment_label") == 1
    assert "（工学类、理学类、艺术学类等用）" in texts(art)


def test_title_spaced_out_around_a_bracket_is_one_line(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "封面.docx",
            [("南京某某大学", "cL"), ("毕 业 设 计（论 文）", "cL"), (BODY, "")],
        )
    )
    assert art.title == ["南京某某大学", "毕业设计（论文）"]


def test_spaced_names_stay_apart(tmp_path):
    """Two-character words with gaps are no title typed a character at a time."""
    art, _report = read(draft(tmp_path / "名.docx", [("张三  李四  王五", "cL"), (BODY, "")]))
    assert "张三李四王五" not in art.title


def test_title_with_a_colon_over_its_abstract(tmp_path):
    """“名：副题” over “摘要：…” is a paper's title, not a form's two field lines."""
    title = "FedViT：一种结合视觉变换器的联邦学习算法"
    art, _report = read(draft(tmp_path / "论文.docx", [(title, "cbM"), (ABSTRACT, "")]))
    assert art.title == [title]
    assert art.blocks[0].kind is BlockKind.PARAGRAPH


def test_form_field_lines_still_open_a_form(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "表.docx",
            [("参赛组别：创新设计类", ""), ("作品编号：A-017", ""), (BODY, "")],
        )
    )
    assert art.title == []


def test_abstract_label_under_the_title_is_no_part_of_it(tmp_path):
    title = "家具板材开料优化设计"
    art, _report = read(
        draft(tmp_path / "摘要.docx", [(title, "cbM"), ("摘要", "cbM"), (BODY, "")])
    )
    assert art.title == [title]
    assert art.subtitle == ""
    assert art.blocks[0].full_text == "摘要"
