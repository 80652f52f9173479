"""A draft's comments (批注) kept for the editor: read from the .docx (with the words
they mark, and whether Word marks them done), then each put with the block, or the
title, subtitle or note, whose text holds the paragraph it was made in, as the review
keeps a reviewer's comments (``{"author", "date", "text", "on"}``, ``field`` for a
title's, ``state`` "resolved" for one done). They are never printed."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

from ..model.issue import Article
from .normalize import source_text

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


def read(d: Any) -> dict[str, dict[str, str]]:
    """The document's comments by id: author, date and text, as review reads them; one
    Word marks done (``commentsExtended``) is kept resolved."""
    from docx.oxml import parse_xml

    parts = {
        rel.reltype.rsplit("/", 1)[-1]: parse_xml(rel.target_part.blob)
        for rel in d.part.rels.values()
        if not rel.is_external and rel.reltype.endswith(("/comments", "/commentsExtended"))
    }
    done = {
        x.get(f"{W15}paraId")
        for x in (
            parts["commentsExtended"].iter(f"{W15}commentEx") if "commentsExtended" in parts else ()
        )
        if x.get(f"{W15}done") in ("1", "true")
    }
    out: dict[str, dict[str, str]] = {}
    for c in parts["comments"].iter(qn("w:comment")) if "comments" in parts else ():
        text = "".join(t.text or "" for t in c.iter(qn("w:t")))
        paras = c.findall(qn("w:p"))
        note: dict[str, str] = {
            "author": c.get(qn("w:author")) or "",
            "date": c.get(qn("w:date")) or "",
            "text": source_text(text).strip(),
        }
        if paras and paras[-1].get(f"{W14}paraId") in done:
            note["state"] = "resolved"
        out[c.get(qn("w:id")) or ""] = note
    return out


def anchored(body: Any) -> dict[str, str]:
    """The words each comment marks (between its range's start and end), as the final
    view has them."""
    out: dict[str, str] = {}
    open_: list[str] = []
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if el.tag == qn("w:t"):
            if not any(a.tag == qn("w:moveFrom") for a in el.iterancestors()):
                for cid in open_:
                    out[cid] += el.text or ""
        elif el.tag == qn("w:commentRangeStart"):
            cid = el.get(qn("w:id")) or ""
            open_.append(cid)
            out.setdefault(cid, "")
        elif (cid := el.get(qn("w:id")) or "") in open_:
            open_.remove(cid)
    return {k: source_text(v).strip() for k, v in out.items()}


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
