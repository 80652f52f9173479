"""Paragraphs of a .docx with the formatting that tells structure (bold, centred, size,
heading style), every construct's text included (see ``docx_text``); what is left out
on purpose (headers, footers, a table of contents, hidden text) is counted in the
report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from . import comments
from .damage import damaged
from .docx_lists import ListLabels
from .docx_tables import TableReader
from .docx_text import MC, Walk, hidden
from .normalize import drop_symbol_marker, source_text
from .report import ImportReport
from .structure import RawPara

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run


def read(p: Path, report: ImportReport | None = None) -> list[RawPara]:
    import docx

    try:
        d = docx.Document(str(p))
    except Exception as exc:  # noqa: BLE001 - python-docx raises what its parts give
        # lxml and zip errors, a part named in the package but missing: damaged
        raise damaged(p, exc) from None
    if d.element.tag != qn("w:document") or getattr(d.element, "body", None) is None:
        from ..catalogue import say

        raise damaged(p, say("draft.no_body"))
    return _Reader(d, report if report is not None else ImportReport()).read()


class _Reader:
    """One pass over a document's body, in order."""

    def __init__(self, d: DocxDocument, report: ImportReport) -> None:
        self.d = d
        self.report = report
        self.list_labels = ListLabels(d)
        self.walk = Walk(hidden_styles=_hidden_styles(d))
        self.word_notes: list[str] = []  # the text of each note referenced, in order
        self.word_note_parts = _word_notes(d)
        self.tables = TableReader(d, self.paragraph)
        # text that begins the next paragraph: a drop cap's letters (a frame of their own),
        # a paragraph whose mark a tracked change deleted
        self.carry = ""
        self.comment_notes: dict[str, dict[str, str]] = {}
        self.anchored: dict[str, str] = {}
        self.pending: list[str] = []  # comments made in paragraphs whose text is carried

    def read(self) -> list[RawPara]:
        out: list[RawPara] = []
        body = self.d.element.body
        self.report.revisions += sum(1 for _ in body.iter(*REVISIONS))
        self.comment_notes = comments.read(self.d)
        self.anchored = comments.anchored(body)
        for tag, child in _blocks(body):
            if tag == "p":
                out += self.paragraph(child)
            elif tag == "tbl":
                out += self.table(child)
            elif tag == "toc":
                self._toc(child)
        if self.carry:  # the last paragraph's mark deleted: its text stays
            out.append(RawPara(text=source_text(self.carry.strip())))
        if self.word_notes:
            self.report.place("report.notes", len(self.word_notes))
            out.append(RawPara(text="注释："))
            out += [RawPara(text=f"{_mark(k)}{t}") for k, t in enumerate(self.word_notes)]
        if self.walk.hidden_chars:
            self.report.leave_out("report.hidden", self.walk.hidden_chars)
        for what, n in _furniture(self.d).items():
            self.report.leave_out(what, n)
        return out

    def table(self, tbl: Any) -> list[RawPara]:
        """A table as one block (see ``docx_tables``), its cells' paragraphs read by
        ``paragraph``; never titles, headings or text of the article."""
        t = self.tables.read(tbl)
        warn = self.tables.warnings.pop() if self.tables.warnings else ""
        return [RawPara(text="", table=t, warning=warn)]

    def _toc(self, el: Any) -> None:
        from .flow import TOC_TITLE

        texts = [t for p in el.iter(qn("w:p")) if (t := self.text_of(p))]
        entries = [t for t in texts if not TOC_TITLE.match(t)]
        self.report.leave_out("report.toc", len(entries), "\n".join(texts))

    def text_of(self, p: Any) -> str:
        return "".join(x.text for x in self.walk.pieces(p)).replace("\t", " ").strip()

    def paragraph(self, p: Any) -> list[RawPara]:
        """The paragraph, then the paragraphs of its text boxes; none for a table of
        contents' entry or a hidden paragraph."""
        from docx.text.paragraph import Paragraph
        from docx.text.run import Run

        para = Paragraph(p, self.d)
        in_toc = self.walk.in_toc()
        self.walk.boxes, self.walk.word_notes = [], []
        pieces = self.walk.pieces(p)
        boxes, refs = self.walk.boxes, self.walk.word_notes
        raw = "".join(x.text for x in pieces)
        style = para.style.name if para.style is not None else ""
        if in_toc or self.walk.in_toc() or TOC_STYLE.match(style):
            if raw.strip():
                self.report.leave_out("report.toc", 1, raw.replace("\t", " ").strip())
            return []
        if not raw.strip() and not boxes and _mark_hidden(p):
            return []
        self.pending += [
            c.get(qn("w:id")) or ""
            for c in p.iter(qn("w:commentReference"))
            if not any(a.tag == qn("w:txbxContent") for a in _up_to(c, p))
        ]  # the comments made here go with the paragraph that holds this one's text
        if _drop_cap(p) and not boxes:  # its letters begin the next paragraph
            self.carry += raw.strip()
            return []
        if self.carry:
            raw, self.carry = self.carry + raw.lstrip(), ""
        out: list[RawPara] = []
        if _mark_deleted(p):  # in the final view the paragraph runs on into the next
            self.carry = raw
            for blob in _images(self.d, para):
                out.append(RawPara(text="", image=blob))
            return out + self._boxes(boxes)
        for blob in _images(self.d, para):
            out.append(RawPara(text="", image=blob))
        unmarked, marker = drop_symbol_marker(raw.lstrip())
        if marker:
            raw = unmarked
            self.report.leave_out("report.bullets", 1)
        label = self.list_labels.label(para)
        if self.list_labels.gap and raw[:1].isalnum():
            label += " "  # Word sets a tab or a space between "1.1" and the text
        text = source_text(label + raw.replace("\t", " "))
        for k, (kind, nid) in enumerate(refs):
            body = self._note(kind, nid)
            if body is None:
                text = text.replace(f"\x00{k}\x00", "")
                continue
            self.word_notes.append(body)
            text = text.replace(f"\x00{k}\x00", _mark(len(self.word_notes) - 1))
        runs = [(x, Run(x.run, para)) for x in pieces if x.text.strip()]
        bold_all = bool(runs) and all(_bold(r, para) for _x, r in runs)
        lead = ""
        if runs and not bold_all and _bold(runs[0][1], para):
            for x, r in runs:
                if not _bold(r, para):
                    break
                lead += x.text
        lead = source_text(drop_symbol_marker(lead.lstrip())[0])
        sizes = [r.font.size.pt for _x, r in runs if r.font.size]
        align = para.alignment
        if align is None and para.style is not None:
            align = para.style.paragraph_format.alignment
        stripped = text.strip()
        lead_stripped = lead.strip() if stripped.startswith(lead.strip()) else ""
        # a manual line break stays in the text: a title keeps it as a line break, body
        # text joins the lines (see structure.recognise)
        runin_style = ""
        first = runs[0][1] if runs else None
        if first is not None and first.style is not None and first.style.name.startswith("段首"):
            runin_style = first.style.name
            if not lead_stripped:  # the run-in may span several runs of its style
                lead_run = ""
                for x, r in runs:
                    if r.style is None or r.style.name != runin_style:
                        break
                    lead_run += x.text
                lead_stripped = source_text(lead_run).strip()
        out.append(
            RawPara(
                text=stripped,
                bold=bold_all,
                centered=align == WD_ALIGN_PARAGRAPH.CENTER,
                right=align == WD_ALIGN_PARAGRAPH.RIGHT,
                size=max(sizes) if sizes else 0.0,
                bold_lead=lead_stripped,
                style=style,
                runin_style=runin_style,
                outline=_outline(para),
                listed=marker or self.list_labels.listed,
            )
        )
        for cid in self.pending:
            if cid in self.comment_notes:
                note = {**self.comment_notes.pop(cid), "on": self.anchored.get(cid, "")}
                self.report.comments.append((stripped, note))
        self.pending = []
        return out + self._boxes(boxes)

    def _boxes(self, boxes: list[Any]) -> list[RawPara]:
        """A text box's paragraphs and tables: they follow their anchor paragraph."""
        if boxes:
            self.report.place("report.text_boxes", len(boxes))
        out: list[RawPara] = []
        for box in boxes:
            if isinstance(box, str):  # WordArt's text
                out.append(RawPara(text=source_text(box)))
                continue
            for tag, el in _blocks(box):
                if tag == "p":
                    out += self.paragraph(el)
                elif tag == "tbl":
                    out += self.table(el)
        return out

    def _note(self, kind: str, nid: str) -> str | None:
        """A footnote's or endnote's text (its own reference mark left out)."""
        note = self.word_note_parts.get((kind, nid))
        if note is None:
            return None
        walk = Walk(hidden_styles=self.walk.hidden_styles)
        texts = ["".join(x.text for x in walk.pieces(p)) for p in note.iter(qn("w:p"))]
        return source_text(" ".join(t.replace("\t", " ").strip() for t in texts if t.strip()))


