"""A long Qt call without Python's lock held: ``QPainter.end()`` on a printer writes the
whole file (fonts subset and compressed, ~150 ms an issue), and the binding holds the
interpreter lock throughout, so the window's own Python handlers wait that long. Called
through ctypes, which releases the lock for the call, the window goes on meanwhile.
Where the symbol cannot be found (another platform's naming), the bound call is used."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QPainter

# QPainter::end() in the Itanium (Linux, macOS) and MSVC (Windows) manglings
_END = ("_ZN8QPainter3endEv", "?end@QPainter@@QEAA_NXZ")


@cache
def _native_end() -> Callable[[int], bool] | None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    names = {"win32": ["Qt6Gui.dll"], "darwin": ["QtGui.framework/QtGui"]}
    try:
        for name in names.get(sys.platform, ["libQt6Gui.so.6"]):
            lib = ctypes.CDLL(str(folder / name))
            for symbol in _END:
                fn = getattr(lib, symbol, None)
                if fn is not None:
                    fn.restype = ctypes.c_bool
                    fn.argtypes = [ctypes.c_void_p]
                    return fn
    except OSError:
        return None
    return None


def end_painter(qp: QPainter) -> bool:
    """``qp.end()``, the interpreter lock released while Qt writes."""
    from shiboken6 import Shiboken

    fn = _native_end()
    if fn is None:
        return qp.end()
    (address,) = Shiboken.getCppPointer(qp)
    return bool(fn(address))
