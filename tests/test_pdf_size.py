"""Our PDF is no larger than Typst's for the same articles on the same page in the same
faces (the benchmarks' comparison, `benchmarks/bench_typst.py`), still byte-identical run
to run: the benchmark's issue of five articles and the printed issues alone, where the
font programs are nearly the whole file."""

from __future__ import annotations

import sys

import pytest
import typst

from lianluo_desk.export.pdf import PdfCache, render_pdf
from lianluo_desk.model.store import save_issue

from .conftest import ROOT, past

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_typst import FONTS, typst_markup  # noqa: E402


def _typst_pdf(issue, tmp_path) -> bytes:
    path = tmp_path / "issue.json"
    save_issue(issue, path)
    source = tmp_path / "issue.typ"
    source.write_text(typst_markup(issue), "utf-8")
    return typst.compile(str(source), font_paths=[str(FONTS)], ignore_system_fonts=True)


@pytest.mark.parametrize("name", ["test issue", "2018-no01", "2022-no07"])
def test_no_larger_than_typst(name, big_issue, composer, tmp_path):
    issue = big_issue if name == "test issue" else past(name).issue
    doc = composer.compose(issue)
    ours = render_pdf(doc, PdfCache())
    assert render_pdf(doc, PdfCache()) == ours
    theirs = _typst_pdf(issue, tmp_path)
    assert len(ours) <= len(theirs), (len(ours), len(theirs))
