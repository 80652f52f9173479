"""Edits of an issue's structure, shared by the CLI and the app's undo commands.

Each function changes the model in place and returns what is needed to undo it, so the
desktop app's ``QUndoCommand`` subclasses stay thin wrappers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalogue import Said, say
from ..errors import UserError
from .issue import Article, Block, BlockKind, Issue

ROLES = {
    "paragraph": (BlockKind.PARAGRAPH, 0),
    "正文": (BlockKind.PARAGRAPH, 0),
    "byline": (BlockKind.BYLINE, 0),
    "署名": (BlockKind.BYLINE, 0),
    **{f"heading{n}": (BlockKind.HEADING, n) for n in range(1, 5)},
    **{f"{n}级标题": (BlockKind.HEADING, n) for n in range(1, 5)},
    **{f"runin{n}": (BlockKind.PARAGRAPH, n) for n in range(1, 5)},
}
# the parts of an article's head a block can become (and come back from)
HEAD_ROLES = {
    "title": "title",
    "标题": "title",
    "题": "title",
    "subtitle": "subtitle",
    "副题": "subtitle",
}
HEAD_ROLES |= {"note": "note", "编者按": "note"}
HEAD_NAMES = {"title": "标题", "subtitle": "副题", "note": "编者按"}


@dataclass
class HeadUndo:
    """An article's head and blocks as they were before a block moved into the head or
    out of it: ``restore`` puts them back. The blocks are the same objects (only the
    list is copied), so undoing costs no copy of the text."""

    ai: int
    title: list[str]
    subtitle: str
    note: str
    blocks: list[Block]
    comments: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def of(cls, issue: Issue, ai: int) -> HeadUndo:
        a = issue.articles[ai]
        return cls(ai, list(a.title), a.subtitle, a.note, list(a.blocks), list(a.comments))


def _block(issue: Issue, ai: int, bi: int) -> Block:
    try:
        if ai < 0 or bi < 0:
            raise IndexError
        return issue.articles[ai].blocks[bi]
    except IndexError:
        raise UserError("edit.no_paragraph", article=ai + 1, paragraph=bi + 1) from None


def set_role(issue: Issue, ai: int, bi: int, role: str) -> Block | HeadUndo:
    """Give a block another role; returns what ``restore(issue, ai, bi, before)`` needs
    to undo it: a copy of the block as it was, or, for a head role, a ``HeadUndo``.

    ``runinN`` makes the leading sentence (up to the first 。！？) a run-in heading of
    level N; ``paragraph`` folds a run-in heading back into the text. ``title``,
    ``subtitle`` and ``note`` (编者按) take the block out of the blocks into the
    article's head: a title line is appended to the title (two blocks set to title make
    a two-line title); a subtitle or note replaces the one there, which comes back as
    the article's first paragraph. The block's 批注 go with it.
    """
    if role not in ROLES and role not in HEAD_ROLES:
        names = ", ".join(r for r in [*ROLES, *HEAD_ROLES] if r.isascii())
        raise UserError("edit.no_role", role=role, known=names)
    b = _block(issue, ai, bi)
    before = Block(b.kind, b.text, b.level, b.runin, b.path, b.caption)
    if b.kind in (BlockKind.IMAGE, BlockKind.TABLE):
        what = say("word.picture" if b.kind is BlockKind.IMAGE else "word.table")
        raise UserError("edit.not_text", article=ai + 1, paragraph=bi + 1, kind=what)
    if role in HEAD_ROLES:
        return _to_head(issue, ai, bi, HEAD_ROLES[role])
    kind, level = ROLES[role]
    text = b.runin + b.text
    b.kind, b.level, b.runin, b.text = kind, level, "", text
    if role.startswith("runin"):
        cut = min((text.find(m) for m in "。！？" if m in text), default=-1)
        if cut < 0 or cut + 1 >= len(text):
            raise UserError("edit.no_runin", article=ai + 1, paragraph=bi + 1)
        b.runin, b.text = text[: cut + 1], text[cut + 1 :]
    return before


def restore(issue: Issue, ai: int, bi: int, before: Block | HeadUndo) -> None:
    """Undo ``set_role`` or ``head_to_block`` with what it returned."""
    if isinstance(before, HeadUndo):
        a = issue.articles[before.ai]
        a.title, a.subtitle, a.note = list(before.title), before.subtitle, before.note
        a.blocks, a.comments = list(before.blocks), list(before.comments)
        return
    issue.articles[ai].blocks[bi] = before


def _to_head(issue: Issue, ai: int, bi: int, part: str) -> HeadUndo:
    undo = HeadUndo.of(issue, ai)
    a = issue.articles[ai]
    b = a.blocks.pop(bi)
    text = b.full_text.strip()
    if not text:
        a.blocks.insert(bi, b)
        raise UserError(
            "edit.empty_to_head", article=ai + 1, paragraph=bi + 1, part=HEAD_NAMES[part]
        )
    if part == "title":
        a.title.append(text)
    else:
        old = getattr(a, part)
        if old:  # the subtitle or note it replaces stays, as the first paragraph
            a.blocks.insert(0, Block(BlockKind.PARAGRAPH, old, comments=_take(a, part)))
        setattr(a, part, text)
    a.comments = a.comments + [{**c, "field": part} for c in b.comments]
    return undo


def _take(a: Article, part: str) -> list[dict[str, str]]:
    """The 批注 on a head part, taken off the article's list (without their field)."""
    mine = [c for c in a.comments if c.get("field") == part]
    a.comments = [c for c in a.comments if c.get("field") != part]
    return [{k: v for k, v in c.items() if k != "field"} for c in mine]


