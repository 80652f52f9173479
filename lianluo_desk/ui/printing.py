"""Printing: the exported PDF's pages on paper. Every page is painted over the whole A4
sheet (not into the printer's printable area, which would shift the text block by the
printer's margins), two-sided on the long edge by default as GB/T 9704 prints, the page
ranges the print dialog names, in a job off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from ..errors import UserError
from ..layout.boxes import Document
from .gilfree import end_painter
from .qtpainter import QtPagePainter

if TYPE_CHECKING:
    from .controller import DocumentController
    from .workers import Job

Report = Callable[[int, str], None]


def prepare(printer: QPrinter) -> None:
    """A4 portrait, the full sheet as the painting area, two-sided (long edge); the
    system's default paper and margins do not enter."""
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setPageLayout(_full_page(printer.pageLayout()))
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)


def _full_page(layout: QPageLayout) -> QPageLayout:
    """Margins below the printer's minimum are allowed: the page is painted whole."""
    layout.setMode(QPageLayout.Mode.FullPageMode)
    layout.setMargins(QMarginsF(0, 0, 0, 0))
    return layout


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """Indexes of the pages to print: the dialog's page ranges, else all."""
    every = list(range(count))
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return every
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return every
    return [i for i in every if ranges.contains(i + 1)]


def paint(doc: Document, printer: QPrinter, report: Report | None = None) -> int:
    """Paint the chosen pages of ``doc`` on ``printer`` (already ``prepare``d), each
    over the whole sheet; returns how many. Stopping midway aborts the print job."""
    pages = chosen_pages(printer, len(doc.pages))
    if not pages:
        raise UserError("print.no_pages")
    painter = QtPagePainter(doc, embed=True)
    qp = QPainter()
    if not qp.begin(printer):
        raise UserError("print.cannot_start")
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for k, i in enumerate(pages):
            if report is not None:
                report(int(100 * k / len(pages)), f"正在打印第 {i + 1} 页（{k + 1}/{len(pages)}）")
            if k and not printer.newPage():
                raise UserError("print.no_next_page")
            page = doc.pages[i]
            qp.save()
            qp.scale(paper.width() / page.width, paper.height() / page.height)
            painter.paint(qp, page)
            qp.restore()
    except BaseException:
        printer.abort()
        qp.end()
        raise
    if not end_painter(qp):  # the file is written here: off the interpreter's lock
        raise UserError("print.unfinished")
    return len(pages)


def ask(printer: QPrinter, count: int, parent: QWidget) -> bool:
    """The system's print dialog with page ranges, over a prepared printer; A4 and the
    full sheet hold whatever paper the printer's settings bring."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(1, count))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    duplex = printer.duplex()
    prepare(printer)
    printer.setDuplex(duplex)  # the one thing of the dialog's paper settings kept
    return True


def start(ctl: DocumentController, printer: QPrinter) -> Job:
    """Print the issue as it stands in a job (laid out again there when the preview's
    layout is not yet the issue's); the progress dialog names the issue and printer."""
    doc = None if ctl.layout_pending() else ctl.doc
    snapshot = ctl.snapshot() if doc is None else None
    template, fonts = ctl.template, ctl.fonts

    def work(report: Report) -> int:
        from ..service import layout

        laid = doc if snapshot is None else layout(snapshot, template, fonts)
        assert laid is not None
        return paint(laid, printer, report)

    target = Path(printer.outputFileName()).name or printer.printerName() or "打印机"
    name = ctl.path.name if ctl.path else "未命名"
    return ctl.run_job(
        "打印",
        work,
        lambda n: ctl.message.emit(f"已送打印 {n} 页", 5000),
        f"{name} → {target}",
    )
