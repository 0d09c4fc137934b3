"""Rows of a QListWidget whose item widgets are word-wrapped labels: each row as tall as its
label needs at the list's width, so nothing is cut off and no sideways scroll bar is needed.

A QLabel's own size hint guesses a width; in a list narrower than the guess the text was cut
off (or, with a sideways scroll bar, needed scrolling). The heights are fitted again when rows
are added, when the list is resized, and when its font changes (text size).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QListWidget


class WrappedRows(QObject):
    """Keeps the row heights of ``view`` fitted to its item widgets at the view's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.model().rowsInserted.connect(self._timer.start)
        self._watching = False  # the viewport's resizes, from the first rows on (see fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._timer.start()
        return False

    def fit(self) -> None:
        if self.view.count() == 0:  # nothing to fit; and the window's start does not ask for the
            return  # viewport, whose first wrapping costs ~6 ms of PySide type set-up
        if not self._watching:
            self._watching = True
            self.view.viewport().installEventFilter(self)
        width = self.view.viewport().width()
        if width <= 0:
            return
        for row in range(self.view.count()):
            item = self.view.item(row)
            widget = self.view.itemWidget(item)
            if widget is None:
                continue
            widget.setFont(self.view.viewport().font())
            height = widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()
            if item.sizeHint() != QSize(width, height):
                item.setSizeHint(QSize(width, height))
