"""Drafts in: one entry point, format chosen by content (magic bytes), not only by suffix.

Every refusal is a ``UserError`` naming the file and the problem; nothing half-read is
returned.
"""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from ..catalogue import Said as Said
from ..catalogue import say
from ..errors import UserError
from ..model.issue import Article, BlockKind
from .damage import damaged
from .legacy import PastIssue
from .report import ImportReport
from .structure import RawPara, is_own, join_lines, recognise, recognise_own

MAX_DRAFT_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# word-processor names that office systems also give plain text (an export, a renamed .txt)
WORD_SUFFIXES = (".doc", ".docx", ".wps", ".wpt", ".dot")
# the header a document-security system (加密软件) writes before the file it enciphers
SECURED_MAGIC = b"%TSD-Header-###%"
# what a file is by its first bytes, when it is none of the drafts read here
OTHER_MAGIC = {
    b"\x89PNG": ("draft.is_image", "PNG"),
    b"\xff\xd8\xff": ("draft.is_image", "JPEG"),
    b"GIF8": ("draft.is_image", "GIF"),
    b"BM": ("draft.is_image", "BMP"),
    b"II*\x00": ("draft.is_image", "TIFF"),
    b"MM\x00*": ("draft.is_image", "TIFF"),
    b"\x7fELF": ("draft.is_program", ""),
    b"MZ": ("draft.is_program", ""),
    b"\x1f\x8b": ("draft.is_archive", "gzip"),
    b"7z\xbc\xaf": ("draft.is_archive", "7z"),
    b"Rar!": ("draft.is_archive", "RAR"),
}


def import_draft(path: str | Path, assets: Path | None = None, assets_ref: str = "") -> Article:
    """Read a draft into one article (see ``import_articles``)."""
    arts = import_articles(path, assets, assets_ref)
    if len(arts) == 1:
        return arts[0]
    merged = arts[0]
    for a in arts[1:]:
        merged.blocks += a.blocks
    return merged


def import_articles(
    path: str | Path, assets: Path | None = None, assets_ref: str = ""
) -> list[Article]:
    """Read a draft into articles: one, or several for a DOCX this program exported.
    Images are normalised and stored in ``assets`` (a folder beside the issue file);
    blocks refer to them as ``assets_ref/NAME``."""
    return import_file(path, assets, assets_ref)[0]


def import_file(
    path: str | Path,
    assets: Path | None = None,
    assets_ref: str = "",
    report: ImportReport | None = None,
) -> tuple[list[Article], PastIssue | None]:
    """``import_articles``, plus the past issue when the file is a printed issue's text
    (its masthead and distribution, for an empty issue to take over). What is left out
    on purpose (headers, footers, a table of contents) or placed elsewhere (text boxes,
    notes) is counted in ``report``, and so are the tracked changes (read as accepted)
    and the comments (kept with the blocks they mark)."""
    report = report if report is not None else ImportReport()
    p = Path(path)
    if not p.exists():
        raise UserError("draft.missing", where=p)
    if p.is_dir():
        raise UserError("draft.is_folder", where=p)
    size = p.stat().st_size
    if size == 0:
        raise UserError("draft.empty", where=p)
    if size > MAX_DRAFT_BYTES:
        raise UserError("draft.too_large", where=p, mb=size / 1e6)
    head = p.read_bytes()[:8]
    _check_kind(p, head)
    kind = office_kind(p, head)
    if kind:
        paras = read_converted(p, kind, report)
    elif head.startswith(b"PK"):
        paras = read_docx(p, report)
    elif head.startswith(b"%PDF"):
        paras, past = _read_pdf(p, report)
        if past is not None:
            return past.issue.articles, past
    else:
        past = read_past_issue(p)
        if past is not None:
            return past.issue.articles, past
        paras = read_text(p, report)
    if not any(rp.text.strip() or rp.table is not None or rp.image for rp in paras):
        raise UserError("draft.no_text", where=p)  # nor a picture (scanned pages are)
    from .mathletters import plain_letters

    plain_letters(paras, report)
    scans = not any(rp.text.strip() or rp.table is not None for rp in paras)
    if is_own(paras):
        arts = recognise_own(paras, p.name)
    else:
        from .flow import arrange

        arts = [recognise(arrange(paras, report), p.name, report)]
    for art in arts:  # a line break stays in body text only (see structure.keep_lines)
        for b in art.blocks:
            if "\n" in b.runin or ("\n" in b.text and b.kind is not BlockKind.PARAGRAPH):
                b.text, b.runin = join_lines(b.text), join_lines(b.runin)
    if scans:
        arts[0].warnings.append(SCANS_ONLY)
    from .comments import attach

    attach(arts, report.comments)
    from .pictures import place

    place(arts, p, assets, assets_ref, report)
    if not any(a.title or a.blocks for a in arts):  # its only pictures could not be read
        raise UserError("draft.nothing_readable", where=p)
    return arts, None


