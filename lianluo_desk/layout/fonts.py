"""Font faces per role, resolved template → installed office fonts → shipped fonts.

Each role (fang, song, hei, kai) gets a chain of faces, ending with the shipped fallback
(CJK) and symbols faces; a character missing from the first face is taken from the next
one that has it, so a rare name or a bullet is never printed as an empty box. A
character that no face has is reported before export (see ``missing``).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..template import FONTS, Template
from ..textnorm import INVISIBLE, SPACES
from . import sysfonts
from .fontcache import Metrics, MetricsCache, cache_for
from .kinsoku import is_cjk_cell

#: The symbols face every chain ends with: bullets, check boxes, arrows, math operators
#: and the like that office files use and the CJK faces lack (decision 0001). A word
#: processor is told to set them in DejaVu Sans, the face it is a subset of.
SYMBOLS = FONTS / "lld-symbols.ttf"
SYMBOLS_DOCX_FACE = "DejaVu Sans"

# Characters printed as spacing only (every Unicode space; zero-width characters an
# older issue file may hold): they need no glyph.
_INVISIBLE = {" ", "\u3000", "\n", "\t", *SPACES, *INVISIBLE}


@dataclass(eq=False)
class Face:
    """One embeddable TrueType font, known to the box tree as ``name``. Its metrics are
    read on first use, so a face the issue never asks for is never parsed."""

    name: str
    path: Path
    member: int = 0
    office: bool = False
    cache: MetricsCache | None = field(default=None, repr=False)
    _metrics: Metrics | None = field(default=None, repr=False)

    @property
    def metrics(self) -> Metrics:
        return self._metrics or self._load()

    def _load(self) -> Metrics:
        m = self._metrics = (self.cache or cache_for(None)).get(self.path, self.member)
        return m

    @property
    def loaded(self) -> bool:
        return self._metrics is not None

    def has(self, ch: str) -> bool:
        return ord(ch) in (self._metrics or self._load()).cmap

    def advance(self, ch: str) -> float:
        """Advance width as a fraction of the em."""
        m = self._metrics or self._load()
        return m.widths.get(ord(ch), m.default_width) / 1000.0

    def string_width(self, text: str, size: float) -> float:
        m = self.metrics
        w, d = m.widths, m.default_width
        return sum(w.get(ord(ch), d) for ch in text) * size / 1000.0


# Faces by the name glyph runs carry, as reportlab's font registry had them: painters
# find a run's face without being handed the font set.
_NAMED: dict[str, Face] = {}


def face_named(name: str, path: str | None = None) -> Face:
    """The face a glyph run names; one not seen in this process is opened from ``path``."""
    face = _NAMED.get(name)
    if face is None:
        if path is None:
            raise KeyError(name)
        face = _NAMED[name] = Face(name=name, path=Path(path))
    return face


class FontSet:
    """The faces a template asks for, as found on this machine."""

    def __init__(
        self, template: Template, system_fonts: bool | None = None, cache: Path | None = None
    ) -> None:
        self.template = template
        if system_fonts is None:
            system_fonts = os.environ.get("LIANLUO_DESK_SYSTEM_FONTS", "1") != "0"
        installed = sysfonts.index(cache) if system_fonts and self._wants_office() else {}
        # parsed metrics live beside the system font index, in the library's cache folder
        metrics = cache_for(cache.parent / "font-metrics" if cache else None)
        self.chains: dict[str, list[Face]] = {}
        shipped: dict[str, Face] = {}
        for role, spec in template.faces.items():
            path = FONTS / spec["shipped"]
            if not path.exists():
                raise UserError("font.shipped_missing", where=path)
            shipped[role] = Face(name=f"LLD-{path.stem}", path=path, cache=metrics)
        symbols = Face(name=f"LLD-{SYMBOLS.stem}", path=SYMBOLS, cache=metrics)
        if not SYMBOLS.exists():
            raise UserError("font.shipped_missing", where=SYMBOLS)
        for role, spec in template.faces.items():
            chain: list[Face] = []
            for fam in spec.get("office", []):
                if fam in installed:
                    p, member = installed[fam]
                    chain.append(
                        Face(
                            name=f"OFF-{role}-{Path(p).stem}-{member}",
                            path=Path(p),
                            member=member,
                            office=True,
                            cache=metrics,
                        )
                    )
                    break
            chain.append(shipped[role])
            if role != "fallback":
                chain.append(shipped["fallback"])
            chain.append(symbols)  # last: the faces before it keep what they have
            self.chains[role] = chain
        self.faces = {f.name: f for chain in self.chains.values() for f in chain}
        _NAMED.update(self.faces)
        self.latin = "latin" if "latin" in self.chains else None
        self._picked: dict[tuple[str, str], Face | None] = {}
        self._advances: dict[tuple[str, str], tuple[Face, float]] = {}

    def families(self) -> dict[str, str]:
        """Face name → the office family its role names first (仿宋_GB2312…): the name an
        archival format gives a face so that a reader substituting fonts picks the right
        one. The fallback face keeps its own name."""
        out: dict[str, str] = {}
        for role, chain in self.chains.items():
            office = self.template.faces[role].get("office", [])
            for face in chain[:-1] if role != "fallback" else []:
                if office:
                    out.setdefault(face.name, office[0])
        return out

    def _wants_office(self) -> bool:
        return any(spec.get("office") for spec in self.template.faces.values())

    def primary(self, role: str) -> Face:
        return self.chains[role][0]

    def pick(self, role: str, ch: str) -> Face | None:
        """The first face of the role's chain that has ``ch`` (None if none has it).
        Latin letters and digits come from the Latin face whatever the role, as the
        ascii font of a Word paragraph does. Answers are kept: the faces never change."""
        key = (role, ch)
        try:
            return self._picked[key]
        except KeyError:
            face = self._picked[key] = self._pick(role, ch)
            return face

    def pick_advance(self, role: str, ch: str) -> tuple[Face, float]:
        """The face shaping sets ``ch`` in (the role's first when none has it) and its
        advance in em, looked up once per (role, character): shaping asks for every
        character of the issue."""
        key = (role, ch)
        try:
            return self._advances[key]
        except KeyError:
            face = self.pick(role, ch) or self.primary(role)
            got = self._advances[key] = (face, face.advance(ch))
            return got

    def _pick(self, role: str, ch: str) -> Face | None:
        if (
            self.latin
            and role != self.latin
            and ord(ch) < 0x250
            and not ch.isspace()
            and not is_cjk_cell(ch)
        ):
            face = self.chains[self.latin][0]
            if face.has(ch):
                return face
        for face in self.chains[role]:
            if face.has(ch):
                return face
        return None

    def missing(self, text: str, roles: list[str] | None = None) -> dict[str, int]:
        """Characters of ``text`` that no face covers, with their counts.

        Faces already loaded are asked first, so the large fallback face is only read
        when some character is missing from the role faces.
        """
        out: dict[str, int] = {}
        wanted = roles or list(self.chains)
        faces = list(dict.fromkeys(f for r in wanted for f in self.chains[r]))
        counts = Counter(text)  # counted in C: the whole issue's text, at every layout
        for ch in _INVISIBLE:
            counts.pop(ch, None)
        order = sorted(faces, key=lambda f: not f.loaded)
        for ch, n in counts.items():
            if not any(f.has(ch) for f in order if f.loaded):
                # only now are the faces not yet read asked, the loaded ones first again
                order = sorted(faces, key=lambda f: not f.loaded)
                if not any(f.has(ch) for f in order):
                    out[ch] = n
        return out
