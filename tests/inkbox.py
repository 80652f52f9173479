"""Where the ink is on each page of a PDF: rendered with poppler's pdftoppm, the box
of the pixels darker than near-white, in millimetres from the sheet's top-left."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageOps

DPI = 300
MM_PER_PX = 25.4 / DPI


def ink_boxes(pdf: Path, dpi: int = DPI) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) in mm of every page's ink; a blank page (0, 0, 0, 0)."""
    with tempfile.TemporaryDirectory(prefix="lld-ink-") as tmp:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(Path(tmp) / "p")],
            check=True,
            capture_output=True,
        )
        boxes = []
        for png in sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
            with Image.open(png) as im:
                dark = ImageOps.invert(im.convert("L")).point(lambda v: 255 if v > 40 else 0)
                box = dark.getbbox() or (0, 0, 0, 0)
            mm = 25.4 / dpi
            boxes.append((box[0] * mm, box[1] * mm, box[2] * mm, box[3] * mm))
        return boxes


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's width and height in mm (the sheet the PDF asks for)."""
    from pypdf import PdfReader

    return [
        (float(p.mediabox.width) * 25.4 / 72, float(p.mediabox.height) * 25.4 / 72)
        for p in PdfReader(pdf).pages
    ]
