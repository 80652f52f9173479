"""A page's content stream from its boxes, written compactly: one operator a line, text
state (font, spacing, colour) stated only when it changes, and a faux-bold run's render
mode and stroke inside q … Q so that nothing leaks into the runs after it.

A page's stream depends on the page's boxes and the font files alone (glyph ids are the
character codes), so it is cached by those boxes: after an edit only the pages whose
boxes changed are written again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from ..layout.boxes import GlyphRun, ImageBox, Page, Rule
from ..layout.fonts import Face
from .pdfsyntax import deflate, name, num


class PageStream(NamedTuple):
    data: bytes  # deflated content stream
    images: tuple[str, ...]  # image files drawn, in order


def page_key(page: Page) -> tuple:
    """Everything a page's stream is made from."""
    items: list[tuple] = [(page.width, page.height)]
    for it in page.items:
        if isinstance(it, GlyphRun):
            items.append((it.x, it.y, it.text, it.font, it.size, it.char_space, it.color, it.bold))
        elif isinstance(it, Rule):
            items.append(("rule", it.x, it.y, it.width, it.thickness, it.color, it.vertical))
        else:
            items.append(("image", it.x, it.y, it.width, it.height, it.path))
    return tuple(items)


@cache
def _rgb(hexstr: str) -> str:
    h = hexstr.lstrip("#")
    return " ".join(num(int(h[i : i + 2], 16) / 255, 4) for i in (0, 2, 4))


@cache
def _name(font: str) -> str:
    return name(font).decode("ascii")


_IMAGE_NAMES: dict[tuple[str, int, int], str] = {}


def image_name(path: str) -> str:
    """The XObject name of an image, from its content: the same issue kept in another
    folder gives the same bytes (a name from the path did not)."""
    import hashlib
    import os

    try:
        st = os.stat(path)
    except OSError:  # embedding it reports the file; the name only has to be stable
        return "Im" + hashlib.sha1(path.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    key = (path, st.st_size, st.st_mtime_ns)
    got = _IMAGE_NAMES.get(key)
    if got is None:
        with open(path, "rb") as fh:
            digest = hashlib.sha1(fh.read(), usedforsecurity=False).hexdigest()
        got = _IMAGE_NAMES[key] = "Im" + digest[:12]
    return got


# each byte as it stands in a literal string (``literal``'s escapes), as Latin-1 text
_BYTE = [chr(b) for b in range(256)]
_BYTE[0x5C], _BYTE[0x28], _BYTE[0x29], _BYTE[0x0D] = "\\\\", "\\(", "\\)", "\\r"


class _Codes(dict[int, str]):
    """Code point → its glyph id as two bytes escaped for a literal string, each byte as
    the Latin-1 character of that value: a run's text becomes its string in one
    ``str.translate`` (escaping is byte by byte, so escaped codes joined are the escaped
    string)."""

    def __init__(self, cmap: dict[int, int]) -> None:
        super().__init__()
        self.cmap = cmap

    def __missing__(self, cp: int) -> str:
        g = self.cmap.get(cp, 0)
        code = self[cp] = _BYTE[g >> 8] + _BYTE[g & 0xFF]
        return code


_CODES: dict[tuple[str, int], _Codes] = {}


def _encoder(face: Face) -> _Codes:
    key = (str(face.path), face.member)
    enc = _CODES.get(key)
    if enc is None:
        enc = _CODES[key] = _Codes(face.metrics.cmap)
    return enc


# positions and spacings recur (margins, grid lines, a justified line's spacing), so
# each is formatted once; a long session's edits start the table over now and then
_NUMS: dict[float, str] = {}
_SPACINGS: dict[float, str] = {}


def _num(v: float) -> str:
    s = _NUMS.get(v)
    if s is None:
        if len(_NUMS) > 100_000:
            _NUMS.clear()
        s = _NUMS[v] = num(v)
    return s


def _spacing(v: float) -> str:
    s = _SPACINGS.get(v)
    if s is None:
        if len(_SPACINGS) > 100_000:
            _SPACINGS.clear()
        s = _SPACINGS[v] = num(v, 4)
    return s


def _stroke(
    add: Callable[[str], None], stroke: str | None, lw: float, rgb: str, width: float
) -> tuple[str, float]:
    """Stroke colour and line width, stated only where they change; the state after."""
    if stroke != rgb:
        add(f"{rgb} RG")
    if lw != width:
        add(f"{num(width)} w")
    return rgb, width


def encode_page(page: Page, faces: dict[str, Face]) -> PageStream:
    """The content stream of ``page``; ``faces`` maps a run's font name to its face.

    The stream is built as text, one character per byte (glyph codes as Latin-1), and
    encoded once. Graphics and text state are tracked as the stream has set them; a
    faux-bold run's q … Q puts back the state from before it.
    """
    h = page.height
    out: list[str] = []
    add = out.append
    font: str | None = None
    size = 0.0
    tc = 0.0
    # colours stated on first use, in RGB (the default is grey black)
    fill: str | None = None
    stroke: str | None = None
    lw = 1.0
    encs: dict[str, _Codes] = {}
    nums = _NUMS
    images: list[str] = []
    for it in page.items:
        if isinstance(it, GlyphRun):
            fname = it.font
            enc = encs.get(fname)
            if enc is None:
                enc = encs[fname] = _encoder(faces[fname])
            rgb = _rgb(it.color)
            saved = None
            if it.bold:
                saved = (font, size, tc, fill, stroke, lw)
                add("q")
                stroke, lw = _stroke(add, stroke, lw, rgb, it.bold)
                add("2 Tr")
            add("BT")
            if font != fname or size != it.size:
                add(f"{_name(fname)} {_num(it.size)} Tf")
                font, size = fname, it.size
            if tc != it.char_space:
                add(f"{_spacing(it.char_space)} Tc")
                tc = it.char_space
            if fill != rgb:
                add(f"{rgb} rg")
                fill = rgb
            x, y = it.x, h - it.y
            add(
                f"{nums.get(x) or _num(x)} {nums.get(y) or _num(y)} Td\n"
                f"({it.text.translate(enc)})Tj\nET"
            )
            if saved is not None:
                add("Q")
                font, size, tc, fill, stroke, lw = saved
        elif isinstance(it, Rule):
            stroke, lw = _stroke(add, stroke, lw, _rgb(it.color), it.thickness)
            x2, y2 = it.end
            add(f"{_num(it.x)} {_num(h - it.y)} m {_num(x2)} {_num(h - y2)} l S")
        elif isinstance(it, ImageBox):
            images.append(it.path)
            cm = f"{num(it.width)} 0 0 {num(it.height)} {num(it.x)} {num(h - it.y - it.height)} cm"
            add(f"q\n{cm}\n{_name(image_name(it.path))} Do\nQ")
    return PageStream(
        data=deflate("\n".join(out).encode("latin-1")),
        images=tuple(images),
    )
