"""A finished job is freed: layouts, exports and imports run as jobs all day, and a job
kept until the window closes (with the work it refers to) is a slow creep of memory.
Once its last signal has reached the window, neither the job nor its result lives on."""

from __future__ import annotations

import gc
import weakref

from lianluo_desk.errors import UserError
from lianluo_desk.ui.workers import Job

ROUNDS = 50


class _Result:
    """What a job returns; only its weak reference is kept here."""


def _live_jobs() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Job))


def test_finished_layouts_are_freed(qtbot, window):
    ctl = window.ctl
    qtbot.waitUntil(lambda: not ctl.layout_pending(), timeout=20000)
    qtbot.wait(50)
    start = _live_jobs()
    for _ in range(ROUNDS):
        ctl.relayout()
        qtbot.waitUntil(lambda: not ctl.layout_pending(), timeout=20000)
    qtbot.wait(50)  # the deferred deletions are delivered
    assert _live_jobs() <= start


def test_done_failed_and_cancelled_jobs_are_freed(qtbot, window):
    ctl = window.ctl
    qtbot.waitUntil(lambda: not ctl.layout_pending(), timeout=20000)
    qtbot.wait(50)
    start = _live_jobs()
    jobs: list[weakref.ref[Job]] = []
    results: list[weakref.ref[_Result]] = []
    ended: list[str] = []
    # the window is told each end (the job may end before a connection made here)
    ctl.progress.connect(lambda p, _m: ended.append("end") if p == -1 else None)
    ctl.failed.connect(lambda _m: ended.append("failed"))

    def fail(_report):
        raise UserError("print.no_pages")

    for k in range(ROUNDS):
        made = _Result()
        results.append(weakref.ref(made))
        fn = [lambda _r, made=made: made, fail, lambda _r, made=made: made][k % 3]
        job = ctl.run_job("测试", fn, lambda _res: ended.append("done"), f"{k}.docx")
        if k % 3 == 2:
            job.cancel()
        jobs.append(weakref.ref(job))
        del job, made, fn
    qtbot.waitUntil(lambda: ended.count("end") == ROUNDS, timeout=30000)
    assert ended.count("done") >= ROUNDS // 3  # what a cancel came too late for ends done
    assert ended.count("failed") == len(range(1, ROUNDS, 3))
    qtbot.wait(50)
    assert _live_jobs() <= start
    assert [r for r in jobs if r() is not None] == []
    assert [r for r in results if r() is not None] == []
