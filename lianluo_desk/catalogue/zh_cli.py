"""The Chinese command line's own wording of the messages whose window wording names a
menu (文件 → 更正, 在 校对 中) or whose English names a command or an option: here they
name the command to run. Every other code is said as the window says it (``zh.py``)."""

MESSAGES: dict[str, str] = {
    "issue.read_only": (
        "{where}：已发布（第{revision}版），只读；如需修改，请先运行 lianluo-desk revise {where}"
    ),
    "issue.proof_errors": (
        "{where}：校对有 {count} 个错误；请运行 lianluo-desk check {where} 查看并处理"
    ),
    "archive.no_sound_backup": (
        "{where}：没有可用于恢复的完好档案备份；请用 lianluo-desk archive rebuild "
        "从库中的文件重建档案"
    ),
    "archive.not_archived": "本期不在档案中：请先发布（lianluo-desk publish）再比较",
    "numbers.guessed": (
        "档案为空，第N期和总第…期为推测值；请用 --number N --cumulative N 设定，"
        "或先用 lianluo-desk archive import PDF或文件夹 导入往期刊物"
    ),
    "fs.exists": "{where}：文件已存在（要替换它，请加 --force）",
    "cli.several_issues": (
        "同时导出多期时只能用 --pdf-dir 指定输出文件夹（不能用 --pdf、--pdfa、--ofd、"
        "--docx、--compare）"
    ),
    "cli.no_app": "桌面程序无法启动（{detail}）；命令行仍可使用：lianluo-desk demo 输出文件夹",
    "review.bad_choice": "--accept 和 --reject 后须是修改编号或 all：{words}",
    "export.nothing": "没有要导出的内容：请给出 --pdf、--pdfa、--ofd 和/或 --docx",
    "set.not_yes_no": "supplement 须为 yes 或 no，而不是“{value}”",
    "font.shipped_missing": (
        "{where}：程序自带的字体缺失；请重新安装本程序（从源码运行时先运行 scripts/build_fonts.py）"
    ),
    "glyphs.missing": (
        "没有字体能显示这些字符：{chars}{more}；请删去或替换（lianluo-desk check --fix glyph）"
    ),
    "glyphs.missing_in": (
        "{where}：没有字体能显示这些字符：{chars}{more}；"
        "请删去或替换（lianluo-desk check --fix glyph）"
    ),
    "glyphs.unprinted": "没有字体能显示：{items}{more}；可用 lianluo-desk check --fix glyph 修正",
    "review.masthead": "版头、版记由设置生成，请用 lianluo-desk set 修改",
    "review.split": "审稿人将此段分为两段；如需要，请手工拆分",
}
