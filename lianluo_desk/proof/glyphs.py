"""The rule for characters no shipped face prints (emoji, private-use characters, rare
ideographs beyond GBK and Extension A): each is flagged where it stands, with its
equivalent among the characters that print where one exists, else its deletion."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ..layout.coverage import covered, uncovered

# Emoji and pictographs drafts carry (pasted from chats and web pages) → the office
# symbol they stand for, which the shipped faces print.
EQUIVALENTS = {
    "✅": "☑",
    "❎": "☒",
    "❌": "✗",
    "⭕": "○",
    "❗": "！",
    "❓": "？",
    "⭐": "★",
    "🌟": "★",
    "⬛": "■",
    "⬜": "□",
    "🔲": "□",
    "🔳": "□",
    "🟥": "■",
    "🟩": "■",
    "🟦": "■",
    "🔴": "●",
    "🟢": "●",
    "🔵": "●",
    "🟡": "●",
    "🔶": "◆",
    "🔷": "◆",
    "🔸": "◆",
    "🔹": "◆",
    "🔺": "▲",
    "🔻": "▼",
    "👉": "☞",
    "👈": "☜",
    "📌": "●",
    "📍": "●",
    "📞": "☎",
    "⏩": "▶",
    "⬅": "←",
    "⬆": "↑",
    "⬇": "↓",
}


def equivalent(ch: str) -> str:
    """What prints in place of ``ch``: its equivalent, its compatibility form when that
    prints (𝟏 → 1, ﹫ → @), or nothing."""
    if ch in EQUIVALENTS:
        return EQUIVALENTS[ch]
    nfkc = unicodedata.normalize("NFKC", ch)
    if nfkc != ch and nfkc.strip() and all(covered(c) for c in nfkc):
        return nfkc
    return ""


def rule_glyph(text: str) -> Iterator[tuple[int, int, str | None]]:
    """A character no shipped face prints: replaced by its equivalent, else deleted (the
    emoji variation selector after it goes with it)."""
    end = 0
    for i in uncovered(text):
        if i < end:
            continue
        end = i + 1
        while end < len(text) and "\ufe00" <= text[end] <= "\ufe0f":
            end += 1
        yield i, end, equivalent(text[i])