def head_to_block(
    issue: Issue, ai: int, part: str, index: int = 0, role: str = "paragraph"
) -> HeadUndo:
    """Turn a head part back into a block at the top of the article, of ``role`` (any
    block role of ``set_role``): ``part`` is "title" (``index``: which title line, from
    0), "subtitle" or "note". Returns the ``HeadUndo`` that ``restore`` takes. A title
    line's 批注 stay with the title (they mark the title as a whole)."""
    if ai < 0 or ai >= len(issue.articles):
        raise UserError("edit.no_article", article=ai + 1)
    if part not in HEAD_NAMES:
        raise UserError("edit.not_head_part", part=part, known=", ".join(HEAD_NAMES))
    if role not in ROLES:
        names = ", ".join(r for r in ROLES if r.isascii())
        raise UserError("edit.no_role", role=role, known=names)
    a = issue.articles[ai]
    undo = HeadUndo.of(issue, ai)
    if part == "title":
        if not 0 <= index < len(a.title):
            raise UserError("edit.no_title_line", article=ai + 1, line=index + 1)
        text = a.title.pop(index)
        comments: list[dict[str, str]] = []
    else:
        text = getattr(a, part)
        if not text:
            raise UserError("edit.no_head_part", article=ai + 1, part=HEAD_NAMES[part])
        setattr(a, part, "")
        comments = _take(a, part)
    a.blocks.insert(0, Block(BlockKind.PARAGRAPH, text, comments=comments))
    if role != "paragraph":
        try:
            set_role(issue, ai, 0, role)
        except UserError:
            restore(issue, ai, 0, undo)
            raise
    return undo


def set_text(issue: Issue, ai: int, bi: int, text: str) -> str:
    """Replace a block's text (the run-in part stays); returns the old text."""
    b = _block(issue, ai, bi)
    old = b.text
    if b.kind is BlockKind.TABLE:
        raise UserError("edit.is_table", article=ai + 1, paragraph=bi + 1)
    if b.kind is BlockKind.IMAGE:
        old, b.caption = b.caption, text
        return old
    b.text = text
    return old


def move_article(issue: Issue, src: int, dst: int) -> None:
    """Move an article to position ``dst`` (indexes after removal, as a list insert)."""
    if not (0 <= src < len(issue.articles)) or not (0 <= dst < len(issue.articles)):
        raise UserError("edit.no_article", article=max(src, dst) + 1)
    art = issue.articles.pop(src)
    issue.articles.insert(dst, art)


