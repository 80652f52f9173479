"""The OFD read back: the package's structure (IDs unique, references resolve, MaxUnitID,
every font file there and mapping its characters), the metadata, and every glyph at the
position the PDF of the same layout puts it."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pdfplumber
import pytest
from fontTools.ttLib import TTFont

from lianluo_desk.export.ofd import render_ofd
from lianluo_desk.export.ofd.page import delta_x
from lianluo_desk.export.pdf import PdfCache, render_pdf

from .conftest import FROZEN, cli
from .test_pdfa import _picture_issue

NS = {"ofd": "http://www.ofdspec.org/2016"}
PT = 25.4 / 72


@pytest.fixture(scope="module")
def ofd_bytes(big_doc):
    return render_ofd(big_doc)


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _xml(files: dict[str, bytes], name: str) -> ET.Element:
    return ET.fromstring(files[name])


def _expand(delta: str) -> list[float]:
    out: list[float] = []
    parts = delta.split()
    i = 0
    while i < len(parts):
        if parts[i] == "g":
            out += [float(parts[i + 2])] * int(parts[i + 1])
            i += 3
        else:
            out.append(float(parts[i]))
            i += 1
    return out


def ofd_glyphs(files: dict[str, bytes]) -> list[list[tuple[str, float, float, str]]]:
    """Per page: (character, x, baseline, font id) in millimetres from the top left."""
    doc = _xml(files, "Doc_0/Document.xml")
    pages = []
    for p in doc.iterfind("ofd:Pages/ofd:Page", NS):
        content = _xml(files, "Doc_0/" + p.get("BaseLoc"))
        glyphs = []
        for t in content.iter(f"{{{NS['ofd']}}}TextObject"):
            bx, by, _w, _h = map(float, t.get("Boundary").split())
            for code in t.iterfind("ofd:TextCode", NS):
                x = bx + float(code.get("X"))
                y = by + float(code.get("Y"))
                deltas = _expand(code.get("DeltaX", ""))
                assert len(deltas) == len(code.text) - 1
                for k, ch in enumerate(code.text):
                    glyphs.append((ch, x, y, t.get("Font")))
                    if k < len(deltas):
                        x += deltas[k]
        pages.append(glyphs)
    return pages


def test_structure(ofd_bytes):
    files = _files(ofd_bytes)
    assert list(files) == sorted(files)  # entries sorted
    root = _xml(files, "OFD.xml")
    doc_root = root.find("ofd:DocBody/ofd:DocRoot", NS).text
    assert doc_root == "Doc_0/Document.xml"
    doc = _xml(files, doc_root)
    common = doc.find("ofd:CommonData", NS)
    box = common.find("ofd:PageArea/ofd:PhysicalBox", NS).text.split()
    assert [float(v) for v in box] == pytest.approx([0, 0, 210, 297], abs=0.01)
    max_id = int(common.find("ofd:MaxUnitID", NS).text)
    ids: list[int] = []
    xml_names = [n for n in files if n.endswith(".xml")]
    for n in xml_names:
        ids += [int(e.get("ID")) for e in _xml(files, n).iter() if e.get("ID") is not None]
    assert len(ids) == len(set(ids)) and max(ids) <= max_id
    # resources: every font file and picture there, every reference resolves
    res = _xml(files, "Doc_0/" + common.find("ofd:PublicRes", NS).text)
    base = "Doc_0/" + res.get("BaseLoc") + "/"
    fonts = {}
    for f in res.iterfind("ofd:Fonts/ofd:Font", NS):
        path = base + f.find("ofd:FontFile", NS).text
        assert path in files
        fonts[f.get("ID")] = TTFont(io.BytesIO(files[path]))
    pages = doc.findall("ofd:Pages/ofd:Page", NS)
    assert len(pages) >= 20
    used: dict[str, set[str]] = {}
    for p in pages:
        content = _xml(files, "Doc_0/" + p.get("BaseLoc"))
        for t in content.iter(f"{{{NS['ofd']}}}TextObject"):
            assert t.get("Font") in fonts
            used.setdefault(t.get("Font"), set()).update(t.find("ofd:TextCode", NS).text)
    for fid, chars in used.items():  # each embedded subset maps the characters set in it
        cmap = fonts[fid].getBestCmap()
        hmtx = fonts[fid]["hmtx"]
        for ch in chars:
            assert ord(ch) in cmap, (fid, ch)
            assert hmtx[cmap[ord(ch)]][0] > 0 or ch.isspace()


def test_glyphs_where_the_pdf_has_them(big_doc, ofd_bytes):
    """Same characters in the same order on every page, each within 0.05 mm of the PDF's."""
    pages = ofd_glyphs(_files(ofd_bytes))
    pdf = render_pdf(big_doc, PdfCache())
    worst = 0.0
    count = 0
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == len(pages)
        for pp, og in zip(doc.pages, pages, strict=True):
            chars = [c for c in pp.chars if c["text"].strip()]
            og = [g for g in og if g[0].strip()]
            assert "".join(c["text"] for c in chars) == "".join(g[0] for g in og)
            for c, g in zip(chars, og, strict=True):
                x, baseline = c["matrix"][4] * PT, (pp.height - c["matrix"][5]) * PT
                worst = max(worst, abs(x - g[1]), abs(baseline - g[2]))
                count += 1
    assert count > 10_000
    assert worst < 0.05


