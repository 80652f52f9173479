"""The event loop's longest pause while something runs: a timer due every 10 ms notes
the largest gap between two of its ticks (a frozen window shows as a long gap).

While it measures, what exists already is frozen out of the cyclic collector's way, as
the app freezes what its start made (``ui.app.settle_heap``): in a test session that
heap holds every earlier test's objects, whose full collection would be measured as
the window's pause although the app never walks them."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QTimer


class StallMeter:
    def __init__(self, interval_ms: int = 10) -> None:
        self.worst_ms = 0.0
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.worst_ms = max(self.worst_ms, (now - self._last) * 1000)
        self._last = now

    def __enter__(self) -> StallMeter:
        gc.collect()
        gc.freeze()
        self._last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()
        gc.unfreeze()
