"""Edits of an issue's structure, shared by the CLI and the app's undo commands.

Each function changes the model in place and returns what is needed to undo it, so the
desktop app's ``QUndoCommand`` subclasses stay thin wrappers.
"""

from __future__ import annotations

from ..errors import UserError
from .issue import Block, BlockKind, Issue

ROLES = {
    "paragraph": (BlockKind.PARAGRAPH, 0),
    "正文": (BlockKind.PARAGRAPH, 0),
    "byline": (BlockKind.BYLINE, 0),
    "署名": (BlockKind.BYLINE, 0),
    **{f"heading{n}": (BlockKind.HEADING, n) for n in range(1, 5)},
    **{f"{n}级标题": (BlockKind.HEADING, n) for n in range(1, 5)},
    **{f"runin{n}": (BlockKind.PARAGRAPH, n) for n in range(1, 5)},
}


def _block(issue: Issue, ai: int, bi: int) -> Block:
    try:
        if ai < 0 or bi < 0:
            raise IndexError
        return issue.articles[ai].blocks[bi]
    except IndexError:
        raise UserError(f"no paragraph {bi + 1} in article {ai + 1}") from None


def set_role(issue: Issue, ai: int, bi: int, role: str) -> Block:
    """Give a block another role; returns a copy of the block as it was (for undo).

    ``runinN`` makes the leading sentence (up to the first 。！？) a run-in heading of
    level N; ``paragraph`` folds a run-in heading back into the text.
    """
    if role not in ROLES:
        names = ", ".join(r for r in ROLES if r.isascii())
        raise UserError(f"unknown role {role!r}; roles: {names}")
    b = _block(issue, ai, bi)
    before = Block(b.kind, b.text, b.level, b.runin, b.path, b.caption)
    if b.kind in (BlockKind.IMAGE, BlockKind.TABLE):
        what = "an image" if b.kind is BlockKind.IMAGE else "a table"
        raise UserError(f"paragraph {bi + 1} of article {ai + 1} is {what}")
    kind, level = ROLES[role]
    text = b.runin + b.text
    b.kind, b.level, b.runin, b.text = kind, level, "", text
    if role.startswith("runin"):
        cut = min((text.find(m) for m in "。！？" if m in text), default=-1)
        if cut < 0 or cut + 1 >= len(text):
            raise UserError(
                f"paragraph {bi + 1} of article {ai + 1} has no leading sentence "
                "to make a run-in heading"
            )
        b.runin, b.text = text[: cut + 1], text[cut + 1 :]
    return before


def restore(issue: Issue, ai: int, bi: int, before: Block) -> None:
    issue.articles[ai].blocks[bi] = before


def set_text(issue: Issue, ai: int, bi: int, text: str) -> str:
    """Replace a block's text (the run-in part stays); returns the old text."""
    b = _block(issue, ai, bi)
    old = b.text
    if b.kind is BlockKind.TABLE:
        raise UserError(f"paragraph {bi + 1} of article {ai + 1} is a table; edit its cells")
    if b.kind is BlockKind.IMAGE:
        old, b.caption = b.caption, text
        return old
    b.text = text
    return old


def move_article(issue: Issue, src: int, dst: int) -> None:
    """Move an article to position ``dst`` (indexes after removal, as a list insert)."""
    if not (0 <= src < len(issue.articles)) or not (0 <= dst < len(issue.articles)):
        raise UserError(f"no article {max(src, dst) + 1}")
    art = issue.articles.pop(src)
    issue.articles.insert(dst, art)


def remove_article(issue: Issue, index: int) -> None:
    if not 0 <= index < len(issue.articles):
        raise UserError(f"no article {index + 1}")
    del issue.articles[index]
