"""A draft's comments (批注) kept for the editor: each goes to the block, or the title,
subtitle or note, whose text holds the paragraph it was made in, as the review keeps a
reviewer's comments (``{"author", "date", "text", "on"}``, ``field`` for a title's).
They are never printed; the editor resolves them."""

from __future__ import annotations

import re

from ..model.issue import Article


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _holds(whole: str, part: str, split: bool) -> bool:
    """Whether ``part`` stands in ``whole`` (or, ``split``, ``whole`` in ``part``: a
    paragraph recognised as several blocks)."""
    return bool(whole and part) and (whole in part if split else part in whole)


def attach(arts: list[Article], comments: list[tuple[str, dict[str, str]]]) -> None:
    """Put each (paragraph text, comment) where that paragraph ended up, in order; one
    whose paragraph is found nowhere (an empty one, a left-out one) goes with the last
    place found, or the first article."""
    if not arts:
        return
    last: list[dict[str, str]] = arts[0].comments
    last_field = "title"
    for para, note in comments:
        text, on = _flat(para), _flat(note.get("on", ""))
        found = _place(arts, text) or _place(arts, on)
        if found is not None:
            last, last_field = found
        last.append({**note, "field": last_field} if last_field else dict(note))


def _place(arts: list[Article], text: str) -> tuple[list[dict[str, str]], str] | None:
    if not text:
        return None
    return _find(arts, text, False) or _find(arts, text, True)


def _find(arts: list[Article], text: str, split: bool) -> tuple[list[dict[str, str]], str] | None:
    for art in arts:
        for field_, value in (
            ("title", art.title_text),
            ("subtitle", art.subtitle),
            ("note", art.note),
        ):
            if _holds(_flat(value), text, split):
                return art.comments, field_
        for b in art.blocks:
            if _holds(_flat(b.all_text), text, split):
                return b.comments, ""
    return None
