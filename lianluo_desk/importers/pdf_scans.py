"""A scanned PDF (pages without a text layer) as the pictures of its pages, as a Word
draft of scanned pages comes in: the editor keeps or replaces them, nothing is read.

Each page is drawn once by PDFium, at 200 pixels an inch of the text block it will fill
(the layout fits a picture to the text width and, a page's picture being tall, to the
text height), grey when the page has no colour, so the files stay small and print sharp.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..errors import UserError

# the text block (GB/T 9704: 156 × 225 mm) at 200 dpi: a page's picture fits inside it
WIDTH_PX = round(156 / 25.4 * 200)
HEIGHT_PX = round(225 / 25.4 * 200)
INK = 240  # a pixel darker than this is ink; a page without any is blank
COLOUR = 32  # channels apart by more than this: a colour pixel (not scanner noise)
COLOUR_SHARE = 0.001  # of the pixels, for a page to be kept in colour


def page_pictures(p: Path) -> list[bytes]:
    """Each page as a PNG, in order (a blank one too: a scan's page as it is); none
    when every page is blank."""
    import pypdfium2

    try:
        doc = pypdfium2.PdfDocument(p)
    except Exception as exc:  # noqa: BLE001 - PDFium raises its own kinds on a bad file
        raise UserError("draft.pdf_damaged", where=p, detail=type(exc).__name__) from None
    try:
        drawn = [_picture(doc[k]) for k in range(len(doc))]
    finally:
        doc.close()
    return [png for png, _inked in drawn] if any(inked for _png, inked in drawn) else []


def _picture(page: Any) -> tuple[bytes, bool]:
    """A page as a PNG, grey unless colour shows on it, and whether it has ink."""
    from PIL import Image, ImageChops

    w, h = page.get_size()
    scale = min(WIDTH_PX / w, HEIGHT_PX / h)
    im: Image.Image = page.render(scale=scale).to_pil().convert("RGB")
    page.close()
    grey = im.convert("L")
    darkest = grey.getextrema()[0]
    r, g, b = im.split()
    apart = ImageChops.lighter(ImageChops.difference(r, g), ImageChops.difference(g, b))
    coloured = sum(apart.histogram()[COLOUR + 1 :]) > COLOUR_SHARE * im.width * im.height
    out = io.BytesIO()
    (im if coloured else grey).save(out, "PNG", optimize=True)
    return out.getvalue(), isinstance(darkest, int) and darkest < INK
