"""Many issues to PDF in one command (a year's issues for the binder).

Fonts are read once for the whole batch. Where the platform forks (Linux), issues are
laid out and written by as many worker processes as there are processors, each
inheriting the loaded modules and font metrics; elsewhere, and for one issue, in this
process. Each PDF is byte for byte what a single export writes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from .. import gcpause
from ..errors import UserError
from ..layout.fonts import FontSet
from ..template import Template


@dataclass(frozen=True)
class Done:
    index: int  # position in the batch, from 0
    source: Path
    target: Path
    pages: int = 0
    size: int = 0
    error: str = ""  # one line naming the file, for a failed issue


# What forked workers read: set before the pool starts, inherited by the children.
_JOB: tuple[Template, FontSet, list[tuple[Path, Path]]] | None = None


def _one(k: int) -> Done:
    from ..layout.engine import lay_out
    from ..model.store import load_issue
    from .pdf import write_pdf

    assert _JOB is not None
    t, fonts, jobs = _JOB
    source, target = jobs[k]
    try:
        with gcpause.paused():  # an issue's objects are freed by reference counting
            doc = lay_out(load_issue(source), t, fonts)
            size = write_pdf(doc, target)
    except UserError as exc:
        return Done(k, source, target, error=exc.about(source))  # said by code
    return Done(k, source, target, len(doc.pages), size)


def workers(n: int) -> int:
    """Processes for a batch of ``n``: one per processor this process may use."""
    # fork only on Linux: macOS's system libraries are not safe across fork
    if n < 2 or not sys.platform.startswith("linux"):
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without affinity
        cpus = os.cpu_count() or 1
    return max(1, min(n, cpus))


def export_pdfs(
    jobs: list[tuple[Path, Path]],
    t: Template,
    fonts: FontSet,
    jobs_at_once: int | None = None,
    done: Callable[[Done], None] | None = None,
) -> list[Done]:
    """Write each (issue file, PDF) pair; ``done`` is told of each as it finishes."""
    global _JOB
    _JOB = (t, fonts, jobs)
    procs = workers(len(jobs)) if jobs_at_once is None else max(1, jobs_at_once)
    results: list[Done] = []
    try:
        with ExitStack() as stack:
            stream: Iterator[Done] = map(_one, range(len(jobs)))
            if procs > 1:
                pool = stack.enter_context(multiprocessing.get_context("fork").Pool(procs))
                stream = pool.imap_unordered(_one, range(len(jobs)))
            for r in stream:
                results.append(r)
                if done:
                    done(r)
    finally:
        _JOB = None
    return sorted(results, key=lambda r: r.index)
