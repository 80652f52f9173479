"""PDF drafts as typesetters and word processors write them, read back into the text a
reader sees: ligatures (one glyph standing for "fi"), headings set on their own line
after a line that ran nearly to the margin, titles set larger over the body."""

from __future__ import annotations

from lianluo_desk.importers import ImportReport, import_file


def _ligature_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose font maps the glyph "A" to the two characters "fi" (as
    TeX and Typst write a ligature), lines of Helvetica text using it."""
    content = "BT /F1 12 Tf 72 760 Td 16 TL " + " ".join(f"({t}) '" for t in lines) + " ET"
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName "
        "/Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <00> <FF> "
        "endcodespacerange 1 beginbfchar <41> <00660069> endbfchar endcmap CMapName "
        "currentdict /CMap defineresource pop end end"
    )
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer << /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_a_ligature_glyph_reads_as_its_letters(tmp_path):
    """A glyph standing for several characters (the "fi" of TeX's and Typst's
    ligatures) is read as those characters, not refused as a damaged PDF."""
    pdf = tmp_path / "typeset.pdf"
    pdf.write_bytes(_ligature_pdf(["The Aeld report", "and its Anal Agures."]))
    art = import_file(pdf, report=ImportReport())[0][0]
    text = " ".join([art.title_text] + [b.full_text for b in art.blocks])
    assert "field report" in text and "final figures." in text
