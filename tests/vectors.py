"""Windows metafiles (WMF, EMF) as Word stores clip art and equation pictures, written
here record by record: one filled rectangle on a white page, ``width`` × ``height``
hundredths of a millimetre."""

from __future__ import annotations

import struct


def wmf(width: int = 4000, height: int = 2000, rgb: tuple[int, int, int] = (200, 0, 0)) -> bytes:
    """A placeable WMF (the Aldus header Word writes) of one rectangle."""
    inch = 1440  # logical units per inch
    w, h = round(width / 2540 * inch), round(height / 2540 * inch)

    def rec(func: int, *words: int) -> bytes:
        return struct.pack("<IH", 3 + len(words), func) + struct.pack(f"<{len(words)}h", *words)

    r, g, b = rgb
    records = (
        rec(0x020B, 0, 0)  # SETWINDOWORG y, x
        + rec(0x020C, h, w)  # SETWINDOWEXT y, x
        + struct.pack("<IHHBBBBH", 7, 0x02FC, 0, r, g, b, 0, 0)  # CREATEBRUSHINDIRECT
        + rec(0x012D, 0)  # SELECTOBJECT
        + rec(0x041B, h, w, 0, 0)  # RECTANGLE bottom, right, top, left
        + rec(0x0000)  # EOF
    )
    size_words = (18 + len(records)) // 2
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, size_words, 1, 7, 0)
    words = struct.unpack("<10H", struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, w, h, inch, 0))
    check = 0
    for word in words:
        check ^= word
    aldus = struct.pack("<IHhhhhHIH", 0x9AC6CDD7, 0, 0, 0, w, h, inch, 0, check)
    return aldus + header + records


def emf(width: int = 4000, height: int = 2000, rgb: tuple[int, int, int] = (0, 0, 200)) -> bytes:
    """An EMF of one rectangle, logical units of 0.01 mm."""
    r, g, b = rgb
    dev, mm = (1920, 1080), (508, 286)
    px_w = round(width / 100 * dev[0] / mm[0])
    px_h = round(height / 100 * dev[1] / mm[1])
    body = (
        struct.pack("<III", 17, 12, 1)  # SETMAPMODE MM_TEXT
        + struct.pack("<IIIIBBBBI", 39, 24, 1, 0, r, g, b, 0, 0)  # CREATEBRUSHINDIRECT
        + struct.pack("<III", 37, 12, 1)  # SELECTOBJECT
        + struct.pack("<IIiiii", 43, 24, 0, 0, px_w, px_h)  # RECTANGLE
    )
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    total = 88 + len(body) + len(eof)
    header = struct.pack(
        "<II4i4iIIIIHHIIIiiii",
        1,
        88,
        0,
        0,
        px_w,
        px_h,
        0,
        0,
        width,
        height,
        0x464D4520,
        0x10000,
        total,
        6,
        2,
        0,
        0,
        0,
        0,
        *dev,
        *mm,
    )
    return header + body + eof
