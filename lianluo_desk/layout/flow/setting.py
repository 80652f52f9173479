"""The format in force and how a paragraph is set in it: what every phase of the flow
(and the tables and the 版记) sets its text with."""

from __future__ import annotations

from ...template import Style, Template
from ..fonts import FontSet
from ..linebreak import Line, Span, break_lines, halve_marks, shape


class Setting:
    """The template's geometry and body style, and the format in force for the issue
    (``t``: the template as dated for it, set by the composer before each layout)."""

    def __init__(self, template: Template, fonts: FontSet) -> None:
        self.t = template
        self.g = template.geometry
        self.fonts = fonts
        self.body = template.styles["body"]
        self.cell_ratio = self.g.cell / self.body.size

    def style(self, name: str) -> Style:
        return self.t.styles[name]

    def indent(self, chars: int, spans: list[Span]) -> float:
        """A first-line indent of ``chars`` characters of the paragraph's first style."""
        return chars * self.g.cell * spans[0].style.size / self.body.size

    def set_par(
        self,
        spans: list[Span],
        width: float | None = None,
        indent_chars: int = 0,
        rest_indent: float = 0.0,
        justify: bool = True,
        tight: bool = False,
        half_marks: bool = False,
    ) -> list[Line]:
        width = self.g.text_width if width is None else width
        glyphs = shape(spans, self.fonts, self.cell_ratio, self.g.latin_gap)
        if not glyphs:
            return []
        if half_marks:
            halve_marks(glyphs)
        first = self.indent(indent_chars, spans)
        return break_lines(glyphs, width, first, rest_indent, justify, tight=tight)
