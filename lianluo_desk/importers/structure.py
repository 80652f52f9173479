"""Structure of an article draft, by pattern and by formatting together.

Input is a list of paragraphs with what the source format knows of them (bold, centred,
size); output is an ``Article``. Nothing is dropped: a paragraph that fits no pattern is
body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import docxcontract as dc
from ..model.issue import Article, Block, BlockKind
from ..model.table import Table
from .decimal_heads import decimal_heads, under_numbered
from .forms import (
    ARTICLE_NO,
    BYLINE,
    CHAPTER,
    DATE,
    H3,
    H4,
    HEADING_MAX,
    MD_ITEM,
    NOTE,
    SUBTITLE,
    TERMINAL,
    heading_level,
    is_heading_text,
    is_long_heading,
    list_items,
)
from .heads import read_head
from .report import ImportReport

__all__ = ["NOTE", "SUBTITLE", "TERMINAL", "RawPara", "heading_level", "recognise"]
CHAPTER_LABEL = re.compile(CHAPTER.pattern + r"$")  # a chapter's label alone on its line
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[:：]")
SIGNOFF_UNITS = 3  # a 落款 names at most three organs (a joint document) above its date
SIGNOFF_MAX = 30  # characters of one line of a 落款
STACKED_MIN = 3  # bold lines one over another that are a cover's, not headings


@dataclass
class RawPara:
    text: str
    bold: bool = False  # the whole paragraph (or its leading phrase, see bold_lead) is bold
    centered: bool = False
    right: bool = False  # right-aligned (a 落款)
    size: float = 0.0  # pt, 0 if unknown
    bold_lead: str = ""  # a bold leading phrase followed by plain text: a run-in heading
    image: bytes = b""  # an image's bytes (the paragraph is the image)
    caption: str = ""
    style: str = ""  # the paragraph style's name, when the source has styles
    runin_style: str = ""  # character style of the leading run, when it has one
    outline: int = 0  # heading level of a heading style / outline level (0: body text)
    listed: bool = False  # an item of a Word list (numbered or bulleted)
    table: Table | None = None  # the paragraph is a table (its cells hold the text)
    warning: str = ""  # what the reader could not keep as it was, for the editor


def recognise(
    paras: list[RawPara], source: str = "", report: ImportReport | None = None
) -> Article:
    art = Article(source=source)
    art.warnings = [p.warning for p in paras if p.warning]
    items = [p for p in paras if p.text.strip() or p.image or p.table is not None]
    i = 0
    # editor's note before the title
    if i < len(items) and NOTE.match(items[i].text.strip()):
        art.note = items[i].text.strip()
        i += 1
    head = read_head(items, i, report if report is not None else ImportReport())
    art.title, art.subtitle, i = head.title, head.subtitle, head.next
    art.warnings += head.warnings
    if not art.note and i < len(items) and NOTE.match(items[i].text.strip()):
        art.note = items[i].text.strip()
        i += 1
    rest = [replace(p, text=keep_lines(p.text)) for p in items[i:]]
    if art.note:
        art.note = _join_lines(art.note)
    if art.subtitle:
        art.subtitle = _join_lines(art.subtitle)
    decimals: list[Block] = []
    art.blocks = head.lead + _blocks(rest, decimals)
    _under_chapters(art.blocks)
    under_numbered(art.blocks, decimals)
    return art


def _under_chapters(blocks: list[Block]) -> None:
    """Numbered headings and run-ins after a 第一章 (or 第一部分) go below the chapter's
    level, and below a 第一节's when there are sections: 第一章 › 一、 › （一）."""
    tiers = {
        2 if m.group(1) == "节" else 1
        for b in blocks
        if b.kind is BlockKind.HEADING and (m := CHAPTER.match(b.text))
    }
    if 1 not in tiers:
        return
    seen = False
    for b in blocks:
        chapter = b.kind is BlockKind.HEADING and bool(CHAPTER.match(b.text))
        seen = seen or chapter
        numbered = b.kind is BlockKind.HEADING or bool(b.runin)
        if (
            seen
            and numbered
            and b.level
            and not chapter
            and not ARTICLE_NO.match(b.runin or b.text)
        ):
            b.level = min(4, b.level + len(tiers))


