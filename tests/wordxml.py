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
    media: dict[str, bytes] | None = None,
) -> Path:
    """The document of ``body``; ``media``: pictures by file name, referred to as
    relationship ``rIdm0``, ``rIdm1``… in that order (see ``picture``)."""
    parts: dict[str, str | bytes] = {
        "word/document.xml": f"<w:document {NS}><w:body>{body}</w:body></w:document>"
    }
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
    kinds = {"wmf": "image/x-wmf", "emf": "image/x-emf", "tif": "image/tiff"}
    for k, (name, data) in enumerate((media or {}).items()):
        parts[f"word/media/{name}"] = data
        rels.append(f'<Relationship Id="rIdm{k}" Type="{REL}/image" Target="media/{name}"/>')
        ext = name.rsplit(".", 1)[-1]
        kind = kinds.get(ext, f"image/{'jpeg' if ext == 'jpg' else ext}")
        types.insert(0, f'<Default Extension="{ext}" ContentType="{kind}"/>')
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
            if isinstance(xml, bytes):
                z.writestr(name, xml)
            else:
                z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return path


def picture(k: int) -> str:
    """A run showing picture ``rIdm{k}`` inline (DrawingML, as Word 2007+ writes it)."""
    pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    return (
        '<w:r><w:drawing><wp:inline><wp:extent cx="1440000" cy="720000"/>'
        f'<wp:docPr id="{k + 1}" name="p{k}"/><a:graphic><a:graphicData uri="{pic}">'
        f'<pic:pic xmlns:pic="{pic}"><pic:nvPicPr><pic:cNvPr id="{k + 1}" name="p{k}"/>'
        f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdm{k}"/>'
        "</pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline>"
        "</w:drawing></w:r>"
    )


def ole_picture(k: int) -> str:
    """A run with an embedded object's picture (VML ``v:imagedata``), as MathType
    equations and old clip art stand in a document."""
    return (
        '<w:r><w:object><v:shape style="width:60pt;height:20pt">'
        f'<v:imagedata r:id="rIdm{k}"/></v:shape></w:object></w:r>'
    )
