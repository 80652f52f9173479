"""Font metrics cached by the font file's hash: the PDF is the same whether the cache is
cold, warm or damaged; a font that changed is parsed again; faces not used are never
parsed. And the PDF writer's own cache (pages, subsets) never changes a byte."""

from __future__ import annotations

import copy
import hashlib
import io
import json

import pdfplumber
import pytest

from lianluo_desk.export.pdf import PdfCache, render_pdf
from lianluo_desk.layout import fontcache
from lianluo_desk.layout.engine import Composer
from lianluo_desk.layout.fonts import FontSet
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE

from .test_fonts import _tiny_font


@pytest.fixture
def fresh_process(monkeypatch):
    """Forget what this process has read, as a new process would."""
    monkeypatch.setattr(fontcache, "_CACHES", {})


def _export(template, lib, issue) -> tuple[bytes, FontSet]:
    fontcache._CACHES.clear()  # each export as from a new process
    fs = FontSet(template, system_fonts=False, cache=lib / "cache" / "system-fonts.json")
    doc = Composer(template, fs).compose(copy.deepcopy(issue))
    return render_pdf(doc, PdfCache()), fs


def test_cold_warm_and_damaged_cache_give_the_same_pdf(template, tmp_path, fresh_process):
    issue = load_issue(SAMPLE_ISSUE)
    folder = tmp_path / "cache" / "font-metrics"
    cold, _ = _export(template, tmp_path, issue)
    entries = sorted(folder.glob("*.bin"))
    assert entries and (folder / "index.json").exists()
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    warm, _ = _export(template, tmp_path, issue)
    assert warm == cold
    assert {p: p.stat().st_mtime_ns for p in entries} == stamps  # read, not rewritten
    # damage every entry (a flipped byte, a cut file) and the index
    for i, p in enumerate(entries):
        data = bytearray(p.read_bytes())
        if i % 2:
            data[len(data) // 2] ^= 0xFF
            p.write_bytes(bytes(data))
        else:
            p.write_bytes(bytes(data[: len(data) // 3]))
    (folder / "index.json").write_text("{not json", "utf-8")
    damaged, _ = _export(template, tmp_path, issue)
    assert damaged == cold
    # the damaged entries were parsed again and rewritten whole
    assert json.loads((folder / "index.json").read_text("utf-8"))["files"]
    assert fontcache.MetricsCache._read(entries[0]) is not None
    # and the same as with no cache at all
    fontcache._CACHES.clear()
    fs = FontSet(template, system_fonts=False)
    assert render_pdf(Composer(template, fs).compose(copy.deepcopy(issue)), PdfCache()) == cold


def test_entries_are_keyed_by_the_content_hash(template, tmp_path, fresh_process):
    _export(template, tmp_path, load_issue(SAMPLE_ISSUE))
    folder = tmp_path / "cache" / "font-metrics"
    index = json.loads((folder / "index.json").read_text("utf-8"))["files"]
    for path, entry in index.items():
        with open(path, "rb") as fh:
            assert entry["sha256"] == hashlib.sha256(fh.read()).hexdigest()
        assert (folder / f"{entry['sha256']}-0.bin").exists()


def test_a_changed_font_is_parsed_again(tmp_path, fresh_process):
    font = tmp_path / "f.ttf"
    _tiny_font(font, "测试体", chars="甲")
    folder = tmp_path / "metrics"
    first = fontcache.MetricsCache(folder).get(font)
    assert ord("甲") in first.cmap and ord("乙") not in first.cmap
    _tiny_font(font, "测试体", chars="甲乙")  # replaced in place: size (and hash) differ
    second = fontcache.MetricsCache(folder).get(font)
    assert ord("乙") in second.cmap
    assert len(list(folder.glob("*.bin"))) == 2


def test_faces_not_used_are_not_parsed(template, tmp_path, fresh_process):
    from lianluo_desk.model.issue import Article, Block, BlockKind

    issue = load_issue(SAMPLE_ISSUE)
    issue.articles = [Article(title=["标题"], blocks=[Block(BlockKind.PARAGRAPH, "正文一段。")])]
    _, fs = _export(template, tmp_path, issue)
    fallback = fs.primary("fallback")
    assert not fallback.loaded
    folder = tmp_path / "cache" / "font-metrics"
    index = json.loads((folder / "index.json").read_text("utf-8"))["files"]
    assert str(fallback.path) not in index  # not even hashed
    assert fs.primary("fang").loaded


@pytest.mark.slow
def test_kept_pdf_cache_gives_the_bytes_of_a_fresh_one(composer, big_issue):
    """After an edit, pages and subsets carried over from the last PDF give the same
    bytes as writing everything again, and the edit reaches the PDF."""
    issue = copy.deepcopy(big_issue)
    kept = PdfCache()
    render_pdf(composer.compose(issue), kept)
    block = next(b for b in issue.articles[1].blocks if len(b.text) > 20)
    block.text = block.text[:10] + "鑫" + block.text[10:]  # a character new to the issue
    doc = composer.compose(issue)
    again = render_pdf(doc, kept)
    assert again == render_pdf(doc, PdfCache())
    with pdfplumber.open(io.BytesIO(again)) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
    assert block.text[5:20] in text


def test_members_of_a_collection_embedded_each_with_its_own_tables(tmp_path, fresh_process):
    """Two faces from one .ttc: each subset is cut from its own member's tables, and
    the text reads back as set."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    from lianluo_desk.layout.boxes import Document, GlyphRun, Page
    from lianluo_desk.layout.fonts import Face

    _tiny_font(tmp_path / "a.ttf", "甲体", chars="甲乙")
    _tiny_font(tmp_path / "b.ttf", "丙体", chars="丙丁戊")
    ttc = TTCollection()
    ttc.fonts = [TTFont(tmp_path / "a.ttf"), TTFont(tmp_path / "b.ttf")]
    ttc.save(tmp_path / "ab.ttc")
    cache = fontcache.MetricsCache(tmp_path / "metrics")
    faces = [Face(name=f"TTC-{m}", path=tmp_path / "ab.ttc", member=m, cache=cache) for m in (0, 1)]
    assert faces[0].has("甲") and not faces[0].has("丙") and faces[1].has("丙")
    from lianluo_desk.layout import fonts as fonts_module

    for f in faces:
        fonts_module._NAMED[f.name] = f
    page = Page(
        number=1,
        width=300,
        height=200,
        items=[
            GlyphRun(x=20, y=50, text="甲乙", font="TTC-0", size=20),
            GlyphRun(x=20, y=100, text="丙丁戊", font="TTC-1", size=20),
        ],
    )
    data = render_pdf(Document(pages=[page]), PdfCache())
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = pdf.pages[0].extract_text().replace("\n", "")
    assert text == "甲乙丙丁戊"
    from pypdf import PdfReader

    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    glyph_counts = []
    for ref in fonts.values():
        desc = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        sub = TTFont(io.BytesIO(desc.get_object()["/FontFile2"].get_object().get_data()))
        glyph_counts.append(sum(1 for g in sub["glyf"].glyphs.values() if g.data))
    assert sorted(glyph_counts) == [3, 4]  # .notdef and the member's own glyphs


def test_stored_widths_answer_as_the_font_does():
    """Only widths other than the default are kept; every lookup with the default
    still gives reportlab's figure, of the same type (the PDF writes it as it is)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from lianluo_desk.template import FONTS

    for path in (FONTS / "lld-fang.ttf", FONTS / "lld-latin.ttf"):
        m = fontcache.parse(path)
        f = TTFontFile(str(path))
        assert len(m.widths) < len(f.charWidths) / 2 or path.stem == "lld-latin"
        for cp, w in f.charWidths.items():
            got = m.widths.get(cp, m.default_width)
            assert got == w and type(got) is type(w), (path.name, cp)
