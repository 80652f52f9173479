"""A PDF without a text layer (pages scanned into a PDF) comes in as the pictures of its
pages, as a Word draft of scanned pages does, with the same notice; a PDF of blank pages
is still refused."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from lianluo_desk.catalogue import say
from lianluo_desk.errors import UserError
from lianluo_desk.importers import ImportReport, import_file
from lianluo_desk.model.issue import BlockKind

from .conftest import cli

PAGES = (A4, landscape(A4))  # a portrait page, then a landscape one


def _scan(path: Path, pages: tuple[tuple[float, float], ...], ink: bool = True) -> Path:
    """A PDF whose pages are raster images of lines of text (the second with a red
    stamp), drawn without a text layer, as a scanner writes them."""
    c = canvas.Canvas(str(path), pageCompression=1)
    for k, (w, h) in enumerate(pages):
        c.setPageSize((w, h))
        im = Image.new("RGB", (round(w * 100 / 72), round(h * 100 / 72)), "white")
        if ink:
            draw = ImageDraw.Draw(im)
            for y in range(120, im.height - 120, 40):
                draw.rectangle((100, y, im.width - 100 - (y % 200), y + 18), fill=(30, 30, 30))
            if k == 1:  # a red seal
                box = (im.width - 400, 100, im.width - 150, 350)
                draw.ellipse(box, outline=(220, 0, 0), width=12)
        buf = io.BytesIO()
        im.save(buf, "PNG")
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, w, h)
        c.showPage()
    c.save()
    return path


def test_a_scanned_pdf_comes_in_as_its_pages_pictures(tmp_path):
    src = _scan(tmp_path / "扫描件.pdf", PAGES)
    with pdfplumber.open(src) as doc:
        assert not any(page.chars for page in doc.pages)  # no text layer
    report = ImportReport()
    arts, past = import_file(src, tmp_path / "assets", "assets", report)
    assert past is None and len(arts) == 1
    blocks = arts[0].blocks
    assert [b.kind for b in blocks] == [BlockKind.IMAGE, BlockKind.IMAGE]
    assert say("draft.scans_only") in arts[0].warnings
    modes = []
    for b, (w, h) in zip(blocks, PAGES, strict=True):
        picture = tmp_path / b.path
        assert picture.is_file() and picture.suffix == ".png"
        with Image.open(picture) as im:
            assert abs(im.width / im.height - w / h) < 0.01  # the page's shape
            # sharp at the text width (156 mm): 150 dpi at least, or the text height
            assert im.width >= 156 / 25.4 * 150 or im.height >= 225 / 25.4 * 150
            modes.append(im.mode)
        assert picture.stat().st_size < 1_000_000
    assert modes == ["L", "RGB"]  # grey where the page has no colour

    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(src))
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "i.pdf"
    res = cli("export", str(issue), "--pdf", str(pdf))
    assert res.returncode == 0, res.stderr
    with pdfplumber.open(pdf) as doc:
        placed = [(k, im) for k, page in enumerate(doc.pages) for im in page.images]
        assert len(placed) == 2
        pages = [k for k, _im in placed]
        assert pages[1] > pages[0]  # a page's picture fills its page: one page each
        for (_k, im), (w, h) in zip(placed, PAGES, strict=True):
            shown_w, shown_h = im["x1"] - im["x0"], im["bottom"] - im["top"]
            assert abs(shown_w / shown_h - w / h) < 0.02
            assert shown_w <= 156 / 25.4 * 72 + 0.5  # within the text width


def test_a_pdf_of_blank_pages_is_still_refused(tmp_path):
    blank = tmp_path / "blank.pdf"
    Image.new("RGB", (200, 300), "white").save(blank)
    for src in (blank, _scan(tmp_path / "blank2.pdf", PAGES, ink=False)):
        with pytest.raises(UserError) as e:
            import_file(src, tmp_path / "assets", "assets")
        assert e.value.code == "draft.pdf_no_text" and e.value.params == {"where": src}
    assert not (tmp_path / "assets").exists()
