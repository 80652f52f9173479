"""Chinese line breaking on a character grid.

A paragraph is cut into clusters that never split (a hanzi, ——, ……, a Latin word or
number with its unit). Of two adjacent full-width marks one always loses its blank half.
Lines are filled greedily to the grid width. Where the natural break would put a
forbidden mark at a line start or end, punctuation is compressed first (a line-end mark
to half width) to pull the mark in; failing that, characters are pushed to the next
line. The remaining space is spread evenly over the line so full lines end exactly on
the text block's right edge; nothing hangs into the margin.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TypeVar

from ..template import Style
from ..textnorm import INVISIBLE
from .fonts import Face, FontSet
from .kinsoku import (
    LEFT_BLANK,
    NO_END,
    NO_START,
    PAIRS,
    RIGHT_BLANK,
    is_cjk_cell,
    is_space,
    joins_latin,
)

EPS = 0.01
# A line may be tightened by this fraction of the available width rather than push a
# character: two digits (16 pt) after 27 cells need 0.2 pt more than the grid leaves.
SHRINK = 0.004


@dataclass
class Span:
    text: str
    style: Style


@dataclass(slots=True)  # some 16,000 per issue, read in every loop of the breaker
class Glyph:
    ch: str
    face: Face
    style: Style
    adv: float  # nominal advance in pt: the cell for CJK, the font advance otherwise
    natural: float  # the font's own advance at this size
    cjk: bool
    space: bool = False
    x: float = 0.0  # position in the line, set by the breaker
    width: float = 0.0  # advance actually used (after compression / justification)
    squeeze: float = 0.0  # pt taken off (compression)
    shift: float = 0.0  # pt the glyph is drawn left of x (left-blank compression)
    autospace: float = 0.0  # pt of ``adv`` that is space before a Latin/hanzi neighbour
    pair: float = 0.0  # pt always taken off: the blank half next to an adjacent mark
    pair_left: bool = False  # that half is on the left (an opening mark after another)
    index: int = 0  # position of the character in the paragraph's text (all spans)
    hard: bool = False  # a forced line break ("\n") stands before it: a line starts here


class Cluster:
    """Glyphs that never split. Width and end characters are read many times while a
    paragraph is broken and never change once shaped, so they are worked out once."""

    __slots__ = ("glyphs", "width", "first", "last", "space")

    def __init__(self, glyphs: list[Glyph]) -> None:
        self.glyphs = glyphs
        g = glyphs[0]
        if len(glyphs) == 1:  # most clusters: one hanzi or mark
            self.width: float = g.adv - g.pair
            self.first = self.last = g.ch
            self.space: bool = g.space
            return
        self.width = sum(g.adv - g.pair for g in glyphs)
        self.first = g.ch
        self.last = glyphs[-1].ch
        self.space = all(g.space for g in glyphs)


@dataclass
class Line:
    glyphs: list[Glyph]
    indent: float  # pt from the text block's left edge to the first glyph
    width: float  # pt from the first glyph's x to the end of the last glyph's advance
    justified: bool
    last: bool = False  # last line of its paragraph
    compressed: int = 0  # marks compressed on this line
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)


def _ideograph(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def _latin(ch: str) -> bool:
    return ch.isalnum() and not is_cjk_cell(ch) and not _ideograph(ch)


# What shaping needs of a character in a role: (face, advance in em, on the CJK cell,
# a space, an ideograph, a Latin letter or digit), worked out once per font set, role
# and character; shaping asks it of every character of the issue.
CharInfo = tuple[Face, float, bool, bool, bool, bool]
_TABLES: weakref.WeakKeyDictionary[FontSet, dict[str, dict[str, CharInfo]]] = (
    weakref.WeakKeyDictionary()
)


def _char_table(fonts: FontSet, role: str) -> dict[str, CharInfo]:
    return _table_of(_TABLES, fonts, role)


Setting = tuple[Face, float, float, bool, bool, bool, bool]
_SETTINGS: weakref.WeakKeyDictionary[FontSet, dict[tuple, dict[str, Setting]]] = (
    weakref.WeakKeyDictionary()
)


def _setting_table(fonts: FontSet, key: tuple) -> dict[str, Setting]:
    """(face, advance, natural advance, on the CJK cell, a space, an ideograph, a Latin
    letter or digit) of each character in one style: role, size, cell and tracking."""
    return _table_of(_SETTINGS, fonts, key)


_K = TypeVar("_K")
_E = TypeVar("_E")


def _table_of(
    store: weakref.WeakKeyDictionary[FontSet, dict[_K, dict[str, _E]]], fonts: FontSet, key: _K
) -> dict[str, _E]:
    """The font set's table for ``key``, made empty on first use: it lives as long as
    the font set does."""
    tables = store.get(fonts)
    if tables is None:
        tables = store[fonts] = {}
    table = tables.get(key)
    if table is None:
        table = tables[key] = {}
    return table


def _char_info(table: dict[str, CharInfo], fonts: FontSet, role: str, ch: str) -> CharInfo:
    face, em = fonts.pick_advance(role, ch)
    info = table[ch] = (
        face,
        em,
        is_cjk_cell(ch),
        is_space(ch) or ch == "\u3000",
        _ideograph(ch),
        _latin(ch),
    )
    return info


def shape(
    spans: list[Span], fonts: FontSet, cell_ratio: float, latin_gap: float = 0.0
) -> list[Glyph]:
    """Glyphs with their faces (per-character fallback) and nominal advances.

    ``latin_gap`` (em) is added between a hanzi and a Latin letter or digit next to it,
    as word processors do (not next to punctuation, not across a space); it is carried
    by the first glyph of the pair and vanishes at a line end.
    """
    out: list[Glyph] = []
    append = out.append
    pos = -1
    prev_ideo = prev_latin = False
    hard = False
    for span in spans:
        st = span.style
        size = st.size
        role = st.face
        table = _char_table(fonts, role)
        cell = size * cell_ratio
        cjk_adv = cell + st.tracking
        # what the characters are in this style, worked out once per style and character
        setting = _setting_table(fonts, (role, size, cell, st.tracking))
        for ch in span.text:
            pos += 1
            got = setting.get(ch)
            if got is None:
                if ch in "\r\n":
                    hard = bool(out)  # a break before any glyph starts nothing
                    continue
                info = table.get(ch) or _char_info(table, fonts, role, ch)
                face, em, cjk, sp, ideo, latin = info
                natural = em * size if not sp else 0.0
                if ch == "\u3000":
                    adv = cell
                    cjk = True
                elif sp:
                    # a space is an ASCII character: Word sets it in the paragraph's
                    # Latin (ascii) font, so its width is that face's, not the hanzi's;
                    # a zero-width character (an older issue file's) takes none
                    sp_face = fonts.primary(fonts.latin or role)
                    adv = sp_face.advance(" ") * size if ch not in INVISIBLE else 0.0
                elif cjk:
                    adv = cjk_adv
                else:
                    adv = natural + st.tracking
                got = setting[ch] = (face, adv, natural, cjk, sp, ideo, latin)
            face, adv, natural, cjk, sp, ideo, latin = got
            if latin_gap and out and ((prev_ideo and latin) or (prev_latin and ideo)):
                prev = out[-1]
                gap = latin_gap * max(prev.style.size, size)
                prev.adv += gap
                prev.autospace = gap
            prev_ideo, prev_latin = ideo, latin
            append(Glyph(ch, face, st, adv, natural, cjk, sp, index=pos, hard=hard))
            hard = False
    _adjacent_marks(out)
    return out


def _adjacent_marks(glyphs: list[Glyph]) -> None:
    """Of two adjacent full-width marks, the blank half of one is removed (clreq;
    GB/T 15834 practice): a closing mark or stop before another mark loses its right
    half (”“ ）” 。” ”； 、“), an opening mark after an opening one its left half (（“).
    So the pair takes 1.5 em wherever it stands, in body text, titles and the 版记."""
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        if not (a.cjk and b.cjk) or a.space or b.space or b.hard:
            continue
        if a.ch in RIGHT_BLANK and (b.ch in RIGHT_BLANK or b.ch in LEFT_BLANK):
            a.pair, a.pair_left = _half(a), False
        elif a.ch in LEFT_BLANK and b.ch in LEFT_BLANK:
            b.pair, b.pair_left = _half(b), True


def halve_marks(glyphs: list[Glyph]) -> None:
    """Every full-width mark at half width, its blank half removed: a block set this
    way throughout (the 版记) looks one way on every line."""
    for g in glyphs:
        if g.cjk and not g.pair and (g.ch in RIGHT_BLANK or g.ch in LEFT_BLANK):
            g.pair, g.pair_left = _half(g), g.ch in LEFT_BLANK


def _reset(g: Glyph) -> None:
    """Back to the compression every setting of the line has (adjacent marks)."""
    g.squeeze = g.pair
    g.shift = g.pair if g.pair_left else 0.0


_PAIR_CHARS = frozenset(p[0] for p in PAIRS if len(p) == 2 and p[0] == p[1])
assert len(_PAIR_CHARS) == len(PAIRS)  # every pair is one mark doubled


def clusters(glyphs: list[Glyph]) -> list[Cluster]:
    out: list[Cluster] = []
    append = out.append
    n = len(glyphs)
    i = 0
    while i < n:
        g = glyphs[i]
        j = i + 1
        if g.cjk and g.ch not in _PAIR_CHARS:  # most glyphs: a cluster of one
            append(Cluster([g]))
            i = j
            while i < n:  # and the ones after it, without the tests below
                g = glyphs[i]
                if not g.cjk or g.ch in _PAIR_CHARS:
                    break
                append(Cluster([g]))
                i += 1
            continue
        if g.space and not g.cjk:
            while j < n and glyphs[j].space and not glyphs[j].cjk and not glyphs[j].hard:
                j += 1
        elif not g.cjk:
            while j < n and not glyphs[j].cjk and not glyphs[j].space and not glyphs[j].hard:
                prev = glyphs[j - 1].ch
                nxt = glyphs[j + 1].ch if j + 1 < n else ""
                if not joins_latin(prev, glyphs[j].ch, nxt):
                    break
                j += 1
        elif g.ch in _PAIR_CHARS:  # —— and …… (PAIRS): a mark doubled
            while j < n and glyphs[j].ch == g.ch and j - i < 2 and not glyphs[j].hard:
                j += 1
        out.append(Cluster(glyphs[i:j]))
        i = j
    return out


def _may_break(a: Cluster, b: Cluster) -> bool:
    """Whether a line may end after ``a`` and the next start with ``b``."""
    if b.space or a.space:
        return True
    return a.last not in NO_END and b.first not in NO_START


def _half(g: Glyph) -> float:
    return g.adv / 2 if g.cjk else 0.0


def _compressible(glyphs: list[Glyph], every: bool = False) -> list[tuple[int, str, float]]:
    """Where this line could give space back: (glyph index, side, pt), best first.

    The line-end mark may take half width (adjacent marks have theirs taken already).
    With ``every``, any mark may, last resort first from the line end.
    """
    out: list[tuple[int, str, float]] = []
    if glyphs and glyphs[-1].ch in RIGHT_BLANK and not glyphs[-1].pair:
        out.append((len(glyphs) - 1, "r", _half(glyphs[-1])))
    if every:
        taken = {c[0] for c in out}
        for k in range(len(glyphs) - 2, -1, -1):
            g = glyphs[k]
            if k in taken or not g.cjk or g.pair:
                continue
            if g.ch in RIGHT_BLANK:
                out.append((k, "r", _half(g)))
            elif g.ch in LEFT_BLANK and k > 0:
                out.append((k, "l", _half(g)))
    return out


def _trim(line: list[Cluster]) -> list[Cluster]:
    while line and line[-1].space:
        line = line[:-1]
    while line and line[0].space:
        line = line[1:]
    return line


def break_lines(
    glyphs: list[Glyph],
    width: float,
    first_indent: float = 0.0,
    rest_indent: float = 0.0,
    justify: bool = True,
    tight: bool = False,
    cls: list[Cluster] | None = None,
) -> list[Line]:
    """Break shaped glyphs into lines of ``width`` pt (less the indents).

    ``tight`` also compresses punctuation to take in one more character where a line
    would otherwise end, as the prints' word processor does on every body line (the
    template's ``fit_marks``); without it pagination may ask for it to save a line that
    would stand alone at a page top or bottom. A justified paragraph's last line holds
    two characters at least (``no_lone_char``). ``cls``: the glyphs' clusters when the caller
    has them (a paragraph broken several ways is cut into clusters once).
    """
    cls = clusters(glyphs) if cls is None else cls
    forced = [k for k in range(1, len(cls)) if cls[k].glyphs[0].hard]
    if forced:
        return _forced(cls, forced, width, first_indent, rest_indent, justify, tight)
    lines = _break(glyphs, width, first_indent, rest_indent, justify, tight, cls)
    if justify and len(lines) >= 2 and _content(lines[-1].glyphs, enough=2) < 2:
        return no_lone_char(glyphs, lines, width, first_indent, rest_indent, tight, cls)
    return lines


def _forced(
    cls: list[Cluster],
    forced: list[int],
    width: float,
    first_indent: float,
    rest_indent: float,
    justify: bool,
    tight: bool,
) -> list[Line]:
    """A paragraph with forced line breaks, each stretch between them broken on its own:
    a stretch after a break starts at the rest indent (the left edge, no first-line
    indent), and the line a break ends is set like a last line (not stretched), as a
    word processor sets Shift+Enter with ``doNotExpandShiftReturn``."""
    lines: list[Line] = []
    bounds = [0, *forced, len(cls)]
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        part = cls[a:b]
        glyphs = [g for c in part for g in c.glyphs]
        indent = first_indent if k == 0 else rest_indent
        got = break_lines(glyphs, width, indent, rest_indent, justify, tight, part)
        if got and b < len(cls):
            got[-1].last = False
            got[-1].extra["forced"] = True
        lines += got
    return lines


def least_widths(glyphs: list[Glyph]) -> list[float]:
    """For each glyph, the narrowest the glyphs from it to the end can be set by any
    breaking: every mark compressed to half, every line-end space gone, spaces dropped
    (entry ``len(glyphs)`` is 0). Lines hold at most their width (1 + SHRINK) + EPS,
    so text whose least width exceeds what ``lines`` lines hold cannot be set in them:
    pagination asks this before breaking a paragraph again to save a line."""
    out = [0.0] * (len(glyphs) + 1)
    acc = 0.0
    for k in range(len(glyphs) - 1, -1, -1):
        g = glyphs[k]
        if not g.space:
            w = g.adv - g.pair - g.autospace
            if g.cjk and not g.pair and (g.ch in RIGHT_BLANK or g.ch in LEFT_BLANK):
                w -= _half(g)
            acc += w
        out[k] = acc
    return out


def may_fit(least: float, glyphs: list[Glyph], avail: list[float]) -> bool:
    """Whether text of least width ``least`` could be set in lines of ``avail`` pt (a
    necessary condition only; a glyph wider than a line defeats it, so then yes)."""
    room = sum(a * (1 + SHRINK) + EPS for a in avail)
    if least <= room + 1e-6:
        return True
    narrowest = min(avail, default=0.0)
    return any(g.adv > narrowest for g in glyphs)


def suffix_clusters(cls: list[Cluster], glyph: Glyph) -> list[Cluster] | None:
    """The clusters from the one ``glyph`` begins on (what ``clusters`` gives for the
    glyphs from there: a cluster depends only on what follows its start), or None
    when ``glyph`` begins none."""
    for k, c in enumerate(cls):
        if c.glyphs[0] is glyph:
            return cls[k:]
    return None


def _break(
    glyphs: list[Glyph],
    width: float,
    first_indent: float,
    rest_indent: float,
    justify: bool,
    tight: bool,
    cls: list[Cluster],
) -> list[Line]:
    for g in glyphs:
        _reset(g)
    cls = list(cls)  # a cluster wider than the line is split in this copy
    lines: list[Line] = []
    i = 0
    n = len(cls)
    first = True
    while i < n:
        indent = first_indent if first else rest_indent
        avail = width - indent
        while i < n and cls[i].space and not first:
            i += 1
        if i >= n:
            break
        start = i
        used = 0.0
        k = i
        while (
            k < n
            and used + cls[k].width - cls[k].glyphs[-1].autospace <= avail * (1 + SHRINK) + EPS
        ):
            used += cls[k].width
            k += 1
        if k >= n:
            line_cls = cls[start:n]
            lines.append(_finish(_trim(line_cls), indent, avail, justify=False, last=True))
            break
        if k == start:  # a single cluster wider than the line: split it by glyphs
            big = cls[k]
            room = avail
            cut = 0
            acc = 0.0
            while cut < len(big.glyphs) and acc + big.glyphs[cut].adv <= room + EPS:
                acc += big.glyphs[cut].adv
                cut += 1
            cut = max(cut, 1)
            cls[k : k + 1] = [Cluster(big.glyphs[:cut]), Cluster(big.glyphs[cut:])]
            n = len(cls)
            lines.append(_finish(cls[k : k + 1], indent, avail, justify))
            i = k + 1
            first = False
            continue
        if tight and _may_break(cls[k - 1], cls[k]):
            best: int | None = None
            j = k
            while j < n:
                while j + 1 < n and not _may_break(cls[j], cls[j + 1]):
                    j += 1
                if not _pull_fits(cls[start : j + 1], avail, every=True):
                    break
                best = j
                j += 1
            if best is not None:
                j = best
                for c in cls[start : j + 1]:
                    for g in c.glyphs:
                        _reset(g)
                pulled = _pull(cls[start : j + 1], avail, justify and j + 1 < n, every=True)
                assert pulled is not None
                pulled.indent = indent
                pulled.last = j + 1 >= n
                lines.append(pulled)
                i = j + 1
                first = False
                continue
        if _may_break(cls[k - 1], cls[k]):
            lines.append(_finish(_trim(cls[start:k]), indent, avail, justify))
            i = k
            first = False
            continue
        # A forbidden break. First try to pull the marks in by compression.
        j = k
        while j + 1 < n and not _may_break(cls[j], cls[j + 1]):
            j += 1
        pulled = _pull(cls[start : j + 1], avail, justify)
        if pulled is not None and j - k < 3:
            pulled.indent = indent
            lines.append(pulled)
            i = j + 1
            if i >= n:
                pulled.last = True
                pulled.width = _set_positions(pulled.glyphs, 0.0, justify=False)
                pulled.justified = False
            first = False
            continue
        # Otherwise push: end the line at the last allowed break before k.
        b = k - 1
        while b > start and not _may_break(cls[b - 1], cls[b]):
            b -= 1
        if b == start:  # no allowed break at all on this line: break at k regardless
            b = k
        line = _finish(_trim(cls[start:b]), indent, avail, justify)
        lines.append(line)
        i = b
        first = False
    if lines:
        lines[-1].last = True
    return lines


def _content(glyphs: list[Glyph], enough: int | None = None) -> int:
    """Characters of a line that count for a lone last line: hanzi and Latin words or
    numbers (one each, as they never split), not the marks around them; counting stops
    at ``enough``."""
    count = 0
    for c in clusters(glyphs):
        for g in c.glyphs:
            if g.ch.isalnum():
                count += 1
                if count == enough:
                    return count
                break
    return count


def no_lone_char(
    glyphs: list[Glyph],
    lines: list[Line],
    width: float,
    first_indent: float,
    rest_indent: float,
    tight: bool,
    all_cls: list[Cluster],
) -> list[Line]:
    """The paragraph without a one-character last line (孤字): a character (with what
    may not be parted from it, up to three) taken down from the line before. Setting
    the last two lines as one with punctuation compressed would avoid it too, but
    changes the paragraph's line count against the word processor the prints were made
    in (their page breaks move) and is not carried by a word processor reliably
    (measured in LibreOffice); the lines stay as they were when no break is near.

    A line that gave a character away is marked ``kept_spread`` with the width of the
    cluster it gave: its justification is part of the decision (a word processor would
    fill the line again)."""
    m = len(lines) - 2
    if not lines[m].glyphs:  # a line of spaces only (ideographic ones, trimmed): no
        return lines  # character to take down
    index = {id(g): k for k, g in enumerate(glyphs)}
    start = index[id(lines[m].glyphs[0])]
    indent = first_indent if m == 0 else rest_indent
    avail = width - indent
    for g in glyphs[start:]:
        _reset(g)
    cls = clusters(lines[m].glyphs)
    tail = lines[-1].glyphs
    for b in range(len(cls) - 1, 0, -1):
        down = [g for c in cls[b:] for g in c.glyphs]
        if _content(down + tail) > _content(tail) + 3:
            break  # no break near enough: leave the line as it is
        rest = _trim(cls[:b])
        if not rest or not _may_break(cls[b - 1], cls[b]) or _content(down + tail) < 2:
            continue
        last = _trim(clusters(down + tail))
        if sum(g.adv - g.squeeze for c in last for g in c.glyphs) > width - rest_indent + EPS:
            break
        kept = [g for c in rest for g in c.glyphs]
        if sum(g.adv - g.squeeze for g in kept) - _tail(kept) > avail * (1 + SHRINK) + EPS:
            continue
        before = _finish(rest, indent, avail, True)
        before.extra["kept_spread"] = cls[b].width
        after = _finish(last, rest_indent, width - rest_indent, justify=False, last=True)
        return lines[:m] + [before, after]
    return _break(glyphs, width, first_indent, rest_indent, True, tight, all_cls)  # as they were


def _pull_fits(line_cls: list[Cluster], avail: float, every: bool = False) -> bool:
    """Whether ``_pull`` would set these clusters on the line (it changes no glyph):
    a line is tried with ever more clusters and only the longest that fits is set."""
    line_cls = _trim(line_cls)
    glyphs = [g for c in line_cls for g in c.glyphs]
    over = sum(g.adv - g.pair for g in glyphs) - _tail(glyphs) - avail
    if over <= EPS:
        return True
    taken = 0.0
    for cand in _compressible(glyphs, every):
        if taken >= over - EPS:
            break
        taken += cand[2]
    return taken >= over - EPS


def _pull(line_cls: list[Cluster], avail: float, justify: bool, every: bool = False) -> Line | None:
    line_cls = _trim(line_cls)
    glyphs = [g for c in line_cls for g in c.glyphs]
    over = sum(g.adv - g.pair for g in glyphs) - _tail(glyphs) - avail
    if over <= EPS:
        return _finish(line_cls, 0.0, avail, justify, glyphs=glyphs)
    taken = 0.0
    chosen: list[tuple[int, str, float]] = []
    for cand in _compressible(glyphs, every):
        if taken >= over - EPS:
            break
        chosen.append(cand)
        taken += cand[2]
    if taken < over - EPS:
        return None
    for idx, side, amount in chosen:
        g = glyphs[idx]
        g.squeeze = amount
        if side == "l":
            g.shift = amount
    line = _finish(line_cls, 0.0, avail, justify, glyphs=glyphs)
    line.compressed = len(chosen)
    return line


def _finish(
    line_cls: list[Cluster],
    indent: float,
    avail: float,
    justify: bool,
    last: bool = False,
    glyphs: list[Glyph] | None = None,
) -> Line:
    """The line of these clusters set: ``glyphs`` are theirs when the caller has them."""
    if glyphs is None:
        glyphs = [g for c in line_cls for g in c.glyphs]
    natural = sum(g.adv - g.squeeze for g in glyphs) - _tail(glyphs)
    tight = natural > avail + EPS
    spread = avail - natural if (justify and not last) or tight else 0.0
    width = _set_positions(glyphs, spread, (justify and not last) or tight)
    return Line(
        glyphs=glyphs, indent=indent, width=width, justified=justify and not last, last=last
    )


def _set_positions(glyphs: list[Glyph], spread: float, justify: bool) -> float:
    """Place glyphs left to right, giving ``spread`` pt evenly to the justifiable gaps;
    returns the line's width (the sum of the glyphs' widths).

    Gaps next to a CJK glyph or a space take the spread; letters inside a Latin word are
    never letter-spaced unless the line has no other gap.
    """
    n = len(glyphs)
    # a gap after glyph k (k < n - 1) takes the spread
    opens = [a.cjk or a.space for a in glyphs]
    gap = [a or b for a, b in zip(opens, opens[1:], strict=False)]
    if n:
        gap.append(False)
    count = sum(gap)
    if not count and n > 1:
        gap = [True] * (n - 1) + [False]
        count = n - 1
    per = spread / count if (justify and count and spread > 0) else 0.0
    shrink = spread / count if (justify and spread < 0 and count) else None
    x = 0.0
    for g, wide in zip(glyphs, gap, strict=True):
        g.x = x
        w = g.adv - g.squeeze + (per if wide else 0.0)
        if shrink is not None:
            w += shrink if wide else 0.0
        g.width = w
        x += w
    if not glyphs:
        return 0.0
    last = glyphs[-1]  # its width ends the line: no gap after it
    last.width = last.adv - last.squeeze - last.autospace
    return last.x + last.width


def _tail(glyphs: list[Glyph]) -> float:
    """Space after the last glyph that a line end drops."""
    return glyphs[-1].autospace if glyphs else 0.0
