"""Chinese line breaking on a character grid.

A paragraph is cut into clusters that never split (a hanzi, ——, ……, a Latin word or
number with its unit). Of two adjacent full-width marks one always loses its blank half.
Lines are filled greedily to the grid width. Where the natural break would put a
forbidden mark at a line start or end, punctuation is compressed first (a line-end mark
to half width) to pull the mark in; failing that, characters are pushed to the next
line. The remaining space is spread evenly over the line so full lines end exactly on
the text block's right edge; nothing hangs into the margin.

The phases live in ``inline/``; this module names what the rest of the layout uses."""

from __future__ import annotations

from .inline.breaker import break_lines, least_widths, may_fit, no_lone_char
from .inline.clusters import clusters, suffix_clusters
from .inline.glyphs import Cluster, Glyph, Line, Span
from .inline.shape import halve_marks, shape

__all__ = [
    "Cluster",
    "Glyph",
    "Line",
    "Span",
    "break_lines",
    "clusters",
    "halve_marks",
    "least_widths",
    "may_fit",
    "no_lone_char",
    "shape",
    "suffix_clusters",
]
