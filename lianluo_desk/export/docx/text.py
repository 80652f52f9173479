"""Paragraph text as runs that make a word processor set what the layout set: hanzi on
the grid cell, Latin letters and digits at their own width, and each glyph the layout
compressed or tightened taking that much less room, as the layout's record of its
decisions (``layout/decisions``) has them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from typing import Any

from ...layout.coverage import source_role
from ...layout.fonts import SYMBOLS_DOCX_FACE
from ...layout.kinsoku import is_cjk_cell
from ...template import Template
from .styles import LATIN, cjk_spacing, cjk_target, face_name
from .xml import RPR_ORDER, el, put, qn

ZWSP = "\u200b"
NBSP = "\u00a0"
# Characters shared by the scripts: a word processor takes their script from what
# precedes them, and gives one that opens a paragraph or follows a digit the Latin font;
# LibreOffice gives circled numbers (①, note marks) and Roman numerals (Ⅲ) the Latin font
WEAK = frozenset("“”‘’—…·–")


def _weak(ch: str) -> bool:
    o = ord(ch)
    return ch in WEAK or 0x2460 <= o <= 0x24FF or 0x2160 <= o <= 0x217F


def east_asian_face(rpr: Any, face: str) -> None:
    """The run's weak characters (quotes, dashes) in the hanzi face whatever script the
    word processor gives them: LibreOffice ignores ``w:hint`` and drew one that opened a
    paragraph in the Latin font, which has no such glyph, through a fallback face."""
    put(rpr, el("w:rFonts", ascii=face, hAnsi=face, eastAsia=face, hint="eastAsia"), RPR_ORDER)


def _named_face(t: Template, role: str, ch: str, cjk: bool) -> str | None:
    """The face a run must name for all scripts so that a word processor sets ``ch`` in
    the face our PDF does: the symbols face's original, the fallback face, or the
    hanzi face for a mark set with Latin text that the Latin face lacks (30℃, 5‰). None
    where the script's own face has it."""
    if ch.isspace() or ch == ZWSP:
        return None
    src = source_role(t, role, ch)
    if src == "symbols":
        return SYMBOLS_DOCX_FACE
    if src == "fallback":
        return face_name(t, "fallback")
    if src == role and not cjk:
        return face_name(t, role)
    return None


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def add_text(
    p: Any,
    t: Template,
    tstyle: str,
    text: str,
    squeezed: Mapping[int, float],
    offset: int = 0,
    char_style_id: str | None = None,
    flowing: bool = True,
    breaks: Set[int] = frozenset(),
) -> None:
    """Append ``text`` (characters ``offset``… of the paragraph as the layout counted
    them) as runs, one per stretch of hanzi or of Latin text.

    Each character should take its advance plus a spacing: the cell less the size for a
    hanzi, the style's tracking for Latin text, less what the layout took off it. Word
    adds a run's spacing after every character; LibreOffice after every character but
    the last of a run (measured), so a run of n characters states the total it must
    take over n − 1 characters, rounded down to whole twips; a run of one character
    hands its share to the run before it. Runs end where the layout's lines do
    (``breaks``), so each line gets what it needs. ``flowing`` off (masthead, title lines: one
    line each, nothing to fit) states each character's own spacing instead.
    """
    if not text:
        return
    # Where a line of the layout starts with a Latin letter or digit after a CJK mark
    # ("。12月"), a zero-width space gives the word processor the break the layout took:
    # LibreOffice finds no break opportunity there (measured).
    marks = [
        i
        for i in range(1, len(text))
        if offset + i in breaks
        and _latin(text[i])
        and is_cjk_cell(text[i - 1])
        and not text[i - 1].isalnum()
    ]
    for i in reversed(marks):
        text = text[:i] + ZWSP + text[i:]
        squeezed = {k + (k >= offset + i): v for k, v in squeezed.items()}
        breaks = {k + (k >= offset + i) for k in breaks}
    own_cjk = cjk_target(t, tstyle)
    own_latin = t.styles[tstyle].tracking * 20
    base = cjk_spacing(t, tstyle)
    role = t.styles[tstyle].face
    # [start, end, cjk, total twips, face named for all scripts]; cjk None: a line break
    segs: list[list[Any]] = []
    for i, ch in enumerate(text):
        if ch == "\n":  # a forced line end: a run of its own, a w:br
            segs.append([i, i + 1, None, 0.0, ""])
            continue
        cjk = is_cjk_cell(ch) and ch != ZWSP
        named = _named_face(t, role, ch, cjk)
        want = (own_cjk if cjk else own_latin) - squeezed.get(offset + i, 0.0) * 20
        if (
            segs
            and segs[-1][2] == cjk
            and segs[-1][4] == named
            and (text[segs[-1][0]] == NBSP) == (ch == NBSP)
            and offset + i not in breaks
        ):
            segs[-1][1] = i + 1
            segs[-1][3] += want
        else:
            segs.append([i, i + 1, cjk, want, named])
    if flowing:
        _off_no_break_spaces(segs, text, breaks, offset)
        for k, seg in enumerate(segs):
            if seg[1] - seg[0] != 1 or offset + seg[0] in breaks:
                continue
            # to the nearest run of several characters before it on its line (past
            # other runs of one: "路 。", a space and a compressed mark)
            j = k - 1
            while (
                j >= 0
                and (segs[j][1] - segs[j][0] == 1 or text[segs[j][0]] == NBSP)
                and offset + segs[j][0] not in breaks
            ):
                j -= 1
            if j >= 0 and segs[j][1] - segs[j][0] > 1 and text[segs[j][0]] != NBSP:
                segs[j][3] += seg[3]  # all of it: LibreOffice applies none
                seg[3] = own_cjk if seg[2] else own_latin  # what Word applies
        if (
            offset
            and len(segs) > 1
            and segs[0][1] - segs[0][0] == 1
            and offset not in breaks
            and offset + segs[1][0] not in breaks
            and segs[1][1] - segs[1][0] > 1
            and text[segs[1][0]] != NBSP
        ):  # one character after another call's runs (a run-in): to the run after it
            segs[1][3] += segs[0][3]
            segs[0][3] = own_cjk if segs[0][2] else own_latin
        elif offset and segs[0][1] - segs[0][0] == 1 and offset not in breaks:
            # alone on the line after a run-in: to the run-in's last run
            if _hand_to_previous_run(p, segs[0][3]):
                segs[0][3] = own_cjk if segs[0][2] else own_latin
        _within_condensing(segs, text, breaks, offset, -t.styles[tstyle].size * 20 / 6)
    for start, end, cjk, total, named in segs:
        if cjk is None:
            p.add_run().add_break()
            continue
        n = end - start
        share = total / (n - 1) if flowing and n > 1 else total / n
        spacing = math.floor(share + 1e-6)
        run = p.add_run(text[start:end])
        # as add_run(style=…) sets it, the id found once (a style of ours, never the
        # default one, whose id would be None)
        if char_style_id is not None:
            run._r.style = char_style_id
        weak = cjk and any(_weak(ch) for ch in text[start:end])
        if spacing or base or not cjk or weak or named:
            rpr = run._r.get_or_add_rPr()
            if named:  # the face the PDF sets them in, whatever script they count as
                fonts = el("w:rFonts", ascii=named, hAnsi=named, eastAsia=named, cs=named)
                put(rpr, fonts, RPR_ORDER)
            elif weak:
                east_asian_face(rpr, face_name(t, t.styles[tstyle].face))
            elif not cjk:
                # Word sets ASCII in the Latin font anyway; LibreOffice would give a comma
                # or space next to hanzi the East Asian font (weak characters)
                put(
                    rpr,
                    el("w:rFonts", ascii=LATIN, hAnsi=LATIN, eastAsia=LATIN, cs=LATIN),
                    RPR_ORDER,
                )
            if spacing or base:  # stated on the run: LibreOffice drops the style's then
                put(rpr, el("w:spacing", val=str(spacing)), RPR_ORDER)


