"""查找和替换: a dialog that stays open beside the window, as Word's does. 查找下一处
selects the hit in the editor and brings its page into the preview; 替换 changes the
hit found and goes on; 全部替换 is one undo step and says how many it changed. Hits are
bound to the issue they were found in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..model import find as fd
from ..model.issue import Issue
from .controller import DocumentController
from .editor_panel import EditorPanel

Reveal = Callable[[fd.Hit], None]  # show a hit where it is edited


class FindDialog(QDialog):
    def __init__(self, ctl: DocumentController, reveal: Reveal, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctl = ctl
        self.reveal = reveal
        self.current: fd.Hit | None = None  # the hit last shown
        self._found_in = -1  # the issue (generation) it was found in
        self.setWindowTitle("查找和替换")
        form = QFormLayout()
        self.f_find = QLineEdit()
        self.f_replace = QLineEdit()
        form.addRow("查找内容：", self.f_find)
        self.replace_label = QLabel("替换为：")
        form.addRow(self.replace_label, self.f_replace)
        self.o_case = QCheckBox("区分大小写")
        self.o_whole = QCheckBox("全字匹配")
        self.o_widths = QCheckBox("全角半角视为相同")
        self.o_widths.setChecked(True)
        options = QHBoxLayout()
        for box in (self.o_case, self.o_whole, self.o_widths):
            options.addWidget(box)
        options.addStretch(1)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.b_next = self._button("查找下一处", self.find_next, buttons)
        self.b_replace = self._button("替换", self.replace_one, buttons)
        self.b_all = self._button("全部替换", self.replace_all, buttons)
        self._button("关闭", self.close, buttons)
        self.b_next.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(options)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.f_find.textChanged.connect(self._forget)
        ctl.replaced.connect(self._forget)
        self.resize(460, 0)

    def _button(self, text: str, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _=False: slot())
        row.addWidget(b)
        return b

    def open_for(self, replace: bool, proposed: str = "") -> None:
        """Ctrl+F shows finding only, Ctrl+H replacing too; the words selected in the
        editor (one line of them) are proposed."""
        if proposed and "\u2029" not in proposed and len(proposed) <= 80:
            self.f_find.setText(proposed)
        for w in (self.replace_label, self.f_replace, self.b_replace, self.b_all):
            w.setVisible(replace)
        self.setWindowTitle("替换" if replace else "查找")
        self.show()
        self.raise_()
        self.activateWindow()
        self.f_find.setFocus()
        self.f_find.selectAll()

    def options(self) -> fd.Options:
        return fd.Options(
            case=self.o_case.isChecked(),
            whole=self.o_whole.isChecked(),
            widths=self.o_widths.isChecked(),
        )

    def _forget(self) -> None:
        self.current = None

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.ctl.message.emit(text, 4000)

    def find_next(self) -> fd.Hit | None:
        """The next hit after the one shown (from the top at the end), shown."""
        needle = self.f_find.text()
        if not needle:
            self._say("请输入要查找的内容")
            return None
        hits = fd.find(self.ctl.issue, needle, self.options())
        if not hits:
            self.current = None
            self._say(f"未找到“{needle}”")
            return None
        k = 0
        if self.current is not None and self._found_in == self.ctl.generation:
            order = [(h.spot, h.start) for h in hits]
            after = [i for i, h in enumerate(hits) if _later(h, self.current, order)]
            k = after[0] if after else 0
        hit = hits[k]
        self.current, self._found_in = hit, self.ctl.generation
        self.reveal(hit)
        self._say(f"第 {k + 1} 处，共 {len(hits)} 处：{hit.spot.describe()}")
        return hit

    def replace_one(self) -> None:
        """Replace the hit shown (if it is still there), then show the next."""
        hit, new = self.current, self.f_replace.text()
        if hit is None or self._found_in != self.ctl.generation:
            self.find_next()
            return
        if self.ctl.read_only:
            self._say("本期已发布，只读；如需修改，请用 文件 → 更正")
            return

        def change(issue: Issue) -> None:
            if not fd.replace(issue, hit, new):
                from ..errors import UserError

                raise UserError("find.changed")

        steps = self.ctl.undo_stack.index()
        self.ctl.push(f"替换“{hit.text}”", change)
        if self.ctl.undo_stack.index() != steps:
            self.current = fd.Hit(hit.spot, hit.start, hit.start + len(new), new)
            self.find_next()

    def replace_all(self) -> int:
        needle, new, opts = self.f_find.text(), self.f_replace.text(), self.options()
        if not needle:
            self._say("请输入要查找的内容")
            return 0
        if self.ctl.read_only:
            self._say("本期已发布，只读；如需修改，请用 文件 → 更正")
            return 0
        n = len(fd.find(self.ctl.issue, needle, opts))
        if n:
            self.ctl.push(
                f"全部替换“{needle}”（{n} 处）",
                lambda issue: fd.replace_all(issue, needle, new, opts),
            )
        self.current = None
        self._say(f"已替换 {n} 处" if n else f"未找到“{needle}”")
        return n


def _later(h: fd.Hit, current: fd.Hit, order: list[tuple[fd.Spot, int]]) -> bool:
    """Whether ``h`` comes after ``current`` in reading order."""
    key = (current.spot, current.start)
    if key in order:
        return order.index((h.spot, h.start)) > order.index(key)
    spots = [s for s, _ in order]
    if current.spot in spots:  # the current hit is gone: the next in its text or later
        first = spots.index(current.spot)
        return order.index((h.spot, h.start)) >= first and (
            h.spot != current.spot or h.start >= current.start
        )
    return False


def _select(box: QPlainTextEdit | QLineEdit, start: int, end: int) -> None:
    if isinstance(box, QLineEdit):
        box.setSelection(start, end - start)
        return
    c = box.textCursor()
    c.setPosition(min(start, len(box.toPlainText())))
    c.setPosition(min(end, len(box.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(c)


def revealer(ctl: DocumentController, editor: EditorPanel) -> Reveal:
    """Show a hit as Word does: its paragraph chosen, the words selected where they are
    edited, the preview scrolled to its page."""

    def reveal(hit: fd.Hit) -> None:
        s = hit.spot
        if s.article < 0:  # 版头, the issue's note, 版记: their panel and page
            ctl.focus.emit("footer" if s.field.startswith("footer") else "masthead")
            if s.field == "note":
                ctl.shown.emit(-1, -1)
            return
        if s.block < 0:
            ctl.select(s.article, 0)
            head = editor.head
            if s.field.startswith("title"):
                k = int(s.field[5:])
                lines = head.f_title.toPlainText().split("\n")
                at = sum(len(x) + 1 for x in lines[:k])
                _select(head.f_title, at + hit.start, at + hit.end)
            else:
                box = head.f_subtitle if s.field == "subtitle" else head.f_note
                _select(box, hit.start, hit.end)
            ctl.shown.emit(s.article, -1)
            return
        ctl.select(s.article, s.block, hit.start if s.field in ("text", "caption") else 0)
        if s.field in ("text", "caption"):
            _select(editor.text, hit.start, hit.end)
        elif s.field.startswith("cell "):
            _select_in_cell(ctl, editor, s, hit)

    return reveal


def _select_in_cell(ctl: DocumentController, editor: EditorPanel, s: fd.Spot, hit: fd.Hit) -> None:
    """The hit's cell chosen in the table editor, its words selected in the cell's text."""
    from ..model.table import placed

    table = ctl.issue.articles[s.article].blocks[s.block].table
    if table is None:
        return
    r, i, p = (int(x) for x in s.field[5:].split())
    where = next((c for c in placed(table) if (c.row, c.index) == (r, i)), None)
    if where is None:
        return
    editor.table.grid.setCurrentCell(where.row, where.col)
    at = sum(len(q.text) + 1 for q in table.rows[r].cells[i].paras[:p])
    _select(editor.table.text, at + hit.start, at + hit.end)
