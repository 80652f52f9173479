"""Items of a Word list (numbered by Word, not typed) one after another are a list, as a
reader sees it: none of them a heading, however short, and none given its first sentence
as a run-in heading; a numbered heading with text under it stays a heading."""

from __future__ import annotations

from lianluo_desk.importers import import_file
from lianluo_desk.model.issue import BlockKind

from .wordxml import p, write

NUMBERING = (
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)
TITLE = p("工作日记", '<w:jc w:val="center"/>', "<w:b/>")
BODY = "本周主要围绕以下问题开展学习，并对照计划逐项检查落实情况，形成记录。"


def item(text: str, nid: int = 1) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>')


def blocks(tmp_path, body: str) -> list[tuple[BlockKind, str, str]]:
    arts, _past = import_file(write(tmp_path / "日记.docx", body, numbering=NUMBERING))
    return [(b.kind, b.runin, b.text) for b in arts[0].blocks]


def test_short_items_of_a_word_list_are_no_headings(tmp_path):
    items = ["堆栈的说明", "常量的用法", "线程和消息传递", "套接字函数"]
    got = blocks(tmp_path, TITLE + p(BODY) + "".join(item(t) for t in items) + p(BODY))
    assert [k for k, _r, _t in got] == [BlockKind.PARAGRAPH] * 6
    assert [t for _k, _r, t in got[1:5]] == [f"{n}、{t}" for n, t in enumerate(items, 1)]


def test_items_of_a_word_list_get_no_run_in(tmp_path):
    items = [
        "请先阅读圈子公约。了解管理员的能力和责任。",
        "请勿讨论无关的话题。其他系列游戏除外。",
        "请使用善意的措辞。拒绝引战。",
    ]
    got = blocks(tmp_path, TITLE + "".join(item(t) for t in items))
    assert all(k is BlockKind.PARAGRAPH and not r for k, r, _t in got)


def test_numbered_word_headings_with_text_under_them_stay_headings(tmp_path):
    got = blocks(tmp_path, TITLE + item("工作目标") + p(BODY) + item("工作措施") + p(BODY))
    assert [(k, t) for k, _r, t in got] == [
        (BlockKind.HEADING, "1、工作目标"),
        (BlockKind.PARAGRAPH, BODY),
        (BlockKind.HEADING, "2、工作措施"),
        (BlockKind.PARAGRAPH, BODY),
    ]
