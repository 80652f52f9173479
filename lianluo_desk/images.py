"""Images from drafts, normalised once on import with Pillow.

EXIF orientation applied, CMYK/palette/alpha flattened to RGB (or kept grey), scaled down
to 300 dpi at the largest size the layout can give them (the text width), and stored by
content hash in the issue's assets folder so the issue file stays small and the PDF
embeds exactly what the editor saw.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from .errors import UserError
from .fsutil import atomic_write_bytes

MAX_WIDTH_MM = 156
DPI = 300
MAX_INPUT_PIXELS = 80_000_000


def normalise(data: bytes, where: str) -> tuple[bytes, str, tuple[int, int]]:
    """(encoded bytes, extension, pixel size) of a print-ready copy of an image."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_INPUT_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as src:
            src.load()
            im: Image.Image = src
            graphic = src.format in ("PNG", "GIF", "BMP")
            im = ImageOps.exif_transpose(im)
            if im.mode in ("RGBA", "LA", "P", "PA"):
                im = im.convert("RGBA")
                flat = Image.new("RGB", im.size, "white")
                flat.paste(im, mask=im.getchannel("A"))
                im = flat
            elif im.mode not in ("RGB", "L"):
                im = im.convert("RGB")  # CMYK, YCbCr, I;16 …
            max_px = round(MAX_WIDTH_MM / 25.4 * DPI)
            if im.width > max_px:
                h = max(1, round(im.height * max_px / im.width))
                im = im.resize((max_px, h), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if graphic:
                im.save(out, "PNG", optimize=True)
                ext = "png"
            else:
                im.save(out, "JPEG", quality=90, optimize=True)
                ext = "jpg"
            return out.getvalue(), ext, im.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError("image.unreadable", where=where, detail=exc) from None


def store(data: bytes, where: str, assets: Path) -> str:
    """Normalise and save under ``assets``; returns the file name (content hash)."""
    encoded, ext, _size = normalise(data, where)
    return save(encoded, ext, assets)


def save(encoded: bytes, ext: str, assets: Path) -> str:
    """Save a normalised picture under ``assets`` by its content hash; the file name."""
    name = f"{hashlib.sha256(encoded).hexdigest()[:16]}.{ext}"
    target = assets / name
    if not target.exists():
        try:
            assets.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError("image.no_folder", where=assets, detail=exc.strerror) from None
        atomic_write_bytes(target, encoded)
    return name


def pixel_size(path: Path) -> tuple[int, int]:
    from PIL import Image

    try:
        with Image.open(path) as im:
            return im.size
    except OSError as exc:
        raise UserError("image.missing", where=path, detail=exc) from None


def metafile(data: bytes) -> bytes | None:
    """The picture as a Windows metafile (WMF or EMF, as Word and WPS keep clip art and
    equations; unpacked when stored compressed, .wmz/.emz), or None for any other."""
    if data[:2] == b"\x1f\x8b":
        import gzip
        import zlib

        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as z:
                data = z.read(MAX_INPUT_PIXELS)
        except (OSError, EOFError, zlib.error):
            return None
    if data[:4] == b"\xd7\xcd\xc6\x9a":  # a placeable WMF (the Aldus header)
        return data
    if len(data) >= 18 and data[:2] in (b"\x01\x00", b"\x02\x00") and data[2:4] == b"\x09\x00":
        return data  # a WMF without one
    if len(data) >= 44 and data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return data
    return None
