"""The reviewer's round trip: a DOCX of ours that came back marked up (修订 and 批注, or
edited with tracking off) read against the issue, every change listed where it is
(第N篇 第M段), and the editor's decisions carried into the issue.

Paragraphs map to the issue's blocks by the hidden bookmarks our DOCX puts around every
block (``_lld_A_B``, title ``_t``, subtitle ``_s``, note ``_n``), and by their text
where a word processor lost a bookmark. What maps nowhere (a pasted table, an edit in
the 版记 the template owns) is listed with what to do, never dropped."""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import say
from ..docxcontract import TEMPLATE_STYLES, parse_target, target_of
from ..errors import UserError
from ..model.issue import Block, BlockKind, Issue
from ..textnorm import normalize, visible
from . import tables

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Piece:
    text: str
    kind: str = ""  # "" plain, "ins", "del"
    change: int = -1  # index into Para.revisions


@dataclass
class Revision:
    kind: str  # ins, del
    author: str
    date: str


@dataclass
class Para:
    """One paragraph of the reviewed file: its pieces of text and what it names."""

    pieces: list[Piece]
    revisions: list[Revision]
    target: str | None  # the bookmark's target: "A_B", "A_t", "n" …
    comments: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # id, author, date, text
    anchored: dict[str, str] = field(default_factory=dict)  # comment id → text it marks
    in_table: bool = False
    style: str = ""  # the paragraph style's id
    targets: list[str] = field(default_factory=list)  # every block mark in it (merged)
    note: str = ""  # how it was mapped when not one to one (split, merged)
    table: str = ""  # the block ("A_B") of our table the paragraph stands in

    def text(self, accept: set[int] | None = None, all_: bool | None = None) -> str:
        """The text with the given insertions/deletions accepted (all, none, or a set)."""
        out = []
        for p in self.pieces:
            ok = all_ if all_ is not None else (accept is not None and p.change in accept)
            if p.kind == "" or (p.kind == "ins" and ok) or (p.kind == "del" and not ok):
                out.append(p.text)
        return "".join(out)


@dataclass
class Change:
    number: int
    where: str  # 第N篇 第M段
    kind: str  # 插入 删除 批注 未标记修改 无法对应
    author: str
    date: str
    text: str  # what was inserted/deleted/commented, or the new text
    context: str
    target: tuple[int, int, str] | None  # (article, block, field) in the issue
    para: int = -1  # index of the paragraph in the reviewed file
    revision: int = -1  # index of the tracked revision in that paragraph
    advice: str = ""  # what to do, said by code (a ``Said``)


def read(path: Path | bytes) -> list[Para]:
    """The paragraphs of a reviewed DOCX (a file, or its bytes) with their tracked
    changes and comments."""
    import io

    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as z:
            doc = etree.fromstring(z.read("word/document.xml"))
            comments_xml = (
                etree.fromstring(z.read("word/comments.xml"))
                if "word/comments.xml" in z.namelist()
                else None
            )
            styles_xml = (
                etree.fromstring(z.read("word/styles.xml"))
                if "word/styles.xml" in z.namelist()
                else None
            )
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as exc:
        where = "the reviewed file" if isinstance(path, bytes) else str(path)
        raise UserError("review.unreadable", where=where, detail=exc) from None
    names: dict[str, str] = {}  # style id → name (LibreOffice renames the ids)
    if styles_xml is not None:
        for st in styles_xml.iter(f"{W}style"):
            name = st.find(f"{W}name")
            if name is not None:
                names[st.get(f"{W}styleId", "")] = name.get(f"{W}val", "")
    notes: dict[str, tuple[str, str, str]] = {}
    if comments_xml is not None:
        for c in comments_xml.iter(f"{W}comment"):
            body = "".join(t.text or "" for t in c.iter(f"{W}t"))
            notes[c.get(f"{W}id", "")] = (c.get(f"{W}author", ""), c.get(f"{W}date", ""), body)
    body = doc.find(f"{W}body")
    out: list[Para] = []
    for p in body.iter(f"{W}p"):
        para = _para(p, notes)
        para.in_table, para.table = tables.table_of(p, W)
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val", "") if style is not None else ""
        para.style = names.get(sid, sid)
        # a bookmark a word processor moved just before the paragraph still names it
        prev = p.getprevious()
        if para.target is None and prev is not None and prev.tag == f"{W}bookmarkStart":
            para.target = target_of(prev.get(f"{W}name", ""))
        out.append(para)
    _marks_moved_back(out)
    return out


