"""The command line's messages (English, the Chinese kept where the editor reads it)."""

MESSAGES: dict[str, str] = {
    # files
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
    "draft.pdf_no_text": (
        "{where}: the PDF has no text (a scan?); ask for the Word file or run OCR first "
        "(扫描件，没有可读取的文字)"
    ),
    "draft.pdf_too_long": "{where}: {pages} pages; too long for a draft",
    "draft.pdf_encrypted": "{where}: encrypted PDF; remove the password first (文档已加密)",
    "draft.pdf_damaged": "{where}: damaged PDF ({detail})",
    "draft.pdf_unreadable": "{where}: cannot read this PDF ({detail})",
    "draft.unknown_encoding": "{where}: cannot tell the text encoding (not UTF-8 nor GB18030)",
    "draft.binary": "{where}: binary file, not a text draft",
    "draft.image_unreadable": "{where}: image {image} cannot be read ({detail})",
    "draft.no_masthead": "{where}: no masthead (第N期, date) found at the top",
}
