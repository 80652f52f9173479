"""Plain-text drafts: encoding detected (BOMs, strict UTF-8, then charset-normalizer for
GB18030/GBK and the rest), paragraphs separated by blank lines or by indented lines."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import UserError
from ..model.table import Table
from .forms import TERMINAL, heading_level
from .md_tables import read_table, starts_table
from .normalize import drop_symbol_marker, source_text
from .structure import RawPara

WRAP_MIN = 15  # characters of a hard-wrapped line, at least
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


def _wrap_width(lines: list[str]) -> int:
    """The width (in characters, the indent counted) a text without blank lines was
    wrapped at, when its paragraphs open indented and run over lines of that width:
    two indented lines at least and a third of the lines within one character of the
    commonest length of 15 or more; 0 for a text of one paragraph a line."""
    sizes = [len(ln.rstrip()) for ln in lines if ln.strip()]
    indented = sum(bool(re.match(r"^(\u3000|\s{2,})", ln)) for ln in lines if ln.strip())
    long = [n for n in sizes if n >= WRAP_MIN]
    if indented < 2 or not long:
        return 0
    most = Counter(long).most_common(1)[0][0]
    near = sum(abs(n - most) <= 1 for n in sizes)
    return most if near >= len(sizes) / 3 and near > indented else 0


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
    wrap = 0 if blank_sep else _wrap_width(lines)
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
        # hard-wrapped, paragraphs opening indented: a line after a full one runs on
        runs_on = bool(wrap) and not indented and len(lines[i - 2].rstrip()) >= wrap - 1
        if cur and (
            indented or (not blank_sep and not runs_on) or _item_after(cur[-1], ln, widest)
        ):
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
