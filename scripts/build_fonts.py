"""Build the shipped fonts in resources/fonts/ from free upstream faces.

reportlab embeds TrueType outlines only, while the free CJK faces (Fandol, Noto CJK) ship
CFF outlines. This script converts them once (cubic → quadratic with cu2qu), subsets them
to the character set the bulletin needs (GB2312 for the four roles, GBK for the fallback,
Latin for the Times-metric Latin face from Debian's ``fonts-liberation2``, the symbol
blocks of office files for the symbols face from ``fonts-dejavu-core``), renames the
families so that they never shadow an installed original, and writes a manifest with
SHA-256 sums. Upstream sources come from Debian's ``texlive-lang-chinese`` (Fandol) and
``fonts-noto-cjk`` (Noto CJK). The same sources give the same bytes: each file keeps its
source's timestamps (see decision 0001).

Run: ``python scripts/build_fonts.py [--jobs N] [--only FILE…]`` (about a minute per
face); ``--check`` builds into a temporary folder and compares each file with the
manifest's SHA-256 instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
FANDOL = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
NOTO = Path("/usr/share/fonts/opentype/noto")
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

# file name, source, collection member (family name) or None, new family, charset, licence
FACES = [
    (
        "lld-fang.ttf",
        FANDOL / "FandolFang-Regular.otf",
        None,
        "LLD Fang",
        "gb2312",
        "GPL-3.0-or-later WITH Font-exception-2.0",
        "FandolFang-Regular (CTEX)",
    ),
    (
        "lld-kai.ttf",
        FANDOL / "FandolKai-Regular.otf",
        None,
        "LLD Kai",
        "gb2312",
        "GPL-3.0-or-later WITH Font-exception-2.0",
        "FandolKai-Regular (CTEX)",
    ),
    (
        "lld-hei.ttf",
        NOTO / "NotoSansCJK-Regular.ttc",
        "Noto Sans CJK SC",
        "LLD Hei",
        "gb2312",
        "OFL-1.1",
        "Noto Sans CJK SC Regular (Adobe/Google)",
    ),
    (
        "lld-biaosong.ttf",
        NOTO / "NotoSerifCJK-Bold.ttc",
        "Noto Serif CJK SC",
        "LLD Biaosong",
        "gb2312",
        "OFL-1.1",
        "Noto Serif CJK SC Bold (Adobe/Google)",
    ),
    (
        "lld-fallback.ttf",
        NOTO / "NotoSerifCJK-Regular.ttc",
        "Noto Serif CJK SC",
        "LLD Fallback",
        "gbk",
        "OFL-1.1",
        "Noto Serif CJK SC Regular (Adobe/Google)",
    ),
    (
        "lld-latin.ttf",
        LIBERATION / "LiberationSerif-Regular.ttf",
        None,
        "LLD Latin",
        "latin",
        "OFL-1.1",
        "Liberation Serif Regular 2 (Red Hat), metric-compatible with Times New Roman",
    ),
    (
        "lld-symbols.ttf",
        DEJAVU / "DejaVuSans.ttf",
        None,
        "LLD Symbols",
        "symbols",
        "Bitstream-Vera AND LicenseRef-Arev-Fonts AND public-domain",
        "DejaVu Sans 2.37 (DejaVu fonts team)",
    ),
]

# Marks and symbols the bulletin uses that GB2312 lacks or that must never fall back.
EXTRA = (
    "\u00b7\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2027\u2030\u203b\u2116\u2160-\u216b"
    "\u2460-\u2473\u2474-\u2487\u2488-\u249b\u3000-\u3003\u3008-\u3011\u3014-\u3017"
    "\u301d-\u301f\u30fb\uff01-\uff5e\uff5f\uff60\uffe0-\uffe5"
)


# Blocks of East Asian symbols that office files use (㊀ ㈠ ㎡ ❶, radicals from PDF text,
# CJK Extension A), taken from the CJK face by the fallback face with GBK.
CJK_BLOCKS = (
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2776, 0x2793),  # dingbat circled digits
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x31C0, 0x31EF),  # strokes
    (0x3200, 0x33FF),  # enclosed CJK letters and months, CJK compatibility
    (0x3400, 0x4DBF),  # CJK Extension A (GB 18030)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # compatibility forms
)

# Blocks of Western symbols that office files use (bullets, check boxes, arrows, math
# operators, geometric shapes, dingbats, Greek, Roman numerals), for the symbols face:
# the faces before it in every chain keep what they have.
SYMBOL_BLOCKS = (
    (0x0180, 0x036F),  # Latin Extended-B, IPA, spacing modifiers, combining marks
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (pinyin, Vietnamese)
    (0x2000, 0x2BFF),  # punctuation, letterlike, arrows, math, shapes, dingbats, arrows
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ from PDF text)
)


def _blocks(blocks: tuple[tuple[int, int], ...]) -> set[int]:
    return {c for a, b in blocks for c in range(a, b + 1)}


def _expand(spec: str) -> set[int]:
    out: set[int] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.update(range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.add(ord(spec[i]))
            i += 1
    return out


def charset(name: str) -> set[int]:
    """Code points of a legacy national set, plus ASCII, Latin-1 and EXTRA."""
    if name == "latin":  # Latin letters and digits only: marks stay with the CJK faces
        return set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | {0x2013, 0x20AC}
    if name == "symbols":  # whatever of these the source has (see SYMBOL_BLOCKS)
        return {0x20} | _blocks(SYMBOL_BLOCKS)
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | _expand(EXTRA)
    if name == "gbk":
        cps |= _blocks(CJK_BLOCKS)
    lead = range(0x81, 0xFF) if name == "gbk" else range(0xA1, 0xF8)
    trail = range(0x40, 0xFF) if name == "gbk" else range(0xA1, 0xFF)
    for hi in lead:
        for lo in trail:
            try:
                ch = bytes((hi, lo)).decode(name)
            except UnicodeDecodeError:
                continue
            cps.add(ord(ch))
    return cps


def open_source(path: Path, member: str | None) -> TTFont:
    if member is None:
        return TTFont(path)
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(1) == member:
            return font
    raise SystemExit(f"{path}: no member {member!r}")


FULL_WIDTH_IN_CJK = "\u2014\u2026"


def prefer_full_width(font: TTFont) -> None:
    """Map the em dash (and ellipsis) to their full-width forms, as Chinese text wants them.

    Noto CJK maps U+2014 to a proportional dash and keeps the full-width one behind the
    ``fwid`` feature; reportlab applies no OpenType features, so the cmap is changed here.
    """
    if "GSUB" not in font:
        return
    gsub = font["GSUB"].table
    mapping: dict[str, str] = {}
    for rec in gsub.FeatureList.FeatureRecord:
        if rec.FeatureTag != "fwid":
            continue
        for index in rec.Feature.LookupListIndex:
            for st in gsub.LookupList.Lookup[index].SubTable:
                mapping.update(getattr(st, "mapping", None) or {})
    hmtx = font["hmtx"]
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for ch in FULL_WIDTH_IN_CJK:
            glyph = table.cmap.get(ord(ch))
            if glyph in mapping and hmtx[mapping[glyph]][0] == font["head"].unitsPerEm:
                table.cmap[ord(ch)] = mapping[glyph]


def cff_to_glyf(font: TTFont) -> None:
    """Replace CFF outlines by TrueType quadratic ones (the fontTools otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, family: str, source: str) -> None:
    ps = family.replace(" ", "") + "-Regular"
    table = font["name"]
    keep = [n for n in table.names if n.nameID in (0, 13, 14)]
    table.names = keep
    for nid, value in (
        (1, family),
        (2, "Regular"),
        (3, f"{ps};lianluo_desk"),
        (4, family),
        (5, "Version 1.0"),
        (6, ps),
        (10, f"Subset of {source}, TrueType outlines, for lianluo_desk"),
    ):
        table.setName(value, nid, 3, 1, 0x409)
        table.setName(value, nid, 1, 0, 0)


