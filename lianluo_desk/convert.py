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


INSTALL = (
    "install LibreOffice (apt install libreoffice-writer, or from libreoffice.org) "
    "or save the file as .docx (请安装 LibreOffice，或另存为 .docx)"
)


# the import filter for each kind: pinned, so that a file LibreOffice cannot read as a
# word-processor document is refused instead of read through its plain-text fallback
FILTERS = {
    "Word 97 .doc": "MS Word 97",
    "WPS": "MS Word 97",  # Kingsoft WPS files are Word 97 documents
    "RTF": "Rich Text Format",
    "ODT": "writer8",
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
            why = "does not exist" if not exe.exists() else "is not an executable file"
            raise UserError(
                f"LIANLUO_DESK_SOFFICE={named}: {why}; name LibreOffice's soffice or unset it "
                "(LIANLUO_DESK_SOFFICE 设置有误)"
            )
        return named
    return next((c for c in candidates() if Path(c).exists()), None)


def to_docx(src: Path, kind: str) -> bytes:
    """``src`` (a ``kind`` file: "Word 97 .doc", "WPS", "RTF", "ODT") as .docx bytes."""
    try:
        exe = find_soffice()
    except UserError as exc:
        raise UserError(f"{src}: {exc}") from None
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
            f"--infilter={FILTERS.get(kind, 'MS Word 97')}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "out"),
            str(inp),
        ]
        env = dict(places.outside_env(os.environ), HOME=str(work), SAL_USE_VCLPLUGIN="svp")
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
        err = _wait(proc, src, kind, limit)
        out = work / "out" / "draft.docx"
        if proc.returncode != 0 or not out.exists():
            why = (err or b"").decode("utf-8", "replace").strip().splitlines()
            detail = why[-1] if why else f"exit status {proc.returncode}"
            raise UserError(
                f"{src}: not a {kind} document LibreOffice can read ({detail}) "
                "(无法作为文字处理文档读取)"
            )
        return out.read_bytes()


def _wait(proc: subprocess.Popen[bytes], src: Path, kind: str, limit: float) -> bytes:
    """LibreOffice's error output once it ends; killed at the time limit or when the
    conversion is cancelled."""
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
                raise UserError(
                    f"{src}: LibreOffice did not finish converting the {kind} file within "
                    f"{limit:.0f} s; stopped (转换超时)"
                ) from None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started (it forks a second process)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (OSError, AttributeError):
        proc.kill()
    proc.wait()
