"""LibreOffice as an optional helper: word-processor files the office holds (.doc, .wps,
.rtf, .odt) converted to .docx, which the normal importer then reads.

LibreOffice is found on PATH or in its usual install places (``LIANLUO_DESK_SOFFICE``
names it explicitly), run headless with a private profile in a temporary folder (no
user settings, no first-start wizard, no recovery dialog, nothing left behind), and
stopped after a time limit (``LIANLUO_DESK_CONVERT_SECONDS``, 120 s by default)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path, PurePath

from . import places
from .catalogue import Said, say
from .errors import Cancelled, UserError

# asked while LibreOffice runs: True stops it (the app's 取消 on a long conversion)
_cancel: ContextVar[Callable[[], bool] | None] = ContextVar("lld_convert_cancel", default=None)
POLL_SECONDS = 0.1


@contextmanager
def cancellable(asked: Callable[[], bool]) -> Iterator[None]:
    """Conversions run within stop (LibreOffice killed) as soon as ``asked()``."""
    token = _cancel.set(asked)
    try:
        yield
    finally:
        _cancel.reset(token)


# the import filter for each kind: pinned, so that a file LibreOffice cannot read as a
# word-processor document is refused instead of read through its plain-text fallback
FILTERS = {
    "Word 97 .doc": "MS Word 97",
    "WPS": "MS Word 97",  # Kingsoft WPS files are Word 97 documents
    "RTF": "Rich Text Format",
    "ODT": "writer8",
    "HTML": "HTML (StarWriter)",  # a web page saved under a Word name
}


def candidates() -> list[str]:
    """Where LibreOffice may be, in the order asked: PATH, then where an office installs it
    on this platform (``places``: both Program Files, per-user, /opt/libreoffice*, newest
    first)."""
    out = [found for exe in ("soffice", "libreoffice") if (found := shutil.which(exe))]
    platform, env, home = places.here()

    def glob(folder: PurePath, pattern: str) -> list[PurePath]:
        return list(Path(folder).glob(pattern))

    return out + [str(p) for p in places.soffice_candidates(platform, env, home, glob)]


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed. A
    ``LIANLUO_DESK_SOFFICE`` that names no program is an error of its own (not "install
    LibreOffice"); set empty, it says there is none."""
    named = os.environ.get("LIANLUO_DESK_SOFFICE")
    if named == "":
        return None
    if named:
        exe = Path(named)
        if not exe.is_file() or not os.access(exe, os.X_OK):
            why = "convert.no_program" if not exe.exists() else "convert.not_program"
            raise UserError(why, named=named)
        return named
    return next((c for c in candidates() if Path(c).exists()), None)


def to_docx(src: Path, kind: str) -> bytes:
    """``src`` (a ``kind`` file: "Word 97 .doc", "WPS", "RTF", "ODT") as .docx bytes."""
    try:
        exe = find_soffice()
    except UserError as exc:
        raise UserError(exc.about(src)) from None
    if exe is None:
        raise UserError("convert.needs_libreoffice", where=src, kind=kind)
    with tempfile.TemporaryDirectory(prefix="lld-convert-") as tmp:
        work = Path(tmp)
        # a plain name: LibreOffice derives the output name from the input's
        inp = work / f"draft{src.suffix.lower() or '.bin'}"
        shutil.copyfile(src, inp)
        filter_ = f"--infilter={FILTERS.get(kind, 'MS Word 97')}"
        args = [filter_, "--convert-to", "docx:MS Word 2007 XML"]
        out = _run(exe, work, args, inp, "docx", src, say("convert.what_file", kind=kind))
        if isinstance(out, str):
            raise UserError("convert.unreadable", where=src, kind=kind, detail=out)
        return out.read_bytes()


def _limit() -> float:
    return float(os.environ.get("LIANLUO_DESK_CONVERT_SECONDS", "120"))


def _run(
    exe: str, work: Path, args: list[str], inp: Path, suffix: str, where: Path, what: Said
) -> Path | str:
    """LibreOffice run headless on ``inp`` in ``work`` (its private profile and home
    there), stopped after the time limit: the output file, or why there is none.
    Messages name ``where`` (the draft) and ``what`` was converted."""
    cmd = [
        exe,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        *args,
        "--outdir",
        str(work / "out"),
        str(inp),
    ]
    env = dict(places.outside_env(os.environ), HOME=str(work), SAL_USE_VCLPLUGIN="svp")
    limit = _limit()
    try:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        raise UserError("convert.cannot_start", where=where, detail=exc.strerror) from None
    err = _wait(proc, where, what, limit)
    out = work / "out" / f"{inp.stem}.{suffix}"
    if proc.returncode != 0 or not out.exists():
        why = (err or b"").decode("utf-8", "replace").strip().splitlines()
        return why[-1] if why else say("convert.exit_status", status=proc.returncode)
    return out


