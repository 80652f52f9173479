"""Clean-ups shared by the importers: the artefacts of text extraction, not the author's
typing (which proofing reports and fixes only when asked)."""

from __future__ import annotations

import re

from ..layout.kinsoku import is_cjk_cell

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
