"""The paragraph editor: the current article's paragraphs with their recognised roles,
and the text of the chosen one. Typing is merged into one undo step per paragraph."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from ..model import edit
from ..model.issue import Block, BlockKind, Issue
from .controller import DocumentController
from .head_editor import HeadEditor
from .paragraph_edit import ParagraphEdit
from .table_editor import TableEditor
from .typing_run import TypingRun
from .widgets import context_menu

ROLE_ACTIONS = [  # (role, label, shortcut)
    ("paragraph", "正文", "Ctrl+0"),
    ("heading1", "一级标题", "Ctrl+1"),
    ("heading2", "二级标题", "Ctrl+2"),
    ("heading3", "三级标题", "Ctrl+3"),
    ("heading4", "四级标题", "Ctrl+4"),
    ("runin2", "段首标题", "Ctrl+5"),
    ("byline", "署名", "Ctrl+6"),
    ("title", "题", "Ctrl+7"),
    ("subtitle", "副题", "Ctrl+8"),
    ("note", "编者按", "Ctrl+9"),
]
KIND_LABEL = {
    BlockKind.PARAGRAPH: "正文",
    BlockKind.HEADING: "标题",
    BlockKind.BYLINE: "署名",
    BlockKind.IMAGE: "图片",
    BlockKind.TABLE: "表格",
}


def role_label(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return ["", "一级标题", "二级标题", "三级标题", "四级标题"][max(1, min(4, block.level))]
    if block.runin:
        return "段首标题+正文"
    return KIND_LABEL[block.kind]


def _row_text(b: Block) -> str:
    text = b.caption if b.kind is BlockKind.IMAGE else b.full_text
    if b.table is not None:
        text = f"{len(b.table.rows)}行×{b.table.columns}列 {b.table.all_text()}"
    return f"【{role_label(b)}】 {text[:80]}"


# what the middle pane says when the outline's 版头 or 版记 row is chosen
PART_HINTS = {
    "masthead": "版头（刊名、期号、总期号、日期、编印单位）和刊首编者按"
    "在右侧“版头与版记”面板中编辑，改动即时显示在页面预览中。",
    "footer": "版记在右侧编辑：分送范围在“送”面板，"
    "责任编辑、联系方式和批准文号在“版头与版记”面板。",
}


class EditorPanel(QWidget):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self._filling = False
        self.blocks = QListWidget()
        self.blocks.currentRowChanged.connect(self._block_selected)
        self.text = ParagraphEdit()
        self.text.setPlaceholderText("选中上方段落后在此编辑文字；回车拆分段落，Tab 离开")
        self.text.textChanged.connect(self._text_edited)
        self.text.split_requested.connect(self.split_at)
        self.text.merge_next_requested.connect(self.merge_with_next)
        self.text.merge_previous_requested.connect(self.merge_with_previous)
        self.run = TypingRun(ctl)
        self.text.cursor_moved.connect(self.run.end)
        self.lay = lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.article_label = QLabel()
        self.article_label.setWordWrap(True)
        lay.addWidget(self.article_label)
        self.head = HeadEditor(ctl)
        lay.addWidget(self.head)
        lay.addWidget(self.blocks, 3)
        self.text_label = QLabel("段落文字：")
        lay.addWidget(self.text_label)
        lay.addWidget(self.text, 2)
        self.table = TableEditor(ctl)  # in place of the text for a table block
        self.table.hide()
        lay.addWidget(self.table, 3)
        ctl.changed.connect(self._changed)
        ctl.selection_changed.connect(self._selection)
        ctl.focus.connect(self._show_part)

    def _changed(self, light: bool) -> None:
        if light:  # typing: only the edited paragraph's row changes
            b = self.ctl.current_block()
            item = self.blocks.item(self.ctl.block)
            if b is not None and item is not None:
                item.setText(_row_text(b))
            return
        self.fill()

    def _selection(self, cursor: int) -> None:
        self.fill()
        if cursor >= 0:
            c = self.text.textCursor()
            c.setPosition(min(cursor, len(self.text.toPlainText())))
            self.text.setTextCursor(c)

    def _show_part(self, part: str) -> None:
        """版头 or 版记 chosen: they are edited in their docks, so the middle pane says
        so rather than go on showing the article chosen before."""
        where = PART_HINTS.get(part)
        if where is None:
            return
        self._filling = True
        self.blocks.clear()
        self._filling = False
        for widget in (self.head, self.blocks, self.text_label, self.text, self.table):
            widget.hide()
        self.article_label.setText(where)
        self.article_label.show()

    def fill(self) -> None:
        self._filling = True
        self.blocks.clear()
        art = self.ctl.current_article()
        self.head.setVisible(art is not None)
        self.blocks.show()
        self.article_label.setVisible(art is None)
        if art is not None:
            # rows added as text: items made in Python and then cleared leak refs
            self.blocks.addItems([_row_text(b) for b in art.blocks])
            if 0 <= self.ctl.block < len(art.blocks):
                self.blocks.setCurrentRow(self.ctl.block)
        else:
            self.article_label.setText("在左侧选择一篇文章；拖入 Word 或文本稿件即可导入。")
        self._filling = False
        self._load_text()

    def _load_text(self) -> None:
        self._filling = True
        b = self.ctl.current_block()
        is_table = b is not None and b.kind is BlockKind.TABLE
        self.text.setVisible(not is_table)
        self.text_label.setVisible(not is_table)
        self.table.setVisible(is_table)
        # a table's grid takes the room of the list of paragraphs (one row of it: the
        # table), else it showed a row and a half on a 768-line screen
        self.lay.setStretchFactor(self.blocks, 1 if is_table else 3)
        rows = self.blocks.fontMetrics().height() + 6
        self.blocks.setMaximumHeight(3 * rows if is_table else 16777215)
        if is_table:
            self._filling = False
            self.table.show_block(self.ctl.article, self.ctl.block)
            return
        if b is None:
            self.text.setPlainText("")
            self.text.setEnabled(False)
        else:
            self.text.setEnabled(not self.ctl.read_only)
            want = b.caption if b.kind is BlockKind.IMAGE else b.text
            if self.text.toPlainText() != want:
                self.text.setPlainText(want)
        self._filling = False

    def _block_selected(self, row: int) -> None:
        if self._filling:
            return
        self.ctl.block = row
        self._load_text()
        self.ctl.shown.emit(self.ctl.article, row)

    def _text_edited(self) -> None:
        b = self.ctl.current_block()
        if self._filling or b is None or b.kind is BlockKind.TABLE:
            return
        ai, bi, text = self.ctl.article, self.ctl.block, self.text.toPlainText()
        old = b.caption if b.kind is BlockKind.IMAGE else b.text
        self.run.push(
            "编辑文字",
            lambda issue: edit.set_text(issue, ai, bi, text),
            ("text", ai, bi),
            old,
            text,
        )

    def add_menu_actions(self, actions: list[QAction | None]) -> None:
        """The paragraph list's right-click menu (None: a separator)."""
        context_menu(self.blocks, actions)

    def _structure(self, text: str, change: Callable[[Issue], object], row: int) -> None:
        """A change of the article's paragraphs; ``row`` is current afterwards."""
        if self.ctl.current_block() is None:
            self.ctl.message.emit("先选中一个段落", 3000)
            return
        before = self.ctl.block
        self.ctl.block = row
        steps = self.ctl.undo_stack.index()
        self.ctl.push(text, change)
        if self.ctl.undo_stack.index() == steps:  # refused: stay where we were
            self.ctl.block = before
            self.fill()

    def merge_with_next(self) -> None:
        ai, bi = self.ctl.article, self.ctl.block
        at = len(self.text.toPlainText())
        self._structure("与下一段合并", lambda i: edit.merge_with_next(i, ai, bi), bi)
        self._cursor_to(at)

    def merge_with_previous(self) -> None:
        ai, bi = self.ctl.article, self.ctl.block
        if bi <= 0:
            self.ctl.message.emit("已是第一段，前面没有可合并的段落", 3000)
            return
        art = self.ctl.current_article()
        at = len(art.blocks[bi - 1].text) if art is not None else 0
        self._structure("与上一段合并", lambda i: edit.merge_with_next(i, ai, bi - 1), bi - 1)
        self._cursor_to(at)

    def split_at(self, at: int = -1) -> None:
        ai, bi = self.ctl.article, self.ctl.block
        if at < 0:
            at = self.text.textCursor().position()
        self._structure("拆分段落", lambda i: edit.split_block(i, ai, bi, at), bi + 1)
        self._cursor_to(0)

    def delete_block(self) -> None:
        ai, bi = self.ctl.article, self.ctl.block
        art = self.ctl.current_article()
        last = len(art.blocks) - 2 if art is not None else 0
        self._structure("删除段落", lambda i: edit.delete_block(i, ai, bi), min(bi, last))

    def _cursor_to(self, at: int) -> None:
        c = self.text.textCursor()
        c.setPosition(max(0, min(at, len(self.text.toPlainText()))))
        self.text.setTextCursor(c)

    def set_role(self, role: str) -> None:
        if self.ctl.current_block() is None:
            self.ctl.message.emit("先选中一个段落", 3000)
            return
        ai, bi = self.ctl.article, self.ctl.block
        label = {r: x for r, x, _ in ROLE_ACTIONS}[role]
        if role in edit.HEAD_ROLES:  # the paragraph leaves the list: the next one is current
            art = self.ctl.current_article()
            row = max(0, min(bi, len(art.blocks) - 2)) if art is not None else 0
            self._structure(f"设为{label}", lambda i: edit.set_role(i, ai, bi, role), row)
            return
        self.ctl.push(f"设为{label}", lambda issue: edit.set_role(issue, ai, bi, role))
