"""The PDF/A-2b archive copy: two independent validators pass it (page-validation, a
veraPDF-corpus checker, and pikepdf's allow-list validator), its XMP says what the
document information says, the issue's date and no clock's, and its bytes are the same
run to run."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import page
import pdfplumber
import pikepdf
import pikepdf.pdfa
import pytest
from PIL import Image

from lianluo_desk.export.pdf import PdfCache, render_pdf
from lianluo_desk.model.issue import Block, BlockKind

from .conftest import FROZEN, ROOT, cli, past
from .tabledata import table_issue


def validate(data: bytes, where: Path) -> None:
    """Both validators on the file: page-validation compliant, pikepdf no violation."""
    report = page.validate_pdf_bytes(data, profile="2b")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
    where.write_bytes(data)
    pk = pikepdf.pdfa.validate_written(str(where), "2b")
    violations = [str(f) for f in pk.findings if f.kind == "violation"]
    assert violations == []
    print("pikepdf unsupported:", sorted({f.rule for f in pk.findings}))


def _picture_issue(tmp_path: Path):
    """A printed issue with the work table (over two pages) and two pictures: a PNG with
    transparency (a soft mask) and a JPEG (passed through)."""
    issue = table_issue(16)
    issue.origin = str(tmp_path / "issue.lld")  # pictures only from its own assets folder
    (tmp_path / "issue.assets").mkdir(exist_ok=True)
    png, jpg = tmp_path / "issue.assets" / "p.png", tmp_path / "issue.assets" / "q.jpg"
    im = Image.new("RGBA", (600, 300), (200, 30, 30, 255))
    im.paste((30, 60, 200, 96), (0, 0, 300, 300))
    im.save(png)
    Image.new("RGB", (400, 300), (40, 160, 90)).save(jpg, quality=80)
    blocks = issue.articles[0].blocks
    blocks.insert(1, Block(BlockKind.IMAGE, path="issue.assets/p.png", caption="图1 座谈会现场"))
    blocks.append(Block(BlockKind.IMAGE, path="issue.assets/q.jpg", caption="图2 调研现场"))
    return issue


def _long_issue(big_issue):
    """Over 200 pages: the test issue's articles six times over."""
    issue = copy.deepcopy(big_issue)
    issue.articles = [a for _ in range(6) for a in big_issue.articles]
    return issue


def _sample():
    from lianluo_desk.model.store import load_issue

    return load_issue(ROOT / "resources" / "sample" / "sample-issue.json")


@pytest.mark.parametrize("name", ["sample", "2021-no02", "2018-no01", "2022-no07", "pictures"])
def test_validators_pass(name, composer, tmp_path):
    issue = (
        _sample()
        if name == "sample"
        else _picture_issue(tmp_path)
        if name == "pictures"
        else past(name).issue
    )
    doc = composer.compose(issue)
    data = render_pdf(doc, PdfCache(), pdfa=True)
    validate(data, tmp_path / "a.pdf")
    if name == "pictures":  # the pictures and the table are there
        with pikepdf.open(io.BytesIO(data)) as pdf:
            images = {
                k
                for p in pdf.pages
                for k in p.Resources.get("/XObject", {}).keys()  # noqa: SIM118
            }
        assert len(images) == 2
        assert any(ln.role == "image" for p in doc.pages for ln in p.lines)
        assert any(p.cells for p in doc.pages)


@pytest.mark.slow
def test_two_hundred_pages(big_issue, composer, tmp_path):
    doc = composer.compose(_long_issue(big_issue))
    assert len(doc.pages) >= 200
    validate(render_pdf(doc, PdfCache(), pdfa=True), tmp_path / "long.pdf")


def test_a_stream_ending_in_cr_keeps_its_length():
    """Deflated data may end in CR: the end of line before ``endstream`` is then CR LF,
    so no reader takes the CR for part of it (page-validation counted the stream a byte
    short on four pages of a 296-page issue)."""
    from lianluo_desk.export.pdfsyntax import stream

    assert stream(b"", b"ab\r").endswith(b"/Length 3>>\nstream\nab\r\r\nendstream")
    assert stream(b"", b"ab\n").endswith(b"/Length 3>>\nstream\nab\n\nendstream")


