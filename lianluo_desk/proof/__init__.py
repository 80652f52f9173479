"""Proofing: punctuation and number rules of GB/T 15834/15835 that drafts break most.

Findings name the place (article, block, offset), show the text around it and propose a
fix; nothing is changed unless a rule's fixes are applied explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..layout.kinsoku import is_cjk_cell
from ..model.issue import Block, BlockKind, Issue
from . import tables

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJKP = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
# Latin runs that must not be touched: URLs, e-mail addresses, numbers with decimals.
_PROTECT = re.compile(
    r"(https?://|www\.)[^\s\u3000-\u9fff]+|[\w.+-]+@[\w-]+(\.[\w-]+)+"
    r"|\d+(\.\d+)+%?|[A-Za-z]+(\.[A-Za-z]+)+"
)


@dataclass
class Finding:
    rule: str
    article: int  # index, -1 for the issue note
    block: int  # index in the article's blocks; -1 title, -2 subtitle, -3 note
    start: int
    end: int
    text: str  # the text being replaced
    fix: str | None  # replacement, None when only a person can decide
    context: str
    severity: str = "error"  # error: must be fixed before print; warning: look at it
    field: str = "text"  # which text of the block: text, runin, note, subtitle, titleN

    def where(self) -> str:
        part = {-1: "标题", -2: "副标题", -3: "编者按"}.get(self.block, f"第{self.block + 1}段")
        if self.field.startswith("cell"):
            part += " " + tables.where(self.field)
        art = "刊首编者按" if self.article < 0 else f"第{self.article + 1}篇"
        return f"{art} {part} 第{self.start + 1}字"


Rule = Callable[[str], Iterator[tuple[int, int, str | None]]]


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECT.finditer(text)]


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def _near_cjk(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    return bool(prev and is_cjk_cell(prev)) or bool(nxt and is_cjk_cell(nxt))


def rule_halfwidth(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Half-width , ; : ? ! ( ) . inside Chinese text."""
    prot = _protected(text)
    for i, ch in enumerate(text):
        if ch not in _HALF or _inside(prot, i):
            continue
        if ch == "." and not (i > 0 and re.match(f"[{_HAN}]", text[i - 1])):
            continue
        if ch in "()":
            close = text.find(")", i) if ch == "(" else i
            open_ = text.rfind("(", 0, i + 1) if ch == ")" else i
            inner = text[open_ + 1 : close] if 0 <= open_ < close else ""
            if not (_near_cjk(text, i) or any(is_cjk_cell(c) for c in inner)):
                continue
        elif not _near_cjk(text, i):
            continue
        end = i + 1
        while end < len(text) and text[end] == " " and ch in ",;:?!":
            end += 1  # the space typed after a half-width mark goes with it
        yield i, end, _HALF[ch]


