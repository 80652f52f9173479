"""The PDF read back: text in reading order, fonts embedded, page numbers, determinism."""

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from lianluo_desk.export.pdf import render_pdf

from .conftest import MM


@pytest.fixture(scope="module")
def pdf_bytes(big_doc):
    return render_pdf(big_doc)


def test_deterministic(big_doc, pdf_bytes):
    assert render_pdf(big_doc) == pdf_bytes


def test_every_font_embedded(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            if font.get("/Subtype") == "/Type0":  # a CID font: the descriptor is its descendant's
                font = font["/DescendantFonts"][0].get_object()
            desc = font.get("/FontDescriptor")
            assert desc is not None, font.get("/BaseFont")
            desc = desc.get_object()
            assert "/FontFile2" in desc, font["/BaseFont"]
            seen += 1
    assert seen > 0


def test_metadata(pdf_bytes):
    meta = PdfReader(io.BytesIO(pdf_bytes)).metadata
    assert meta.title.startswith("联络动态2022年第16期")
    assert meta.author == "湖南省人大常委会选举任免联络工作委员会"
    assert meta.subject == "联络动态2022年第16期"


@pytest.mark.slow
def test_text_extracts_in_reading_order(pdf_bytes, big_issue):
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages)
    flat = text.replace("\n", "").replace(" ", "")
    assert "联络动态" in flat and "（总第六百六十七期）" in flat
    # every paragraph's text appears, in order
    pos = 0
    for art in big_issue.articles:
        for b in art.blocks:
            probe = b.full_text.replace(" ", "").replace("\u3000", "")[:12]
            if not probe:
                continue
            found = flat.find(probe, pos)
            assert found >= 0, probe
            pos = found


def test_geometry_read_back(pdf_bytes):
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[2]
        h = page.height
        lines: dict[float, list] = {}
        for ch in page.chars:
            if ch["size"] == pytest.approx(16, abs=0.01):  # by baseline (faces differ in bbox)
                lines.setdefault(round(ch["matrix"][5], 1), []).append(ch)
        assert len(lines) == 22
        left = min(c["x0"] for cs in lines.values() for c in cs)
        right = max(c["x1"] for cs in lines.values() for c in cs)
        assert left == pytest.approx(28 * MM, abs=0.1)
        assert right == pytest.approx(184 * MM, abs=0.5 * MM)
        folio = [c for c in page.chars if c["size"] == pytest.approx(14) and c["top"] > h - 35 * MM]
        digits = "".join(c["text"] for c in folio if c["text"].isdigit())
        assert digits == "3"
        assert max(c["x1"] for c in folio) > 170 * MM  # odd page: right
        page4 = pdf.pages[3]
        folio4 = [
            c for c in page4.chars if c["size"] == pytest.approx(14) and c["top"] > h - 35 * MM
        ]
        assert min(c["x0"] for c in folio4) < 40 * MM  # even page: left


def test_faux_bold_stays_on_its_run(composer):
    """Text render mode is graphics state that outlives a text object: after a bold
    run-in heading the body text and the folio must be filled again, not stroked."""
    from pypdf.generic import ContentStream

    from lianluo_desk.layout.boxes import GlyphRun

    from .conftest import past

    doc = composer.compose(past("2021-no02").issue)
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    checked = 0
    for page, pdf_page in zip(doc.pages, reader.pages, strict=True):
        runs = [it for it in page.items if isinstance(it, GlyphRun)]
        ops = ContentStream(pdf_page.get_contents(), reader).operations
        mode, blocks, saved = 0, [], []
        for operands, op in ops:
            if op == b"q":
                saved.append(mode)
            elif op == b"Q":
                mode = saved.pop()
            elif op == b"Tr":
                mode = int(operands[0])
            elif op == b"BT":
                blocks.append(None)
            elif op in (b"Tj", b"TJ") and blocks[-1] is None:
                blocks[-1] = mode
        assert len(blocks) == len(runs)
        assert blocks == [2 if r.bold else 0 for r in runs]
        checked += sum(1 for r in runs if r.bold)
    assert checked >= 5  # the 2021 issue's numbered run-in headings are bold
