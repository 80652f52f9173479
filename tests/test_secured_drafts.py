"""A draft a document-security system has encrypted on the office's computers (its own
header before the Word file) is refused in one line that says so, whatever its suffix,
not as a file whose content does not match its name."""

from __future__ import annotations

import pytest

from lianluo_desk.errors import UserError
from lianluo_desk.importers import import_file

# the header such a system writes, then the enciphered Word file
SECURED = b"%TSD-Header-###%" + bytes(range(256)) * 8


@pytest.mark.parametrize("name", ["工作总结.docx", "通知.doc", "简报.wps"])
def test_secured_draft_refused_as_encrypted(tmp_path, name):
    draft = tmp_path / name
    draft.write_bytes(SECURED)
    with pytest.raises(UserError) as err:
        import_file(draft)
    line = str(err.value)
    assert str(draft) in line and "\n" not in line
    assert "加密" in line and "扩展名不符" not in line
    assert err.value.code == "draft.secured"
