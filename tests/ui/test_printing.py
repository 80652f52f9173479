"""Printing is the PDF on paper: every page over the whole A4 sheet whatever paper and
margins the system defaults to, two-sided (long edge) by default, page ranges, in a job
off the UI thread. Printed through Qt's own PDF printer and through a CUPS PDF queue,
the ink box of every page equals the exported PDF's within 0.3 mm."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter

from ..inkbox import ink_boxes, page_sizes
from .stalls import StallMeter

TOLERANCE_MM = 0.3


def _export(qtbot, w, pdf):
    job = w.export(pdf, None)
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass


def _pdf_printer(out, default=QPageSize.PageSizeId.Letter):
    """Qt's PDF printer as a system with other habits sets it up: Letter, margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageSize(QPageSize(default))
    printer.setPageMargins(QMarginsF(12.7, 12.7, 12.7, 12.7), QPageLayout.Unit.Millimeter)
    return printer


def assert_same_ink(printed, exported, pages=None):
    want = ink_boxes(exported)
    if pages is not None:
        want = [want[i] for i in pages]
    got = ink_boxes(printed)
    assert len(got) == len(want)
    for k, (a, b) in enumerate(zip(got, want, strict=True)):
        assert all(abs(x - y) <= TOLERANCE_MM for x, y in zip(a, b, strict=True)), (k, a, b)
    for w, h in page_sizes(printed):
        assert abs(w - 210) < 0.5 and abs(h - 297) < 0.5


def test_print_through_qt_pdf_printer_is_the_exported_pdf(qtbot, window, tmp_path):
    from lianluo_desk.ui.printing import prepare

    exported = tmp_path / "exported.pdf"
    _export(qtbot, window, exported)
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed)
    prepare(printer)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    with StallMeter() as meter:
        job = window.print_to(printer)
        with qtbot.waitSignal(job.signals.done, timeout=60000):
            pass
    assert meter.worst_ms < 100, meter.worst_ms  # painted off the UI thread
    assert_same_ink(printed, exported)


def test_a_page_range_prints_those_pages(qtbot, window, tmp_path):
    from lianluo_desk.ui.printing import prepare

    exported = tmp_path / "exported.pdf"
    _export(qtbot, window, exported)
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed, QPageSize.PageSizeId.A3)
    prepare(printer)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(ranges)
    job = window.print_to(printer)
    with qtbot.waitSignal(job.signals.done, timeout=60000):
        pass
    assert_same_ink(printed, exported, pages=[1, 2])


PRINT_ON_QUEUE = """
import sys
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from lianluo_desk import service
from lianluo_desk.model.store import load_issue
from lianluo_desk.ui.app import make_app
from lianluo_desk.ui.printing import paint, prepare

issue, queue, token = sys.argv[1:4]
make_app()
info = QPrinterInfo.printerInfo(queue)
assert not info.isNull(), [p.printerName() for p in QPrinterInfo.availablePrinters()]
printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
printer.setDocName(token)
prepare(printer)
assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
print(paint(service.layout(load_issue(issue)), printer))
"""


def test_print_through_a_cups_pdf_queue_is_the_exported_pdf(tmp_path):
    """Qt's CUPS print support → cupsd → pdftopdf, pdftops → CUPS-PDF (Ghostscript):
    what a print queue makes of the job, page for page where the PDF puts the ink. Run
    in a process of its own, pointed at a private cupsd (libcups picks its server once)."""
    import os
    import subprocess
    import sys

    from lianluo_desk.service import SAMPLE_ISSUE

    from .cupsqueue import QUEUE, cups_pdf_queue, wait_for_output

    exported = tmp_path / "exported.pdf"
    r = subprocess.run(
        [sys.executable, "-m", "lianluo_desk", "export", str(SAMPLE_ISSUE), "--pdf", str(exported)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    token = f"lldprint{os.getpid()}x{time_token()}"
    with cups_pdf_queue() as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        r = subprocess.run(
            [sys.executable, "-c", PRINT_ON_QUEUE, str(SAMPLE_ISSUE), QUEUE, token],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        printed = wait_for_output(token, env)
    try:
        assert_same_ink(printed, exported)
    finally:
        printed.unlink()


def time_token() -> str:
    import time

    return str(time.monotonic_ns())
