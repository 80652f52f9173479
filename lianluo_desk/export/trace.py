"""Text trace of the box tree: one line per item, coordinates rounded to 0.1 pt.

Tests compare traces instead of PDF bytes (SILE's ``*.expected``): a diff shows which
line moved and by how much.
"""

from __future__ import annotations

from ..layout.boxes import Document, GlyphRun, ImageBox, Page, Rule
from .painter import paint


class TracePainter:
    def __init__(self) -> None:
        self.out: list[str] = []

    def begin_page(self, page: Page) -> None:
        self.out.append(f"page {page.number} {page.width:.1f}x{page.height:.1f}")

    def glyph_run(self, run: GlyphRun) -> None:
        bold = " bold" if run.bold else ""
        self.out.append(
            f"  text {run.x:.1f} {run.y:.1f} {run.font} {run.size:g} "
            f"cs={run.char_space:.2f} {run.color}{bold} {run.text}"
        )

    def rule(self, rule: Rule) -> None:
        self.out.append(
            f"  rule {rule.x:.1f} {rule.y:.1f} w={rule.width:.1f} "
            f"t={rule.thickness:.2f} {rule.color}{' down' if rule.vertical else ''}"
        )

    def image(self, image: ImageBox) -> None:
        self.out.append(
            f"  image {image.x:.1f} {image.y:.1f} {image.width:.1f}x{image.height:.1f} {image.path}"
        )

    def end_page(self, page: Page) -> None:
        pass


def trace(doc: Document) -> str:
    p = TracePainter()
    paint(doc, p)
    return "\n".join(p.out) + "\n"
