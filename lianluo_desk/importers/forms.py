"""The typed forms that tell a paragraph's role by its text alone: heading labels as
offices type them (一、 一． （一） 1. １、 第一章), an editor's note, a date line, a
document number (发文字号), a byline."""

from __future__ import annotations

import re

CN_DIGITS = "一二三四五六七八九十"
H1 = re.compile(rf"^[{CN_DIGITS}]+\s*[、．.](?![\d０-９])")
H2 = re.compile(rf"^[（(][{CN_DIGITS}]+[）)]")
H3 = re.compile(r"^[\d０-９]{1,2}\s*[.．、](?![\d０-９])")
H4 = re.compile(r"^[（(][\d０-９]{1,2}[）)]")
_D = r"[\d０-９]{1,2}"
# 1 项目概况 (a space after a lone number), 1.1 建设背景 / 1.1建设背景 / 1．1．1 政策依据:
# a heading only in a sequence of them (decimal_heads.py)
DECIMAL = re.compile(
    rf"^({_D}(?:\s*[.．]\s*{_D}){{1,4}})(?![\d０-９.．%％])\s*(?=[\u4e00-\u9fff])"
    rf"|^({_D})[ \u3000]+(?=[\u4e00-\u9fff])"
)
# 第一章 / 第一编 / 第一部分 (level 1), 第一节 (level 2); a 第一条 is an article of a text
# of rules
CHAPTER = re.compile(rf"^第[{CN_DIGITS}百零〇两\d]{{1,4}}\s*([编章节]|部分)(?![课次])")
ARTICLE_NO = re.compile(rf"^第[{CN_DIGITS}百零〇两\d]{{1,5}}\s*条")
NOTE = re.compile(r"^(【编者按】|编者按[:：]?)")
SUBTITLE = re.compile(r"^[（(]\s*\d{4}\s*年[^）)]{0,12}[）)]$")
BYLINE = re.compile(
    r"^[（(][^（()）]{2,40}(供稿|综合|整理|报送|撰稿|[ \u3000][\u4e00-\u9fff]{2,4})[）)]$"
)
_Y = r"(\d{4}|[〇○零一二三四五六七八九]{4})"
_N = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"^{_Y}\s*年\s*{_N}\s*月\s*({_N}\s*日)?$")
# 发文字号: 湘人大发〔2022〕3号, ×字〔2018〕14号, a 签发人 beside it on the line
DOC_NUMBER = re.compile(
    r"^\S{1,16}?[〔\[［【(（]\s*(19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号"
    r"([\s\u3000]+签发人[:：].{0,12})?$"
)
TERMINAL = "。！？；：…"
MD_ITEM = "md-item"  # the style of a Markdown list item: a list item, never a heading
HEADING_MAX = 30  # a heading is a line: 30 characters at most (long ones: see below)
# a 一、 or （一） heading over two lines is still one when nothing in it ends a sentence
LONG_HEADING_MAX = 60


def heading_level(text: str) -> int:
    m = CHAPTER.match(text)
    if m:
        return 2 if m.group(1) == "节" else 1
    for level, pat in ((1, H1), (2, H2), (4, H4), (3, H3)):
        if pat.match(text):
            return level
    return 0


def is_heading_text(text: str, numbered: bool = False) -> bool:
    """A line a heading can be: short, ending on no sentence mark (a numbered one may end
    on a colon, 一、立项要求：)."""
    t = text.strip()
    ends = TERMINAL + "，、,"
    if numbered:
        ends = ends.replace("：", "")
        t = t.rstrip(":")
    return 0 < len(t) <= HEADING_MAX and t[-1] not in ends


def is_long_heading(text: str) -> bool:
    """A 一、 or （一） paragraph over HEADING_MAX that still reads as a heading: no mark
    inside ends a sentence or a clause before a colon."""
    t = text.strip()
    return (
        heading_level(t) in (1, 2)
        and not CHAPTER.match(t)
        and HEADING_MAX < len(t) <= LONG_HEADING_MAX
        and not re.search(r"[。！？；：:…]", t[:-1])
        and t[-1] not in "。！？；…，、,"
    )


def _label_shape(text: str) -> str:
    """A numbered line's label with its number masked ("#、", "（#）"), so that items of one
    list are known by their label; "" for a line without one (a chapter is no item)."""
    if CHAPTER.match(text):
        return ""
    for pat in (H1, H2, H3, H4, DECIMAL):
        m = pat.match(text)
        if m:
            label = re.sub(r"[\d０-９]+", "#", m.group(0).replace(" ", ""))
            return re.sub(rf"[{CN_DIGITS}]+", "一", label)
    return ""


def list_items(texts: list[str | None], by_word: bool = False) -> set[int]:
    """Indices of the numbered lines that are items of a list: two or more typed one after
    another with the same label, some of them sentences. A short one among them is an
    item like its neighbours, not a heading: a heading has text under it, and these are
    followed by the next item (the last one by nothing, or it stays what it reads as).
    ``None`` stands for a table or a picture, which ends a run. ``by_word``: the lines
    are items Word numbered, a list whatever their length, to its end when three or more."""
    out: set[int] = set()
    run: list[int] = []
    shape = ""
    for k, t in enumerate([*texts, None]):
        s = _label_shape(t.strip()) if t else ""
        if s and s == shape:
            run.append(k)
            continue
        sentence = any(
            not is_heading_text(str(texts[j]), numbered=True) and not is_long_heading(str(texts[j]))
            for j in run
        )
        if len(run) >= 2 and (sentence or by_word):
            whole = run[-1] == len(texts) - 1 or (by_word and len(run) >= 3)
            out.update(run if whole else run[:-1])
        run, shape = ([k], s) if s else ([], "")
    return out
