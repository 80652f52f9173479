"""Text PDFs (a draft exported to PDF, a printed issue's PDF) back into paragraphs.

A PDF holds positioned lines, not paragraphs. They are rebuilt from the geometry: a line
that stops short of the right edge ends a paragraph, an indented or centred line starts
one, and the last line of a page that runs to the edge continues on the next page (a
page cut mid-sentence is joined). Page numbers and running heads (a line repeated at the
top or bottom of most pages) are dropped, notes at a page's foot follow the text, pages in
two columns are read column by column (``pdf_columns``). The result is text with one
paragraph per line group, read like a text draft or, with a masthead on top, like a
printed issue; a larger, centred paragraph is marked as set so (a title).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..layout.kinsoku import NO_START, is_cjk_cell
from .normalize import SYMBOL_FONT, strip_extraction_spaces
from .pdf_columns import columns
from .report import ImportReport

# a page number as word processors set it: — 1 —, - 1 -, 第 1 页 共 3 页, 第1页，共3页,
# 共3页 第1页, 1/3, Page 1 of 3
FOLIO = re.compile(
    r"^[—\-–－\s]*\d{1,4}[—\-–－\s]*$"
    r"|^第\s*\d+\s*页(?:\s*[，,、/／]?\s*共\s*\d+\s*页)?$"
    r"|^共\s*\d+\s*页\s*[，,、/／]?\s*第\s*\d+\s*页$"
    r"|^[—\-–－\s]*\d{1,4}\s*[/／]\s*\d{1,4}[—\-–－\s]*$"
    r"|^page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
MAX_PAGES = 500
NOTE_RATIO = 0.85  # a page's notes are set smaller than its body (小四 or 五号 under 三号)
NOTE_LINES = 8  # lines of notes at one page's foot, at most
NOTE_MARK = re.compile(r"^([\u2460-\u2473]|[\[［(（]?\d{1,2}[\]］)）.、]?\s*\D|\*|注\s*[\d:：])")
RAISED_CHARS = 6  # characters of a superscript citation mark, at most (［12］, [3-5])
TITLE_RATIO = 1.2  # a title is set this much larger than the body (二号 over 三号: 1.375)


@dataclass
class PdfLine:
    text: str
    x0: float
    x1: float
    size: float
    page: int
    fonts: list[str]  # the font of each character of ``text``
    col_left: float = 0.0  # the edges of the line's column on a page in two (0: none)
    col_right: float = 0.0


@dataclass
class PdfPara:
    """A paragraph rebuilt from the page, with how its first line is set: its size and
    whether it is centred (a title over the body is both larger and centred)."""

    text: str
    size: float = 0.0
    centred: bool = False


def read_pdf(p: Path, report: ImportReport | None = None) -> str:
    """The PDF's text with paragraphs separated by blank lines; the page numbers and
    running heads left out are counted in ``report``."""
    return "\n\n".join(x.text for x in read_pdf_paras(p, report))


def read_pdf_paras(p: Path, report: ImportReport | None = None) -> list[PdfPara]:
    """The PDF's paragraphs (see ``read_pdf``), each with how it is set."""
    report = report if report is not None else ImportReport()
    pages = _lines(p)
    if not any(pages):
        raise UserError("draft.pdf_no_text", where=p)
    pages = _drop_furniture(pages, report)  # at the page's edges, before columns part them
    pages, notes = _footnotes([columns(rows) for rows in pages])
    found = _paragraphs(pages)
    if notes:  # after the text, as the Word reader places a draft's notes
        report.place("report.notes", len(notes))
        found += [PdfPara("注释："), *(PdfPara(x) for x in notes)]
    paras = [PdfPara(_characters(x.text, report), x.size, x.centred) for x in found]
    return [x for x in paras if x.text]


def _footnotes(pages: list[list[PdfLine]]) -> tuple[list[list[PdfLine]], list[str]]:
    """The pages without the notes at their feet, and the notes: the last lines of a
    page set smaller than the body, the first of them opening with a note's mark
    (① [1] 1 * 注), under a line of the body. Left in place they would cut the
    paragraph that runs on over the page."""
    lines = [ln for rows in pages for ln in rows]
    if not lines:
        return pages, []
    body = Counter(ln.size for ln in lines).most_common(1)[0][0]
    out: list[list[PdfLine]] = []
    notes: list[str] = []
    for rows in pages:
        k = len(rows)
        while k > 0 and rows[k - 1].size <= NOTE_RATIO * body and len(rows) - k < NOTE_LINES:
            k -= 1
        while k < len(rows) and not NOTE_MARK.match(rows[k].text):
            k += 1  # the foot begins at its first note
        if k == len(rows) or k == 0 or rows[k - 1].size < body:
            out.append(rows)
            continue
        for ln in rows[k:]:
            if NOTE_MARK.match(ln.text) or not notes:
                notes.append(ln.text)
            else:  # a note over two lines
                notes[-1] += ("" if is_cjk_cell(ln.text[0]) else " ") + ln.text
        out.append(rows[:k])
    return out, notes


