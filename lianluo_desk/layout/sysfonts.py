"""Installed office fonts (仿宋_GB2312, 方正小标宋简体, …) found by family name.

Only TrueType-outline files are indexed: reportlab cannot embed CFF outlines, and a font
that cannot be embedded must not be chosen. The index is cached per font file (path,
size, mtime) so a cold export does not reopen every system font.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import places
from ..fsutil import atomic_write_text


def font_dirs() -> list[Path]:
    """This platform's system and user font folders (``places.font_dirs``)."""
    return [Path(p) for p in places.font_dirs(*places.here())]


def _truetype_outlines(path: Path) -> bool:
    """Cheap look at the header: TrueType outlines (embeddable by reportlab) or CFF."""
    import struct

    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            if head[:4] == b"ttcf":
                (offset,) = struct.unpack(">I", head[12:16])
                fh.seek(offset)
                head = fh.read(4)
    except OSError:
        return False
    return head[:4] in (b"\x00\x01\x00\x00", b"true")


def _families(path: Path) -> list[tuple[int, list[str]]]:
    """(member index, family names) of each TrueType-outline member of a font file."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    if not _truetype_outlines(path):
        return []
    try:
        if path.suffix.lower() == ".ttc":
            fonts = TTCollection(path, lazy=True).fonts
        else:
            fonts = [TTFont(path, lazy=True)]
    except (TTLibError, OSError, ValueError, AssertionError, KeyError):
        return []
    out = []
    for i, font in enumerate(fonts):
        try:
            if "glyf" not in font or "name" not in font:
                continue
            names = {
                str(n.toUnicode()).strip() for n in font["name"].names if n.nameID in (1, 4, 16)
            }
        except Exception:  # noqa: BLE001 - a broken system font is skipped, not fatal
            continue
        out.append((i, sorted(n for n in names if n)))
    return out


def index(cache: Path | None) -> dict[str, tuple[str, int]]:
    """Family name → (file, member index) over the platform's font folders."""
    old: dict[str, dict] = {}
    if cache and cache.exists():
        try:
            old = json.loads(cache.read_text("utf-8")).get("files", {})
        except (OSError, ValueError):
            old = {}
    files: dict[str, dict] = {}
    for d in font_dirs():
        if not d.is_dir():
            continue
        for root, _dirs, names in os.walk(d):
            for n in names:
                if not n.lower().endswith((".ttf", ".ttc")):
                    continue
                p = os.path.join(root, n)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                key = f"{st.st_size}:{int(st.st_mtime)}"
                entry = old.get(p)
                if not entry or entry.get("key") != key:
                    entry = {"key": key, "members": _families(Path(p))}
                files[p] = entry
    if cache and files != old:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(cache, json.dumps({"files": files}, ensure_ascii=False))
        except Exception:  # noqa: BLE001 - a cache that cannot be written is only slower
            pass
    result: dict[str, tuple[str, int]] = {}
    for p, entry in sorted(files.items()):
        for member, fams in entry["members"]:
            for fam in fams:
                result.setdefault(fam, (p, member))
    return result