def _marks_moved_back(paras: list[Para]) -> None:
    """A block's mark that LibreOffice left at the very end of the paragraph before
    (where it put a section break) names the next paragraph when that has none."""
    for para, nxt in zip(paras, paras[1:], strict=False):
        tail = [x for x in para.pieces if x.kind == "mark" or x.text]
        if len(para.targets) < 2 or nxt.target is not None or tail[-1].kind != "mark":
            continue
        moved = para.targets.pop()
        last = max(i for i, x in enumerate(para.pieces) if x.kind == "mark")
        del para.pieces[last]
        nxt.target, nxt.targets = moved, [moved, *nxt.targets]
        nxt.pieces.insert(0, Piece("", "mark"))


def load(path: Path | bytes, issue: Issue) -> list[Para]:
    """The reviewed file's paragraphs, one per block of the issue where the reviewer
    split or merged paragraphs: a merged paragraph is cut again where each block's mark
    stands; a paragraph without a mark that continues the one before (the text of the
    block goes on in it) is joined to it."""
    texts = _issue_texts(issue)
    out: list[Para] = []
    for para in read(path):
        if len(para.targets) > 1:
            parts = _unmerge(para, texts)
            if parts:
                out += parts
                continue
        if para.target is None and out and _continues(out[-1], para, texts):
            out[-1] = _join(out[-1], para)
            continue
        out.append(para)
    return out


def _unmerge(para: Para, texts: dict[tuple[int, int, str], str]) -> list[Para] | None:
    if any(_resolve(t, texts) is None for t in para.targets):
        return None
    chunks: list[list[Piece]] = [[]]
    for piece in para.pieces:
        if piece.kind == "mark" and any(x.kind != "mark" for x in chunks[-1]):
            chunks.append([])
        chunks[-1].append(piece)
    if len(chunks) != len(para.targets):
        return None
    parts = []
    for k, (chunk, target) in enumerate(zip(chunks, para.targets, strict=True)):
        used = sorted({x.change for x in chunk if x.change >= 0})
        renum = {old: new for new, old in enumerate(used)}
        parts.append(
            Para(
                [Piece(x.text, x.kind, renum.get(x.change, -1)) for x in chunk],
                [para.revisions[i] for i in used],
                target,
                para.comments if k == 0 else [],
                para.anchored if k == 0 else {},
                para.in_table,
                para.style,
                [target],
                "合并" if k == 0 else "合并+",
            )
        )
    return parts


def _continues(prev: Para, para: Para, texts: dict[tuple[int, int, str], str]) -> bool:
    key = _resolve(prev.target, texts)
    if key is None or para.style in TEMPLATE_STYLES:
        return False
    want = _flat(texts[key])
    a, b = _flat(prev.text(all_=False)), _flat(para.text(all_=False))
    if not b or a == want or not want.startswith(a[:12]):
        return False
    return difflib.SequenceMatcher(None, a + b, want, autojunk=False).ratio() > 0.9


def _join(a: Para, b: Para) -> Para:
    shift = len(a.revisions)
    pieces = a.pieces + [
        Piece(x.text, x.kind, x.change + shift if x.change >= 0 else -1) for x in b.pieces
    ]
    return Para(
        pieces,
        a.revisions + b.revisions,
        a.target,
        a.comments + b.comments,
        {**a.anchored, **b.anchored},
        a.in_table,
        a.style,
        a.targets,
        "分段",
    )


