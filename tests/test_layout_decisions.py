"""The layout's record of its decisions (``Document.decisions``) against the pages it
drew: line starts and squeezed marks, title lines, page tops, blank lines dropped at a
page top and left above the 版记, pictures, tables and the 版记's rows."""

from __future__ import annotations

import pytest
from PIL import Image

from lianluo_desk.layout.boxes import ImageBox
from lianluo_desk.layout.decisions import paragraph_key
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from .conftest import FROZEN, past
from .tabledata import table_issue

TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 4
SHORT = "代表联络工作扎实推进。"


def test_paragraph_lines_as_drawn(composer):
    doc = composer.compose(past("2022-no07").issue)
    rec = doc.decisions
    drawn: dict = {}
    for page in doc.pages:
        for ln in page.lines:
            key = paragraph_key(ln.role, ln.block, ln.cell)
            if key is not None and ln.role != "footer":
                drawn.setdefault(key, []).append(ln)
    assert len(drawn) > 10
    for key, lines in drawn.items():
        got = rec.lines(key)
        assert got.starts == {ln.start for ln in lines}
        assert dict(got.squeezed) == {i: w for ln in lines for i, w in ln.squeezed}
    # a paragraph of plain hanzi: each line starts where the lines before it end
    body = [ln for ln in drawn[("block", 0, 0)] if ln.role == "body"]
    assert len(body) >= 2
    ends = [0]
    for ln in body[:-1]:
        ends.append(ends[-1] + len(ln.text))
    assert sorted(rec.lines(("block", 0, 0)).starts) == ends


def test_title_line_squeezes_take_the_room_the_line_lost(composer, template):
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(
        Article(
            title=["关于“代表之家”、“代表联络站”建设的通知"],
            blocks=[Block(BlockKind.PARAGRAPH, TEXT)],
        )
    )
    doc = composer.compose(issue)
    lines = [ln for ln in doc.pages[0].lines if ln.role == "title"]
    size = template.styles["title"].size * template.geometry.cell / template.styles["body"].size
    squeezes = doc.decisions.titles[0]
    assert len(squeezes) == len(lines) and any(squeezes)
    for ln, sq in zip(lines, squeezes, strict=True):
        assert dict(sq) == dict(ln.squeezed)
        # a line of hanzi and marks: each a cell wide less what was taken off it
        assert ln.x1 - ln.x0 == pytest.approx(len(ln.text) * size - sum(sq.values()), abs=0.01)
    assert doc.decisions.title_line(0, len(lines)) == {}


def test_page_tops_and_blank_lines_dropped_there(composer, template):
    """Issues of growing length until a title opens a page after a full one: the blank
    line above it is dropped there, and recorded as dropped on that page."""
    g = template.geometry
    above = int(template.rhythm.get("before_title", 1))
    assert above and not template.rhythm.get("keep_blank_at_top", False)
    cases = [(n, k) for n in range(1, 8) for k in range(4)]  # long and one-line paragraphs
    for n, k in cases:
        issue = new_issue(template, FROZEN, 16, 667)
        blocks = [Block(BlockKind.PARAGRAPH, TEXT)] * n + [Block(BlockKind.PARAGRAPH, SHORT)] * k
        second = Article(title=["第二篇"], blocks=[Block(BlockKind.PARAGRAPH, TEXT)])
        issue.articles += [Article(title=["第一篇"], blocks=blocks), second]
        doc = composer.compose(issue)
        rec = doc.decisions
        slots = [
            [ln.slot for ln in p.lines if ln.slot >= 0 and ln.role != "footer"] for p in doc.pages
        ]
        for page in doc.pages[1:]:
            text = [ln for ln in page.lines if ln.slot >= 0 and ln.role != "footer"]
            if text:
                top = min(text, key=lambda ln: ln.slot)
                assert paragraph_key(top.role, top.block) in rec.page_tops
        opened = [
            p.number
            for p in doc.pages
            if any(ln.role == "title" and ln.slot == 0 and ln.block[0] == 1 for ln in p.lines)
        ]
        # the page before ends on its last grid line with text: the blank line went over
        full = bool(opened) and max(slots[opened[0] - 2]) == g.lines - 1
        assert rec.dropped == ({opened[0]: above} if full else {})
        if full:
            return
    raise AssertionError("no title opened a page after a full one")


