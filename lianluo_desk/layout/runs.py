"""Turn a set line (positioned glyphs) into glyph runs for painters.

Consecutive glyphs of one face whose spacing is uniform share a run with one char_space,
so the PDF holds a few text operators per line instead of one per glyph, and text
extraction sees words, not scattered characters.
"""

from __future__ import annotations

from .boxes import GlyphRun
from .inline.glyphs import Glyph, Line, RunSpec


def glyph_runs(line: Line, x0: float, baseline: float, bold_stroke: float = 0.5) -> list[GlyphRun]:
    """The line's glyph runs drawn from (x0, baseline). The runs relative to the line's
    origin are worked out once per line and kept on it (a cached paragraph's lines are
    placed again after every edit)."""
    specs = line.drawn.runs
    if specs is None:
        specs = line.drawn.runs = _run_specs(line.glyphs, bold_stroke)
    y = round(baseline, 3)
    return [
        GlyphRun(round(x0 + dx, 3), y, text, font, size, cs, color, bold)
        for dx, text, font, size, cs, color, bold in specs
    ]  # fmt: skip


def _run_specs(glyphs: list[Glyph], bold_stroke: float) -> list[RunSpec]:
    runs: list[RunSpec] = []
    # each visible glyph's origin: compressed opening marks move left, narrow marks on
    # the CJK cell (a proportional middle dot, say) are centred in it
    visible: list[Glyph] = []
    xs: list[float] = []
    for g in glyphs:
        if g.space or g.ch == "\u3000":
            continue
        x = g.x - g.shift
        if g.cjk and g.natural < 0.75 * g.style.size:
            x += (g.adv - g.natural) / 2
        visible.append(g)
        xs.append(x)
    n = len(visible)
    k = 0
    while k < n:
        g0 = visible[k]
        face, st = g0.face, g0.style
        x0 = xs[k]
        cur_cs = xs[k + 1] - x0 - g0.natural if k + 1 < n else None
        j = k + 1
        while j < n:
            g = visible[j]
            prev = visible[j - 1]
            pst = prev.style
            gst = g.style
            if not (
                prev.face is g.face
                and pst.size == gst.size
                and pst.color == gst.color
                and pst.bold == gst.bold
            ):
                break
            cs = xs[j] - xs[j - 1] - prev.natural
            if cur_cs is not None and abs(cs - cur_cs) > 1e-3:
                break
            cur_cs = cs
            j += 1
        runs.append(
            (
                x0,
                "".join([v.ch for v in visible[k:j]]),
                face.name,
                st.size,
                round(cur_cs or 0.0, 4),
                st.color,
                bold_stroke if st.bold else 0.0,
            )
        )
        k = j
    return runs
