"""Keyboard only: Tab and F6 reach every pane, each announces a name, every menu command has keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QWidget

from guide.ui.navigation import Place
from guide.ui.preferences import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else the text Qt derives (button text, buddy label)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or widget.accessibleName()


def owner(widget: QWidget, inside: QWidget) -> QWidget:
    """The widget the user thinks of: a spin box or combo box, not the line edit inside it."""
    while widget.parentWidget() is not None and widget.parentWidget() is not inside and widget.focusProxy() is None:
        parent = widget.parentWidget()
        if parent.focusProxy() is widget:
            widget = parent
            continue
        break
    return widget


def tab_walk(qtbot: Any, top: QWidget, start: QWidget, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(60):
        focused = QApplication.focusWidget()
        assert focused is not None
        focused = owner(focused, top)
        if seen and focused is seen[-1]:  # Tab steps through the reading pane's links first
            qtbot.keyClick(QApplication.focusWidget(), key)
            continue
        if focused in seen:
            break
        seen.append(focused)
        qtbot.keyClick(QApplication.focusWidget(), key)
    return seen


def test_tab_reaches_every_pane_and_each_has_a_name(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    visited = tab_walk(qtbot, window, window.search.box)
    for pane in (window.search.box, window.tree, window.reader, window.contents):
        assert pane in visited, pane.objectName()
    nameless = [type(w).__name__ for w in visited if not spoken_name(w).strip()]
    assert nameless == []
    for key in (window.search.box, window.tree, window.reader, window.contents):
        assert key.accessibleDescription(), key.accessibleName()
    qtbot.keyClicks(window.search.box, "heart")
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    window.search.hide_titles()
    visited = tab_walk(qtbot, window, window.search.box)
    assert window.search.results in visited
    assert window.search.results.accessibleDescription()


def test_f6_visits_the_panes_in_a_cycle(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))  # Contents shows beside articles only
    order = tab_walk(qtbot, window, window.search.box, Qt.Key.Key_F6)
    assert order == [window.search.box, window.tree, window.reader, window.contents]


def test_preferences_dialog_walks_with_tab_and_names_everything(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    qtbot.keyClick(window.reader, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PreferencesDialog, "preferences")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    visited = tab_walk(qtbot, dialog, dialog.theme)
    assert [w for w in visited if w in (dialog.theme, dialog.text_size, dialog.paper, dialog.large_print)] == [
        dialog.theme,
        dialog.text_size,
        dialog.paper,
        dialog.large_print,
    ]
    assert dialog.clinic.name in visited and dialog.clinic.logo in visited
    assert [type(w).__name__ for w in visited if not spoken_name(w).strip()] == []
    dialog.reject()


def menu_actions(menu: QMenu) -> list[tuple[str, Any]]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += [(f"{menu.title()} > {t}", a) for t, a in menu_actions(action.menu())]
        else:
            found.append((f"{menu.title()} > {action.text()}", action))
    return found


def test_every_menu_command_is_reachable_by_keyboard(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert len(menus) >= 5
    unreachable = []
    for menu in menus:
        assert "&" in menu.title(), menu.title()
        for path, action in menu_actions(menu):
            submenu_titles_ok = all("&" in part for part in path.split(" > ")[:-1])
            if action.shortcut().isEmpty() and not ("&" in action.text() and submenu_titles_ok):
                unreachable.append(path)
    assert unreachable == []


def pane_border(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(QPoint(0, image.height() // 2))


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_focused_pane_has_a_visible_outline(qtbot: Any, make_window: Any, sample_root: Path, theme: str) -> None:
    from guide.ui.themes import FOCUS

    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    window.show_place(Place("article", "heart/heart-attack"))
    accent = QColor(FOCUS[theme])
    panes = [window.search.box, window.tree, window.reader, window.contents]
    window.search.box.setFocus()
    qtbot.waitUntil(window.search.box.hasFocus)
    for step in range(len(panes)):
        focused = panes[step]
        assert QApplication.focusWidget() is focused
        for pane in panes:
            assert (pane_border(pane) == accent) == (pane is focused), (pane.objectName(), focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_F6)


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        parts = [v / 255 for v in (c.red(), c.green(), c.blue())]
        lin = [p / 12.92 if p <= 0.03928 else ((p + 0.055) / 1.055) ** 2.4 for p in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_search_placeholder_is_readable(make_window: Any, sample_root: Path, theme: str) -> None:
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    palette = window.search.box.palette()
    ratio = contrast(palette.placeholderText().color(), palette.base().color())
    assert ratio >= 4.5, f"{theme}: placeholder contrast {ratio:.1f}:1"
    assert QGuiApplication.palette().placeholderText().color() == palette.placeholderText().color()


@pytest.mark.parametrize(("theme", "needed"), [("light", 7.0), ("dark", 7.0), ("high-contrast", 15.0)])
def test_reading_pane_text_stands_out_from_its_background(
    make_window: Any, sample_root: Path, theme: str, needed: float
) -> None:
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    window.show_place(Place("article", "heart/heart-attack"))
    image = window.reader.viewport().grab().toImage()
    background = image.pixelColor(QPoint(image.width() - 3, image.height() - 3))
    cursor = window.reader.document().find("Call for emergency help")
    assert not cursor.isNull()
    text = cursor.charFormat().foreground().color()
    assert contrast(text, background) >= needed, f"{theme}: {text.name()} on {background.name()}"


def test_high_contrast_fields_have_visible_frames(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.acts.themes["high-contrast"].trigger()
    qtbot.keyClick(window.reader, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PreferencesDialog, "preferences")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    for field in (dialog.clinic.name, dialog.clinic.contact, window.search.box):
        assert pane_border(field) == QColor("#ffffff"), field.accessibleName()
    dialog.reject()


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_contents_close_button_stands_out(make_window: Any, sample_root: Path, theme: str) -> None:
    """The cross that closes the Contents panel: its darkest and lightest pixels differ enough to see."""
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    window.show_place(Place("article", "heart/heart-attack"))  # Contents shows beside articles only
    button = window.contents_dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
    assert button is not None and button.isVisible()
    image = button.grab().toImage()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    darkest, lightest = min(pixels, key=QColor.lightness), max(pixels, key=QColor.lightness)
    assert contrast(darkest, lightest) >= 4.5, f"{theme}: {darkest.name()} on {lightest.name()}"
