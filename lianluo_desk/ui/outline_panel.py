"""The outline panel: 版头, 编者按, the articles (drag to reorder), 版记."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from ..model import edit
from .controller import DocumentController
from .widgets import context_menu

ARTICLE_MIME = "application/x-lianluo-article"
ROLE = Qt.ItemDataRole.UserRole


class OutlineTree(QTreeWidget):
    """A tree whose drops move articles in the model, not rows in the tree."""

    moved = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt API
        """The dragged article's index travels with the drag: the item pressed need not
        be the current one."""
        data = super().mimeData(list(items))
        index = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        if isinstance(index, int):
            data.setData(ARTICLE_MIME, QByteArray(str(index).encode()))
        return data

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        if mime.hasFormat(ARTICLE_MIME):
            src: object = int(bytes(mime.data(ARTICLE_MIME).data()).decode())
        else:
            item = self.currentItem()
            src = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        target = self.itemAt(event.position().toPoint())
        dst = target.data(0, Qt.ItemDataRole.UserRole) if target else None
        event.ignore()  # the model moves, then the tree is rebuilt
        if isinstance(src, int) and isinstance(dst, int) and src >= 0 and dst >= 0:
            self.moved.emit(src, dst)


class OutlinePanel(OutlineTree):
    def __init__(self, ctl: DocumentController) -> None:
        super().__init__()
        self.ctl = ctl
        self.currentItemChanged.connect(self._selected)
        self.moved.connect(self.move_article)
        ctl.changed.connect(lambda light: self._retitle() if light else self.fill())
        ctl.selection_changed.connect(lambda _cursor: self.show_current())

    def add_menu_actions(self, actions: list[QAction | None]) -> None:
        """The outline's right-click menu (None: a separator)."""
        context_menu(self, actions)

    def fill(self) -> None:
        issue = self.ctl.issue
        self.blockSignals(True)
        self.clear()
        head = QTreeWidgetItem(["版头（刊名、期号、日期）"])
        head.setData(0, Qt.ItemDataRole.UserRole, "masthead")
        head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        self.addTopLevelItem(head)
        if issue.note:
            it = QTreeWidgetItem(["编者按"])
            it.setData(0, Qt.ItemDataRole.UserRole, "note")
            self.addTopLevelItem(it)
        for i, art in enumerate(issue.articles):
            it = QTreeWidgetItem([f"{i + 1}. {art.title_text or '（无标题）'}"])
            it.setData(0, Qt.ItemDataRole.UserRole, i)
            it.setData(0, Qt.ItemDataRole.ToolTipRole, art.source)  # setToolTip keeps a ref
            self.addTopLevelItem(it)
            if i == self.ctl.article:
                self.setCurrentItem(it)
        foot = QTreeWidgetItem(["版记（送、责任编辑、批准文号）"])
        foot.setData(0, Qt.ItemDataRole.UserRole, "footer")
        foot.setFlags(foot.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
        self.addTopLevelItem(foot)
        self.blockSignals(False)

    def _retitle(self) -> None:
        """Typing (a title too): only the current article's row changes."""
        art = self.ctl.current_article()
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if art is not None and item is not None and item.data(0, ROLE) == self.ctl.article:
                text = f"{self.ctl.article + 1}. {art.title_text or '（无标题）'}"
                if item.text(0) != text:
                    item.setText(0, text)
                return

    def show_current(self) -> None:
        """Mark the current article without rebuilding the tree: a rebuild under the
        mouse would cancel the drag that pressing an article starts."""
        rows = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        articles = [r for r in rows if r is not None and isinstance(r.data(0, ROLE), int)]
        if len(articles) != len(self.ctl.issue.articles):
            self.fill()
            return
        for item in rows:
            if item is not None and item.data(0, ROLE) == self.ctl.article:
                if self.currentItem() is not item:
                    self.blockSignals(True)
                    self.setCurrentItem(item)
                    self.blockSignals(False)
                return

    def _selected(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data in ("masthead", "footer"):
            self.ctl.focus.emit(data)
        elif data == "note":  # the issue's 编者按 is edited with the 版头
            self.ctl.focus.emit("masthead")
            self.ctl.shown.emit(-1, -1)
        elif isinstance(data, int):
            self.ctl.select(data, 0)

    def move_article(self, src: int, dst: int) -> None:
        if src == dst:
            return
        self.ctl.article = dst
        self.ctl.push("移动文章", lambda issue: edit.move_article(issue, src, dst))

    def move_current(self, step: int) -> None:
        src = self.ctl.article
        dst = src + step
        if 0 <= src < len(self.ctl.issue.articles) and 0 <= dst < len(self.ctl.issue.articles):
            self.move_article(src, dst)

    def remove_article(self) -> None:
        i = self.ctl.article
        if 0 <= i < len(self.ctl.issue.articles):
            self.ctl.article = -1
            self.ctl.push("删除文章", lambda issue: edit.remove_article(issue, i))