def _para(p: Any, notes: dict[str, tuple[str, str, str]]) -> Para:
    pieces: list[Piece] = []
    revisions: list[Revision] = []
    target = None
    marks: list[str] = []
    open_comments: list[str] = []
    anchored: dict[str, str] = {}
    comments: list[tuple[str, str, str, str]] = []

    def walk(el: Any, kind: str, change: int) -> None:
        nonlocal target
        for child in el:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in ("ins", "del", "moveTo", "moveFrom"):
                k = "ins" if tag in ("ins", "moveTo") else "del"
                revisions.append(
                    Revision(k, child.get(f"{W}author", ""), child.get(f"{W}date", ""))
                )
                walk(child, k, len(revisions) - 1)
            elif tag == "bookmarkStart":
                name = target_of(child.get(f"{W}name", ""))
                target = target or name
                if name:
                    marks.append(name)
                    pieces.append(Piece("", "mark"))  # where the next block begins
            elif tag == "commentRangeStart":
                open_comments.append(child.get(f"{W}id", ""))
                anchored.setdefault(child.get(f"{W}id", ""), "")
            elif tag == "commentRangeEnd":
                cid = child.get(f"{W}id", "")
                if cid in open_comments:
                    open_comments.remove(cid)
            elif tag == "commentReference":
                cid = child.get(f"{W}id", "")
                if cid in notes and all(c[0] != cid for c in comments):
                    comments.append((cid, *notes[cid]))
            elif tag in ("t", "delText"):
                text = visible(child.text or "")  # our break hints are not text
                pieces.append(Piece(text, kind, change))
                for cid in open_comments:
                    anchored[cid] = anchored.get(cid, "") + text
            elif tag == "tab":
                pieces.append(Piece("\t", kind, change))
            elif tag == "cr" or (tag == "br" and child.get(f"{W}type") in (None, "textWrapping")):
                # a title's lines; in a paragraph, a typed line break (not a page break)
                pieces.append(Piece("\n", kind, change))
            elif tag in ("r", "hyperlink", "smartTag", "sdt", "sdtContent", "fldSimple"):
                walk(child, kind, change)

    walk(p, "", -1)
    return Para(pieces, revisions, target, comments, anchored, targets=[m for m in marks if m])


def compare(issue: Issue, paras: list[Para], reference: list[Para] | None = None) -> list[Change]:
    """Every change of the reviewed paragraphs against the issue, numbered from 1.
    ``reference``: the paragraphs of the issue exported afresh, against which the
    paragraphs the template writes (masthead, 版记) are checked."""
    texts = _issue_texts(issue)
    used: set[tuple[int, int, str]] = set()
    out: list[Change] = []
    owned = [p.text(all_=False) for p in reference or [] if p.style in TEMPLATE_STYLES]
    for pi, para in enumerate(paras):
        if para.style in TEMPLATE_STYLES:
            now = para.text(all_=True)
            if para.revisions or (reference is not None and now not in owned):
                out.append(
                    Change(0, "版头/版记", "无法对应", "", "", now[:60], now[:30], None, pi,
                           advice=say("review.masthead"))
                )  # fmt: skip
            continue
        base = para.text(all_=False)  # what the reviewer started from
        final = para.text(all_=True)
        if not base.strip() and not final.strip() and not para.comments:
            continue
        target = _resolve(para.target, texts)
        if target is None:
            target = _by_text(base, texts, used)
        if target is None:
            if final.strip() and para.in_table:
                place, advice = tables.unmapped(para.table)
                out.append(
                    Change(0, place, "无法对应", "", "", final[:60], final[:30], None, pi,
                           advice=advice)
                )  # fmt: skip
            elif final.strip():
                out.append(
                    Change(0, "（无法对应）", "无法对应", "", "", final[:60], final[:30], None, pi,
                           advice=say("review.not_ours"))
                )  # fmt: skip
            continue
        used.add(target)
        where = _where(target)
        current = texts[target]
        if para.note in ("分段", "合并"):
            split = para.note == "分段"
            out.append(
                Change(0, where, "分段" if split else "合并段落", "", "", base[:40], "", None, pi,
                       advice=say("review.split" if split else "review.merged"))
            )  # fmt: skip
        if not same(target, base, current) and (not para.in_table or tables.is_cell(target[2])):
            out.append(
                Change(0, where, "未标记修改", "", "", base, _context(base, current), target, pi)
            )
        for ri, rev in enumerate(para.revisions):
            text = "".join(p.text for p in para.pieces if p.change == ri)
            kind = "插入" if rev.kind == "ins" else "删除"
            out.append(
                Change(
                    0, where, kind, rev.author, rev.date, text, _around(para, ri), target, pi, ri
                )
            )
        for cid, author, date, body in para.comments:
            if _resolved(issue, target, author, date, body):
                continue  # decided at an earlier review of this file
            on = para.anchored.get(cid, "")
            out.append(Change(0, where, "批注", author, date, body, on, target, pi))
    for k, c in enumerate(out, 1):
        c.number = k
    return out


