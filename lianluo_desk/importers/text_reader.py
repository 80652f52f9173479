"""Plain-text drafts: encoding detected (BOMs, strict UTF-8, then charset-normalizer for
GB18030/GBK and the rest), paragraphs separated by blank lines or by indented lines."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import UserError
from ..model.table import Table
from .forms import TERMINAL, heading_level
from .md_tables import read_table, starts_table
from .normalize import drop_symbol_marker, source_text
from .structure import RawPara

BULLET = re.compile(r"^[-*•·●▪◆■][ \t\u3000]")
ITEM_SHORT = 0.8  # a line this much of the widest or less ends where it ends


def decode(data: bytes, where: str) -> str:
    """The text of a file, without a byte-order mark (UTF-8, UTF-16 or GB18030's)."""
    return _decode(data, where).lstrip("\ufeff")


def _decode(data: bytes, where: str) -> str:
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UserError("draft.unknown_encoding", where=where)
    return str(best)


def _item_after(prev: str, ln: str, widest: int) -> bool:
    """Whether ``ln`` starts a list item or a numbered heading under the line before,
    in a block without blank lines: the line before ended a sentence or a lead-in
    (材料如下：) or was short of the text's wrapping width, so ``ln`` is no wrapped
    continuation that happens to begin with a number (2.5个百分点)."""
    t = ln.strip()
    if not (heading_level(t) or BULLET.match(t)):
        return False
    return prev[-1:] in TERMINAL or len(prev) < ITEM_SHORT * widest


def read(p: Path) -> list[RawPara]:
    return parse(decode(p.read_bytes(), str(p)), p)


def parse(text: str, p: Path) -> list[RawPara]:
    """Paragraphs of a draft's text; ``p`` names it in messages and anchors images."""
    if "\x00" in text:
        raise UserError("draft.binary", where=p)
    # a paragraph separator ends a paragraph; a line separator is a kept line break,
    # held as a vertical tab while the hard-wrapped lines are joined
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\v")
    text = source_text(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    blank_sep = any(not ln.strip() for ln in lines[1:-1])
    widest = max((len(ln.strip()) for ln in lines), default=0)
    paras: list[str | Table] = []
    cur: list[str] = []
    i = 0
    while i < len(lines):
        if starts_table(lines, i):  # a Markdown pipe table is one block
            if cur:
                paras.append("".join(cur))
                cur = []
            table, i = read_table(lines, i)
            paras.append(table)
            continue
        ln = lines[i]
        i += 1
        if not ln.strip():
            if cur:
                paras.append("".join(cur))
                cur = []
            continue
        indented = bool(re.match(r"^(\u3000|\s{2,})", ln))
        if cur and (indented or not blank_sep or _item_after(cur[-1], ln, widest)):
            paras.append("".join(cur))
            cur = []
        cur.append(ln.strip())
    if cur:
        paras.append("".join(cur))
    out = []
    for para in paras:
        if isinstance(para, str):
            para = para.replace("\v", "\n")
        if isinstance(para, Table):
            out.append(RawPara(text="", table=para))
            continue
        img = re.match(r"^!\[([^\]]*)\]\(([^)\s]+)\)\s*$", para)
        if img:
            src = (p.parent / img.group(2)).resolve()
            try:
                data = src.read_bytes()
            except OSError as exc:
                raise UserError(
                    "draft.image_unreadable", where=p, image=img.group(2), detail=exc.strerror
                ) from None
            out.append(RawPara(text="", image=data, caption=img.group(1).strip()))
            continue
        md = re.match(r"^(#{1,6})\s+(.*)$", para)
        if md:
            out.append(
                RawPara(text=md.group(2).strip("* "), bold=True, style=f"md-h{len(md.group(1))}")
            )
            continue
        bold = re.match(r"^\*\*(.+?)\*\*(.*)$", para)
        if bold:
            lead, rest = bold.group(1), bold.group(2)
            out.append(
                RawPara(
                    text=lead + rest, bold=not rest.strip(), bold_lead=lead if rest.strip() else ""
                )
            )
            continue
        out.append(RawPara(text=drop_symbol_marker(para)[0]))
    return out
