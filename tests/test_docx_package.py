"""The DOCX package as Word 2013+ writes it: no 兼容模式, Chinese theme language, the
issue's own properties, none of the blank template's leftovers."""

import io
import re
import zipfile

from lianluo_desk.export.docx import render_docx
from lianluo_desk.model.store import load_issue
from lianluo_desk.service import SAMPLE_ISSUE


def _package(composer, template):
    issue = load_issue(SAMPLE_ISSUE)
    doc = composer.compose(issue)
    data = render_docx(issue, template, doc)
    return issue, doc, data, zipfile.ZipFile(io.BytesIO(data))


def test_word_2013_settings(composer, template):
    _issue, _doc, _data, z = _package(composer, template)
    settings = z.read("word/settings.xml").decode()
    mode = re.search(r'w:name="compatibilityMode"[^>]*w:val="(\d+)"', settings)
    assert mode is not None and mode.group(1) == "15"
    lang = re.search(r"<w:themeFontLang [^>]*>", settings)
    assert lang is not None and 'w:eastAsia="zh-CN"' in lang.group(0)


def test_properties_from_the_issue(composer, template):
    issue, doc, data, z = _package(composer, template)
    names = z.namelist()
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]
    assert "thumbnail" not in z.read("_rels/.rels").decode()
    core = z.read("docProps/core.xml").decode()
    app = z.read("docProps/app.xml").decode()
    assert "python-docx" not in core + app
    assert f"<dc:creator>{template.publication['short_issuer']}</dc:creator>" in core
    m = issue.masthead
    assert f"<dc:title>联络动态{m.date.year}年第{m.number}期：" in core
    stamp = m.date.isoformat() + "T00:00:00Z"
    assert core.count(stamp) == 2  # created and modified: the issue's date
    assert "<AppVersion>15.0000</AppVersion>" in app
    assert f"<Pages>{len(doc.pages)}</Pages>" in app
    assert render_docx(issue, template, doc) == data  # deterministic


def test_same_bytes_whenever_written(composer, template, monkeypatch):
    """Zip members carry the issue's date, not the time of writing."""
    import time as _time

    issue, doc, data, z = _package(composer, template)
    m = issue.masthead.date
    assert {i.date_time[:3] for i in z.infolist()} == {(m.year, m.month, m.day)}
    later = _time.time() + 3600
    monkeypatch.setattr(_time, "time", lambda: later)
    monkeypatch.setattr(_time, "localtime", lambda t=None: _time.gmtime(later))
    assert render_docx(issue, template, doc) == data
