"""Atomic file output: write to a temporary file beside the target, then replace it.

A crash, a full disk or a refused permission never leaves a half-written PDF, DOCX or issue
file behind, and an existing file stays as it was until the new one is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import UserError


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError("fs.is_folder", where=path)
    if not parent.is_dir():
        raise UserError("fs.no_folder", where=path, folder=parent)
    try:
        fd, tmp = _new_file_beside(path, parent)
    except OSError as exc:
        raise UserError("fs.cannot_write_here", where=path, detail=exc.strerror) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise UserError("fs.cannot_write", where=path, detail=exc.strerror) from None
    except BaseException:
        _unlink(tmp)
        raise


# O_NOFOLLOW: never through a link someone put there; O_BINARY: no newline translation
_CREATE = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def _new_file_beside(path: Path, parent: Path) -> tuple[int, str]:
    """A new empty file (mode 0600) of a name no other writer takes, in ``parent``, as
    tempfile.mkstemp makes one; tempfile itself would import shutil and random, more
    than a command that writes one PDF needs."""
    for _ in range(100):
        tmp = os.path.join(parent, f".{path.name}.{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, _CREATE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file")


def new_file_mode() -> int:
    """What a new file's mode is by the umask (0644 under 022): the office's other
    accounts read the library as the administrator set it up; mkstemp's 0600 would not.
    Read where the system shows it (Linux), else set and restored at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            mask = next(int(ln.split()[1], 8) for ln in fh if ln.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _unlink(p: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(p)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_output(path) as fh:
        fh.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
