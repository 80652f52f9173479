"""Cyclic garbage collection paused while an issue is laid out or written.

A layout allocates tens of thousands of small objects (glyphs, clusters, lines) that
live until the pass ends; every collection those allocations trigger walks all of them
again, about a third of a 26-page layout. Nothing a pass makes has to be freed before
it ends, so cyclic collection waits until then; reference counting frees the rest as
always. Passes may run in several threads at once (the app's layout worker beside an
export): collection resumes when the last one ends, and only if it was on before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
