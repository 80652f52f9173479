"""Edits of an issue's structure, shared by the CLI and the app's undo commands.

Each function changes the model in place and returns what is needed to undo it, so the
desktop app's ``QUndoCommand`` subclasses stay thin wrappers.
"""

from __future__ import annotations

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
# roles that take a paragraph out of the blocks into the article's head
HEAD_ROLES = {"title": "title", "题": "title", "subtitle": "subtitle", "副题": "subtitle"}
HEAD_ROLES |= {"note": "note", "编者按": "note"}
HEAD_PARTS = {"title": "标题", "subtitle": "副题", "note": "编者按"}


def _block(issue: Issue, ai: int, bi: int) -> Block:
    try:
        if ai < 0 or bi < 0:
            raise IndexError
        return issue.articles[ai].blocks[bi]
    except IndexError:
        raise UserError(
            f"第{ai + 1}篇没有第{bi + 1}段 (no paragraph {bi + 1} in article {ai + 1})"
        ) from None


def set_role(issue: Issue, ai: int, bi: int, role: str) -> Block:
    """Give a block another role; returns a copy of the block as it was (for undo).

    ``runinN`` makes the leading sentence (up to the first 。！？) a run-in heading of
    level N; ``paragraph`` folds a run-in heading back into the text. ``title``,
    ``subtitle`` and ``note`` take the block out of the blocks: it becomes a title line
    appended to ``Article.title``, the subtitle or the note (a draft whose title was
    read as a paragraph is put right without retyping it).
    """
    if role not in ROLES and role not in HEAD_ROLES:
        names = ", ".join(r for r in [*ROLES, *HEAD_ROLES] if r.isascii())
        raise UserError(f"没有“{role}”这种段落角色；可用：{names}")
    b = _block(issue, ai, bi)
    before = Block(b.kind, b.text, b.level, b.runin, b.path, b.caption)
    if b.kind in (BlockKind.IMAGE, BlockKind.TABLE):
        what = "图片" if b.kind is BlockKind.IMAGE else "表格"
        raise UserError(f"第{ai + 1}篇第{bi + 1}段是{what}，不能设为文字段落")
    if role in HEAD_ROLES:
        _to_head(issue, ai, bi, HEAD_ROLES[role])
        return before
    kind, level = ROLES[role]
    text = b.runin + b.text
    b.kind, b.level, b.runin, b.text = kind, level, "", text
    if role.startswith("runin"):
        cut = min((text.find(m) for m in "。！？" if m in text), default=-1)
        if cut < 0 or cut + 1 >= len(text):
            raise UserError(
                f"第{ai + 1}篇第{bi + 1}段开头没有以句号、问号或叹号结束的一句，不能设为段首标题"
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
        raise UserError(f"没有第{max(src, dst) + 1}篇文章")
    art = issue.articles.pop(src)
    issue.articles.insert(dst, art)


def remove_article(issue: Issue, index: int) -> None:
    if not 0 <= index < len(issue.articles):
        raise UserError(f"没有第{index + 1}篇文章")
    del issue.articles[index]


def _text_block(issue: Issue, ai: int, bi: int, what: str) -> Block:
    b = _block(issue, ai, bi)
    if b.kind in (BlockKind.IMAGE, BlockKind.TABLE):
        kind = "图片" if b.kind is BlockKind.IMAGE else "表格"
        raise UserError(f"第{ai + 1}篇第{bi + 1}段是{kind}，不能{what}")
    return b


def merge_with_next(issue: Issue, ai: int, bi: int) -> int:
    """Join a paragraph and the one after it (a paragraph cut mid-sentence in a draft);
    the first keeps its role. Returns where the joined text begins, for the cursor."""
    b = _text_block(issue, ai, bi, "合并")
    if bi + 1 >= len(issue.articles[ai].blocks):
        raise UserError(f"第{ai + 1}篇第{bi + 1}段是最后一段，后面没有可合并的段落")
    nxt = _text_block(issue, ai, bi + 1, "合并")
    joint = len(b.text)
    b.text = b.text + nxt.full_text
    b.comments = b.comments + nxt.comments
    del issue.articles[ai].blocks[bi + 1]
    return joint


def split_block(issue: Issue, ai: int, bi: int, at: int) -> None:
    """Cut a paragraph at offset ``at`` of its text (the run-in heading stays with the
    first part); the second part is a body paragraph."""
    b = _text_block(issue, ai, bi, "拆分")
    if not 0 < at < len(b.text):
        raise UserError(f"第{ai + 1}篇第{bi + 1}段：光标在段首或段尾，无处可拆分")
    head, tail = b.text[:at].rstrip(), b.text[at:].lstrip()
    if not head or not tail:
        raise UserError(f"第{ai + 1}篇第{bi + 1}段：光标两侧须都有文字")
    b.text = head
    issue.articles[ai].blocks.insert(bi + 1, Block(BlockKind.PARAGRAPH, tail))


def delete_block(issue: Issue, ai: int, bi: int) -> None:
    """Remove a paragraph (an empty one left by cut and paste, a stray line)."""
    _block(issue, ai, bi)
    del issue.articles[ai].blocks[bi]


def _to_head(issue: Issue, ai: int, bi: int, part: str) -> None:
    art = issue.articles[ai]
    text = art.blocks[bi].full_text.strip()
    if not text:
        raise UserError(f"第{ai + 1}篇第{bi + 1}段是空段，不能设为{HEAD_PARTS[part]}")
    if part == "title":
        art.title.append(text)
    elif getattr(art, part):
        raise UserError(
            f"第{ai + 1}篇已有{HEAD_PARTS[part]}；先把原来的{HEAD_PARTS[part]}移回正文，再设这一段"
        )
    else:
        setattr(art, part, text)
    art.comments += [{**c, "field": part} for c in art.blocks[bi].comments]
    del art.blocks[bi]


def _head_part(part: str) -> str:
    if part not in HEAD_PARTS:
        raise UserError(f"没有“{part}”这一部分；可用：{', '.join(HEAD_PARTS)}")
    return part


def head_to_block(
    issue: Issue, ai: int, part: str, index: int = 0, role: str = "paragraph"
) -> None:
    """Put a head part (title line ``index``, the subtitle or the note) back into the
    blocks, at the top, with ``role``: the inverse of :func:`set_role`'s head roles."""
    art = _article(issue, ai)
    _head_part(part)
    if part == "title":
        if not 0 <= index < len(art.title):
            raise UserError(f"第{ai + 1}篇标题没有第{index + 1}行")
        text = art.title.pop(index)
    else:
        text = getattr(art, part)
        if not text:
            raise UserError(f"第{ai + 1}篇没有{HEAD_PARTS[part]}")
        setattr(art, part, "")
    art.blocks.insert(0, Block(BlockKind.PARAGRAPH, text))
    if role not in ("paragraph", "正文"):
        set_role(issue, ai, 0, role)


def set_head_text(issue: Issue, ai: int, part: str, index: int, text: str) -> str:
    """Change the text of title line ``index``, the subtitle or the note of article
    ``ai`` (``ai`` −1 with ``note``: the note before the first article); returns the
    old text. An empty title line is removed; the title keeps at least one line."""
    _head_part(part)
    if ai < 0:
        if part != "note":
            raise UserError("刊首只有编者按，没有标题和副题")
        old, issue.note = issue.note, text
        return old
    art = _article(issue, ai)
    if part != "title":
        old = getattr(art, part)
        setattr(art, part, text)
        return old
    if not 0 <= index <= len(art.title):
        raise UserError(f"第{ai + 1}篇标题没有第{index + 1}行")
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
        raise UserError(f"没有第{ai + 1}篇文章")
    return issue.articles[ai]
