"""Automatic numbering as Word shows it, checked against the labels LibreOffice renders
for the same file: list styles, startOverride, instances that continue one list, and the
formats a Chinese office uses; heading styles give their level."""

from __future__ import annotations

import os
import subprocess

import pytest

from lianluo_desk.importers import import_file
from lianluo_desk.importers.docx_reader import read

from .lo import soffice
from .wordxml import p, write


def _abstract(aid: int, fmt: str, text: str, extra: str = "", lvl1: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{aid}">{extra}<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>{lvl1}</w:abstractNum>'
    )


LVL1 = (
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
)
NUMBERING = (
    _abstract(1, "chineseCounting", "%1、", lvl1=LVL1)
    + _abstract(2, "chineseLegalSimplified", "%1、")
    + _abstract(3, "ideographTraditional", "%1、")
    + _abstract(4, "decimalEnclosedCircleChinese", "%1")
    + _abstract(5, "decimalZero", "%1.")
    + _abstract(6, "none", "附件")
    + _abstract(7, "decimal", "%1.", '<w:numStyleLink w:val="MyList"/>')
    + _abstract(8, "decimal", "第%1条", '<w:styleLink w:val="MyList"/>')
    + "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/></w:num>'
        for n, a in ((1, 1), (2, 1), (4, 2), (5, 3), (6, 4), (7, 5), (8, 6), (9, 7), (10, 8))
    )
    + '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
)
NORMAL = (
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1">'
    '<w:name w:val="Normal"/></w:style>'
)
STYLES = (
    '<w:style w:type="numbering" w:styleId="MyList"><w:name w:val="MyList"/>'
    '<w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>' + NORMAL
)


def num(text: str, nid: int, ilvl: int = 0) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>')


def _lo_lines(docx, tmp):
    env = dict(os.environ, HOME=str(tmp), SAL_USE_VCLPLUGIN="svp")
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp / "lo"),
            str(docx),
        ],
        env=env,
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = (tmp / "lo" / f"{docx.stem}.txt").read_text("utf-8-sig")
    return ["".join(ln.split()) for ln in text.splitlines() if ln.strip()]


@pytest.mark.slow
def test_labels_as_libreoffice_renders_them(tmp_path):
    body = (
        num("总体要求", 1)
        + num("基本原则", 1, 1)
        + num("工作目标", 1, 1)
        + num("主要任务", 1)
        + p("插在中间的正文。")
        + num("保障措施", 2)  # a second instance of the same list continues
        + num("组织实施", 3)  # restarted at 5
        + num("甲方", 4)
        + num("乙方", 4)
        + num("丙方", 5)
        + num("丁方", 5)
        + num("第一项", 6)
        + num("第二项", 6)
        + num("第一节", 7)
        + num("第二节", 7)
        + num("：名单", 8)
        + num("总则", 9)  # through the list style MyList
        + num("附则", 9)
    )
    docx = write(tmp_path / "numbered.docx", body, numbering=NUMBERING, styles=STYLES)
    ours = ["".join(rp.text.split()) for rp in read(docx) if rp.text.strip()]
    lo = _lo_lines(docx, tmp_path)
    assert ours == lo
    assert ours[:4] == ["一、总体要求", "（一）基本原则", "（二）工作目标", "二、主要任务"]
    assert ours[5:7] == ["三、保障措施", "五、组织实施"]
    assert ours[7:] == [
        "壹、甲方",
        "贰、乙方",
        "甲、丙方",
        "乙、丁方",
        "①第一项",
        "②第二项",
        "01.第一节",
        "02.第二节",
        "附件：名单",
        "第1条总则",
        "第2条附则",
    ]


HEADINGS = (
    NORMAL + '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="B2"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的小标题"/>'
    '<w:basedOn w:val="B2"/></w:style>'
)


def test_heading_styles_give_their_level(tmp_path):
    body = (
        p("关于做好选举工作的报告", '<w:jc w:val="center"/>')
        + p("总体情况", '<w:pStyle w:val="H1"/>')
        + p("正文一段，说明情况。")
        + p("具体做法", '<w:pStyle w:val="B2"/>')
        + p("下一级做法", '<w:pStyle w:val="Mine"/>')
        + p("正文又一段。")
    )
    art = import_file(write(tmp_path / "h.docx", body, styles=HEADINGS))[0][0]
    got = [(b.kind.value, b.level, b.text) for b in art.blocks]
    assert got == [
        ("heading", 1, "总体情况"),
        ("paragraph", 0, "正文一段，说明情况。"),
        ("heading", 2, "具体做法"),
        ("heading", 2, "下一级做法"),
        ("paragraph", 0, "正文又一段。"),
    ]
