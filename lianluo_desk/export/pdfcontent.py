"""A page's content stream from its boxes, written compactly: one operator a line, text
state (font, spacing, colour) stated only when it changes, and a faux-bold run's render
mode and stroke inside q … Q so that nothing leaks into the runs after it.

A page's stream depends on the page's boxes and the font files alone (glyph ids are the
character codes), so it is cached by those boxes: after an edit only the pages whose
boxes changed are written again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..layout.boxes import GlyphRun, ImageBox, Page, Rule
from ..layout.fonts import Face
from .pdfsyntax import deflate, literal, name, num


@dataclass(frozen=True)
class PageStream:
    data: bytes  # deflated content stream
    chars: dict[str, frozenset[int]]  # face name → code points drawn with it
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
def _name(font: str) -> bytes:
    return name(font)


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


class _Codes(dict[str, bytes]):
    """Character → its glyph id as two bytes, escaped for a literal string (escaping is
    byte by byte, so escaped codes joined are the escaped string)."""

    def __init__(self, cmap: dict[int, int]) -> None:
        super().__init__()
        self.cmap = cmap

    def __missing__(self, ch: str) -> bytes:
        code = self[ch] = literal(self.cmap.get(ord(ch), 0).to_bytes(2, "big"))[1:-1]
        return code


_CODES: dict[tuple[str, int], _Codes] = {}


def _encoder(face: Face) -> _Codes:
    key = (str(face.path), face.member)
    enc = _CODES.get(key)
    if enc is None:
        enc = _CODES[key] = _Codes(face.metrics.cmap)
    return enc


class _State:
    """Graphics and text state as the stream has set it."""

    __slots__ = ("font", "tc", "fill", "stroke", "lw")

    def __init__(self) -> None:
        self.font: tuple[str, float] | None = None
        self.tc = 0.0
        # colours stated on first use, in RGB (the default is grey black)
        self.fill: str | None = None
        self.stroke: str | None = None
        self.lw = 1.0

    def pen(self, out: list[bytes], color: str, width: float) -> None:
        """Stroke colour and line width, each stated only if not already in force."""
        if self.stroke != color:
            out.append(f"{color} RG".encode())
            self.stroke = color
        if self.lw != width:
            out.append(f"{num(width)} w".encode())
            self.lw = width

    def copy(self) -> _State:
        s = _State()
        s.font, s.tc, s.fill, s.stroke, s.lw = self.font, self.tc, self.fill, self.stroke, self.lw
        return s


def encode_page(page: Page, faces: dict[str, Face]) -> PageStream:
    """The content stream of ``page``; ``faces`` maps a run's font name to its face."""
    h = page.height
    out: list[bytes] = []
    st = _State()
    chars: dict[str, set[str]] = {}
    images: list[str] = []
    for it in page.items:
        if isinstance(it, GlyphRun):
            enc = _encoder(faces[it.font])
            chars.setdefault(it.font, set()).update(it.text)
            saved = None
            fill = _rgb(it.color)
            if it.bold:
                saved = st.copy()
                out.append(b"q")
                st.pen(out, fill, it.bold)
                out.append(b"2 Tr")
            out.append(b"BT")
            if st.font != (it.font, it.size):
                out.append(_name(it.font) + f" {num(it.size)} Tf".encode())
                st.font = (it.font, it.size)
            if st.tc != it.char_space:
                out.append(f"{num(it.char_space, 4)} Tc".encode())
                st.tc = it.char_space
            if st.fill != fill:
                out.append(f"{fill} rg".encode())
                st.fill = fill
            out.append(f"{num(it.x)} {num(h - it.y)} Td".encode())
            out.append(b"(" + b"".join([enc[c] for c in it.text]) + b")Tj")
            out.append(b"ET")
            if saved is not None:
                out.append(b"Q")
                st = saved
        elif isinstance(it, Rule):
            st.pen(out, _rgb(it.color), it.thickness)
            x2, y2 = it.end
            out.append(f"{num(it.x)} {num(h - it.y)} m {num(x2)} {num(h - y2)} l S".encode())
        elif isinstance(it, ImageBox):
            images.append(it.path)
            x, y = num(it.x), num(h - it.y - it.height)
            cm = f"{num(it.width)} 0 0 {num(it.height)} {x} {y} cm"
            out.append(b"q\n" + cm.encode() + b"\n" + name(image_name(it.path)) + b" Do\nQ")
    return PageStream(
        data=deflate(b"\n".join(out)),
        chars={k: frozenset(map(ord, v)) for k, v in chars.items()},
        images=tuple(images),
    )
