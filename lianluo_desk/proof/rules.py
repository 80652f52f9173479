"""The proofing rules: each finds in one text what GB/T 15834/15835 and the office's
practice call an error, with the fix where one can be proposed. A rule sees only the
text; what it must not flag where a text stands (a title, a byline) is in ``NOT_IN``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..layout.kinsoku import is_cjk_cell
from ..model.issue import BlockKind
from .glyphs import rule_glyph

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJKP = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
# Latin runs that must not be touched: URLs, e-mail addresses, numbers with decimals.
_PROTECT = re.compile(
    r"(https?://|www\.)[^\s\u3000-\u9fff]+|[\w.+-]+@[\w-]+(\.[\w-]+)+"
    r"|\d+(\.\d+)+%?|[A-Za-z]+(\.[A-Za-z]+)+"
)


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
    """Spaces between Chinese characters (or between hanzi and a number), except where
    the space means something: between parallel phrases of four characters or more
    (他山之石 可以攻玉), before the name closing a byline (（联工委选举任免处 容畅）)."""
    for m in re.finditer(
        f"(?<=[{_HAN}{_CJKP}])[ \u00a0]+(?=[{_HAN}])"
        f"|(?<=[{_HAN}])[ \u00a0]+(?=[0-9])|(?<=[0-9%])[ \u00a0]+(?=[{_HAN}])",
        text,
    ):
        if _parallel(text, m.start(), m.end()) or _before_name(text, m.end()):
            continue
        yield m.start(), m.end(), ""


_HAN_RUN = re.compile(f"[{_HAN}]+")


def _parallel(text: str, start: int, end: int) -> bool:
    """Two whole phrases of ≥ 4 hanzi on either side of the space (对仗)."""
    left = re.search(f"[{_HAN}]+$", text[:start])
    right = _HAN_RUN.match(text, end)
    return bool(left and right and len(left.group()) >= 4 and len(right.group()) >= 4)


def _before_name(text: str, end: int) -> bool:
    """A name of 2–4 hanzi closing a bracketed byline at the end of the text."""
    m = re.match(f"[{_HAN}]{{2,4}}[）)]\\s*$", text[end:])
    return bool(m) and max(text.rfind("（", 0, end), text.rfind("(", 0, end)) >= 0


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
    "glyph": (rule_glyph, "error", "没有字体能显示的字符"),
}


def _meant_space(field: str, kind: BlockKind | None, text: str, start: int, end: int) -> bool:
    """A space between hanzi in a title is the editor's explicit line break; the one in
    a byline stands before the name. (A title's 2017 年 is still a typing error.)"""
    if kind is BlockKind.BYLINE:
        return True
    between = f"[{_HAN}{_CJKP}][{_HAN}]"
    return field.startswith("title") and bool(
        re.match(between, text[start - 1 : start] + text[end : end + 1])
    )


#: Findings of a rule that are no errors where they stand (field, kind, text, span).
NOT_IN: dict[str, Callable[[str, BlockKind | None, str, int, int], bool]] = {
    "spaces": _meant_space,
}
