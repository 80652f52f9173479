"""A page's Content.xml from its boxes: a painter over the same box tree the PDF writer
draws, in millimetres (OFD's unit; y downwards from the top edge, as the box tree's).

Each glyph run is a TextObject with one TextCode at the run's baseline origin and the
advances between its characters (DeltaX, repeats as ``g N v``), the advances the PDF
gets from its width array and character spacing; rules are PathObjects, pictures
ImageObjects naming a MultiMedia resource.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from ...layout.boxes import GlyphRun, ImageBox, Page, Rule
from ...layout.fonts import Face

MM = 25.4 / 72  # millimetres per point
NS = "http://www.ofdspec.org/2016"


def mm(v: float) -> str:
    """A length in millimetres, to a thousandth: no exponent, no trailing zeros."""
    s = f"{v * MM:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _rgb(hexstr: str) -> str:
    h = hexstr.lstrip("#")
    return " ".join(str(int(h[i : i + 2], 16)) for i in (0, 2, 4))


def delta_x(advances: list[str]) -> str:
    """OFD's DeltaX: the advances, a value repeated N times written ``g N v``."""
    out: list[str] = []
    i = 0
    while i < len(advances):
        j = i
        while j < len(advances) and advances[j] == advances[i]:
            j += 1
        n = j - i
        out.append(f"g {n} {advances[i]}" if n > 1 else advances[i])
        i = j
    return " ".join(out)


class PagePainter:
    """Content.xml of one page; object IDs come from ``new_id``, fonts and images are
    named by the resource IDs the package gave them."""

    def __init__(
        self,
        new_id: Callable[[], int],
        fonts: dict[str, int],
        faces: dict[str, Face],
        images: dict[str, int],
    ) -> None:
        self.new_id, self.fonts, self.faces, self.images = new_id, fonts, faces, images
        self.out: list[str] = []
        self.pages: list[bytes] = []  # each page's Content.xml, in order

    def begin_page(self, page: Page) -> None:
        self.out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<ofd:Page xmlns:ofd="{NS}">',
            f"<ofd:Area><ofd:PhysicalBox>0 0 {mm(page.width)} {mm(page.height)}"
            "</ofd:PhysicalBox></ofd:Area>",
            f'<ofd:Content><ofd:Layer ID="{self.new_id()}" Type="Body">',
        ]

    def glyph_run(self, run: GlyphRun) -> None:
        if not run.text:
            return
        m = self.faces[run.font].metrics
        size = run.size
        adv = [
            (m.widths.get(ord(ch), m.default_width) * size / 1000 + run.char_space)
            for ch in run.text
        ]
        width = sum(adv)
        # the boundary holds the glyphs with room for accents, descenders and a bold stroke
        left, top = run.x - 0.25 * size, run.y - 1.25 * size
        box = f"{mm(left)} {mm(top)} {mm(width + 0.5 * size)} {mm(1.75 * size)}"
        attrs = f'ID="{self.new_id()}" Boundary="{box}" Font="{self.fonts[run.font]}"'
        attrs += f' Size="{mm(size)}"'
        inner = ""
        if run.bold:  # faux bold: the PDF's fill-and-stroke, and said to be bold
            attrs += f' Weight="700" Stroke="true" LineWidth="{mm(run.bold)}"'
            inner += f'<ofd:StrokeColor Value="{_rgb(run.color)}"/>'
        if run.color.lower() != "#000000":
            inner += f'<ofd:FillColor Value="{_rgb(run.color)}"/>'
        code = f'X="{mm(run.x - left)}" Y="{mm(run.y - top)}"'
        if len(run.text) > 1:
            code += f' DeltaX="{delta_x([mm(a) for a in adv[:-1]])}"'
        text = escape(run.text)
        self.out.append(
            f"<ofd:TextObject {attrs}>{inner}<ofd:TextCode {code}>{text}</ofd:TextCode>"
            "</ofd:TextObject>"
        )

    def rule(self, rule: Rule) -> None:
        x2, y2 = rule.end
        half = rule.thickness / 2
        left, top = min(rule.x, x2) - half, min(rule.y, y2) - half
        w, h = abs(x2 - rule.x) + rule.thickness, abs(y2 - rule.y) + rule.thickness
        path = f"M {mm(rule.x - left)} {mm(rule.y - top)} L {mm(x2 - left)} {mm(y2 - top)}"
        colour = "" if rule.color.lower() == "#000000" else f' Value="{_rgb(rule.color)}"'
        self.out.append(
            f'<ofd:PathObject ID="{self.new_id()}" Boundary="{mm(left)} {mm(top)} {mm(w)} '
            f'{mm(h)}" LineWidth="{mm(rule.thickness)}">'
            + (f"<ofd:StrokeColor{colour}/>" if colour else "")
            + f"<ofd:AbbreviatedData>{path}</ofd:AbbreviatedData></ofd:PathObject>"
        )

    def image(self, image: ImageBox) -> None:
        box = f"{mm(image.x)} {mm(image.y)} {mm(image.width)} {mm(image.height)}"
        ctm = f"{mm(image.width)} 0 0 {mm(image.height)} 0 0"
        self.out.append(
            f'<ofd:ImageObject ID="{self.new_id()}" Boundary="{box}" CTM="{ctm}"'
            f" ResourceID={quoteattr(str(self.images[image.path]))}/>"
        )

    def end_page(self, _page: Page) -> None:
        self.out.append("</ofd:Layer></ofd:Content></ofd:Page>")
        self.pages.append("\n".join(self.out).encode("utf-8"))
