"""Icons for actions and the window: Lucide SVGs from resources/icons, drawn in the theme's text colour.

Lucide icons stroke with ``currentColor``; each is rendered with QSvgRenderer after that word is
replaced by the palette's colour (normal and disabled), so the same files suit the light, dark
and high-contrast themes. A file that is missing or unreadable gives an empty icon: the action
keeps its text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

# action objectName -> Lucide icon file (without .svg)
ACTION_ICONS = {
    "back": "arrow-left",
    "forward": "arrow-right",
    "home": "house",
    "bookmark": "bookmark",
    "show_bookmarks": "bookmark-check",
    "print": "printer",
    "preview": "eye",
    "export_pdf": "file-down",
    "clinic": "building-2",
    "open_content": "folder-open",
    "quit": "log-out",
    "copy": "copy",
    "find": "text-search",
    "preferences": "settings",
    "zoom_in": "zoom-in",
    "zoom_out": "zoom-out",
    "contents": "list-tree",
    "shortcuts": "keyboard",
    "problems": "triangle-alert",
    "about": "info",
    "focus_search": "search",
    "search_field": "search",
    # the article editor's toolbar (guide/ui/editor.py)
    "editor_save": "save",
    "editor_undo": "undo-2",
    "editor_redo": "redo-2",
    "editor_heading": "heading-2",
    "editor_subheading": "heading-3",
    "editor_bold": "bold",
    "editor_bullets": "list",
    "editor_numbers": "list-ordered",
    "editor_table": "table",
    "editor_link": "link",
    "editor_image": "image",
    "editor_print": "printer",
    "editor_pdf": "file-down",
}
SIZES = (16, 20, 24, 32, 48)
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def _svg(name: str) -> str:
    try:
        return (resources.files("guide.resources") / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return ""


def render(name: str, colour: QColor, size: int) -> QImage:
    """The icon ``name`` drawn ``size`` pixels square in ``colour`` on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    svg = _svg(name).replace("currentColor", colour.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if renderer.isValid():
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    return image


def tinted(name: str, palette: QPalette) -> QIcon:
    """The icon in the palette's button text colour, and its disabled grey for disabled actions."""
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    return _tinted(name, normal.name(QColor.NameFormat.HexArgb), disabled.name(QColor.NameFormat.HexArgb))


@cache
def _tinted(name: str, normal: str, disabled: str) -> QIcon:
    """One icon per name and colour pair (a theme change back, or the print actions' arrival, reuses it)."""
    return QIcon(_TintedEngine(name, QColor(normal), QColor(disabled))) if _svg(name) else QIcon()


class _TintedEngine(QIconEngine):
    """Draws the SVG when a size is first asked for (a toolbar needs one size, a menu another;
    drawing every size of every icon up front cost 50 ms at start)."""

    def __init__(self, name: str, normal: QColor, disabled: QColor) -> None:
        super().__init__()
        self.name, self.normal, self.disabled = name, normal, disabled
        self._drawn: dict[tuple[int, bool], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        off = mode == QIcon.Mode.Disabled
        key = (side, off)
        if key not in self._drawn:
            self._drawn[key] = QPixmap.fromImage(render(self.name, self.disabled if off else self.normal, side))
        return self._drawn[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def clone(self) -> QIconEngine:
        return _TintedEngine(self.name, self.normal, self.disabled)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(s, s) for s in SIZES]


def apply_to(widget: QWidget) -> None:
    """Draw the icons of a widget's named actions in the theme's text colour (again after each theme change)."""
    palette = QApplication.palette()
    for action in widget.findChildren(QAction):
        name = ACTION_ICONS.get(action.objectName())
        if name:
            action.setIcon(tinted(name, palette))


def app_icon() -> QIcon:
    """The application's own icon (window, task bar), from its PNG sizes and the SVG."""
    icon = QIcon()
    folder = resources.files("guide.resources") / "icons"
    for size in APP_ICON_SIZES:
        entry = folder / f"health-guide-{size}.png"
        if isinstance(entry, Path):  # a file: Qt reads it when that size is first drawn, not at start
            if entry.is_file():
                icon.addFile(str(entry), QSize(size, size))
        elif entry.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(entry.read_bytes())
            icon.addPixmap(pixmap)
    return icon
