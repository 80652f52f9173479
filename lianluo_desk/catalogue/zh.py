"""The window's messages: Chinese, naming the window's menus instead of commands."""

MESSAGES: dict[str, str] = {
    # files
    "fs.about": "{where}：{reason}",
    "fs.is_folder": "{where}：是文件夹，不是文件名",
    "fs.no_folder": "{where}：文件夹 {folder} 不存在",
    "fs.cannot_write_here": "{where}：不能写在这里（{detail}）",
    "fs.cannot_write": "{where}：无法写入（{detail}）",
    "fs.cannot_read": "{where}：无法读取（{detail}）",
    # the issue file
    "issue.missing": "{where}：刊物文件不存在",
    "issue.not_ours": "{where}：不是本程序的刊物文件",
    "issue.damaged": "{where}：刊物文件已损坏（{detail}）",
    "issue.unreadable": "{where}：不是可读的刊物文件，文件不完整或已损坏（{detail}）",
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
    "archive.cannot_back_up": "{where}：未能备份档案（{reason}: {detail}）",
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
    "issue.newer": (
        "{where}：刊物文件由更新版本的程序写成（格式第{schema}版，本程序只支持到第{supported}版），"
        "请先更新本程序"
    ),
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
    # numbering warnings, more of the archive
    "numbers.gap": "期号不连续：{year}年第{number}期之前缺第{missing}期",
    "numbers.gap_range": "期号不连续：{year}年第{number}期之前缺第{first}期至第{last}期",
    "numbers.cumulative_gap": "总期号不连续：档案中没有总第{first}至{last}期，增刊也计入总期号",
    "numbers.date_before": "日期早于上一期（{date}）",
    "archive.corrected_missing": (
        "要更正的那一期不在档案中（期号或日期已改动）；请保留原期号和日期再发布更正"
    ),
    "archive.newer": "{where}：档案由更新版本的程序建立（第{schema}版结构），请先更新本程序",
    # the command line
    "cli.unknown_command": "没有“{command}”这个命令",
    "fs.cannot_create_folder": "{where}：无法建立文件夹（{detail}）",
    "fs.exists": "{where}：文件已存在",
    "cli.several_issues": "同时处理多期时只能指定输出文件夹",
    "fs.no_such_folder": "{where}：文件夹不存在",
    "cli.same_name": "{name}：两个同名的刊物文件会写成同一个 PDF",
    "archive.no_distribution": "{where}：没有可保存的分送名单",
    "proof.unknown_rule": "没有“{name}”这条校对规则；可用：{known}",
    "cli.no_app": "桌面程序无法启动（{detail}）",
    "edit.no_paragraph_named": "“{para}”不是段落号，也不是 T1、S、N 这样的题头部分",
    "fs.no_such_file": "{where}：文件不存在",
    "past.not_printed_text": "{where}：不是往期刊物的文字（开头没有“第N期”和日期）",
    "review.bad_choice": "接受或拒绝的须是修改编号或“全部”：{words}",
    "review.both": "第{number}处修改既被接受又被拒绝",
    # editing the issue (paragraphs, heads, articles; the words they name)
    "edit.no_role": "没有“{role}”这种段落角色；可用：{known}",
    "edit.not_text": "第{article}篇第{paragraph}段是{kind}，不能设为文字段落",
    "edit.no_runin": (
        "第{article}篇第{paragraph}段开头没有以句号、问号或叹号结束的一句，不能设为段首标题"
    ),
    "edit.empty_to_head": "第{article}篇第{paragraph}段没有文字，不能设为{part}",
    "edit.no_article": "没有第{article}篇文章",
    "edit.not_head_part": "“{part}”不是文章的题头部分；可用：{known}",
    "edit.no_title_line": "第{article}篇的标题没有第{line}行",
    "edit.no_head_part": "第{article}篇没有{part}",
    "edit.cannot": "第{article}篇第{paragraph}段是{kind}，不能{what}",
    "edit.last_paragraph": "第{article}篇第{paragraph}段是最后一段，后面没有可合并的段落",
    "edit.split_at_end": "第{article}篇第{paragraph}段：光标在段首或段尾，无处可拆分",
    "edit.split_needs_text": "第{article}篇第{paragraph}段：光标两侧须都有文字",
    "edit.no_part": "没有“{part}”这一部分；可用：{known}",
    "edit.front_note_only": "刊首只有编者按，没有标题和副题",
    "word.picture": "图片",
    "word.table": "表格",
    "word.join": "合并",
    "word.split": "拆分",
    "edit.no_paragraph": "第{article}篇没有第{paragraph}段",
    "edit.is_table": "第{article}篇第{paragraph}段是表格，请编辑它的单元格",
    "image.outside_in": "{where}：图片“{ref}”不在本期的图片文件夹内，拒绝使用",
    "image.outside": "图片“{ref}”不在本期的图片文件夹内，拒绝使用",
    # LibreOffice conversions
    "convert.no_program": (
        "LIANLUO_DESK_SOFFICE 设置有误：{named} 不存在；"
        "请指向 LibreOffice 的 soffice，或取消这个设置"
    ),
    "convert.not_program": (
        "LIANLUO_DESK_SOFFICE 设置有误：{named} 不是可执行文件；"
        "请指向 LibreOffice 的 soffice，或取消这个设置"
    ),
    "convert.needs_libreoffice": (
        "{where}：读取 {kind} 文件需要 LibreOffice；请安装 LibreOffice，或把文件另存为 .docx"
    ),
    "convert.what_file": "{kind} 文件",
    "convert.what_pictures": "WMF/EMF 图片",
    "convert.unreadable": "{where}：LibreOffice 无法把它作为 {kind} 文字处理文档读取（{detail}）",
    "convert.cannot_start": "{where}：无法启动 LibreOffice（{detail}）",
    "convert.exit_status": "退出状态 {status}",
    "convert.timeout": (
        "{where}：LibreOffice 转换 {what}超过 {seconds:.0f} 秒未完成，已停止（转换超时）"
    ),
    "convert.pictures_need_libreoffice": "需安装 LibreOffice 才能转换",
    "convert.not_drawn": "LibreOffice 无法绘制这些图片（{detail}）",
    "convert.pages_missing": "LibreOffice 无法绘制这些图片（缺页）",
    # templates, fonts, export
    "template.bad_length": "版式模板：无法读取长度“{value}”",
    "template.missing": "{where}：找不到版式模板",
    "template.not_toml": "{where}：版式模板不是有效的 TOML（{detail}）",
    "template.incomplete": "{where}：版式模板不完整（{detail}）",
    "template.unknown_face": "样式 {style} 用了未定义的字体 {face}",
    "template.not_a_date": "格式 {label}：{key} 不是日期",
    "template.unknown_rhythm": "格式 {label} 设置了未定义的项 {keys}",
    "font.shipped_missing": "{where}：程序自带的字体缺失，请重新安装本程序",
    "font.unusable": "{where}：字体无法使用（{detail}）",
    "font.unreadable": "{where}：字体无法读取（{detail}）",
    "export.nothing": "没有要导出的内容：请选择 PDF、PDF/A、OFD 或 DOCX",
    # glyphs, printing, finding, review, batch export
    "job.cancelled": "已取消",
    "glyphs.missing": "没有字体能显示这些字符：{chars}{more}；请在 校对 中删去或替换",
    "glyphs.missing_in": "{where}：没有字体能显示这些字符：{chars}{more}；请在 校对 中删去或替换",
    "glyphs.more": " 等 {count} 个",
    "print.no_pages": "所选页码范围内没有页",
    "print.cannot_start": "无法开始打印：打印机不可用或输出文件无法写入",
    "print.no_next_page": "打印机不接受下一页",
    "print.unfinished": "打印未完成：打印机或输出文件出错",
    "find.changed": "找到的文字已经改动，请重新查找",
    "review.untracked_first": (
        "{where}：段落中未标记的修改（第{number}处）未被接受时，不能接受其中标记的修订；请一并决定"
    ),
    # proofing
    "proof.text_changed": "{where}：文字在校对之后已改动，请重新校对",
    # past issues read from their text
    "past.bad_date": "{where}：日期“{text}”有损坏，已读作{year}年{month}月{day}日，请核对",
    "past.no_distribution": "{where}：没有找到分送名单（送：）",
    # characters no face prints, as drafts come in
    "glyphs.unprinted": "没有字体能显示：{items}{more}；可在 校对 中修正",
    "glyphs.replace": "{where} {char} 改为“{fix}”",
    "glyphs.delete": "{where} {char} 删去",
    "glyphs.more_places": " 等 {count} 处",
    # what an import leaves out or places apart (the ``add`` report's line)
    "report.left_out": "未收入 {items}",
    "report.placed": "另置 {items}",
    "report.count": "{what} {count}",
    "report.header": "页眉",
    "report.footer": "页脚",
    "report.page_number": "页码",
    "report.toc": "目录条目",
    "report.bullets": "项目符号",
    "report.hidden": "隐藏文字",
    "report.notes": "注释",
    "report.text_boxes": "文本框",
    "report.unreadable_pictures": "无法读取的图片",
    "report.pdf_glyphs": "PDF 中无字符的字形",
    "report.metafiles": "WMF/EMF 图片（{reason}）",
    "report.red_head": "红头",
    "report.attachment_label": "附件标注",
    "report.classification": "密级标注",
    "report.running_head": "刊头",
    "report.revisions": "修订 {count} 处已按接受读入",
    "report.comments_open": "批注 {count} 条保留待处理、不印出",
    "report.comments_done": "已解决的批注 {count} 条保留、不印出",
    # what a draft's head leaves out, and a table's notes
    "head.left_out": "“{text}”是{what}，不作标题，未收入",
    "head.red_head": "红头（发文机关标志）",
    "head.attachment_label": "附件标注",
    "head.classification": "密级标注",
    "head.running_head": "刊物的页眉（刊名、年卷期）",
    "table.notes": "第{number}个表格的{notes}",
    "table.nested": "单元格内有{count}个嵌套表格，其文字已并入所在单元格",
    "table.pictures_left_out": "单元格内的{count}张图片未收入",
    # the command line's own lines (what it made, counted, found)
    "cli.wrote_pages": "{where}  （{pages} 页，{kb:.0f} KB）",
    "cli.wrote": "{where}  （已写入，{kb:.0f} KB）",
    "cli.wrote_pages_only": "{where}  （{pages} 页）",
    "numbers.guessed": "档案为空，期号和总期号为推测值；请核对，或先导入往期刊物",
    "cli.warning": "{where}：注意：{warning}",
    "cli.past_issue": "{where}：往期刊物，版头与版记取自该期：{took}",
    "cli.article": "{where}：《{title}》 {paragraphs} 段",
    "cli.untitled": "（无标题）",
    "cli.added": "{where}：导入 {added} 篇，失败 {failed} 篇",
    "cli.export_failed": "{failed} 期导出失败（共 {total} 期）",
    "cli.distribution": "  送：{groups} 组{preset}  责任编辑：{editors}  批准文号：{approval}",
    "cli.revising": "{where}：修订中（第{revision}版的更正）",
    "cli.published": "{where}：已发布，定稿为 {final}",
    "cli.preset_saved": "分送预设 {name}：{groups} 组，已保存",
    "cli.preset": "{name}  [{origin}]  {label}  {groups} 组",
    "cli.from_library": "库",
    "cli.from_template": "模板",
    "cli.no_match": "没有找到“{text}”",
    "cli.archive_imported": "档案：导入 {imported} 期，失败 {failed} 期",
    "cli.fixed": "{where}：已修正 {count} 处",
    "cli.by_hand": "（须人工判断）",
    "cli.checked": "{where}：{errors} 个错误，{warnings} 个提示",
    "cli.no_display": (
        "没有图形界面；请用 lianluo-desk demo 输出文件夹，"
        "或 lianluo-desk export 刊物文件 --pdf 输出.pdf"
    ),
    "cli.interrupted": "已中断；没有留下写了一半的文件",
    "cli.out_of_memory": "内存不足",
    "cli.internal": "{where}：程序内部错误（{detail}）；请连同输入文件一起报告",
    "cli.no_changes": "{where}：与 {issue} 相比未发现修改",
    "cli.saved": "{where}：已保存",
    "cli.archive_damaged": "{problem}；请运行 lianluo-desk archive restore",
    "cli.archive_sound": "{where}：完好，{issues} 期，{backups} 份备份",
    "cli.kept": "  已存入库中的文件：{name}",
    "cli.rebuilt": "{where}：已从库中的文件重建",
    "cli.damaged_kept": "  损坏的档案保留为 {name}",
    "cli.added_back": "  已加入 {name}",
    "cli.restored": "{where}：已从 {source} 恢复",
    "cli.readded": "  已重新加入 {name}",
    "cli.current_format": "现行版式",
    "cli.no_visible_break": "  没有看得见的分页（印本每一页都在段末结束）",
    "cli.break": (
        "  {k:2}. {cut}  本程序：第{page}页第{line}行  偏差 {lines:+d} 行（漂移 {drift:+.2f}）"
    ),
    "cli.breaks": "  {within}/{total} 处分页偏差在一行以内；最大偏差 {worst} 行",
    # the stages of an export, as its progress is shown
    "progress.layout": "正在排版…",
    "progress.writing": "正在写 {name}…",
    # what to do with a reviewer's change that maps to nothing of the issue
    "review.masthead": "版头、版记由设置生成，请在 版头与版记 中修改",
    "review.not_ours": "未能对应到本期（粘贴的文字或表格），如需要请手工添加",
    "review.split": "审稿人将此段分为两段；如需要，请在编辑区拆分",
    "review.merged": "审稿人合并了段落，仍按原段分别比较",
    "review.table_cell_added": "审稿人在表格中新增的行或单元格，如需要请在表格中手工添加",
    "review.table_inserted": "审稿人插入的表格，如需要请手工处理",
    # the decisions carried back
    "review.accepted": "{number}：接受",
    "review.rejected": "{number}：拒绝",
    "review.comment_done": "{number}：批注已处理",
}
