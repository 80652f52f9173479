"""A PDF's table of contents (entries with dot leaders and page numbers, one a printed
line) is left out like a Word one, though the PDF's lines, none ending a sentence, come
out of the reader run together into one paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from lianluo_desk.importers import ImportReport, import_file

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = [("1 概述", 1), ("1.1 申请所需文件", 1), ("2 注意事项：", 2), ("3 联系方式", 6)]
BODY = "软件著作权登记申请文件应当包括申请表、鉴别材料和身份证明，各一式一份。"


def _pdf(path: Path) -> Path:
    return _leader_pdf(path, ".", spaced=False, centred=False)


def test_pdf_table_of_contents_left_out(tmp_path):
    report = ImportReport()
    art = import_file(_pdf(tmp_path / "要求.pdf"), None, "", report)[0][0]
    assert art.title == ["软件著作权申请材料要求"]
    assert [b.text for b in art.blocks] == [BODY]
    assert report.left_out.get("report.toc") == len(ENTRIES)


def test_pdf_private_use_glyphs_are_left_out(tmp_path):
    """Characters a PDF's font maps into the private-use area (a journal's decorative
    rule drawn with a custom font) are no text anyone can read: they are left out with
    one line, and the draft exports."""
    from fontTools.ttLib import TTFont as Face
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    face = Face(str(ROOT / "resources/fonts/lld-fang.ttf"))
    for table in face["cmap"].tables:  # an ornament at U+E5CC, drawn as 一
        if table.isUnicode():
            table.cmap[0xE5CC] = table.cmap[ord("一")]
    face.save(str(tmp_path / "ornament.ttf"))
    pdfmetrics.registerFont(TTFont("Ornament", str(tmp_path / "ornament.ttf")))
    path = tmp_path / "刊.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Ornament", 16)
    c.drawCentredString(297, 760, "美国工程管理教育管窥")
    # six ornaments, and three characters the face has no glyph for (read as NUL)
    c.drawString(90, 700, "工程管理教育有特色" + "\ue5cc" * 6 + "，有水平。" + "\u4dc0" * 3)
    c.save()
    report = ImportReport()
    art = import_file(path, None, "", report)[0][0]
    text = art.title_text + "".join(b.text for b in art.blocks)
    assert text == "美国工程管理教育管窥工程管理教育有特色，有水平。"
    assert sum(n for what, n in report.left_out.items() if what == "report.pdf_glyphs") == 9


def _leader_pdf(path: Path, leader: str, spaced: bool, centred: bool = True) -> Path:
    """A contents page whose entries end in ``leader`` characters run to the page
    number (``spaced``: a space after each, as ". . . . 3"), then the body; the label
    目录 centred over the entries, or flush left over them."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Fang", str(ROOT / "resources/fonts/lld-fang.ttf")))
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Fang", 16)
    c.drawCentredString(297, 760, "软件著作权申请材料要求")
    if centred:
        c.drawCentredString(297, 720, "目  录")
    else:
        c.drawString(90, 720, "目录")
    unit = leader + (" " if spaced else "")
    y = 690.0
    for text, page in ENTRIES:
        c.drawString(90, y, text)
        w = pdfmetrics.stringWidth(text, "Fang", 16)
        n = int((390 - w) / pdfmetrics.stringWidth(unit, "Fang", 16))
        c.drawString(90 + w, y, unit * n)
        c.drawRightString(505, y, str(page))
        y -= 28
    c.drawString(122, y - 40, BODY[:26])
    c.drawString(90, y - 68, BODY[26:])
    c.save()
    return path


@pytest.mark.parametrize(
    ("leader", "spaced"), [(".", True), ("…", False), ("·", False), ("·", True), ("．", True)]
)
def test_spaced_and_middle_dot_leaders_are_a_table_of_contents(tmp_path, leader, spaced):
    """Leaders of spaced dots (. . . 3), ellipses (…… 3) and middle dots (·····3) mark
    a contents page as plainly as a run of full stops: its entries are left out, not
    read as a paragraph of the draft."""
    report = ImportReport()
    art = import_file(_leader_pdf(tmp_path / "要求.pdf", leader, spaced), None, "", report)[0][0]
    assert art.title == ["软件著作权申请材料要求"]
    assert [b.text for b in art.blocks] == [BODY]
    assert report.left_out.get("report.toc") == len(ENTRIES)
