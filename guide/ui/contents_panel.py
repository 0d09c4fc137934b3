"""The Contents panel: the open page's sections; clicking one scrolls there, scrolling highlights one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QTextDocument
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from guide.core.models import Heading

T = TypeVar("T")
SLUG_ROLE = Qt.ItemDataRole.UserRole + 20
# a heading counts as "current" once it is this close to the top of the pane
TOP_SLACK = 24


def anchor_positions(document: QTextDocument) -> dict[str, float] | None:
    """Top of the block holding each named anchor, in document coordinates;
    None before the document has a width to lay out in (every block would say 0)."""
    if document.pageSize().width() <= 0:
        return None
    layout = document.documentLayout()
    found: dict[str, float] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                found.setdefault(name, layout.blockBoundingRect(block).top())
            it += 1
        block = block.next()
    return found


class ContentsPanel(QListWidget):
    """Lists headings of the page in ``reader``; emits ``section_chosen(slug)`` when one is opened."""

    section_chosen = Signal(str)

    def __init__(self, reader: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._positions: dict[str, float] | None = None
        self._pinned = False
        self._aimed: str | None = None  # a section gone to: highlighted while its heading is in sight
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has the whole heading
        self.setAccessibleName(self.tr("Contents"))
        self.setAccessibleDescription(self.tr("Sections of the open page; Enter scrolls the reading pane there"))
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        reader.verticalScrollBar().valueChanged.connect(self.track)
        # setHtml keeps the document and its layout; positions change on relayout (zoom, resize),
        # and are looked at again once the layout has settled
        self._retrack = QTimer(self)
        self._retrack.setSingleShot(True)
        self._retrack.setInterval(0)
        self._retrack.timeout.connect(self.track)
        reader.document().documentLayout().documentSizeChanged.connect(self._relayout)

    def set_headings(self, headings: tuple[Heading, ...]) -> None:
        """Show the headings of the page just put in the reader."""
        self.clear()
        self._aimed = None
        self._forget_positions()
        for heading in headings:
            if not heading.slug:
                continue
            indent = "    " * max(0, heading.level - 2)
            item = QListWidgetItem(indent + heading.text, self)
            item.setData(SLUG_ROLE, heading.slug)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, heading.text)
            item.setToolTip(heading.text)
        if not self.count():
            item = QListWidgetItem(self.tr("This page has no sections."), self)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.track()

    def titles(self) -> list[str]:
        return [self.item(n).text().strip() for n in range(self.count()) if self.item(n).data(SLUG_ROLE)]

    def current_slug(self) -> str | None:
        item = self.currentItem()
        return item.data(SLUG_ROLE) if item is not None and item.isSelected() else None

    def aim(self, slug: str | None) -> None:
        """The reading pane was sent to this section (a search hit, a link, Back): highlight it,
        even where the page ends too soon for its heading to reach the top."""
        self._aimed = slug
        self.track()

    def _chosen(self, item: QListWidgetItem) -> None:
        slug = item.data(SLUG_ROLE)
        if not slug:
            return
        self._pinned = True
        try:
            self.section_chosen.emit(slug)
        finally:
            self._pinned = False
        self._select(self.row(item))

    def _forget_positions(self) -> None:
        self._positions = None

    def _relayout(self) -> None:
        self._positions = None
        self._retrack.start()

    def track(self) -> None:
        """Highlight the last section whose heading has reached the top of the reading pane."""
        if self._pinned:
            return
        if not self.titles():  # nothing to highlight: spare walking a long page's blocks
            return
        if self._positions is None:
            self._positions = anchor_positions(self.reader.document())
        if self._positions is None:
            self._select(-1)
            return
        bar = self.reader.verticalScrollBar()
        if self._aimed is not None:
            y = self._positions.get(self._aimed)
            rows = [r for r in range(self.count()) if self.item(r).data(SLUG_ROLE) == self._aimed]
            if y is not None and rows and bar.value() - TOP_SLACK <= y < bar.value() + self.reader.viewport().height():
                self._select(rows[0])
                return
            self._aimed = None  # scrolled away from it: follow the scrolling again
        top = bar.value() + TOP_SLACK
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            # at the end short last sections never reach the top: take the last one in sight
            top = bar.value() + self.reader.viewport().height() - TOP_SLACK
        current = -1
        for row in range(self.count()):
            y = self._positions.get(self.item(row).data(SLUG_ROLE) or "")
            if y is not None and y <= top:
                current = row
        self._select(current)

    def _select(self, row: int) -> None:
        if row < 0:
            self.clearSelection()
            self.setCurrentRow(-1)
            return
        if row != self.currentRow() or not self.item(row).isSelected():
            self.setCurrentRow(row)
        self.scrollToItem(self.item(row))


class ContentsDock(QDockWidget):
    """The Contents panel in a dock that can be closed (View > Contents) or moved.

    Only articles have sections: on the welcome and topic pages the dock steps aside, so the
    reading pane gets its column. Whether the user wants Contents beside articles is
    ``choice`` (View > Contents, checked or not), kept apart from whether the dock shows now.
    """

    def __init__(self, reader: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contents"))
        self.setObjectName("contents")  # saveState/restoreState find it by this name
        self.panel = ContentsPanel(reader, self)
        self.panel.setObjectName("contents")  # the focus outline's style sheet selects on it
        self.setWidget(self.panel)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.for_articles = False  # the page shown is an article
        self.choice = QAction(self.tr("&Contents"), self)
        self.choice.setCheckable(True)
        self.choice.setChecked(True)
        self.choice.setStatusTip(self.tr("Show the sections of an article beside it"))
        self.choice.toggled.connect(self._apply)

    def show_for(self, article: bool) -> None:
        """The reading pane now shows an article (``True``) or a page without sections."""
        self.for_articles = article
        self._apply()

    def _apply(self) -> None:
        self.setVisible(self.choice.isChecked() and self.for_articles)

    def closeEvent(self, event: QCloseEvent) -> None:  # the dock's own close button: the user's choice
        super().closeEvent(event)
        if event.isAccepted():
            self.choice.setChecked(False)

    def chosen_state(self, save: Callable[[], T]) -> T:
        """``save()`` (the window's saveState) as if the dock showed as the user chose, so a window
        closed on the welcome page opens its next article with Contents as before."""
        if self.isHidden() == (not self.choice.isChecked()):
            return save()
        hidden = self.isHidden()
        self.setUpdatesEnabled(False)
        try:
            self.setVisible(self.choice.isChecked())
            return save()
        finally:
            self.setVisible(not hidden)
            self.setUpdatesEnabled(True)

    def restored(self) -> None:
        """After the window's restoreState: the saved visibility is the user's choice."""
        self.choice.setChecked(not self.isHidden())
        self._apply()
