"""The OFD as an independent reader draws it (ofd.js in a headless Chromium, see
tests/ofdview.py) against poppler's rendering of the PDF of the same layout, page by
page: the sample issue (masthead, red line, title, body, folio) and an issue with a table
and pictures. The difference images are written beside the renderings."""

from __future__ import annotations

import pytest

from lianluo_desk.export.ofd import render_ofd
from lianluo_desk.export.pdf import PdfCache, render_pdf

from .ofdview import difference, render_ofd_pages, render_pdf_pages, stray_ink
from .test_pdfa import _picture_issue, _sample

#: dark pixels of one rendering with none of the other within 1 px / 2 px (at 3 px/mm);
#: measured on these twelve pages: at most 0.58 % / 0.01 % (anti-aliasing, baselines
#: snapped to whole pixels); another page of the same issue: over 20 %
NEAR, CLOSE = 0.015, 0.002


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "pictures"])
def test_ofdjs_draws_what_poppler_draws(name, composer, tmp_path):
    issue = _sample() if name == "sample" else _picture_issue(tmp_path)
    doc = composer.compose(issue)
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(render_pdf(doc, PdfCache()))
    pages = min(len(doc.pages), 6)
    ours = render_ofd_pages(render_ofd(doc), pages, tmp_path)
    poppler = render_pdf_pages(pdf, pages, tmp_path)
    assert len(poppler) == pages
    assert stray_ink(ours[0], poppler[1], 2) > 0.2  # the measure tells pages apart
    for k, (a, b) in enumerate(zip(ours, poppler, strict=True)):
        difference(a, b).save(tmp_path / f"diff-{k + 1}.png")
        assert _dark(b) > 0.005  # the page is not blank
        for reach, limit in ((1, NEAR), (2, CLOSE)):
            assert stray_ink(a, b, reach) < limit, (k + 1, reach)
            assert stray_ink(b, a, reach) < limit, (k + 1, reach)


def _dark(im) -> float:
    return sum(im.histogram()[:128]) / (im.width * im.height)