def test_the_plain_pdf_is_not_taken_for_an_archive_copy(big_doc):
    """The validators do refuse: the ordinary PDF has no XMP and no output intent."""
    report = page.validate_pdf_bytes(render_pdf(big_doc, PdfCache()), profile="2b")
    assert not report.is_compliant


def _xmp(data: bytes) -> str:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")


def test_metadata_agrees_with_the_information_dictionary(big_doc):
    data = render_pdf(big_doc, PdfCache(), pdfa=True)
    xmp = _xmp(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = {k: str(v) for k, v in pdf.docinfo.items()}
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
        icc = intents[0].DestOutputProfile.read_bytes()
        assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB "
        assert pdf.pdf_version == "1.7"
        assert len(pdf.trailer.ID) == 2
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    title = re.search(r'<dc:title>.*?x-default">(.*?)</rdf:li>', xmp).group(1)
    assert title == info["/Title"] and title.startswith("联络动态2022年第16期")
    creator = re.search(r"<dc:creator><rdf:Seq><rdf:li>(.*?)</rdf:li>", xmp).group(1)
    assert creator == info["/Author"] == "湖南省人大常委会选举任免联络工作委员会"
    day = FROZEN.strftime("%Y%m%d")
    assert info["/CreationDate"] == info["/ModDate"] == f"D:{day}000000+08'00'"
    assert f"<xmp:CreateDate>{FROZEN.isoformat()}T00:00:00+08:00</xmp:CreateDate>" in xmp
    # only the namespaces PDF/A knows without extension schemas
    spaces = set(re.findall(r'xmlns:(\w+)="', xmp))
    assert spaces == {"x", "rdf", "dc", "xmp", "pdf", "pdfaid"}


def test_no_notdef_drawn(big_doc):
    """Every glyph code in the content streams is a real glyph, never 0 (.notdef)."""
    data = render_pdf(big_doc, PdfCache(), pdfa=True)
    seen = 0
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            for operands, op in pikepdf.parse_content_stream(p):
                if str(op) == "Tj":
                    codes = bytes(operands[0])
                    pairs = [codes[i : i + 2] for i in range(0, len(codes), 2)]
                    assert b"\0\0" not in pairs
                    seen += len(pairs)
    assert seen > 10_000


@pytest.mark.slow
def test_same_bytes_run_to_run_and_the_text_unchanged(big_doc, monkeypatch):
    first = render_pdf(big_doc, PdfCache(), pdfa=True)
    import time

    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # a clock elsewhere
    from lianluo_desk.export import pdfa

    pdfa.srgb_profile.cache_clear()
    assert render_pdf(big_doc, PdfCache(), pdfa=True) == first
    plain = render_pdf(big_doc, PdfCache())
    with pdfplumber.open(io.BytesIO(first)) as a, pdfplumber.open(io.BytesIO(plain)) as b:
        for pa, pb in zip(a.pages, b.pages, strict=True):
            assert [(c["text"], c["x0"], c["top"]) for c in pa.chars] == [
                (c["text"], c["x0"], c["top"]) for c in pb.chars
            ]


def test_export_command_writes_pdfa(tmp_path):
    issue = tmp_path / "i.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    out = tmp_path / "a.pdf"
    r = cli("export", str(issue), "--pdfa", str(out))
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    validate(out.read_bytes(), tmp_path / "b.pdf")


@pytest.mark.slow
def test_publish_stores_pdfa(tmp_path, library):
    issue = tmp_path / "i.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    draft = tmp_path / "d.txt"
    draft.write_text("关于代表工作的通知\n\n各有关单位：请认真贯彻落实。\n", "utf-8")
    assert cli("add", str(issue), str(draft)).returncode == 0
    r = cli("publish", str(issue))
    assert r.returncode == 0, r.stderr
    stored = list((library / "published").glob("*.pdf"))
    assert len(stored) == 1
    validate(stored[0].read_bytes(), tmp_path / "c.pdf")
