"""Where each page starts, in ours and in a word processor's rendering of our DOCX: the
body text as one stream (spaces, folios and the masthead left out), each page's first
character as an offset into it, and that offset as a line of our layout."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from lianluo_desk.layout.boxes import Document

_FOLIO = re.compile(r"^—\s*\d+\s*—$")


def _clean(s: str) -> str:
    return re.sub(r"[\s\u200b]+", "", s)


@dataclass
class Starts:
    stream: str
    pages: list[int]  # offset of each page's first character
    lines: list[int]  # offset of each line's first character (ours only)


def ours(doc: Document) -> Starts:
    """Our pages from the box tree, the masthead and the folios left out."""
    text, pages, lines = "", [], []
    for page in doc.pages:
        pages.append(len(text))
        for ln in page.lines:
            if ln.role in ("folio", "masthead"):
                continue
            lines.append(len(text))
            text += _clean(ln.text)
    return Starts(text, pages, lines)


def theirs(pdf: Path, masthead: str) -> Starts:
    """A rendered PDF's pages read back; the masthead text of page 1 left out."""
    text, pages = "", []
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages):
            pages.append(len(text))
            rows = (page.extract_text() or "").splitlines()
            body = "".join(_clean(r) for r in rows if not _FOLIO.match(r.strip()))
            if k == 0 and body.startswith(masthead):
                body = body[len(masthead) :]
            text += body
    return Starts(text, pages, [])


def both(doc: Document, pdf: Path) -> tuple[Starts, Starts]:
    """Ours and a word processor's rendering of our DOCX of the same document."""
    masthead = "".join(_clean(ln.text) for ln in doc.pages[0].lines if ln.role == "masthead")
    return ours(doc), theirs(pdf, masthead)


def line_of(s: Starts, offset: int) -> int:
    """The index of our line holding ``offset``."""
    k = 0
    for i, start in enumerate(s.lines):
        if start <= offset:
            k = i
    return k


def to_ours(a: Starts, b: Starts) -> list[int]:
    """Each of b's page starts as an offset into a's stream, through an alignment of the
    two texts (a reader may drop or add a character here and there)."""
    sm = difflib.SequenceMatcher(None, a.stream, b.stream, autojunk=False)
    blocks = sm.get_matching_blocks()
    out = []
    for y in b.pages:
        x = y
        for i, j, n in blocks:
            if j <= y:
                x = i + min(y - j, n)
        out.append(x)
    return out


def compare(a: Starts, b: Starts) -> list[tuple[int, int, int]]:
    """Per page after the first: (page, start offset difference in characters, in lines of
    our layout). Positive: the word processor's page starts later."""
    out = []
    mapped = to_ours(a, b)
    for p, (x, y) in enumerate(zip(a.pages[1:], mapped[1:], strict=False), start=2):
        out.append((p, y - x, line_of(a, y) - line_of(a, x)))
    return out


def rows_after(pdf: Path, heading: str, count: int) -> list[str]:
    """The first ``count`` lines of text after the line ``heading`` (a title) in a
    rendered PDF, folios left out: a word processor's lines to set beside ours."""
    with pdfplumber.open(pdf) as doc:
        rows = [
            _clean(r)
            for page in doc.pages
            for r in (page.extract_text() or "").splitlines()
            if _clean(r) and not _FOLIO.match(r.strip())
        ]
    return rows[rows.index(heading) + 1 :][:count]


def edge_lines(pdf: Path) -> tuple[list[str], list[str]]:
    """First and last line of text of each page (the folio and the masthead left out)."""
    firsts, lasts = [], []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            rows = [
                _clean(r)
                for r in (page.extract_text() or "").splitlines()
                if not _FOLIO.match(r.strip()) and _clean(r)
            ]
            firsts.append(rows[0] if rows else "")
            lasts.append(rows[-1] if rows else "")
    return firsts, lasts
