"""What makes the PDF a PDF/A-2b archive copy: the XMP metadata packet agreeing with the
document information, and the sRGB output intent the page colours are read in.

The XMP holds only namespaces PDF/A knows without extension schemas (Dublin Core, XMP
basic, Adobe PDF, PDF/A identification). Dates are the issue's, never the clock's, so
the same issue gives the same bytes.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from ..layout.boxes import Document
from .pdfsyntax import text_string

CREATOR = "lianluo_desk"
# The bulletin is issued in Hunan: its dates are China Standard Time.
_ZONE_XMP, _ZONE_PDF = "+08:00", "+08'00'"
# The ICC header's creation date: fixed, so that the profile's bytes are.
_ICC_DATE = (2022, 1, 1, 0, 0, 0)
ICC_CONDITION = "sRGB IEC61966-2.1"


def _date(doc: Document) -> str:
    return doc.date or "2000-01-01"


def pdf_date(doc: Document) -> str:
    """The issue's date as a PDF date string, midnight in China Standard Time."""
    return "D:" + _date(doc).replace("-", "") + "000000" + _ZONE_PDF


def xmp_date(doc: Document) -> str:
    return _date(doc) + "T00:00:00" + _ZONE_XMP


def info_entries(doc: Document) -> bytes:
    """The document information dictionary's entries; the XMP says the same."""
    return (
        b"/Title"
        + text_string(doc.title)
        + b"/Author"
        + text_string(doc.author)
        + b"/Subject"
        + text_string(doc.subject)
        + b"/Creator"
        + text_string(CREATOR)
        + b"/Producer"
        + text_string(CREATOR)
    )


def dated_info_entries(doc: Document) -> bytes:
    d = text_string(pdf_date(doc))
    return info_entries(doc) + b"/CreationDate" + d + b"/ModDate" + d


def xmp(doc: Document) -> bytes:
    """The XMP packet: the document information again, and pdfaid part 2, conformance B."""
    date = xmp_date(doc)

    def alt(s: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(s)}</rdf:li></rdf:Alt>'

    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f"<dc:title>{alt(doc.title)}</dc:title>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(doc.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        f"<dc:description>{alt(doc.subject)}</dc:description>\n"
        f"<xmp:CreateDate>{date}</xmp:CreateDate>\n"
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{date}</xmp:MetadataDate>\n"
        f"<xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>\n"
        f"<pdf:Producer>{CREATOR}</pdf:Producer>\n"
        "<pdfaid:part>2</pdfaid:part>\n"
        "<pdfaid:conformance>B</pdfaid:conformance>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return body.encode("utf-8")


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by LittleCMS through Pillow (imported only for an
    archive copy). LittleCMS stamps the header with the time it was made; the stamp is
    set to a fixed date, and the version to 4.2, the ICC version PDF 1.7 names (the
    profile uses nothing later). The profile ID stays zero: "not computed"."""
    import struct

    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[8:12] = b"\x04\x20\x00\x00"
    data[24:36] = struct.pack(">6H", *_ICC_DATE)
    data[84:100] = bytes(16)
    return bytes(data)
