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
import operator
import struct
import zlib
from array import array
from collections import Counter
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from ..layout.fontcache import Metrics
from .pdfsyntax import FONT_COMPRESSION, FONT_MEMORY, Deflated, deflate, num

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
        self._hmtx: bytes | None = None

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
        """Glyph offsets in bytes from the start of ``glyf``."""
        if self._loca is None:
            a = array("I" if self.m.loca_long else "H", self.table("loca"))
            a.byteswap()
            self._loca = a if self.m.loca_long else array("I", (2 * o for o in a))
        return self._loca

    def hmetrics(self) -> array:
        """(advance, lsb) pairs of the first ``num_hmetrics`` glyphs, then lsbs."""
        if self._advances is None:
            a = array("H", self.table("hmtx"))
            a.byteswap()
            self._advances = a
        return self._advances

    def hmetrics_raw(self) -> bytes:
        """The hmtx table as the file has it."""
        if self._hmtx is None:
            self._hmtx = self.table("hmtx")
        return self._hmtx

    def glyphs(self, gids: list[int]) -> list[bytes]:
        """The outlines of ``gids``, as the file has them."""
        loca, data, start = self.loca(), self.data, self.m.tables["glyf"][0]
        return [data[start + loca[g] : start + loca[g + 1]] for g in gids]

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


def _checksum_py(data: bytes) -> int:
    """The sum of big-endian 32-bit words, as the sums of each byte lane."""
    data += b"\0" * (-len(data) % 4)
    lanes = (sum(data[i::4]) for i in range(4))
    return sum(s << (24 - 8 * i) for i, s in enumerate(lanes)) & 0xFFFFFFFF


try:  # reportlab's C accelerator (a dependency): the same sum, twenty times faster
    from _rl_accel import calcChecksum as _checksum
except ImportError:  # pragma: no cover - rl-accel is installed with the package
    _checksum = _checksum_py


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
    records, body, total = [head], [], 0
    for tag in tags:
        data = tables[tag]
        check = _checksum(data)
        total += check
        records.append(struct.pack(">4sIII", tag.encode("latin-1"), check, offset, len(data)))
        pad = -len(data) % 4
        body.append(data + b"\0" * pad if pad else data)
        offset += len(data) + pad
    directory = b"".join(records)
    adjust = (0xB1B0AFBA - _checksum(directory) - total) & 0xFFFFFFFF
    if "head" in tables:  # checkSumAdjustment, left out of the sums above
        h = tags.index("head")
        body[h] = body[h][:8] + struct.pack(">I", adjust) + body[h][12:]
    return b"".join([directory, *body])


def subset(f: FontFile, gids: set[int], extra: dict[str, bytes] | None = None) -> bytes:
    """The font with only ``gids`` (and the glyphs they are composed of) kept, glyph ids
    unchanged; the glyph count ends at the highest id kept. ``extra``: tables added
    (a font program outside PDF needs its own ``cmap`` and ``name``)."""
    todo = sorted(set(gids) | {0})
    outlines = dict(zip(todo, f.glyphs(todo), strict=True))
    while todo:  # composites bring their components
        more = {
            c
            for g in todo
            if len(d := outlines[g]) > 10 and d[0] & 0x80  # numberOfContours < 0
            for c in _components(d)
            if c not in outlines and c < f.m.num_glyphs
        }
        todo = sorted(more)
        outlines.update(zip(todo, f.glyphs(todo), strict=True))
    keep = sorted(outlines)
    count = keep[-1] + 1
    glyf = [d + b"\0" * pad if (pad := -len(d := outlines[g]) % 4) else d for g in keep]
    starts = list(accumulate(map(len, glyf), initial=0))
    end = starts.pop()
    long_loca = end > 0x1FFFE
    entry = struct.Struct(">I" if long_loca else ">H").pack
    shift = 0 if long_loca else 1
    # glyph g's offset stands for the empty glyphs after the one kept before it, too
    runs = map(operator.sub, keep, [-1, *keep])
    loca = [entry(s >> shift) * n for s, n in zip(starts, runs, strict=False)]
    loca.append(entry(end >> shift))
    hmtx = bytearray(4 * count)
    metrics = f.hmetrics_raw()
    n = f.m.num_hmetrics
    for g in keep:
        if g < n:
            hmtx[4 * g : 4 * g + 4] = metrics[4 * g : 4 * g + 4]
        else:
            struct.pack_into(">HH", hmtx, 4 * g, *f.hmetric(g))
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
        "loca": b"".join(loca),
        "glyf": b"".join(glyf),
    }
    if "post" in f.m.tables:  # version 3: no glyph names
        tables["post"] = b"\x00\x03\x00\x00" + f.table("post")[4:16] + b"\0" * 16
    for tag in _COPIED:
        if tag in f.m.tables:
            tables[tag] = f.table(tag)
    tables.update(extra or {})
    return _sfnt(tables)


class EmbeddedFont(NamedTuple):
    """One face's PDF objects for one set of characters, ready to be written."""

    base_font: str  # subset tag + PostScript name
    default_width: float
    widths: bytes  # the W array
    font_file: Deflated  # the subset, deflating beside the pages' encoding
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
    if cp < 0xD800 or 0xE000 <= cp < 0x10000:  # one UTF-16 unit: the code point itself
        return f"{cp:04X}"
    return chr(cp).encode("utf-16-be").hex().upper()


def _to_unicode(gid_cp: dict[int, int]) -> bytes:
    """The CMap from glyph ids back to characters; consecutive ids of consecutive
    characters as ranges."""
    ranges: list[tuple[int, int, int]] = []
    first = last = base = -2  # the range being extended: ids first..last from base
    for g in sorted(gid_cp):
        c = gid_cp[g]
        if g == last + 1 and c == base + (g - first) and g & 0xFF and c & 0xFF and c <= 0xFFFF:
            last = g
        else:
            if first >= 0:
                ranges.append((first, last, base))
            first = last = g
            base = c
    if first >= 0:
        ranges.append((first, last, base))
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
    raw = subset(FontFile.get(path, member, m), set(gid_cp))
    # first: it deflates while the rest is made
    program = Deflated(raw, FONT_COMPRESSION, FONT_MEMORY)
    counts = Counter(widths.values())
    dw = min(counts, key=lambda w: (-counts[w], w)) if counts else m.default_width
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
        font_file=program,
        length1=len(raw),
        to_unicode=_to_unicode(gid_cp),
        descriptor=descriptor,
    )
