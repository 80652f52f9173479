"""Adjacent full-width marks: of two, the blank half of one is removed (clreq, GB/T 15834
practice), in body text as in titles and the 版记, measured on the PDF read back."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from lianluo_desk.export.pdf import render_pdf
from lianluo_desk.model.issue import Article, Block, BlockKind, DistributionGroup
from lianluo_desk.service import new_issue

from .conftest import FROZEN

PAIRS = ["”“", "）”", "。”", "”；", "、“", "（“", "：“", "”，", "》、"]
BODY = (
    "会议强调，要落实“三集中”“五个一”工作机制（简称“两项机制”），做好“联络站建设。”"
    "各地要把“代表之家”；“代表联络站”、“网上联络站”建好用好，"
    "组织代表学习（“代表法”）和“选举法”。并编印《代表工作手册》、《学习读本》等材料。"
    "他指出：“要学习代表法（修正本）”，对照检查。"
)


@pytest.fixture(scope="module")
def issue(template):
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [Block(BlockKind.PARAGRAPH, BODY) for _ in range(3)]
    issue.articles.append(Article(title=["推进“三集中”“五个一”工作"], blocks=blocks))
    issue.banji.distribution.insert(0, DistributionGroup("《人大》杂志社、《联络》编辑部"))
    return issue


def _rows(pdf_bytes: bytes) -> list[tuple[float, list[dict]]]:
    """Characters of every text row of every page, left to right (with their size)."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[dict]] = {}
            for c in page.chars:
                rows.setdefault(round(c["top"], 1), []).append(c)
            out += [(top, sorted(cs, key=lambda c: c["x0"])) for top, cs in sorted(rows.items())]
    return out


def test_pairs_take_one_and_a_half_em(issue, composer, template):
    doc = composer.compose(issue)
    rows = _rows(render_pdf(doc))
    cell = template.geometry.cell / template.styles["body"].size  # of the type size
    seen: dict[str, list[float]] = {}
    single: list[float] = []
    for _top, cs in rows:
        for a, b in zip(cs, cs[1:], strict=False):
            step = (b["x0"] - a["x0"]) / (a["size"] * cell)  # in cells of that size
            if a["text"] + b["text"] in PAIRS:
                seen.setdefault(a["text"] + b["text"], []).append(step)
            elif a["text"] in "，、" and "\u4e00" <= b["text"] <= "\u9fff":
                single.append(step)
    assert set(PAIRS) <= set(seen), set(PAIRS) - set(seen)
    # the first of the pair set half wide; a line's remaining space spread over its gaps
    # keeps every step within a few hundredths of a cell of that
    for pair, steps in seen.items():
        assert all(0.45 <= s <= 0.6 for s in steps), (pair, steps)
    # a mark before a hanzi keeps its full cell (compressed only at a line end)
    assert single and sorted(single)[len(single) // 2] >= 0.95


def test_pairs_compressed_in_titles_and_banji(issue, composer):
    doc = composer.compose(issue)
    roles = {}
    for page in doc.pages:
        for ln in page.lines:
            if ln.squeezed:
                roles.setdefault(ln.role, 0)
                roles[ln.role] += 1
    assert {"title", "body", "footer"} <= set(roles)


def test_lines_with_pairs_still_fill_the_grid(issue, composer, template):
    g = template.geometry
    doc = composer.compose(issue)
    full = [ln for p in doc.pages for ln in p.lines if ln.role == "body" and ln.justified]
    assert full
    for ln in full:
        assert abs(ln.x1 - (g.left + g.text_width)) < 0.01, ln.text


@pytest.mark.slow
def test_docx_title_as_wide_as_the_layout(issue, composer, template, tmp_path):
    """The DOCX carries a title's compressed pair: LibreOffice centres the line where
    the PDF does (same first and last character positions within a point)."""
    from lianluo_desk.export.docx import render_docx

    from .lo import to_pdf

    doc = composer.compose(issue)
    docx = tmp_path / "t.docx"
    docx.write_bytes(render_docx(issue, template, doc))
    lo = to_pdf(docx, tmp_path / "lo")

    def title_row(pdf_bytes):
        for _top, cs in _rows(pdf_bytes):
            if "".join(c["text"] for c in cs).startswith("推进"):
                return cs[0]["x0"], cs[-1]["x1"]
        raise AssertionError("no title row")

    ours, theirs = title_row(render_pdf(doc)), title_row(lo.read_bytes())
    assert abs(ours[0] - theirs[0]) < 1.0 and abs(ours[1] - theirs[1]) < 1.0, (ours, theirs)
