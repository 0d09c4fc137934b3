"""A notice bar above the reading pane: one sentence, an optional button that helps, and Close.

Used for things a person should read but that need no answer at once (a content folder that is
not there), where a modal message box would stop the window from opening until it was dismissed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    """Hidden until :meth:`show_message`; its Close button hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # palette colours, so that it follows the light, dark and high-contrast themes
        self.setStyleSheet("QFrame#notice { background: palette(alternate-base); border: 1px solid palette(mid); }")
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.action = QPushButton(self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the notice"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._act)
        self.hide()

    def show_message(self, text: str, action: str = "", callback: Callable[[], None] | None = None) -> None:
        """Show ``text``; with ``action`` and ``callback``, a button that runs it."""
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self._callback = callback
        self.action.setText(action)
        self.action.setVisible(bool(action and callback))
        self.show()

    def text(self) -> str:
        return self.label.text()

    def _act(self) -> None:
        if self._callback is not None:
            self._callback()
