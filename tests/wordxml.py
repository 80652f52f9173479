"""Minimal .docx files written from raw WordprocessingML, for constructs python-docx
cannot make (content controls, ruby, fields, text boxes, notes, numbering overrides)."""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{r(text, rpr)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def write(
    path: Path,
    body: str,
    numbering: str = "",
    styles: str = "",
    footnotes: str = "",
    endnotes: str = "",
    comments: str = "",
) -> Path:
    parts = {"word/document.xml": f"<w:document {NS}><w:body>{body}</w:body></w:document>"}
    rels = []
    types = [f'<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>']
    for name, xml, root in (
        ("numbering", numbering, "numbering"),
        ("styles", styles, "styles"),
        ("footnotes", footnotes, "footnotes"),
        ("endnotes", endnotes, "endnotes"),
        ("comments", comments, "comments"),
    ):
        if not xml:
            continue
        parts[f"word/{name}.xml"] = f"<w:{root} {NS}>{xml}</w:{root}>"
        rels.append(f'<Relationship Id="r{name}" Type="{REL}/{name}" Target="{name}.xml"/>')
        types.append(f'<Override PartName="/word/{name}.xml" ContentType="{CT}.{name}+xml"/>')
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>"
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, xml in parts.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return path
