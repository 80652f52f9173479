"""Tier 2: every glyph of the PDF, read back by pdfplumber, stands where the box tree put
it. Catches text state (character spacing, font, colour, render mode) that leaks from
one run to the next, and anything drawn outside the text block."""

from __future__ import annotations

import io
from functools import cache

import pdfplumber
import pytest

from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.layout.boxes import Document, GlyphRun
from lianluo_desk.layout.fonts import face_named
from lianluo_desk.layout.kinsoku import is_cjk_cell
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE

TOL = 0.1


def expected_glyphs(doc: Document) -> list[list[tuple[str, float, float, str, float]]]:
    """(char, origin x, baseline y from the top, font, size) per page, in drawing order."""
    pages = []
    for page in doc.pages:
        out = []
        for run in page.items:
            if not isinstance(run, GlyphRun):
                continue
            font = face_named(run.font)
            x = run.x
            for ch in run.text:
                out.append((ch, x, run.y, run.font, run.size))
                x += font.string_width(ch, run.size) + run.char_space
        pages.append(out)
    return pages


def misplaced(doc: Document, data: bytes) -> list[str]:
    """Glyphs read back more than TOL from the box tree, described for the message."""
    bad = []
    want_pages = expected_glyphs(doc)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == len(doc.pages)
        for pno, (page, want) in enumerate(zip(pdf.pages, want_pages, strict=True), 1):
            got = [c for c in page.chars]
            assert len(got) == len(want), f"page {pno}: {len(got)} glyphs, {len(want)} set"
            h = float(page.height)
            for c, (ch, x, y, _font, size) in zip(got, want, strict=True):
                assert c["text"] == ch, f"page {pno}: {c['text']!r} read, {ch!r} set"
                gx, gy = float(c["matrix"][4]), h - float(c["matrix"][5])
                if abs(gx - x) > TOL or abs(gy - y) > TOL or abs(c["size"] - size) > TOL:
                    bad.append(f"p{pno} {ch!r} at ({gx:.2f}, {gy:.2f}) set at ({x:.2f}, {y:.2f})")
    return bad


@pytest.fixture(scope="module")
def sample_doc(composer):
    return composer.compose(load_issue(SAMPLE_ISSUE))


@pytest.mark.slow
@pytest.mark.parametrize("which", ["big", "sample", "2018-no01", "2021-no02", "2022-no07", "table"])
def test_every_glyph_where_the_box_tree_put_it(which, big_doc, sample_doc, composer):
    from .conftest import past
    from .tabledata import table_issue

    if which == "table":
        doc = composer.compose(table_issue(16))
    else:
        doc = {"big": big_doc, "sample": sample_doc}.get(which) or composer.compose(
            past(which).issue
        )
    bad = misplaced(doc, render_pdf(doc))
    assert not bad, f"{len(bad)} glyphs misplaced, e.g. {bad[:5]}"


def test_no_state_leaks_after_a_spaced_or_bold_run(fonts):
    """A run with no spacing after a spaced one, a plain run after a faux-bold one: the
    spacing, render mode and stroke must not carry over."""
    from pypdf import PdfReader

    from lianluo_desk.layout.boxes import Page

    f = fonts.primary("fang").name
    latin = fonts.primary("latin").name
    page = Page(
        number=1,
        width=595,
        height=842,
        items=[
            GlyphRun(x=80, y=100, text="四月", font=f, size=16, char_space=3.0),
            GlyphRun(x=120, y=100, text="25", font=latin, size=16),
            GlyphRun(
                x=80, y=140, text="粗体", font=f, size=16, bold=0.5, color="#E60012", char_space=2.0
            ),
            GlyphRun(x=80, y=180, text="常规", font=f, size=16),
        ],
    )
    doc = Document(pages=[page])
    data = render_pdf(doc)
    assert not misplaced(doc, data)
    ops = PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")
    depth = 0
    for line in ops.splitlines():
        depth += line.strip() == "q"
        depth -= line.strip() == "Q"
        if " Tr " in line or " w" in line.strip()[-2:]:
            assert depth == 1, line  # render mode and stroke width only inside q … Q
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plain = [c for c in pdf.pages[0].chars if c["text"] in "常规"]
    assert all(tuple(c["non_stroking_color"]) == (0.0, 0.0, 0.0) for c in plain)


@cache
def _font_file(path: str):
    from fontTools.ttLib import TTFont

    return TTFont(path, lazy=True)


@cache
def _ink_box(path: str, ch: str) -> tuple[float, float] | None:
    """Left and right of the glyph's outline, as fractions of the em (None for no ink)."""
    f = _font_file(path)
    name = f.getBestCmap().get(ord(ch))
    if name is None:
        return None
    glyph = f["glyf"][name]
    if not getattr(glyph, "numberOfContours", 0):
        return None
    glyph.recalcBounds(f["glyf"])
    upem = f["head"].unitsPerEm
    return glyph.xMin / upem, glyph.xMax / upem


def outside(doc: Document, data: bytes) -> list[str]:
    """Body glyphs past the text block's edges: a hanzi, digit or letter whose advance as
    set leaves it, or any glyph (compressed punctuation included) whose ink does."""
    from lianluo_desk.template import load_template

    t = load_template()
    g = t.geometry
    cell = g.cell / t.styles["body"].size
    left, right = g.left, g.left + g.text_width
    bad = []
    for pno, page in enumerate(doc.pages, 1):
        for run in page.items:
            if not isinstance(run, GlyphRun) or run.y > g.top + g.text_height + 1 or run.y < g.top:
                continue  # folios sit below the block by design
            font = face_named(run.font)
            x = run.x
            for ch in run.text:
                adv = font.string_width(ch, run.size)
                # a hanzi owns its grid cell; other glyphs their advance as set
                box = run.size * cell if is_cjk_cell(ch) else adv + run.char_space
                ink = _ink_box(doc.fonts[run.font], ch)
                if ch.isalnum() and (x < left - TOL or x + box > right + TOL):
                    bad.append(f"p{pno} {ch!r} set {x:.2f}–{x + box:.2f}")
                if ink and (
                    x + ink[0] * run.size < left - TOL or x + ink[1] * run.size > right + TOL
                ):
                    bad.append(f"p{pno} {ch!r} ink past the edge at {x:.2f}")
                x += adv + run.char_space
    return bad


@pytest.mark.slow
def test_nothing_outside_the_text_block(big_doc, sample_doc, composer):
    from .tabledata import table_issue

    for doc in (big_doc, sample_doc, composer.compose(table_issue(16))):
        bad = outside(doc, render_pdf(doc))
        assert not bad, bad[:5]


def test_numbers_are_not_split_by_spacing(big_doc):
    """Digits of one number stand at their natural advance from each other."""
    for page in big_doc.pages:
        for run in page.items:
            if isinstance(run, GlyphRun) and any(ch.isdigit() for ch in run.text):
                digits = [ch for ch in run.text if ch.isascii() and ch.isalnum()]
                if len(digits) == len(run.text) and len(run.text) > 1:
                    assert abs(run.char_space) < 1e-6, run
