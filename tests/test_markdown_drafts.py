"""Markdown drafts read as the rendered note reads: a heading, a list item, a quotation
and a code fence stand on their own without blank lines around them; front matter gives
the title and is no text; emphasis, code and link markup is no text either; a picture
the note names but did not bring is left out and counted, the note still comes in."""

from __future__ import annotations

from lianluo_desk.importers import ImportReport, import_file
from lianluo_desk.model.issue import BlockKind

NOTE = """---
title: "关于代表联络站建设的调研报告"
author: 张三
date: 2026-01-05
---
## 一、基本情况
今年以来，全省新建代表联络站**一百二十个**，详见[统计表](http://example.org/t)。
### 1. 建设进度
- 城区联络站全部挂牌
- 乡镇联络站完成八成
1. 制定工作方案
2. 开展督导检查
> 代表们认为，联络站要建好，更要用好。
---
![现场照片](photos/visit.png)
## 二、下一步打算
```
第一步 摸底
第二步 推进
```
继续推进，确保年底前全覆盖。
"""


def _blocks(tmp_path, text: str):
    md = tmp_path / "note.md"
    md.write_text(text, "utf-8")
    report = ImportReport()
    art = import_file(md, report=report)[0][0]
    return art, [(b.kind, b.level, b.full_text) for b in art.blocks], report


def test_markdown_blocks_stand_on_their_own_lines(tmp_path):
    art, blocks, report = _blocks(tmp_path, NOTE)
    assert art.title_text == "关于代表联络站建设的调研报告"
    assert blocks == [
        (BlockKind.HEADING, 1, "一、基本情况"),
        (
            BlockKind.PARAGRAPH,
            0,
            "今年以来，全省新建代表联络站一百二十个，详见统计表。",
        ),
        (BlockKind.HEADING, 3, "1. 建设进度"),
        (BlockKind.PARAGRAPH, 0, "城区联络站全部挂牌"),
        (BlockKind.PARAGRAPH, 0, "乡镇联络站完成八成"),
        (BlockKind.PARAGRAPH, 0, "1. 制定工作方案"),
        (BlockKind.PARAGRAPH, 0, "2. 开展督导检查"),
        (BlockKind.PARAGRAPH, 0, "代表们认为，联络站要建好，更要用好。"),
        (BlockKind.PARAGRAPH, 0, "现场照片"),
        (BlockKind.HEADING, 1, "二、下一步打算"),
        (BlockKind.PARAGRAPH, 0, "第一步 摸底\n第二步 推进"),
        (BlockKind.PARAGRAPH, 0, "继续推进，确保年底前全覆盖。"),
    ]
    assert report.left_out == {"report.unreadable_pictures": 1}


def test_markdown_title_underlined_and_hard_breaks(tmp_path):
    """A title underlined with ===, and a line ending in two spaces kept as a break."""
    art, blocks, _report = _blocks(
        tmp_path,
        "代表工作简报\n======\n\n联系人：李四  \n电话：0731-85309270\n\n*正文*从这里开始。\n",
    )
    assert art.title_text == "代表工作简报"
    assert [t for _k, _l, t in blocks] == [
        "联系人：李四\n电话：0731-85309270",
        "正文从这里开始。",
    ]


def test_a_list_item_opening_a_note_is_no_title(tmp_path):
    art, blocks, _report = _blocks(tmp_path, "- [x] 联络站挂牌\n- [ ] 督导检查\n")
    assert art.title_text == ""
    assert [t for _k, _l, t in blocks] == ["联络站挂牌", "督导检查"]


def test_emphasis_inside_a_table_cell_is_no_text(tmp_path):
    """A cell that is partly bold or code (**有**，正比于 `v`): the words, not the marks."""
    md = tmp_path / "table.md"
    md.write_text(
        "# 对照表\n\n| 特征 | 说明 |\n|:---|:---|\n| **距离走动** | **有**，正比于 `v` |\n", "utf-8"
    )
    art = import_file(md)[0][0]
    table = next(b.table for b in art.blocks if b.table is not None)
    assert [c.text for c in table.rows[1].cells] == ["距离走动", "有，正比于 v"]
