"""Where an issue's pictures may be: only inside its own assets folder.

An issue file can come from anywhere (a colleague, a mail); its image blocks name files
by path. Were any path taken as it stands, an absolute path, a ``..`` or a symbolic link
would embed any picture of the reader's disk in the PDF. A block's path is therefore a
relative ``FOLDER/…`` whose first part is the issue's assets folder (``NAME.assets`` as
the command line makes it, ``assets`` for an untitled issue of the app), and it must
still lie inside that folder once symbolic links are followed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import UserError
from .issue import BlockKind, Issue

ASSETS_SUFFIX = ".assets"
UNTITLED_ASSETS = "assets"


def _is_assets_folder(name: str) -> bool:
    return name == UNTITLED_ASSETS or (
        name.endswith(ASSETS_SUFFIX) and len(name) > len(ASSETS_SUFFIX)
    )


def asset_path(base: Path, ref: str, where: str = "") -> Path:
    """The file an image block's ``ref`` names, beside the issue in ``base``; a
    ``UserError`` when it leads out of the issue's assets folder."""
    shown = " ".join(ref.split())[:120]
    if where:
        refused = UserError("image.outside_in", where=where, ref=shown)
    else:
        refused = UserError("image.outside", ref=shown)
    posix, windows = PurePosixPath(ref), PureWindowsPath(ref)
    parts = posix.parts
    if (
        not ref
        or posix.is_absolute()
        or windows.is_absolute()
        or windows.drive
        or "\\" in ref
        or ".." in parts
        or len(parts) < 2
        or not _is_assets_folder(parts[0])
    ):
        raise refused
    folder = Path(os.path.realpath(base / parts[0]))
    target = Path(os.path.realpath(base.joinpath(*parts)))
    if folder != Path(os.path.realpath(base)) / parts[0] or folder not in target.parents:
        raise refused
    return base.joinpath(*parts)


def image_refs(issue: Issue) -> Iterator[str]:
    for art in issue.articles:
        for b in art.blocks:
            if b.kind is BlockKind.IMAGE and b.path:
                yield b.path


def check_images(issue: Issue, base: Path, where: str = "") -> None:
    """Refuse an issue one of whose pictures lies outside its assets folder."""
    for ref in image_refs(issue):
        asset_path(base, ref, where)
