"""The command line's messages (English, the Chinese kept where the editor reads it)."""

MESSAGES: dict[str, str] = {
    # files
    "fs.about": "{where}: {reason}",
    "fs.is_folder": "{where}: is a folder, not a file name",
    "fs.no_folder": "{where}: folder {folder} does not exist",
    "fs.cannot_write_here": "{where}: cannot write here ({detail})",
    "fs.cannot_write": "{where}: cannot write ({detail})",
    "fs.cannot_read": "{where}: cannot read ({detail})",
    # the issue file
    "issue.missing": "{where}: no such issue file",
    "issue.not_ours": "{where}: not a lianluo-desk issue file",
    "issue.damaged": "{where}: damaged issue file ({detail})",
    "issue.unreadable": "{where}: not a readable issue file ({detail})",
    "issue.read_only": (
        "{where}: published (revision {revision}) and read-only; start a correction with "
        "'lianluo-desk revise' (已发布，只读)"
    ),
    "issue.not_published": "{where}: not published, nothing to revise",
    "issue.proof_errors": (
        "{where}: {count} proofing errors; run 'lianluo-desk check {where}' (校对未通过)"
    ),
    # pictures
    "image.unreadable": "{where}: image cannot be read ({detail})",
    "image.missing": "{where}: image missing or unreadable ({detail})",
    "image.no_folder": "{where}: cannot create the images folder ({detail})",
    # the archive
    "archive.cannot_open": "{where}: cannot open the archive ({detail})",
    "archive.damaged": "{where}: archive damaged or not an archive ({detail})",
    "archive.cannot_back_up": "{where}: cannot back up the archive before {reason} ({detail})",
    "archive.no_sound_backup": (
        "{where}: no sound backup of the archive to restore; rebuild it from the library's "
        "files with 'lianluo-desk archive rebuild'"
    ),
    "archive.absent": "{where}: no archive",
    "archive.unopenable": "{where}: cannot be opened ({detail})",
    "archive.db_damaged": "{where}: database damaged ({detail})",
    "archive.no_tables": "{where}: not an archive (tables missing)",
    "archive.index_damaged": "{where}: full-text index damaged ({detail})",
    "archive.no_issue": "no issue {id} in the archive",
    "archive.not_archived": "this issue is not in the archive: publish it before comparing",
    "archive.no_revision": "no revision {revision} of this issue (it has 1…{last})",
    "archive.no_preset": "no distribution preset {name!r}; presets: {known}",
    "archive.not_bulletin": "{where}: not an issue of the bulletin",
    "archive.not_printed": "{where}: not a printed issue (no 第N期 and date on top)",
    # numbering
    "numbers.number_used": (
        "{year}年第{number}期 already in the archive (dated {date}) (已有{year}年第{number}期)"
    ),
    "numbers.cumulative_used": (
        "cumulative number {cumulative} already used by {year}年第{number}期 "
        "(总第{cumulative}期已被使用)"
    ),
    "numbers.duplicate": "期号重复 (duplicate): {clash}",
    "numbers.refused": "{where}: {warning}",
    # settings (set KEY=VALUE, the masthead and 版记 fields)
    "set.unknown_key": "cannot set {pair!r}; keys: {keys}",
    "set.not_a_number": "{key} must be a whole number ≥ 1, not {value!r}",
    "set.not_a_date": "date must be YYYY-MM-DD, not {value!r}",
    "set.empty_editor": "editors: empty name in {value!r}",
    "set.not_yes_no": "supplement must be yes or no, not {value!r}",
    # more of the archive
    "archive.sound_not_restored": (
        "{where}: the archive is sound; nothing restored (档案完好，未恢复)"
    ),
    "archive.sound_not_rebuilt": (
        "{where}: the archive is sound; nothing rebuilt (档案完好，未重建)"
    ),
    "archive.cannot_keep_past": "{where}: cannot keep the past issue ({detail})",
    "archive.not_presets": "{where}: not a presets file ({detail})",
    # the reviewer's DOCX
    "review.unreadable": "{where}: not a readable .docx ({detail})",
    "review.no_change": "no change number {number} (see the list)",
    # drafts
    "draft.missing": "{where}: no such file",
    "draft.is_folder": "{where}: is a folder, not a draft",
    "draft.empty": "{where}: empty file",
    "draft.no_text": "{where}: the draft has no text",
    "issue.newer": (
        "{where}: issue file schema {schema!r} is newer than this program supports "
        "({supported}); update lianluo-desk"
    ),
    # drafts in, by kind
    "draft.too_large": "{where}: too large for a draft ({mb:.0f} MB)",
    "draft.nothing_readable": "{where}: the draft has no text and no picture that can be read",
    "draft.scans_only": (
        "文稿只有图片、没有文字（扫描件？）：图片已收入；要排文字，请向作者要原稿或先做文字识别"
    ),
    "draft.is_image": "{where}: is a {format} image, not a draft (不是文稿文件)",
    "draft.is_program": "{where}: is a program, not a draft (不是文稿文件)",
    "draft.is_archive": "{where}: is a {format} archive, not a draft (不是文稿文件)",
    "draft.wrong_content": (
        "{where}: not a {kind} file; its content is neither that nor text (文件内容与扩展名不符)"
    ),
    "draft.unknown_type": (
        "{where}: unknown type '{suffix}'; drafts are .docx .doc .wps .rtf .odt .pdf .txt .md "
        "(不支持的文件类型)"
    ),
    "draft.zip_bomb": "{where}: refused, unpacks to {mb:.0f} MB (zip bomb?)",
    "draft.doctype": (
        "{where}: refused, the document declares XML entities (<!DOCTYPE>), which Word never writes"
    ),
    "draft.encrypted": "{where}: encrypted document; remove the password first (文档已加密)",
    "draft.secured": (
        "{where}: encrypted by a document-security system; save an unencrypted copy on"
        " the computer it was written on (文档被加密软件加密)"
    ),
    "draft.not_docx": "{where}: not a Word .docx (no word/document.xml)",
    "draft.mht_without_page": "{where}: a web archive (MHT) without a page; save it as .docx",
    "draft.damaged_docx": "{where}: damaged .docx, cannot be read ({detail}) (文件已损坏)",
    "draft.no_body": "its document part holds no document body",
    "draft.pdf_no_text": "{where}: the PDF has no text and its pages are blank (页面空白)",
    "draft.pdf_too_long": "{where}: {pages} pages; too long for a draft",
    "draft.pdf_encrypted": "{where}: encrypted PDF; remove the password first (文档已加密)",
    "draft.pdf_damaged": "{where}: damaged PDF ({detail})",
    "draft.pdf_unreadable": "{where}: cannot read this PDF ({detail})",
    "draft.unknown_encoding": "{where}: cannot tell the text encoding (not UTF-8 nor GB18030)",
    "draft.binary": "{where}: binary file, not a text draft",
    "draft.image_unreadable": "{where}: image {image} cannot be read ({detail})",
    "draft.no_masthead": "{where}: no masthead (第N期, date) found at the top",
    # numbering warnings, more of the archive
    "numbers.gap": "期号不连续：{year}年第{number}期之前缺第{missing}期 (gap)",
    "numbers.gap_range": "期号不连续：{year}年第{number}期之前缺第{first}期至第{last}期 (gap)",
    "numbers.cumulative_gap": (
        "总期号不连续：档案中没有总第{first}至{last}期，增刊也计入总期号 "
        "(gap in the cumulative numbers)"
    ),
    "numbers.date_before": "日期早于上一期（{date}） (date before the previous issue's)",
    "archive.corrected_missing": (
        "the published issue this corrects is not in the archive (its number or date was "
        "changed); keep them to publish a correction"
    ),
    "archive.newer": (
        "{where}: archive made by a newer lianluo-desk (schema {schema}); update the program"
    ),
    # the command line
    "cli.unknown_command": "unknown command {command}",
    "fs.cannot_create_folder": "{where}: cannot create folder ({detail})",
    "fs.exists": "{where}: already exists (use --force to replace it)",
    "cli.several_issues": (
        "several issues: give --pdf-dir OUT only (no --pdf, --pdfa, --ofd, --docx, --compare)"
    ),
    "fs.no_such_folder": "{where}: no such folder",
    "cli.same_name": "{name}: two issue files of the same name would write one PDF",
    "archive.no_distribution": "{where}: no distribution list to save",
    "proof.unknown_rule": "unknown rule {name!r}; rules: {known}",
    "cli.no_app": (
        "the desktop app cannot start ({detail}); the command line works: "
        "'lianluo-desk demo OUT_DIR'"
    ),
    "edit.no_paragraph_named": (
        "“{para}”不是段落号，也不是 T1、S、N 这样的题头部分 (no such paragraph)"
    ),
    "fs.no_such_file": "{where}: no such file",
    "past.not_printed_text": "{where}: not the text of a printed issue (no 第N期 and date on top)",
    "review.bad_choice": "--accept/--reject take change numbers or 'all': {words}",
    "review.both": "change {number} both accepted and rejected",
    # editing the issue (paragraphs, heads, articles; the words they name)
    "edit.no_role": "没有“{role}”这种段落角色；可用：{known} (no such paragraph role)",
    "edit.not_text": (
        "第{article}篇第{paragraph}段是{kind}，不能设为文字段落 (not a text paragraph)"
    ),
    "edit.no_runin": (
        "第{article}篇第{paragraph}段开头没有以句号、问号或叹号结束的一句，不能设为段首标题 "
        "(no first sentence for a run-in heading)"
    ),
    "edit.empty_to_head": (
        "第{article}篇第{paragraph}段没有文字，不能设为{part} (the paragraph has no text)"
    ),
    "edit.no_article": "没有第{article}篇文章 (no article {article})",
    "edit.not_head_part": (
        "“{part}”不是文章的题头部分；可用：{known} (not a part of an article's head)"
    ),
    "edit.no_title_line": (
        "第{article}篇的标题没有第{line}行 (no title line {line} in article {article})"
    ),
    "edit.no_head_part": "第{article}篇没有{part} (article {article} has none)",
    "edit.cannot": "第{article}篇第{paragraph}段是{kind}，不能{what} (not a text paragraph)",
    "edit.last_paragraph": (
        "第{article}篇第{paragraph}段是最后一段，后面没有可合并的段落 "
        "(the last paragraph: nothing to join)"
    ),
    "edit.split_at_end": (
        "第{article}篇第{paragraph}段：光标在段首或段尾，无处可拆分 (the cursor "
        "is at the start or end: nothing to split)"
    ),
    "edit.split_needs_text": (
        "第{article}篇第{paragraph}段：光标两侧须都有文字 (text "
        "is needed on both sides of the cursor)"
    ),
    "edit.no_part": "没有“{part}”这一部分；可用：{known} (no such part)",
    "edit.front_note_only": "刊首只有编者按，没有标题和副题 (the front has an editor's note only)",
    "word.picture": "图片",
    "word.table": "表格",
    "word.join": "合并",
    "word.split": "拆分",
    "edit.no_paragraph": (
        "第{article}篇没有第{paragraph}段 (no paragraph {paragraph} in article {article})"
    ),
    "edit.is_table": "paragraph {paragraph} of article {article} is a table; edit its cells",
    "image.outside_in": (
        "{where}: 图片“{ref}”不在本期的图片文件夹内，拒绝使用 (image "
        "outside the issue's assets folder)"
    ),
    "image.outside": (
        "图片“{ref}”不在本期的图片文件夹内，拒绝使用 (image outside the issue's assets folder)"
    ),
    # LibreOffice conversions
    "convert.no_program": (
        "LIANLUO_DESK_SOFFICE={named}: does not exist; name LibreOffice's "
        "soffice or unset it (LIANLUO_DESK_SOFFICE 设置有误)"
    ),
    "convert.not_program": (
        "LIANLUO_DESK_SOFFICE={named}: is not an executable file; name "
        "LibreOffice's soffice or unset it (LIANLUO_DESK_SOFFICE 设置有误)"
    ),
    "convert.needs_libreoffice": (
        "{where}: {kind} file; LibreOffice is needed to read it: install LibreOffice "
        "(apt install libreoffice-writer, "
        "or from libreoffice.org) or save the file as .docx (请安装 LibreOffice，或另存为 .docx)"
    ),
    "convert.what_file": "{kind} file",
    "convert.what_pictures": "pictures (WMF/EMF)",
    "convert.unreadable": (
        "{where}: not a {kind} document LibreOffice can read ({detail}) (无法作为文字处理文档读取)"
    ),
    "convert.cannot_start": "{where}: LibreOffice cannot be started ({detail})",
    "convert.exit_status": "exit status {status}",
    "convert.timeout": (
        "{where}: LibreOffice did not finish converting the "
        "{what} within {seconds:.0f} s; stopped (转换超时)"
    ),
    "convert.pictures_need_libreoffice": (
        "LibreOffice is needed to draw them (需安装 LibreOffice 才能转换)"
    ),
    "convert.not_drawn": "LibreOffice could not draw them ({detail})",
    "convert.pages_missing": "LibreOffice could not draw them (pages missing)",
    # templates, fonts, export
    "template.bad_length": "template: cannot read length {value!r}",
    "template.missing": "{where}: template not found",
    "template.not_toml": "{where}: template is not valid TOML ({detail})",
    "template.incomplete": "{where}: template incomplete ({detail})",
    "template.unknown_face": "style {style} names unknown face {face}",
    "template.not_a_date": "format {label}: {key} is not a date",
    "template.unknown_rhythm": "format {label} sets unknown {keys}",
    "font.shipped_missing": "{where}: shipped font missing (run scripts/build_fonts.py)",
    "font.unusable": "{where}: font cannot be used ({detail})",
    "font.unreadable": "{where}: font cannot be read ({detail})",
    "export.nothing": "nothing to export: give --pdf, --pdfa, --ofd and/or --docx",
    # glyphs, printing, finding, review, batch export
    "job.cancelled": "已取消 (cancelled)",
    "glyphs.missing": (
        "没有字体能显示这些字符 (no font covers): {chars}{more}；"
        "请在校对中删去或替换 (check --fix glyph)"
    ),
    "glyphs.missing_in": (
        "{where}: 没有字体能显示这些字符 (no font covers): {chars}{more}；"
        "请在校对中删去或替换 (check --fix glyph)"
    ),
    "glyphs.more": " 等 {count} 个",
    "print.no_pages": "所选页码范围内没有页 (no pages in the chosen range)",
    "print.cannot_start": "无法开始打印：打印机不可用或输出文件无法写入 (cannot start printing)",
    "print.no_next_page": "打印机不接受下一页 (the printer refused the next page)",
    "print.unfinished": "打印未完成：打印机或输出文件出错 (printing not finished)",
    "find.changed": "找到的文字已经改动，请重新查找 (the text found has changed; find again)",
    "review.untracked_first": (
        "{where}: a tracked change cannot be accepted unless the untracked edit "
        "of the paragraph (change {number}) is too; decide them together"
    ),
    # proofing
    "proof.text_changed": (
        "{where}: the text changed since it was checked; check again (文字已改动，请重新校对)"
    ),
    # past issues read from their text
    "past.bad_date": (
        "{where}: date “{text}” is damaged; read as {year}年{month}月{day}日 — check it"
    ),
    "past.no_distribution": "{where}: no distribution block (送：) found",
    # characters no face prints, as drafts come in
    "glyphs.unprinted": (
        "无字体可显示 (no font prints): {items}{more}（校对可修正：check --fix glyph）"
    ),
    "glyphs.replace": "{where} {char} → “{fix}”",
    "glyphs.delete": "{where} {char} 删去",
    "glyphs.more_places": " 等 {count} 处",
    # what an import leaves out or places apart (the ``add`` report's line)
    "report.left_out": "left out: {items}",
    "report.placed": "placed apart: {items}",
    "report.rewritten": "read in as plain characters: {items}",
    "report.math_letters": "mathematical letters and digits",
    "report.count": "{what} {count}",
    "report.header": "page headers",
    "report.footer": "page footers",
    "report.page_number": "page numbers",
    "report.toc": "table of contents entries",
    "report.bullets": "list bullets",
    "report.hidden": "hidden characters",
    "report.notes": "notes (注释)",
    "report.text_boxes": "text boxes",
    "report.unreadable_pictures": "unreadable pictures",
    "report.pdf_glyphs": "glyphs without characters in the PDF",
    "report.metafiles": "WMF/EMF pictures ({reason})",
    "report.red_head": "red head (红头)",
    "report.attachment_label": "attachment labels (附件标注)",
    "report.classification": "classification marks (密级标注)",
    "report.running_head": "a journal's running head (刊头)",
    "report.revisions": "{count} tracked changes read as accepted",
    "report.comments_open": "{count} comments kept for the editor, not printed",
    "report.comments_done": "{count} resolved comments kept, not printed",
    # what a draft's head leaves out, and a table's notes
    "head.left_out": "“{text}” is {what}: no title, left out",
    "head.red_head": "the issuer's red head (红头)",
    "head.attachment_label": "an attachment label (附件标注)",
    "head.classification": "a classification mark (密级标注)",
    "head.running_head": "a journal's running head (刊头)",
    "table.notes": "table {number}: {notes}",
    "table.nested": "{count} nested tables in its cells, their text merged into the cell",
    "table.pictures_left_out": "{count} pictures in its cells left out",
    # the command line's own lines (what it made, counted, found)
    "cli.wrote_pages": "{where}  ({pages} 页, {kb:.0f} KB)",
    "cli.wrote": "{where}  ({kb:.0f} KB)",
    "cli.wrote_pages_only": "{where}  ({pages} 页)",
    "numbers.guessed": (
        "the archive is empty, so 第N期 and 总第…期 are guesses; set them with "
        "--number N --cumulative N, or import past issues first with "
        "'lianluo-desk archive import PDF_OR_FOLDER' (档案为空，期号为推测值)"
    ),
    "cli.warning": "{where}: 注意 (warning): {warning}",
    "cli.past_issue": (
        "{where}: 往期刊物，版头与版记取自该期：{took} "
        "(a past issue: masthead and distribution taken from it)"
    ),
    "cli.article": "{where}: 《{title}》 {paragraphs} 段 (paragraphs)",
    "cli.untitled": "（无标题） (untitled)",
    "cli.added": "{where}: 导入 {added} 篇，失败 {failed} 篇 (imported {added}, failed {failed})",
    "cli.export_failed": "{failed} 期导出失败 ({failed} of {total} failed)",
    "cli.distribution": ("  送：{groups} 组{preset}  责任编辑：{editors}  批准文号：{approval}"),
    "cli.revising": "{where}: 修订中 (revising revision {revision})",
    "cli.published": "{where}: 已发布 (published) → {final}",
    "cli.preset_saved": "preset {name}: {groups} 组 saved",
    "cli.preset": "{name}  [{origin}]  {label}  {groups} 组",
    "cli.from_library": "library",
    "cli.from_template": "template",
    "cli.no_match": "没有找到 “{text}” (no match)",
    "cli.archive_imported": (
        "archive: 导入 {imported}，失败 {failed} (imported {imported}, failed {failed})"
    ),
    "cli.fixed": "{where}: 已修正 {count} 处 (fixed {count})",
    "cli.by_hand": "（须人工判断）",
    "cli.checked": (
        "{where}: {errors} 个错误, {warnings} 个提示 ({errors} errors, {warnings} warnings)"
    ),
    "cli.no_display": (
        "no display; use 'lianluo-desk demo OUT_DIR' or "
        "'lianluo-desk export ISSUE --pdf OUT.pdf' (没有图形界面)"
    ),
    "cli.interrupted": "interrupted; no output was left half-written",
    "cli.out_of_memory": "out of memory",
    "cli.internal": ("{where}: internal error ({detail}); please report it with the input file"),
    "cli.no_changes": "{where}: no changes against {issue} (未发现修改)",
    "cli.saved": "{where}: saved",
    "cli.archive_damaged": "{problem}; run 'lianluo-desk archive restore'",
    "cli.archive_sound": "{where}: ok, {issues} issues, {backups} backups (完好)",
    "cli.kept": "  kept in the library's files: {name}",
    "cli.rebuilt": "{where}: rebuilt from the library's files (已重建)",
    "cli.damaged_kept": "  the damaged archive is kept as {name}",
    "cli.added_back": "  added {name}",
    "cli.restored": "{where}: restored from {source}",
    "cli.readded": "  re-added {name}",
    "cli.current_format": "现行版式 (current format)",
    "cli.no_visible_break": (
        "  no visible page break (every page of the print ends at a paragraph end)"
    ),
    "cli.break": (
        "  {k:2}. {cut}  ours: page {page} line {line}  deviation {lines:+d} lines "
        "(drift {drift:+.2f})"
    ),
    "cli.breaks": "  {within}/{total} breaks within one line; largest deviation {worst}",
    # the stages of an export, as its progress is shown
    "progress.layout": "laying out…",
    "progress.writing": "writing {name}…",
    # what to do with a reviewer's change that maps to nothing of the issue
    "review.masthead": (
        "the masthead and the 版记 come from the issue's settings: change them with "
        "'lianluo-desk set' (版头、版记由设置生成，请在设置中修改)"
    ),
    "review.not_ours": (
        "not from this issue (pasted text or table): add it by hand if it belongs "
        "(未能对应到本期，请手工处理)"
    ),
    "review.split": (
        "the reviewer split this paragraph in two; split it in the editor if wanted "
        "(审稿人将此段分为两段)"
    ),
    "review.merged": (
        "the reviewer merged paragraphs; each is compared with its own text "
        "(审稿人合并了段落，仍按原段比较)"
    ),
    "review.table_cell_added": (
        "a row or cell the reviewer added to the table: add it in the table "
        "if it belongs (审稿人在表格中新增的行或单元格，请在表格中手工添加)"
    ),
    "review.table_inserted": (
        "a table the reviewer inserted: add it by hand if it belongs (审稿人插入的表格，请手工处理)"
    ),
    # the decisions carried back
    "review.accepted": "{number}: 接受 (accepted)",
    "review.rejected": "{number}: 拒绝 (rejected)",
    "review.comment_done": "{number}: 批注已处理 (comment resolved)",
}
