"""Operations shared by the CLI and the desktop app (no Qt here)."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .catalogue import say
from .errors import UserError
from .model.issue import Article, Banji, DistributionGroup, Issue, Masthead
from .template import ROOT, Template, load_template

if TYPE_CHECKING:
    from .layout.boxes import Document
    from .layout.fonts import FontSet

SAMPLE_ISSUE = ROOT / "resources" / "sample" / "sample-issue.json"


def library_dir(option: str | None = None) -> Path:
    """--library DIR, else LIANLUO_DESK_LIBRARY, else the platform's user data folder;
    always absolute (the archive is opened by URI, and a job may change folder)."""
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get("LIANLUO_DESK_LIBRARY")
    if env:
        return Path(env).expanduser().absolute()
    from platformdirs import user_data_dir

    return Path(user_data_dir("lianluo-desk", appauthor=False))


def new_issue(t: Template, date: _dt.date, number: int = 1, cumulative: int = 1) -> Issue:
    """A fresh issue with masthead and footer filled from the template's settings."""
    s = t.settings
    preset = s.get("default_preset", "")
    groups = t.presets.get(preset, {}).get("groups", [])
    return Issue(
        masthead=Masthead(
            title=t.publication["name"],
            pinyin=t.publication["pinyin"],
            number=number,
            cumulative=cumulative,
            issuer=t.publication["issuer"],
            date=date,
        ),
        banji=Banji(
            distribution=[DistributionGroup(g) for g in groups],
            editors=list(s.get("editors", [])),
            contact=s.get("contact", ""),
            approval=s.get("approval", ""),
            preset=preset,
        ),
        template=t.id,
    )


def adopt_past_issue(issue: Issue, past: Issue) -> str:
    """An empty issue takes the masthead, distribution and editors of a past issue being
    set again (contact and approval stay those of the settings). Returns what was taken."""
    cur = issue.masthead
    issue.masthead = replace(
        past.masthead,
        title=cur.title or past.masthead.title,
        pinyin=cur.pinyin or past.masthead.pinyin,
        issuer=cur.issuer or past.masthead.issuer,
    )
    if past.banji.distribution:
        issue.banji.distribution = [DistributionGroup(g.text) for g in past.banji.distribution]
        issue.banji.preset = ""
    if past.banji.editors:
        issue.banji.editors = list(past.banji.editors)
    m = issue.masthead
    return f"第{m.number}期 总第{m.cumulative}期 {m.date.isoformat()}"


def fontset(t: Template, library: Path | None = None, system_fonts: bool | None = None) -> FontSet:
    from .layout.fonts import FontSet

    cache = library / "cache" / "system-fonts.json" if library else None
    return FontSet(t, system_fonts=system_fonts, cache=cache)


def layout(issue: Issue, t: Template | None = None, fonts: FontSet | None = None) -> Document:
    """Check coverage, then lay the issue out; a missing glyph refuses before any output."""
    from .layout.engine import lay_out

    t = t or load_template(issue.template)
    return lay_out(issue, t, fonts or fontset(t))


def export(
    issue: Issue,
    pdf: Path | None,
    docx: Path | None,
    t: Template | None = None,
    fonts: FontSet | None = None,
    compare_to: Issue | None = None,
    pdfa: Path | None = None,
    ofd: Path | None = None,
    step: Callable[[int, str], None] | None = None,
) -> dict[str, int]:
    """Lay the issue out once and write each output asked for from that one layout:
    PDF, PDF/A-2b archive copy, OFD and DOCX; ``step(percent, message)`` is told between
    the stages, the message said by code (the app's progress dialog; it may stop the
    export there)."""
    step = step or (lambda _p, _m: None)
    if not (pdf or docx or pdfa or ofd):
        raise UserError("export.nothing")
    t = t or load_template(issue.template)
    sizes: dict[str, int] = {}
    for out in (pdf, docx, pdfa, ofd):
        if out is not None:
            parent = Path(out).parent
            if not parent.is_dir():
                raise UserError("fs.no_folder", where=out, folder=parent)
    step(5, say("progress.layout"))
    doc = layout(issue, t, fonts)  # the DOCX carries the layout's decisions too
    sizes["pages"] = len(doc.pages)
    if pdf or pdfa:
        from .export.pdf import write_pdf

        if pdf:
            step(40, say("progress.writing", name=Path(pdf).name))
            sizes["pdf"] = write_pdf(doc, Path(pdf))
        if pdfa:
            step(50, say("progress.writing", name=Path(pdfa).name))
            sizes["pdfa"] = write_pdf(doc, Path(pdfa), pdfa=True)
    if ofd:
        from .export.ofd import write_ofd

        step(60, say("progress.writing", name=Path(ofd).name))
        sizes["ofd"] = write_ofd(doc, Path(ofd))
    if docx:
        from .export.docx import write_docx

        step(75, say("progress.writing", name=Path(docx).name))
        sizes["docx"] = write_docx(issue, t, Path(docx), doc, compare_to)
    return sizes


def uncovered_report(articles: list[Article], first: int = 0) -> str:
    """One line naming each character of newly added articles that no shipped face
    prints, with its place as 校对 names it once they are the issue's articles
    ``first``…: the export refuses such a character, so the editor hears of it at once."""
    from . import proof
    from .errors import describe_char

    found = proof.check(Issue(articles=articles), ["glyph"])
    items = []
    for f in found:
        f.article += first
        where, char = f.where(), describe_char(f.text[0])
        if f.fix:
            items.append(say("glyphs.replace", where=where, char=char, fix=f.fix))
        else:
            items.append(say("glyphs.delete", where=where, char=char))
    if not items:
        return ""
    more = say("glyphs.more_places", count=len(items)) if len(items) > 10 else ""
    return say("glyphs.unprinted", items=items[:10], more=more)


def relocate_assets(issue: Issue, new_path: Path) -> int:
    """Copy the images an issue refers to next to its new file (Save As), keeping their
    relative paths valid; returns how many were copied. Every path is checked before
    anything is copied: a picture outside the assets folder is never read nor written
    outside the new folder."""
    import shutil

    from .model.assets import asset_path, image_refs

    old_base = issue.base_dir
    new_base = Path(new_path).resolve().parent
    where = issue.origin or str(new_path)
    pairs = [
        (asset_path(old_base, ref, where), asset_path(new_base, ref, str(new_path)))
        for ref in image_refs(issue)
    ]
    if old_base.resolve() == new_base:
        return 0
    copied = 0
    for src, dst in pairs:
        if src.exists() and not dst.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            copied += 1
    return copied
