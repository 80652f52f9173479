"""Draw the program's icon: a bulletin's first page in miniature (the red masthead
character 联 over the red rule of a 公文 head) on a white sheet, in the shipped
biaosong face. Writes PNGs for the Linux icon theme and a multi-size .ico for Windows.

    python packaging/make_icon.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FACE = ROOT / "resources" / "fonts" / "lld-biaosong.ttf"
RED = (200, 16, 26, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int = 1024) -> Image.Image:
    """The icon at ``size`` pixels (drawn large, scaled down for the small sizes)."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = size / 64  # drawn on a 64-unit grid
    sheet = (8 * u, 3 * u, 56 * u, 61 * u)
    d.rounded_rectangle(
        (sheet[0] + u, sheet[1] + u, sheet[2] + u, sheet[3] + u), 3 * u, fill=(0, 0, 0, 60)
    )
    d.rounded_rectangle(sheet, 3 * u, fill=(255, 255, 255, 255), outline=(180, 180, 180, 255))
    font = ImageFont.truetype(str(FACE), int(34 * u))
    d.text((32 * u, 22 * u), "联", font=font, fill=RED, anchor="mm")
    d.rectangle((13 * u, 41 * u, 51 * u, 42.6 * u), fill=RED)  # the red rule under the head
    for k in range(3):  # lines of text
        y = (47 + 4.5 * k) * u
        d.rectangle((15 * u, y, (49 if k < 2 else 38) * u, y + 1.4 * u), fill=(90, 90, 90, 255))
    return img


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    big = draw()
    for s in SIZES:
        big.resize((s, s), Image.Resampling.LANCZOS).save(out / f"lianluo-desk-{s}.png")
    big.resize((256, 256), Image.Resampling.LANCZOS).save(
        out / "lianluo-desk.ico", sizes=[(s, s) for s in SIZES]
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons")
