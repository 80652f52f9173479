"""A Word draft that holds only pictures (pages scanned into a .docx) is a sound office
file: it comes in as its pictures, for the editor to keep or replace, not refused."""

from __future__ import annotations

import io

import docx
from PIL import Image

from lianluo_desk.importers import ImportReport, import_file
from lianluo_desk.model.issue import BlockKind


def test_draft_of_pictures_only_comes_in_as_its_pictures(tmp_path):
    d = docx.Document()
    for shade in (200, 120):
        buf = io.BytesIO()
        Image.new("RGB", (60, 80), (shade, shade, shade)).save(buf, "PNG")
        buf.seek(0)
        d.add_picture(buf)
    src = tmp_path / "章程.docx"
    d.save(str(src))
    arts, _past = import_file(src, tmp_path / "assets", "assets", ImportReport())
    assert [b.kind for b in arts[0].blocks] == [BlockKind.IMAGE, BlockKind.IMAGE]
    assert all((tmp_path / b.path).is_file() for b in arts[0].blocks)
    assert any("只有图片" in w for w in arts[0].warnings)
