"""Messages of the shared code, as the app shows them: in Chinese, without the command
line's commands. The service, archive and model speak to the command line too (Chinese
or English there, often both, with the command to run); the window says the same thing
in Chinese and names its own menus instead."""

from __future__ import annotations

import re

# English messages of the shared code the window can meet → Chinese (\1… keep the parts)
_ENGLISH = [
    (
        r"(\d+) proofing errors; run 'lianluo-desk check[^']*'",
        r"校对有 \1 个错误，请先在 校对 中处理",
    ),
    (r"\s*start a correction with 'lianluo-desk revise'", "如需修改，请用 文件 → 更正"),
    (r"'lianluo-desk archive restore'", "档案 → 检查档案"),
    (r"'lianluo-desk [^']*'", "相应菜单"),
    (r"cannot back up the archive before (\S+) \((.*)\)", r"未能备份档案（\2）"),
    (r"no sound backup of the archive to restore", "没有可用于恢复的完好档案备份"),
    (r"not an issue of the bulletin", "不是本刊的一期"),
    (r"not a printed issue \(no 第N期 and date on top\)", "不是往期刊物（首页没有“第N期”和日期）"),
    (r"no distribution preset '([^']*)'; presets: (.*)", r"没有名为“\1”的分送预设；可用：\2"),
    (r"this issue is not in the archive: publish it before comparing", "本期不在档案中：请先发布"),
    (r"no revision (\d+) of this issue \(it has 1…(\d+)\)", r"本期没有第\1版（共 \2 版）"),
    (r"not published, nothing to revise", "尚未发布，无需更正"),
    (r"cannot open the archive \((.*)\)", r"无法打开档案（\1）"),
    (r"archive damaged or not an archive \((.*)\)", r"档案已损坏或不是档案（\1）"),
    (r"no issue (\d+) in the archive", r"档案中没有编号 \1 的一期"),
    (r"folder (.+) does not exist", r"文件夹 \1 不存在"),
    (r"not a lianluo-desk issue file", "不是本程序的刊物文件"),
    (r"damaged issue file \((.*)\)", "刊物文件已损坏"),
    (
        r"issue file schema \S+ is newer than this program supports \(\d+\); update lianluo-desk",
        "刊物文件由更新版本的程序写成，请先更新本程序",
    ),
    (r"no such issue file", "刊物文件不存在"),
    (r"cannot read \((.*)\)", r"无法读取（\1）"),
    (r"not a readable issue file \((.*)\)", "不是可读的刊物文件（文件不完整或已损坏）"),
    (r"no such file$", "文件不存在"),
    (r"empty file$", "文件是空的"),
    (r"is a folder, not a draft", "是文件夹，不是稿件"),
    (r"the draft has no text", "稿件里没有文字"),
    (r"is a folder, not a file name", "是文件夹，不是文件名"),
    (r"cannot write here \((.*)\)", r"不能写在这里（\1）"),
    (r"cannot write \((.*)\)", r"无法写入（\1）"),
    (r"image cannot be read \((.*)\)", r"图片无法读取（\1）"),
    (r"cannot create the images folder \((.*)\)", r"无法建立图片文件夹（\1）"),
    (r"image missing or unreadable \((.*)\)", r"图片缺失或无法读取（\1）"),
    (r"no archive", "没有档案"),
    (r"cannot be opened \((.*)\)", r"无法打开（\1）"),
    (r"database damaged \((.*)\)", r"数据库已损坏（\1）"),
    (r"not an archive \(tables missing\)", "不是档案（缺少数据表）"),
    (r"full-text index damaged \((.*)\)", r"全文索引已损坏（\1）"),
    (r"cumulative number (\d+) already used by (\S+)", r"总第\1期已被\2使用"),
    (r"(\d+年第\d+期) already in the archive \(dated ([\d-]+)\)", r"档案中已有\1（\2）"),
    (r"published \(revision (\d+)\) and read-only;", r"已发布（第\1版），只读；"),
]
_ENGLISH_RE = [(re.compile(p), r) for p, r in _ENGLISH]
# a parenthesised English gloss after Chinese text: "期号不连续：… (gap)"
_GLOSS = re.compile(r"\s*[(（](?=[^()（）]*[A-Za-z])[^()（）\u3400-\u9fff]*[)）]")
# a Chinese gloss after the English words it translates: "… (已发布，只读)"
_CN_GLOSS = re.compile(r"\s*\(([^()]*[\u3400-\u9fff][^()]*)\)\s*$")


def for_app(text: str) -> str:
    """``text`` as the window shows it: Chinese, no command-line commands."""
    out = text
    for pattern, repl in _ENGLISH_RE:
        out = pattern.sub(repl, out)
    while True:  # glosses and details in English go, nested ones too
        shorter = _GLOSS.sub("", out)
        if shorter == out:
            break
        out = shorter
    cn = _CN_GLOSS.search(out)
    if cn:
        head = out[: cn.start()]
        if _has_english(head):  # English words with their Chinese: the Chinese
            where, sep, _body = head.partition(": ")
            out = (where + "：" if sep and _is_path(where) else "") + cn.group(1)
        else:  # a Chinese gloss of what is already said in Chinese
            out = head
    return out.replace(": ", "：")


def _is_path(s: str) -> bool:
    return "/" in s or "\\" in s or s.endswith((".json", ".pdf", ".docx", ".sqlite3"))


def _has_english(s: str) -> bool:
    """Words of English left outside file names (PDF, Word, DOCX are the user's words)."""
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\S*[/\\.]\S*", "", s))
    return any(w not in ("PDF", "Word", "DOCX", "WPS", "Tab") for w in words)
