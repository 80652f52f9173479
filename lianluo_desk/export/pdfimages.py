"""Images as PDF XObjects: a baseline JPEG in RGB or grey passes through as it is, any
other picture is decoded (Pillow, imported only when an issue has pictures) and deflated,
its transparency as a soft mask."""

from __future__ import annotations

from typing import NamedTuple

from ..errors import UserError
from .pdfsyntax import deflate


class XImage(NamedTuple):
    width: int
    height: int
    colorspace: bytes
    filter: bytes
    data: bytes
    smask: bytes | None = None  # deflated 8-bit alpha


def load_image(path: str) -> XImage:
    from PIL import Image

    try:
        with Image.open(path) as src:
            w, h = src.size
            if src.format == "JPEG" and src.mode in ("RGB", "L"):
                with open(path, "rb") as fh:
                    data = fh.read()
                space = b"/DeviceRGB" if src.mode == "RGB" else b"/DeviceGray"
                return XImage(w, h, space, b"/DCTDecode", data)
            im: Image.Image = src
            alpha = None
            if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                rgba = im.convert("RGBA")
                a = rgba.getchannel("A")
                if a.getextrema() != (255, 255):
                    alpha = deflate(a.tobytes())
                im = rgba.convert("RGB")
            elif im.mode not in ("RGB", "L"):
                im = im.convert("RGB")
            space = b"/DeviceRGB" if im.mode == "RGB" else b"/DeviceGray"
            return XImage(w, h, space, b"/FlateDecode", deflate(im.tobytes()), alpha)
    except OSError as exc:
        raise UserError("image.unreadable", where=path, detail=exc) from None
