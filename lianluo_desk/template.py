"""Publication templates (templates/*.toml): names, labels, faces, geometry, presets.

Everything that belongs to one bulletin lives in its template so the program can set
another publication without code changes.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .catalogue import say
from .cnnum import to_chinese
from .errors import UserError
from .places import program_root

ROOT = program_root()
TEMPLATES = ROOT / "templates"
FONTS = ROOT / "resources" / "fonts"

MM = 72 / 25.4


def length(value: Any, line: float = 0.0) -> float:
    """A template length in points: numbers are points, strings carry mm/pt/lines."""
    if isinstance(value, int | float):
        return float(value)
    s = str(value).strip()
    for unit, factor in (("mm", MM), ("pt", 1.0), ("lines", line)):
        if s.endswith(unit):
            return float(s[: -len(unit)]) * factor
    raise UserError("template.bad_length", value=value)


@dataclass(frozen=True)
class Style:
    """A style of the template: face, size, indent, weight, colour and tracking."""

    name: str
    face: str
    size: float
    indent: int = 0
    bold: bool = False
    color: str = "#000000"
    tracking: float = 0.0


@dataclass(frozen=True)
class Geometry:
    """The page and its text grid, in points: where the text block is, chars and lines."""

    page_width: float
    page_height: float
    top: float
    left: float
    text_width: float
    text_height: float
    chars: int
    lines: int
    page_number_drop: float
    page_number_inset: int
    bold_stroke: float
    latin_gap: float = 0.0  # em between a hanzi and a Latin letter or digit
    # a body line takes in the character that would start the next line when its marks
    # can give up their blank halves for it (the word processor's punctuation compression)
    fit_marks: bool = False

    @property
    def pitch(self) -> float:
        return self.text_height / self.lines

    @property
    def cell(self) -> float:
        return self.text_width / self.chars

    @property
    def right(self) -> float:
        return self.left + self.text_width

    @property
    def bottom(self) -> float:
        return self.top + self.text_height


@dataclass(frozen=True)
class Template:
    """A publication template as read: its data, with geometry and styles made from it."""

    id: str
    path: Path
    data: dict[str, Any] = field(repr=False)
    geometry: Geometry = field(repr=False)
    styles: dict[str, Style] = field(repr=False)

    @property
    def publication(self) -> dict[str, Any]:
        return self.data["publication"]

    @property
    def labels(self) -> dict[str, str]:
        return self.data["labels"]

    @property
    def settings(self) -> dict[str, Any]:
        return self.data.get("settings", {})

    @property
    def rhythm(self) -> dict[str, Any]:
        return self.data["rhythm"]

    @property
    def faces(self) -> dict[str, dict[str, Any]]:
        return self.data["faces"]

    @property
    def presets(self) -> dict[str, dict[str, Any]]:
        return self.data.get("presets", {})

    def color(self, name: str) -> str:
        return self.data.get("colors", {}).get(name, name)

    def for_date(self, when: _dt.date) -> Template:
        """The template as the bulletin was set on ``when``: the vertical rhythm of every
        format revision in force then (``[[formats]]`` with ``since``/``until``) laid over
        the current one, so that a past issue set again breaks its pages as printed."""
        return _for_date(self, when)

    def format_label(self, when: _dt.date) -> str:
        """The name of the format revision in force on ``when`` ("" for the current)."""
        labels = [f.get("label", "") for f in _formats_in_force(self, when)]
        return labels[-1] if labels else ""

    def format_number(self, number: int, supplement: bool = False) -> str:
        return self.labels["supplement" if supplement else "number"].format(number=number)

    def issue_stem(self, year: int, number: int, supplement: bool = False) -> str:
        """The file name (without suffix) of an issue and of its PDFs: the one place it
        is made, so the saved issue, the demo's outputs and the published copy agree; a
        supplement (增刊) keeps a series of its own and is told apart by the name."""
        stem = self.publication["file_stem"].format(year=year, number=number)
        return f"{stem}-增刊" if supplement else stem

    def format_cumulative(self, cumulative: int) -> str:
        return self.labels["cumulative"].format(
            cumulative=cumulative, cumulative_cn=to_chinese(cumulative)
        )

    def format_date(self, d: _dt.date) -> str:
        return self.labels["date"].format(year=d.year, month=d.month, day=d.day)


def _formats_in_force(t: Template, when: _dt.date) -> list[dict[str, Any]]:
    out = []
    for f in t.data.get("formats", []):
        since, until = f.get("since"), f.get("until")
        if (since is None or since <= when) and (until is None or when <= until):
            out.append(f)
    return out


_DATED: dict[tuple[int, tuple[int, ...]], tuple[Template, Template]] = {}


def _for_date(t: Template, when: _dt.date) -> Template:
    formats = _formats_in_force(t, when)
    if not formats:
        return t
    key = (id(t), tuple(id(f) for f in formats))
    if key not in _DATED:
        rhythm = dict(t.rhythm)
        for f in formats:
            rhythm.update(f.get("rhythm", {}))
        dated = Template(
            id=t.id,
            path=t.path,
            data={**t.data, "rhythm": rhythm},
            geometry=t.geometry,
            styles=t.styles,
        )
        _DATED[key] = (t, dated)
    return _DATED[key][1]


def _style(name: str, raw: dict[str, Any], colors: dict[str, str]) -> Style:
    color = raw.get("color", "black")
    return Style(
        name=name,
        face=raw["face"],
        size=float(raw["size"]),
        indent=int(raw.get("indent", 0)),
        bold=bool(raw.get("bold", False)),
        color=colors.get(color, color),
        tracking=float(raw.get("tracking", 0.0)),
    )


@lru_cache(maxsize=8)
def load_template(name_or_path: str = "lianluo-dongtai") -> Template:
    p = Path(name_or_path)
    if not p.suffix:
        p = TEMPLATES / f"{name_or_path}.toml"
    try:
        data = tomllib.loads(p.read_text("utf-8"))
    except FileNotFoundError:
        raise UserError("template.missing", where=p) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError("template.not_toml", where=p, detail=exc) from None
    try:
        g = data["geometry"]
        geometry = Geometry(
            page_width=length(g["page_width"]),
            page_height=length(g["page_height"]),
            top=length(g["top"]),
            left=length(g["left"]),
            text_width=length(g["text_width"]),
            text_height=length(g["text_height"]),
            chars=int(g["chars_per_line"]),
            lines=int(g["lines_per_page"]),
            page_number_drop=length(g["page_number_drop"]),
            page_number_inset=int(g.get("page_number_inset", 1)),
            bold_stroke=float(g.get("bold_stroke", 0.5)),
            latin_gap=float(g.get("latin_gap", 0.0)),
            fit_marks=bool(g.get("fit_marks", False)),
        )
        colors = data.get("colors", {})
        styles = {k: _style(k, v, colors) for k, v in data["styles"].items()}
        for s in styles.values():
            if s.face not in data["faces"]:
                why = say("template.unknown_face", style=s.name, face=s.face)
                raise UserError("template.incomplete", where=p, detail=why)
        for f in data.get("formats", []):
            for key in ("since", "until"):
                if key in f and not isinstance(f[key], _dt.date):
                    why = say("template.not_a_date", label=f.get("label", "?"), key=key)
                    raise UserError("template.incomplete", where=p, detail=why)
            unknown = set(f.get("rhythm", {})) - set(data["rhythm"])
            if unknown:
                why = say(
                    "template.unknown_rhythm", label=f.get("label", "?"), keys=sorted(unknown)
                )
                raise UserError("template.incomplete", where=p, detail=why)
        return Template(
            id=data["publication"]["id"], path=p, data=data, geometry=geometry, styles=styles
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError("template.incomplete", where=p, detail=exc) from None
