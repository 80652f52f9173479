"""Clusters: glyphs that never split (a hanzi, ——, ……, a Latin word or number with
its unit), and where a line may break between two of them (避头尾)."""

from __future__ import annotations

from ..kinsoku import NO_END, NO_START, PAIRS, joins_latin
from .glyphs import Cluster, Glyph

_PAIR_CHARS = frozenset(p[0] for p in PAIRS if len(p) == 2 and p[0] == p[1])
assert len(_PAIR_CHARS) == len(PAIRS)  # every pair is one mark doubled


def clusters(glyphs: list[Glyph]) -> list[Cluster]:
    out: list[Cluster] = []
    append = out.append
    n = len(glyphs)
    i = 0
    while i < n:
        g = glyphs[i]
        j = i + 1
        if g.cjk and g.ch not in _PAIR_CHARS:  # most glyphs: a cluster of one
            append(Cluster([g]))
            i = j
            while i < n:  # and the ones after it, without the tests below
                g = glyphs[i]
                if not g.cjk or g.ch in _PAIR_CHARS:
                    break
                append(Cluster([g]))
                i += 1
            continue
        if g.space and not g.cjk:
            while j < n and glyphs[j].space and not glyphs[j].cjk and not glyphs[j].hard:
                j += 1
        elif not g.cjk:
            while j < n and not glyphs[j].cjk and not glyphs[j].space and not glyphs[j].hard:
                prev = glyphs[j - 1].ch
                nxt = glyphs[j + 1].ch if j + 1 < n else ""
                if not joins_latin(prev, glyphs[j].ch, nxt):
                    break
                j += 1
        elif g.ch in _PAIR_CHARS:  # —— and …… (PAIRS): a mark doubled
            while j < n and glyphs[j].ch == g.ch and j - i < 2 and not glyphs[j].hard:
                j += 1
        out.append(Cluster(glyphs[i:j]))
        i = j
    return out


def may_break(a: Cluster, b: Cluster) -> bool:
    """Whether a line may end after ``a`` and the next start with ``b``."""
    if b.space or a.space:
        return True
    return a.last not in NO_END and b.first not in NO_START


def trim(line: list[Cluster]) -> list[Cluster]:
    while line and line[-1].space:
        line = line[:-1]
    while line and line[0].space:
        line = line[1:]
    return line


def suffix_clusters(cls: list[Cluster], glyph: Glyph) -> list[Cluster] | None:
    """The clusters from the one ``glyph`` begins on (what ``clusters`` gives for the
    glyphs from there: a cluster depends only on what follows its start), or None
    when ``glyph`` begins none."""
    for k, c in enumerate(cls):
        if c.glyphs[0] is glyph:
            return cls[k:]
    return None
