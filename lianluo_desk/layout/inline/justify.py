"""Justification: a line's marks compressed to pull a forbidden mark in, the
remaining space spread so full lines end on the text block's right edge."""

from __future__ import annotations

from ..costs import EPS
from ..kinsoku import LEFT_BLANK, RIGHT_BLANK
from .clusters import trim
from .glyphs import Cluster, Glyph, Line


def half(g: Glyph) -> float:
    return g.adv / 2 if g.cjk else 0.0


def _compressible(glyphs: list[Glyph], every: bool = False) -> list[tuple[int, str, float]]:
    """Where this line could give space back: (glyph index, side, pt), best first.

    The line-end mark may take half width (adjacent marks have theirs taken already).
    With ``every``, any mark may, last resort first from the line end.
    """
    out: list[tuple[int, str, float]] = []
    if glyphs and glyphs[-1].ch in RIGHT_BLANK and not glyphs[-1].pair:
        out.append((len(glyphs) - 1, "r", half(glyphs[-1])))
    if every:
        taken = {c[0] for c in out}
        for k in range(len(glyphs) - 2, -1, -1):
            g = glyphs[k]
            if k in taken or not g.cjk or g.pair:
                continue
            if g.ch in RIGHT_BLANK:
                out.append((k, "r", half(g)))
            elif g.ch in LEFT_BLANK and k > 0:
                out.append((k, "l", half(g)))
    return out


def pull_fits(line_cls: list[Cluster], avail: float, every: bool = False) -> bool:
    """Whether ``pull`` would set these clusters on the line (it changes no glyph):
    a line is tried with ever more clusters and only the longest that fits is set."""
    line_cls = trim(line_cls)
    glyphs = [g for c in line_cls for g in c.glyphs]
    over = sum(g.adv - g.pair for g in glyphs) - end_space(glyphs) - avail
    if over <= EPS:
        return True
    taken = 0.0
    for cand in _compressible(glyphs, every):
        if taken >= over - EPS:
            break
        taken += cand[2]
    return taken >= over - EPS


def pull(line_cls: list[Cluster], avail: float, justify: bool, every: bool = False) -> Line | None:
    line_cls = trim(line_cls)
    glyphs = [g for c in line_cls for g in c.glyphs]
    over = sum(g.adv - g.pair for g in glyphs) - end_space(glyphs) - avail
    if over <= EPS:
        return finish(line_cls, 0.0, avail, justify, glyphs=glyphs)
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
    line = finish(line_cls, 0.0, avail, justify, glyphs=glyphs)
    line.compressed = len(chosen)
    return line


def finish(
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
    natural = sum(g.adv - g.squeeze for g in glyphs) - end_space(glyphs)
    tight = natural > avail + EPS
    spread = avail - natural if (justify and not last) or tight else 0.0
    width = set_positions(glyphs, spread, (justify and not last) or tight)
    return Line(
        glyphs=glyphs, indent=indent, width=width, justified=justify and not last, last=last
    )


def set_positions(glyphs: list[Glyph], spread: float, justify: bool) -> float:
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


def end_space(glyphs: list[Glyph]) -> float:
    """Space after the last glyph that a line end drops."""
    return glyphs[-1].autospace if glyphs else 0.0