def build(face: tuple, out_dir: Path = OUT) -> dict:
    fname, src, member, family, cs, licence, source = face
    font = open_source(src, member)
    prefer_full_width(font)
    opts = subset.Options()
    opts.layout_features = ["vert", "vrt2"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_bounds = True
    opts.drop_tables += ["VORG", "BASE", "DSIG", "vhea", "vmtx"]
    opts.hinting = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=charset(cs))
    sub.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
    rename(font, family, source)
    out = out_dir / fname
    # the source's own timestamps, not the time of the build: the same sources give the
    # same bytes, so a rebuild can be checked against the manifest
    font.recalcTimestamp = False
    font.save(out)
    data = out.read_bytes()
    check = TTFont(out)
    return {
        "file": fname,
        "family": family,
        "source": source,
        "licence": licence,
        "charset": cs,
        "glyphs": len(check.getGlyphOrder()),
        "codepoints": len(check.getBestCmap()),
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def check(faces: list[tuple], shipped: dict[str, dict], jobs: int) -> int:
    """Rebuild into a temporary folder: each file must have the manifest's SHA-256."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(build, faces, [Path(tmp)] * len(faces)))
    bad = 0
    for r in results:
        same = shipped.get(r["file"], {}).get("sha256") == r["sha256"]
        bad += not same
        print(f"{r['file']}: {'same as shipped' if same else 'DIFFERS from the manifest'}")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="*", help="file names to rebuild")
    ap.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary folder and compare with the manifest",
    )
    args = ap.parse_args()
    faces = [f for f in FACES if not args.only or f[0] in args.only]
    missing = [str(f[1]) for f in faces if not f[1].exists()]
    if missing:
        print(
            "missing sources (apt-get install texlive-lang-chinese fonts-noto-cjk "
            "fonts-liberation2 fonts-dejavu-core):",
            *missing,
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    fonts = {f["file"]: f for f in manifest.get("fonts", [])}
    if args.check:
        return check(faces, fonts, args.jobs)
    OUT.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(build, faces))
    for r in results:
        fonts[r["file"]] = r
        print(f"{r['file']}: {r['codepoints']} code points, {r['bytes'] / 1e6:.1f} MB")
    manifest = {"schema": 1, "fonts": [fonts[k] for k in sorted(fonts)]}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
