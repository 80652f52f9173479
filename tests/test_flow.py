"""The flow's typed items and its cache, each on its own: every grid line of the flow is
one of a closed set of kinds, what pagination reads of it is a typed field, pagination
and drawing tell the kinds apart by their type, the cache keeps only what the last
layout used, and a table's rows are numbered by the paragraph counter it is given."""

from __future__ import annotations

import dataclasses
import typing

import pytest
from PIL import Image

from lianluo_desk.layout.banji import BanjiLine, banji_lines
from lianluo_desk.layout.boxes import ImageBox, Page
from lianluo_desk.layout.decisions import RowKind
from lianluo_desk.layout.flow.collect import Collector
from lianluo_desk.layout.flow.distribute import paginate, paginate_tables
from lianluo_desk.layout.flow.finalize import Painter
from lianluo_desk.layout.flow.items import (
    KINDS,
    Blank,
    FlowItem,
    Item,
    Paragraphs,
    Picture,
    PictureLine,
    Shorter,
    TableLine,
    TextLine,
)
from lianluo_desk.layout.flow.kept import Kept
from lianluo_desk.layout.flow.setting import Setting
from lianluo_desk.layout.inline.glyphs import Drawn, Line
from lianluo_desk.layout.linebreak import Span
from lianluo_desk.layout.table import TableGeom, table_slots
from lianluo_desk.model.issue import Article, Block, BlockKind
from lianluo_desk.service import new_issue

from .conftest import FROZEN
from .tabledata import work_table

ITEM_CLASSES = [*KINDS, Item, Shorter, Picture, Line, Drawn, BanjiLine]


@pytest.mark.parametrize("cls", ITEM_CLASSES)
def test_flow_items_carry_no_string_keyed_dicts(cls):
    hints = typing.get_type_hints(cls, localns={"TableGeom": TableGeom, "TextLine": TextLine})
    for f in dataclasses.fields(cls):
        assert typing.get_origin(hints[f.name]) is not dict, f"{cls.__name__}.{f.name}"
        assert hints[f.name] is not dict, f"{cls.__name__}.{f.name}"


def test_the_cache_keeps_what_the_last_layout_used_and_nothing_else():
    kept = Kept()
    made: list[str] = []

    def make(name: str):
        return lambda: made.append(name) or name

    kept.begin(("format",))
    assert kept.get(("a",), make("a")) == "a"
    kept.get(("b",), make("b"))
    kept.end()
    kept.begin(("format",))
    kept.get(("a",), make("a"))  # kept: not made again
    kept.end()
    assert made == ["a", "b"] and len(kept) == 1
    kept.begin(("another format",))  # the format is part of every key
    kept.get(("a",), make("a"))
    kept.end()
    assert made == ["a", "b", "a"] and len(kept) == 1


def test_a_page_is_taken_over_only_for_the_very_same_slots():
    kept = Kept()
    one, two = Blank(), Blank()
    kept.begin(())
    first = kept.same(("page", 1), [one, two], lambda: ["drawn once"])
    again = kept.same(("page", 1), [one, two], lambda: ["drawn twice"])
    assert again is first
    equal = Blank()  # equal to ``two`` but not the same object: drawn again
    assert equal == two
    assert kept.same(("page", 1), [one, equal], lambda: ["drawn anew"]) == ["drawn anew"]


def test_a_table_row_takes_a_paragraph_number_from_the_counter_it_is_given(template, fonts):
    table = work_table(4)
    paragraphs = Paragraphs()
    paragraphs.count = 100
    block = Block(BlockKind.TABLE, table=table)
    slots = table_slots(Setting(template, fonts), paragraphs, block, (0, 2))
    assert paragraphs.count == 100 + len(table.rows)
    rows: dict[int, set[int]] = {}
    for s in slots:
        assert isinstance(s, TableLine) and s.unsplittable and s.block == (0, 2)
        rows.setdefault(s.row, set()).add(s.para)
    assert [sorted(p) for _, p in sorted(rows.items())] == [[101 + r] for r in sorted(rows)]


TEXT = "各级人大代表围绕中心工作积极履职，认真听取群众意见，" * 4


def _issue_of_every_kind(template, folder):
    """An issue with a note, a titled article, a heading, paragraphs, a byline, a picture
    with its caption and a table: every kind of grid line the flow has."""
    (folder / "i.assets").mkdir()
    Image.new("RGB", (600, 300), (40, 90, 160)).save(folder / "i.assets" / "p.png")
    issue = new_issue(template, FROZEN, 16, 667)
    issue.origin = str(folder / "i.lld")
    issue.note = "编者按：本期刊登各地经验。"
    blocks = [
        Block(BlockKind.PARAGRAPH, TEXT),
        Block(BlockKind.HEADING, "一、主要做法", level=1),
        Block(BlockKind.PARAGRAPH, TEXT),
        Block(BlockKind.IMAGE, path="i.assets/p.png", caption="图1 调研现场"),
        Block(BlockKind.TABLE, table=work_table(3)),
        Block(BlockKind.BYLINE, "（联工委）"),
    ]
    issue.articles = [Article(title=["关于代表联络工作的报告"], blocks=blocks)] * 2
    return issue


