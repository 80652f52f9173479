"""A paragraph set one line shorter: what pagination asks for (through the paragraph's
``Shorter`` offer) to keep a lone line off a page top or bottom."""

from __future__ import annotations

import dataclasses

from ..fonts import FontSet
from ..linebreak import (
    Line,
    Span,
    break_lines,
    clusters,
    least_widths,
    may_fit,
    shape,
    suffix_clusters,
)
from .items import Shorter, TextLine
from .setting import Setting


def offer_shorter(
    setting: Setting, slots: list[TextLine], spans: list[Span], indent: int
) -> list[TextLine]:
    """The paragraph's lines, its first carrying the offer to pagination to set it one
    line shorter (punctuation compressed); a paragraph of one line has nothing to offer."""
    if len(slots) < 2:
        return slots
    g = setting.g
    offer = Shorter(
        len(slots),
        ShorterLines(
            [s.line for s in slots],
            spans,
            setting.indent(indent, spans),
            setting.fonts,
            setting.cell_ratio,
            g.latin_gap,
            g.text_width,
            g.fit_marks,
        ),
    )
    return [dataclasses.replace(slots[0], shorter=offer), *slots[1:]]


class ShorterLines:
    """A paragraph set one line shorter, made on pagination's first request."""

    def __init__(
        self,
        lines: list[Line],
        spans: list[Span],
        first: float,
        fonts: FontSet,
        cell_ratio: float,
        latin_gap: float,
        width: float,
        fit_marks: bool,
    ) -> None:
        self.lines, self.spans, self.first, self.fonts = lines, spans, first, fonts
        self.cell_ratio, self.latin_gap, self.width, self.fit_marks = (
            cell_ratio,
            latin_gap,
            width,
            fit_marks,
        )
        self.made: list[Line] | None = None

    def __call__(self) -> list[Line]:
        if self.made is None:
            lines, width, first = self.lines, self.width, self.first
            glyphs = [g for ln in lines for g in ln.glyphs]
            room = [width - first] + [width] * (len(lines) - 2)
            if may_fit(least_widths(glyphs)[0], glyphs, room):
                self.made = self.shorter()
            else:  # cannot be one line shorter however compressed: as set
                self.made = lines
        return self.made

    def shorter(self) -> list[Line]:
        """The paragraph one line shorter, changing as few lines as possible: the last
        lines are re-broken with punctuation compressed, the first ones stay as set."""
        glyphs = shape(self.spans, self.fonts, self.cell_ratio, self.latin_gap)
        first, width = self.first, self.width
        cls = clusters(glyphs)
        normal = break_lines(glyphs, width, first, tight=self.fit_marks, cls=cls)
        n = len(normal)
        index = {id(g): k for k, g in enumerate(glyphs)}
        least = least_widths(glyphs)
        for m in range(n - 2, -1, -1):
            start = index[id(normal[m].glyphs[0])] if m else 0
            room = [width - (first if m == 0 else 0.0)] + [width] * (n - 2 - m)
            if not may_fit(least[start], glyphs[start:], room):
                continue  # the last lines cannot be one shorter: try with more of them
            tail = break_lines(
                glyphs[start:],
                width,
                first if m == 0 else 0.0,
                tight=True,
                cls=suffix_clusters(cls, glyphs[start]),
            )
            if m + len(tail) <= n - 1:
                return normal[:m] + tail
        return normal
