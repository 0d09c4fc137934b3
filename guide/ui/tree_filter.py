"""A small filter box above the topic tree: type to keep only the topics and articles that match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QTreeView, QWidget

from guide.ui.topic_tree import TopicModel

FILTER_PAUSE_MS = 150  # typing pause before the tree is filtered again (55,000 titles take ~30 ms)
EXPAND_ALL_BELOW = 400  # with fewer articles kept, every topic is opened to show them
FILTER_KEYS = "Ctrl+Shift+F"


class TreeFilter(QLineEdit):
    """Filters a :class:`TopicModel` as the user types; Escape clears it, Down moves into the tree."""

    def __init__(self, tree: QTreeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.setObjectName("tree-filter")
        self.setPlaceholderText(
            self.tr("Filter topics ({keys})").format(
                keys=QKeySequence(FILTER_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Filter topics"))
        self.setAccessibleDescription(self.tr("Type words to keep only the topics and articles whose titles have them"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FILTER_PAUSE_MS)
        self.timer.timeout.connect(self.apply)
        self.textChanged.connect(lambda _text: self.timer.start())
        self.installEventFilter(self)
        self.action = QAction(self.tr("&Filter topics"), self)
        self.action.setShortcut(QKeySequence(FILTER_KEYS))
        self.action.setStatusTip(self.tr("Type to keep only the topics and articles that match"))
        self.action.triggered.connect(self.focus)
        self.kept = -1  # articles kept by the filter; -1 when there is none

    def model(self) -> TopicModel | None:
        model = self.tree.model()
        return model if isinstance(model, TopicModel) else None

    def focus(self) -> None:
        self.tree.setVisible(True)
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def apply(self) -> None:
        """Filter the tree by the text now in the box."""
        self.timer.stop()
        model = self.model()
        if model is None or model.filter_text == " ".join(self.text().casefold().split()):
            return
        self.kept = model.set_filter(self.text())
        if self.kept < 0:
            return
        if self.kept <= EXPAND_ALL_BELOW:
            self.tree.expandAll()
        else:  # too many to open everything at once: open the top-level topics only
            self.tree.expandToDepth(0)
        one = self.kept == 1
        self.setToolTip(
            self.tr("1 article matches") if one else self.tr("{count} articles match").format(count=self.kept)
        )
        self.setAccessibleDescription(
            self.tr("1 article shown") if one else self.tr("{count} articles shown").format(count=self.kept)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self.text():
                self.clear()
                self.apply()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply()
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.tree.currentIndex().isValid() and self.tree.model() is not None:
                    self.tree.setCurrentIndex(self.tree.model().index(0, 0))
                return True
        return super().eventFilter(watched, event)
