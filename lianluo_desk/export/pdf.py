"""The PDF writer: fonts embedded as one subset per face, text in reading order,
byte-identical output for identical input.

Written directly rather than through reportlab's canvas: a page's content stream is
cached by its boxes and a face's subset by its characters (``PdfCache``), so after an
edit only what changed is written again; and one subset per face instead of 256-glyph
pieces makes the file smaller than before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import gcpause
from ..fsutil import atomic_write_bytes
from ..layout.boxes import Document, GlyphRun
from ..layout.fonts import face_named
from .pdfa import CREATOR, ICC_CONDITION, dated_info_entries, info_entries, srgb_profile, xmp
from .pdfcontent import PageStream, encode_page, image_name, page_key
from .pdffonts import EmbeddedFont, embed
from .pdfsyntax import Writer, deflate, literal, name, num, stream

if TYPE_CHECKING:
    from .pdfimages import XImage

__all__ = ["CREATOR", "PdfCache", "render_pdf", "write_pdf"]


class PdfCache:
    """Pieces of the last PDF written, for the next one: content streams by page boxes,
    subsets by face and characters, images by file. Only what the last document used is
    kept, so the cache stays the size of one issue. (A plain class, as the writer's
    records are named tuples: a dataclass costs a millisecond to import.)"""

    __slots__ = ("pages", "fonts", "images")

    def __init__(self) -> None:
        self.pages: dict[tuple, PageStream] = {}
        self.fonts: dict[tuple, EmbeddedFont] = {}
        self.images: dict[tuple, XImage] = {}


_LAST = PdfCache()


def _image_key(path: str) -> tuple:
    try:
        st = Path(path).stat()
    except OSError:
        return (path, -1, -1)
    return (path, st.st_size, st.st_mtime_ns)


def render_pdf(doc: Document, cache: PdfCache | None = None, pdfa: bool = False) -> bytes:
    """The document as PDF bytes; ``cache`` (by default one kept in this process)
    carries pages and subsets over from the last call. ``pdfa``: a PDF/A-2b archive
    copy (XMP metadata, sRGB output intent, the issue's date), the same pages."""
    # The writer makes no reference cycles, but the tuples it makes (page keys, records)
    # set off collections that walk all the layout left behind: a tenth of its time.
    with gcpause.paused():
        return _render(doc, _LAST if cache is None else cache, pdfa)


def _render(doc: Document, cache: PdfCache, pdfa: bool) -> bytes:
    # the characters of each face, read from the runs: subsets are cut first, so that
    # they deflate on another processor while the pages are encoded
    texts: dict[str, list[str]] = {}
    for page in doc.pages:
        for it in page.items:
            if isinstance(it, GlyphRun):
                got = texts.get(it.font)
                if got is None:
                    got = texts[it.font] = []
                got.append(it.text)
    faces = {fname: face_named(fname, doc.fonts.get(fname)) for fname in texts}
    fonts: dict[tuple, EmbeddedFont] = {}
    embedded: dict[str, EmbeddedFont] = {}
    chars = {fname: frozenset(map(ord, set("".join(ts)))) for fname, ts in texts.items()}
    for fname in sorted(chars, key=lambda f: (-len(chars[f]), f)):  # the longest first
        face = faces[fname]
        fkey = (str(face.path), face.member, chars[fname])
        ef = (
            fonts.get(fkey)
            or cache.fonts.get(fkey)
            or embed(face.path, face.member, face.metrics, chars[fname])
        )
        fonts[fkey] = ef
        embedded[fname] = ef
    pages: dict[tuple, PageStream] = {}
    streams = []
    for page in doc.pages:
        key = page_key(page)
        ps = pages.get(key) or cache.pages.get(key) or encode_page(page, faces)
        pages[key] = ps
        streams.append(ps)
    image_paths: set[str] = set()
    for ps in streams:
        image_paths.update(ps.images)

    w = Writer("1.7" if pdfa else "1.4")
    catalog, pages_obj, info, resources = (w.reserve() for _ in range(4))
    font_refs = [name(f) + b" %d 0 R" % _write_font(w, embedded[f]) for f in sorted(embedded)]
    images: dict[tuple, XImage] = {}
    image_refs = []
    by_name = {image_name(p): p for p in sorted(image_paths)}  # one object per content
    for _, path in sorted(by_name.items()):
        ikey = _image_key(path)
        im = images.get(ikey) or cache.images.get(ikey)
        if im is None:
            from .pdfimages import load_image  # with Pillow, for issues with pictures

            im = load_image(path)
        images[ikey] = im
        image_refs.append(name(image_name(path)) + b" %d 0 R" % _write_image(w, im))
    res = b"<</Font<<" + b"".join(font_refs) + b">>"
    if image_refs:
        res += b"/XObject<<" + b"".join(image_refs) + b">>"
    w.add(res + b">>", resources)
    kids = []
    for page, ps in zip(doc.pages, streams, strict=True):
        contents = w.add(stream(b"", ps.data, compressed=True))
        box = f"[0 0 {num(page.width)} {num(page.height)}]".encode()
        kids.append(
            w.add(
                b"<</Type/Page/Parent %d 0 R/MediaBox%s/Resources %d 0 R/Contents %d 0 R>>"
                % (pages_obj, box, resources, contents)
            )
        )
    refs = b" ".join(b"%d 0 R" % k for k in kids)
    w.add(b"<</Type/Pages/Kids[%s]/Count %d>>" % (refs, len(kids)), pages_obj)
    archival = b""
    if pdfa:
        meta = w.add(stream(b"/Type/Metadata/Subtype/XML", xmp(doc)))
        icc = w.add(stream(b"/N 3", deflate(srgb_profile()), compressed=True))
        archival = (
            b"/Metadata %d 0 R/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1"
            b"/OutputConditionIdentifier%s/Info%s/DestOutputProfile %d 0 R>>]"
            % (meta, literal(ICC_CONDITION.encode()), literal(ICC_CONDITION.encode()), icc)
        )
    w.add(b"<<" + (dated_info_entries(doc) if pdfa else info_entries(doc)) + b">>", info)
    w.add(b"<</Type/Catalog/Pages %d 0 R%s>>" % (pages_obj, archival), catalog)
    cache.pages, cache.fonts, cache.images = pages, fonts, images
    return w.finish(catalog, info)


def _write_font(w: Writer, ef: EmbeddedFont) -> int:
    base = name(ef.base_font)
    ff = w.add(stream(b"/Length1 %d" % ef.length1, ef.font_file.data, compressed=True))
    fd = w.add(
        b"<</Type/FontDescriptor/FontName" + base + ef.descriptor + b"/FontFile2 %d 0 R>>" % ff
    )
    cid = w.add(
        b"<</Type/Font/Subtype/CIDFontType2/BaseFont"
        + base
        + b"/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>"
        + b"/FontDescriptor %d 0 R/DW %s/W" % (fd, num(ef.default_width).encode())
        + ef.widths
        + b"/CIDToGIDMap/Identity>>"
    )
    tu = w.add(stream(b"", ef.to_unicode, compressed=True))
    return w.add(
        b"<</Type/Font/Subtype/Type0/BaseFont"
        + base
        + b"/Encoding/Identity-H/DescendantFonts[%d 0 R]/ToUnicode %d 0 R>>" % (cid, tu)
    )


def _write_image(w: Writer, im: XImage) -> int:
    smask = b""
    if im.smask is not None:
        m = w.add(
            stream(
                b"/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace/DeviceGray"
                b"/BitsPerComponent 8" % (im.width, im.height),
                im.smask,
                compressed=True,
            )
        )
        smask = b"/SMask %d 0 R" % m
    head = (
        b"/Type/XObject/Subtype/Image/Width %d/Height %d/ColorSpace%s/BitsPerComponent 8"
        b"/Filter%s" % (im.width, im.height, im.colorspace, im.filter)
    )
    return w.add(stream(head + smask, im.data))


def write_pdf(doc: Document, path: Path, cache: PdfCache | None = None, pdfa: bool = False) -> int:
    data = render_pdf(doc, cache, pdfa)
    atomic_write_bytes(Path(path), data)
    return len(data)
