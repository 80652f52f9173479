"""The 版记, all of it in the layout: its lines, the page it stands on, its drawing.

Its lines (``banji_lines``): the recipient groups after 送：, 责任编辑 and 联系方式 on
one row when they fit, the approval; the block is set one way, every mark at half width
or none. Its page (``banji_pages``): GB/T 9704-2012 puts the 版记 on the last page with
its last rule on the text block's bottom edge (§7.4.1); a document printed on both
sides ends on an even page, the back of its last sheet (§6.2), so the 版记 stands
there. When the text leaves no room for it on an even page, a blank odd page and the
版记 page follow, and neither carries a page number (§7.5: "版记页前有空白页的，空白页
和版记页均不编排页码"). Its drawing (``draw_banji``): between thick rules at the foot of
the page, a thin one above 责任编辑.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from ..model.issue import Issue
from ..template import Style, Template, length
from .boxes import Page, Rule
from .decisions import RowKind
from .linebreak import Line, Span

if TYPE_CHECKING:
    from .flow.finalize import Painter
    from .flow.setting import Setting

S = TypeVar("S")


@dataclass
class BanjiLine:
    """One line of the 版记, on a grid line of its own."""

    # group (of recipients), editors, contact, editors+contact (the two on one row),
    # approval: the row of ``decisions.BanjiLayout`` it makes
    kind: RowKind
    line: Line
    align: str = "left"
    group: int | None = None  # the recipient group a group's line belongs to
    full_width: bool = False  # set across the text width, not within the inset block


def align_name(name: str) -> str:
    """石韧 → 石　韧: in the 版记's 责任编辑, a two-character name lines up with
    three-character ones (the PDF and the DOCX print it alike)."""
    name = name.replace(" ", "").replace("\u3000", "")
    return f"{name[0]}\u3000{name[1]}" if len(name) == 2 else name


def banji_pages(pages: list[list[S]], full: bool, even_page: bool) -> tuple[list[list[S]], int]:
    """The pages with those the 版记 needs added after the text's (the 版记 goes on the
    last), and how many of the last pages carry no page number.

    ``full``: the text's last page has no room for the 版记. Without ``even_page`` the
    版记 goes on the last page of text, or on a page of its own when that one is full.
    """
    pages = list(pages)
    n = len(pages)  # the text's last page is page n
    if not even_page:
        return (pages + [[]] if full else pages), 0
    if n % 2 == 1:  # an odd page: the 版记 on the back, the next page
        return pages + [[]], 0
    if not full:
        return pages, 0
    return pages + [[], []], 2  # a blank odd page, then the 版记 page


def key(issue: Issue) -> tuple[object, ...]:
    """All the 版记's lines depend on in the issue: kept between layouts by it."""
    f = issue.banji
    return ("banji", tuple(d.text for d in f.distribution), tuple(f.editors), f.contact, f.approval)


def even_page(t: Template) -> bool:
    """Whether the format puts the 版记 on an even page (the back of a sheet)."""
    return bool(t.data.get("banji", {}).get("even_page", False))


def room(t: Template, lines: int) -> int:
    """Grid lines the 版记 of ``lines`` lines takes on its page, blank lines above it
    included."""
    return lines + int(t.rhythm.get("before_distribution", 1))


def _inset(s: Setting) -> float:
    """pt the 版记's block is inset by on both sides (a character of its style)."""
    return inset(s.t)


def inset(t: Template) -> float:
    """pt the 版记's block is inset by on both sides (a character of its style); the
    layout records it per row for the DOCX."""
    st = t.styles["footer"]
    return t.rhythm.get("footer_indent", 1) * st.size * t.geometry.cell / t.styles["body"].size


def banji_lines(s: Setting, issue: Issue) -> list[BanjiLine]:
    """(kind, line, align) of the 版记 from top to bottom.

    The block is set one way on every line: when a line needs its punctuation
    compressed (to keep a recipient group on fewer lines, as the prints set the
    first group on one line, or 责任编辑 and 联系方式 on one row), every mark of the
    版记 is set at half width; otherwise none is, adjacent marks apart.
    """
    plain = _lines(s, issue, half=False)
    if any(_compressed(b.line) for b in plain):
        return _lines(s, issue, half=True)
    return plain


