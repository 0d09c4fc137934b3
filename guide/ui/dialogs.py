"""Small dialogs of the main window: read-only text (shortcuts, problems, about) and the bookmarks list."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide import __version__
from guide.core.bookmarks import Bookmarks
from guide.core.content import Library
from guide.core.models import Problem
from guide.core.problems import count_text, for_people


def _view_dialog(parent: QWidget, title: str, make_view: Callable[[QDialog], QWidget], width: int, height: int) -> None:
    """A modal dialog showing one read-only view above a Close button."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    view = make_view(dialog)
    view.setAccessibleName(title)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    dialog.exec()


def text_dialog(parent: QWidget, title: str, text: str) -> None:
    """Show ``text`` in a monospaced, read-only dialog with a Close button."""

    def make(dialog: QDialog) -> QWidget:
        view = QPlainTextEdit(text, dialog)
        view.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        view.setFont(font)
        return view

    _view_dialog(parent, title, make, 640, 400)


def _on_a_keyboard(keys: QKeySequence) -> bool:
    """False for the keys Qt adds to standard shortcuts that a clinic keyboard lacks (F13 to F35,
    and dedicated Copy, Paste, Back… keys): "Ctrl+C, Ctrl+Ins" rather than "…, F16, Copy"."""
    key = cast(Any, keys)[0].key().value if keys.count() else 0  # the stubs lack QKeySequence[i]
    return not (Qt.Key.Key_F13.value <= key <= 0x01FFFFFF)


def keys_text(action: QAction) -> str:
    """The action's keys as a keyboard shows them, without keys no clinic keyboard has."""
    return ", ".join(
        k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if _on_a_keyboard(k)
    )


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

WIDGET_KEYS = (  # shown through translate("Shortcuts", …)
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Search results"),
        (
            (QT_TRANSLATE_NOOP("Shortcuts", "Open the result"), QT_TRANSLATE_NOOP("Shortcuts", "Enter")),
            (QT_TRANSLATE_NOOP("Shortcuts", "Clear the search"), QT_TRANSLATE_NOOP("Shortcuts", "Esc")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Find in page"),
        (
            (
                QT_TRANSLATE_NOOP("Shortcuts", "Next / previous match"),
                QT_TRANSLATE_NOOP("Shortcuts", "Enter / Shift+Enter / F3"),
            ),
            (QT_TRANSLATE_NOOP("Shortcuts", "Close the find bar"), QT_TRANSLATE_NOOP("Shortcuts", "Esc")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Topics"),
        (
            (
                QT_TRANSLATE_NOOP("Shortcuts", "Open the highlighted item"),
                QT_TRANSLATE_NOOP("Shortcuts", "Arrow keys, then a moment's pause; or Enter"),
            ),
        ),
    ),
)


def shortcut_groups(menus: list[QMenu]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for each menu with keyboard shortcuts, sub-menus included,
    then the keys that belong to single panes."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for menu in menus:
        rows: list[tuple[str, str]] = []
        pending = list(menu.actions())
        while pending:
            action = pending.pop(0)
            if action.menu() is not None:
                pending[:0] = cast(QMenu, action.menu()).actions()
            elif keys := keys_text(action):
                rows.append((action.text().replace("&", ""), keys))
        if rows:
            groups.append((menu.title().replace("&", ""), rows))
    groups += [
        (
            translate("Shortcuts", str(title)),
            [(translate("Shortcuts", str(a)), translate("Shortcuts", str(k))) for a, k in rows],
        )
        for title, rows in WIDGET_KEYS
    ]
    return groups


def shortcuts_html(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """A two-column table, a heading row for each menu."""
    rows = []
    for title, entries in groups:
        rows.append(f'<tr><th colspan="2" align="left"><br>{html.escape(title)}</th></tr>')
        rows += [f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>" for name, keys in entries]
    return f'<table cellspacing="0" cellpadding="3" width="100%">{"".join(rows)}</table>'


def shortcuts_dialog(parent: QWidget, menus: list[QMenu]) -> None:
    """F1: the keyboard shortcuts as a table grouped by menu, with a Close button."""

    def make(dialog: QDialog) -> QWidget:
        view = QTextBrowser(dialog)
        view.setObjectName("shortcuts")
        view.setHtml(shortcuts_html(shortcut_groups(menus)))
        return view

    _view_dialog(parent, translate("Shortcuts", "Keyboard shortcuts"), make, 560, 560)


def problems_text(problems: Sequence[Problem]) -> str:
    """The problems as people read them (what is wrong, then file and line), errors first."""
    ordered = sorted(problems, key=lambda p: p.severity != "error")  # stable: file order kept within each
    text = "\n\n".join(for_people(p) for p in ordered)
    return (
        f"{count_text(problems)}:\n\n{text}" if problems else translate("Problems", "No problems found in the content.")
    )


def about_html(library: Library) -> str:
    dates = [a.reviewed for a in library.articles() if a.reviewed]
    newest = max(dates).isoformat() if dates else translate("About", "unknown")
    return (
        f"<b>{html.escape(translate('MainWindow', 'Health guide'))}</b> {html.escape(__version__)}<br>"
        + html.escape(
            translate("About", "{count} articles; newest review {date}.").format(count=len(library), date=newest)
        )
        + "<br>"
        + html.escape(translate("About", "Works without a network."))
    )


class BookmarksDialog(QDialog):
    """Lists the bookmarks; Enter opens one, Delete removes it."""

    def __init__(
        self,
        library: Library,
        bookmarks: Bookmarks,
        open_article: Callable[[str], object],
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.bookmarks = bookmarks
        self.open_article = open_article
        self.changed = changed
        self.setWindowTitle(self.tr("Bookmarks"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Enter opens a bookmark; Delete removes it."), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Bookmarks"))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        delete = QAction(self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(self.delete_current)
        self.list.addAction(delete)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for article_id in self.bookmarks.ids:
            article = self.library.article(article_id)
            self.list.addItem(article.title if article else self.tr("{id} (missing)").format(id=article_id))
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, article_id)
        if self.list.count():
            self.list.setCurrentRow(0)

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_article(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.bookmarks.remove(item.data(Qt.ItemDataRole.UserRole))
            self.fill()
            self.changed()
