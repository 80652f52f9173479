"""The app freezes what its start made once the first layout is shown, so that a full
collection later walks only what editing made (on a 30-page issue a full collection
walked the start's hundred thousand objects, a quarter of a second, the window stopped)."""

import gc
import time


def test_the_start_is_frozen_after_the_first_layout(qtbot, window):
    from lianluo_desk.ui.app import settle_heap

    w = window
    assert gc.get_freeze_count() == 0
    try:
        settle_heap(w)
        w.ctl.relayout()
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=20000)
        frozen = gc.get_freeze_count()
        started = time.perf_counter()
        gc.collect()
        walk_ms = (time.perf_counter() - started) * 1000
        w.ctl.relayout()  # later layouts freeze nothing more
        qtbot.waitUntil(lambda: not w.ctl.layout_pending(), timeout=20000)
        assert gc.get_freeze_count() <= frozen  # (frozen objects freed as always)
        gc.unfreeze()
        started = time.perf_counter()
        gc.collect()
        assert walk_ms < (time.perf_counter() - started) * 1000
    finally:
        gc.unfreeze()
