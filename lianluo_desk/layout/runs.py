"""Turn a set line (positioned glyphs) into glyph runs for painters.

Consecutive glyphs of one face whose spacing is uniform share a run with one char_space,
so the PDF holds a few text operators per line instead of one per glyph, and text
extraction sees words, not scattered characters.
"""

from __future__ import annotations

from .boxes import GlyphRun
from .linebreak import Glyph, Line


def draw_x(g: Glyph) -> float:
    """Where the glyph's origin goes: compressed opening marks move left, narrow marks on
    the CJK cell (a proportional middle dot, say) are centred in it."""
    x = g.x - g.shift
    if g.cjk and not g.space and g.natural < 0.75 * g.style.size:
        x += (g.adv - g.natural) / 2
    return x


def glyph_runs(line: Line, x0: float, baseline: float, bold_stroke: float = 0.5) -> list[GlyphRun]:
    """The line's glyph runs drawn from (x0, baseline). The runs relative to the line's
    origin are worked out once per line and kept on it (a cached paragraph's lines are
    placed again after every edit)."""
    specs = line.extra.get("runs")
    if specs is None:
        specs = line.extra["runs"] = _run_specs(line.glyphs, bold_stroke)
    y = round(baseline, 3)
    return [
        GlyphRun(x=round(x0 + dx, 3), y=y, text=text, font=font, size=size,
                 char_space=cs, color=color, bold=bold)
        for dx, text, font, size, cs, color, bold in specs
    ]  # fmt: skip


Spec = tuple[float, str, str, float, float, str, float]


def _run_specs(glyphs: list[Glyph], bold_stroke: float) -> list[Spec]:
    runs: list[Spec] = []
    visible = [g for g in glyphs if not (g.space and g.ch != "\u3000") and g.ch != "\u3000"]
    xs = [draw_x(g) for g in visible]  # each glyph's origin, asked twice below
    cur: list[Glyph] = []
    cur_cs: float | None = None
    cur_x0 = 0.0

    def flush() -> None:
        nonlocal cur, cur_cs
        if cur:
            g0 = cur[0]
            runs.append(
                (
                    cur_x0,
                    "".join(g.ch for g in cur),
                    g0.face.name,
                    g0.style.size,
                    round(cur_cs or 0.0, 4),
                    g0.style.color,
                    bold_stroke if g0.style.bold else 0.0,
                )
            )
        cur, cur_cs = [], None

    for k, g in enumerate(visible):
        if cur:
            prev = cur[-1]
            same = (
                prev.face is g.face
                and prev.style.size == g.style.size
                and prev.style.color == g.style.color
                and prev.style.bold == g.style.bold
            )
            cs = xs[k] - xs[k - 1] - prev.natural
            if not same or (cur_cs is not None and abs(cs - cur_cs) > 1e-3):
                flush()
            else:
                cur_cs = cs
        cur.append(g)
        if len(cur) == 1:
            cur_x0 = xs[k]
            if k + 1 < len(visible):
                cur_cs = xs[k + 1] - xs[k] - g.natural
    flush()
    return runs
