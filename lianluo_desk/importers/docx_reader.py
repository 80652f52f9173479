"""Paragraphs of a .docx with the formatting that tells structure (bold, centred, size)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UserError
from .structure import RawPara

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run


def read(p: Path) -> list[RawPara]:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UserError(f"{p}: cannot read this .docx ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - lxml errors on damaged XML
        raise UserError(f"{p}: damaged .docx ({type(exc).__name__})") from None
    out: list[RawPara] = []
    numbering = _Numbering(d)
    for para in _paragraphs_in_order(d):
        for blob in _images(d, para):
            out.append(RawPara(text="", image=blob))
        # zero-width spaces are break hints our own DOCX carries, not text
        text = numbering.label(para) + para.text.replace("\t", " ").replace("\u200b", "")
        runs = [r for r in para.runs if r.text.strip()]
        bold_all = bool(runs) and all(_bold(r, para) for r in runs)
        lead = ""
        if runs and not bold_all and _bold(runs[0], para):
            for r in runs:
                if not _bold(r, para):
                    break
                lead += r.text.replace("\u200b", "")
        sizes = [r.font.size.pt for r in runs if r.font.size]
        align = para.alignment
        if align is None and para.style is not None:
            align = para.style.paragraph_format.alignment
        stripped = text.strip()
        lead_stripped = lead.strip() if stripped.startswith(lead.strip()) else ""
        # a manual line break stays in the text: a title keeps it as a line break, body
        # text joins the lines (see structure.recognise)
        runin_style = ""
        if runs and runs[0].style is not None and runs[0].style.name.startswith("段首"):
            runin_style = runs[0].style.name
            if not lead_stripped:  # the run-in may span several runs of its style
                lead_run = ""
                for r in runs:
                    if r.style is None or r.style.name != runin_style:
                        break
                    lead_run += r.text.replace("\u200b", "")
                lead_stripped = lead_run.strip()
        out.append(
            RawPara(
                text=stripped,
                bold=bold_all,
                centered=align == WD_ALIGN_PARAGRAPH.CENTER,
                size=max(sizes) if sizes else 0.0,
                bold_lead=lead_stripped,
                style=para.style.name if para.style is not None else "",
                runin_style=runin_style,
            )
        )
    return out


def _images(d: DocxDocument, para: Paragraph) -> list[bytes]:
    """Bytes of the pictures anchored in a paragraph, in order."""
    out = []
    for rid in para._p.xpath(".//a:blip/@r:embed"):
        part = d.part.related_parts.get(rid)
        if part is not None and getattr(part, "blob", None):
            out.append(part.blob)
    return out


class _Numbering:
    """Word's automatic numbering, rendered as the text it shows (一、 （一） 1. …), so that
    numbered headings are recognised like typed ones."""

    def __init__(self, d: DocxDocument) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = d.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for an in root.findall(qn("w:abstractNum")):
            lvls = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = _val(lvl, "w:numFmt", qn) or "decimal"
                text = _val(lvl, "w:lvlText", qn) or ""
                start = int(_val(lvl, "w:start", qn) or "1")
                lvls[ilvl] = (fmt, text, start)
            abstract[an.get(qn("w:abstractNumId"))] = lvls
        for num in root.findall(qn("w:num")):
            ref = _val(num, "w:abstractNumId", qn)
            for ilvl, spec in abstract.get(ref, {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec

    def label(self, para: Paragraph) -> str:
        qn = self.qn
        ppr = para._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = para.style
        while numpr is None and style is not None:  # numbering set on the style
            sppr = style.element.pPr
            numpr = sppr.find(qn("w:numPr")) if sppr is not None else None
            style = style.base_style
        if numpr is None:
            return ""
        num_id = _val(numpr, "w:numId", qn)
        ilvl = int(_val(numpr, "w:ilvl", qn) or "0")
        if num_id is None or (num_id, ilvl) not in self.levels:
            return ""
        fmt, text, start = self.levels[(num_id, ilvl)]
        if fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        out = text
        for k in range(ilvl + 1):
            kfmt, _t, kstart = self.levels.get((num_id, k), ("decimal", "", 1))
            out = out.replace(f"%{k + 1}", _format(counters.get(k, kstart), kfmt))
        return out


def _val(el: Any, tag: str, qn: Callable[[str], str]) -> str | None:
    child = el.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _format(n: int, fmt: str) -> str:
    from ..cnnum import to_chinese

    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japaneseCounting")):
        return to_chinese(n)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, m = "", n
        for v, r in vals:
            while m >= v:
                out, m = out + r, m - v
        return out if fmt == "lowerRoman" else out.upper()
    return str(n)


def _paragraphs_in_order(d: DocxDocument) -> Iterator[Paragraph]:
    """Body paragraphs and the paragraphs of table cells, in document order, so that no
    text of a draft is dropped (a table's cells become consecutive paragraphs)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, d)
        elif tag == "tbl":
            seen: list[Any] = []  # cell elements, kept alive so identity tests hold
            for row in Table(child, d).rows:
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):  # merged cells repeat
                        continue
                    seen.append(cell._tc)
                    yield from cell.paragraphs


def _bold(run: Run, para: Paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = para.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
