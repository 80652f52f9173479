"""Clean-ups shared by the importers: the artefacts of text extraction, not the author's
typing (which proofing reports and fixes only when asked)."""

from __future__ import annotations

import re

from ..layout.kinsoku import is_cjk_cell
from ..textnorm import visible

_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·]"
_SPACE_CJK_LATIN = re.compile(
    rf"(?<={_CJK})[ \t\u00a0]+(?=[0-9A-Za-z%(])"
    rf"|(?<=[0-9A-Za-z%)])[ \t\u00a0]+(?={_CJK})"
)
_SPACE_CJK_CJK = re.compile(rf"(?<={_CJK})[ \t\u00a0]+(?={_CJK})")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def strip_extraction_spaces(text: str, keep_cjk_gaps: bool = False) -> str:
    """Remove spaces that PDF extraction put between hanzi and digits (2017 年 → 2017年)."""
    text = _SPACE_CJK_LATIN.sub("", text)
    if not keep_cjk_gaps:
        text = _SPACE_CJK_CJK.sub("", text)
    return text.strip()


def fullwidth_punct_in_cjk(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to hanzi → full width, as the print has them."""
    out = list(text)
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in _HALF_TO_FULL:
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch == "(":
            close = text.find(")", i)
            inner = text[i + 1 : close] if close > 0 else text[i + 1 : i + 12]
            ok = (
                (nxt and is_cjk_cell(nxt))
                or (prev and is_cjk_cell(prev))
                or any(is_cjk_cell(c) for c in inner)
            )
        elif ch == ")":
            ok = bool(prev and is_cjk_cell(prev)) or bool(nxt and is_cjk_cell(nxt))
        else:
            ok = (
                bool(prev)
                and is_cjk_cell(prev)
                or (bool(nxt) and is_cjk_cell(nxt) and not prev.isdigit())
            )
        if ok:
            out[i] = _HALF_TO_FULL[ch]
    return "".join(out)


# Symbol and Wingdings characters as Word keeps them (private use, U+F0xx), as the
# nearest character the bundled faces show
SYMBOL_FONT: dict[str, str | int | None] = {
    "\uf0b7": "●",  # Symbol bullet
    "\uf06c": "●",  # Wingdings l, a round bullet
    "\uf09f": "●",
    "\uf0a7": "■",  # Wingdings square bullet
    "\uf06e": "■",
    "\uf0a8": "■",
    "\uf075": "◆",
    "\uf076": "◆",  # Wingdings ❖
    "\uf0d8": "→",  # Wingdings ➢
    "\uf0e8": "→",  # Wingdings ➔
    "\uf0f0": "→",
    "\uf0fc": "√",  # Wingdings ✓
    "\uf0fe": "√",
    # Wingdings' circled numbers: ⓪ ① … ⑩, then ⓿ ❶ … ❿
    **{chr(0xF080 + k): ch for k, ch in enumerate("⓪①②③④⑤⑥⑦⑧⑨⑩⓿❶❷❸❹❺❻❼❽❾❿")},
}
_SYMBOLS = str.maketrans(SYMBOL_FONT)
# a bullet typed from a symbol font (a circled number numbers the text: it stays)
_MARKER = re.compile("^[\uf000-\uf07f\uf096-\uf0ff][ \t\u00a0\u3000]*")


def source_text(text: str) -> str:
    """A draft's characters as the page shows them: no byte-order mark or invisible
    break hint, symbol-font characters as Unicode. The one clean-up every importer (and
    proofing, comparing with a source) applies to text read from a file; the invisible
    characters are those review leaves out too (``textnorm``), so both see one text."""
    return visible(text).translate(_SYMBOLS)


def drop_symbol_marker(text: str) -> tuple[str, bool]:
    """A paragraph without the symbol-font bullet typed at its start (a list marker, left
    out like the bullets of Word's own lists); True when there was one."""
    m = _MARKER.match(text)
    return (text[m.end() :], True) if m else (text, False)