def test_every_item_of_the_flow_is_one_of_the_closed_set(template, fonts, tmp_path):
    assert typing.get_args(FlowItem) == KINDS
    kept = Kept()
    collector = Collector(Setting(template, fonts), kept, Paragraphs())
    issue = _issue_of_every_kind(template, tmp_path)
    collector.base, collector.origin = tmp_path, issue.origin
    kept.begin(())
    items = collector.issue_slots(issue)
    kept.end()
    assert {type(x) for x in items} == set(KINDS)  # each kind made, no other
    for x in items:
        assert type(x) in KINDS, type(x).__name__
        assert not any(isinstance(v, dict) for v in vars(x).values()), x
    for kind in KINDS:  # never changed once made: a kept page holds the very same items
        x = next(x for x in items if type(x) is kind)
        with pytest.raises(dataclasses.FrozenInstanceError):
            x.keep_with_next = not x.keep_with_next  # type: ignore[misc]
    text = [x for x in items if isinstance(x, TextLine)]
    assert {x.role for x in text} >= {"note", "title", "heading1", "body", "caption", "byline"}
    picture = [x for x in items if isinstance(x, PictureLine)]
    assert [x.k for x in picture] == list(range(picture[0].picture.lines)) * 2
    # a paragraph's offer is on its first line of text alone
    offers = [x for x in text if x.shorter is not None]
    assert offers and all(x.role in ("note", "body") for x in offers)


def _text(setting, n: int, para: int, **kw) -> list[TextLine]:
    lines = setting.set_par([Span("文字" * 10, setting.body)])
    return [TextLine("body", lines[0], para=para, **kw) for _ in range(n)]


def test_pagination_tells_each_kind_by_its_type(template, fonts):
    s = Setting(template, fonts)
    per_page = s.g.lines
    # a blank that vanishes at a page top does; a line of text asking the same does not
    flow: list[FlowItem] = [*_text(s, per_page, 1), Blank(discard_at_top=True), *_text(s, 1, 2)]
    pages = paginate(flow, per_page, 0)
    assert [type(x) for x in pages[1]] == [TextLine]
    flow = [*_text(s, per_page, 1), *_text(s, 1, 2, discard_at_top=True)]
    assert paginate(flow, per_page, 0)[1] == flow[-1:]
    # a picture kept with its caption and taller than a page stays where it is; a chain
    # of text as tall moves whole to the next page
    pic = Picture("p.png", 100.0, 100.0, per_page)
    tall = [
        PictureLine(pic, k, keep_with_next=True, para=3, unsplittable=True) for k in range(per_page)
    ]
    tall += _text(s, 1, 3, unsplittable=True)
    pages = paginate([*_text(s, 1, 1), *tall], per_page, 0)
    assert isinstance(pages[0][1], PictureLine)
    chain = _text(s, per_page, 3, keep_with_next=True, unsplittable=True) + _text(s, 1, 3)
    assert len(paginate([*_text(s, 1, 1), *chain], per_page, 0)[0]) == 1
    # a table's header is repeated where the table goes on over a page
    table = table_slots(s, Paragraphs(), Block(BlockKind.TABLE, table=work_table(12)), (0, 1))
    pages = paginate_tables([*_text(s, per_page - 4, 1), *table], per_page, 0)
    top = pages[1][0]
    assert isinstance(top, TableLine) and top.repeat and top.row == 0
    # a paragraph's offer to be one line shorter is taken for its widow
    lines = s.set_par([Span("文字" * 10, s.body)])
    short = [TextLine("body", lines[0], para=5) for _ in range(2)]
    offer = Shorter(3, lambda: [ln.line for ln in short])
    para = [TextLine("body", lines[0], para=5, shorter=offer), *_text(s, 2, 5)]
    pages = paginate([*_text(s, per_page - 2, 1), *para], per_page, 0)
    assert len(pages) == 1 and pages[0][-2:] == offer.slots


def test_drawing_tells_each_kind_by_its_type_and_refuses_another(template, fonts):
    s = Setting(template, fonts)
    painter = Painter(s, Kept())
    table = table_slots(s, Paragraphs(), Block(BlockKind.TABLE, table=work_table(2)), (0, 1))
    pic = Picture("p.png", 100.0, 2 * s.g.pitch, 2)
    drawn = {}
    for item in [*_text(s, 1, 1), table[0], PictureLine(pic, 0), PictureLine(pic, 1), Blank()]:
        page = Page(1, s.g.page_width, s.g.page_height)
        painter.place(page, item, 3)
        drawn[(type(item).__name__, getattr(item, "k", 0))] = (
            [ln.role for ln in page.lines],
            [type(x).__name__ for x in page.items if isinstance(x, ImageBox)],
        )
    assert drawn[("TextLine", 0)][0] == ["body"]
    assert set(drawn[("TableLine", 0)][0]) == {"table"}
    assert drawn[("PictureLine", 0)] == (["image"], ["ImageBox"])
    assert drawn[("PictureLine", 1)] == ([], [])  # a picture is drawn from its first line
    assert drawn[("Blank", 0)] == ([], [])

    @dataclasses.dataclass(frozen=True)
    class Stranger(Item):
        pass

    with pytest.raises(AssertionError):
        painter.place(Page(1, 1.0, 1.0), typing.cast(FlowItem, Stranger()), 0)


def test_a_banji_line_names_the_row_of_the_record_it_makes(template, fonts):
    issue = new_issue(template, FROZEN, 16, 667)
    issue.banji.approval = "湘内资准字（2022）第001号"
    lines = banji_lines(Setting(template, fonts), issue)
    kinds = {b.kind for b in lines}
    assert kinds <= set(typing.get_args(RowKind))
    assert {"group", "approval"} <= kinds
