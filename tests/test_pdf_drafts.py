"""PDF drafts as typesetters and word processors write them, read back into the text a
reader sees: ligatures (one glyph standing for "fi"), headings set on their own line
after a line that ran nearly to the margin, titles set larger over the body."""

from __future__ import annotations

import pytest

from lianluo_desk.importers import ImportReport, import_file

from .conftest import ROOT


def _ligature_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose font maps the glyph "A" to the two characters "fi" (as
    TeX and Typst write a ligature), lines of Helvetica text using it."""
    content = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(f"({t}) '" for t in lines) + " ET"
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName "
        "/Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> "
        "endcodespacerange 1 beginbfchar <41> <00660069> endbfchar endcmap CMapName "
        "currentdict /CMap defineresource pop end end"
    )
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer << /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_a_ligature_glyph_reads_as_its_letters(tmp_path):
    """A glyph standing for several characters (the "fi" of TeX's and Typst's
    ligatures) is read as those characters, not refused as a damaged PDF."""
    pdf = tmp_path / "typeset.pdf"
    pdf.write_bytes(_ligature_pdf(["The Aeld report", "and its Anal Agures."]))
    art = import_file(pdf, report=ImportReport())[0][0]
    text = " ".join([art.title_text] + [b.full_text for b in art.blocks])
    assert "field report" in text and "final figures." in text


SIZE, LEFT, CHARS = 16.0, 90.0, 28  # a body line of 28 hanzi at 三号


def _canvas(path):
    """A page canvas with the shipped faces registered (Fang, Hei, Song)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    fonts = ROOT / "resources" / "fonts"
    for name, file in (
        ("Fang", "lld-fang.ttf"),
        ("Hei", "lld-hei.ttf"),
        ("Song", "lld-biaosong.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    return canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)


def _draw(c, lines: list[tuple[str, str, float]], y: float = 740.0) -> None:
    """Each line (text, face, indent in characters) from the left margin, one hanzi a
    cell of the 三号 grid."""
    for text, face, indent in lines:
        c.setFont(face, SIZE)
        for k, ch in enumerate(text):
            c.drawString(LEFT + (indent + k) * SIZE, y, ch)
        y -= 1.8 * SIZE


def _set_pdf(path, lines: list[tuple[str, str, float]], title: tuple[str, ...] = ()) -> None:
    """A word processor's page: the lines on the 三号 grid, the ``title`` lines centred
    above in 二号 小标宋."""
    c = _canvas(path)
    y = 760.0
    for words in title:
        c.setFont("Song", 22)
        c.drawCentredString(LEFT + CHARS * SIZE / 2, y, words)
        y -= 1.6 * 22
    _draw(c, lines, y - (SIZE if title else 0.0))
    c.save()


def _paragraph(text: str) -> list[tuple[str, str, float]]:
    """A body paragraph's lines: two characters' indent, then 28 a line."""
    lines = [(text[:26], "Fang", 2.0)]
    rest = text[26:]
    while rest:
        lines.append((rest[:CHARS], "Fang", 0.0))
        rest = rest[CHARS:]
    return lines


def _read(pdf) -> list[tuple[str, str]]:
    art = import_file(pdf, report=ImportReport())[0][0]
    return [(b.kind.value, b.full_text) for b in art.blocks]


def test_a_heading_after_a_nearly_full_line_stands_alone(tmp_path):
    """The paragraph before a 一、 heading ends two characters short of the margin: room
    for 一 with its 、 hanging, as Word and WPS hang it; the heading, flush left as a web
    page pasted into Word sets it, starts its own paragraph."""
    first = (
        "为做好代表联络站建设工作，现就有关事项通知如下，请各"
        + "地认真贯彻落实各项要求，根据安排将有关事项通知如下："
    )
    assert len(first) == 26 + 26
    body = "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作。"
    pdf = tmp_path / "heading.pdf"
    _set_pdf(pdf, _paragraph(first) + [("一、总体要求", "Fang", 0.0)] + _paragraph(body))
    assert _read(pdf) == [
        ("paragraph", first),
        ("heading", "一、总体要求"),
        ("paragraph", body),
    ]


def test_a_line_in_the_headings_face_after_a_full_line_starts_a_paragraph(tmp_path):
    """A paragraph whose last line runs to the margin, then a heading set flush left in
    黑体: the change of face starts the heading, it is not run into the paragraph."""
    first = (
        "各市州要按照有场所、有制度、有活动的要求，认真做好代"
        + "表联络站建设工作，推动家站点全覆盖，切实发挥作用落实好。"
    )
    assert len(first) == 26 + CHARS
    pdf = tmp_path / "face.pdf"
    _set_pdf(pdf, _paragraph(first) + [("二、工作安排", "Hei", 0.0)] + _paragraph(first))
    assert _read(pdf) == [
        ("paragraph", first),
        ("heading", "二、工作安排"),
        ("paragraph", first),
    ]


def test_a_long_centred_title_in_a_larger_size_is_the_title(tmp_path):
    """A title over three centred lines in 二号, longer than a typed title line may be
    (over 40 characters): larger and centred, it is the title all the same."""
    title = (
        "关于印发《湖南省人大常委会代表",
        "联络站建设工作规范（试行）》和",
        "《代表履职档案管理办法》的通知",
    )
    assert len("".join(title)) > 40 and max(map(len, title)) <= 18
    body = [
        "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作，推动家站点全覆盖，"
        "切实发挥代表作用，把双联工作落到实处，确保四有标准落实到位。",
        "联络站建设情况请于八月十五日前报送省人大常委会联工委，逾期未报的将予以通报，请各地高度重视，"
        "加强组织领导，明确责任分工，确保各项工作按时完成。",
    ]
    pdf = tmp_path / "title.pdf"
    _set_pdf(pdf, [ln for para in body for ln in _paragraph(para)], title=title)
    art = import_file(pdf, report=ImportReport())[0][0]
    assert art.title_text == "".join(title)
    assert [b.full_text for b in art.blocks] == body


def _two_columns(
    path, title: str, paras: list[str], per_line: int = 13, head: str = "", pages: int = 1
) -> None:
    """A journal's page: ``title`` centred across it, then the paragraphs set in two
    columns of ``per_line`` hanzi (two characters' indent), down the left column and
    on down the right one, the columns' lines on one baseline grid; ``pages`` such
    pages (the title on the first), each under a running ``head`` set over the right
    column."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Fang", str(ROOT / "resources" / "fonts" / "lld-fang.ttf")))
    lines: list[tuple[str, int]] = []
    for text in paras:
        rest, indent = text, 2
        while rest:
            n = per_line - indent
            lines.append((rest[:n], indent))
            rest, indent = rest[n:], 0
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    for page in range(pages):
        c.setFont("Fang", 10.5)
        c.drawString(LEFT + (per_line + 2) * SIZE, 810, head)
        c.setFont("Fang", 22)
        c.drawCentredString(297, 780, title if page == 0 else "")
        half = (len(lines) + 1) // 2
        for k, (text, indent) in enumerate(lines):
            x = LEFT + (0 if k < half else (per_line + 2) * SIZE) + indent * SIZE
            y = 730 - (k % half) * 1.6 * SIZE
            c.setFont("Fang", SIZE)
            for j, ch in enumerate(text):
                c.drawString(x + j * SIZE, y, ch)
        c.showPage()
    c.save()


def test_two_columns_read_column_by_column(tmp_path):
    """Down the left column, then down the right: a paragraph running from the foot of
    the left column to the head of the right one is one paragraph."""
    paras = [
        "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作，推动家站点全覆盖。",
        "联络站建设情况请于八月十五日前报送省人大常委会联工委，逾期未报的将予以通报，请各地高度重视。",
        "各地要加强组织领导，明确责任分工，确保各项工作按时完成，切实发挥代表作用，把双联工作落到实处。",
        "省人大常委会将适时组织督导检查，对工作成效明显的予以通报表扬，对推进不力的督促整改到位。",
    ]
    pdf = tmp_path / "columns.pdf"
    _two_columns(pdf, "代表联络站建设情况通报", paras)
    art = import_file(pdf, report=ImportReport())[0][0]
    assert art.title_text == "代表联络站建设情况通报"
    assert [b.full_text for b in art.blocks] == paras


def _justified_pdf(path, lines: list[str], width: float = 300.0) -> None:
    """English lines set justified to ``width`` in Helvetica (the last one ragged), as
    a word processor sets a paragraph of Latin text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    y = 760.0
    for k, line in enumerate(lines * 3):  # three paragraphs of it, one font size
        words = line.split(" ")
        natural = pdfmetrics.stringWidth(line, "Helvetica", 12)
        last = k % len(lines) == len(lines) - 1
        gap = 0.0 if last or len(words) < 2 else (width - natural) / (len(words) - 1)
        t = c.beginText(72, y)
        t.setFont("Helvetica", 12)
        t.setWordSpace(gap)
        t.textLine(line)
        c.drawText(t)
        y -= 16 if not last else 32
    c.save()


def test_latin_lines_join_with_a_space_and_hyphenated_words_whole(tmp_path):
    """A paragraph of English over several lines: the lines join with a space, a word
    broken with a hyphen at a line's end is whole again."""
    lines = [
        "The society speaks for the profession of",
        "engineering management across the world; it",
        "was founded at the University of Mis-",
        "souri in 1979.",
    ]
    pdf = tmp_path / "latin.pdf"
    _justified_pdf(pdf, lines)
    want = (
        "The society speaks for the profession of engineering management across the "
        "world; it was founded at the University of Missouri in 1979."
    )
    art = import_file(pdf, report=ImportReport())[0][0]
    got = [art.title_text] + [b.full_text for b in art.blocks]
    assert want in got


def _two_pages(path, head: str, foot: str, paras: list[str]) -> None:
    """Two pages with a running head and a foot ``foot`` (formatted with the page and
    the page count), the paragraphs' lines split between them."""
    lines = [ln for text in paras for ln in _paragraph(text)]
    c = _canvas(path)
    for page, part in enumerate((lines[: len(lines) // 2], lines[len(lines) // 2 :]), 1):
        c.setFont("Fang", 10.5)
        c.drawCentredString(297, 800, head)
        c.drawCentredString(297, 40, foot.format(page=page, pages=2))
        _draw(c, part)
        c.showPage()
    c.save()


@pytest.mark.parametrize("foot", ["第 {page} 页，共 {pages} 页", "{page}/{pages}", "- {page} -"])
def test_running_head_and_page_foot_of_a_two_page_draft_left_out(tmp_path, foot):
    """A two-page office PDF: the head on both pages and the foot, in the forms word
    processors number pages with, are no text of the article."""
    paras = [
        "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作，推动家站点全覆盖，"
        "切实发挥代表作用，把双联工作落到实处，确保四有标准落实到位。",
        "联络站建设情况请于八月十五日前报送省人大常委会联工委，逾期未报的将予以通报，请各地高度重视，"
        "加强组织领导，明确责任分工，确保各项工作按时完成。",
    ]
    pdf = tmp_path / "pages.pdf"
    _two_pages(pdf, "湖南省人大常委会办公厅", foot, paras)
    report = ImportReport()
    art = import_file(pdf, report=report)[0][0]
    assert art.title_text == ""
    assert [b.full_text for b in art.blocks] == paras
    assert sum(report.left_out.values()) == 4  # two heads, two feet


def test_a_footnote_at_a_pages_foot_goes_to_the_end(tmp_path):
    """A paragraph running over a page break with a footnote in 小四 at the foot of the
    first page: the paragraph is one again, the note follows the text under 注释, as
    the Word reader places a draft's notes."""
    paras = [
        "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作，推动家站点全覆盖，"
        "切实发挥代表作用，把双联工作落到实处，确保四有标准落实到位。",
        "联络站建设情况请于八月十五日前报送省人大常委会联工委，逾期未报的将予以通报，请各地高度重视，"
        "加强组织领导，明确责任分工，确保各项工作按时完成。",
    ]
    note = "①见《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》。"
    lines = [ln for text in paras for ln in _paragraph(text)]
    pdf = tmp_path / "note.pdf"
    c = _canvas(pdf)
    for page, part in enumerate((lines[:4], lines[4:])):
        _draw(c, part)
        if page == 0:
            c.setFont("Fang", 12)
            c.drawString(LEFT, 80, note)
        c.showPage()
    c.save()
    report = ImportReport()
    art = import_file(pdf, report=report)[0][0]
    assert [b.full_text for b in art.blocks] == [*paras, "注释：", note]
    assert report.placed == {"report.notes": 1}


def test_a_running_head_over_the_right_column_is_left_out(tmp_path):
    """Three pages in two columns under a head set over the right column only: the head
    is a running head, found at the page's top before the columns are read (read
    first, the left column would stand above it)."""
    paras = [
        "各市州要按照有场所、有制度、有活动的要求，认真做好代表联络站建设工作，推动家站点全覆盖。",
        "联络站建设情况请于八月十五日前报送省人大常委会联工委，逾期未报的将予以通报，请各地高度重视。",
    ]
    pdf = tmp_path / "journal.pdf"
    _two_columns(pdf, "代表联络站建设情况通报", paras * 2, head="人大工作专栏", pages=3)
    report = ImportReport()
    art = import_file(pdf, report=report)[0][0]
    assert art.title_text == "代表联络站建设情况通报"
    assert report.left_out.get("report.header") == 3
