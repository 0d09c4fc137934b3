"""Search box, matching titles and results list; searches run in the background as typing pauses.

Titles that match what is typed are listed in the pane, under the box, not in a pop-up:
a pop-up covered the top results and swallowed the first click on one. Escape closes
the titles, then gives the focus back; only the box's clear button (✕) clears a search.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide.core.models import SearchHit, SearchResults, Suggestion
from guide.ui.tasks import Progress, TaskRunner

HIT_ROLE = Qt.ItemDataRole.UserRole + 10
T = TypeVar("T")
TITLE_ROWS = 4  # matching titles shown under the box at most (the list scrolls for more)
SHOWN_QUERY = 60  # characters of a query quoted back in the note line; a long paste is cut


def shorten(text: str, limit: int = SHOWN_QUERY) -> str:
    """``text`` on one line, cut at a word with "…" when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


class Searcher(Protocol):
    def search(self, query: str, limit: int = 10) -> SearchResults: ...
    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]: ...


class SearchPanel(QWidget):
    """Emits ``hit_chosen(hit)`` when a result is opened and ``active_changed(bool)``."""

    hit_chosen = Signal(object)
    suggestion_chosen = Signal(str)
    active_changed = Signal(bool)
    leave = Signal()  # Escape with nothing left to close: the window moves the focus on

    def __init__(self, index: Searcher | None, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.tasks = tasks
        self._generation = 0
        self._in_flight = 0  # background searches running; they hold the index's lock
        self._warm = False  # the index has been opened by a background search
        self._suggestions: dict[str, str] = {}
        self._suggested_for: str | None = None  # the text whose titles were shown as it was typed
        self._pending: str | None = None  # a query typed while the index was being prepared
        self._ready = False  # the window has said the index is built or opened (index_ready)
        self.box = QLineEdit(self)
        self.box.setObjectName("search")
        self.box.setPlaceholderText(self.tr("Search (Ctrl+K)"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Search"))
        self.box.setAccessibleDescription(self.tr("Type words to find articles; Down moves into the results"))
        self.note = QLabel(self)
        self.note.setObjectName("search-note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.hide()
        self.note.linkActivated.connect(self._search_instead)
        self.results = QListWidget(self)
        self.results.setObjectName("results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(
            self.tr("Articles found; Enter opens one, Escape goes back to the search box")
        )
        self.results.setWordWrap(True)
        # rows are QLabels that keep their text colour: a see-through selection stays legible
        palette = self.results.palette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(90, 140, 220, 90))
        self.results.setPalette(palette)
        self.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.results.hide()
        self.completer_model = QStringListModel(self)
        self.titles = QListView(self)
        self.titles.setObjectName("titles")
        self.titles.setModel(self.completer_model)
        self.titles.setAccessibleName(self.tr("Matching titles"))
        self.titles.setAccessibleDescription(self.tr("Articles whose title matches what you typed; Enter opens one"))
        self.titles.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.titles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.titles.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.titles.activated.connect(self._title_activated)
        self.titles.clicked.connect(self._title_activated)
        self.titles.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.titles)
        layout.addWidget(self.note)
        layout.addWidget(self.results, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.search_now)
        self.box.textEdited.connect(self._edited)
        self.box.returnPressed.connect(self.open_first)
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)
        self.titles.installEventFilter(self)
        self.last: SearchResults | None = None

    # -- typing ----------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if not text.strip():
            self.clear()
            return
        # titles under the box follow every key (suggest takes ~3 ms); the full search waits for a
        # pause. Not while a search runs, which holds the index's lock, nor before the first search
        # has opened the index: either would stall typing, and that search brings suggestions too.
        self._suggested_for = None
        if self.index is not None and self._warm and not self._in_flight:
            self._show_suggestions(self.index.suggest(text.strip(), limit=8))
            self._suggested_for = text.strip()
        self.timer.start()

    def search_now(self) -> None:
        query = self.box.text().strip()
        if not query or self.index is None:
            return
        index = self.index
        suggest = query != self._suggested_for  # else its titles were already shown as it was typed

        def op(progress: Progress) -> tuple[SearchResults, list[Suggestion] | None]:
            return index.search(query, limit=30), (index.suggest(query, limit=8) if suggest else None)

        self._run(op, lambda found: self.show_results(*found))

    def _run(self, op: Callable[[Progress], T], show: Callable[[T], None]) -> None:
        """Search in the background; only the newest search's results are shown."""
        self._generation += 1
        generation = self._generation

        def done(result: T) -> None:
            self._in_flight -= 1
            self._warm = True
            if generation == self._generation:
                show(result)

        def failed(exc: BaseException) -> None:
            self._in_flight -= 1
            self._failed(exc)

        self._in_flight += 1
        self.tasks.run(op, done, failure=failed)

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(html.escape(self.tr("Search failed: {error}").format(error=exc)))
        self.note.show()

    def show_results(self, results: SearchResults, suggestions: list[Suggestion] | None) -> None:
        """Show a search's hits; ``suggestions`` None keeps the titles already under the box."""
        self.last = results
        # before the index is ready, a search that found nothing is run again when it is
        self._pending = results.query if results.waiting or (not self._ready and not results.hits) else None
        self.results.clear()
        for hit in results.hits:
            self._add_hit(hit)
        if results.corrected:
            self.note.setText(
                self.tr("Showing results for {corrected} — search instead for {query}").format(
                    corrected=f"<b>{html.escape(shorten(results.corrected))}</b>",
                    query=f'<a href="instead">{html.escape(shorten(results.query))}</a>',
                )
            )
            self.note.show()
        elif results.message or not results.hits:
            self.note.setText(html.escape(results.message or self.tr("No articles found.")))
            self.note.show()
        else:
            self.note.hide()
        if suggestions is not None:
            self._show_suggestions(suggestions)
        self.results.show()
        self.active_changed.emit(True)

    def index_ready(self) -> None:
        """The index has been built or opened: run the query that was typed while it was not."""
        self._ready = True
        self._warm = True  # titles may follow every key from now on
        if self._pending is not None and self.box.text().strip():
            self._pending = None
            self.timer.stop()
            self.search_now()

    def _show_suggestions(self, suggestions: list[Suggestion]) -> None:
        self._suggestions = {s.text: s.id for s in suggestions}
        if self.box.hasFocus() or self.titles.hasFocus():
            self.completer_model.setStringList([s.text for s in suggestions])
            self._fit_titles()

    def _fit_titles(self) -> None:
        """Show the titles list as tall as its rows (at most TITLE_ROWS), or hide it when empty."""
        rows = self.completer_model.rowCount()
        if not rows or not self.box.text().strip():
            self.titles.hide()
            return
        row = self.titles.sizeHintForRow(0)
        row = row if row > 0 else self.fontMetrics().height() + 2
        self.titles.setFixedHeight(row * min(rows, TITLE_ROWS) + 2 * self.titles.frameWidth())
        self.titles.show()

    def hide_titles(self) -> None:
        self.completer_model.setStringList([])
        self.titles.hide()

    def _add_hit(self, hit: SearchHit) -> None:
        item = QListWidgetItem(self.results)
        item.setData(HIT_ROLE, hit)
        section = f" › {html.escape(hit.section)}" if hit.section else ""
        origin = ""
        if hit.source or hit.also_in:
            others = ", ".join(dict.fromkeys(src or aid for aid, src in hit.also_in))
            also = " · " + html.escape(self.tr("also in: {places}").format(places=others)) if others else ""
            origin = f"<br><i>{html.escape(hit.source)}{also}</i>"  # the pane's size (text size applies)
        label = QLabel(f"<b>{html.escape(hit.title)}</b>{section}<br>{hit.snippet}{origin}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setContentsMargins(4, 3, 4, 3)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item.setText("")
        spoken = f"{hit.title} — {hit.section}" if hit.section else hit.title
        spoken += " " + self.tr("(from {source})").format(source=hit.source) if hit.source else ""
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setSizeHint(label.sizeHint())
        self.results.setItemWidget(item, label)

    def _search_instead(self, _link: str) -> None:
        if self.index is None or self.last is None:
            return
        self.timer.stop()
        query = self.last.query
        index = self.index
        nothing = self.tr("No articles found.")

        def op(progress: Progress) -> SearchResults:
            found = index.search(f'"{query}"' if " " in query else query, limit=30)
            return found if found.corrected is None else SearchResults(query=query, message=nothing)

        self._run(op, lambda results: self.show_results(results, []))

    # -- choosing --------------------------------------------------------------------
    def _activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hit_chosen.emit(hit)

    def _title_activated(self, index: object) -> None:
        text = self.completer_model.data(index, Qt.ItemDataRole.DisplayRole)  # type: ignore[arg-type]
        article_id = self._suggestions.get(str(text))
        if article_id:
            self.suggestion_chosen.emit(article_id)

    def open_first(self) -> None:
        if self.timer.isActive() or self.last is None:
            self.timer.stop()
            self.search_now()
            return
        if self.results.count():
            self._activated(self.results.item(0))

    def _titles_visible(self) -> bool:
        return self.titles.isVisible() and self.completer_model.rowCount() > 0

    def clear(self) -> None:
        self.timer.stop()
        self._generation += 1
        self.box.clear()
        self._suggested_for = None
        self._pending = None
        self.hide_titles()
        self.results.clear()
        self.results.hide()
        self.note.hide()
        self.last = None
        self.active_changed.emit(False)

    def selected_ids(self) -> list[str]:
        return [i.data(HIT_ROLE).id for i in self.results.selectedItems() if i.data(HIT_ROLE) is not None]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        used = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._key(watched, event.key())
        return True if used else super().eventFilter(watched, event)

    def _key(self, watched: QObject, key: int) -> bool:
        """Moves between the box, the titles and the results; True when the key was used."""
        if key == Qt.Key.Key_Escape:
            if watched is self.box and self._titles_visible():
                self.hide_titles()  # the titles close; the query and results stay
            elif watched is self.titles:
                self.hide_titles()
                self.box.setFocus()
            elif watched is self.results:
                self.box.setFocus()
            elif watched is self.box and (self.box.text() or self.results.isVisible()):
                self.leave.emit()  # nothing is cleared: that is the ✕ button's job
            else:
                return False
            return True
        if key == Qt.Key.Key_Down:
            if watched is self.box and self._titles_visible():
                self.titles.setFocus()
                self.titles.setCurrentIndex(self.completer_model.index(0))
                return True
            last_title = self.titles.currentIndex().row() == self.completer_model.rowCount() - 1
            if (watched is self.box or (watched is self.titles and last_title)) and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
        if key == Qt.Key.Key_Up:
            if watched is self.titles and self.titles.currentIndex().row() <= 0:
                self.box.setFocus()
                return True
            if watched is self.results and self.results.currentRow() <= 0:
                (self.titles if self._titles_visible() else self.box).setFocus()
                return True
        return False