def test_masthead_line_and_rules_are_paths(ofd_bytes):
    files = _files(ofd_bytes)
    first = _xml(files, "Doc_0/Pages/Page_0/Content.xml")
    paths = list(first.iter(f"{{{NS['ofd']}}}PathObject"))
    red = [p for p in paths if p.find("ofd:StrokeColor", NS) is not None]
    assert red and red[0].find("ofd:StrokeColor", NS).get("Value") == "230 0 18"
    _x, _y, w, _h = map(float, red[0].get("Boundary").split())
    assert w > 150  # across the type area (156 mm)
    assert re.fullmatch(r"M [\d.]+ [\d.]+ L [\d.]+ [\d.]+", red[0][-1].text)


def test_metadata_and_families(ofd_bytes):
    files = _files(ofd_bytes)
    info = _xml(files, "OFD.xml").find("ofd:DocBody/ofd:DocInfo", NS)
    assert info.find("ofd:Title", NS).text.startswith("联络动态2022年第16期")
    assert info.find("ofd:Author", NS).text == "湖南省人大常委会选举任免联络工作委员会"
    assert info.find("ofd:CreationDate", NS).text == FROZEN.isoformat()
    assert re.fullmatch(r"[0-9a-f]{32}", info.find("ofd:DocID", NS).text)
    res = _xml(files, "Doc_0/PublicRes.xml")
    names = {f.get("FamilyName") for f in res.iterfind("ofd:Fonts/ofd:Font", NS)}
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"} <= names


def test_same_bytes_run_to_run(big_doc, ofd_bytes):
    assert render_ofd(big_doc) == ofd_bytes
    with zipfile.ZipFile(io.BytesIO(ofd_bytes)) as z:
        assert {i.date_time for i in z.infolist()} == {(2022, 8, 15, 0, 0, 0)}


def test_delta_x_repeats():
    assert delta_x(["5.644", "5.644", "5.644", "2.8", "5.644"]) == "g 3 5.644 2.8 5.644"
    assert _expand("g 3 5.644 2.8 5.644") == [5.644] * 3 + [2.8, 5.644]


def test_pictures_as_images(tmp_path, composer):
    doc = composer.compose(_picture_issue(tmp_path))
    files = _files(render_ofd(doc))
    res = _xml(files, "Doc_0/DocumentRes.xml")
    media = {m.get("ID"): m for m in res.iterfind("ofd:MultiMedias/ofd:MultiMedia", NS)}
    assert sorted(m.get("Format") for m in media.values()) == ["JPEG", "PNG"]
    for m in media.values():
        assert "Doc_0/Res/" + m.find("ofd:MediaFile", NS).text in files
    shown = []
    for n in sorted(files):
        if n.endswith("Content.xml"):
            shown += [
                e.get("ResourceID") for e in _xml(files, n).iter(f"{{{NS['ofd']}}}ImageObject")
            ]
    assert sorted(shown) == sorted(media)
    boxes = [b for p in doc.pages for b in p.items if type(b).__name__ == "ImageBox"]
    assert len(boxes) == 2


def test_export_command_writes_ofd(tmp_path):
    issue = tmp_path / "i.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    out = tmp_path / "a.ofd"
    r = cli("export", str(issue), "--ofd", str(out), "--pdf", str(tmp_path / "a.pdf"))
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    files = _files(out.read_bytes())
    assert "OFD.xml" in files and "Doc_0/Pages/Page_0/Content.xml" in files


@pytest.mark.parametrize("count", [3, 9000])
def test_cmap_maps_every_character(count):
    """Format 4 for the BMP (as many segments as fit its 16-bit length), format 12 for
    the rest and for characters beyond the BMP; fontTools reads back every mapping."""
    from fontTools.ttLib.tables._c_m_a_p import table__c_m_a_p

    from lianluo_desk.export.ofd.fonts import cmap_table

    chars = {0x4E00 + 2 * k: 7 + 3 * k for k in range(count)}  # no two in a run
    chars[0x20000] = 5
    chars[0x4E00 + 2 * count] = 7 + 3 * count + 3  # a run of two with the next
    chars[0x4E00 + 2 * count + 1] = 7 + 3 * count + 4
    font = TTFont()
    font.setGlyphOrder([f"glyph{g:05d}" for g in range(3 * count + 20)])
    table = table__c_m_a_p()
    table.decompile(cmap_table(chars), font)
    by_format = {t.format: t.cmap for t in table.tables}
    assert by_format[12] == {c: f"glyph{g:05d}" for c, g in chars.items()}
    if count < 8000:
        assert by_format[4] == {c: f"glyph{g:05d}" for c, g in chars.items() if c < 0x10000}
