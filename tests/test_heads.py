"""The head of a draft as a reader sees it: a 红头's issuer line and document number, an
附件 label, a cover date, a logo, a title over several lines, an author line and a
chapter line each get their own role, never the title's or the subtitle's by mistake."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from PIL import Image

from lianluo_desk.importers import ImportReport, import_file
from lianluo_desk.model.issue import Article, BlockKind

BODY = "为做好有关工作，现将有关事项通知如下，请认真贯彻执行。"


def draft(path: Path, paras: list[tuple[str, str]]) -> Path:
    """A Word draft: each paragraph's text and its look — any of c (centred), r (right
    aligned), b (bold), s (10.5 pt, a form's small print), L (22 pt, a title's size),
    H (42 pt, a 红头's size)."""
    d = docx.Document()
    for text, look in paras:
        p = d.add_paragraph()
        run = p.add_run(text)
        if "c" in look:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if "r" in look:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run.bold = "b" in look or None
        if "s" in look:
            run.font.size = Pt(10.5)
        if "L" in look:
            run.font.size = Pt(22)
        if "H" in look:
            run.font.size = Pt(42)
    d.save(str(path))
    return path


def read(path: Path) -> tuple[Article, ImportReport]:
    report = ImportReport()
    arts, _past = import_file(path, None, "", report)
    return arts[0], report


def roles(art: Article) -> list[tuple[str, str]]:
    return [(b.kind.value, b.full_text or b.caption) for b in art.blocks]


def test_red_head_issuer_and_number_stay_out_of_the_title(tmp_path):
    art, report = read(
        draft(
            tmp_path / "红头.docx",
            [
                ("湖南省某某大学文件", "cbH"),
                ("湘大发〔2018〕14号", "c"),
                ("关于做好2018年招生宣传工作的通知", "cbL"),
                ("各学院、各部门：", ""),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["关于做好2018年招生宣传工作的通知"]
    assert art.subtitle == "湘大发〔2018〕14号"
    assert roles(art)[0] == ("paragraph", "各学院、各部门：")
    assert "湖南省某某大学文件" not in art.title_text + "".join(b.text for b in art.blocks)
    assert any("湖南省某某大学文件" in w for w in art.warnings)
    assert report.left_out.get("report.red_head") == 1


def test_joint_head_of_two_organs(tmp_path):
    art, report = read(
        draft(
            tmp_path / "联合.docx",
            [
                ("中共湘潭县委办公室", "cbH"),
                ("湘潭县人民政府办公室", "cbH"),
                ("湘县办发〔2022〕3号", "c"),
                ("关于做好防汛工作的紧急通知", "cbL"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["关于做好防汛工作的紧急通知"]
    assert art.subtitle == "湘县办发〔2022〕3号"
    assert report.left_out.get("report.red_head") == 2


def test_joint_head_set_in_a_table(tmp_path):
    d = docx.Document()
    box = d.add_table(rows=2, cols=2)
    box.cell(0, 0).text, box.cell(1, 0).text = "中共湘潭县委办公室", "湘潭县人民政府办公室"
    box.cell(0, 1).merge(box.cell(1, 1)).text = "文件"
    d.add_paragraph("湘县办发〔2022〕3号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("关于做好防汛工作的紧急通知").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(BODY)
    d.save(str(tmp_path / "表头.docx"))
    art, report = read(tmp_path / "表头.docx")
    assert art.title == ["关于做好防汛工作的紧急通知"]
    assert art.subtitle == "湘县办发〔2022〕3号"
    assert [b.kind for b in art.blocks] == [BlockKind.PARAGRAPH]
    assert report.left_out.get("report.red_head") == 1


def test_party_committee_head_with_a_placeholder_number(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "县委.docx",
            [
                ("中共湘潭县委员会", "cbH"),
                ("×字〔2018〕14号", ""),
                ("关于开展主题教育的实施方案", "cbL"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["关于开展主题教育的实施方案"]
    assert art.subtitle == "×字〔2018〕14号"


def test_attachment_label_is_no_part_of_the_title(tmp_path):
    art, report = read(
        draft(
            tmp_path / "附件.docx",
            [("附件5", ""), ("优秀代表建议推荐表", "cbL"), (BODY, "")],
        )
    )
    assert art.title == ["优秀代表建议推荐表"]
    assert all("附件5" not in b.text for b in art.blocks)
    assert any("附件5" in w for w in art.warnings)
    assert report.left_out.get("report.attachment_label") == 1


def test_attachment_label_on_the_title_line_is_left_out(tmp_path):
    for k, line in enumerate(("附件1：优秀代表建议推荐表", "附件1　优秀代表建议推荐表")):
        art, report = read(draft(tmp_path / f"附件{k}.docx", [(line, "cbL"), (BODY, "")]))
        assert art.title == ["优秀代表建议推荐表"]
        assert report.left_out.get("report.attachment_label") == 1


def test_cover_date_becomes_the_date_line_under_the_title(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "封面.docx",
            [("2022年8月15日", "c"), ("2022年上半年工作总结", "cbL"), (BODY, "")],
        )
    )
    assert art.title == ["2022年上半年工作总结"]
    assert art.subtitle == "（2022年8月15日）"


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (60, 30), (200, 0, 0)).save(buf, "PNG")
    return buf.getvalue()


def test_title_under_a_logo_is_the_title_not_a_caption(tmp_path):
    d = docx.Document()
    d.add_picture(io.BytesIO(_png()))
    p = d.add_paragraph("湖南省人大代表履职情况报告")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(BODY)
    d.save(str(tmp_path / "logo.docx"))
    art, _report = read(tmp_path / "logo.docx")
    assert art.title == ["湖南省人大代表履职情况报告"]
    assert art.blocks[0].kind is BlockKind.IMAGE and art.blocks[0].caption == ""
    assert roles(art)[1] == ("paragraph", BODY)


def test_title_under_a_reference_box(tmp_path):
    d = docx.Document()
    box = d.add_table(rows=2, cols=1)
    box.cell(0, 0).text, box.cell(1, 0).text = "编号", "03/599"
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("科研项目立项审批表").bold = True
    d.add_paragraph(BODY)
    d.save(str(tmp_path / "box.docx"))
    art, _report = read(tmp_path / "box.docx")
    assert art.title == ["科研项目立项审批表"]
    assert [b.kind for b in art.blocks] == [BlockKind.TABLE, BlockKind.PARAGRAPH]


def test_title_over_two_plain_lines_is_whole(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "两行.docx",
            [
                ("国务院关于调整完善工业产品", ""),
                ("生产许可证管理目录的决定", ""),
                ("国发〔2024〕11号", ""),
                ("各省、自治区、直辖市人民政府：", ""),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["国务院关于调整完善工业产品", "生产许可证管理目录的决定"]
    assert art.subtitle == "国发〔2024〕11号"


def test_title_over_three_centred_lines_of_different_sizes(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "三行.docx",
            [
                ("湖南省人民代表大会常务委员会", "cb"),
                ("关于加强县乡人大工作和建设的", "cbL"),
                ("若干意见", "cbL"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["湖南省人民代表大会常务委员会", "关于加强县乡人大工作和建设的", "若干意见"]


def test_title_typed_a_character_a_line(tmp_path):
    art, _report = read(
        draft(tmp_path / "竖排.docx", [(ch, "cbL") for ch in "工作总结"] + [(BODY, "")])
    )
    assert art.title == ["工作总结"]
    assert roles(art) == [("paragraph", BODY)]


def test_author_line_is_a_byline_not_the_subtitle(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "作者.docx",
            [("代表履职的几点体会", "cbL"), ("湘潭县人大常委会 李明", "c"), (BODY, "")],
        )
    )
    assert art.title == ["代表履职的几点体会"]
    assert art.subtitle == ""
    assert roles(art)[0] == ("byline", "湘潭县人大常委会 李明")
    art, _report = read(
        draft(tmp_path / "作者2.docx", [("学习心得", "cbL"), ("张建国", "c"), (BODY, "")])
    )
    assert art.subtitle == "" and roles(art)[0] == ("byline", "张建国")


def test_speech_head_subtitle_author_and_date(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "讲话.docx",
            [
                ("深学细悟笃行", "cbL"),
                ("——在全省人大代表培训班上的讲话", "c"),
                ("王建国", "c"),
                (BODY, ""),
            ],
        )
    )
    assert art.title == ["深学细悟笃行"]
    assert art.subtitle == "——在全省人大代表培训班上的讲话"
    assert roles(art) == [("byline", "王建国"), ("paragraph", BODY)]


def test_chapter_after_the_title_is_a_heading(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "章程.docx",
            [
                ("某某协会章程", "cbL"),
                ("第一章 总则", "c"),
                ("第一条 " + BODY, ""),
                ("第二章 会员", ""),
            ],
        )
    )
    assert art.title == ["某某协会章程"] and art.subtitle == ""
    heads = [(b.text, b.level) for b in art.blocks if b.kind is BlockKind.HEADING]
    assert heads == [("第一章 总则", 1), ("第二章 会员", 1)]
    assert roles(art)[1] == ("paragraph", "第一条 " + BODY)


def test_red_head_without_a_number_is_known_by_its_size(tmp_path):
    art, _report = read(
        draft(
            tmp_path / "纪要.docx",
            [("中共湘潭县委员会", "cbH"), ("县委常委会会议纪要", "cbL"), (BODY, "")],
        )
    )
    assert art.title == ["县委常委会会议纪要"]


def test_organ_over_its_title_is_the_title_first_line(tmp_path):
    d = docx.Document()
    for text, size in (("湖南省人大常委会", 26), ("2021年工作要点", 18)):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).font.size = Pt(size)
    d.add_paragraph(BODY)
    d.save(str(tmp_path / "要点.docx"))
    art, report = read(tmp_path / "要点.docx")
    assert art.title == ["湖南省人大常委会", "2021年工作要点"]
    assert report.left_out == {}