def _wait(proc: subprocess.Popen[bytes], where: Path, what: Said, limit: float) -> bytes:
    """LibreOffice's error output once it ends; killed at the time limit or when the
    conversion is cancelled (the app's 取消)."""
    asked = _cancel.get()
    deadline = time.monotonic() + limit
    while True:
        left = deadline - time.monotonic()
        try:
            return proc.communicate(timeout=max(0.0, min(left, POLL_SECONDS)))[1]
        except subprocess.TimeoutExpired:
            if asked is not None and asked():
                _kill(proc)
                raise Cancelled() from None
            if left <= 0:
                _kill(proc)
                raise UserError("convert.timeout", where=where, what=what, seconds=limit) from None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started (it forks a second process)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    proc.wait()


# a flat ODF text document holding pictures, one a page at its top-left corner
_ODF = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
    '<office:styles><style:style style:name="br" style:family="paragraph">'
    '<style:paragraph-properties fo:break-before="page"/></style:style>'
    '<style:style style:name="fr" style:family="graphic"><style:graphic-properties '
    'style:wrap="run-through" style:horizontal-pos="from-left" style:horizontal-rel="page" '
    'style:vertical-pos="from-top" style:vertical-rel="page" fo:border="none" '
    'fo:padding="0cm"/></style:style></office:styles><office:automatic-styles>'
    '<style:page-layout style:name="pl"><style:page-layout-properties '
    'fo:page-width="{w:.3f}cm" fo:page-height="{h:.3f}cm" fo:margin-top="0.2cm" '
    'fo:margin-bottom="0.2cm" fo:margin-left="0.2cm" fo:margin-right="0.2cm"/>'
    "</style:page-layout></office:automatic-styles><office:master-styles>"
    '<style:master-page style:name="Standard" style:page-layout-name="pl"/>'
    "</office:master-styles><office:body><office:text>{body}</office:text></office:body>"
    "</office:document>"
)
MAX_CM = 60.0  # a metafile's stated size beyond this is scaled down (LibreOffice's page)
UNKNOWN_CM = (10.0, 7.5)  # the size of a metafile that states none


def metafile_size(data: bytes) -> tuple[float, float]:
    """A WMF's or EMF's own size in cm (its header's frame), within ``MAX_CM``."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            dpi = im.info.get("dpi", 72)
            dx, dy = dpi if isinstance(dpi, tuple) else (dpi, dpi)
            w, h = im.size[0] / dx * 2.54, im.size[1] / dy * 2.54
    except (OSError, ValueError, ZeroDivisionError):
        w, h = UNKNOWN_CM
    if w <= 0 or h <= 0:
        w, h = UNKNOWN_CM
    scale = min(1.0, MAX_CM / max(w, h))
    return w * scale, h * scale


def metafiles_to_png(where: Path, pictures: list[bytes], dpi: float) -> list[bytes] | str:
    """WMF/EMF pictures (which Pillow reads only on Windows) as PNG, ``dpi`` pixels an
    inch of their own size: LibreOffice draws them all, one a page, into one PDF (one
    run for every picture of a draft), pdfium renders each page. A string says why
    there are none (no LibreOffice, or it could not draw them)."""
    import base64
    import io

    try:
        exe = find_soffice()
    except UserError as exc:
        return exc.said
    if exe is None:
        return say("convert.pictures_need_libreoffice")
    sizes = [metafile_size(d) for d in pictures]
    frames = "".join(
        f'<draw:frame draw:style-name="fr" text:anchor-type="page" '
        f'text:anchor-page-number="{k + 1}" svg:x="0cm" svg:y="0cm" svg:width="{w:.3f}cm" '
        f'svg:height="{h:.3f}cm"><draw:image><office:binary-data>'
        f"{base64.b64encode(d).decode('ascii')}</office:binary-data></draw:image></draw:frame>"
        for k, (d, (w, h)) in enumerate(zip(pictures, sizes, strict=True))
    )
    body = frames + "<text:p/>" + '<text:p text:style-name="br"/>' * (len(pictures) - 1)
    page_w = max(w for w, _h in sizes) + 1
    page_h = max(h for _w, h in sizes) + 1
    with tempfile.TemporaryDirectory(prefix="lld-pictures-") as tmp:
        work = Path(tmp)
        inp = work / "pictures.fodt"
        inp.write_text(_ODF.format(w=page_w, h=page_h, body=body), "utf-8")
        args = ["--convert-to", "pdf:writer_pdf_Export"]
        try:
            out = _run(exe, work, args, inp, "pdf", where, say("convert.what_pictures"))
        except UserError as exc:  # stopped after the time limit: the pictures, not the draft
            return exc.said
        if isinstance(out, str):
            return say("convert.not_drawn", detail=out)
        import pypdfium2

        pdf = pypdfium2.PdfDocument(out)
        try:
            if len(pdf) < len(pictures):
                return say("convert.pages_missing")
            pngs = []
            for k, (w, h) in enumerate(sizes):
                page = pdf[k]
                im = page.render(scale=dpi / 72).to_pil()
                box = (0, 0, max(1, round(w / 2.54 * dpi)), max(1, round(h / 2.54 * dpi)))
                buf = io.BytesIO()
                im.crop(box).save(buf, "PNG")
                pngs.append(buf.getvalue())
                page.close()
            return pngs
        finally:
            pdf.close()