def apply(
    issue: Issue, paras: list[Para], changes: list[Change], accept: set[int], reject: set[int]
) -> list[str]:
    """Carry the decisions into the issue; returns a line per decision made. A change
    neither accepted nor rejected stays as the issue has it."""
    decided = accept | reject
    unknown = sorted(decided - {c.number for c in changes})
    if unknown:
        raise UserError("review.no_change", number=unknown[0])
    by_para: dict[int, list[Change]] = {}
    for c in changes:
        if (
            c.number in decided
            and c.target is not None
            and c.kind in ("插入", "删除", "未标记修改")
        ):
            by_para.setdefault(c.para, []).append(c)
    done: list[str] = []  # each said by code
    for pi, group in by_para.items():
        para = paras[pi]
        target = group[0].target
        assert target is not None
        revisions = {c.revision for c in group if c.revision >= 0 and c.number in accept}
        untracked = next((c for c in changes if c.para == pi and c.kind == "未标记修改"), None)
        if untracked is not None and untracked.number not in accept:
            if revisions:
                raise UserError(
                    "review.untracked_first", where=untracked.where, number=untracked.number
                )
        elif untracked is not None or revisions:
            # the reviewer's text with the accepted tracked changes in it
            _set(issue, target, para.text(accept=revisions))
        done += [
            say("review.accepted" if c.number in accept else "review.rejected", number=c.number)
            for c in group
        ]
    for c in changes:
        if c.kind != "批注" or c.target is None:
            continue
        kept, mark = _kept(issue, c.target)
        note = {**mark, "author": c.author, "date": c.date, "text": c.text, "on": c.context}
        same_note = [n for n in kept if _same_comment(n, mark, c.author, c.date, c.text)]
        if c.number not in decided:  # undecided: the comment stays with its paragraph
            if not same_note:
                kept.append(note)
            continue
        for n in same_note:
            kept.remove(n)
        kept.append({**note, "state": RESOLVED})  # not listed at the next review
        done.append(say("review.comment_done", number=c.number))
    return done


# -- the issue's side ------------------------------------------------------------------

RESOLVED = "resolved"


