"""The window's messages: Chinese, naming the window's menus instead of commands."""

MESSAGES: dict[str, str] = {
    # files
    "fs.is_folder": "{where}：是文件夹，不是文件名",
    "fs.no_folder": "{where}：文件夹 {folder} 不存在",
    "fs.cannot_write_here": "{where}：不能写在这里（{detail}）",
    "fs.cannot_write": "{where}：无法写入（{detail}）",
    "fs.cannot_read": "{where}：无法读取（{detail}）",
    # the issue file
    "issue.missing": "{where}：刊物文件不存在",
    "issue.not_ours": "{where}：不是本程序的刊物文件",
    "issue.damaged": "{where}：刊物文件已损坏",
    "issue.unreadable": "{where}：不是可读的刊物文件（文件不完整或已损坏）",
    "issue.read_only": "{where}：已发布（第{revision}版），只读；如需修改，请用 文件 → 更正",
    "issue.not_published": "{where}：尚未发布，无需更正",
    "issue.proof_errors": "{where}：校对有 {count} 个错误，请先在 校对 中处理",
    # pictures
    "image.unreadable": "{where}：图片无法读取（{detail}）",
    "image.missing": "{where}：图片缺失或无法读取（{detail}）",
    "image.no_folder": "{where}：无法建立图片文件夹（{detail}）",
    # the archive
    "archive.cannot_open": "{where}：无法打开档案（{detail}）",
    "archive.damaged": "{where}：档案已损坏或不是档案（{detail}）",
    "archive.cannot_back_up": "{where}：未能备份档案（{detail}）",
    "archive.no_sound_backup": "{where}：没有可用于恢复的完好档案备份",
    "archive.absent": "{where}：没有档案",
    "archive.unopenable": "{where}：无法打开（{detail}）",
    "archive.db_damaged": "{where}：数据库已损坏（{detail}）",
    "archive.no_tables": "{where}：不是档案（缺少数据表）",
    "archive.index_damaged": "{where}：全文索引已损坏（{detail}）",
    "archive.no_issue": "档案中没有编号 {id} 的一期",
    "archive.not_archived": "本期不在档案中：请先发布",
    "archive.no_revision": "本期没有第{revision}版（共 {last} 版）",
    "archive.no_preset": "没有名为“{name}”的分送预设；可用：{known}",
    "archive.not_bulletin": "{where}：不是本刊的一期",
    "archive.not_printed": "{where}：不是往期刊物（首页没有“第N期”和日期）",
    # numbering
    "numbers.number_used": "档案中已有{year}年第{number}期（{date}）",
    "numbers.cumulative_used": "总第{cumulative}期已被{year}年第{number}期使用",
    "numbers.duplicate": "期号重复：{clash}",
    "numbers.refused": "{where}：{warning}",
    # settings (set KEY=VALUE, the masthead and 版记 fields)
    "set.unknown_key": "不能设置“{pair}”；可设置：{keys}",
    "set.not_a_number": "{key} 须为不小于 1 的整数，而不是“{value}”",
    "set.not_a_date": "日期须为 年-月-日（YYYY-MM-DD），而不是“{value}”",
    "set.empty_editor": "责任编辑中有空名字：“{value}”",
    "set.not_yes_no": "增刊须为“是”或“否”，而不是“{value}”",
    # more of the archive
    "archive.sound_not_restored": "{where}：档案完好，未恢复",
    "archive.sound_not_rebuilt": "{where}：档案完好，未重建",
    "archive.cannot_keep_past": "{where}：无法保存往期文件（{detail}）",
    "archive.not_presets": "{where}：不是分送预设文件（{detail}）",
    # the reviewer's DOCX
    "review.unreadable": "{where}：不是可读的 Word 文档（{detail}）",
    "review.no_change": "没有编号为 {number} 的修改（见列表）",
    # drafts
    "draft.missing": "{where}：文件不存在",
    "draft.is_folder": "{where}：是文件夹，不是稿件",
    "draft.empty": "{where}：文件是空的",
    "draft.no_text": "{where}：稿件里没有文字",
    "issue.newer": "{where}：刊物文件由更新版本的程序写成，请先更新本程序",
    # drafts in, by kind
    "draft.too_large": "{where}：文件太大（{mb:.0f} MB），不像是一篇稿件",
    "draft.nothing_readable": "{where}：稿件里既没有文字，也没有能读取的图片",
    "draft.scans_only": (
        "文稿只有图片、没有文字（扫描件？）：图片已收入；要排文字，请向作者要原稿或先做文字识别"
    ),
    "draft.is_image": "{where}：是 {format} 图片，不是文稿文件",
    "draft.is_program": "{where}：是程序文件，不是文稿文件",
    "draft.is_archive": "{where}：是 {format} 压缩包，不是文稿文件",
    "draft.wrong_content": "{where}：文件内容与扩展名不符，既不是 {kind} 文件，也不是纯文本",
    "draft.unknown_type": (
        "{where}：不支持的文件类型“{suffix}”；可导入 .docx .doc .wps .rtf .odt .pdf .txt .md"
    ),
    "draft.zip_bomb": "{where}：已拒绝，解压后达 {mb:.0f} MB",
    "draft.doctype": "{where}：已拒绝，文档声明了 XML 实体（<!DOCTYPE>），Word 不会这样写",
    "draft.encrypted": "{where}：文档已加密，请先去掉密码",
    "draft.secured": "{where}：文档被加密软件加密，请在写它的电脑上另存一份未加密的副本",
    "draft.not_docx": "{where}：不是 Word .docx 文档（缺少 word/document.xml）",
    "draft.mht_without_page": "{where}：网页存档（MHT）里没有网页，请另存为 .docx",
    "draft.damaged_docx": "{where}：文件已损坏，无法读取（{detail}）",
    "draft.no_body": "文档部分没有正文",
    "draft.pdf_no_text": (
        "{where}：PDF 里没有可读取的文字（扫描件？），请向作者要 Word 原稿或先做文字识别"
    ),
    "draft.pdf_too_long": "{where}：共 {pages} 页，太长，不像是一篇稿件",
    "draft.pdf_encrypted": "{where}：PDF 已加密，请先去掉密码",
    "draft.pdf_damaged": "{where}：PDF 已损坏（{detail}）",
    "draft.pdf_unreadable": "{where}：无法读取这个 PDF（{detail}）",
    "draft.unknown_encoding": "{where}：无法判断文字编码（既不是 UTF-8，也不是 GB18030）",
    "draft.binary": "{where}：是二进制文件，不是文本稿件",
    "draft.image_unreadable": "{where}：图片 {image} 无法读取（{detail}）",
    "draft.no_masthead": "{where}：开头没有找到报头（第N期、日期）",
}