def test_picture_as_set(composer, template, tmp_path):
    (tmp_path / "i.assets").mkdir()
    Image.new("RGB", (600, 1400), (40, 90, 160)).save(tmp_path / "i.assets" / "tall.png")
    issue = new_issue(template, FROZEN, 16, 667)
    issue.origin = str(tmp_path / "i.lld")
    blocks = [Block(BlockKind.PARAGRAPH, TEXT), Block(BlockKind.IMAGE, path="i.assets/tall.png")]
    issue.articles.append(Article(title=["报告"], blocks=blocks))
    doc = composer.compose(issue)
    boxes = [x for p in doc.pages for x in p.items if isinstance(x, ImageBox)]
    assert len(boxes) == 1
    pic = doc.decisions.pictures[(0, 1)]
    assert pic.width == pytest.approx(boxes[0].width, abs=0.002)
    assert pic.height == pytest.approx(boxes[0].height, abs=0.002)
    assert pic.height <= template.geometry.lines * template.geometry.pitch  # made smaller


def test_table_rows_as_drawn(composer, template):
    doc = composer.compose(table_issue(16))
    g = template.geometry
    rec = doc.decisions.tables[(0, 2)]
    assert rec.headers == 1
    heights: dict[int, list[int]] = {}
    for page in doc.pages:
        for b in page.cells:
            if b.block == (0, 2) and b.rowspan == 1 and b.index == 0:
                heights.setdefault(b.row, []).append(round((b.bottom - b.top) / g.pitch))
    for row, parts in heights.items():
        whole = parts[0] if row < rec.headers else sum(parts)
        assert rec.rows[row] == whole
        assert (row in rec.split) == (row >= rec.headers and len(parts) > 1)


@pytest.mark.parametrize("name", ["2021-no02", "2022-no07"])
def test_banji_rows_as_drawn(composer, template, name):
    issue = past(name).issue
    doc = composer.compose(issue)
    g = template.geometry
    b = doc.decisions.banji
    assert b is not None
    page = doc.pages[-1]
    lines = [ln for ln in page.lines if ln.role == "footer"]
    kinds = [r.kind for r in b.rows]
    groups = len(issue.banji.distribution)
    assert kinds == ["group"] * groups + ["editors+contact", "approval"]
    assert [r.group for r in b.rows[:groups]] == list(range(groups))
    for r in b.rows:
        mine = [ln for ln in lines if ("footer", *ln.block) == r.key]
        assert r.slot == min(ln.slot for ln in mine)
        assert r.lines.starts == {ln.start for ln in mine}
        # inset by the 版记's indent, or across the text block where it needs the width
        assert r.full_width == (min(ln.x0 for ln in mine) < g.left + 1)
        # its first line begins at its inset from the text block's left edge (a group
        # after the first, after the label's width)
        at = g.left + r.inset + (b.label_width if r.group > 0 else 0.0)
        assert mine[0].x0 == pytest.approx(at, abs=0.002)
        assert r.full_width or r.inset > 5
    row = b.rows[groups]
    assert row.full_width  # 责任编辑 and 联系方式 fit on one row only across the width
    assert b.first_slot == min(ln.slot for ln in lines)
    assert max(ln.slot for ln in lines) == g.lines - 1  # on the text block's bottom edge
    text = [ln.slot for ln in page.lines if ln.slot >= 0 and ln.role != "footer"]
    assert b.blanks_above == b.first_slot - (max(text) + 1 if text else 0)
    assert b.own_page == (not text)
    assert b.unnumbered == sum(1 for p in doc.pages if not p.numbered)
    assert b.page == page.number
    after = [ln for ln in lines[1:] if ln.block[0] == -2]
    assert after
    for ln in after:  # the groups' lines begin where the text after 送： does
        assert ln.x0 == pytest.approx(lines[0].x0 + b.label_width, abs=0.002)


def test_blank_lines_before_paragraphs_as_drawn(composer, template):
    """The blank grid lines between paragraphs on a page are those the record holds
    before the lower one: kept ones (under a title) and space that a page top drops
    (above a title or heading)."""
    issue = new_issue(template, FROZEN, 16, 667)
    blocks = [
        Block(BlockKind.PARAGRAPH, SHORT),
        Block(BlockKind.HEADING, "一、总体情况", level=1),
        Block(BlockKind.PARAGRAPH, SHORT),
    ]
    issue.articles += [Article(title=["第一篇"], blocks=blocks)] * 2
    doc = composer.compose(issue)
    rec = doc.decisions
    lines = [ln for ln in doc.pages[0].lines if ln.slot >= 0 and ln.role != "footer"]
    seen = 0
    for above, below in zip(lines, lines[1:], strict=False):
        key = paragraph_key(below.role, below.block)
        if key is None or key == paragraph_key(above.role, above.block):
            continue
        got = rec.blanks_before(key)
        assert got.kept + got.space == below.slot - above.slot - 1, key
        assert got.space == 0 or below.role in ("title", "heading1")
        seen += got.kept + got.space > 0
    assert seen >= 4  # under and above each title, above each heading
