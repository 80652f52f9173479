"""The app names, when a draft is added, each character no face prints with its place,
lists it in 校对 once (with its fix, not again without a place), and fixes it."""

from lianluo_desk import proof


def test_import_names_unprintable_character_and_proof_lists_it_once(qtbot, window, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于符号的说明")
    d.add_paragraph("正文有一个无法显示的字\ue000和一个打勾✅。")
    d.add_paragraph("另有要点• 与☑，都能显示。")
    d.save(str(tmp_path / "符号.docx"))
    w = window
    seen: list[str] = []
    w.ctl.message.connect(lambda text, *_: seen.append(text))
    w.ctl.failed.connect(seen.append)
    n, failed = w.import_files([tmp_path / "符号.docx"])
    assert n == 1 and not failed
    art = len(w.issue.articles)
    note = next(m for m in seen if "U+E000" in m)
    assert f"第{art}篇 第1段" in note and "U+2705" in note and "☑" in note
    w.proof.fill(recheck=True)
    rows = w.proof.proof_list
    labels = [rows.topLevelItem(i).text(1) for i in range(rows.topLevelItemCount())]
    assert labels.count("没有字体能显示的字符") == 2 and "没有字体能显示" not in labels
    flagged = [f for f in w.ctl.findings if f.rule == "glyph"]
    assert [(f.text, f.fix) for f in flagged] == [("\ue000", ""), ("✅", "☑")]
    assert flagged[0].where().startswith(f"第{art}篇 第1段")
    proof.fix(w.issue, ["glyph"])
    assert w.issue.articles[-1].blocks[0].text == "正文有一个无法显示的字和一个打勾☑。"