SCANS_ONLY = say("draft.scans_only")


def _read_pdf(p: Path, report: ImportReport) -> tuple[list[RawPara], PastIssue | None]:
    """A PDF's paragraphs, or the past issue it prints. A PDF without text (a scan)
    comes in as the pictures of its pages, as a Word draft of scanned pages does; one
    whose every page is blank is refused as having no text."""
    from .pdf_reader import read_pdf_paras

    try:
        found = read_pdf_paras(p, report)
    except UserError as exc:
        if exc.code != "draft.pdf_no_text":
            raise
        from .pdf_scans import page_pictures

        pages = page_pictures(p)
        if not pages:
            raise
        return [RawPara("", image=png) for png in pages], None
    past = past_issue_in("\n\n".join(x.text for x in found), p)
    if past is not None:
        return [], past
    # each paragraph as the text reader reads it; a larger, centred one keeps how
    # the page sets it (a title, however long)
    paras = [
        replace(rp, size=x.size, centered=True) if x.centred else rp
        for x in found
        for rp in paragraphs(x.text, p)
    ]
    return paras, None


def _check_kind(p: Path, head: bytes) -> None:
    """Refuse, in one line, a file that is no draft: an image or other binary whatever
    its suffix, a file of a type this program does not read."""
    for magic, (code, fmt) in OTHER_MAGIC.items():
        if head.startswith(magic) and not (magic in (b"BM", b"MZ") and _texty(p)):
            raise UserError(code, where=p, **({"format": fmt} if fmt else {}))
    with p.open("rb") as fh:
        secured = fh.read(len(SECURED_MAGIC)) == SECURED_MAGIC
    if secured:
        raise UserError("draft.secured", where=p)
    known = head.startswith((b"PK", b"%PDF", OLE_MAGIC, b"{\\rtf"))
    suffix = p.suffix.lower()
    if not known and suffix in WORD_SUFFIXES and _texty(p):
        return  # plain text saved under a Word name: read as text, as LibreOffice does
    if not known and suffix not in TEXT_SUFFIXES:
        names = {".docx": "Word .docx", ".doc": "Word .doc", ".wps": "WPS", ".pdf": "PDF"}
        if suffix in names or suffix in (".rtf", ".odt"):
            raise UserError("draft.wrong_content", where=p, kind=names.get(suffix, suffix))
        raise UserError("draft.unknown_type", where=p, suffix=suffix)


def _texty(p: Path) -> bool:
    """Whether a file is text (a draft beginning 'MZ…' or 'BM…', a text file named .doc):
    no control characters, and its start decodes as UTF-8 or GB18030 (or has a UTF-16
    byte-order mark)."""
    data = p.read_bytes()[:4096]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in data or not all(b >= 0x20 or b in b"\t\r\n\x0c" for b in data):
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            data.decode(enc)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 4:  # a character cut by the 4096-byte window
                return True
    return False


def _check_zip(p: Path) -> None:
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            names = {i.filename for i in infos}
            doctype = any(
                _has_doctype(z, i)
                for i in infos
                if i.filename.endswith((".xml", ".rels")) and i.file_size < MAX_UNPACKED
            )
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
        raise damaged(p, exc) from None
    if total > MAX_UNPACKED or total / packed > MAX_RATIO:
        raise UserError("draft.zip_bomb", where=p, mb=total / 1e6)
    if doctype:
        raise UserError("draft.doctype", where=p)
    if "word/document.xml" not in names:
        if "EncryptedPackage" in names:
            raise UserError("draft.encrypted", where=p)
        raise UserError("draft.not_docx", where=p)


