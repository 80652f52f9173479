"""Long jobs off the UI thread: layout for the preview, import, export, printing,
publication. A job can be asked to stop: its next progress report then ends it, and a
LibreOffice conversion it runs is killed."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from ..catalogue import Said
from ..convert import cancellable
from ..errors import Cancelled, UserError
from .messages import for_app


class JobSignals(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


def _spent(_report: Callable[[int, str], None]) -> object:
    """What a finished job runs if started again: nothing."""
    return None


class Job(QRunnable):
    """Run ``fn(report)`` in the thread pool; ``report(percent, message)`` shows progress.
    A ``UserError`` becomes its one-line message; anything else a short internal error.
    ``label`` names what the job works on (the file), for its progress dialog."""

    def __init__(self, fn: Callable[[Callable[[int, str], None]], object], label: str = "") -> None:
        super().__init__()
        self.fn = fn
        self.label = label
        self.signals = JobSignals()
        self._stop = threading.Event()
        self.setAutoDelete(False)

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
            # the pool keeps a finished runnable (it is not auto-deleted, so that its
            # signals outlive the thread): the work and the issue snapshot it holds go
            self.fn = _spent
