"""Web pages under a Word name: office systems and Word itself save HTML, or a web
archive (MHT, MIME), as ``.doc``. LibreOffice reads them as the page they are (its HTML
filter); read as text they would be tags. A web archive's page is taken out of it
first (LibreOffice reads no MHT)."""

from __future__ import annotations

import re
from pathlib import Path

_HTML = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S)
_MIME = re.compile(rb"^(mime-version|content-type)\s*:", re.I | re.M)


def web_kind(p: Path) -> str:
    """ "HTML" or "MHT" for a web page or web archive, "" for anything else."""
    head = p.read_bytes()[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML.match(head):
        return "HTML"
    if _MIME.match(head.lstrip()) and b"multipart/related" in head.lower():
        return "MHT"
    return ""


def page_of(p: Path) -> bytes | None:
    """The HTML page inside a web archive (its first text/html part), or None."""
    import email
    import email.policy

    msg = email.message_from_bytes(p.read_bytes(), policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            data = part.get_payload(decode=True)
            if isinstance(data, bytes):
                charset = part.get_content_charset()
                if charset and b"charset" not in data[:1024].lower():
                    meta = (
                        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                    )
                    return meta.encode("ascii") + data
                return data
    return None