def _has_doctype(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with z.open(info) as fh:
        head = fh.read(4096)
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def read_past_issue(p: Path) -> PastIssue | None:
    """The text of a printed issue (masthead on top, page cuts joined), or None for an
    ordinary draft. Setting a past issue again must not turn its masthead into text."""
    if p.suffix.lower() not in (".txt", ".md", ".text", ""):
        return None
    from .text_reader import decode

    return past_issue_in(decode(p.read_bytes(), str(p)), p)


def office_kind(p: Path, head: bytes) -> str:
    """The word-processor format LibreOffice must convert ("" for none); refuses an
    encrypted Office file, which no converter can open without its password."""
    if head.startswith(OLE_MAGIC):
        data = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UserError("draft.encrypted", where=p)
        return "WPS" if p.suffix.lower() in (".wps", ".wpt") else "Word 97 .doc"
    if head.startswith(b"{\\rtf"):
        return "RTF"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(p) as z:
                if "mimetype" in z.namelist():
                    mime = z.read("mimetype")[:100].decode("ascii", "replace")
                    if mime.startswith("application/vnd.oasis.opendocument.text"):
                        return "ODT"
        except (zipfile.BadZipFile, OSError, NotImplementedError):
            return ""
    if p.suffix.lower() in WORD_SUFFIXES:  # a web page saved as .doc
        from .webpage import web_kind

        return web_kind(p)
    return ""


def read_converted(p: Path, kind: str, report: ImportReport | None = None) -> list[RawPara]:
    """A .doc/.wps/.rtf/.odt (or a web page saved as .doc) converted to .docx by
    LibreOffice, read as a .docx; errors name the original file."""
    import tempfile

    from ..convert import to_docx

    with tempfile.TemporaryDirectory(prefix="lld-draft-") as tmp:
        src = p
        if kind == "MHT":  # LibreOffice reads the page, not the archive
            from .webpage import page_of

            page = page_of(p)
            if page is None:
                raise UserError("draft.mht_without_page", where=p)
            src, kind = Path(tmp) / "page.html", "HTML"
            src.write_bytes(page)
        try:
            data = to_docx(src, kind)
        except UserError as exc:
            raise exc.naming(src, p) from None
        docx = Path(tmp) / f"{p.stem}.docx"
        docx.write_bytes(data)
        try:
            return read_docx(docx, report)
        except UserError as exc:
            raise exc.naming(docx, p) from None


def past_issue_in(text: str, p: Path) -> PastIssue | None:
    """The past issue when ``text`` (read from ``p``) is a printed issue, else None."""
    from .legacy import looks_like_past_issue, parse_past_issue

    if not looks_like_past_issue(text):
        return None
    past = parse_past_issue(text, str(p))
    for art in past.issue.articles:
        art.source = p.name
    return past


def paragraphs(text: str, p: Path) -> list[RawPara]:
    """Paragraphs of a text (one per line group) as the text reader makes them."""
    from .text_reader import parse

    return parse(text, p)


def read_docx(p: Path, report: ImportReport | None = None) -> list[RawPara]:
    """A .docx's paragraphs; a package whose parts cannot be unpacked or parsed (cut
    short, garbled, broken XML) is named as damaged, whichever part it is."""
    import zlib

    from docx.oxml.exceptions import InvalidXmlError
    from lxml import etree

    from . import docx_reader

    try:
        _check_zip(p)
        return docx_reader.read(p, report)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        etree.XMLSyntaxError,
        NotImplementedError,  # a garbled entry naming a compression zip does not have
        InvalidXmlError,  # an element without a value Word's schema requires
    ) as exc:
        raise damaged(p, exc) from None


def read_text(p: Path, report: ImportReport | None = None) -> list[RawPara]:
    """A plain-text or Markdown draft's paragraphs (Markdown by its suffix)."""
    from .text_reader import decode, read

    if p.suffix.lower() in MARKDOWN_SUFFIXES:
        from .markdown_reader import parse

        return parse(decode(p.read_bytes(), str(p)), p, report)
    return read(p)