TOC_STYLE = re.compile(r"^(toc|目录)\s*\d$|^(toc heading|目录标题)$", re.IGNORECASE)
HEADING_STYLE = re.compile(r"^(heading|标题)\s*(\d)$", re.IGNORECASE)


def _blocks(el: Any) -> Iterator[tuple[str, Any]]:
    """The paragraphs and tables of a body, cell or text box in order; block-level
    content controls and custom XML are looked into, a table of contents' control is
    given whole ("toc")."""
    for child in el.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag in ("p", "tbl"):
            yield tag, child
        elif tag == "sdt":
            gallery = child.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
            if gallery is not None and "contents" in (gallery.get(qn("w:val")) or "").lower():
                yield "toc", child
                continue
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif tag == "customXml":
            yield from _blocks(child)


def _outline(para: Paragraph) -> int:
    """The heading level a paragraph's outline level or heading style gives (1 for
    Heading 1 / 标题 1 and styles based on it), 0 for body text."""
    ppr = para._p.pPr
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    style = para.style
    while lvl is None and style is not None:
        m = HEADING_STYLE.match(style.name or "")
        if m:
            return int(m.group(2))
        sppr = style.element.pPr
        lvl = sppr.find(qn("w:outlineLvl")) if sppr is not None else None
        style = style.base_style
    if lvl is None:
        return 0
    n = int(lvl.get(qn("w:val"), "9")) + 1
    return n if n <= 9 else 0


