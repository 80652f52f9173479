"""Every picture format Word and WPS store is placed: PNG, JPEG, GIF, BMP, TIFF as they
are, WMF and EMF (clip art, equation objects) drawn through LibreOffice; without
LibreOffice, or for a picture that cannot be read, the picture is left out with one
named line and the draft still comes in."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from PIL import Image

from lianluo_desk.importers import ImportReport, import_file

from .conftest import cli
from .vectors import emf, wmf
from .wordxml import ole_picture, p, picture, write

TITLE = p("图片格式测试", '<w:jc w:val="center"/>')
RASTER = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "bmp": "BMP", "tif": "TIFF"}
# the colour each picture is filled with, told apart after conversion
COLOURS = {
    "png": (250, 0, 0),
    "jpg": (0, 250, 0),
    "gif": (0, 0, 250),
    "bmp": (250, 250, 0),
    "tif": (0, 250, 250),
}


def _raster(ext: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (300, 150), COLOURS[ext]).save(buf, RASTER[ext])
    return buf.getvalue()


def _draft(tmp_path, broken: bool = False):
    media = {f"image{k}.{ext}": _raster(ext) for k, ext in enumerate(RASTER)}
    media["image5.wmf"] = wmf(4000, 2000, (200, 0, 0))  # 4 × 2 cm
    media["image6.emf"] = emf(6000, 1500, (0, 0, 200))  # 6 × 1.5 cm
    media["image7.wmf"] = wmf(3000, 1000, (0, 120, 0))  # an equation object's picture
    body = TITLE
    for k in range(7):
        body += p(f"第{k + 1}幅图前的文字。") + f"<w:p>{picture(k)}</w:p>"
    body += f"<w:p><w:r><w:t>公式</w:t></w:r>{ole_picture(7)}<w:r><w:t>在此。</w:t></w:r></w:p>"
    if broken:
        media["image8.png"] = b"\x89PNG\r\n\x1a\nbroken"
        body += f"<w:p>{picture(8)}</w:p>"
    body += p("图后的文字。")
    return write(tmp_path / "图片.docx", body, media=media)


def _centre(path) -> tuple[int, int, int]:
    with Image.open(path) as im:
        return im.convert("RGB").getpixel((im.width // 2, im.height // 2))


@pytest.mark.slow
def test_every_picture_format_placed(tmp_path):
    report = ImportReport()
    assets = tmp_path / "i.assets"
    art = import_file(_draft(tmp_path), assets, "i.assets", report)[0][0]
    images = [b for b in art.blocks if b.kind.value == "image"]
    assert len(images) == 8, report.summary()
    for ext, b in zip(RASTER, images, strict=False):
        got = _centre(tmp_path / b.path)
        assert all(abs(x - y) <= 8 for x, y in zip(got, COLOURS[ext], strict=True)), ext
    # the metafiles drawn at their own size (150 pixels an inch) and colour
    for b, colour, cm in zip(
        images[5:], [(200, 0, 0), (0, 0, 200), (0, 120, 0)], [4, 6, 3], strict=True
    ):
        assert _centre(tmp_path / b.path) == colour
        with Image.open(tmp_path / b.path) as im:
            assert abs(im.width - cm / 2.54 * 150) <= 3
    assert "WMF" not in report.summary() and "图片" not in report.summary()


@pytest.mark.slow
def test_pictures_reach_the_pdf(tmp_path):
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(_draft(tmp_path)))
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "i.pdf"
    res = cli("export", str(issue), "--pdf", str(pdf))
    assert res.returncode == 0, res.stderr
    with pdfplumber.open(pdf) as doc:
        assert sum(len(page.images) for page in doc.pages) == 8


@pytest.mark.parametrize("broken", [False, True])
def test_without_libreoffice_metafiles_left_out_in_one_line(tmp_path, broken):
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(_draft(tmp_path, broken)), env={"LIANLUO_DESK_SOFFICE": ""})
    assert res.returncode == 0, res.stderr
    line = next(ln for ln in res.stdout.splitlines() if "left out" in ln)
    assert "图片.docx" in line and "WMF/EMF pictures" in line and " 3" in line
    assert "LibreOffice" in line
    assert ("unreadable pictures" in line) is broken
    assert len(list((tmp_path / "i.assets").iterdir())) == 5


def test_picture_in_a_text_box_placed_once(tmp_path):
    from .test_word_constructs import _drawing_box

    box = _drawing_box(p("框里的图：") + f"<w:p>{picture(0)}</w:p>")
    body = TITLE + f"<w:p><w:r><w:t>锚定段落。</w:t></w:r>{box}</w:p>" + p("下一段。")
    draft = write(tmp_path / "d.docx", body, media={"image0.png": _raster("png")})
    art = import_file(draft, tmp_path / "a", "a")[0][0]
    assert [(b.kind.value, b.text) for b in art.blocks] == [
        ("paragraph", "锚定段落。"),
        ("paragraph", "框里的图："),
        ("image", ""),
        ("paragraph", "下一段。"),
    ]


def test_picture_a_tracked_change_deleted_is_not_placed(tmp_path):
    who = 'w:author="审稿人" w:date="2022-08-10T09:00:00Z"'
    body = (
        TITLE
        + f'<w:p><w:del w:id="1" {who}>{picture(0)}</w:del></w:p>'
        + f'<w:p><w:ins w:id="2" {who}>{picture(1)}</w:ins></w:p>'
        + p("正文。")
    )
    media = {"image0.png": _raster("png"), "image1.jpg": _raster("jpg")}
    art = import_file(write(tmp_path / "d.docx", body, media=media), tmp_path / "a", "a")[0][0]
    images = [b for b in art.blocks if b.kind.value == "image"]
    assert len(images) == 1
    got = _centre(tmp_path / images[0].path)
    assert all(abs(x - y) <= 8 for x, y in zip(got, COLOURS["jpg"], strict=True))


def test_a_draft_of_one_picture_comes_in_as_that_picture(tmp_path):
    """A sound office file holding only a picture (a scanned form, a chart sent as an
    attachment) is a draft: it comes in as a picture block, without a title."""
    draft = write(
        tmp_path / "附件1.docx", f"<w:p>{picture(0)}</w:p>", media={"image0.png": _raster("png")}
    )
    report = ImportReport()
    arts, _past = import_file(draft, tmp_path / "a", "a", report)
    assert len(arts) == 1 and not arts[0].title
    assert [b.kind.value for b in arts[0].blocks] == ["image"]
    issue = tmp_path / "i.lld"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    res = cli("add", str(issue), str(draft))
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "i.pdf"
    assert cli("export", str(issue), "--pdf", str(pdf)).returncode == 0
    with pdfplumber.open(pdf) as doc:
        assert sum(len(page.images) for page in doc.pages) == 1
