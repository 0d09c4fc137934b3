"""The reading pane: a QTextBrowser serving guide: images and routing guide: links.

guide: URLs are read by :mod:`guide.core.links`, the one owner of their format.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QMouseEvent, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from guide.core.links import root_image


class Reader(QTextBrowser):
    """Shows rendered pages; emits ``linkActivated`` for every clicked link."""

    back_requested = Signal()
    forward_requested = Signal()
    zoom_requested = Signal(int)

    def __init__(self, roots: tuple[Path, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roots = roots
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(self.tr("Reading pane"))
        self.setAccessibleDescription(self.tr("The open article or topic"))

    def top_position(self) -> int:
        """The character offset of the text at the top of the pane: a place that survives a new
        layout (another theme, text size or window width), where a scroll value in pixels does not."""
        return self.cursorForPosition(QPoint(0, 0)).position()

    def scroll_to(self, position: int, pixels: int = 0) -> None:
        """Scroll so that the text at ``position`` is at the top; without one (-1), to ``pixels``."""
        bar = self.verticalScrollBar()
        if position < 0:
            bar.setValue(pixels)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        bar.setValue(bar.value() + self.cursorRect(cursor).top())

    def loadResource(self, type_: int, url: QUrl | str) -> object:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if text.startswith("guide:image/") and type_ == QTextDocument.ResourceType.ImageResource.value:
            path = root_image(self.roots, text)
            if path is None:
                return QImage()
            return QImage(str(path))
        if text.startswith(("http:", "https:", "guide:")):
            return None  # nothing is ever fetched from the network
        return super().loadResource(type_, url)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.BackButton:
            self.back_requested.emit()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward_requested.emit()
        else:
            super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)