def _kept(
    issue: Issue, target: tuple[int, int, str]
) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Where the comments on ``target`` are kept, and what marks them there as its own:
    a title's, subtitle's and note's share their article's list, told apart by field."""
    ai, bi, field_ = target
    if ai < 0:
        return issue.comments, {}
    if bi < 0:
        return issue.articles[ai].comments, {"field": field_}
    return issue.articles[ai].blocks[bi].comments, {}


def _same_comment(
    note: dict[str, str], mark: dict[str, str], author: str, date: str, text: str
) -> bool:
    said = (note.get("author"), note.get("date"), note.get("text"))
    return said == (author, date, text) and all(note.get(k) == v for k, v in mark.items())


def _resolved(
    issue: Issue, target: tuple[int, int, str], author: str, date: str, text: str
) -> bool:
    kept, mark = _kept(issue, target)
    return any(
        n.get("state") == RESOLVED and _same_comment(n, mark, author, date, text) for n in kept
    )


def issue_form(target: tuple[int, int, str], text: str) -> str:
    """A text of the reviewed file as the issue holds it at ``target``: the one
    normalisation; a tab is a space; a title's lines are its explicit breaks, a
    paragraph's and a cell's line breaks are kept (a subtitle and a note have none)."""
    field_ = target[2]
    text = normalize(text, note=field_ == "note").replace("\t", " ")
    if field_ in ("subtitle", "note"):
        text = text.replace("\n", "")
    elif field_ != "title" and not tables.is_cell(field_):
        text = text.strip("\n")  # a break at a paragraph's end ends no line of it
    return text


def same(target: tuple[int, int, str], reviewed: str, current: str) -> bool:
    """The reviewed text says what the issue says. A title compares without its spaces
    and line breaks: in a title they are breaks, set where the layout puts them."""
    mine, theirs = issue_form(target, reviewed), normalize(current, note=target[2] == "note")
    if target[2] == "title":
        return _flat(mine) == _flat(theirs)
    return mine == theirs


def _issue_texts(issue: Issue) -> dict[tuple[int, int, str], str]:
    out: dict[tuple[int, int, str], str] = {}
    if issue.note:
        out[(-1, -1, "note")] = issue.note
    for ai, art in enumerate(issue.articles):
        if art.note:
            out[(ai, -1, "note")] = art.note
        if art.title:
            out[(ai, -1, "title")] = "".join(art.title)
        if art.subtitle:
            out[(ai, -1, "subtitle")] = art.subtitle
        for bi, b in enumerate(art.blocks):
            out[(ai, bi, "text")] = block_text(b)
    out.update(tables.texts(issue))
    return out


def block_text(b: Block) -> str:
    """What a block's paragraph in our DOCX says (an image: its caption)."""
    return b.caption if b.kind is BlockKind.IMAGE else b.full_text


def _resolve(
    name: str | None, texts: dict[tuple[int, int, str], str]
) -> tuple[int, int, str] | None:
    if name is None:
        return None
    t = parse_target(name)
    field_ = tables.cell_field(*t.cell) if t.cell is not None else t.part
    key = (t.article, t.block, field_)
    return key if key in texts else None


def _by_text(
    text: str, texts: dict[tuple[int, int, str], str], used: set[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """The block whose text is most like ``text`` (a bookmark lost), if alike enough."""
    flat = _flat(text)
    if len(flat) < 4:
        return None
    best, score = None, 0.6
    for key, value in texts.items():
        if key in used:
            continue
        r = difflib.SequenceMatcher(None, flat, _flat(value), autojunk=False).quick_ratio()
        if r > score:
            r = difflib.SequenceMatcher(None, flat, _flat(value), autojunk=False).ratio()
            if r > score:
                best, score = key, r
    return best


def _set(issue: Issue, target: tuple[int, int, str], reviewed: str) -> None:
    ai, bi, field_ = target
    text = issue_form(target, reviewed)
    if ai < 0:
        issue.note = text
        return
    art = issue.articles[ai]
    if field_ == "title":
        art.title = [x.strip() for x in text.split("\n") if x.strip()]
    elif field_ == "subtitle":
        art.subtitle = text
    elif field_ == "note":
        art.note = text
    elif tables.is_cell(field_):
        tables.set_text(issue, ai, bi, field_, text)
    else:
        block = art.blocks[bi]
        if block.kind is BlockKind.IMAGE:
            block.caption = text
        elif block.runin and text.startswith(block.runin):
            block.text = text[len(block.runin) :]
        else:
            block.runin, block.text = "", text


def _where(target: tuple[int, int, str]) -> str:
    ai, bi, field_ = target
    if ai < 0:
        return "编者按"
    if tables.is_cell(field_):
        return tables.where(ai, bi, field_)
    name = {"title": "标题", "subtitle": "副标题", "note": "编者按"}.get(field_)
    return f"第{ai + 1}篇 {name}" if name else f"第{ai + 1}篇 第{bi + 1}段"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _context(new: str, old: str) -> str:
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "equal":
            return f"“{old[max(0, i1 - 6) : i2 + 6]}” → “{new[max(0, j1 - 6) : j2 + 6]}”"
    return ""


def _around(para: Para, revision: int) -> str:
    text, at = "", -1
    for p in para.pieces:
        if p.change == revision and at < 0:
            at = len(text)
        if p.kind != "ins" or p.change == revision:
            text += p.text
    return text[max(0, at - 8) : at + 16] if at >= 0 else ""
