"""Faces embedded in the PDF: one CID font per face, subset once for the whole document.

Character codes are the font's own glyph ids (Identity-H, CIDToGIDMap Identity), so a
page's content stream depends on its boxes alone, never on which glyphs other pages
use: a page that did not change is written again from its cached bytes. The subset
keeps the glyph ids (glyphs not used are empty, which deflate all but removes); one
subset per face replaces reportlab's 256-glyph subsets, each with its own tables,
widths and ToUnicode map.
"""

from __future__ import annotations

import mmap
import struct
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from ..layout.fontcache import Metrics
from .pdfsyntax import FONT_COMPRESSION, deflate, num

# composite glyph flags
_ARG_WORDS, _SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80
_COPIED = ("OS/2", "cvt ", "fpgm", "prep")


class FontFile:
    """A font file mapped once per process; tables sliced from it as subsets need them."""

    _open: dict[tuple[str, int], FontFile] = {}

    def __init__(self, path: Path, m: Metrics) -> None:
        with open(path, "rb") as fh:
            self.data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        self.m = m
        self._loca: array | None = None
        self._advances: array | None = None

    @classmethod
    def get(cls, path: Path, member: int, m: Metrics) -> FontFile:
        """One per (file, member of a collection): each member has its own tables."""
        key = (str(path), member)
        f = cls._open.get(key)
        if f is None:
            f = cls._open[key] = FontFile(path, m)
        return f

    def table(self, tag: str) -> bytes:
        off, length = self.m.tables[tag]
        return self.data[off : off + length]

    def loca(self) -> array:
        if self._loca is None:
            a = array("I" if self.m.loca_long else "H", self.table("loca"))
            a.byteswap()
            self._loca = a
        return self._loca

    def hmetrics(self) -> array:
        """(advance, lsb) pairs of the first ``num_hmetrics`` glyphs, then lsbs."""
        if self._advances is None:
            a = array("H", self.table("hmtx"))
            a.byteswap()
            self._advances = a
        return self._advances

    def glyph(self, gid: int) -> bytes:
        loca, unit = self.loca(), 1 if self.m.loca_long else 2
        start = self.m.tables["glyf"][0]
        return self.data[start + unit * loca[gid] : start + unit * loca[gid + 1]]

    def hmetric(self, gid: int) -> tuple[int, int]:
        h, n = self.hmetrics(), self.m.num_hmetrics
        if gid < n:
            return h[2 * gid], h[2 * gid + 1]
        return h[2 * (n - 1)], h[2 * n + (gid - n)]


def _components(data: bytes) -> list[int]:
    """Glyph ids a composite glyph is built from."""
    out, pos, flags = [], 10, _MORE
    while flags & _MORE:
        flags, gid = struct.unpack_from(">HH", data, pos)
        out.append(gid)
        pos += 4 + (4 if flags & _ARG_WORDS else 2)
        if flags & _SCALE:
            pos += 2
        elif flags & _XY_SCALE:
            pos += 4
        elif flags & _TWO_BY_TWO:
            pos += 8
    return out


def _checksum(data: bytes) -> int:
    """The sum of big-endian 32-bit words, as the sums of each byte lane."""
    data += b"\0" * (-len(data) % 4)
    lanes = (sum(data[i::4]) for i in range(4))
    return sum(s << (24 - 8 * i) for i, s in enumerate(lanes)) & 0xFFFFFFFF