def rule_quotes(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Straight quotes in Chinese text → “” ‘’, alternating open and close."""
    for q, pair in (('"', "“”"), ("'", "‘’")):
        opened = False
        for i, ch in enumerate(text):
            if ch != q:
                continue
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if (
                q == "'"
                and i > 0
                and text[i - 1].isascii()
                and text[i - 1].isalpha()
                and nxt.isascii()
                and nxt.isalpha()
            ):
                continue  # an apostrophe in English (It's)
            yield i, i + 1, pair[1] if opened else pair[0]
            opened = not opened


def rule_dashes(text: str) -> Iterator[tuple[int, int, str | None]]:
    """-- or a lone — for a dash, ... or 。。。 for an ellipsis."""
    for m in re.finditer(r"(?<![-\w])-{2,}(?![-\w])|(?<=[^\x00-\x7f])--?(?=[^\x00-\x7f\d])", text):
        yield m.start(), m.end(), "——"
    for m in re.finditer(r"(?<!—)—(?!—)", text):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue  # 0731—85309270: a number range
        yield m.start(), m.end(), "——"
    for m in re.finditer(r"\.{3,}|。{3,}|…(?!…)", text):
        if m.group() == "…" and m.start() > 0 and text[m.start() - 1] == "…":
            continue
        yield m.start(), m.end(), "……"


def rule_spaces(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Spaces between Chinese characters (or between hanzi and a number)."""
    for m in re.finditer(
        f"(?<=[{_HAN}{_CJKP}])[ \u00a0]+(?=[{_HAN}])"
        f"|(?<=[{_HAN}])[ \u00a0]+(?=[0-9])|(?<=[0-9%])[ \u00a0]+(?=[{_HAN}])",
        text,
    ):
        yield m.start(), m.end(), ""


def rule_year(text: str) -> Iterator[tuple[int, int, str | None]]:
    """A year written in two digits (18年): write it in full."""
    for m in re.finditer(r"(?<![\d.])(['’]?)(\d{2})年(?!代)", text):
        yy = int(m.group(2))
        yield m.start(), m.end(), f"{2000 + yy if yy < 50 else 1900 + yy}年"


def rule_docno(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Year in a document number in 〔〕: 湘发[2017]11号 → 湘发〔2017〕11号."""
    for m in re.finditer(r"[\[【（(]((?:19|20)\d{2})[\]】）)](?=\d+号)", text):
        yield m.start(), m.end(), f"〔{m.group(1)}〕"


def rule_balance(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Unbalanced quotes and brackets: only a person can tell where the mate belongs."""
    pairs = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "〔": "〕", "「": "」"}
    closers = {v: k for k, v in pairs.items()}
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in pairs:
            stack.append((ch, i))
        elif ch in closers:
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            else:
                yield i, i + 1, None
    for _ch, i in stack:
        yield i, i + 1, None


def rule_doubled(text: str) -> Iterator[tuple[int, int, str | None]]:
    """A function character typed twice (的的, 了了): usually a retyped line end."""
    for m in re.finditer(r"([的了是在和与及对将把被])\1(?!\1)", text):
        if m.group() in ("了了",) and text[m.end() : m.end() + 1] == "之":
            continue
        yield m.start(), m.end(), m.group(1)


def tab_fix(text: str, start: int, end: int) -> str:
    """What a run of tab characters becomes: a space between Latin letters or digits,
    nothing next to Chinese (a tab typed or pasted for alignment)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    latin = before.isascii() and after.isascii() and before.strip() and after.strip()
    return " " if latin else ""


def rule_tabs(text: str) -> Iterator[tuple[int, int, str | None]]:
    """Tab characters: the layout knows no tab stops; they came with pasted text."""
    for m in re.finditer(r"\t+", text):
        yield m.start(), m.end(), tab_fix(text, m.start(), m.end())


RULES: dict[str, tuple[Rule, str, str]] = {
    "halfwidth": (rule_halfwidth, "error", "半角标点用在中文里"),
    "quotes": (rule_quotes, "error", "直引号"),
    "dashes": (rule_dashes, "error", "破折号、省略号写法"),
    "spaces": (rule_spaces, "warning", "汉字之间或汉字与数字之间有空格"),
    "year": (rule_year, "error", "年份省写"),
    "docno": (rule_docno, "error", "发文字号年份应用六角括号〔〕"),
    "balance": (rule_balance, "error", "引号或括号不成对"),
    "doubled": (rule_doubled, "warning", "重复的字"),
    "tabs": (rule_tabs, "error", "制表符（Tab）"),
}


def _texts(issue: Issue) -> Iterator[tuple[int, int, str, str]]:
    """(article, block, field, text) of every editable text of the issue."""
    if issue.note:
        yield -1, -3, "note", issue.note
    for ai, art in enumerate(issue.articles):
        for k, t in enumerate(art.title):
            yield ai, -1, f"title{k}", t
        if art.subtitle:
            yield ai, -2, "subtitle", art.subtitle
        if art.note:
            yield ai, -3, "note", art.note
        for bi, b in enumerate(art.blocks):
            if b.kind is BlockKind.IMAGE:
                continue
            if b.kind is BlockKind.TABLE:
                yield from ((ai, bi, field, text) for field, text in tables.texts(b))
                continue
            if b.runin:
                yield ai, bi, "runin", b.runin
            yield ai, bi, "text", b.text


def check(issue: Issue, rules: list[str] | None = None) -> list[Finding]:
    out: list[Finding] = []
    for ai, bi, field, text in _texts(issue):
        for name in rules or list(RULES):
            fn, severity, _label = RULES[name]
            for start, end, fix in fn(text):
                ctx = text[max(0, start - 10) : end + 10]
                out.append(
                    Finding(name, ai, bi, start, end, text[start:end], fix, ctx, severity, field)
                )
    return out


def fix_one(issue: Issue, f: Finding) -> None:
    """Apply one finding's fix, if the text there is still what was found."""
    if f.fix is None:
        raise ValueError("this finding has no automatic fix")
    if f.field.startswith("cell"):
        cell = tables.para(issue.articles[f.article].blocks[f.block], f.field)
        if cell is None:
            raise ValueError("the table changed since it was checked")
        tables.fix_span(cell, f.start, f.end, f.text, f.fix)
        return
    owner, attr = _locate(issue, f)
    text = getattr(owner, attr) if not attr.startswith("title") else owner.title[int(attr[5:])]
    if text[f.start : f.end] != f.text:
        raise ValueError("the text changed since it was checked")
    new = text[: f.start] + f.fix + text[f.end :]
    if attr.startswith("title"):
        owner.title[int(attr[5:])] = new
    else:
        setattr(owner, attr, new)


def _locate(issue: Issue, f: Finding) -> tuple[Any, str]:
    if f.article < 0:
        return issue, "note"
    art = issue.articles[f.article]
    if f.block >= 0:
        return art.blocks[f.block], f.field
    return art, f.field


def _apply(text: str, finds: list[tuple[int, int, str]]) -> str:
    for start, end, fix in sorted(finds, reverse=True):
        text = text[:start] + fix + text[end:]
    return text


def fix(issue: Issue, rules: list[str]) -> int:
    """Apply the proposed fixes of ``rules``; returns how many were applied."""
    count = 0
    for name in rules:
        if name not in RULES:
            raise KeyError(name)
    for name in rules:  # one rule at a time: offsets stay valid within a rule
        fn = RULES[name][0]

        def apply(text: str, fn: Rule = fn) -> str:
            # repeat: a fixed mark can make its neighbour Chinese context (）,8 → ），8)
            nonlocal count
            for _ in range(3):
                finds = [(s, e, f) for s, e, f in fn(text) if f is not None]
                if not finds:
                    break
                count += len(finds)
                text = _apply(text, finds)
            return text

        if issue.note:
            issue.note = apply(issue.note)
        for art in issue.articles:
            art.title = [apply(t) for t in art.title]
            art.subtitle = apply(art.subtitle)
            art.note = apply(art.note)
            for b in art.blocks:
                _fix_block(b, apply)
    return count


def _fix_block(b: Block, apply: Callable[[str], str]) -> None:
    if b.kind is BlockKind.TABLE:
        tables.fix_all(b, apply)
        return
    if b.kind is BlockKind.IMAGE:
        b.caption = apply(b.caption)
        return
    b.runin = apply(b.runin)
    b.text = apply(b.text)
