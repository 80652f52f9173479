"""PDF syntax written by hand: numbers, names, strings, and the file around the objects.

Numbers are written as short as they are exact to a thousandth of a point (character
spacing to a ten-thousandth: it is multiplied by every glyph of a line), names and
strings escaped as the PDF reference asks. Identical objects give identical bytes.
"""

from __future__ import annotations

import _thread  # noqa: PLC2701 - a lock and a thread, without threading's import
import zlib

COMPRESSION = 6  # zlib's default, the level Typst's writer uses too
# Glyph outlines barely compress: on the benchmark issue's subsets level 6 takes 23 KiB
# (5 %) off level 2's output for 2.3 times its time; level 4 with zlib's largest hash
# memory takes 15 KiB off for 1.3 times (11 → 14.5 ms, in the thread beside the pages).
# Font programs, the bulk of the file, are deflated so.
FONT_COMPRESSION = 4
FONT_MEMORY = 9


def num(v: float, places: int = 3) -> str:
    """A number as PDF writes it: no exponent, no trailing zeros, never "-0"."""
    s = f"{v:.{places}f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


_NAME_OK = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+*!$&',:;=?@^`|~"
)


def name(s: str) -> bytes:
    """``/s`` with every byte outside the regular characters written as #xx."""
    out = bytearray(b"/")
    for b in s.encode("utf-8"):
        if b in _NAME_OK:
            out.append(b)
        else:
            out += b"#%02X" % b
    return bytes(out)


def literal(data: bytes) -> bytes:
    """A literal string: backslash, parentheses and CR escaped (a reader turns a bare
    CR into LF), every other byte as it is."""
    return (
        b"("
        + data.replace(b"\\", b"\\\\")
        .replace(b"(", b"\\(")
        .replace(b")", b"\\)")
        .replace(b"\r", b"\\r")
        + b")"
    )


def text_string(s: str) -> bytes:
    """A text string (document information): ASCII as it is, else UTF-16BE with a BOM."""
    if s.isascii():
        return literal(s.encode("ascii"))
    return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def stream(dictionary: bytes, data: bytes, compressed: bool = False) -> bytes:
    """A stream object's body; ``data`` already deflated when ``compressed``."""
    filt = b"/Filter/FlateDecode" if compressed else b""
    # The end of line before "endstream" is CR LF where the data ends in CR: a lone LF
    # after it would read as one CR LF end of line, the data a byte short (PDF/A checks
    # /Length against what stands before that end of line).
    eol = b"\r\n" if data.endswith(b"\r") else b"\n"
    head = b"<<" + dictionary + filt + b"/Length %d>>\nstream\n" % len(data)
    return head + data + eol + b"endstream"


def deflate(data: bytes, level: int = COMPRESSION, memory: int = 8) -> bytes:
    """zlib's deflate; ``memory`` is zlib's memLevel (8, its default, or up to 9)."""
    if memory == 8:
        return zlib.compress(data, level)
    c = zlib.compressobj(level, zlib.DEFLATED, 15, memory)
    return c.compress(data) + c.flush()


# Less than this is deflated where it is asked for (in a millisecond or so at the fonts'
# level): a thread would gain next to nothing, and each one started and joined costs the
# main thread a little on a busy machine.
_THREADED = 1 << 16


class Deflated:
    """Bytes deflated in a thread of their own, taken when their object is written: zlib
    lets go of the interpreter while it compresses, so a font program (the bulk of the
    file) is deflated on another processor while the pages are encoded. The bytes are
    those ``deflate`` gives. (``_thread``: a lock is all this needs.)"""

    __slots__ = ("_raw", "_level", "_memory", "_out", "_done")

    def __init__(self, raw: bytes, level: int = COMPRESSION, memory: int = 8) -> None:
        self._raw, self._level, self._memory = raw, level, memory
        self._out: bytes | None = None
        self._done = _thread.allocate_lock()  # held while the thread deflates
        if len(raw) < _THREADED:
            self._out, self._raw = deflate(raw, level, memory), b""
            return
        self._done.acquire()
        try:
            _thread.start_new_thread(self._run, ())
        except RuntimeError:  # no thread to be had: deflated when asked for
            self._done.release()

    def _run(self) -> None:
        try:
            self._out = deflate(self._raw, self._level, self._memory)
        finally:
            self._done.release()

    @property
    def data(self) -> bytes:
        if self._out is None:
            with self._done:  # the thread has finished
                pass
            if self._out is None:  # it failed, or never ran: again here, raising what it raised
                self._out = deflate(self._raw, self._level, self._memory)
            self._raw = b""
        return self._out


class Writer:
    """Objects numbered in the order they are reserved, written with their offsets."""

    def __init__(self, version: str = "1.4") -> None:
        self.parts: list[bytes] = [b"%PDF-" + version.encode() + b"\n%\xe2\xe3\xcf\xd3\n"]
        self.pos = len(self.parts[0])
        self.offsets: dict[int, int] = {}
        self.count = 0

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def add(self, body: bytes, num_: int | None = None) -> int:
        n = num_ if num_ is not None else self.reserve()
        chunk = b"%d 0 obj\n" % n + body + b"\nendobj\n"
        self.offsets[n] = self.pos
        self.parts.append(chunk)
        self.pos += len(chunk)
        return n

    def finish(self, root: int, info: int) -> bytes:
        size = self.count + 1
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        xref += [b"%010d 00000 n \n" % self.offsets[i] for i in range(1, size)]
        # the file identifier: checksums of the content, the same for the same content
        crc, adler = 0, 1
        for part in self.parts:
            crc, adler = zlib.crc32(part, crc), zlib.adler32(part, adler)
        ident = b"%08X%08X%016X" % (crc, adler, self.pos)
        trailer = (
            b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n"
            % (size, root, info, ident, ident, self.pos)
        )
        return b"".join([*self.parts, *xref, trailer])
