"""The painter interface: every output walks the same box tree (after SILE's outputters)."""

from __future__ import annotations

from typing import Protocol

from ..layout.boxes import Document, GlyphRun, ImageBox, Page, Rule


class Painter(Protocol):
    def begin_page(self, page: Page) -> None: ...
    def glyph_run(self, run: GlyphRun) -> None: ...
    def rule(self, rule: Rule) -> None: ...
    def image(self, image: ImageBox) -> None: ...
    def end_page(self, page: Page) -> None: ...


def paint(doc: Document, painter: Painter) -> None:
    for page in doc.pages:
        painter.begin_page(page)
        for item in page.items:
            if isinstance(item, GlyphRun):
                painter.glyph_run(item)
            elif isinstance(item, Rule):
                painter.rule(item)
            elif isinstance(item, ImageBox):
                painter.image(item)
        painter.end_page(page)
