"""Chinese throughout, Qt's own parts included: the default locale is zh_CN (numbers,
dates), the two labels of Qt's file dialog that its Chinese translation lacks are
supplied, and Qt's own (non-native) file dialog shows sizes, dates and file types in
Chinese, the types named as the app's filters name them, not by the desktop's English
MIME comments ("Microsoft Word Document", "KiB", "6 12 2026")."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QFileInfo,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QTreeView

ZH = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

# (context, source) → Chinese: what qtbase_zh_CN leaves in English
MISSING = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}

# the kinds of file the app opens, by suffix, named as its file filters name them
TYPE_NAMES = {
    "lld": "刊物文件",
    "json": "刊物文件",
    "docx": "Word 文档",
    "doc": "Word 97 文档",
    "wps": "WPS 文字文档",
    "rtf": "RTF 文档",
    "odt": "ODT 文档",
    "pdf": "PDF 文件",
    "txt": "文本文件",
    "md": "文本文件（Markdown）",
}
SIZE, TYPE, DATE = 1, 2, 3  # QFileSystemModel's columns


def type_name(info: QFileInfo) -> str:
    if info.isDir():
        return "文件夹"
    return TYPE_NAMES.get(
        info.suffix().lower(), f"{info.suffix().upper()} 文件" if info.suffix() else "文件"
    )


def size_text(size: int) -> str:
    return ZH.formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class FileColumns(QIdentityProxyModel):
    """The file dialog's size, type and date columns in Chinese."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        col = index.column()
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and col in (SIZE, TYPE, DATE):
            if isinstance(source, QFileSystemModel):
                info = source.fileInfo(self.mapToSource(index))
                if col == SIZE:
                    return "" if info.isDir() else size_text(info.size())
                if col == TYPE:
                    return type_name(info)
                return ZH.toString(info.lastModified(), "yyyy-MM-dd HH:mm")
        return super().data(index, role)


class _Missing(QTranslator):
    def translate(  # noqa: D102 - Qt API
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return MISSING.get((context, source))  # None: not ours, the next translator's

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


class _FileDialogs(QObject):
    """Gives every file dialog of Qt's own the Chinese columns as it is shown (the static
    QFileDialog functions make theirs inside Qt)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and not isinstance(watched.proxyModel(), FileColumns)
        ):
            chinese(watched)
        return False


COLUMN_WIDTHS = (260, 80, 120, 130)  # px: name, size, type, date read whole


def chinese(dialog: QFileDialog) -> QFileDialog:
    """``dialog`` with its columns in Chinese, wide enough to read."""
    dialog.setProxyModel(FileColumns(dialog))
    for view in dialog.findChildren(QTreeView):
        for col, width in enumerate(COLUMN_WIDTHS):
            view.header().resizeSection(col, width)
    return dialog


def install(app: QApplication) -> None:
    """zh_CN as the default locale, the missing labels, the file dialogs' columns."""
    QLocale.setDefault(ZH)
    if app.property("lld_zh") is not None:
        return
    app.setProperty("lld_zh", True)
    missing = _Missing(app)
    app.installTranslator(missing)
    dialogs = _FileDialogs(app)
    app.installEventFilter(dialogs)