def _blocks(rest: list[RawPara], decimals: list[Block]) -> list[Block]:
    """The body's blocks: tables, pictures with their captions, headings, run-ins, the
    落款 and byline, body text; the decimal headings are also added to ``decimals``."""
    out: list[Block] = []
    signoff = _signoff(rest)
    skip = -1
    attachments = False  # inside an 附件 list: its numbered items are no headings
    items = list_items([None if p.table is not None or p.image else p.text for p in rest])
    # a Word list's items one after another (a heading style's numbering is no list)
    word_items = list_items([p.text if _word_item(p) else None for p in rest], by_word=True)
    items |= word_items
    decimal = decimal_heads([None if p.table is not None or p.image else p.text for p in rest])
    stacked = _stacked_bold(rest)
    for k, p in enumerate(rest):
        t = p.text.strip()
        if k == skip:
            continue
        if p.table is not None:
            out.append(Block(BlockKind.TABLE, table=p.table))
            continue
        if p.image:
            caption = p.caption
            nxt = rest[k + 1] if k + 1 < len(rest) else None
            if not caption and nxt is not None and not nxt.image and _is_caption(nxt):
                caption = nxt.text.strip()
                skip = k + 1
            out.append(Block(BlockKind.IMAGE, caption=caption, data=p.image))
            continue
        if k in signoff or (k == len(rest) - 1 and BYLINE.match(t)):
            out.append(Block(BlockKind.BYLINE, t))
            continue
        if ATTACHMENT_LIST.match(t):
            attachments = True
        elif attachments and (H3.match(t) or H4.match(t)):
            out.append(Block(BlockKind.PARAGRAPH, t))
            continue
        else:
            attachments = False
        if p.style == MD_ITEM:  # a Markdown list item is one, however it is numbered
            out.append(Block(BlockKind.PARAGRAPH, t))
            continue
        level = heading_level(t) or decimal.get(k, 0)
        nxt_t = rest[k + 1].text.strip() if k + 1 < len(rest) else ""
        if CHAPTER_LABEL.match(t) and is_heading_text(nxt_t) and not heading_level(nxt_t):
            t, skip = f"{t} {nxt_t}", k + 1  # 第一章 / 总则 typed on two lines
        if p.outline and len(t) <= 2 * HEADING_MAX and t[-1] not in "，、,":  # a heading style
            out.append(Block(BlockKind.HEADING, t, level=level or min(p.outline, 4)))
            continue
        if p.style.startswith("md-h") and not level:  # Markdown: # is the title, ## level 1
            level = max(1, min(4, int(p.style[4:]) - 1))
        if ARTICLE_NO.match(t) and is_heading_text(t):
            level = 3  # a 第一条 line alone: a heading under its chapter and section
        heading = is_heading_text(t, numbered=bool(level)) and (
            level or (p.bold and k not in stacked)
        )
        heading = heading and not re.search(r"[。；！？]", t)
        alone = k + 1 < len(rest) and rest[k + 1].table is None and not rest[k + 1].image
        if k not in items and (heading or (is_long_heading(t) and alone)):
            out.append(Block(BlockKind.HEADING, t, level=level or 1))
            if k in decimal:
                decimals.append(out[-1])
            continue
        if p.bold_lead and len(p.bold_lead) < len(t):
            lead = p.bold_lead
            out.append(
                Block(
                    BlockKind.PARAGRAPH,
                    t[len(lead) :].lstrip(),
                    level=heading_level(lead) or 1,
                    runin=lead,
                )
            )
            continue
        if level and not ARTICLE_NO.match(t) and k not in word_items:
            m = re.match(r"^(.{2,60}?[。！？])", t)
            if m and len(m.group(1)) < len(t):
                out.append(
                    Block(BlockKind.PARAGRAPH, t[len(m.group(1)) :], level=level, runin=m.group(1))
                )
                continue
        out.append(Block(BlockKind.PARAGRAPH, t))
    return out


def _bold_line(p: RawPara) -> bool:
    t = p.text.strip()
    return p.bold and not p.outline and not heading_level(t) and is_heading_text(t)


def _stacked_bold(rest: list[RawPara]) -> set[int]:
    """Bold short lines three or more one after another, none with text under it: a
    cover's or a form's lines (作者、学院、指导教师), no headings; the last of them stays
    a heading when text follows it."""
    out: set[int] = set()
    run: list[int] = []
    for k, p in enumerate([*rest, None]):
        if p is not None and p.table is None and not p.image and _bold_line(p):
            run.append(k)
            continue
        if len(run) >= STACKED_MIN:
            body = p is not None and p.table is None and not p.image
            out.update(run[:-1] if body else run)
        run = []
    return out


def _word_item(p: RawPara) -> bool:
    return p.listed and not p.outline and p.table is None and not p.image