def _within_condensing(
    segs: list[list[Any]],
    text: str,
    breaks: Set[int],
    offset: int,
    limit: float,
) -> None:
    """LibreOffice condenses a character by at most a sixth of its size (measured at 12,
    16 and 22 pt), whatever a run asks. Where a run of hanzi would need more (marks the
    layout compressed to take in one more character, several in a short run, or a
    mark between Latin words handing its share to a two-letter run), the line's runs
    share what they must give up evenly: the line takes as much room as before, each
    character within what the word processor applies."""
    line: list[list[Any]] = []
    ends: list[list[Any] | None] = [*segs, None]
    for k, seg in enumerate(ends):
        if seg is None or (k and offset + seg[0] in breaks):
            runs = [s for s in line if s[1] - s[0] > 1 and text[s[0]] != NBSP]
            if any(s[3] / (s[1] - s[0] - 1) < limit for s in runs):
                gaps = sum(s[1] - s[0] - 1 for s in runs)
                share = sum(s[3] for s in runs) / gaps
                for s in runs:
                    s[3] = share * (s[1] - s[0] - 1)
            line = []
        if seg is not None:
            line.append(seg)


def _off_no_break_spaces(segs: list[list[Any]], text: str, breaks: Set[int], offset: int) -> None:
    """LibreOffice applies no character spacing to a no-break space (measured: a run of
    them asking -0.35 pt each took its full 4 pt, and a form's line aligned with them
    wrapped): what a run of them should take is given to the run before it on its line,
    else to the one after it, and the run states none."""
    line_start = 0
    for k, seg in enumerate(segs):
        if offset + seg[0] in breaks:
            line_start = k
        if text[seg[0]] != NBSP or not seg[3]:
            continue
        donor = next(
            (j for j in range(k - 1, line_start - 1, -1) if text[segs[j][0]] != NBSP), None
        )
        j = k + 1
        while donor is None and j < len(segs) and offset + segs[j][0] not in breaks:
            if text[segs[j][0]] != NBSP:
                donor = j
            j += 1
        if donor is not None:
            segs[donor][3] += seg[3]
            seg[3] = 0.0


def _hand_to_previous_run(p: Any, total: float) -> bool:
    """Add ``total`` twips to the paragraph's last run, spread as it spreads its own (over
    all its characters but the last); False when it has no such run."""
    runs = p._p.findall(qn("w:r"))
    if not runs:
        return False
    r = runs[-1]
    text = "".join(x.text or "" for x in r.findall(qn("w:t")))
    if len(text) < 2:
        return False
    rpr = r.get_or_add_rPr()
    sp = rpr.find(qn("w:spacing"))
    old = int(sp.get(qn("w:val"))) if sp is not None else 0
    new = math.floor(old + total / (len(text) - 1) + 1e-6)
    put(rpr, el("w:spacing", val=str(new)), RPR_ORDER)
    return True