def _lines(s: Setting, issue: Issue, half: bool) -> list[BanjiLine]:
    """The 版记's lines with its marks at half width or not. Wrapped lines align
    with the text after 送： as set. 责任编辑 and 联系方式 share a row when they fit,
    within the inset block or else across the full text width."""
    st = s.style("footer")
    lab = s.t.labels
    f = issue.banji
    width = s.g.text_width - 2 * _inset(s)
    out: list[BanjiLine] = []
    label = lab["distribution"]
    label_w = len(label) * st.size * s.cell_ratio
    for i, group in enumerate(f.distribution):
        if i == 0:
            lines = _fewest(s, [Span(label + group.text, st)], width, label_w, half)
            if lines and len(lines[0].glyphs) > len(label):
                label_w = lines[0].glyphs[len(label)].x  # where the text begins
                for ln in lines[1:]:
                    ln.indent = label_w
        else:
            lines = _fewest(s, [Span(group.text, st)], width - label_w, 0.0, half)
            for ln in lines:
                ln.indent += label_w
        out += [BanjiLine("group", ln, group=i) for ln in lines]
    names = "　".join(align_name(n) for n in f.editors)
    left = f"{lab['editors']}{names}" if f.editors else ""
    right = f"{lab['contact']}{f.contact}" if f.contact else ""
    row = _row(s, left, right, width, st, half) if left and right else None
    if row is not None:
        out += row
    else:
        rows: tuple[tuple[RowKind, str], ...] = (("editors", left), ("contact", right))
        for kind, text in rows:
            if text:
                out += [
                    BanjiLine(kind, ln)
                    for ln in s.set_par(
                        [Span(text, st)], width=width, justify=False, half_marks=half
                    )
                ]
    if f.approval:
        for ln in s.set_par(
            [Span(lab["approval"] + f.approval, st)],
            width=width,
            justify=False,
            half_marks=half,
        ):
            out.append(BanjiLine("approval", ln))
    return out


def _fewest(
    s: Setting, spans: list[Span], width: float, rest_indent: float, half: bool
) -> list[Line]:
    """The group as body text, or with punctuation compressed if that saves a line."""
    normal = s.set_par(spans, width=width, rest_indent=rest_indent, half_marks=half)
    if len(normal) < 2:
        return normal
    tight = s.set_par(spans, width=width, rest_indent=rest_indent, tight=True, half_marks=half)
    return tight if len(tight) < len(normal) else normal


def _row(
    s: Setting, left: str, right: str, width: float, st: Style, half: bool
) -> list[BanjiLine] | None:
    """责任编辑 flush left and 联系方式 flush right on one row, punctuation compressed
    if need be, within the inset block or else across the full text width; None if
    they need two rows. The gap between them is at least a space."""
    for box in (width, s.g.text_width):
        lines = s.set_par(
            [Span(f"{left} {right}", st)],
            width=box,
            justify=False,
            tight=True,
            half_marks=half,
        )
        if len(lines) != 1 or lines[0].width > box + 0.01:
            continue
        ln = lines[0]
        gap = len(left)
        slack = box - ln.width
        for g in ln.glyphs[gap + 1 :]:
            g.x += slack
        ln.width = box
        return [BanjiLine("editors+contact", ln, full_width=box > width)]
    return None


def _compressed(ln: Line) -> bool:
    """Whether a mark of the line was set narrower than adjacent marks are anyway."""
    return any(g.squeeze > g.pair + 1e-6 and not g.space for g in ln.glyphs if g.cjk)


def draw_banji(p: Painter, page: Page, lines: list[BanjiLine]) -> None:
    """The 版记 at the foot of the page, a line a grid line: a thick rule above it and
    below it, a thin one above 责任编辑, inset by a character but for a row set across
    the text width; each line names its part (a recipient group or a row) for the
    editor and the DOCX."""
    s = p.s
    g, r = s.g, s.t.rhythm
    st = s.style("footer")
    inset = _inset(s)
    first = g.lines - len(lines)
    thick = length(r.get("footer_thick_rule", "0.35mm"))
    thin = length(r.get("footer_thin_rule", "0.25mm"))
    top = g.top + first * g.pitch
    page.items.append(Rule(x=g.left, y=top, width=g.text_width, thickness=thick))
    slot = first - 1
    thin_done = False
    for b in lines:
        ln = b.line
        slot += 1
        if b.kind in ("editors", "contact", "editors+contact") and not thin_done:
            page.items.append(
                Rule(x=g.left, y=g.top + slot * g.pitch, width=g.text_width, thickness=thin)
            )
            thin_done = True
        pad = 0.0 if b.full_width else inset
        # 版记 lines name their part: (-2, recipient group) or (-3, row)
        part = (-2, b.group) if b.group is not None else (-3, slot)
        p.put_line(
            page,
            ln,
            "footer",
            p.baseline(slot, st.size),
            b.align,
            slot,
            part,
            g.left + pad,
            g.text_width - 2 * pad,
        )
    page.items.append(Rule(x=g.left, y=g.bottom, width=g.text_width, thickness=thick))
