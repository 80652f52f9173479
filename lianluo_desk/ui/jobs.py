"""The progress dialog of a long job (import, export, printing, publication): it names
the file, follows the job's progress, and 取消 asks the job to stop. It is window-modal
but the event loop keeps running, so the window repaints and the job reports."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from .workers import Job

SHOW_AFTER_MS = 300  # a quick job ends before its dialog would flash up


class JobDialog(QProgressDialog):
    def __init__(self, job: Job, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.setWindowTitle(title)
        self._head = f"{title}：{job.label}" if job.label else title
        self.setLabelText(self._head)
        self.setCancelButtonText("取消")
        self.setRange(0, 100)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        self.setValue(0)
        job.signals.progress.connect(self._progress)
        job.signals.done.connect(self._end)
        job.signals.failed.connect(self._end)
        job.signals.cancelled.connect(self._end)
        self.canceled.connect(self._cancel)

    def _progress(self, percent: int, message: str) -> None:
        if self.job.cancel_requested:
            return
        self.setValue(max(0, min(99, percent)))  # 100 only when it has ended
        if message:
            self.setLabelText(f"{self._head}\n{message}")

    def _cancel(self) -> None:
        self.job.cancel()
        self.setLabelText(f"{self._head}\n正在取消…")
        self.show()  # QProgressDialog hides itself on 取消: stay until the job stops

    def _end(self, *_args: object) -> None:
        self.canceled.disconnect(self._cancel)
        self.close()
        self.deleteLater()


def follow(job: Job, title: str, parent: QWidget) -> JobDialog:
    """Show ``job``'s progress over ``parent`` until it ends."""
    return JobDialog(job, title, parent)
