"""The main window's menus, toolbar and their actions, built in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from guide.ui.navigation import Place
from guide.ui.themes import THEMES, theme_label

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

Keys = str | QKeySequence.StandardKey | list[Any] | None
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
NEEDS_ARTICLE = "needs-article"  # the data of actions that do nothing without an article to print


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


def with_accelerator(label: str, taken: set[str]) -> str:
    """``label`` with its Alt key (&) on the first letter no earlier item took ("&Clair",
    "&Sombre", "C&ontraste élevé"); that letter is added to ``taken``."""
    for n, char in enumerate(label):
        if char.isalpha() and char.casefold() not in taken:
            taken.add(char.casefold())
            return f"{label[:n]}&{label[n:]}"
    return label


@dataclass
class Actions:
    """The window's menus and the actions it updates later, handed back by ``build_menus``.

    Like Frescobaldi's ``ActionCollection``: the window keeps this one value rather than
    having a builder set attributes on it. A later menu (an Article menu, File > Libraries…)
    adds its menu to ``menus`` and its actions as fields or to ``named``."""

    menus: dict[str, QMenu]  # "file", "edit", "view", "go", "bookmarks", "help"
    toolbar: QToolBar
    print_anchor: QAction  # print actions are inserted above this separator in the File menu
    back: QAction
    forward: QAction
    home: QAction
    bookmark: QAction
    easier_first: QAction
    themes: dict[str, QAction]
    named: dict[str, QAction] = field(default_factory=dict)  # the rest, by a short name

    def menu(self, key: str) -> QMenu:
        return self.menus[key]


def build_menus(w: MainWindow) -> Actions:
    """Create the menu bar and navigation toolbar; return the menus and actions the window updates."""
    bar = w.menuBar()
    menus: dict[str, QMenu] = {}
    named: dict[str, QAction] = {}
    file_menu = menus["file"] = bar.addMenu(translate("MainWindow", "&File"))
    named["open_content"] = add_action(
        w, file_menu, translate("MainWindow", "&Open content folder…"), w.open_content_folder
    )
    file_menu.addSeparator()
    print_anchor = file_menu.addSeparator()  # print actions go above this
    named["quit"] = add_action(w, file_menu, translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)

    edit = menus["edit"] = bar.addMenu(translate("MainWindow", "&Edit"))
    named["copy"] = add_action(w, edit, translate("MainWindow", "&Copy"), w.reader.copy, QKeySequence.StandardKey.Copy)
    named["find"] = add_action(
        w, edit, translate("MainWindow", "&Find in page"), w.find_bar.open_bar, QKeySequence.StandardKey.Find
    )
    edit.addSeparator()
    named["preferences"] = add_action(w, edit, translate("MainWindow", "&Preferences…"), w.show_preferences, "Ctrl+,")

    view = menus["view"] = bar.addMenu(translate("MainWindow", "&View"))
    named["zoom_in"] = add_action(w, view, translate("MainWindow", "Zoom &in"), lambda: w.zoom(1), ["Ctrl++", "Ctrl+="])
    named["zoom_out"] = add_action(w, view, translate("MainWindow", "Zoom &out"), lambda: w.zoom(-1), "Ctrl+-")
    named["zoom_reset"] = add_action(w, view, translate("MainWindow", "&Reset zoom"), lambda: w.zoom(0), "Ctrl+0")
    view.addSeparator()
    contents = w.contents_dock.choice  # the user's choice; the dock itself steps aside on pages without sections
    contents.setShortcut(QKeySequence("Ctrl+Shift+C"))
    view.addAction(contents)
    w.addAction(contents)
    named["contents"] = contents
    easier_first = add_action(w, view, translate("MainWindow", "Articles &easier first"), w.set_easier_first)
    easier_first.setCheckable(True)
    easier_first.setChecked(w.store.settings.easier_first)
    easier_first.setStatusTip(
        translate("MainWindow", "List a topic's articles by reading level, the easiest to read first")
    )
    theme_menu = menus["theme"] = view.addMenu(translate("MainWindow", "&Theme"))
    themes: dict[str, QAction] = {}
    group = QActionGroup(w)
    taken: set[str] = set()
    for key in THEMES:
        label = with_accelerator(theme_label(key), taken)
        act = add_action(w, theme_menu, label, lambda _=False, k=key: w.set_theme(k))
        act.setCheckable(True)
        group.addAction(act)
        themes[key] = act

    go = menus["go"] = bar.addMenu(translate("MainWindow", "&Go"))
    back = add_action(w, go, translate("MainWindow", "&Back"), w.back, ["Alt+Left", QKeySequence.StandardKey.Back])
    forward = add_action(
        w, go, translate("MainWindow", "&Forward"), w.forward, ["Alt+Right", QKeySequence.StandardKey.Forward]
    )
    home = add_action(w, go, translate("MainWindow", "&Home"), lambda: w.show_place(Place("welcome")), "Alt+Home")
    named["focus_search"] = add_action(
        w, go, translate("MainWindow", "Focus &search"), w.focus_search, ["Ctrl+K", "Ctrl+L"]
    )
    named["next_pane"] = add_action(w, go, translate("MainWindow", "Next &pane"), w.cycle_focus, "F6")

    marks = menus["bookmarks"] = bar.addMenu(translate("MainWindow", "&Bookmarks"))
    bookmark = add_action(w, marks, translate("MainWindow", "&Add or remove bookmark"), w.toggle_bookmark, "Ctrl+D")
    named["show_bookmarks"] = add_action(
        w, marks, translate("MainWindow", "&Show bookmarks…"), w.show_bookmarks, "Ctrl+Shift+B"
    )

    helpm = menus["help"] = bar.addMenu(translate("MainWindow", "&Help"))
    named["shortcuts"] = add_action(w, helpm, translate("MainWindow", "&Keyboard shortcuts"), w.show_shortcuts, "F1")
    named["problems"] = add_action(w, helpm, translate("MainWindow", "Content &problems"), w.show_problems)
    named["about"] = add_action(w, helpm, translate("MainWindow", "&About"), w.show_about)

    toolbar = QToolBar(translate("MainWindow", "Navigation"), w)
    toolbar.setObjectName("navigation")
    toolbar.setAccessibleName(toolbar.windowTitle())
    for act in (back, forward, home, bookmark):
        toolbar.addAction(act)
    w.addToolBar(toolbar)
    for name, act in {**named, "back": back, "forward": forward, "home": home, "bookmark": bookmark}.items():
        act.setObjectName(name)  # guide.ui.icons finds an action's icon by this name
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    return Actions(menus, toolbar, print_anchor, back, forward, home, bookmark, easier_first, themes, named)
