"""The PDF writer's fast paths give what the plain ones give: table checksums, glyph
codes, ToUnicode entries, font programs deflated in a thread; and writing a PDF leaves
the garbage collector as it found it."""

from __future__ import annotations

import gc
import os
import random
import zlib

import pytest

from lianluo_desk.export import pdfcontent, pdffonts, pdfsyntax
from lianluo_desk.export.pdf import PdfCache, render_pdf


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 54, 4099, 100_003])
def test_table_checksum_is_the_sum_of_big_endian_words(n):
    data = random.Random(n).randbytes(n)
    padded = data + b"\0" * (-n % 4)
    words = sum(int.from_bytes(padded[i : i + 4], "big") for i in range(0, len(padded), 4))
    assert pdffonts._checksum(data) == pdffonts._checksum_py(data) == words & 0xFFFFFFFF


def test_glyph_codes_are_escaped_as_a_literal_string_escapes_them():
    for g in range(0x10000):
        two = g.to_bytes(2, "big")
        assert pdfcontent._BYTE[g >> 8] + pdfcontent._BYTE[g & 0xFF] == (
            pdfsyntax.literal(two)[1:-1].decode("latin-1")
        )


def test_utf16_of_every_code_point():
    for cp in [*range(0xD800), *range(0xE000, 0x110000, 7), 0xFFFF, 0x10000, 0x10FFFF]:
        assert pdffonts._utf16(cp) == chr(cp).encode("utf-16-be").hex().upper()


def test_to_unicode_ranges_stop_where_a_byte_wraps():
    cmap = zlib.decompress(pdffonts._to_unicode({0xFE: 0x4EFE, 0xFF: 0x4EFF, 0x100: 0x4F00}))
    assert b"1 beginbfrange\n<00FE><00FF><4EFE>\nendbfrange" in cmap
    assert b"1 beginbfchar\n<0100><4F00>" in cmap


@pytest.mark.parametrize("size", [10, 1 << 20])  # deflated at once, and in a thread
def test_deflated_gives_what_deflate_gives(size):
    raw = random.Random(size).randbytes(size // 2) + bytes(size // 2)
    d = pdfsyntax.Deflated(raw, pdfsyntax.FONT_COMPRESSION)
    assert d.data == pdfsyntax.deflate(raw, pdfsyntax.FONT_COMPRESSION)
    assert d.data == zlib.compress(raw, pdfsyntax.FONT_COMPRESSION)  # taken again


def test_deflated_without_a_thread(monkeypatch):
    def refuse(*_args):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(pdfsyntax._thread, "start_new_thread", refuse)
    raw = os.urandom(1 << 17)
    assert pdfsyntax.Deflated(raw).data == pdfsyntax.deflate(raw)


def test_writing_leaves_the_collector_as_it_was(big_doc):
    assert gc.isenabled()
    render_pdf(big_doc, PdfCache())
    assert gc.isenabled()
    gc.disable()
    try:
        render_pdf(big_doc, PdfCache())
        assert not gc.isenabled()
    finally:
        gc.enable()
