"""Find and replace over every printed text of an issue — 版头, notes, titles,
paragraphs, captions, table cells, 版记 — in reading order, with Word's options: match
case, whole word, and full- and half-width forms taken as the same character.

Hits are offsets into one text (a *spot*); a replacement is made only where the text is
still what was found, and a table cell keeps its runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .issue import BlockKind, Issue
from .table import CellPara, replace_text

Put = Callable[[int, int, str], None]  # replace characters start…end with a text


@dataclass(frozen=True)
class Options:
    case: bool = False  # match case
    whole: bool = False  # whole words: a Latin letter or digit may not touch the hit
    widths: bool = True  # full-width ＡＢＣ１２３，and half-width ABC123, alike


@dataclass(frozen=True)
class Spot:
    """One text of the issue: ``article`` −1 for the 版头, issue note and 版记;
    ``block`` −1 for an article's head; ``field`` names the text."""

    article: int
    block: int
    field: str

    def describe(self) -> str:
        """Where the spot is, as the editor says it."""
        names = {
            "masthead.title": "版头 刊名",
            "masthead.issuer": "版头 编印单位",
            "note": "编者按",
            "subtitle": "副题",
            "runin": "段首标题",
            "caption": "图片说明",
            "footer.contact": "版记 联系方式",
            "footer.approval": "版记 批准文号",
        }
        f = self.field
        if f.startswith("title"):
            part = f"标题第{int(f[5:]) + 1}行"
        elif f.startswith("footer.distribution"):
            part = f"版记 送 第{int(f[19:]) + 1}组"
        elif f.startswith("footer.editors"):
            part = "版记 责任编辑"
        elif f.startswith("cell "):
            r, c, _p = (int(x) + 1 for x in f[5:].split())
            part = f"第{self.block + 1}段 表格第{r}行第{c}格"
        elif f == "text":
            part = f"第{self.block + 1}段"
        else:
            part = names.get(f, f)
        if self.article < 0:
            return "刊首编者按" if f == "note" else part
        return f"第{self.article + 1}篇 {part}"


@dataclass(frozen=True)
class Hit:
    spot: Spot
    start: int
    end: int
    text: str  # what was found there


def _texts(issue: Issue) -> Iterator[tuple[Spot, str, Put]]:
    """(spot, text, how to replace in it) of every text, in reading order."""
    m, f = issue.masthead, issue.banji

    def attr(owner: object, name: str) -> Put:
        def put(a: int, b: int, new: str) -> None:
            old = getattr(owner, name)
            setattr(owner, name, old[:a] + new + old[b:])

        return put

    def item(items: list[str], k: int) -> Put:
        def put(a: int, b: int, new: str) -> None:
            items[k] = items[k][:a] + new + items[k][b:]

        return put

    def cell(p: CellPara) -> Put:
        return lambda a, b, new: replace_text(p, a, b, new)

    yield Spot(-1, -1, "masthead.title"), m.title, attr(m, "title")
    yield Spot(-1, -1, "masthead.issuer"), m.issuer, attr(m, "issuer")
    yield Spot(-1, -1, "note"), issue.note, attr(issue, "note")
    for ai, art in enumerate(issue.articles):
        for k, line in enumerate(art.title):
            yield Spot(ai, -1, f"title{k}"), line, item(art.title, k)
        yield Spot(ai, -1, "subtitle"), art.subtitle, attr(art, "subtitle")
        yield Spot(ai, -1, "note"), art.note, attr(art, "note")
        for bi, b in enumerate(art.blocks):
            if b.kind is BlockKind.IMAGE:
                yield Spot(ai, bi, "caption"), b.caption, attr(b, "caption")
            elif b.kind is BlockKind.TABLE and b.table is not None:
                for ri, row in enumerate(b.table.rows):
                    for ci, c in enumerate(row.cells):
                        for pi, p in enumerate(c.paras):
                            yield Spot(ai, bi, f"cell {ri} {ci} {pi}"), p.text, cell(p)
            else:
                yield Spot(ai, bi, "runin"), b.runin, attr(b, "runin")
                yield Spot(ai, bi, "text"), b.text, attr(b, "text")
    for k, g in enumerate(f.distribution):
        yield Spot(-1, -1, f"footer.distribution{k}"), g.text, attr(g, "text")
    for k, name in enumerate(f.editors):
        yield Spot(-1, -1, f"footer.editors{k}"), name, item(f.editors, k)
    yield Spot(-1, -1, "footer.contact"), f.contact, attr(f, "contact")
    yield Spot(-1, -1, "footer.approval"), f.approval, attr(f, "approval")


_WIDTHS = {0x3000: " ", **{c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}}


def _fold(text: str, opts: Options) -> str:
    """A text as compared: the same length always, so offsets stay true. Whole texts at
    once (per character, a find in a 30-page issue took a tenth of a second)."""
    if opts.widths:
        text = text.translate(_WIDTHS)
    if not opts.case:
        low = text.lower()
        if len(low) == len(text) and "\u03a3" not in text:  # Σ lowers by its place
            return low
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return text


def _word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _matches(text: str, needle: str, opts: Options) -> Iterator[tuple[int, int]]:
    if not needle:
        return
    hay, pin = _fold(text, opts), _fold(needle, opts)
    at = hay.find(pin)
    while at >= 0:
        end = at + len(pin)
        bounded = not opts.whole or (
            not (_word(pin[0]) and at > 0 and _word(hay[at - 1]))
            and not (_word(pin[-1]) and end < len(hay) and _word(hay[end]))
        )
        if bounded:
            yield at, end
            at = hay.find(pin, end)
        else:
            at = hay.find(pin, at + 1)


def find(issue: Issue, needle: str, opts: Options | None = None) -> list[Hit]:
    """Every occurrence of ``needle``, in reading order."""
    opts = opts or Options()
    return [
        Hit(spot, a, b, text[a:b])
        for spot, text, _put in _texts(issue)
        for a, b in _matches(text, needle, opts)
    ]


def replace(issue: Issue, hit: Hit, new: str) -> bool:
    """Replace one hit if its text is still there; False when it changed since."""
    for spot, text, put in _texts(issue):
        if spot == hit.spot:
            if text[hit.start : hit.end] != hit.text:
                return False
            put(hit.start, hit.end, new)
            return True
    return False


def replace_all(issue: Issue, needle: str, new: str, opts: Options | None = None) -> int:
    """Replace every occurrence; returns how many were replaced."""
    opts = opts or Options()
    done = 0
    for _spot, text, put in list(_texts(issue)):
        spans = list(_matches(text, needle, opts))
        for a, b in reversed(spans):  # from the end: earlier offsets stay true
            put(a, b, new)
        done += len(spans)
    return done
