"""Character classes for Chinese line breaking (clreq, GB/T 15834).

Tables, not code: the breaker only asks these predicates.
"""

from __future__ import annotations

import unicodedata

from ..textnorm import INVISIBLE, SPACES

# Never at the start of a line: stops, closing brackets and quotes, dashes, ellipses, …
NO_START = frozenset(
    "。，、；：？！）》」』】〕〗〉”’…—～·．｝］〞〟‐–%％‰℃"
    ",.;:?!)]}"
    "々〻ー゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# Never at the end of a line: opening brackets and quotes.
NO_END = frozenset("（《「『【〔〖〈“‘｛［〝([{")

# Full-width marks whose glyph sits in the left half of the cell (right half is blank).
RIGHT_BLANK = frozenset("，。、；：）》」』】〕〗〉”’．｝］")
# Full-width marks whose glyph sits in the right half (left half is blank).
LEFT_BLANK = frozenset("（《「『【〔〖〈“‘｛［")
# Never split inside these pairs.
PAIRS = ("——", "……")

# Characters that belong in Latin/number clusters (kept together, proportional).
_LATIN_JOIN = set(".,:/-_@%‰'&+#~=·")


def is_cjk_cell(ch: str) -> bool:
    """True for characters set on the full-width cell: hanzi, kana, full-width forms.
    The empty string (the neighbour past a paragraph's end) is none."""
    if not ch:
        return False
    o = ord(ch)
    if o < 0x2000:
        return ch == "·" or ch == "×" or ch == "÷" or ch == "§"
    if ch in "—…“”‘’" or 0x2460 <= o <= 0x24FF or 0x2160 <= o <= 0x217F:
        return True
    if 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F:
        return True
    if 0xFF01 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6:
        return True
    if 0x20000 <= o <= 0x3FFFF:
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F")


def is_latin_word(ch: str) -> bool:
    """A letter or digit of a Latin word; False for the empty string past a text's end."""
    if not ch:
        return False
    return (ch.isascii() and ch.isalnum()) or (not is_cjk_cell(ch) and ch.isalnum())


def joins_latin(prev: str, ch: str, nxt: str) -> bool:
    """Whether ``ch`` continues a Latin/number cluster (96.7%, a@b.cn, 2018-01-31).

    As Unicode line breaking (UAX #14) and the word processors have it: a line may end
    after a hyphen before a letter (well-|known, -|obj), not before a digit (COVID-19),
    and never between a word and the opening bracket after it (f(x), if(a)).
    """
    if is_latin_word(ch):
        return prev != "-" or ch.isdigit()
    if ch in "%‰℃":
        return True
    if ch in "([{" and is_latin_word(prev):
        return True
    return ch in _LATIN_JOIN and is_latin_word(prev) and (is_latin_word(nxt) or ch in "%‰")


_SPACES = frozenset(" \t" + SPACES + INVISIBLE)


def is_space(ch: str) -> bool:
    """A space (any Unicode space but the ideographic one, which takes a cell), or a
    zero-width character an issue file of an older version may still hold: the
    importers write both as spaces or drop them (``textnorm``)."""
    return ch in _SPACES
