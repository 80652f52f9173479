"""The command line as users run it: one clear line per error, nothing half-written."""

import io
import json
import zipfile

import pytest

from .conftest import DATA, cli


def _no_traceback(r):
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


@pytest.mark.slow
def test_demo_writes_pdf_and_docx(tmp_path):
    r = cli("demo", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    pdfs = list((tmp_path / "out").glob("*.pdf"))
    docxs = list((tmp_path / "out").glob("*.docx"))
    assert len(pdfs) == 1 and len(docxs) == 1
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(docxs[0])


@pytest.mark.slow
def test_new_add_export(tmp_path):
    issue = tmp_path / "issue.json"
    r = cli("new", str(issue), "--date", "2022-08-15", "--number", "16", "--cumulative", "667")
    assert r.returncode == 0, r.stderr
    for shown in ("第16期", "（总第六百六十七期）", "2022年8月15日"):
        assert shown in r.stdout
    data = json.loads(issue.read_text("utf-8"))
    assert data["footer"]["approval"] == "湘党简准字〔2000〕第28号"
    assert len(data["footer"]["distribution"]) == 4
    r = cli(
        "add",
        str(issue),
        str(DATA / "2018-no01-annual-summary.docx"),
        str(DATA / "2022-no07-training.docx"),
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(issue.read_text("utf-8"))
    assert [a["title"][0][:6] for a in data["articles"]] == ["湖南省人大常", "深学细悟笃行"]
    assert data["articles"][0]["note"].startswith("编者按")
    pdf, docx = tmp_path / "a.pdf", tmp_path / "a.docx"
    r = cli("export", str(issue), "--pdf", str(pdf), "--docx", str(docx))
    assert r.returncode == 0, r.stderr
    assert pdf.stat().st_size > 10000 and docx.stat().st_size > 5000


def test_gb18030_text_draft(tmp_path):
    issue = tmp_path / "i.json"
    cli("new", str(issue), "--date", "2022-08-15")
    txt = tmp_path / "draft.txt"
    text = (
        "关于代表工作的报告\n\n　　今年以来，各级人大常委会认真做好代表工作。\n\n（办公室 张三）\n"
    )
    txt.write_bytes(text.encode("gb18030"))
    r = cli("add", str(issue), str(txt))
    assert r.returncode == 0, r.stderr
    art = json.loads(issue.read_text("utf-8"))["articles"][0]
    assert art["title"] == ["关于代表工作的报告"]
    assert art["blocks"][-1]["kind"] == "byline"


@pytest.fixture()
def issue_file(tmp_path):
    issue = tmp_path / "issue.json"
    assert cli("new", str(issue), "--date", "2022-08-15").returncode == 0
    return issue


def _xxe(path):
    import docx

    d = docx.Document()
    d.add_paragraph("标题")
    d.add_paragraph("XXE_MARK")
    src = io.BytesIO()
    d.save(src)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                i = text.index("?>") + 2
                text = (
                    text[:i] + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "
                    '"file:///etc/passwd">]>' + text[i:]
                ).replace("XXE_MARK", "&xxe;")
                data = text.encode("utf-8")
            zout.writestr(info, data)


def _bomb(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize(
    "kind,expect",
    [
        ("missing", "no such file"),
        ("doc", ".doc"),
        ("empty", "empty"),
        ("corrupt", "damaged"),
        ("bomb", "zip bomb"),
        ("binary", "binary"),
        ("xxe", "DOCTYPE"),
    ],
)
@pytest.mark.slow
def test_bad_drafts_refused(tmp_path, issue_file, kind, expect):
    p = tmp_path / f"bad-{kind}.docx"
    if kind == "doc":
        p = tmp_path / "old.doc"
        p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    elif kind == "empty":
        p.write_bytes(b"")
    elif kind == "corrupt":
        p.write_bytes(b"PK\x03\x04 not really a zip")
    elif kind == "bomb":
        _bomb(p)
    elif kind == "xxe":
        _xxe(p)
    elif kind == "binary":
        p = tmp_path / "x.txt"
        p.write_bytes(b"\x00\x01\x02\x00" * 100)
    before = issue_file.read_bytes()
    r = cli("add", str(issue_file), str(p))
    assert r.returncode != 0
    _no_traceback(r)
    assert p.name in r.stderr and expect in r.stderr
    assert issue_file.read_bytes() == before


@pytest.mark.slow
def test_unwritable_output_and_missing_glyph(tmp_path, issue_file):
    r = cli("export", str(issue_file), "--pdf", str(tmp_path / "nope" / "a.pdf"))
    assert r.returncode != 0
    _no_traceback(r)
    assert "does not exist" in r.stderr
    data = json.loads(issue_file.read_text("utf-8"))
    data["articles"] = [
        {
            "title": ["测试"],
            "blocks": [{"kind": "paragraph", "text": "生僻字\U0002a6a5与\U0001f600"}],
        }
    ]
    issue_file.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    out = tmp_path / "a.pdf"
    r = cli("export", str(issue_file), "--pdf", str(out))
    assert r.returncode != 0
    _no_traceback(r)
    assert "U+2A6A5 CJK UNIFIED IDEOGRAPH-2A6A5" in r.stderr and "U+1F600" in r.stderr
    assert not out.exists() and not list(tmp_path.glob(".a.pdf*"))


def test_existing_issue_not_overwritten(issue_file):
    before = issue_file.read_bytes()
    r = cli("new", str(issue_file))
    assert r.returncode != 0 and "already exists" in r.stderr
    assert issue_file.read_bytes() == before


@pytest.mark.slow
def test_cli_never_imports_qt(tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "from lianluo_desk import cli, service\n"
        "from lianluo_desk.layout import engine\nfrom lianluo_desk.export import pdf, docx\n"
        "from lianluo_desk.importers import import_draft, legacy\n"
        f"raise SystemExit(cli.main(['demo', r'{tmp_path}']))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_no_display_message(tmp_path):
    r = cli("open")
    assert r.returncode != 0
    _no_traceback(r)
    assert "demo" in r.stderr


def test_any_issue_file_opens_the_app(tmp_path):
    """`lianluo-desk PATH` opens the app on an existing issue file whatever its name;
    an unknown word that is no file is still a usage error."""
    r = cli("new", str(tmp_path / "issue"), "--date", "2022-08-15")
    assert r.returncode == 0, r.stderr
    r = cli(str(tmp_path / "issue"))
    assert r.returncode == 2 and "no display" in r.stderr, r.stderr  # reached open_app
    r = cli(str(tmp_path / "nosuch"))
    assert r.returncode == 2 and "invalid choice" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.slow
def test_docx_table_text_is_kept(tmp_path, issue_file):
    import docx

    d = docx.Document()
    d.add_paragraph("表格测试稿")
    d.add_paragraph("正文第一段。")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "单元格甲"
    t.cell(1, 1).text = "单元格乙"
    d.add_paragraph("正文最后一段。")
    p = tmp_path / "table.docx"
    d.save(p)
    r = cli("add", str(issue_file), str(p))
    assert r.returncode == 0, r.stderr
    art = json.loads(issue_file.read_text("utf-8"))["articles"][0]
    kinds = [b["kind"] for b in art["blocks"]]
    assert kinds == ["paragraph", "table", "paragraph"]
    rows = art["blocks"][1]["table"]["rows"]
    cells = [[c["paras"][0]["runs"] for c in r["cells"]] for r in rows]
    assert cells[0][0][0]["text"] == "单元格甲" and cells[1][1][0]["text"] == "单元格乙"
    assert art["blocks"][2]["text"] == "正文最后一段。"


@pytest.mark.slow
def test_batch_import_goes_on_after_a_bad_draft(tmp_path, issue_file):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04broken")
    good = DATA / "2022-no07-training.docx"
    r = cli("add", str(issue_file), str(good), str(bad), str(good))
    assert r.returncode == 2
    assert "[1/3]" in r.stdout and "[3/3]" in r.stdout and "失败 1 篇" in r.stdout
    assert "bad.docx" in r.stderr and "Traceback" not in r.stderr
    assert len(json.loads(issue_file.read_text("utf-8"))["articles"]) == 2


@pytest.mark.slow
def test_outline_shows_recognised_structure(tmp_path, issue_file):
    cli("add", str(issue_file), str(DATA / "2018-no01-annual-summary.docx"))
    r = cli("outline", str(issue_file))
    assert r.returncode == 0, r.stderr
    assert "第1篇 [题] 湖南省人大常委会" in r.stdout
    assert "[副题] (2018 年 1 月)" in r.stdout
    assert "[编者按] 编者按" in r.stdout
    assert "[1级标题] 一、选举任免工作" in r.stdout


@pytest.mark.slow
def test_role_corrects_recognition(tmp_path, issue_file):
    cli("add", str(issue_file), str(DATA / "2022-no07-training.docx"))
    r = cli("role", str(issue_file), "1", "4", "heading2")
    assert r.returncode == 0, r.stderr
    blocks = json.loads(issue_file.read_text("utf-8"))["articles"][0]["blocks"]
    assert blocks[3]["kind"] == "heading" and blocks[3]["level"] == 2
    r = cli("role", str(issue_file), "1", "1", "runin3")
    blocks = json.loads(issue_file.read_text("utf-8"))["articles"][0]["blocks"]
    assert blocks[0]["runin"] == "帆得樵风送，春逢谷雨晴。"
    before = issue_file.read_bytes()
    r = cli("role", str(issue_file), "1", "99", "heading1")
    assert r.returncode == 2 and "no paragraph 99" in r.stderr
    assert issue_file.read_bytes() == before


@pytest.mark.slow
def test_past_issue_set_again_with_new_and_add(tmp_path):
    """new + add of a printed issue's text: the masthead is not turned into paragraphs,
    the print's number, date and distribution are taken over, the cuts are joined, and
    the PDF breaks its pages where the print did (read back from the PDF)."""
    import pdfplumber

    issue = tmp_path / "i.json"
    env = {"LIANLUO_DESK_LIBRARY": str(tmp_path / "lib")}
    cli("new", str(issue), env=env)
    r = cli("add", str(issue), str(DATA / "2018-no01.txt"), env=env)
    assert r.returncode == 0, r.stderr
    assert "第1期 总第545期 2018-01-31" in r.stdout
    data = json.loads(issue.read_text("utf-8"))
    assert data["masthead"]["date"] == "2018-01-31" and data["masthead"]["cumulative"] == 545
    assert len(data["footer"]["distribution"]) == 6
    art = data["articles"][0]
    assert art["subtitle"] == "（2018年1月）" and art["note"].startswith("编者按")
    texts = [b.get("text", "") for b in art["blocks"]]
    assert not any("LIANLUODONGTAI" in x or x.startswith("会代表资格") for x in texts)
    pdf = tmp_path / "i.pdf"
    assert cli("export", str(issue), "--pdf", str(pdf), env=env).returncode == 0
    with pdfplumber.open(pdf) as doc:
        pages = [p.extract_text().replace(" ", "") for p in doc.pages]
    # the print's page 2 ends with “…常务委员”, page 12 with “…组长刘伟”: ours end on the
    # same line or one line off
    for end, nxt in (("常务委员", "会代表资格"), ("组组长刘伟", "志，就加强")):
        k = next(i for i, p in enumerate(pages) if end in p.replace("\n", ""))
        body = [ln for ln in pages[k].splitlines() if not ln.startswith("—")]
        tail = "".join(body[-2:]) + "".join(pages[k + 1].splitlines()[:1])
        assert end in tail and nxt[:2] in tail, (k, body[-2:])


@pytest.mark.slow
def test_breaks_command_reports_each_cut(tmp_path):
    r = cli("breaks", str(DATA / "2018-no01.txt"), "--pdf", str(tmp_path / "b.pdf"))
    assert r.returncode == 0, r.stderr
    rows = [ln for ln in r.stdout.splitlines() if "deviation " in ln and "ours:" in ln]
    assert len(rows) == 11
    devs = [int(ln.split("deviation ")[1].split()[0]) for ln in rows]
    assert max(abs(d) for d in devs) <= 1
    assert "11/11 breaks within one line" in r.stdout
    assert (tmp_path / "b.pdf").stat().st_size > 10000
    r = cli("breaks", str(DATA / "2018-no01-annual-summary.docx"))
    assert r.returncode == 2 and "not the text of a printed issue" in r.stderr


@pytest.mark.slow
def test_batch_export_with_progress_goes_on_after_a_bad_issue(tmp_path, issue_file):
    """Several issues in one command: one PDF each, named after its issue file, a
    [k/n] line each; a broken issue is named and the others still written."""
    from pypdf import PdfReader

    second = tmp_path / "second.json"
    second.write_bytes(issue_file.read_bytes())
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    r = cli("export", str(issue_file), str(broken), str(second), "--pdf-dir", str(out))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    done = r.stdout.splitlines()
    bad = r.stderr.splitlines()
    assert len(done) == 2 and all("页" in ln for ln in done)
    assert "broken.json" in bad[0]
    assert sorted(ln[:5] for ln in done + bad[:1]) == ["[1/3]", "[2/3]", "[3/3]"]
    made = sorted(p.name for p in out.iterdir())
    assert made == [f"{issue_file.stem}.pdf", "second.pdf"]
    single = tmp_path / "single.pdf"
    assert cli("export", str(issue_file), "--pdf", str(single)).returncode == 0
    assert (out / "second.pdf").read_bytes() == single.read_bytes()  # as exported alone
    assert len(PdfReader(out / "second.pdf").pages) >= 1
    r = cli("export", str(issue_file), str(second), "--pdf", str(single))
    assert r.returncode != 0 and "--pdf-dir" in r.stderr


def test_batch_in_one_process_writes_the_bytes_of_the_workers(tmp_path, issue_file, template):
    from lianluo_desk.export.batch import export_pdfs
    from lianluo_desk.layout.fonts import FontSet

    fonts = FontSet(template, system_fonts=False)
    jobs = [(issue_file, tmp_path / f"{k}.pdf") for k in range(3)]
    assert all(not r.error for r in export_pdfs(jobs, template, fonts, jobs_at_once=2))
    forked = [p.read_bytes() for _, p in jobs]
    seen = []
    results = export_pdfs(jobs, template, fonts, jobs_at_once=1, done=seen.append)
    assert [r.index for r in seen] == [0, 1, 2] and all(r.pages >= 1 for r in results)
    assert [p.read_bytes() for _, p in jobs] == forked
