"""The reading pane: a QTextBrowser serving guide: images and routing guide: links."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QImage, QMouseEvent, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QTextBrowser, QWidget


@dataclass(frozen=True)
class Link:
    """A parsed guide: address."""

    kind: str  # "article", "topic" or "image"
    target: str
    anchor: str | None = None


def parse_link(url: str) -> Link | None:
    """Parse ``guide:article/<id>#anchor``, ``guide:topic/<id>``, ``guide:image/<n>/<path>``."""
    if not url.startswith("guide:"):
        return None
    rest, _, anchor = url[len("guide:") :].partition("#")
    kind, _, target = rest.partition("/")
    if kind not in ("article", "topic", "image"):
        return None
    return Link(kind, unquote(target), unquote(anchor) or None)


def image_path(roots: tuple[Path, ...], url: str) -> Path | None:
    """The file of a ``guide:image/<n>/<relpath>`` address, only if it is inside root n."""
    link = parse_link(url)
    if link is None or link.kind != "image":
        return None
    number, _, rel = link.target.partition("/")
    try:
        root = roots[int(number)].resolve()
        path = (root / rel).resolve()
        path.relative_to(root)
    except (ValueError, IndexError, OSError):
        return None
    return path if path.is_file() else None


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
        self.setAccessibleName("Reading pane")
        self.setAccessibleDescription("The open article or topic")

    def loadResource(self, type_: int, url: QUrl | str) -> object:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if text.startswith("guide:image/") and type_ == QTextDocument.ResourceType.ImageResource.value:
            path = image_path(self.roots, text)
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
