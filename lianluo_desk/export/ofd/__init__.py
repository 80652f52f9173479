"""OFD (GB/T 33190-2016), the national fixed-layout format 公文 are exchanged and archived
in, written from the same box tree as the PDF through the painter interface.

The package: ``OFD.xml`` (document information) → ``Doc_0/Document.xml`` (page size in
millimetres, ``MaxUnitID``, the resource files, the pages) → ``Doc_0/Pages/Page_N/
Content.xml``; ``PublicRes.xml`` holds the fonts (each face's subset in ``Res/``, named
by the 公文 family its role asks for), ``DocumentRes.xml`` the pictures. IDs are numbered
in one sequence in the order written; the ZIP's entries are sorted and dated with the
issue's date, so the same issue gives the same bytes.
"""

from __future__ import annotations

import hashlib
import itertools
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ... import gcpause
from ...errors import UserError
from ...fsutil import atomic_write_bytes
from ...layout.boxes import Document, GlyphRun, ImageBox
from ...layout.fonts import Face, face_named
from ..painter import paint
from ..pdfa import CREATOR
from .fonts import font_program
from .page import NS, PagePainter, mm

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_FORMATS = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"BM": "BMP", b"II*\0": "TIFF"}


def _image(path: str) -> tuple[bytes, str]:
    """A picture's bytes and OFD format: PNG, JPEG, BMP, TIFF as they are, others as PNG."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserError("image.unreadable", where=path, detail=exc.strerror) from None
    for magic, fmt in _FORMATS.items():
        if data.startswith(magic):
            return data, fmt
    from PIL import Image

    out = BytesIO()
    with Image.open(BytesIO(data)) as im:
        im.save(out, "PNG")
    return out.getvalue(), "PNG"


def _zip(files: dict[str, bytes], date: str) -> bytes:
    """The package: entries sorted by name, each dated with the issue's date."""
    y, mo, d = (int(p) for p in (date or "2000-01-01").split("-"))
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(y, mo, d, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform writing it
            info.external_attr = 0o100644 << 16
            z.writestr(info, files[name], compresslevel=6)
    return buf.getvalue()


def render_ofd(doc: Document) -> bytes:
    with gcpause.paused():
        return _render(doc)


def _render(doc: Document) -> bytes:
    ids = itertools.count(1)

    def new_id() -> int:
        return next(ids)

    chars: dict[str, set[int]] = {}
    image_paths: list[str] = []
    for page in doc.pages:
        for it in page.items:
            if isinstance(it, GlyphRun):
                chars.setdefault(it.font, set()).update(map(ord, it.text))
            elif isinstance(it, ImageBox) and it.path not in image_paths:
                image_paths.append(it.path)
    faces: dict[str, Face] = {f: face_named(f, doc.fonts.get(f)) for f in chars}
    files: dict[str, bytes] = {}
    font_ids: dict[str, int] = {}
    fonts_xml = []
    for fname in sorted(chars):
        fid = font_ids[fname] = new_id()
        face = faces[fname]
        family = doc.families.get(fname) or face.metrics.ps_name
        files[f"Doc_0/Res/font_{fid}.ttf"] = font_program(face, frozenset(chars[fname]))
        fonts_xml.append(
            f'<ofd:Font ID="{fid}" FontName={quoteattr(family)} FamilyName={quoteattr(family)}>'
            f"<ofd:FontFile>font_{fid}.ttf</ofd:FontFile></ofd:Font>"
        )
    image_ids: dict[str, int] = {}
    media_xml = []
    for path in image_paths:
        mid = image_ids[path] = new_id()
        data, fmt = _image(path)
        ext = fmt.lower()
        files[f"Doc_0/Res/image_{mid}.{ext}"] = data
        media_xml.append(
            f'<ofd:MultiMedia ID="{mid}" Type="Image" Format="{fmt}">'
            f"<ofd:MediaFile>image_{mid}.{ext}</ofd:MediaFile></ofd:MultiMedia>"
        )
    page_ids = [new_id() for _ in doc.pages]
    painter = PagePainter(new_id, font_ids, faces, image_ids)
    paint(doc, painter)
    for i, content in enumerate(painter.pages):
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = content
    max_id = next(ids) - 1
    files["Doc_0/PublicRes.xml"] = (
        HEAD
        + f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        + "".join(fonts_xml)
        + "</ofd:Fonts></ofd:Res>"
    ).encode("utf-8")
    res = "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
    if media_xml:
        files["Doc_0/DocumentRes.xml"] = (
            HEAD
            + f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias>'
            + "".join(media_xml)
            + "</ofd:MultiMedias></ofd:Res>"
        ).encode("utf-8")
        res += "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
    first = doc.pages[0] if doc.pages else None
    box = f"0 0 {mm(first.width)} {mm(first.height)}" if first else "0 0 210 297"
    pages_xml = "".join(
        f'<ofd:Page ID="{pid}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
        for i, pid in enumerate(page_ids)
    )
    files["Doc_0/Document.xml"] = (
        HEAD + f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{max_id}</ofd:MaxUnitID>"
        f"<ofd:PageArea><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:PageArea>"
        f"{res}</ofd:CommonData><ofd:Pages>{pages_xml}</ofd:Pages></ofd:Document>"
    ).encode("utf-8")
    digest = hashlib.md5(usedforsecurity=False)
    for name in sorted(files):
        digest.update(name.encode("utf-8") + b"\0" + files[name])
    date = doc.date or "2000-01-01"
    files["OFD.xml"] = (
        HEAD + f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
        "<ofd:DocInfo>"
        f"<ofd:DocID>{digest.hexdigest()}</ofd:DocID>"
        f"<ofd:Title>{escape(doc.title)}</ofd:Title>"
        f"<ofd:Author>{escape(doc.author)}</ofd:Author>"
        f"<ofd:Subject>{escape(doc.subject)}</ofd:Subject>"
        f"<ofd:CreationDate>{date}</ofd:CreationDate>"
        f"<ofd:ModDate>{date}</ofd:ModDate>"
        f"<ofd:Creator>{CREATOR}</ofd:Creator>"
        "</ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
        "</ofd:DocBody></ofd:OFD>"
    ).encode("utf-8")
    return _zip(files, date)


def write_ofd(doc: Document, path: Path) -> int:
    data = render_ofd(doc)
    atomic_write_bytes(Path(path), data)
    return len(data)
