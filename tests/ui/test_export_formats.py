"""The export dialog offers the archival formats: choosing PDF/A-2b or OFD as the file type
writes that format."""

import zipfile

import page
import pytest

from lianluo_desk.ui.window_dialogs import OFD_FILTER, PDFA_FILTER


@pytest.mark.parametrize("chosen", [PDFA_FILTER, OFD_FILTER])
def test_export_dialog_writes_the_chosen_format(qtbot, window, tmp_path, monkeypatch, chosen):
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(
        "lianluo_desk.ui.main_window.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(target), chosen),
    )
    jobs = []
    real = window.ctl.export
    monkeypatch.setattr(window.ctl, "export", lambda *a, **k: jobs.append(real(*a, **k)))
    window.export_dialog("pdf")
    assert len(jobs) == 1
    with qtbot.waitSignal(jobs[0].signals.done, timeout=60000):
        pass
    if chosen == OFD_FILTER:
        assert not target.exists()
        with zipfile.ZipFile(tmp_path / "out.ofd") as z:
            assert "OFD.xml" in z.namelist()
            assert sum(n.endswith("Content.xml") for n in z.namelist()) == len(window.doc.pages)
    else:
        assert page.validate_pdf(target, profile="2b").is_compliant
