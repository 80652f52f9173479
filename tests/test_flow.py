"""The flow's typed items and its cache, each on its own: what pagination reads of a grid
line is a typed field, the cache keeps only what the last layout used, and a table's
rows are numbered by the paragraph counter it is given."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from lianluo_desk.layout.banji import BanjiLine
from lianluo_desk.layout.flow.items import Paragraphs, Picture, Shorter, Slot
from lianluo_desk.layout.flow.kept import Kept
from lianluo_desk.layout.flow.setting import Setting
from lianluo_desk.layout.inline.glyphs import Drawn, Line
from lianluo_desk.layout.table import TableLine, table_slots
from lianluo_desk.model.issue import Block, BlockKind

from .tabledata import work_table


@pytest.mark.parametrize("cls", [Slot, Shorter, Picture, Line, Drawn, BanjiLine, TableLine])
def test_flow_items_carry_no_string_keyed_dicts(cls):
    hints = typing.get_type_hints(cls, localns={"TableLine": TableLine})
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
    one, two = Slot("body"), Slot("body")
    kept.begin(())
    first = kept.same(("page", 1), [one, two], lambda: ["drawn once"])
    again = kept.same(("page", 1), [one, two], lambda: ["drawn twice"])
    assert again is first
    equal = Slot("body")  # equal to ``two`` but not the same object: drawn again
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
        assert s.table is not None and s.unsplittable and s.block == (0, 2)
        rows.setdefault(s.table.row, set()).add(s.para)
    assert [sorted(p) for _, p in sorted(rows.items())] == [[101 + r] for r in sorted(rows)]