def remove_article(issue: Issue, index: int) -> None:
    if not 0 <= index < len(issue.articles):
        raise UserError("edit.no_article", article=index + 1)
    del issue.articles[index]


def _text_block(issue: Issue, ai: int, bi: int, what: Said) -> Block:
    b = _block(issue, ai, bi)
    if b.kind in (BlockKind.IMAGE, BlockKind.TABLE):
        kind = say("word.picture" if b.kind is BlockKind.IMAGE else "word.table")
        raise UserError("edit.cannot", article=ai + 1, paragraph=bi + 1, kind=kind, what=what)
    return b


def merge_with_next(issue: Issue, ai: int, bi: int) -> int:
    """Join a paragraph and the one after it (a paragraph cut mid-sentence in a draft);
    the first keeps its role. Returns where the joined text begins, for the cursor."""
    b = _text_block(issue, ai, bi, say("word.join"))
    if bi + 1 >= len(issue.articles[ai].blocks):
        raise UserError("edit.last_paragraph", article=ai + 1, paragraph=bi + 1)
    nxt = _text_block(issue, ai, bi + 1, say("word.join"))
    joint = len(b.text)
    b.text = b.text + nxt.full_text
    b.comments = b.comments + nxt.comments
    del issue.articles[ai].blocks[bi + 1]
    return joint


def split_block(issue: Issue, ai: int, bi: int, at: int) -> None:
    """Cut a paragraph at offset ``at`` of its text (the run-in heading stays with the
    first part); the second part is a body paragraph."""
    b = _text_block(issue, ai, bi, say("word.split"))
    if not 0 < at < len(b.text):
        raise UserError("edit.split_at_end", article=ai + 1, paragraph=bi + 1)
    head, tail = b.text[:at].rstrip(), b.text[at:].lstrip()
    if not head or not tail:
        raise UserError("edit.split_needs_text", article=ai + 1, paragraph=bi + 1)
    b.text = head
    issue.articles[ai].blocks.insert(bi + 1, Block(BlockKind.PARAGRAPH, tail))


def delete_block(issue: Issue, ai: int, bi: int) -> None:
    """Remove a paragraph (an empty one left by cut and paste, a stray line)."""
    _block(issue, ai, bi)
    del issue.articles[ai].blocks[bi]


def _head_part(part: str) -> str:
    if part not in HEAD_NAMES:
        raise UserError("edit.no_part", part=part, known=", ".join(HEAD_NAMES))
    return part


def set_head_text(issue: Issue, ai: int, part: str, index: int, text: str) -> str:
    """Change the text of title line ``index``, the subtitle or the note of article
    ``ai`` (``ai`` −1 with ``note``: the note before the first article); returns the
    old text. An empty title line is removed; the title keeps at least one line."""
    _head_part(part)
    if ai < 0:
        if part != "note":
            raise UserError("edit.front_note_only")
        old, issue.note = issue.note, text
        return old
    art = _article(issue, ai)
    if part != "title":
        old = getattr(art, part)
        setattr(art, part, text)
        return old
    if not 0 <= index <= len(art.title):
        raise UserError("edit.no_title_line", article=ai + 1, line=index + 1)
    if index == len(art.title):
        art.title.append(text)
        return ""
    old = art.title[index]
    if text.strip() or len(art.title) == 1:
        art.title[index] = text
    else:
        del art.title[index]
    return old


def set_title(issue: Issue, ai: int, lines: list[str]) -> list[str]:
    """Set all title lines of article ``ai`` at once (the editor's line breaks kept,
    blank lines dropped); returns the old lines."""
    art = _article(issue, ai)
    old = list(art.title)
    art.title = [ln.strip() for ln in lines if ln.strip()]
    return old


def _article(issue: Issue, ai: int) -> Article:
    if not 0 <= ai < len(issue.articles):
        raise UserError("edit.no_article", article=ai + 1)
    return issue.articles[ai]
