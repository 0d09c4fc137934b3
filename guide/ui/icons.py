"""Icons for actions and the window: Lucide SVGs from resources/icons, drawn in the theme's text colour.

Lucide icons stroke with ``currentColor``; each is rendered with QSvgRenderer after that word is
replaced by the palette's colour (normal and disabled), so the same files suit the light, dark
and high-contrast themes. A file that is missing or unreadable gives an empty icon: the action
keeps its text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

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
    icon = QIcon()
    if not _svg(name):
        return icon
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    for size in SIZES:
        icon.addPixmap(QPixmap.fromImage(render(name, normal, size)), QIcon.Mode.Normal)
        icon.addPixmap(QPixmap.fromImage(render(name, disabled, size)), QIcon.Mode.Disabled)
    return icon


def app_icon() -> QIcon:
    """The application's own icon (window, task bar), from its PNG sizes and the SVG."""
    icon = QIcon()
    folder = resources.files("guide.resources") / "icons"
    for size in APP_ICON_SIZES:
        entry = folder / f"health-guide-{size}.png"
        if entry.is_file():
            pixmap = QPixmap()
            pixmap.loadFromData(entry.read_bytes())
            icon.addPixmap(pixmap)
    return icon
