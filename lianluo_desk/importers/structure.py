"""Structure of an article draft, by pattern and by formatting together.

Input is a list of paragraphs with what the source format knows of them (bold, centred,
size); output is an ``Article``. Nothing is dropped: a paragraph that fits no pattern is
body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model.issue import Article, Block, BlockKind
from ..model.table import Table

H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
H3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
H4 = re.compile(r"^[（(]\d{1,2}[）)]")
NOTE = re.compile(r"^(【编者按】|编者按[:：]?)")
SUBTITLE = re.compile(r"^[（(]\s*\d{4}\s*年[^）)]{0,12}[）)]$")
BYLINE = re.compile(
    r"^[（(][^（()）]{2,40}(供稿|综合|整理|报送|撰稿|[ \u3000][\u4e00-\u9fff]{2,4})[）)]$"
)
TERMINAL = "。！？；：…"
HEADING_MAX = 30


@dataclass
class RawPara:
    text: str
    bold: bool = False  # the whole paragraph (or its leading phrase, see bold_lead) is bold
    centered: bool = False
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


def heading_level(text: str) -> int:
    for level, pat in ((1, H1), (2, H2), (4, H4), (3, H3)):
        if pat.match(text):
            return level
    return 0


def _title_line(first: RawPara, p: RawPara) -> bool:
    """Whether ``p`` is the second line of a title typed as two centred paragraphs: set
    like the first (centred, same size and weight), not a subtitle, date or byline."""
    t = p.text.strip()
    return (
        first.centered
        and p.centered
        and not p.image
        and abs(p.size - first.size) < 0.5
        and p.bold == first.bold
        and 0 < len(t) <= 40
        and any(ch.isalpha() for ch in t)  # not a reference number (03/599)
        and t[-1] not in TERMINAL
        and not (SUBTITLE.match(t) or BYLINE.match(t) or t.startswith(("—", "-", "（", "(")))
    )


def _is_heading_text(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= HEADING_MAX and t[-1] not in TERMINAL + "，、,"


def recognise(paras: list[RawPara], source: str = "") -> Article:
    art = Article(source=source)
    art.warnings = [p.warning for p in paras if p.warning]
    items = [p for p in paras if p.text.strip() or p.image or p.table is not None]
    i = 0
    # editor's note before the title
    if i < len(items) and NOTE.match(items[i].text.strip()):
        art.note = items[i].text.strip()
        i += 1
    # the title: first centred / large / bold paragraph, or the first short line
    if i < len(items) and not items[i].image and items[i].table is None:
        p = items[i]
        t = p.text.strip()
        if (
            p.centered
            or p.size >= 18
            or (p.bold and not heading_level(t))
            or (len(t) <= 40 and t[-1:] not in TERMINAL and not heading_level(t))
        ):
            art.title = []
            for line in t.split("\n"):
                line = line.strip()
                if _cjk_gap(line):
                    art.title += [
                        x for x in re.split(r"[ \u3000]{1,}(?=[\u4e00-\u9fff《“])", line) if x
                    ]
                elif line:
                    art.title.append(line)
            i += 1
            while i < len(items) and _title_line(p, items[i]):  # a title typed in two
                art.title.append(items[i].text.strip())
                i += 1
            if i < len(items) and (
                SUBTITLE.match(items[i].text.strip())
                or (items[i].centered and len(items[i].text.strip()) <= 30)
            ):
                art.subtitle = items[i].text.strip()
                i += 1
    if not art.note and i < len(items) and NOTE.match(items[i].text.strip()):
        art.note = items[i].text.strip()
        i += 1
    rest = [replace(p, text=keep_lines(p.text)) for p in items[i:]]
    if art.note:
        art.note = _join_lines(art.note)
    if art.subtitle:
        art.subtitle = _join_lines(art.subtitle)
    skip = -1
    for k, p in enumerate(rest):
        t = p.text.strip()
        if k == skip:
            continue
        if p.table is not None:
            art.blocks.append(Block(BlockKind.TABLE, table=p.table))
            continue
        if p.image:
            caption = p.caption
            nxt = rest[k + 1] if k + 1 < len(rest) else None
            if not caption and nxt is not None and not nxt.image and _is_caption(nxt):
                caption = nxt.text.strip()
                skip = k + 1
            art.blocks.append(Block(BlockKind.IMAGE, caption=caption, data=p.image))
            continue
        if k == len(rest) - 1 and BYLINE.match(t):
            art.blocks.append(Block(BlockKind.BYLINE, t))
            continue
        level = heading_level(t)
        if p.outline and len(t) <= 2 * HEADING_MAX and t[-1] not in "，、,":  # a heading style
            art.blocks.append(Block(BlockKind.HEADING, t, level=level or min(p.outline, 4)))
            continue
        if p.style.startswith("md-h") and not level:  # Markdown: # is the title, ## level 1
            level = max(1, min(4, int(p.style[4:]) - 1))
        if _is_heading_text(t) and (level or p.bold) and not re.search(r"[。；！？]", t):
            art.blocks.append(Block(BlockKind.HEADING, t, level=level or 1))
            continue
        if p.bold_lead and len(p.bold_lead) < len(t):
            lead = p.bold_lead
            art.blocks.append(
                Block(
                    BlockKind.PARAGRAPH,
                    t[len(lead) :].lstrip(),
                    level=heading_level(lead) or 1,
                    runin=lead,
                )
            )
            continue
        if level:
            m = re.match(r"^(.{2,60}?[。！？])", t)
            if m and len(m.group(1)) < len(t):
                art.blocks.append(
                    Block(BlockKind.PARAGRAPH, t[len(m.group(1)) :], level=level, runin=m.group(1))
                )
                continue
        art.blocks.append(Block(BlockKind.PARAGRAPH, t))
    return art


# Our own DOCX styles (export/docx/styles.py): a document we exported comes back exactly.
OWN_SKIP = {"刊名", "刊名拼音", "期号", "刊头", "版记", "页码"}
OWN_HEADING = {"一级标题": 1, "二级标题": 2, "三级标题": 3, "四级标题": 4}
OWN_RUNIN = {"段首一级标题": 1, "段首二级标题": 2, "段首三级标题": 3, "段首四级标题": 4}


def is_own(paras: list[RawPara]) -> bool:
    return any(p.style == "标题" for p in paras) and any(p.style == "正文" for p in paras)


def recognise_own(paras: list[RawPara], source: str = "") -> list[Article]:
    """Articles of a DOCX exported by this program, read by its styles first."""
    out: list[Article] = []
    art: Article | None = None
    pending_note = ""
    for k, p in enumerate(paras):
        t = p.text.strip()
        if p.style in OWN_SKIP or (not t and not p.image and p.table is None):
            continue
        if p.style == "编者按":
            pending_note = t
            continue
        if p.style == "标题":
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
        if p.style == "副标题":
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
        elif p.style == "署名":
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


def _cjk_gap(t: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff《“]", t))
