"""Font programs for OFD: the PDF writer's subset of a face (glyph ids kept), with a
``cmap`` and the face's ``name`` table added. An OFD reader finds a TextCode's glyphs
through the font's own cmap, where a PDF names glyph ids directly."""

from __future__ import annotations

import struct

from ...layout.fonts import Face
from ..pdffonts import FontFile, subset


def _runs(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(first char, last char, first glyph) where chars and glyph ids run together."""
    out: list[tuple[int, int, int]] = []
    for cp, g in pairs:
        if out and cp == out[-1][1] + 1 and g == out[-1][2] + (cp - out[-1][0]):
            out[-1] = (out[-1][0], cp, out[-1][2])
        else:
            out.append((cp, cp, g))
    return out


# a format 4 subtable's length is 16 bits: 8 bytes a segment
_MAX_SEGMENTS = (0xFFFF - 16) // 8


def _format4(pairs: list[tuple[int, int]]) -> tuple[bytes, bool]:
    """The BMP characters as a format 4 subtable (a segment per run, idDelta only), and
    whether all of them fitted (else format 12 holds the rest)."""
    runs = _runs([(c, g) for c, g in pairs if c < 0xFFFF])
    whole = len(runs) < _MAX_SEGMENTS
    segs = [*runs[: _MAX_SEGMENTS - 1], (0xFFFF, 0xFFFF, 1)]
    n = len(segs)
    search = 2 * (1 << (n.bit_length() - 1))
    ends = struct.pack(f">{n}H", *(e for _s, e, _g in segs))
    starts = struct.pack(f">{n}H", *(s for s, _e, _g in segs))
    deltas = struct.pack(f">{n}H", *((g - s) & 0xFFFF for s, _e, g in segs))
    ranges = bytes(2 * n)
    length = 16 + 8 * n
    head = struct.pack(
        ">HHHHHHH", 4, length, 0, 2 * n, search, search.bit_length() - 2, 2 * n - search
    )
    return head + ends + b"\0\0" + starts + deltas + ranges, whole


def _format12(pairs: list[tuple[int, int]]) -> bytes:
    groups = _runs(pairs)
    body = b"".join(struct.pack(">III", s, e, g) for s, e, g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body


def cmap_table(char_gids: dict[int, int]) -> bytes:
    """A cmap of (3,1) format 4, and (3,10) format 12 when a character is beyond the BMP
    or the BMP's do not fit format 4."""
    pairs = sorted(char_gids.items())
    bmp, whole = _format4(pairs)
    subtables = [(1, bmp)]
    if not whole or any(c > 0xFFFF for c, _g in pairs):
        subtables.append((10, _format12(pairs)))
    offset = 4 + 8 * len(subtables)
    records, bodies = [], []
    for enc, body in subtables:
        records.append(struct.pack(">HHI", 3, enc, offset))
        bodies.append(body)
        offset += len(body)
    return struct.pack(">HH", 0, len(subtables)) + b"".join(records) + b"".join(bodies)


def font_program(face: Face, chars: frozenset[int]) -> bytes:
    """The face cut to ``chars``, a TrueType file of its own."""
    m = face.metrics
    char_gids = {cp: g for cp in chars if (g := m.cmap.get(cp, 0))}
    f = FontFile.get(face.path, face.member, m)
    extra = {"cmap": cmap_table(char_gids)}
    if "name" in m.tables:
        extra["name"] = f.table("name")
    return subset(f, set(char_gids.values()), extra)
