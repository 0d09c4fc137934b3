"""The main window's menus, toolbar and their actions, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from guide.ui.navigation import Place
from guide.ui.themes import THEMES

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

Keys = str | QKeySequence.StandardKey | list[Any] | None


def add_action(window: MainWindow, menu: QMenu, text: str, slot: Callable[..., Any], keys: Keys = None) -> QAction:
    """An action in ``menu`` that also works from anywhere in the window through its keys."""
    action = QAction(text, window)
    if keys is not None:
        seqs: list[QKeySequence] = []
        for key in keys if isinstance(keys, list) else [keys]:
            seqs += (
                [s for s in QKeySequence.keyBindings(key) if s not in seqs]
                if isinstance(key, QKeySequence.StandardKey)
                else [QKeySequence(key)]
            )
        action.setShortcuts(list(dict.fromkeys(seqs)))
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    """Create the menu bar and navigation toolbar, storing the actions the window updates later."""
    bar = w.menuBar()
    w.file_menu = bar.addMenu("&File")
    add_action(w, w.file_menu, "&Open content folder…", w.open_content_folder)
    w.file_menu.addSeparator()
    w.print_anchor = w.file_menu.addSeparator()  # print actions go above this
    add_action(w, w.file_menu, "&Quit", w.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    add_action(w, edit, "&Copy", w.reader.copy, QKeySequence.StandardKey.Copy)
    add_action(w, edit, "&Find in page", w.find_bar.open_bar, QKeySequence.StandardKey.Find)
    edit.addSeparator()
    add_action(w, edit, "&Preferences…", w.show_preferences, "Ctrl+,")

    view = bar.addMenu("&View")
    add_action(w, view, "Zoom &in", lambda: w.zoom(1), ["Ctrl++", "Ctrl+="])
    add_action(w, view, "Zoom &out", lambda: w.zoom(-1), "Ctrl+-")
    add_action(w, view, "&Reset zoom", lambda: w.zoom(0), "Ctrl+0")
    view.addSeparator()
    contents = w.contents_dock.toggleViewAction()
    contents.setText("&Contents")
    contents.setShortcut(QKeySequence("Ctrl+Shift+C"))
    view.addAction(contents)
    w.addAction(contents)
    w.easier_first_action = add_action(w, view, "Articles &easier first", w.set_easier_first)
    w.easier_first_action.setCheckable(True)
    w.easier_first_action.setChecked(w.store.settings.easier_first)
    w.easier_first_action.setStatusTip("List a topic's articles by reading level, the easiest to read first")
    theme_menu = view.addMenu("&Theme")
    w.theme_actions = {}
    group = QActionGroup(w)
    for key, label in THEMES.items():
        act = add_action(w, theme_menu, "&" + label, lambda _=False, k=key: w.set_theme(k))
        act.setCheckable(True)
        group.addAction(act)
        w.theme_actions[key] = act

    go = bar.addMenu("&Go")
    w.back_action = add_action(w, go, "&Back", w.back, ["Alt+Left", QKeySequence.StandardKey.Back])
    w.forward_action = add_action(w, go, "&Forward", w.forward, ["Alt+Right", QKeySequence.StandardKey.Forward])
    w.home_action = add_action(w, go, "&Home", lambda: w.show_place(Place("welcome")), "Alt+Home")
    add_action(w, go, "Focus &search", w.focus_search, ["Ctrl+K", "Ctrl+L"])
    add_action(w, go, "Next &pane", w.cycle_focus, "F6")

    marks = bar.addMenu("&Bookmarks")
    w.bookmark_action = add_action(w, marks, "&Add or remove bookmark", w.toggle_bookmark, "Ctrl+D")
    add_action(w, marks, "&Show bookmarks…", w.show_bookmarks, "Ctrl+Shift+B")

    helpm = bar.addMenu("&Help")
    add_action(w, helpm, "&Keyboard shortcuts", w.show_shortcuts, "F1")
    add_action(w, helpm, "Content &problems", w.show_problems)
    add_action(w, helpm, "&About", w.show_about)

    w.toolbar = QToolBar("Navigation", w)
    w.toolbar.setObjectName("navigation")
    w.toolbar.setAccessibleName("Navigation")
    for act in (w.back_action, w.forward_action, w.home_action, w.bookmark_action):
        w.toolbar.addAction(act)
    w.addToolBar(w.toolbar)
