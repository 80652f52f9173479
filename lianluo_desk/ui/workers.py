"""Long jobs off the UI thread: layout for the preview, import, export, printing,
publication. A job can be asked to stop: its next progress report then ends it, and a
LibreOffice conversion it runs is killed. A job that has ended is freed once its last
signal has reached the UI thread: a long session runs hundreds of them."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from ..catalogue import Said
from ..convert import cancellable
from ..errors import Cancelled, UserError
from .messages import for_app


class JobSignals(QObject):
    """Owned by the application (not by the job's Python object), so that it is only
    ever deleted on the UI thread, by ``deleteLater`` once the job's end is delivered."""

    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


def _spent(_report: Callable[[int, str], None]) -> object:
    """What a finished job runs if started again: nothing."""
    return None


class Job:
    """Run ``fn(report)`` in the thread pool; ``report(percent, message)`` shows progress.
    A ``UserError`` becomes its one-line message; anything else a short internal error.
    ``label`` names what the job works on (the file), for its progress dialog.

    Not a ``QRunnable`` handed to the pool: the pool would keep one that is not
    auto-deleted (and its Python object) for ever. The pool runs ``run`` and lets go of
    the job when it returns; the window keeps it until its end is delivered."""

    def __init__(self, fn: Callable[[Callable[[int, str], None]], object], label: str = "") -> None:
        self.fn = fn
        self.label = label
        self.signals = JobSignals(QCoreApplication.instance())
        self._stop = threading.Event()

    def start(self, pool: QThreadPool) -> None:
        pool.start(self.run)

    def cancel(self) -> None:
        """Ask the job to stop at its next report (or its conversion's next poll)."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def _report(self, percent: int, message: str) -> None:
        if self._stop.is_set():
            raise Cancelled()
        # a stage said by code (the export's) in the window's Chinese
        shown = message.said_in("zh") if isinstance(message, Said) else message
        self.signals.progress.emit(percent, shown)

    def run(self) -> None:
        try:
            with cancellable(self._stop.is_set):
                if self._stop.is_set():
                    raise Cancelled()
                result = self.fn(self._report)
        except Cancelled:
            self.signals.cancelled.emit()
        except UserError as exc:
            self.signals.failed.emit(for_app(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            traceback.print_exc()
            self.signals.failed.emit(f"内部错误 (internal error): {type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)
        finally:
            # whoever still holds the job (until its end is delivered) does not hold
            # the work and the issue snapshot it refers to
            self.fn = _spent
            # posted once the end's emission is complete, so after the calls of every
            # slot it queued: the holder goes on the UI thread when they have run, and
            # with it the connections, whose slots held the job and what it made
            self.signals.deleteLater()
