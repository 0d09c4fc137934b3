"""Themes: the application palette and the reading-pane style sheet for light, dark and high contrast."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from guide.core import i18n
from guide.core.settings import THEMES  # the allowed themes are declared once, in core

# The light sheet holds all layout; a theme's sheet only overrides colours and is loaded after it.
THEME_CSS = {"dark": "reader-dark.css", "high-contrast": "reader-contrast.css"}


def choice_label(label: str) -> str:
    """A setting's label (declared once in core, marked N_ there) in the interface's language:
    core's own catalogs (gettext) translate it, as they do the core's other words."""
    return i18n._(label)


def theme_label(key: str) -> str:
    return choice_label(THEMES.get(key, key))


def read_css(name: str) -> str:
    try:
        return resources.files("guide.resources").joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return ""


def desktop_is_dark() -> bool:
    return QApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def effective_theme(theme: str) -> str:
    """The theme actually shown: "system" follows the desktop's light or dark choice."""
    if theme == "system":
        return "dark" if desktop_is_dark() else "light"
    return theme if theme in THEMES else "light"


def reader_css(theme: str) -> str:
    """reader.css with the theme's colour overrides after it."""
    extra = read_css(THEME_CSS[theme]) if theme in THEME_CSS else ""
    return read_css("reader.css") + "\n" + extra


# the colour of the focus outline, and of placeholder text in the boxes, per theme
FOCUS = {"light": "#1a5fb4", "dark": "#8ab4f8", "high-contrast": "#ffff00"}
PLACEHOLDER = {"light": "#5e6670", "dark": "#b4bac2", "high-contrast": "#e0e0e0"}
FOCUSABLE = (
    "QTreeView#topics",
    "QListWidget#results",
    "QListWidget#contents",
    "QTextBrowser#reader",
    "QPlainTextEdit#markdown",
    "QTextBrowser#preview",
    "QListWidget#problems",
)  # the last three: editor


def window_css(theme: str) -> str:
    """A visible outline round the pane that has the keyboard focus (the frame is drawn either way,
    so nothing moves when the focus does)."""
    colour = FOCUS.get(theme, FOCUS["light"])
    rest = "#8a8f96" if theme == "light" else "#5f6368" if theme == "dark" else "#ffffff"
    panes = ", ".join(FOCUSABLE)
    focused = ", ".join(f"{name}:focus" for name in FOCUSABLE)
    return (
        f"{panes} {{ border: 1px solid {rest}; padding: 1px; }}\n"
        f"{focused} {{ border: 2px solid {colour}; padding: 0px; }}\n"
        f"QLineEdit#search:focus, QLineEdit#find:focus {{ border: 2px solid {colour}; border-radius: 3px; }}\n"
        + fields_css(theme)
    )


# Fusion draws field frames a shade darker than the window: on black that is black and on the
# dark grey nearly so, and boxes and check boxes vanished. Drawn frames, arrows and ticks instead;
# the dock's close button (a dark cross Fusion draws whatever the palette) gets a light square.
# Text panes and lists (the editor's text, its Sources box, the Libraries table) lost their frames
# the same way, and the dialog buttons' stock icons (Close's dark cross) vanished on black: no icons.
# A selected tree row's highlight also covered its expand arrow, drawn in the text colour: white
# on yellow, light grey on light blue. The highlight now starts after the arrow.
_FIELDS = """
QTreeView { show-decoration-selected: 0; }
QLineEdit, QAbstractSpinBox { border: 1px solid FRAME; padding: 2px 3px; }
QAbstractScrollArea { border: 1px solid FRAME; }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
QLineEdit:focus, QAbstractSpinBox:focus { border: 2px solid FOCUS; padding: 1px 2px; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 16px; border-left: 1px solid FRAME; }
QAbstractSpinBox::up-arrow { width: 0px; height: 0px; border-left: 5px solid BASE;
    border-right: 5px solid BASE; border-bottom: 6px solid ARROW; }
QAbstractSpinBox::down-arrow { width: 0px; height: 0px; border-left: 5px solid BASE;
    border-right: 5px solid BASE; border-top: 6px solid ARROW; }
QComboBox { border: 1px solid FRAME; padding: 1px 4px; }
QComboBox:focus { border: 2px solid FOCUS; padding: 0px 3px; }
QComboBox::drop-down { width: 16px; border-left: 1px solid FRAME; }
QComboBox::down-arrow { width: 0px; height: 0px; border-left: 5px solid BASE;
    border-right: 5px solid BASE; border-top: 6px solid ARROW; }
QCheckBox::indicator { width: 13px; height: 13px; border: 1px solid FRAME; background-color: BASE; }
QCheckBox::indicator:checked { background-color: FOCUS; border: 3px solid BASE; }
QCheckBox::indicator:focus { border: 2px solid FOCUS; }
QDockWidget::close-button, QDockWidget::float-button { background-color: #ffffff; border: 1px solid FRAME; }
QComboBox QAbstractItemView { border: 1px solid FRAME; background-color: BASE; }
QScrollBar:vertical { background-color: BASE; width: 14px; margin: 0px; border-left: 1px solid FRAME; }
QScrollBar:horizontal { background-color: BASE; height: 14px; margin: 0px; border-top: 1px solid FRAME; }
QScrollBar::handle:vertical { background-color: HANDLE; min-height: 32px; margin: 2px; border-radius: 4px; }
QScrollBar::handle:horizontal { background-color: HANDLE; min-width: 32px; margin: 2px; border-radius: 4px; }
QScrollBar::handle:hover { background-color: FOCUS; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""
FIELD_COLOURS = {  # frame, arrow, base (the box's own background), scroll bar handle
    "dark": ("#9aa0a6", "#e8eaed", "#2b2c2f", "#9aa0a6"),
    "high-contrast": ("#ffffff", "#ffffff", "#000000", "#ffffff"),
}


def fields_css(theme: str) -> str:
    """Frames for text, spin and combo boxes and check boxes; the light theme keeps Fusion's."""
    if theme not in FIELD_COLOURS:
        return ""
    frame, arrow, base, handle = FIELD_COLOURS[theme]
    css = _FIELDS.replace("FRAME", frame).replace("ARROW", arrow).replace("BASE", base).replace("HANDLE", handle)
    return css.replace("FOCUS", FOCUS[theme])


def palette(theme: str) -> QPalette:
    style = QStyleFactory.create("Fusion")
    result = style.standardPalette() if style is not None else QPalette()
    if theme in ("dark", "high-contrast"):
        dark = theme == "dark"
        bg, fg, base = ("#202124", "#e8eaed", "#2b2c2f") if dark else ("#000000", "#ffffff", "#000000")
        role = QPalette.ColorRole
        for role_, color in (
            (role.Window, bg),
            (role.WindowText, fg),
            (role.Base, base),
            (role.AlternateBase, bg),
            (role.Text, fg),
            (role.Button, bg),
            (role.ButtonText, fg),
            (role.ToolTipBase, base),
            (role.ToolTipText, fg),
            (role.Highlight, "#8ab4f8" if dark else "#ffff00"),
            (role.HighlightedText, "#000000"),
            (role.Link, "#8ab4f8" if dark else "#00ffff"),
        ):
            result.setColor(role_, QColor(color))
        result.setColor(role.PlaceholderText, QColor(PLACEHOLDER[theme]))
        grey = QColor("#8a8a8a" if dark else "#b0b0b0")
        for role_ in (role.WindowText, role.ButtonText, role.Text):
            result.setColor(QPalette.ColorGroup.Disabled, role_, grey)
    else:
        result.setColor(QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER["light"]))
    return result
