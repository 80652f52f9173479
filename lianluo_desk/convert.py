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
from pathlib import Path

from .errors import UserError

INSTALL = (
    "install LibreOffice (apt install libreoffice-writer, or from libreoffice.org) "
    "or save the file as .docx (请安装 LibreOffice，或另存为 .docx)"
)
PLACES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    named = os.environ.get("LIANLUO_DESK_SOFFICE")
    if named is not None:
        return named if named and Path(named).exists() else None
    for exe in ("soffice", "libreoffice"):
        found = shutil.which(exe)
        if found:
            return found
    for place in PLACES:
        if Path(place).exists():
            return place
    for opt in sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True):
        return str(opt)
    return None


def to_docx(src: Path, kind: str) -> bytes:
    """``src`` (a ``kind`` file: "Word 97 .doc", "WPS", "RTF", "ODT") as .docx bytes."""
    exe = find_soffice()
    if exe is None:
        raise UserError(f"{src}: {kind} file; LibreOffice is needed to read it: {INSTALL}")
    limit = float(os.environ.get("LIANLUO_DESK_CONVERT_SECONDS", "120"))
    with tempfile.TemporaryDirectory(prefix="lld-convert-") as tmp:
        work = Path(tmp)
        # a plain name: LibreOffice derives the output name from the input's
        inp = work / f"draft{src.suffix.lower() or '.bin'}"
        shutil.copyfile(src, inp)
        cmd = [
            exe,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(inp),
        ]
        env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            raise UserError(f"{src}: LibreOffice cannot be started ({exc.strerror})") from None
        try:
            _out, err = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise UserError(
                f"{src}: LibreOffice did not finish converting the {kind} file within "
                f"{limit:.0f} s; stopped (转换超时)"
            ) from None
        out = work / "out" / "draft.docx"
        if proc.returncode != 0 or not out.exists():
            why = (err or b"").decode("utf-8", "replace").strip().splitlines()
            detail = why[-1] if why else f"exit status {proc.returncode}"
            raise UserError(f"{src}: LibreOffice could not read this {kind} file ({detail})")
        return out.read_bytes()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started (it forks a second process)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    proc.wait()
