"""Plain-text drafts as offices save them: a list typed under its lead-in line without
blank lines between stays a list, one item a paragraph, while a hard-wrapped paragraph
whose wrapped line happens to begin with a numbered label runs on; encodings a Windows editor
writes (GB18030 with CRLF, UTF-16 with its mark) read the same."""

from __future__ import annotations

import pytest

from lianluo_desk.importers import import_file

TITLE = "关于报送代表联络站建设情况的通知"
LEAD = "各市州人大常委会：为全面掌握代表联络站建设情况，请于八月十五日前报送以下材料："
ITEMS = ["1. 联络站名单", "2. 活动记录", "3. 工作总结"]
PROSE = (
    "各地要加强组织领导，明确责任分工，确保各项工作按时完成，对工作中发现的问题要建立台账"
    "逐项整改，整改情况纳入年度考核，其中对代表反映集中的问题要优先办理，办理结果及时反馈代表。"
)


def _wrapped(text: str, width: int = 32) -> list[str]:
    return [text[k : k + width] for k in range(0, len(text), width)]


def _blocks(tmp_path, text: str, encoding: str = "utf-8") -> tuple[str, list[str]]:
    f = tmp_path / "draft.txt"
    f.write_bytes(text.encode(encoding))
    art = import_file(f)[0][0]
    return art.title_text, [b.full_text for b in art.blocks]


@pytest.mark.parametrize(
    ("encoding", "newline"), [("utf-8", "\n"), ("gb18030", "\r\n"), ("utf-16", "\r\n")]
)
def test_a_list_under_its_lead_in_stays_a_list(tmp_path, encoding, newline):
    lines = [TITLE, "", *_wrapped(LEAD), *ITEMS, "", *_wrapped(PROSE)]
    title, blocks = _blocks(tmp_path, newline.join(lines) + newline, encoding)
    assert title == TITLE
    assert blocks == [LEAD, *ITEMS, PROSE]


def test_a_wrapped_line_beginning_with_a_number_runs_on(tmp_path):
    """A full wrapped line, then one that begins "（二）" mid-sentence: one paragraph."""
    head = "代表联络站的设立、调整和撤销，由县级人大常委会决定，并依照本办法第三条第一款第"
    prose = head + "（二）项的规定报市级人大常委会备案，备案材料包括站点名称、地址和进站代表名单。"
    lines = [TITLE, "", *_wrapped(prose, len(head))]
    assert lines[3].startswith("（二）")
    assert _blocks(tmp_path, "\n".join(lines) + "\n")[1] == [prose]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_mark_is_read(tmp_path, encoding):
    """UTF-16 saved without a byte-order mark (some export tools do): the zero bytes
    of its ASCII characters tell the byte order."""
    lines = [TITLE, "", *_wrapped(LEAD), *ITEMS, "", *_wrapped(PROSE)]
    title, blocks = _blocks(tmp_path, "\r\n".join(lines) + "\r\n", encoding)
    assert title == TITLE
    assert blocks == [LEAD, *ITEMS, PROSE]


def test_a_numbered_heading_keeps_a_dash_line_under_it_apart(tmp_path):
    """A numbered heading, then a paragraph opening with a dash (——确保…): a dash may
    not start a printed line, but it may start the paragraph under a heading."""
    lines = [
        TITLE,
        "",
        "1. 工作目标",
        "",
        "——确保年底前实现代表联络站全覆盖，切实发挥代表作用。",
        "",
    ]
    title, blocks = _blocks(tmp_path, "\n".join(lines))
    assert blocks == ["1. 工作目标", "——确保年底前实现代表联络站全覆盖，切实发挥代表作用。"]


def test_hard_wrapped_paragraphs_indented_with_full_width_spaces_join(tmp_path):
    """No blank lines, each paragraph opening with two full-width spaces and wrapped at
    34 characters (its first line 32 and the indent): a paragraph's lines join, the
    next indented line starts the next paragraph, a heading stands alone."""
    second = PROSE.replace("各地", "各市州", 1)
    lines = [TITLE, "一、工作要求"]
    for text in (LEAD + "请各地认真落实，确保按时报送。", PROSE):
        lines += _wrapped("\u3000\u3000" + text, 34)
    lines += ["二、督导检查", *_wrapped("\u3000\u3000" + second, 34)]
    title, blocks = _blocks(tmp_path, "\n".join(lines) + "\n")
    assert title == TITLE
    assert blocks == [
        "一、工作要求",
        LEAD + "请各地认真落实，确保按时报送。",
        PROSE,
        "二、督导检查",
        second,
    ]
