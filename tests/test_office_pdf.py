"""Office-made PDFs read as ``pdftotext`` reads them, whatever faces their marks are set
in: glyphs are grouped into lines by baseline and size, not by face, and read left to
right even when each face's glyphs are drawn in a pass of their own."""

from __future__ import annotations

import subprocess

import pytest

from lianluo_desk.importers import ImportReport, import_file

from .conftest import ROOT

PARAS = [
    "各市州要按照“有场所、有制度、有活动”的要求，认真做好代表联络站建设工作，推动“家站点”"
    "全覆盖，切实发挥代表作用，把“双联”工作落到实处，确保‘四有’标准落实到位。",
    "联络站建设情况请于8月15日前报送，联系人：张三，电话：0731-85309270。",
]
TITLE = "关于开展“代表进站”活动的通知"


def _office_pdf(path, shift: float) -> None:
    """Like a word processor's PDF: hanzi in one face, quotes and digits in another
    face drawn after them, on a baseline ``shift`` pt off."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = ROOT / "resources" / "fonts"
    pdfmetrics.registerFont(TTFont("Fang", str(fonts / "lld-fang.ttf")))
    pdfmetrics.registerFont(TTFont("Latin", str(fonts / "lld-fallback.ttf")))
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    size, left, width = 16.0, 90.0, 28

    def face(ch: str) -> str:
        return "Fang" if ord(ch) > 0x2000 and ch not in "“”‘’" else "Latin"

    def line(chars: str, x: float, y: float) -> None:
        passes: dict[str, list[tuple[float, str]]] = {"Fang": [], "Latin": []}
        for ch in chars:
            passes[face(ch)].append((x, ch))
            x += pdfmetrics.stringWidth(ch, face(ch), size)
        for name, glyphs in passes.items():
            for gx, ch in glyphs:
                c.setFont(name, size)
                c.drawString(gx, y + (shift if name == "Latin" else 0.0), ch)

    y = 760.0
    tw = sum(pdfmetrics.stringWidth(ch, "Fang", size) for ch in TITLE)
    line(TITLE, (595 - tw) / 2, y)
    y -= 2 * size
    for text in PARAS:
        rest, first = text, True
        while rest:  # as many characters as fit (digits are narrower than hanzi)
            room, n = (width - 2 if first else width) * size, 0
            while n < len(rest) and room >= pdfmetrics.stringWidth(rest[n], face(rest[n]), size):
                room -= pdfmetrics.stringWidth(rest[n], face(rest[n]), size)
                n += 1
            line(rest[:n], left + (2 * size if first else 0.0), y)
            rest, first, y = rest[n:], False, y - 1.8 * size
    c.setFont("Fang", 14)
    c.drawCentredString(297, 60, "— 1 —")  # the page number
    c.save()


def _pdftotext(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


@pytest.mark.slow
def test_marks_in_another_face_read_in_order(tmp_path):
    for shift in (0.0, 0.4, -0.6):
        pdf = tmp_path / f"office{shift}.pdf"
        _office_pdf(pdf, shift)
        report = ImportReport()
        art = import_file(pdf, report=report)[0][0]
        got = [b.full_text for b in art.blocks]
        assert art.title_text == TITLE, shift
        assert got == PARAS, shift
        assert "".join(got) in _pdftotext(pdf)
        assert report.summary() == "未收入 页码 1"
        assert report.summary("en") == "left out: page numbers 1"


def _xref_stream_pdf(lines: list[str], ornament: int = 0) -> bytes:
    """A one-page PDF whose cross-references are a stream (PDF 1.5+, as archive readers
    write them) and whose ``startxref`` and offset share one line; ``ornament`` glyphs
    of a second font, mapped by its ToUnicode to the private-use U+E5CC (a journal's
    rule), stand above the text."""
    rule = f"BT /F2 14 Tf 72 790 Td ({'A' * ornament}) Tj ET " if ornament else ""
    content = rule + "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(f"({t}) '" for t in lines)
    content += " ET"
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName "
        "/Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> "
        "endcodespacerange 1 beginbfchar <41> <E5CC> endbfchar endcmap CMapName "
        "currentdict /CMap defineresource pop end end"
    )
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.6\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref_at = len(out)
    offsets.append(xref_at)
    rows = b"\x00\x00\x00\x00\x00\xff" + b"".join(
        b"\x01" + o.to_bytes(4, "big") + b"\x00" for o in offsets
    )
    out += (
        f"{len(objs) + 1} 0 obj\n<< /Type /XRef /Size {len(objs) + 2} /Root 1 0 R "
        f"/W [1 4 1] /Index [0 {len(objs) + 2}] /Length {len(rows)} >>\nstream\n"
    ).encode()
    out += rows + b"\nendstream\nendobj\n" + f"startxref {xref_at}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_with_startxref_on_one_line_is_read(tmp_path):
    """Some archive readers write ``startxref N`` on one line after a cross-reference
    stream, which pdfminer cannot parse although every viewer opens the file: the
    draft must come in all the same."""
    lines = ["Annual Report of the Liaison Office", "", "The office held six meetings."]
    quirky = tmp_path / "quirky.pdf"
    quirky.write_bytes(_xref_stream_pdf(lines))
    seen = subprocess.run(["pdftotext", str(quirky), "-"], capture_output=True, check=True)
    assert b"six meetings" in seen.stdout  # a viewer reads it
    arts, _ = import_file(quirky, tmp_path / "assets", "assets", ImportReport())
    text = " ".join([*arts[0].title, *(b.text for a in arts for b in a.blocks)])
    assert "Liaison Office" in text
    assert "six meetings" in text


def test_private_use_glyphs_of_a_pdf_left_out_and_counted(tmp_path):
    """Journal PDFs draw rules and ornaments with glyphs their font maps to the
    private-use area: they carry no text, so they are left out at import (and named in
    the report) instead of stopping the export as characters no face prints."""
    lines = ["Annual Report of the Liaison Office", "", "The office held six meetings."]
    pdf = tmp_path / "journal.pdf"
    pdf.write_bytes(_xref_stream_pdf(lines, ornament=12))
    seen = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert "\ue5cc" * 12 in seen.stdout.decode("utf-8")  # a viewer's text has them
    report = ImportReport()
    arts, _ = import_file(pdf, tmp_path / "assets", "assets", report)
    text = " ".join([*arts[0].title, *(b.text for a in arts for b in a.blocks)])
    assert "six meetings" in text and "Liaison Office" in text
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in text)
    assert "无字符的字形 12" in report.summary()
