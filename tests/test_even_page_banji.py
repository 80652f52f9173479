"""The 版记 on an even page (GB/T 9704 §6.2, §7.4.1, §7.5): issues ending on odd and even
pages, with room for the 版记 and without, set with the template's setting on and off."""

from __future__ import annotations

import dataclasses

import pdfplumber
import pytest

from lianluo_desk.export.docx import render_docx
from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.layout.engine import Composer
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from . import pagestarts
from .conftest import FROZEN
from .lo import to_pdf

LINE = "各级人大常委会联络工作机构认真履职尽责，扎实推进各项工作。"  # one full line and a bit


def _issue(template, paragraphs: int):
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [Block(BlockKind.PARAGRAPH, LINE) for _ in range(paragraphs)]
    issue.articles.append(Article(title=["关于做好代表联络工作的通知"], blocks=blocks))
    return issue


def _footer_page(doc) -> int:
    pages = [p.number for p in doc.pages if any(ln.role == "footer" for ln in p.lines)]
    assert len(pages) == 1
    return pages[0]


def _text_pages(doc) -> int:
    """The last page holding text (not the 版记)."""
    return max(
        p.number
        for p in doc.pages
        if any(ln.role not in ("footer", "folio", "masthead") for ln in p.lines) or p.number == 1
    )


def _folio(page) -> list[str]:
    return [ln.text for ln in page.lines if ln.role == "folio"]


@pytest.fixture(scope="module")
def cases(template, fonts, composer):
    """Issues of growing length, each set without the setting (as before) and with it,
    sorted by where the text ends: (odd|even, room|full) → [(plain, even) documents]."""
    assert template.data["banji"]["even_page"] is True  # on for 《联络动态》
    off = dataclasses.replace(template, data={**template.data, "banji": {"even_page": False}})
    plain = Composer(off, fonts)
    out: dict[tuple[str, str], list] = {}
    for n in range(1, 60, 2):
        issue = _issue(template, n)
        a, b = plain.compose(issue), composer.compose(issue)
        last = _text_pages(a)
        room = _footer_page(a) == last
        key = ("odd" if last % 2 else "even", "room" if room else "full")
        out.setdefault(key, []).append((issue, a, b))
    assert set(out) == {("odd", "room"), ("odd", "full"), ("even", "room"), ("even", "full")}
    return out


def _banji_at_bottom(doc, page, template):
    lines = [ln for ln in doc.pages[page - 1].lines if ln.role == "footer"]
    assert lines
    assert max(ln.slot for ln in lines) == template.geometry.lines - 1


def test_odd_page_with_room_moves_to_the_next_even_page(cases, template):
    for _issue, a, b in cases[("odd", "room")]:
        last = _text_pages(a)
        assert len(b.pages) == last + 1 and _footer_page(b) == last + 1
        back = b.pages[-1]
        assert not [ln for ln in back.lines if ln.role not in ("footer", "folio")]
        assert back.numbered and _folio(back) == [f"— {last + 1} —"]
        _banji_at_bottom(b, last + 1, template)


def test_even_page_with_room_stays(cases, template):
    for _issue, a, b in cases[("even", "room")]:
        last = _text_pages(a)
        assert len(b.pages) == last and _footer_page(b) == last
        assert [ln.text for p in a.pages for ln in p.lines] == [
            ln.text for p in b.pages for ln in p.lines
        ]
        _banji_at_bottom(b, last, template)


def test_full_even_page_gets_a_blank_page_and_a_banji_page_without_numbers(cases, template):
    for _issue, a, b in cases[("even", "full")]:
        last = _text_pages(a)
        assert last % 2 == 0
        assert len(b.pages) == last + 2 and _footer_page(b) == last + 2
        blank, back = b.pages[-2], b.pages[-1]
        assert blank.lines == [] and blank.items == []
        assert not back.numbered and not blank.numbered and _folio(back) == []
        assert all(p.numbered for p in b.pages[:-2])
        _banji_at_bottom(b, last + 2, template)


def test_full_odd_page_gives_the_banji_the_next_even_page(cases, template):
    for _issue, a, b in cases[("odd", "full")]:
        last = _text_pages(a)
        assert len(b.pages) == last + 1 and _footer_page(b) == last + 1
        assert b.pages[-1].numbered


def _pdf_folios(path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [
            [r for r in (p.extract_text() or "").splitlines() if pagestarts._FOLIO.match(r.strip())]
            for p in pdf.pages
        ]


@pytest.mark.slow
@pytest.mark.parametrize("key", [("even", "full"), ("odd", "room")])
def test_pdf_and_docx_pages_as_the_layout(cases, key, template, tmp_path):
    """The PDF read back and LibreOffice's rendering of the DOCX: the same pages, the
    版记 on the even last page, folios only where the layout has them."""
    issue, _a, doc = cases[key][0]
    ours = tmp_path / "ours.pdf"
    ours.write_bytes(render_pdf(doc))
    docx = tmp_path / "issue.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    lo = to_pdf(docx, tmp_path / "lo")
    want = [[f"— {p.number} —"] if p.numbered else [] for p in doc.pages]
    assert len(doc.pages) % 2 == 0
    for path in (ours, lo):
        got = [[" ".join(f.split()) for f in page] for page in _pdf_folios(path)]
        assert got == want, path.name
    masthead = "".join(
        pagestarts._clean(ln.text) for ln in doc.pages[0].lines if ln.role == "masthead"
    )
    a, b = pagestarts.ours(doc), pagestarts.theirs(lo, masthead)
    assert b.pages == a.pages and b.stream == a.stream
    with pdfplumber.open(lo) as pdf:
        last = pdf.pages[-1].extract_text() or ""
        assert template.labels["distribution"] in last
        if key == ("even", "full"):
            assert not pagestarts._clean(pdf.pages[-2].extract_text() or "")
