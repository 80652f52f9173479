"""What the command line shows of an issue: its outline as recognised, a role corrected
at the address the outline gives, and a past issue set again with its page breaks
compared with the print's."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_say import tell
from .errors import UserError

if TYPE_CHECKING:
    from .model.issue import Issue
    from .template import Template


ROLE_NAMES = {
    "paragraph": "正文",
    "heading": "标题",
    "byline": "署名",
    "image": "图片",
    "table": "表格",
}


def _noted(comments: list[dict[str, str]]) -> str:
    """The comments an element still has to be looked at (a draft's, a reviewer's)."""
    from .review import RESOLVED

    n = sum(1 for c in comments if c.get("state") != RESOLVED)
    return f"  〔批注 {n}〕" if n else ""


HEAD_ADDRESS = re.compile(r"^(?:([Tt]|题)(\d+)|([Ss]|副题)|([Nn]|编者按))$")


def set_role_at(issue: Issue, ai: int, para: str, role: str) -> None:
    """``role`` for the paragraph or head part ``para`` names as ``outline`` shows it:
    a number, T1 T2… (title lines), S (subtitle) or N (editor's note)."""
    from .model.edit import HEAD_ROLES, head_to_block, set_role

    if para.isdigit():
        set_role(issue, ai, int(para) - 1, role)
        return
    m = HEAD_ADDRESS.match(para.strip())
    if m is None:
        raise UserError("edit.no_paragraph_named", para=para)
    part = "title" if m.group(1) else "subtitle" if m.group(3) else "note"
    index = int(m.group(2)) - 1 if m.group(1) else 0
    if role in HEAD_ROLES:  # one head part made another: through a block at the top
        head_to_block(issue, ai, part, index)
        set_role(issue, ai, 0, role)
    else:
        head_to_block(issue, ai, part, index, role)


def outline(issue: Issue, t: Template) -> str:
    """The recognised structure, one line per element, as the editor checks it."""
    m = issue.masthead
    out = [
        f"{t.format_number(m.number, m.supplement)} {t.format_cumulative(m.cumulative)} "
        f"{t.format_date(m.date)}"
    ]
    if issue.note:
        out.append(f"  [编者按] {issue.note[:40]}")
    for ai, a in enumerate(issue.articles, 1):
        out.append(f"第{ai}篇 [题] {' / '.join(a.title)}{_noted(a.comments)}")
        # each head part addressable by ``role``: T1, T2… (title lines), S, N
        out += [f"  {f'T{k}':>3} [题] {line}" for k, line in enumerate(a.title, 1)]
        if a.subtitle:
            out.append(f"    S [副题] {a.subtitle}")
        if a.note:
            out.append(f"    N [编者按] {a.note[:40]}")
        for bi, b in enumerate(a.blocks, 1):
            role = ROLE_NAMES[b.kind.value]
            if b.kind.value == "heading":
                role = f"{b.level}级标题"
            head = f"〔{b.level}级小标题〕{b.runin} " if b.runin else ""
            text = b.caption if b.kind.value == "image" else b.text
            if b.table is not None:
                text = f"{len(b.table.rows)}行×{b.table.columns}列 {b.table.all_text()}"
            shown = text[:36].replace("\n", "⏎")
            out.append(f"  {bi:3d} [{role}] {head}{shown}{_noted(b.comments)}")
    f = issue.banji
    out.append(f"版记: 送 {len(f.distribution)} 组, 责任编辑 {'、'.join(f.editors)}")
    return "\n".join(out)


def compare_breaks(args: argparse.Namespace, t: Template, lib: Path) -> int:
    """Each visible page break of the print (a paragraph cut mid-sentence in the text)
    against ours, in the format in force at the issue's date."""
    from . import service
    from .importers import read_past_issue
    from .layout.pagebreaks import deviations

    src = Path(args.past)
    if not src.is_file():
        raise UserError("fs.no_such_file", where=src)
    past = read_past_issue(src)
    if past is None:
        raise UserError("past.not_printed_text", where=src)
    issue = past.issue
    if args.pdf and not Path(args.pdf).parent.is_dir():
        raise UserError("fs.no_folder", where=args.pdf, folder=Path(args.pdf).parent)
    doc = service.layout(issue, t, service.fontset(t, lib))
    m = issue.masthead
    fmt = t.format_label(m.date) or tell("cli.current_format")
    print(f"{src.name}: 第{m.number}期 {m.date.isoformat()}  {fmt}  {len(doc.pages)} 页")
    if not past.cuts:
        print(tell("cli.no_visible_break"))
    devs = deviations(doc, past.cuts, t.geometry.lines, t.geometry.chars)
    for k, d in enumerate(devs, 1):
        a, b, off = d.cut
        text = issue.articles[a].blocks[b].full_text
        cut = f"…{text[max(0, off - 8) : off]}｜{text[off : off + 4]}…"
        line, page = d.slot + 1, d.page
        print(tell("cli.break", k=k, cut=cut, page=page, line=line, lines=d.lines, drift=d.drift))
    if devs:
        worst = max(abs(d.lines) for d in devs)
        within = sum(1 for d in devs if abs(d.lines) <= 1)
        print(tell("cli.breaks", within=within, total=len(devs), worst=worst))
    if args.pdf:
        from .export.pdf import write_pdf

        write_pdf(doc, Path(args.pdf))
        print(tell("cli.wrote_pages_only", where=args.pdf, pages=len(doc.pages)))
    return 0
