"""Find in page: a bar under the reading pane that highlights every match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget


class FindBar(QWidget):
    """Highlights all matches of the typed text in ``view`` and steps through them."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.box = QLineEdit(self)
        self.box.setObjectName("find")
        self.box.setPlaceholderText(self.tr("Find in page"))
        self.box.setAccessibleName(self.tr("Find in page"))
        self.count = QLabel("", self)
        self.count.setAccessibleName(self.tr("Matches"))
        prev_button = QPushButton(self.tr("Previous"), self)
        next_button = QPushButton(self.tr("Next"), self)
        close_button = QPushButton(self.tr("Close"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (QLabel(self.tr("Find:"), self), self.box, self.count, prev_button, next_button, close_button):
            layout.addWidget(widget)
        self.box.textChanged.connect(self.refresh)
        self.box.installEventFilter(self)
        prev_button.clicked.connect(self.previous)
        next_button.clicked.connect(self.next)
        close_button.clicked.connect(self.close_bar)
        for keys, slot in (
            (QKeySequence.StandardKey.FindNext, self.next),
            (QKeySequence.StandardKey.FindPrevious, self.previous),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.box.setFocus()
        self.box.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.view.setExtraSelections([])
        self.view.setFocus()

    def refresh(self) -> None:
        text = self.box.text()
        self.matches = []
        doc = self.view.document()
        if text:
            cursor = doc.find(text, 0)
            while not cursor.isNull():
                self.matches.append(cursor)
                cursor = doc.find(text, cursor)
        self.current = 0 if self.matches else -1
        self._show()

    def next(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches)
            self._show()

    def previous(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._show()

    def _show(self) -> None:
        selections = []
        for n, cursor in enumerate(self.matches):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format.setBackground(QColor("#ff9632" if n == self.current else "#fff176"))
            sel.format.setForeground(QColor("black"))
            selections.append(sel)
        self.view.setExtraSelections(selections)
        if self.matches:
            self.view.setTextCursor(self.matches[self.current])
            self.view.ensureCursorVisible()
            self.count.setText(self.tr("{number} of {count}").format(number=self.current + 1, count=len(self.matches)))
        else:
            self.count.setText(self.tr("No matches") if self.box.text() else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous()
                else:
                    self.next()
                return True
        return super().eventFilter(watched, event)


def highlight_terms(view: QTextEdit, terms: tuple[str, ...]) -> int:
    """Mark every occurrence of the search terms in the page; returns how many."""
    selections = []
    doc = view.document()
    for term in terms:
        if not term:
            continue
        cursor = doc.find(term, 0, QTextDocument.FindFlag.FindWholeWords)
        while not cursor.isNull():
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format.setBackground(QColor("#fff176"))
            sel.format.setForeground(QColor("black"))
            selections.append(sel)
            cursor = doc.find(term, cursor, QTextDocument.FindFlag.FindWholeWords)
    view.setExtraSelections(selections)
    return len(selections)
