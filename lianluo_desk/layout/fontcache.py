"""Parsed font metrics cached on disk, keyed by the font file's content hash.

Parsing a CJK TrueType file (cmap, hmtx, descriptor values) took about a third of a
cold export. What layout and the PDF writer need from a file is parsed once, by
reportlab's own reader so the figures are exactly the ones layout always used, and
kept in ``<library>/cache/font-metrics/<sha256>-<member>.bin``.

The content hash of a file is computed once per (path, size, mtime) and remembered in
``index.json`` beside the entries: hashing the five shipped faces (27 MB) on every start
would cost as much as parsing them. A file whose size or mtime changed is hashed again,
so an edited or replaced font never meets metrics of another. Each entry carries the
checksum (CRC-32) of its own payload; an entry that does not match it, or cannot be read, is parsed
again and rewritten. A cache that cannot be written only makes the next start slower.
"""

from __future__ import annotations

import json
import marshal
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..fsutil import atomic_write_bytes, atomic_write_text

FORMAT = 3
_MAGIC = b"LLDFM%03d" % FORMAT
_CHECK = 4  # bytes of the payload's CRC-32


@dataclass(eq=False)
class Metrics:
    """What layout and the PDF writer read from one font (a member of a collection)."""

    cmap: dict[int, int]  # code point → glyph id
    # code point → advance in 1/1000 em (reportlab's figures), only where it is not
    # ``default_width``: ask ``widths.get(cp, default_width)``. Nineteen of twenty
    # hanzi have the default, and building the dict is most of reading an entry.
    widths: dict[int, float]
    default_width: float
    ps_name: str
    units_per_em: int
    ascent: float
    descent: float
    cap_height: float
    bbox: list[float]
    italic_angle: float
    stem_v: int
    flags: int
    tables: dict[str, tuple[int, int]]  # tag → (offset in the file, length)
    num_glyphs: int
    num_hmetrics: int
    loca_long: bool

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def parse(path: Path, member: int = 0) -> Metrics:
    """Read a font file with reportlab's parser (the reference for every width)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

    try:
        f = TTFontFile(str(path), subfontIndex=member)
    except (TTFError, OSError) as exc:
        raise UserError("font.unusable", where=path, detail=exc) from None
    tables = {tag: (int(t["offset"]), int(t["length"])) for tag, t in f.table.items()}
    head = f.get_table("head")
    hhea = f.get_table("hhea")
    return Metrics(
        cmap=dict(f.charToGlyph),
        widths={
            cp: w
            for cp, w in f.charWidths.items()
            if not (w == f.defaultWidth and type(w) is type(f.defaultWidth))
        },
        default_width=f.defaultWidth,
        ps_name=f.name.decode("latin-1") if isinstance(f.name, bytes) else str(f.name),
        units_per_em=int(f.unitsPerEm),
        ascent=f.ascent,
        descent=f.descent,
        cap_height=f.capHeight,
        bbox=list(f.bbox),
        italic_angle=f.italicAngle,
        stem_v=int(f.stemV),
        flags=int(f.flags),
        tables=tables,
        num_glyphs=int(f.numGlyphs),
        num_hmetrics=int.from_bytes(hhea[34:36], "big"),
        loca_long=int.from_bytes(head[50:52], "big") == 1,
    )


def _content_hash(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


class MetricsCache:
    """Metrics of font files, from memory, then from the cache folder, then parsed."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._index: dict[str, dict] | None = None
        self._mem: dict[tuple[str, int], Metrics] = {}

    def _load_index(self) -> dict[str, dict]:
        if self._index is None:
            self._index = {}
            if self.folder is not None:
                try:
                    data = json.loads((self.folder / "index.json").read_text("utf-8"))
                    if isinstance(data, dict) and data.get("format") == FORMAT:
                        self._index = dict(data.get("files", {}))
                except (OSError, ValueError):
                    pass
        return self._index

    def file_hash(self, path: Path) -> str:
        """The content hash of ``path``, recomputed only when its size or mtime changed."""
        st = os.stat(path)
        stamp = [st.st_size, st.st_mtime_ns]
        index = self._load_index()
        entry = index.get(str(path))
        if isinstance(entry, dict) and entry.get("stamp") == stamp and entry.get("sha256"):
            return str(entry["sha256"])
        digest = _content_hash(path)
        index[str(path)] = {"stamp": stamp, "sha256": digest}
        if self.folder is not None:
            text = json.dumps({"format": FORMAT, "files": dict(sorted(index.items()))})
            target = self.folder / "index.json"
            self._write(lambda: atomic_write_text(target, text))
        return digest

    def get(self, path: Path, member: int = 0) -> Metrics:
        key = (str(path), member)
        m = self._mem.get(key)
        if m is not None:
            return m
        if self.folder is None:
            m = parse(path, member)
        else:
            try:
                digest = self.file_hash(path)
            except OSError as exc:
                raise UserError("font.unreadable", where=path, detail=exc.strerror) from None
            entry = self.folder / f"{digest}-{member}.bin"
            m = self._read(entry)
            if m is None:
                m = parse(path, member)
                payload = marshal.dumps(m.to_dict())
                blob = _MAGIC + zlib.crc32(payload).to_bytes(_CHECK, "big") + payload
                self._write(lambda: atomic_write_bytes(entry, blob))
        self._mem[key] = m
        return m

    @staticmethod
    def _read(entry: Path) -> Metrics | None:
        try:
            blob = entry.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC)
        payload = blob[head + _CHECK :]
        check = zlib.crc32(payload).to_bytes(_CHECK, "big")
        if blob[:head] != _MAGIC or check != blob[head : head + _CHECK]:
            return None
        try:
            return Metrics(**marshal.loads(payload))
        except (ValueError, EOFError, TypeError):
            return None

    def _write(self, action: Callable[[], object]) -> None:
        try:
            assert self.folder is not None
            self.folder.mkdir(parents=True, exist_ok=True)
            action()
        except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
            pass


_CACHES: dict[str, MetricsCache] = {}


def cache_for(folder: Path | None) -> MetricsCache:
    """One cache per folder and process, so a font is parsed or read once per process."""
    key = str(folder) if folder is not None else ""
    c = _CACHES.get(key)
    if c is None:
        c = _CACHES[key] = MetricsCache(folder)
    return c
