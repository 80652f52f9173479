"""Word boundaries in Chinese text, for breaking long titles between words.

Segmentation is the maximum-probability route over a word list with frequencies (the
method of jieba, whose dictionary the list is cut from): every span found in the list is
a candidate word, a character outside the list is a word of its own, and the route with
the highest product of word frequencies wins. Titles are short, so this is instant; the
list is read once, on the first title that needs breaking.

The list holds words of at most four characters, and the maximum-probability route
prefers two common words to a rarer whole, so the fixed terms of a 公文 title come out
in parts: 毕业|设计, 实施|方案, 常务|委员会. A break between the parts then scored as well
as one between the title's phrases (南京邮电大学2019届毕业 | 设计…). So the words are
joined a second time by ``COMPOUNDS``, a table of terms written by hand (no text copied
in): the plans, reports and rules offices issue under the 党政机关公文处理工作条例
(实施方案, 工作要点), the organs the Constitution and the organic law of local congresses
name (人民代表大会, 常务委员会), the bulletin's own work (选举任免, 联络工作) and a
school's graduation work (毕业设计). Terms the list already has whole (培训班, 座谈会)
need no entry. A term joins only whole words of the segmentation, so it never binds
across a word's edge (推进会议 is 推进|会议, not 推进会 and 议), and terms may overlap
(选举任免联络工作 holds as one). Growing the word list instead would change every route
through it; the table changes only where a title may break.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import accumulate
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


# fixed terms of office and school titles, each a run of the segmentation's words
COMPOUNDS = frozenset(
    # plans, reports and rules an office issues (the 文种 and what they are titled)
    "工作总结 工作要点 工作计划 工作方案 工作报告 工作规则 工作会议 实施方案 实施意见 "
    "实施细则 实施办法 管理办法 议事规则 "
    # organs of state and of a congress
    "人民代表大会 代表大会 常务委员会 工作委员会 专门委员会 监察委员会 人民检察院 "
    "人大常委会 主任会议 常委会会议 代表联络站 "
    # the work of a congress's 联工委 and its meetings
    "选举任免 联络工作 代表工作 代表建议 履职服务 学习培训 专题培训 执法检查 专题询问 "
    "专题调研 述职评议 推进会 "
    # a school's graduation work
    "毕业设计 毕业论文 毕业实习 开题报告 中期检查".split()
)
COMPOUND_MAX = max(map(len, COMPOUNDS))


def boundaries(text: str) -> set[int]:
    """Offsets between two words (0 < k < len(text)) that no fixed term spans."""
    words = segment(text)
    ends = list(accumulate(map(len, words)))
    held: set[int] = set()
    for a in range(len(words)):
        term = words[a]
        for b in range(a + 1, len(words)):
            term += words[b]
            if len(term) > COMPOUND_MAX:
                break
            if term in COMPOUNDS:
                held.update(ends[a:b])
    return set(ends[:-1]) - held


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