def _sfnt(tables: dict[str, bytes]) -> bytes:
    """A TrueType file of ``tables``, directory sorted by tag, checksums set. Tables sit
    on 4-byte boundaries, so the file's checksum is the directory's plus the tables'."""
    tags = sorted(tables)
    n = len(tags)
    entry = 1 << (n.bit_length() - 1)
    head = struct.pack(
        ">IHHHH", 0x00010000, n, entry * 16, entry.bit_length() - 1, n * 16 - entry * 16
    )
    offset = 12 + 16 * n
    records, body, total, head_at = [], [], 0, 0
    for tag in tags:
        data = tables[tag]
        check = _checksum(data)
        total += check
        if tag == "head":
            head_at = offset
        records.append(struct.pack(">4sIII", tag.encode("latin-1"), check, offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    directory = head + b"".join(records)
    adjust = (0xB1B0AFBA - _checksum(directory) - total) & 0xFFFFFFFF
    font = bytearray(directory + b"".join(body))
    font[head_at + 8 : head_at + 12] = struct.pack(">I", adjust)
    return bytes(font)


def subset(f: FontFile, gids: set[int]) -> bytes:
    """The font with only ``gids`` (and the glyphs they are composed of) kept, glyph ids
    unchanged; the glyph count ends at the highest id kept."""
    keep = set(gids) | {0}
    todo = list(keep)
    while todo:
        g = todo.pop()
        data = f.glyph(g)
        if len(data) > 10 and struct.unpack_from(">h", data)[0] < 0:
            for c in _components(data):
                if c not in keep and c < f.m.num_glyphs:
                    keep.add(c)
                    todo.append(c)
    count = max(keep) + 1
    lengths = array("I", bytes(4 * count))
    hmtx = bytearray(4 * count)
    glyf = []
    for g in sorted(keep):
        data = f.glyph(g)
        data += b"\0" * (-len(data) % 4)
        glyf.append(data)
        lengths[g] = len(data)
        hmtx[4 * g : 4 * g + 4] = struct.pack(">HH", *f.hmetric(g))
    offsets = array("I", accumulate(lengths, initial=0))
    pos = offsets[-1]
    long_loca = pos > 0x1FFFE
    loca = offsets if long_loca else array("H", (o >> 1 for o in offsets))
    loca.byteswap()
    head = bytearray(f.table("head"))
    head[8:12] = b"\0\0\0\0"
    head[50:52] = struct.pack(">H", 1 if long_loca else 0)
    hhea = bytearray(f.table("hhea"))
    hhea[34:36] = struct.pack(">H", count)
    maxp = bytearray(f.table("maxp"))
    maxp[4:6] = struct.pack(">H", count)
    tables = {
        "head": bytes(head),
        "hhea": bytes(hhea),
        "maxp": bytes(maxp),
        "hmtx": bytes(hmtx),
        "loca": loca.tobytes(),
        "glyf": b"".join(glyf),
    }
    if "post" in f.m.tables:  # version 3: no glyph names
        tables["post"] = b"\x00\x03\x00\x00" + f.table("post")[4:16] + b"\0" * 16
    for tag in _COPIED:
        if tag in f.m.tables:
            tables[tag] = f.table(tag)
    return _sfnt(tables)


@dataclass(frozen=True)
class EmbeddedFont:
    """One face's PDF objects for one set of characters, ready to be written."""

    base_font: str  # subset tag + PostScript name
    default_width: float
    widths: bytes  # the W array
    font_file: bytes  # deflated subset
    length1: int
    to_unicode: bytes  # deflated CMap
    descriptor: bytes  # the FontDescriptor's entries other than FontName and FontFile2


def _w_array(widths: dict[int, float], dw: float) -> bytes:
    """Widths other than the default, consecutive glyph ids as ``first [w w …]``."""
    out: list[tuple[int, list[float]]] = []
    last = -2
    for g in sorted(widths):
        w = widths[g]
        if w == dw:
            continue
        if g == last + 1 and out:
            out[-1][1].append(w)
        else:
            out.append((g, [w]))
        last = g
    body = "".join(f"{g}[{' '.join(num(w) for w in ws)}]" for g, ws in out)
    return f"[{body}]".encode("ascii")


def _utf16(cp: int) -> str:
    return chr(cp).encode("utf-16-be").hex().upper()


def _to_unicode(gid_cp: dict[int, int]) -> bytes:
    """The CMap from glyph ids back to characters; consecutive ids of consecutive
    characters as ranges."""
    ranges: list[tuple[int, int, int]] = []
    for g in sorted(gid_cp):
        c = gid_cp[g]
        if (
            ranges
            and g == ranges[-1][1] + 1
            and c == ranges[-1][2] + (g - ranges[-1][0])
            and g & 0xFF
            and c & 0xFF
            and c <= 0xFFFF
        ):
            ranges[-1] = (ranges[-1][0], g, ranges[-1][2])
        else:
            ranges.append((g, g, c))
    multi = [r for r in ranges if r[1] > r[0]]
    single = [r for r in ranges if r[1] == r[0]]
    lines = [
        "/CIDInit/ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def",
        "/CMapName/Adobe-Identity-UCS def/CMapType 2 def",
        "1 begincodespacerange <0000><FFFF> endcodespacerange",
    ]
    for i in range(0, len(multi), 100):
        chunk = multi[i : i + 100]
        lines.append(f"{len(chunk)} beginbfrange")
        lines += [f"<{a:04X}><{b:04X}><{_utf16(c)}>" for a, b, c in chunk]
        lines.append("endbfrange")
    for i in range(0, len(single), 100):
        chunk = single[i : i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{a:04X}><{_utf16(c)}>" for a, _b, c in chunk]
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict/CMap defineresource pop end end")
    return deflate("\n".join(lines).encode("ascii"))


def embed(path: Path, member: int, m: Metrics, chars: frozenset[int]) -> EmbeddedFont:
    """The objects of a face (``member`` of a collection) subset to ``chars``."""
    gid_cp: dict[int, int] = {}
    widths: dict[int, float] = {}
    for cp in sorted(chars):
        g = m.cmap.get(cp, 0)
        if g not in gid_cp:
            gid_cp[g] = cp
            widths[g] = m.widths.get(cp, m.default_width)
    counts = Counter(widths.values())
    dw = min(counts, key=lambda w: (-counts[w], w)) if counts else m.default_width
    raw = subset(FontFile.get(path, member, m), set(gid_cp))
    tag_src = m.ps_name.encode("utf-8") + array("I", sorted(gid_cp)).tobytes()
    code = zlib.crc32(tag_src)
    tag = "".join(chr(65 + code // 26**i % 26) for i in range(6))  # the subset's tag
    flags = (m.flags & ~(1 << 5)) | (1 << 2)  # symbolic, as a CID font's glyphs are
    bbox = " ".join(num(v) for v in m.bbox)
    descriptor = (
        f"/Flags {flags}/FontBBox[{bbox}]/ItalicAngle {num(m.italic_angle)}"
        f"/Ascent {num(m.ascent)}/Descent {num(m.descent)}/CapHeight {num(m.cap_height)}"
        f"/StemV {m.stem_v}"
    ).encode("ascii")
    return EmbeddedFont(
        base_font=f"{tag}+{m.ps_name}",
        default_width=dw,
        widths=_w_array(widths, dw),
        font_file=deflate(raw, FONT_COMPRESSION),
        length1=len(raw),
        to_unicode=_to_unicode(gid_cp),
        descriptor=descriptor,
    )
