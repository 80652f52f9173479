"""Collection paused during a pass comes back after it: nested passes, passes in two
threads, a pass that raises; and stays off when it was off."""

from __future__ import annotations

import gc
import threading

import pytest

from lianluo_desk import gcpause


def test_nested_and_failing_passes_restore_collection():
    assert gc.isenabled()
    with gcpause.paused():
        assert not gc.isenabled()
        with pytest.raises(ValueError), gcpause.paused():
            raise ValueError
        assert not gc.isenabled()  # the outer pass still runs
    assert gc.isenabled()


def test_overlapping_passes_in_two_threads():
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with gcpause.paused():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other)
    with gcpause.paused():
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's pass has not ended
    leave.set()
    t.join(5)
    assert gc.isenabled()


def test_collection_off_before_stays_off():
    gc.disable()
    try:
        with gcpause.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_layout_pauses_collection_and_restores_it(template, fonts, big_issue):
    from lianluo_desk.layout.engine import Composer

    seen = []
    composer = Composer(template, fonts)
    real = composer.painter.draw_page

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    composer.painter.draw_page = spy  # type: ignore[method-assign]
    composer.compose(big_issue)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_layout_and_pdf_leave_no_cyclic_garbage(template, fonts, big_issue):
    """Everything a layout and its PDF make is freed by reference counting, so the
    command line can leave the cyclic collector off (the composer's kept slots once
    held it in a cycle, and with it every glyph of the issue)."""
    from lianluo_desk.export.pdf import render_pdf
    from lianluo_desk.layout.engine import lay_out
    from lianluo_desk.model.store import load_issue
    from lianluo_desk.service import SAMPLE_ISSUE

    render_pdf(lay_out(big_issue, template, fonts))  # caches filled
    render_pdf(lay_out(load_issue(SAMPLE_ISSUE), template, fonts))
    gc.collect()
    gc.disable()
    try:
        doc = lay_out(big_issue, template, fonts)
        render_pdf(doc)
        del doc
        assert gc.collect() == 0
        doc = lay_out(load_issue(SAMPLE_ISSUE), template, fonts)  # as a batch's worker does
        render_pdf(doc)
        del doc
        assert gc.collect() == 0
    finally:
        gc.enable()
