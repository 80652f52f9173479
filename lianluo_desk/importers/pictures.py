"""A draft's pictures placed: every format Word and WPS store. Raster pictures are
normalised and stored (``images``); Windows metafiles (WMF, EMF: clip art, MathType
equations) are drawn as PNG by LibreOffice, all of a draft's in one run (``convert``).
A picture that cannot be read or drawn is left out with one named line in the report,
never the whole draft refused."""

from __future__ import annotations

from pathlib import Path

from ..catalogue import say
from ..errors import UserError
from ..model.issue import Article, BlockKind
from .report import ImportReport

# pixels an inch a metafile is drawn at: the layout shows a picture's pixels at the
# template's image_dpi (150), so the drawing keeps the size the draft gives it
METAFILE_DPI = 150


def place(
    arts: list[Article], p: Path, assets: Path | None, assets_ref: str, report: ImportReport
) -> None:
    """Store each picture block's bytes under ``assets`` (only check them without one)
    and point the block at the file; drop the blocks of pictures that cannot be had."""
    from ..images import metafile, normalise, save

    blocks = [b for art in arts for b in art.blocks if b.data]
    vectors = [(b, m) for b in blocks if (m := metafile(b.data)) is not None]
    if vectors:
        from ..convert import metafiles_to_png

        drawn = metafiles_to_png(p, [m for _b, m in vectors], METAFILE_DPI)
        if isinstance(drawn, str):
            report.leave_out(say("report.metafiles", reason=drawn), len(vectors))
            for b, _m in vectors:
                b.data = b""
        else:
            for (b, _m), png in zip(vectors, drawn, strict=True):
                b.data = png
    unreadable = 0
    for b in blocks:
        if not b.data:
            continue
        try:
            encoded, ext, _size = normalise(b.data, str(p))
        except UserError:
            unreadable += 1
            b.data = b""
            continue
        if assets is None:  # only checked
            continue
        name = save(encoded, ext, assets)
        b.path = f"{assets_ref}/{name}" if assets_ref else name
        b.data = b""
    if unreadable:
        report.leave_out("report.unreadable_pictures", unreadable)
    for art in arts:  # a picture left out leaves no empty block; its caption stays text
        kept = []
        for b in art.blocks:
            if b.kind is BlockKind.IMAGE and not b.path and not b.data:
                if b.caption:
                    b.kind, b.text, b.caption = BlockKind.PARAGRAPH, b.caption, ""
                    kept.append(b)
                continue
            kept.append(b)
        art.blocks = kept
