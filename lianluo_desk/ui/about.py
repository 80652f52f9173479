"""关于: the program's name and version, and the shipped fonts with their licences told
in Chinese (the licence files themselves, in English, lie beside the fonts)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtWidgets import QMessageBox, QWidget

NAME = "联络动态 编辑排版"
OFL = "SIL 开源字体许可 1.1"

# file, what it sets, where it comes from, its licence in a sentence
FONTS = (
    ("lld-fang.ttf", "仿宋（正文）", "CTEX 的 Fandol 仿宋", "GPL-3.0 及其字体例外"),
    ("lld-kai.ttf", "楷体", "CTEX 的 Fandol 楷体", "GPL-3.0 及其字体例外"),
    (
        "lld-hei.ttf",
        "黑体",
        "Adobe 与 Google 的思源黑体（Noto Sans CJK SC）",
        "SIL 开源字体许可 1.1",
    ),
    (
        "lld-biaosong.ttf",
        "小标宋（标题）",
        "Adobe 与 Google 的思源宋体粗体（Noto Serif CJK SC Bold）",
        OFL,
    ),
    ("lld-fallback.ttf", "生僻字", "思源宋体（Noto Serif CJK SC）", OFL),
    (
        "lld-latin.ttf",
        "西文字母与数字",
        "Red Hat 的 Liberation Serif",
        "SIL 开源字体许可 1.1（保留字体名“Liberation”）",
    ),
)


def program_version() -> str:
    try:
        return version("lianluo-desk")
    except PackageNotFoundError:
        return "未知"


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{role}</td><td>{source}</td><td>{licence}</td></tr>"
        for _file, role, source, licence in FONTS
    )
    return (
        f"<h3>{NAME}</h3><p>版本 {program_version()}</p>"
        "<p>按 GB/T 9704 版式编排《联络动态》，导出 PDF 与 Word 文档。</p>"
        "<p><b>随附字体及其许可</b></p>"
        "<table cellspacing='0' cellpadding='3' border='1'>"
        "<tr><th>用途</th><th>来源</th><th>许可</th></tr>"
        f"{rows}</table>"
        "<p>所有字体都经过转换和取子集，并改用以“LLD”开头的字体名，不会顶替系统中的原字体。"
        "GPL 的字体例外允许文档嵌入 Fandol 字体而文档本身不受 GPL 约束；"
        "SIL 开源字体许可允许以新名称再发布修改后的字体。"
        "许可全文（英文）随字体一起存放在程序的 resources/fonts/ 文件夹中。</p>"
        "<p><b>标题断行词表</b>：取自 jieba 0.42.1 词典（MIT 许可），见 resources/lexicon/。</p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, f"关于 {NAME}", about_html())
