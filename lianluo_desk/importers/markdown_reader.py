"""Markdown drafts (.md): the blocks a reader of the rendered note sees, not its lines.

In Markdown a heading (``## …``), a list item (``- …``, ``1. …``), a quotation
(``> …``), a code fence and a rule stand on their own lines without a blank line
around them; a text reader joining the lines of a block would glue them into one
paragraph. Front matter (``---`` … ``---``) holds the title, not text; the markup of
emphasis, code and links is no text either. What comes out is what the text reader
gives the structure recognition: paragraphs, ``md-hN`` headings, tables, pictures.
"""

from __future__ import annotations

import re
from pathlib import Path

from .forms import MD_ITEM
from .md_tables import read_table, starts_table
from .normalize import source_text
from .report import ImportReport
from .structure import RawPara

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(\n|\Z)", re.S)
FRONT_TITLE = re.compile(r"^title\s*:\s*(.*?)\s*$", re.M)
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
SETEXT_1 = re.compile(r"^ {0,3}=+[ \t]*$")
RULE = re.compile(r"^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BULLET = re.compile(r"^[ \t]*[-*+•][ \t]+(\[[ xX]\][ \t]+)?")
ORDERED = re.compile(r"^[ \t]*\d{1,3}[.)][ \t]+")
QUOTE = re.compile(r"^ {0,3}>[ \t]?")
DIV = re.compile(r"^ {0,3}:{3,}")  # a Pandoc fenced div's fence (::: {.note})
ATTRS = re.compile(r"[ \t]*\{[.#][^{}]*\}[ \t]*$")  # Pandoc attributes ({.noindent})
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
BOLD_LEAD = re.compile(r"^(\*\*|__)(.+?)\1")
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*")


def parse(text: str, p: Path, report: ImportReport | None = None) -> list[RawPara]:
    """The paragraphs of a Markdown draft's text; ``p`` names it and anchors pictures."""
    text = source_text(text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[RawPara] = []
    m = FRONT_MATTER.match(text)
    if m:
        title = FRONT_TITLE.search(m.group(1))
        if title and title.group(1).strip("\"' "):
            out.append(_heading(title.group(1).strip("\"' "), 1))
        text = text[m.end() :]
    raw = text.split("\n")
    quoted = [bool(QUOTE.match(ln)) for ln in raw]  # a quotation starts a block
    lines = [QUOTE.sub("", ln) for ln in raw]
    cur: list[str] = []
    code: list[str] | None = None

    def flush() -> None:
        if cur:
            out.extend(_paragraph(cur, p, report))
            cur.clear()

    i = 0
    while i < len(lines):
        ln = lines[i]
        i += 1
        if code is not None:  # inside a fence: its lines as they are, one paragraph
            if FENCE.match(ln):
                if code:
                    out.append(RawPara(text="\n".join(code)))
                code = None
            elif ln.strip():
                code.append(ln.rstrip())
            continue
        if FENCE.match(ln):
            flush()
            code = []
            continue
        if starts_table(lines, i - 1):
            flush()
            table, i = read_table(lines, i - 1)
            out.append(RawPara(text="", table=table))
            continue
        heading = ATX.match(ln)
        if heading:
            flush()
            words = _inline(ATTRS.sub("", heading.group(2) or "").rstrip("#").strip())
            if words:
                out.append(_heading(words, len(heading.group(1))))
            continue
        if cur and SETEXT_1.match(ln):  # a title underlined with ===
            words = _inline(" ".join(cur))
            cur.clear()
            out.append(_heading(words, 1))
            continue
        if not ln.strip() or RULE.match(ln) or DIV.match(ln):
            flush()
            continue
        if BULLET.match(ln) or ORDERED.match(ln) or (i > 1 and quoted[i - 1] != quoted[i - 2]):
            flush()  # a list item is a paragraph of its own, and so is a quotation
        cur.append(ln)
    if code:
        out.append(RawPara(text="\n".join(code)))
    flush()
    return out


def _heading(text: str, hashes: int) -> RawPara:
    """A heading, as a Word heading style gives it: ``#`` the title (when it opens the
    note), ``##`` level 1 and so on; its level stands even where its words look like a
    list item (### 2. 系统目标)."""
    return RawPara(text=text, bold=True, style=f"md-h{hashes}", outline=max(1, hashes - 1))


def _paragraph(lines: list[str], p: Path, report: ImportReport | None) -> list[RawPara]:
    """One block's lines as a paragraph (lines joined, a hard break kept), or the
    pictures standing alone in it."""
    item = bool(BULLET.match(lines[0]) or ORDERED.match(lines[0]))
    parts: list[str] = []
    for k, ln in enumerate(lines):
        hard = k + 1 < len(lines) and (ln.endswith("  ") or ln.endswith("\\"))
        ln = BULLET.sub("", ln, count=1).strip().rstrip("\\")
        if parts and not hard and not parts[-1].endswith("\n"):
            last, first = parts[-1][-1:], ln[:1]
            parts.append(" " if last.isascii() and first.isascii() and last.isalnum() else "")
        parts.append(ln + ("\n" if hard else ""))
    raw = ATTRS.sub("", "".join(parts).strip())
    pictures = IMAGE.findall(raw)
    rest = IMAGE.sub("", raw).strip()
    if pictures and not _inline(rest):
        return [pic for alt, src in pictures if (pic := _picture(alt, src, p, report))]
    lead = BOLD_LEAD.match(rest)
    words = _inline(rest)
    if item:
        return [RawPara(text=words, style=MD_ITEM, listed=True)] if words else []
    if lead and len(_inline(lead.group(2))) < len(words):
        bold = _inline(lead.group(2))
        return [RawPara(text=words, bold_lead=bold)]
    return [RawPara(text=words, bold=bool(lead))] if words else []


def _picture(alt: str, src: str, p: Path, report: ImportReport | None) -> RawPara | None:
    """A picture the note shows, read from beside it; one that is not there (a web
    address, a file not sent with the note) is left out and counted, as the Word
    readers leave out a picture they cannot read."""
    path = (p.parent / src).resolve()
    try:
        data = path.read_bytes() if "://" not in src else b""
    except OSError:
        data = b""
    if not data:
        if report is not None:
            report.leave_out("report.unreadable_pictures", 1)
        return RawPara(text=alt.strip()) if alt.strip() else None
    return RawPara(text="", image=data, caption=alt.strip())


def _inline(text: str) -> str:
    """Text without inline markup: emphasis, code spans, links (their words kept),
    HTML tags (a <br> a line break)."""
    text = HTML_BREAK.sub("\n", text)
    text = HTML_TAG.sub("", text)
    text = LINK.sub(r"\1", text)
    text = IMAGE.sub("", text)
    text = re.sub(r"`+([^`]*)`+", r"\1", text)
    text = EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    return text.strip()
