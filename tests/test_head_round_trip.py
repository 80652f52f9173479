"""A recognised head and 落款 survive the store, our DOCX read back, and review
unchanged: title lines, the document number under the title, the author's and the
落款's lines as bylines."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from lianluo_desk import review as rv
from lianluo_desk.export.docx import render_docx
from lianluo_desk.importers import import_draft
from lianluo_desk.model.issue import BlockKind
from lianluo_desk.model.store import issue_from_dict, issue_to_dict
from lianluo_desk.service import new_issue

from .conftest import FROZEN
from .test_heads import BODY, draft


def test_head_and_signoff_round_trip(template, tmp_path):
    src = draft(
        tmp_path / "红头.docx",
        [
            ("湖南省某某大学文件", "cbH"),
            ("湘大发〔2018〕14号", "c"),
            ("湖南省某某大学关于做好", "cbL"),
            ("2018年招生宣传工作的通知", "cbL"),
            (BODY, ""),
            ("湖南省某某大学招生办公室", "r"),
            ("2018年3月5日", "r"),
        ],
    )
    issue = new_issue(template, FROZEN, 16, 667)
    issue.articles.append(import_draft(src))
    art = issue.articles[0]
    assert art.title == ["湖南省某某大学关于做好", "2018年招生宣传工作的通知"]
    assert [b.kind for b in art.blocks] == [BlockKind.PARAGRAPH, BlockKind.BYLINE, BlockKind.BYLINE]
    assert issue_from_dict(issue_to_dict(issue)) == issue
    data = render_docx(issue, template)
    out = tmp_path / "ours.docx"
    out.write_bytes(data)
    back = import_draft(out)
    assert (back.title, back.subtitle, back.blocks) == (art.title, art.subtitle, art.blocks)
    paras = rv.load(data, issue)
    assert rv.compare(issue, paras, rv.read(data)) == []
    # the 落款 is set right-aligned in our DOCX
    d = docx.Document(io.BytesIO(data))
    right = [p.text for p in d.paragraphs if p.style.name == "署名"]
    assert right == ["湖南省某某大学招生办公室", "2018年3月5日"]
    style = d.styles["署名"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
