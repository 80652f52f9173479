"""Proofing: punctuation and number rules of GB/T 15834/15835 that drafts break most.

Findings name the place (article, block, offset), show the text around it and propose a
fix; nothing is changed unless a rule's fixes are applied explicitly: :func:`plan` lists
the changes (before → after, where), :func:`apply` makes those the editor keeps.
A fix never damages text: a bracket is fixed with its mate, and a space between hanzi
is left where it means something (a title's break, a byline's name, 对仗).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import UserError
from ..model.issue import BlockKind, Issue
from . import tables
from .hits import apply_edits, paired, settled
from .rules import NOT_IN, RULES, Rule, tab_fix

__all__ = [
    "NOT_IN",
    "RULES",
    "Finding",
    "Rule",
    "apply",
    "check",
    "fix",
    "fix_one",
    "plan",
    "tab_fix",
]


@dataclass
class Finding:
    rule: str
    article: int  # index, -1 for the issue note
    block: int  # index in the article's blocks; -1 title, -2 subtitle, -3 note
    start: int
    end: int
    text: str  # the text being replaced
    fix: str | None  # replacement, None when only a person can decide
    context: str
    severity: str = "error"  # error: must be fixed before print; warning: look at it
    field: str = "text"  # which text of the block: text, runin, note, subtitle, titleN
    mate: tuple[int, int, str, str] | None = None  # (start, end, text, fix) fixed with it

    @property
    def before(self) -> str:
        """The text the fix changes, as the editor is shown it (a pair: both marks)."""
        if self.mate is None:
            return self.text
        return f"{self.text}…{self.mate[2]}"

    @property
    def after(self) -> str:
        if self.mate is None:
            return self.fix or ""
        return f"{self.fix}…{self.mate[3]}"

    def where(self) -> str:
        part = {-1: "标题", -2: "副标题", -3: "编者按"}.get(self.block, f"第{self.block + 1}段")
        if self.field.startswith("cell"):
            part += " " + tables.where(self.field)
        art = "刊首编者按" if self.article < 0 else f"第{self.article + 1}篇"
        return f"{art} {part} 第{self.start + 1}字"


def _texts(issue: Issue) -> Iterator[tuple[int, int, str, str, BlockKind | None]]:
    """(article, block, field, text, block kind) of every editable text of the issue."""
    if issue.note:
        yield -1, -3, "note", issue.note, None
    for ai, art in enumerate(issue.articles):
        for k, t in enumerate(art.title):
            yield ai, -1, f"title{k}", t, None
        if art.subtitle:
            yield ai, -2, "subtitle", art.subtitle, None
        if art.note:
            yield ai, -3, "note", art.note, None
        for bi, b in enumerate(art.blocks):
            if b.kind is BlockKind.IMAGE:
                if b.caption:
                    yield ai, bi, "caption", b.caption, b.kind
                continue
            if b.kind is BlockKind.TABLE:
                yield from ((ai, bi, field, text, b.kind) for field, text in tables.texts(b))
                continue
            if b.runin:
                yield ai, bi, "runin", b.runin, b.kind
            yield ai, bi, "text", b.text, b.kind


_Hit = tuple[int, int, str, str | None, str, str]  # start, end, found, fix, context, severity
_Mate = tuple[int, int, str, str] | None
Memo = dict[tuple[object, ...], list[tuple[str, _Hit, _Mate]]]


def check(issue: Issue, rules: list[str] | None = None, memo: Memo | None = None) -> list[Finding]:
    """Every rule's findings in the issue. A text's findings depend on that text alone
    (and its field and kind), so a window that checks after each edit passes ``memo``:
    the texts it has seen are not checked again."""
    names = rules or list(RULES)
    out: list[Finding] = []
    for ai, bi, field, text, kind in _texts(issue):
        key = (field, kind, text, *names)
        found = memo.get(key) if memo is not None else None
        if found is None:
            found = list(_in_text(field, kind, text, names))
            if memo is not None:
                memo[key] = found
        for name, (start, end, seen, fix, ctx, severity), mate in found:
            out.append(Finding(name, ai, bi, start, end, seen, fix, ctx, severity, field, mate))
    return out


def _in_text(
    field: str, kind: BlockKind | None, text: str, names: list[str]
) -> Iterator[tuple[str, _Hit, _Mate]]:
    """(rule, (start, end, found, fix, context, severity), mate) of one text."""
    for name in names:
        fn, severity, _label = RULES[name]
        hits = settled(text, fn)
        if name in NOT_IN:
            hits = [h for h in hits if not NOT_IN[name](field, kind, text, h[0], h[1])]
        for start, end, fix, mate in (
            paired(text, hits) if name == "halfwidth" else ((s, e, f, None) for s, e, f in hits)
        ):
            ctx = text[max(0, start - 10) : end + 10]
            yield name, (start, end, text[start:end], fix, ctx, severity), mate


def plan(issue: Issue, rules: list[str]) -> list[Finding]:
    """The changes the fixes of ``rules`` would make, none overlapping another (the
    first rule's wins; the rest are proposed again once it is applied)."""
    for name in rules:
        if name not in RULES:
            raise KeyError(name)
    out: list[Finding] = []
    used: dict[tuple[int, int, str], list[tuple[int, int]]] = {}
    for f in check(issue, rules):
        if f.fix is None:
            continue
        spans = [(f.start, f.end)] + ([f.mate[:2]] if f.mate else [])
        mine = used.setdefault((f.article, f.block, f.field), [])
        if any(a < d and c < b for a, b in spans for c, d in mine):
            continue
        mine += spans
        out.append(f)
    return out


def apply(issue: Issue, changes: list[Finding]) -> list[Finding]:
    """Make the given changes (those the editor kept); one whose text has changed
    since it was found is skipped. Returns the changes made."""
    by_text: dict[tuple[int, int, str], list[Finding]] = {}
    for f in changes:
        if f.fix is None:
            raise ValueError("this finding has no automatic fix")
        by_text.setdefault((f.article, f.block, f.field), []).append(f)
    done: list[Finding] = []
    for group in by_text.values():
        f0 = group[0]
        cell = None
        if f0.field.startswith("cell"):  # a table cell's paragraph: its runs kept
            cell = tables.para(issue.articles[f0.article].blocks[f0.block], f0.field)
            if cell is None:
                continue
            text = cell.text
        else:
            owner, attr = _locate(issue, f0)
            text = _get(owner, attr)
        edits: list[tuple[int, int, str]] = []
        for f in group:
            parts = [(f.start, f.end, f.text, f.fix or "")] + ([f.mate] if f.mate else [])
            if all(text[a:b] == was for a, b, was, _new in parts):
                edits += [(a, b, new) for a, b, _was, new in parts]
                done.append(f)
        if cell is None:
            _put(owner, attr, apply_edits(text, edits))
            continue
        for a, b, new in sorted(edits, reverse=True):
            tables.fix_span(cell, a, b, text[a:b], new)
    return done


def fix(issue: Issue, rules: list[str]) -> list[Finding]:
    """Apply every proposed fix of ``rules``, again where a fix made its neighbour
    Chinese context (）,8 → ），8); returns the changes made, in order."""
    done: list[Finding] = []
    for _ in range(3):
        made = apply(issue, plan(issue, rules))
        if not made:
            break
        done += made
    return done


def fix_one(issue: Issue, f: Finding) -> None:
    """Apply one finding's fix, if the text there is still what was found."""
    if not apply(issue, [f]):
        raise UserError("proof.text_changed", where=f.where())


def _get(owner: Any, attr: str) -> str:
    return owner.title[int(attr[5:])] if attr.startswith("title") else getattr(owner, attr)


def _put(owner: Any, attr: str, text: str) -> None:
    if attr.startswith("title"):
        owner.title[int(attr[5:])] = text
    else:
        setattr(owner, attr, text)


def _locate(issue: Issue, f: Finding) -> tuple[Any, str]:
    if f.article < 0:
        return issue, "note"
    art = issue.articles[f.article]
    if f.block >= 0:
        return art.blocks[f.block], f.field
    return art, f.field
