"""Paragraphs of a .docx with the formatting that tells structure (bold, centred, size)."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from .structure import RawPara


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
    for para in _paragraphs_in_order(d):
        text = para.text.replace("\t", " ")
        runs = [r for r in para.runs if r.text.strip()]
        bold_all = bool(runs) and all(_bold(r, para) for r in runs)
        lead = ""
        if runs and not bold_all and _bold(runs[0], para):
            for r in runs:
                if not _bold(r, para):
                    break
                lead += r.text
        sizes = [r.font.size.pt for r in runs if r.font.size]
        align = para.alignment
        if align is None and para.style is not None:
            align = para.style.paragraph_format.alignment
        stripped = text.strip()
        lead_stripped = lead.strip() if stripped.startswith(lead.strip()) else ""
        for line in stripped.split("\n") if "\n" in stripped else [stripped]:
            out.append(RawPara(text=line, bold=bold_all,
                               centered=align == WD_ALIGN_PARAGRAPH.CENTER,
                               size=max(sizes) if sizes else 0.0, bold_lead=lead_stripped))
            lead_stripped = ""
    return out


def _paragraphs_in_order(d):  # type: ignore[no-untyped-def]
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
            seen: set[int] = set()
            for row in Table(child, d).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from cell.paragraphs


def _bold(run, para) -> bool:  # type: ignore[no-untyped-def]
    if run.bold is not None:
        return bool(run.bold)
    style = para.style
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False