def _signoff(rest: list[RawPara]) -> set[int]:
    """Where the 落款 stands: a date line closing the text (or standing before an 附件
    or bracketed 附注 line, or right-aligned) with the short organ lines above it, and
    right-aligned short lines at the end."""
    texts = [k for k, p in enumerate(rest) if p.table is None and not p.image and p.text.strip()]
    out: set[int] = set()
    for n, k in enumerate(texts):
        t = rest[k].text.strip()
        if not DATE.match(t):
            continue
        after = [rest[j].text.strip() for j in texts[n + 1 :]]
        closes = not after or after[0].startswith(("附件", "抄送")) or rest[k].right
        closes = closes or all(x.startswith(("（", "(")) for x in after)
        if not closes or n == 0:
            continue
        out.add(k)
        for j in reversed(texts[max(0, n - SIGNOFF_UNITS) : n]):
            if not _signoff_line(rest[j]):
                break
            out.add(j)
    for k in reversed(texts):
        if not (rest[k].right and _signoff_line(rest[k])):
            break
        out.add(k)
    return out


def _signoff_line(p: RawPara) -> bool:
    t = p.text.strip()
    return (
        0 < len(t) <= SIGNOFF_MAX
        and not re.search(r"[。！？；：，,:]", t)
        and not heading_level(t)
        and not t.startswith(("附件", "（", "(", "此致", "敬礼", "特此"))
    )


# Our own DOCX styles (docxcontract): a document we exported comes back exactly.
OWN_SKIP = dc.TEMPLATE_STYLES
OWN_HEADING = {name: level for level, name in dc.HEADING.items()}
OWN_RUNIN = {name: level for level, name in dc.RUNIN.items()}


def is_own(paras: list[RawPara]) -> bool:
    return any(p.style == dc.TITLE for p in paras) and any(p.style == dc.BODY for p in paras)


def recognise_own(paras: list[RawPara], source: str = "") -> list[Article]:
    """Articles of a DOCX exported by this program, read by its styles first."""
    out: list[Article] = []
    art: Article | None = None
    pending_note = ""
    for k, p in enumerate(paras):
        t = p.text.strip()
        if p.style in OWN_SKIP or (not t and not p.image and p.table is None):
            continue
        if p.style == dc.NOTE:
            pending_note = t
            continue
        if p.style == dc.TITLE:
            art = Article(
                title=[x.strip() for x in t.split("\n") if x.strip()],
                note=pending_note,
                source=source,
            )
            pending_note = ""
            out.append(art)
            continue
        if art is None:
            art = Article(note=pending_note, source=source)
            pending_note = ""
            out.append(art)
        if p.style == dc.SUBTITLE:
            art.subtitle = t
        elif p.table is not None:
            art.blocks.append(Block(BlockKind.TABLE, table=p.table))
        elif p.image:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            caption = (
                nxt.text.strip()
                if nxt is not None and nxt.style == "图题" and not nxt.image
                else ""
            )
            art.blocks.append(Block(BlockKind.IMAGE, caption=caption, data=p.image))
        elif p.style == "图题":
            continue  # taken with its image
        elif p.style in OWN_HEADING:
            art.blocks.append(Block(BlockKind.HEADING, t, level=OWN_HEADING[p.style]))
        elif p.style == dc.BYLINE:
            art.blocks.append(Block(BlockKind.BYLINE, t))
        elif p.runin_style in OWN_RUNIN and p.bold_lead:
            art.blocks.append(
                Block(
                    BlockKind.PARAGRAPH,
                    t[len(p.bold_lead) :],
                    level=OWN_RUNIN[p.runin_style],
                    runin=p.bold_lead,
                )
            )
        else:
            art.blocks.append(Block(BlockKind.PARAGRAPH, keep_lines(t)))
    if pending_note and out:
        out[-1].blocks.append(Block(BlockKind.PARAGRAPH, pending_note))
    return out


def keep_lines(text: str) -> str:
    """Manual line breaks inside a body paragraph stay, one "\n" each (the lines
    stripped, empty ones dropped); a heading's are joined (``join_lines``)."""
    return "\n".join(x for x in (x.strip() for x in text.split("\n")) if x)


def join_lines(text: str) -> str:
    return _join_lines(text)


def _join_lines(text: str) -> str:
    """Manual line breaks inside a body paragraph: hanzi join directly, Latin with a space."""
    parts = [x.strip() for x in text.split("\n")]
    out = parts[0]
    for x in parts[1:]:
        if out and x and out[-1].isascii() and x[0].isascii():
            out += " "
        out += x
    return out


def _is_caption(p: RawPara) -> bool:
    t = p.text.strip()
    return 0 < len(t) <= 40 and (
        bool(re.match(r"^(图|圖|Figure|Fig\.)\s*\d*", t)) or (p.centered and t[-1:] not in TERMINAL)
    )
