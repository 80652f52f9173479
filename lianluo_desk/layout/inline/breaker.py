"""Breaking: clusters filled greedily into lines of the grid's width; a forbidden
break pulled in by compression or pushed to the next line; the least widths that tell
whether a paragraph can be set a line shorter; no lone character on a last line."""

from __future__ import annotations

from ..costs import EPS, PULL_RUN, SHRINK
from ..kinsoku import LEFT_BLANK, RIGHT_BLANK
from .clusters import clusters, may_break, trim
from .glyphs import Cluster, Glyph, Line
from .justify import end_space, finish, half, pull, pull_fits, set_positions
from .shape import reset


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
            got[-1].forced = True
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
                w -= half(g)
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
        reset(g)
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
            lines.append(finish(trim(line_cls), indent, avail, justify=False, last=True))
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
            lines.append(finish(cls[k : k + 1], indent, avail, justify))
            i = k + 1
            first = False
            continue
        if tight and may_break(cls[k - 1], cls[k]):
            best: int | None = None
            j = k
            while j < n:
                while j + 1 < n and not may_break(cls[j], cls[j + 1]):
                    j += 1
                if not pull_fits(cls[start : j + 1], avail, every=True):
                    break
                best = j
                j += 1
            if best is not None:
                j = best
                for c in cls[start : j + 1]:
                    for g in c.glyphs:
                        reset(g)
                pulled = pull(cls[start : j + 1], avail, justify and j + 1 < n, every=True)
                assert pulled is not None
                pulled.indent = indent
                pulled.last = j + 1 >= n
                lines.append(pulled)
                i = j + 1
                first = False
                continue
        if may_break(cls[k - 1], cls[k]):
            lines.append(finish(trim(cls[start:k]), indent, avail, justify))
            i = k
            first = False
            continue
        # A forbidden break. First try to pull the marks in by compression.
        j = k
        while j + 1 < n and not may_break(cls[j], cls[j + 1]):
            j += 1
        pulled = pull(cls[start : j + 1], avail, justify)
        if pulled is not None and j - k < PULL_RUN:
            pulled.indent = indent
            lines.append(pulled)
            i = j + 1
            if i >= n:
                pulled.last = True
                pulled.width = set_positions(pulled.glyphs, 0.0, justify=False)
                pulled.justified = False
            first = False
            continue
        # Otherwise push: end the line at the last allowed break before k.
        b = k - 1
        while b > start and not may_break(cls[b - 1], cls[b]):
            b -= 1
        if b == start:  # no allowed break at all on this line: break at k regardless
            b = k
        line = finish(trim(cls[start:b]), indent, avail, justify)
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
        reset(g)
    cls = clusters(lines[m].glyphs)
    tail = lines[-1].glyphs
    for b in range(len(cls) - 1, 0, -1):
        down = [g for c in cls[b:] for g in c.glyphs]
        if _content(down + tail) > _content(tail) + 3:
            break  # no break near enough: leave the line as it is
        rest = trim(cls[:b])
        if not rest or not may_break(cls[b - 1], cls[b]) or _content(down + tail) < 2:
            continue
        last = trim(clusters(down + tail))
        if sum(g.adv - g.squeeze for c in last for g in c.glyphs) > width - rest_indent + EPS:
            break
        kept = [g for c in rest for g in c.glyphs]
        if sum(g.adv - g.squeeze for g in kept) - end_space(kept) > avail * (1 + SHRINK) + EPS:
            continue
        before = finish(rest, indent, avail, True)
        before.kept_spread = cls[b].width
        after = finish(last, rest_indent, width - rest_indent, justify=False, last=True)
        return lines[:m] + [before, after]
    return _break(glyphs, width, first_indent, rest_indent, True, tight, all_cls)  # as they were
