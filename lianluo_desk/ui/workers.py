"""Long jobs off the UI thread: layout for the preview, export, publication."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from ..errors import UserError
from .messages import for_app


class JobSignals(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(str)


def _spent(_report: Callable[[int, str], None]) -> object:
    """What a finished job runs if started again: nothing."""
    return None


class Job(QRunnable):
    """Run ``fn(report)`` in the thread pool; ``report(percent, message)`` shows progress.
    A ``UserError`` becomes its one-line message; anything else a short internal error."""

    def __init__(self, fn: Callable[[Callable[[int, str], None]], object]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(lambda pct, msg: self.signals.progress.emit(pct, msg))
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
