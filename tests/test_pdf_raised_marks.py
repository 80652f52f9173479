"""A citation mark set as a superscript run of its own (［5］, [5], ¹²: smaller type on a
raised baseline) stands on the line it follows: it neither becomes a line of its own nor
cuts the paragraph it sits in."""

from __future__ import annotations

import pytest

from lianluo_desk.importers import ImportReport, import_file

from .test_pdf_drafts import CHARS, LEFT, SIZE, _canvas

MARK, RISE = 10.0, 6.0  # a superscript as word processors set one under 三号


def _set(c, lines: list[tuple[str, float, bool]], y: float = 740.0) -> None:
    """Each line (text, indent in characters, justified) on the 三号 grid; a run in <>
    is a mark set smaller on a raised baseline, taking its own width on the line. A
    justified line is spread to the right margin, as word processors set all but a
    paragraph's last line."""
    from reportlab.pdfbase import pdfmetrics

    for text, indent, justified in lines:
        pieces = text.replace(">", "<").split("<")
        marks = sum(pdfmetrics.stringWidth(m, "Fang", MARK) for m in pieces[1::2])
        hanzi = sum(len(t) for t in pieces[::2])
        room = (CHARS - indent) * SIZE - hanzi * SIZE - marks
        spread = room / (hanzi - 1) if justified else 0.0
        x = LEFT + indent * SIZE
        for k, piece in enumerate(pieces):
            if k % 2:  # the mark, right after the character it refers to
                c.setFont("Fang", MARK)
                c.drawString(x - spread, y + RISE, piece)
                x += pdfmetrics.stringWidth(piece, "Fang", MARK)
                continue
            c.setFont("Fang", SIZE)
            for ch in piece:
                c.drawString(x, y, ch)
                x += SIZE + spread
        y -= 1.8 * SIZE


@pytest.mark.parametrize("mark", ["［5］", "[5]", "12"])
def test_a_raised_citation_mark_stays_in_its_line_and_paragraph(tmp_path, mark):
    """Mid-line, at the end of a full line and at a paragraph's end."""
    lines = [
        (f"近年来，各地人大常委会积极探索代表联络站建设<{mark}>，在", 2.0, True),
        (f"密切代表同人民群众联系方面发挥重要作用，平台不断拓展<{mark}>", 0.0, True),
        ("，各项制度机制日益健全完善，为人大工作提供了有力支撑。", 0.0, False),
        (f"下一步，要继续加强代表联络站规范化建设。<{mark}>", 2.0, False),
    ]
    pdf = tmp_path / "marks.pdf"
    c = _canvas(pdf)
    _set(c, lines)
    c.save()
    art = import_file(pdf, report=ImportReport())[0][0]
    text = [t.replace("<", "").replace(">", "") for t, _i, _j in lines]
    assert [b.full_text for b in art.blocks] == ["".join(text[:3]), text[3]]
