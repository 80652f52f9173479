"""The window's dialogs that stand on their own: export and print, a reviewer's DOCX,
past issues into the archive, the archive's check and browser, about. The main window
(menus, docks, status line) takes them in; they speak only to the controller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from .controller import DocumentController
from .messages import for_app
from .review_panel import ReviewPanel
from .window_state import WindowState
from .workers import Job

PDFA_FILTER = "PDF/A-2b 存档 (*.pdf)"
OFD_FILTER = "OFD 版式文件 (*.ofd)"


class WindowDialogs(WindowState):
    """What the dialogs need of the window: its controller and its review dock."""

    ctl: DocumentController
    review: ReviewPanel
    review_dock: QDockWidget

    def ask(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def export_dialog(self, kind: str) -> None:
        ext = {
            "pdf": f"PDF (*.pdf);;{PDFA_FILTER};;{OFD_FILTER}",
            "docx": "Word 文档 (*.docx)",
        }[kind]
        name, chosen = QFileDialog.getSaveFileName(
            self, "导出", str(self.ctl.suggested_name().with_suffix(f".{kind}")), ext
        )
        if not name:
            return
        if chosen == OFD_FILTER:  # the archival formats: a choice of file type
            self.ctl.export(None, None, ofd=Path(name).with_suffix(".ofd"))
        elif chosen == PDFA_FILTER:
            self.ctl.export(None, None, pdfa=Path(name))
        else:
            self.ctl.export(
                Path(name) if kind == "pdf" else None, Path(name) if kind == "docx" else None
            )

    def print_to(self, printer: Any) -> Job:
        """Print on ``printer`` (see ``printing.prepare``) in a job off the UI thread."""
        from .printing import start

        return start(self.ctl, printer)

    def print_dialog(self) -> Job | None:
        from PySide6.QtPrintSupport import QPrinter

        from .printing import ask, prepare

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare(printer)
        pages = len(self.ctl.doc.pages) if self.ctl.doc else 1
        return self.print_to(printer) if ask(printer, pages, self) else None

    def review_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "打开审阅稿", "", "Word 文档 (*.docx)")
        if name:
            self.open_review(Path(name))

    def open_review(self, path: Path) -> int:
        n = self.review.open(path)
        self.review_dock.show()
        self.review_dock.raise_()
        return n

    def _offer_restore(self) -> None:
        """A damaged archive found at start: offer the newest sound backup."""
        found = self.ctl.archive_problems()
        if found and self.ask(
            "档案已损坏", f"{for_app(found[0])}\n\n是否从最近的完好备份恢复档案？"
        ):
            self.ctl.restore_archive()

    def check_archive(self) -> None:
        found = self.ctl.archive_problems()
        if not found:
            self.statusBar().showMessage("档案完好", 5000)
        elif self.ask("档案已损坏", f"{for_app(found[0])}\n\n是否从最近的完好备份恢复档案？"):
            self.ctl.restore_archive()

    def import_past_dialog(self) -> Job | None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "导入往期刊物", "", "往期刊物 (*.pdf *.txt *.lld *.json);;所有文件 (*)"
        )
        return self.ctl.import_past([Path(n) for n in names]) if names else None

    def import_past_folder(self) -> Job | None:
        folder = QFileDialog.getExistingDirectory(self, "导入往期刊物文件夹")
        return self.ctl.import_past([Path(folder)]) if folder else None

    def archive_browser(self) -> None:
        from .archive_dialog import ArchiveDialog

        ArchiveDialog(self.ctl, self, lambda: self.export_dialog("pdf")).exec()

    def about(self) -> None:
        from .about import show_about

        show_about(self)
