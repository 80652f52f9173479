"""Word boundaries in Chinese text, for breaking long titles between words.

Segmentation is the maximum-probability route over a word list with frequencies (the
method of jieba, whose dictionary the list is cut from): every span found in the list is
a candidate word, a character outside the list is a word of its own, and the route with
the highest product of word frequencies wins. Titles are short, so this is instant; the
list is read once, on the first title that needs breaking.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ..template import ROOT
from . import costs

LEXICON = ROOT / "resources" / "lexicon" / "words.tsv"
MAX_WORD = 4


class _Lexicon:
    """The sorted word list, searched by bisection over the file's bytes: a probe finds
    the line it falls in with rfind/find, so loading is only reading the file (a dict, or
    even an index of line offsets, would cost more than setting every title). UTF-8
    sorts as the code points do, so the order is the list's."""

    def __init__(self, path: Path) -> None:
        try:
            self.data = path.read_bytes()
        except OSError:
            self.data = b""
        # the first line holds the sum of all frequencies: "#<TAB>total"
        end = self.data.find(b"\n")
        first = self.data[: end if end >= 0 else len(self.data)].decode("utf-8")
        head = first.partition("\t")[2]
        self.log_total = math.log(int(head)) if head.isdigit() else 0.0

    def __bool__(self) -> bool:
        return bool(self.data)

    def logp(self, word: str) -> float | None:
        key = (word + "\t").encode("utf-8", "surrogatepass")
        data = self.data
        size = len(data)
        # lo and hi are line starts: the lines before lo sort before key, the line at hi
        # and those after it do not
        lo, hi = 0, size
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            if end < 0:
                end = size
            if data[start:end] < key:
                lo = end + 1
            else:
                hi = start
        if lo < size:
            end = data.find(b"\n", lo)
            line = data[lo : end if end >= 0 else size].decode("utf-8")
            key_text = word + "\t"
            if line.startswith(key_text):
                return math.log(int(line[len(key_text) :])) - self.log_total
        return None


@lru_cache(maxsize=1)
def _lexicon(path: Path = LEXICON) -> _Lexicon:
    return _Lexicon(path)


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def segment(text: str) -> list[str]:
    """Words of ``text``; a run of Latin letters or digits stays one word."""
    lex = _lexicon()
    unknown = -lex.log_total - costs.WORD_UNKNOWN_BELOW if lex else -20.0
    n = len(text)
    best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i + 1
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".%"):
                j += 1
            best[i] = (unknown + best[j][0], j)
            continue
        own = lex.logp(ch) if _is_hanzi(ch) else None
        choice = ((unknown if own is None else own) + best[i + 1][0], i + 1)
        if _is_hanzi(ch):
            for j in range(i + 2, min(n, i + MAX_WORD) + 1):
                lp = lex.logp(text[i:j])
                if lp is not None:
                    choice = max(choice, (lp + best[j][0], j))
        best[i] = choice
    words, i = [], 0
    while i < n:
        j = best[i][1]
        words.append(text[i:j])
        i = j
    return words


def boundaries(text: str) -> set[int]:
    """Offsets between two words (0 < k < len(text))."""
    out, k = set(), 0
    for w in segment(text)[:-1]:
        k += len(w)
        out.add(k)
    return out


# paired marks of a title: a name, a book or a bracketed note between them is one unit
PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "〔": "〕", "(": ")"}


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def kept_whole(text: str) -> list[tuple[int, int]]:
    """Spans ``(i, j)`` of ``text`` a title line break should not fall inside (at
    i < k < j): a paired mark with what it holds (“飞航杯”, 《…法》, nested ones too),
    a Latin word or a number ("2023", "3.5%"). An opening mark never closed opens
    nothing, so a stray mark cannot hold the rest of a title together."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, ch in enumerate(text):
        if stack and ch == stack[-1][0]:
            out.append((stack.pop()[1], k + 1))
        elif ch in PAIRS:
            stack.append((PAIRS[ch], k))
    k = 0
    while k < len(text):
        if _latin(text[k]):
            j = k + 1
            while j < len(text) and (_latin(text[j]) or text[j] in ".%"):
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return sorted(out)
