"""DOCX from the model (not from the box tree): Word, WPS and LibreOffice lay the text
out themselves, so the document stays editable, but every decision the layout made that
a word processor would make differently is carried over from the layout's record of them
(``Document.decisions``, layout/decisions.py), so the pages break where the
PDF's do: the hanzi cell and the marks the layout compressed (``text``), the masthead's
height (``masthead``), blank lines dropped at a page top (``blocks``), the 版记 rows
(``banji``).

Parts: ``styles`` (named styles, settings), ``page`` (section, grid, page numbers),
``masthead``, ``blocks`` (notes, titles, article blocks), ``banji`` (distribution block).
"""

from __future__ import annotations

import io
from pathlib import Path

from ...fsutil import atomic_write_bytes
from ...layout.boxes import Document
from ...model.issue import Issue
from ...template import Template
from .banji import banji
from .blocks import ArticleWriter
from .masthead import masthead
from .package import fixed_zip, properties, word_settings
from .page import page_setup
from .redline import Redline
from .styles import define_settings, define_styles


def render_docx(
    issue: Issue, t: Template, doc: Document | None = None, compare_to: Issue | None = None
) -> bytes:
    """The issue as DOCX; ``doc`` is its layout (composed here when not given). With
    ``compare_to`` (an earlier revision) the changed paragraphs are a redline."""
    import docx

    if doc is None:  # composed here, glyph coverage checked first as for the PDF
        from ...layout.engine import lay_out
        from ...layout.fonts import FontSet

        doc = lay_out(issue, t, FontSet(t))
    t = t.for_date(issue.masthead.date)
    d = docx.Document()
    define_styles(d, t)
    define_settings(d)
    page_setup(d, t)
    masthead(d, t, issue)
    redline = None
    if compare_to is not None:
        stamp = str(issue.published.get("at", "")) or f"{issue.masthead.date.isoformat()}T00:00:00"
        redline = Redline(compare_to.articles, t.publication["author"], stamp[:19] + "Z")
    writer = ArticleWriter(d, t, issue, doc.decisions, redline)
    if issue.note:
        writer.note(issue.note, -1)
    for ai, art in enumerate(issue.articles):
        writer.article(ai, art)
    banji(d, t, issue, doc.decisions.banji)
    word_settings(d)
    properties(d, t, issue, len(doc.pages))
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip(buf.getvalue(), issue.masthead.date)


def write_docx(
    issue: Issue,
    t: Template,
    path: Path,
    doc: Document | None = None,
    compare_to: Issue | None = None,
) -> int:
    data = render_docx(issue, t, doc, compare_to)
    atomic_write_bytes(Path(path), data)
    return len(data)