def _mark(k: int) -> str:
    """The mark of the k-th note (from 0): ① … ⑳, then [21] …"""
    return chr(0x2460 + k) if k < 20 else f"[{k + 1}]"


REVISIONS = tuple(
    qn(f"w:{x}")
    for x in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "tblPrChange",
              "trPrChange", "tcPrChange", "sectPrChange", "numberingChange")
)  # fmt: skip


def _up_to(el: Any, top: Any) -> Iterator[Any]:
    """The ancestors of ``el`` below ``top``."""
    for a in el.iterancestors():
        if a is top:
            return
        yield a


def _mark_deleted(p: Any) -> bool:
    """Whether a tracked change deleted the paragraph's mark (it joins the next one)."""
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    return rpr is not None and (
        rpr.find(qn("w:del")) is not None or rpr.find(qn("w:moveFrom")) is not None
    )


def _drop_cap(p: Any) -> bool:
    """A drop cap: Word keeps the large first letters in a frame paragraph of their own."""
    frame = p.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
    return frame is not None and frame.get(qn("w:dropCap")) in ("drop", "margin")


def _mark_hidden(p: Any) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and hidden(ppr.find(qn("w:rPr")))


def _hidden_styles(d: DocxDocument) -> set[str]:
    out = set()
    for st in d.styles.element.findall(qn("w:style")):
        if hidden(st.find(qn("w:rPr"))):
            out.add(st.get(qn("w:styleId")))
    return out


def _word_notes(d: DocxDocument) -> dict[tuple[str, str], Any]:
    """Footnotes and endnotes by (kind, id), without Word's separators."""
    from docx.oxml import parse_xml

    out = {}
    for rel in d.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in ("footnotes", "endnotes") or rel.is_external:
            continue
        root = parse_xml(rel.target_part.blob)
        for note in root.findall(qn(f"w:{kind[:-1]}")):
            if note.get(qn("w:type")) in (None, "normal"):
                out[(kind[:-1], note.get(qn("w:id")) or "")] = note
    return out


def _furniture(d: DocxDocument) -> dict[str, int]:
    """Headers and footers that hold text: the page's furniture, which the bulletin sets
    itself."""
    from docx.oxml import parse_xml

    out: dict[str, int] = {}
    for rel in d.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in ("header", "footer") or rel.is_external:
            continue
        root = parse_xml(rel.target_part.blob)
        if "".join(t.text or "" for t in root.iter(qn("w:t"))).strip() or any(
            "PAGE" in (i.text or "") for i in root.iter(qn("w:instrText"))
        ):
            what = "report.header" if kind == "header" else "report.footer"
            out[what] = out.get(what, 0) + 1
    return out


VML_PICTURE = "{urn:schemas-microsoft-com:vml}imagedata"


def _images(d: DocxDocument, para: Paragraph) -> list[bytes]:
    """Bytes of the pictures anchored in a paragraph, in order."""
    out = []
    # not a picture a tracked change deleted, nor one in a text box (read with the box)
    # or in the copy of a drawing for older word processors
    skip = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), f"{MC}Fallback"}
    # DrawingML pictures, and VML ones (an embedded object's picture: MathType
    # equations, old clip art; documents of Word 2003 and WPS)
    for blip in para._p.iter(qn("a:blip"), VML_PICTURE):
        rid = blip.get(qn("r:embed") if blip.tag == qn("a:blip") else qn("r:id"))
        if rid is None or any(a.tag in skip for a in _up_to(blip, para._p)):
            continue
        part = d.part.related_parts.get(rid)
        if part is not None and getattr(part, "blob", None):
            out.append(part.blob)
    return out


def _bold(run: Run, para: Paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = para.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
