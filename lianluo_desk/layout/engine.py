"""Issue → box tree on the GB/T 9704 grid.

Every line of the flow occupies one grid line (225 mm / 22) as in the printed issues,
whose Word originals snap every paragraph to the document grid. The composer runs the
flow's phases: ``flow.collect`` makes the issue's grid lines, ``flow.distribute`` puts
them on pages of 22 (page 1 less the masthead) and chooses the 版记's page,
``flow.finalize`` draws the pages; what did not change since the last layout is kept.
"""

from __future__ import annotations

from .. import gcpause
from ..errors import MissingGlyphsError
from ..model.issue import Issue
from ..template import Style, Template
from . import banji, coverage
from .boxes import Document
from .flow.collect import Collector
from .flow.distribute import distribute
from .flow.finalize import Painter
from .flow.items import Paragraphs
from .flow.kept import Kept
from .flow.record import record
from .flow.setting import Setting
from .fonts import FontSet
from .linebreak import Line, Span


class Composer:
    """Lays out one issue after another with one template and font set; the app keeps
    one, so that an edit sets again only what it changed."""

    def __init__(self, template: Template, fonts: FontSet) -> None:
        self.template = template  # as loaded; ``t`` is the format in force for the issue
        self.setting = Setting(template, fonts)
        self.g = self.setting.g
        self.fonts = fonts
        self.body = self.setting.body
        self.cell_ratio = self.setting.cell_ratio
        # set paragraphs, titles, notes, the 版记 and whole pages kept between layouts
        self._cache = Kept()
        self.collector = Collector(self.setting, self._cache, Paragraphs())
        self.painter = Painter(self.setting, self._cache)

    @property
    def t(self) -> Template:
        return self.setting.t

    def style(self, name: str) -> Style:
        return self.setting.style(name)

    def set_par(self, spans: list[Span], width: float | None = None) -> list[Line]:
        """A paragraph set as body text (``width`` pt wide, the text width if None)."""
        return self.setting.set_par(spans, width)

    def compose(self, issue: Issue) -> Document:
        with gcpause.paused():
            return self._compose(issue)

    def _compose(self, issue: Issue) -> Document:
        t = self.setting.t = self.template.for_date(issue.masthead.date)
        kept, collector = self._cache, self.collector
        if issue.base_dir != collector.base:
            kept.clear()  # images are found relative to the issue
        collector.base = issue.base_dir
        collector.origin = issue.origin
        kept.begin((id(t), tuple(sorted(t.rhythm.items()))))
        slots = collector.issue_slots(issue)
        lines = kept.get(banji.key(issue), lambda: banji.banji_lines(self.setting, issue))
        masthead = int(t.rhythm["masthead_lines"])
        flow = distribute(
            slots,
            self.g.lines,
            masthead,
            len(lines),
            banji.room(t, len(lines)),
            banji.even_page(t),
        )
        pages = self.painter.pages(flow, issue, lines)
        kept.end()
        m = issue.masthead
        subject = t.labels["subject"].format(
            name=t.publication["name"], year=m.date.year, number=m.number
        )
        title = " / ".join(a.title_text for a in issue.articles if a.title) or subject
        return Document(
            pages=pages,
            title=f"{subject}：{title}" if issue.articles else subject,
            author=t.publication["author"],
            subject=subject,
            fonts={f.name: str(f.path) for f in self.fonts.faces.values()},
            date=m.date.isoformat(),
            families=self.fonts.families(),
            decisions=record(t, slots, flow.pages, pages, lines, flow.unnumbered),
        )


def lay_out(issue: Issue, t: Template, fonts: FontSet) -> Document:
    """Check coverage, then lay the issue out: a character no font has refuses before
    any output is made."""
    missing = fonts.missing(issue.all_text())
    if missing:  # named with their places, as 校对 flags them
        raise MissingGlyphsError(missing, places=coverage.places(issue, missing))
    return Composer(t, fonts).compose(issue)  # which pauses cyclic collection itself
