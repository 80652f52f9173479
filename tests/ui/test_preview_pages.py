"""The preview paints the pages the layout made: after a full even page, a blank page
and the 版记 page, neither with a page number."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from lianluo_desk.ui.qtpainter import QtPagePainter

from ..test_even_page_banji import _issue


def _ink(img: QImage, top: float, bottom: float) -> int:
    """Pixels darker than white between two heights (pt, one pixel a point)."""
    dark = 0
    for y in range(int(top), min(int(bottom), img.height())):
        for x in range(0, img.width(), 2):
            if QColor(img.pixel(x, y)).lightness() < 200:
                dark += 1
    return dark


@pytest.mark.slow
def test_blank_and_banji_pages_painted_without_numbers(qapp, composer, template):
    doc = next(
        d
        for d in (composer.compose(_issue(template, n)) for n in range(1, 60, 2))
        if not d.pages[-1].numbered
    )
    g = template.geometry
    painter = QtPagePainter(doc)
    folio_band = (g.bottom + 2, g.page_height - 10)
    images = []
    for page in doc.pages[-3:]:
        img = QImage(int(page.width), int(page.height), QImage.Format.Format_RGB32)
        qp = QPainter(img)
        painter.paint(qp, page)
        qp.end()
        images.append(img)
    text_page, blank, back = images
    assert _ink(text_page, *folio_band) > 0  # the last page of text is numbered
    assert _ink(blank, 0, g.page_height) == 0
    assert _ink(back, *folio_band) == 0
    assert _ink(back, g.bottom - 6 * g.pitch, g.bottom + 1) > 0  # the 版记
