"""Word drafts: automatic numbering shown as text, so numbered headings are recognised."""

import docx
from docx.oxml.ns import qn

from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import BlockKind


def _numbered_draft(path, fmt, text):
    d = docx.Document()
    d.add_paragraph("关于代表工作的报告")
    d.add_paragraph("选举任免工作", style="List Number")
    d.add_paragraph("今年以来，做了大量工作。")
    d.add_paragraph("代表联络工作", style="List Number")
    d.add_paragraph("加强联系，服务代表。")
    numpr = d.styles["List Number"].element.pPr.find(qn("w:numPr"))
    num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
    root = d.part.numbering_part.element
    num = [n for n in root.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id][0]
    abs_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    an = [a for a in root.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abs_id][0]
    lvl = [x for x in an.findall(qn("w:lvl")) if x.get(qn("w:ilvl")) == "0"][0]
    lvl.find(qn("w:numFmt")).set(qn("w:val"), fmt)
    lvl.find(qn("w:lvlText")).set(qn("w:val"), text)
    d.save(path)


def test_chinese_numbering_becomes_headings(tmp_path):
    p = tmp_path / "n.docx"
    _numbered_draft(p, "chineseCounting", "%1、")
    art = import_draft(p)
    heads = [b for b in art.blocks if b.kind is BlockKind.HEADING]
    assert [(b.text, b.level) for b in heads] == [("一、选举任免工作", 1), ("二、代表联络工作", 1)]


def test_decimal_numbering(tmp_path):
    p = tmp_path / "n.docx"
    _numbered_draft(p, "decimal", "%1.")
    art = import_draft(p)
    assert [b.text for b in art.blocks if b.kind is BlockKind.HEADING] == [
        "1.选举任免工作",
        "2.代表联络工作",
    ]


def test_gb18030_copy_of_a_word_draft_gives_the_same_text(tmp_path):
    from .conftest import DATA

    word = import_draft(DATA / "2018-no01-annual-summary.docx")
    d = docx.Document(str(DATA / "2018-no01-annual-summary.docx"))
    txt = tmp_path / "copy.txt"
    txt.write_bytes("\r\n\r\n".join(p.text for p in d.paragraphs).encode("gb18030"))
    plain = import_draft(txt)

    def text(a):
        return "".join([*a.title, a.subtitle, a.note] + [b.full_text for b in a.blocks])

    assert text(plain) == text(word)
    assert plain.title == word.title and plain.note == word.note


def test_manual_line_breaks(tmp_path):
    d = docx.Document()
    t = d.add_paragraph()
    t.add_run("深学细悟笃行").add_break()
    t.add_run("不断提升工作质量")
    t.alignment = 1
    p = d.add_paragraph()
    p.add_run("第一行正文").add_break()
    p.add_run("接着的正文。")
    path = tmp_path / "b.docx"
    d.save(path)
    art = import_draft(path)
    assert art.title == ["深学细悟笃行", "不断提升工作质量"]
    assert [b.text for b in art.blocks] == [
        "第一行正文\n接着的正文。"
    ]  # kept, see test_soft_breaks


def test_markdown_draft(tmp_path):
    from PIL import Image

    Image.new("RGB", (600, 300), "#336699").save(tmp_path / "pic.png")
    md = tmp_path / "d.md"
    md.write_text(
        "# 代表工作的新进展\n\n## 一、总体情况\n\n今年以来，工作扎实推进。\n\n"
        "### 分项工作\n\n**加强学习。**组织代表集中学习。\n\n"
        "![图1 学习现场](pic.png)\n\n（办公室 张三）\n",
        "utf-8",
    )
    art = import_draft(md)
    assert art.title == ["代表工作的新进展"]
    kinds = [(b.kind, b.level, b.runin) for b in art.blocks]
    assert kinds[0] == (BlockKind.HEADING, 1, "")
    assert kinds[2] == (BlockKind.HEADING, 2, "")
    assert art.blocks[3].runin == "加强学习。" and art.blocks[3].text == "组织代表集中学习。"
    assert art.blocks[4].kind is BlockKind.IMAGE and art.blocks[4].caption == "图1 学习现场"
    assert art.blocks[5].kind is BlockKind.BYLINE