def _characters(text: str, report: ImportReport) -> str:
    """The text without the glyph codes a PDF's fonts give no character for: NUL (a
    glyph without a Unicode mapping) and private-use code points (a journal's own
    ornaments), which no reader can read and no face prints; the symbol fonts' bullets
    (U+F0xx) stay, the importers read them as Unicode."""
    kept = "".join(ch for ch in text if not _glyph_code(ch))
    if len(kept) < len(text):
        report.leave_out("report.pdf_glyphs", len(text) - len(kept))
    return kept


def _glyph_code(ch: str) -> bool:
    return ch == "\x00" or ("\ue000" <= ch <= "\uf8ff" and ch not in SYMBOL_FONT)


def _lines(p: Path) -> list[list[PdfLine]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(_readable(p)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise UserError("draft.pdf_too_long", where=p, pages=len(pdf.pages))
            out = []
            for k, page in enumerate(pdf.pages):
                rows = []
                for line in _baselines(page.chars):
                    rows += _split(_reading_order(line), k)
                out.append(rows)
            return out
    except UserError:
        raise
    except PDFPasswordIncorrect:
        raise UserError("draft.pdf_encrypted", where=p) from None
    except (PDFSyntaxError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UserError("draft.pdf_damaged", where=p, detail=type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on bad files
        # pdfplumber wraps pdfminer's password error in an exception of its own
        inner = (*exc.args, exc.__context__)
        locked = any(isinstance(x, PDFPasswordIncorrect) for x in inner)
        if locked or "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise UserError("draft.pdf_encrypted", where=p) from None
        raise UserError("draft.pdf_unreadable", where=p, detail=type(exc).__name__) from None


def _readable(p: Path) -> Path | io.BytesIO:
    """The file, or PDFium's rewrite of it where pdfminer cannot find its structure.

    Archive readers (CNKI's among them) write ``startxref`` and its offset on one line
    after a cross-reference stream; viewers open such files and pdfminer does not. PDFium
    (already installed with pdfplumber) reads them and saves a conventional file; a file
    neither reads stays as it was, so the caller names it damaged or encrypted.
    """
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        with p.open("rb") as fh:
            PDFDocument(PDFParser(fh))
        return p
    except PDFPasswordIncorrect:
        return p
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on a file it cannot parse
        pass
    try:
        import pypdfium2

        doc = pypdfium2.PdfDocument(p)
        try:
            out = io.BytesIO()
            doc.save(out)
        finally:
            doc.close()
    except Exception:  # noqa: BLE001 - PDFium cannot either: the caller reports the file
        return p
    out.seek(0)
    return out


def _baselines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters grouped into lines by baseline, within a quarter of their size (a
    word processor may set marks of another face a fraction of a point off), top to
    bottom; the face plays no part."""
    rows: list[tuple[float, float, list[dict[str, Any]]]] = []
    for c in chars:
        if not c["text"] or c["text"] in "\r\n\t":
            continue
        base, size = float(c["matrix"][5]), float(c["size"])
        for rb, rs, row in rows:
            if abs(rb - base) <= 0.25 * max(size, rs, 1.0):
                row.append(c)
                break
        else:
            rows.append((base, size, [c]))
    return _raised([(b, row) for b, _s, row in sorted(rows, key=lambda r: -r[0])], chars)


def _raised(
    rows: list[tuple[float, list[dict[str, Any]]]], chars: list[dict[str, Any]]
) -> list[list[dict[str, Any]]]:
    """The lines with each small raised fragment (a citation mark set as a superscript
    run of its own: ［5］ [5] ¹²) put back into the line it stands on, in drawing order.
    Standing apart, it would cut that line, and the paragraph, in two. A fragment is a
    few characters set smaller than the line under it, raised less than 0.6 of that
    line's size above its baseline (inside its glyphs' height, where no line of its own
    could stand) and touching its run (a mark after the line's last character)."""
    order = {id(c): k for k, c in enumerate(chars)}
    out: list[tuple[float, list[dict[str, Any]]]] = []
    for k, (base, row) in enumerate(rows):
        below = rows[k + 1] if k + 1 < len(rows) else None
        if below is not None and len(row) <= RAISED_CHARS:
            size = max(float(c["size"]) for c in below[1])
            x0 = min(float(c["x0"]) for c in below[1]) - 0.5 * size
            x1 = max(float(c["x1"]) for c in below[1]) + 0.5 * size
            if (
                max(float(c["size"]) for c in row) <= NOTE_RATIO * size
                and base - below[0] < 0.6 * size
                and x0 <= max(float(c["x1"]) for c in row)
                and min(float(c["x0"]) for c in row) <= x1
            ):
                below[1].extend(row)
                below[1].sort(key=lambda c: order[id(c)])
                continue
        out.append((base, row))
    return [row for _b, row in out]


def _reading_order(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A line's characters left to right. Kept in the order they are drawn while they
    run rightwards (a compressed mark may start a little left of its neighbour, and
    must not be swapped with it); a run drawn in a pass of its own (one face's glyphs
    after another's) is merged in by position."""
    import heapq

    runs: list[list[dict[str, Any]]] = []
    for c in chars:
        if runs and float(c["x0"]) >= float(runs[-1][-1]["x0"]) - 0.3 * float(c["size"]):
            runs[-1].append(c)
        else:
            runs.append([c])
    if len(runs) == 1:
        return chars
    return list(heapq.merge(*runs, key=lambda c: float(c["x0"])))


def _split(chars: list[dict[str, Any]], page: int) -> list[PdfLine]:
    """A line's characters as lines, cut where a gap wider than three characters stands
    (the issuer left and the date right on one masthead row)."""
    out: list[PdfLine] = []
    run: list[dict[str, Any]] = []

    def close() -> None:
        while run and run[-1]["text"].isspace():
            run.pop()
        while run and run[0]["text"].isspace():
            run.pop(0)
        if run:
            size = Counter(round(c["size"]) for c in run).most_common(1)[0][0]
            text = "".join(c["text"] for c in run)
            fonts = [_family(c) for c in run for _ in c["text"]]
            out.append(PdfLine(text, float(run[0]["x0"]), float(run[-1]["x1"]), size, page, fonts))
        run.clear()

    for c in chars:
        if run and (c["text"].isspace() or run[-1]["text"].isspace()):
            pass  # the PDF's own space: kept as it is
        elif run:
            gap = c["x0"] - run[-1]["x1"]
            if gap > 1.2 * max(c["size"], 1.0):
                close()
            else:  # a space the text had (石　韧, 85309270 hnrl…); a glyph may stand
                # for several characters (a ligature's "fi")
                this, last = c["text"][0], run[-1]["text"][-1]
                wide = is_cjk_cell(this) and is_cjk_cell(last)
                latin = not is_cjk_cell(this) and not is_cjk_cell(last)
                if gap > 0.5 * c["size"] and not latin:
                    run.append({**c, "text": "\u3000" if wide else " "})
                elif gap > 0.15 * c["size"] and latin:
                    run.append({**c, "text": " "})
        run.append(c)
    close()
    return out


def _family(c: dict[str, Any]) -> str:
    """The font's name without its subset tag (ABCDEF+)."""
    name = str(c.get("fontname", ""))
    return name.split("+", 1)[-1]


def _drop_furniture(pages: list[list[PdfLine]], report: ImportReport) -> list[list[PdfLine]]:
    """Without page numbers and running heads/feet."""
    edges = Counter(re.sub(r"\d+", "#", ln.text) for rows in pages for ln in (rows[:1] + rows[-1:]))
    # on three pages (or on both of two) and on half of them at least
    repeated = {
        t for t, n in edges.items() if n >= min(3, len(pages)) >= 2 and n >= 0.5 * len(pages)
    }
    out = []
    for rows in pages:
        keep = [ln for ln in rows if not FOLIO.match(ln.text)]
        for ln in rows:
            if FOLIO.match(ln.text):
                report.leave_out("report.page_number", 1, ln.text)
        while keep and re.sub(r"\d+", "#", keep[0].text) in repeated:
            report.leave_out("report.header", 1, keep[0].text)
            keep = keep[1:]
        while keep and re.sub(r"\d+", "#", keep[-1].text) in repeated:
            report.leave_out("report.footer", 1, keep[-1].text)
            keep = keep[:-1]
        out.append(keep)
    return out


def _room_for(prev: PdfLine, ln: PdfLine, rights: dict[float, float]) -> bool:
    """Whether the line before ended short of where ``ln``'s first unit (a hanzi with the
    marks that may not start a line, or a Latin word) would still have fitted: then it
    ended a paragraph; a line that ran as far as it could continues. A mark after the
    hanzi takes half its width: word processors compress it or hang it in the margin
    (一、 fits where one and a half characters are left)."""
    units = 1
    while units < len(ln.text) and ln.text[units] in NO_START:
        units += 1
    if not is_cjk_cell(ln.text[0]):
        word = re.match(r"[^\s\u3000-\u9fff]+", ln.text)
        width = 0.5 * ln.size * (len(word.group(0)) if word else 1)
    else:
        width = ln.size * (1 + 0.5 * (units - 1))
    return prev.x1 + width < (prev.col_right or rights[ln.size]) - 0.1 * ln.size


def _face(ln: PdfLine, end: int = 0) -> str:
    """The face of a line's hanzi: of its last one (``end`` -1), or the one face all
    of them are set in ("" for none or several)."""
    faces = [
        f for ch, f in zip(ln.text, ln.fonts, strict=False) if is_cjk_cell(ch) and ch.isalpha()
    ]
    if end:
        return faces[end] if faces else ""
    return faces[0] if faces and len(set(faces)) == 1 else ""


def _joined(lines: list[PdfLine]) -> tuple[str, list[str]]:
    """A paragraph's lines as one text, with the face of each character: hanzi join
    directly, Latin words with a space, a word hyphenated at a line's end whole
    (Mis- / souri)."""
    text, fonts = "", list[str]()
    for ln in lines:
        if text and ln.text:
            a, b = text[-1], ln.text[0]
            if a == "-" and len(text) > 1 and text[-2].isascii() and text[-2].isalpha():
                if b.isascii() and b.islower():
                    text, fonts = text[:-1], fonts[:-1]
            elif a.isascii() and (a.isalnum() or a in ",.;:!?)") and b.isascii() and b.isalnum():
                if a.isalpha() or b.isalpha() or not a.isalnum():  # a contents line's page
                    text, fonts = text + " ", [*fonts, fonts[-1]]  # number runs on as it was
        text, fonts = text + ln.text, fonts + ln.fonts
    return text, fonts


def _paragraphs(pages: list[list[PdfLine]]) -> list[PdfPara]:
    body = [ln for rows in pages for ln in rows]
    size = Counter(ln.size for ln in body).most_common(1)[0][0] or 12.0
    # the size most of the text is set in (a table's many short lines of small type
    # may outnumber the body's lines)
    weights: Counter[float] = Counter()
    for ln in body:
        weights[ln.size] += len(ln.text)
    text_size = max(size, weights.most_common(1)[0][0])
    left = Counter(round(ln.x0) for ln in body if ln.size == size).most_common(1)[0][0]
    rights = {}  # the right edge of the text for each size (the 版记 is inset)
    for sz in {ln.size for ln in body}:
        ends = sorted(ln.x1 for ln in body if ln.size == sz)
        rights[sz] = ends[int(0.9 * (len(ends) - 1))]
    right = rights[size]
    body_font = Counter(f for ln in body if ln.size == size for f in ln.fonts).most_common(1)[0][0]
    paras: list[PdfPara] = []
    cur: list[PdfLine] = []
    prev: PdfLine | None = None
    first_centred = False

    def flush() -> None:
        if not cur:
            return
        text, fonts = _joined(cur)
        # text in another face than the body's (a heading, a run-in lead) is marked
        # **bold**, as the text reader and the printed-issue reader expect
        # (hanzi decide: digits and letters come from a Latin face in any case)
        hanzi = [k for k, ch in enumerate(text) if is_cjk_cell(ch) and ch.isalpha()]
        plain = next((k for k in hanzi if fonts[k] == body_font), len(text))
        lead = plain if plain == len(text) else max((k + 1 for k in hanzi if k < plain), default=0)
        if lead and any(k < lead for k in hanzi) and cur[0].size <= size:
            text = f"**{text[:lead].strip()}**{text[lead:]}"
        words = strip_extraction_spaces(text, keep_cjk_gaps=True)
        # centred and larger than the body: a title (an abstract indented on both
        # sides is body text, and so are a table's cells set centred)
        title = first_centred and cur[0].size >= TITLE_RATIO * text_size
        paras.append(PdfPara(words, cur[0].size, title))
        cur.clear()

    prev_centred = False
    for ln in body:
        lft, rgt = (ln.col_left, ln.col_right) if ln.col_right else (left, right)
        indented = ln.x0 > lft + 0.8 * size
        big = ln.size > size
        symmetric = abs((ln.x0 - lft) - (rgt - ln.x1)) < max(size, ln.size)
        centred = symmetric and (indented or big)
        if prev is None:
            starts = True
        elif big or prev.size > size:  # title lines of one size run on together
            starts = not (big and ln.size == prev.size and centred and prev_centred)
        elif ln.size != prev.size:
            starts = True
        else:  # a line indented from the one before, centred, after one that stopped
            # short of the right edge, or set wholly in another face than the body's
            # after a line in it (a heading in 黑体 after a paragraph's last full line)
            shift = (ln.x0 - ln.col_left) - (prev.x0 - prev.col_left)  # within its column
            starts = shift > 0.8 * ln.size or prev_centred or _room_for(prev, ln, rights)
            starts = starts or (_face(prev, -1) == body_font and _face(ln) not in ("", body_font))
        if starts:
            flush()
            first_centred = centred
        cur.append(ln)
        prev, prev_centred = ln, centred
    flush()
    return paras
