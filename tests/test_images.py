"""Images: normalised on import (EXIF orientation, CMYK → RGB, 300 dpi), placed centred on
whole grid lines with the caption under them, embedded in the PDF."""

import io

import docx
import pytest
from PIL import Image
from pypdf import PdfReader

from lianluo_desk.images import normalise

from .conftest import MM, cli


def _jpeg_cmyk_rotated(w=4000, h=1000):
    im = Image.new("CMYK", (w, h), (0, 255, 255, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif)
    return buf.getvalue()


def test_normalise_orientation_colour_and_resolution():
    data, ext, (w, h) = normalise(_jpeg_cmyk_rotated(), "x.jpg")
    assert ext == "jpg"
    im = Image.open(io.BytesIO(data))
    assert im.mode == "RGB"
    assert (w, h) == im.size
    assert h > w  # EXIF orientation applied: the 4000×1000 picture stands upright
    assert w <= round(156 / 25.4 * 300)


def test_unreadable_image_refused():
    from lianluo_desk.errors import UserError

    with pytest.raises(UserError) as e:
        normalise(b"\x89PNG\r\n\x1a\nbroken", "x.png")
    assert e.value.code == "image.unreadable" and e.value.params["where"] == "x.png"


@pytest.mark.slow
def test_image_in_word_draft_reaches_the_pdf(tmp_path):
    pic = tmp_path / "p.png"
    Image.new("P", (1200, 600), 3).save(pic)
    d = docx.Document()
    d.add_paragraph("图片测试")
    d.add_paragraph("图前的一段正文。" * 5)
    d.add_picture(str(pic))
    d.add_paragraph("图1 培训班现场")
    d.add_paragraph("图后的一段正文。" * 5)
    draft = tmp_path / "d.docx"
    d.save(draft)
    issue = tmp_path / "i.json"
    cli("new", str(issue), "--date", "2022-08-15")
    r = cli("add", str(issue), str(draft))
    assert r.returncode == 0, r.stderr
    assets = list((tmp_path / "i.assets").iterdir())
    assert len(assets) == 1 and assets[0].suffix == ".png"
    pdf = tmp_path / "a.pdf"
    r = cli("export", str(issue), "--pdf", str(pdf), "--docx", str(tmp_path / "a.docx"))
    assert r.returncode == 0, r.stderr
    page = PdfReader(pdf).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    assert len(xobjects) == 1

    from lianluo_desk import service
    from lianluo_desk.model.store import load_issue

    doc = service.layout(load_issue(issue))
    lines = doc.pages[0].lines
    img = [ln for ln in lines if ln.role == "image"][0]
    cap = [ln for ln in lines if ln.role == "caption"][0]
    after = [ln for ln in lines if ln.role == "body" and ln.slot > cap.slot][0]
    assert (img.x0 - 28 * MM) == pytest.approx(184 * MM - img.x1, abs=0.01)  # centred
    assert img.x1 - img.x0 <= 156 * MM + 0.01
    assert img.baseline <= 37 * MM + cap.slot * (225 * MM / 22) + 0.01  # above caption
    assert cap.text == "图1 培训班现场"
    assert after.slot == cap.slot + 1
    pitch = 225 * MM / 22
    assert after.baseline == pytest.approx(
        37 * MM + after.slot * pitch + (pitch - 16) / 2 + 0.88 * 16, abs=0.01
    )  # the grid resumes


def _issue_with_picture(tmp_path, size: tuple[int, int], colour: str):
    """An issue (in ``tmp_path/a``) made from a Word draft holding one picture."""
    pic = tmp_path / "p.png"
    Image.new("RGB", size, colour).save(pic)
    d = docx.Document()
    d.add_paragraph("图片测试")
    d.add_picture(str(pic))
    draft = tmp_path / "d.docx"
    d.save(draft)
    issue = tmp_path / "a" / "i.json"
    issue.parent.mkdir()
    cli("new", str(issue), "--date", "2022-08-15")
    cli("add", str(issue), str(draft))
    return issue


def test_save_as_elsewhere_keeps_images(tmp_path):
    from lianluo_desk.model.store import load_issue, save_issue
    from lianluo_desk.service import layout, relocate_assets

    issue = _issue_with_picture(tmp_path, (800, 400), "#c33")
    model = load_issue(issue)
    target = tmp_path / "b" / "copy.json"
    target.parent.mkdir()
    assert relocate_assets(model, target) == 1
    save_issue(model, target)
    doc = layout(load_issue(target))
    assert any(type(it).__name__ == "ImageBox" for p in doc.pages for it in p.items)


@pytest.mark.slow
def test_pdf_of_an_issue_moved_to_another_folder_is_the_same(tmp_path):
    """Same input, same bytes: where the issue and its images are kept does not enter
    the PDF (an image used to be named after its absolute path)."""
    import shutil

    first = _issue_with_picture(tmp_path, (600, 300), "#36c")
    moved = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(first.parent, moved)
    out = []
    for issue in (first, moved / "i.json"):
        pdf = issue.with_suffix(".pdf")
        cli("export", str(issue), "--pdf", str(pdf))
        out.append(pdf.read_bytes())
    assert out[0] == out[1]
