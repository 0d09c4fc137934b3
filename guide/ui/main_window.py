"""The main window: search and topic tree on the left, the reading pane on the right."""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide.core.bookmarks import Bookmarks
from guide.core.content import Library
from guide.core.i18n import translate_message
from guide.core.links import parse_url
from guide.core.models import IndexReport, Problem, Rendered, SearchHit, Topic
from guide.core.problems import content_problems, count_text
from guide.core.readability import ReadingLevels
from guide.core.recent import RecentArticles
from guide.core.render import Renderer
from guide.core.settings import ZOOM_LIMITS, SettingsStore
from guide.core.welcome import search_example, welcome_page
from guide.ui import icons, themes
from guide.ui.actions import NEEDS_ARTICLE, build_menus
from guide.ui.contents_panel import ContentsDock
from guide.ui.dialogs import BookmarksDialog, about_html, problems_text, shortcuts_dialog, text_dialog
from guide.ui.find_bar import FindBar, highlight_terms
from guide.ui.navigation import History, Place
from guide.ui.notice import NoticeBar
from guide.ui.reader import Reader
from guide.ui.reading_level import ReadingLevelLabel
from guide.ui.search_panel import Searcher, SearchPanel
from guide.ui.tasks import Progress, TaskRunner
from guide.ui.topic_tree import ID_ROLE, KIND_ROLE, build_model
from guide.ui.tree_filter import TreeFilter
from guide.ui.wrapped_rows import WrappedRows

log = logging.getLogger(__name__)
APP_TITLE = "Health guide"
CHECK_AFTER_MS = 1500  # how long after start the background content check begins
TREE_PAUSE_MS = 400  # how long the highlight rests in the topic tree before the item opens


def window_title(page_title: str) -> str:
    """ "Page — Health guide", or just "Health guide" for a page of that name (the welcome page)."""
    app_title = QCoreApplication.translate("MainWindow", "Health guide")
    if not page_title or page_title in (APP_TITLE, app_title):
        return app_title
    return f"{page_title} — {app_title}"


class Index(Searcher, Protocol):
    def update(self, progress: Any = None, files: Any = None) -> IndexReport: ...


class MainWindow(QMainWindow):
    """The reader window; services are handed in by ``guide.app``."""

    def __init__(
        self,
        library: Library,
        renderer: Renderer,
        index: Index | None,
        settings: SettingsStore,
        bookmarks: Bookmarks,
        levels: ReadingLevels,
        parent: QWidget | None = None,
        recent: RecentArticles | None = None,  # None: the welcome page lists no recently read
        check_cache: Path | None = None,  # folder of the content check's results (guide.core.check_cache)
    ) -> None:
        super().__init__(parent)
        self.check_cache = check_cache
        self.library = library
        self.renderer = renderer
        self.index = index
        self.store = settings
        self.bookmarks = bookmarks
        self.levels = levels
        self.recent = recent
        self.tasks = TaskRunner(self)
        self.history = History()
        self.current: Place = Place("welcome")
        self.setWindowTitle(window_title(""))

        self.search = SearchPanel(index, self.tasks, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("topics")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Topics"))
        self.tree.setAccessibleDescription(self.tr("Topics and their articles"))
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self._set_model()
        self.tree_filter = TreeFilter(self.tree, self)
        self.reader = Reader(library.roots, self)
        self.reader.setObjectName("reader")
        self.find_bar = FindBar(self.reader, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree_filter)
        left_layout.addWidget(self.tree, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 4, 4, 4)
        self.notice = NoticeBar(self)  # a sentence above the page, e.g. a content folder not found
        right_layout.addWidget(self.notice)
        self.welcome_search = self._welcome_search()
        right_layout.addWidget(self.welcome_search)
        right_layout.addWidget(self.reader, 1)
        right_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.setCentralWidget(self.splitter)
        self.contents_dock = ContentsDock(self.reader, self)
        self.contents = self.contents_dock.panel
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.contents_dock)
        self.resizeDocks([self.contents_dock], [220], Qt.Orientation.Horizontal)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("Indexing %p%"))
        self.progress.setAccessibleName(self.tr("Search index progress"))
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.level_label = ReadingLevelLabel(self.levels, self.tasks, self)
        self.level_label.topic_ready.connect(self._topic_graded)
        self.statusBar().addPermanentWidget(self.level_label)
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.statusBar().addPermanentWidget(self.problems_button)
        self._content_problems: list[Problem] | None = None  # None until the background check is done
        self._closing = threading.Event()
        self._show_problem_count()
        # Checking every link and image reads every article (seconds on a large library): it waits
        # until the window is on screen and its index is opening, and never holds back the first paint.
        QTimer.singleShot(CHECK_AFTER_MS, self, self._check_content)  # not after the window is gone
        self._tell_about_user_files()

        self.acts = build_menus(self)
        self.acts.menus["view"].addAction(self.tree_filter.action)
        self.addAction(self.tree_filter.action)
        self._print_actions: list[QAction] = []
        self._update_nav()
        self.reader.anchorClicked.connect(self.open_url)
        self.reader.back_requested.connect(self.back)
        self.reader.forward_requested.connect(self.forward)
        self.reader.zoom_requested.connect(self.zoom)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self.contents.section_chosen.connect(self.go_to_section)
        self.tree.clicked.connect(self._tree_clicked)
        self.tree_timer = QTimer(self)  # arrow keys open the highlighted item after a pause
        self.tree_timer.setSingleShot(True)
        self.tree_timer.setInterval(TREE_PAUSE_MS)
        self.tree_timer.timeout.connect(self._tree_paused)
        self.search.results.itemSelectionChanged.connect(self._update_print)
        self.tree.activated.connect(self._tree_chosen)
        self.search.hit_chosen.connect(self.open_hit)
        self.search.suggestion_chosen.connect(lambda aid: self.show_place(Place("article", aid)))
        self.result_rows = WrappedRows(self.search.results)  # rows wrap at the pane's width
        self.search.active_changed.connect(lambda active: self.tree.setVisible(not active))
        self.search.active_changed.connect(lambda active: self.tree_filter.setVisible(not active))
        self.search.leave.connect(lambda: self.reader.setFocus(Qt.FocusReason.ShortcutFocusReason))

        self.apply_theme(self.store.settings.theme)
        QApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._viewport_fonts = False
        self._apply_zoom()
        self._restore()

    # -- set-up -----------------------------------------------------------------------
    def _welcome_search(self) -> QLineEdit:
        """The large search field of the welcome page; typing in it carries on in the search pane,
        where the results, the title suggestions and the keys of the search are."""
        box = QLineEdit(self)
        box.setObjectName("welcome-search")
        box.setPlaceholderText(self._search_example())
        box.setAccessibleName(self.tr("Search the guide"))
        font = QFont(box.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        box.setFont(font)
        box.setMinimumHeight(int(box.fontMetrics().height() * 1.9))

        def hand_over(text: str) -> None:
            box.clear()
            self.search.box.setText(text)
            self.search.box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.search.box.textEdited.emit(text)

        box.textEdited.connect(hand_over)
        magnifier = box.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        magnifier.setObjectName("search_field")  # drawn by apply_icons
        return box

    def _search_example(self) -> str:
        example = search_example(self.library.root_topic, self.library.articles())
        return self.tr("Search the guide, for example: {example}").format(example=example)

    def _set_model(self) -> None:
        old = self.tree.selectionModel()
        self.model = build_model(self.library.root_topic)
        self.tree.setModel(self.model)  # this makes a new selection model: watch it (and drop the old)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self.tree_timer.start())
        self.tree.selectionModel().selectionChanged.connect(self._update_print)
        if old is not None:
            old.deleteLater()

    def reload_tree(self) -> None:
        """Rebuild the topic tree from the library (articles were saved, added or removed), keeping
        the topics the reader had open, the highlighted items and the scroll position.

        Only open topics are walked, and items are found again by id: a tree of 55,000 articles
        builds its rows only when shown, and a reload must not build them all."""
        model = self.tree.model()

        def open_topics(parent: QModelIndex) -> Iterator[QModelIndex]:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    yield index
                    yield from open_topics(index)

        def key(index: QModelIndex) -> tuple[str, str]:
            return index.data(KIND_ROLE), index.data(ID_ROLE)

        expanded = [key(i) for i in open_topics(QModelIndex())]
        selected = [key(i) for i in self.tree.selectionModel().selectedIndexes()]
        current = key(self.tree.currentIndex()) if self.tree.currentIndex().isValid() else None
        scrolled = self.tree.verticalScrollBar().value()
        self._set_model()
        selection = self.tree.selectionModel()
        for kind, item_id in expanded:
            if (index := self.model.find(kind, item_id)).isValid():
                self.tree.expand(index)
        if current is not None and (index := self.model.find(*current)).isValid():
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        for kind, item_id in selected:
            if (index := self.model.find(kind, item_id)).isValid():
                selection.select(index, QItemSelectionModel.SelectionFlag.Select)
        self.tree.verticalScrollBar().setValue(scrolled)

    # -- printing hook (wired by the printing engineer) ----------------------------------
    def add_print_actions(self, actions: list[QAction]) -> None:
        """Insert print/export actions into the File menu, the toolbar and the reader's menu."""
        for action in actions:
            self.acts.menus["file"].insertAction(self.acts.print_anchor, action)
            self.acts.toolbar.addAction(action)
            self.addAction(action)
        self._print_actions.extend(actions)
        self._update_print()
        self.apply_icons()

    def _update_print(self) -> None:
        """Print and Export PDF need an article: off on the welcome and topic pages with nothing selected."""
        has_article = bool(self.current_article_ids())
        for action in self._print_actions:
            if action.data() == NEEDS_ARTICLE:
                action.setEnabled(has_article)

    def current_article_ids(self) -> list[str]:
        """Articles selected in the results or the tree, else the open article."""
        if self.search.results.isVisible():
            ids = self.search.selected_ids()
            if ids:
                return ids
        if self.tree.hasFocus() or self.tree.selectionModel().hasSelection():
            ids = [
                i.data(ID_ROLE) for i in self.tree.selectionModel().selectedIndexes() if i.data(KIND_ROLE) == "article"
            ]
            if len(ids) > 1:
                return ids
        return [self.current.id] if self.current.kind == "article" else []

    def _reader_menu(self, pos: Any) -> None:
        menu = self.reader.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.acts.back)
        menu.addAction(self.acts.forward)
        menu.addAction(self.acts.bookmark)
        for action in self._print_actions:
            menu.addAction(action)
        menu.exec(self.reader.viewport().mapToGlobal(pos))

    # -- showing pages ------------------------------------------------------------------
    def show_place(self, place: Place, record: bool = True, terms: tuple[str, ...] = ()) -> bool:
        rendered = self._render(place)
        if rendered is None:
            self.statusBar().showMessage(self.tr("Not found: {id}").format(id=place.id), 5000)
            return False
        if record:
            self.history.record(place)
        if place.kind == "article" and self.recent is not None:
            self.recent.add(place.id)
        self.welcome_search.setVisible(place.kind == "welcome")
        self.current = place
        self.reader.setHtml(self._grading_note(place) + rendered.html)
        self.contents.set_headings(rendered.headings)
        self.contents_dock.show_for(place.kind == "article")
        self.level_label.show_article(self.library.article(place.id) if place.kind == "article" else None)
        self.setWindowTitle(window_title(rendered.title))
        if place.anchor:
            self.reader.scrollToAnchor(place.anchor)
            self.contents.aim(place.anchor)
        else:
            self.reader.verticalScrollBar().setValue(0)
        highlight_terms(self.reader, terms)
        if self.find_bar.isVisible():
            self.find_bar.refresh()
        self._update_nav()
        self._select_in_tree(place)
        return True

    def _render(self, place: Place) -> Rendered | None:
        if place.kind == "article":
            article = self.library.article(place.id)
            return self.renderer.article(article) if article is not None else None
        if place.kind == "topic":
            topic = self.library.topic(place.id)
            if topic is None:
                return None
            return self.renderer.topic(topic, self._topic_grades(topic))
        found = (self.library.article(i) for i in (self.recent.ids if self.recent is not None else []))
        recent = [a for a in found if a is not None][:6]
        marked = [a for a in (self.library.article(i) for i in self.bookmarks.ids) if a is not None]
        return welcome_page(self.library.root_topic, recent, marked, language=self.renderer.language)

    def _select_in_tree(self, place: Place) -> None:
        if place.kind == "welcome":  # Home: no stale highlight on the last article, nothing there to print
            self.tree.clearSelection()
        if place.kind not in ("article", "topic") or self.tree.hasFocus():
            return
        index = self.model.find(place.kind, place.id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            if place.kind == "topic":  # opened from a card or a link: show its articles, as a click does
                self.tree.expand(index)
            self.tree.scrollTo(index)

    def _tree_clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "topic":
            self.tree.expand(index)
        self._tree_chosen(index)

    def _tree_paused(self) -> None:
        """Open the item the arrow keys came to rest on, as file managers do (not while the user
        picks several articles with Shift or Ctrl, and not when the highlight was set for them)."""
        index = self.tree.currentIndex()
        if index.isValid() and self.tree.hasFocus() and len(self.tree.selectionModel().selectedRows()) <= 1:
            self._tree_chosen(index)

    def _tree_chosen(self, index: QModelIndex) -> None:
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind in ("article", "topic") and Place(kind, item_id) != self.current:
            self.show_place(Place(kind, item_id))

    def open_hit(self, hit: SearchHit) -> None:
        self.show_place(Place("article", hit.id, hit.anchor), terms=hit.terms)

    def open_url(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("#"):
            self.go_to_section(text[1:])
            return
        link = parse_url(text)
        if link is not None and link.kind in ("article", "topic"):
            if link.kind == "article" and link.target == self.current.id and self.current.kind == "article":
                self.go_to_section(link.anchor)
                return
            self.show_place(Place(link.kind, link.target, link.anchor))
            return
        if url.scheme() in ("http", "https", "mailto"):
            self.ask_external(url)

    def go_to_section(self, anchor: str | None) -> None:
        """Scroll the open page to a section, as a step in the history."""
        self.current = Place(self.current.kind, self.current.id, anchor)
        self.history.record(self.current)
        if anchor:
            self.reader.scrollToAnchor(anchor)
            self.contents.aim(anchor)
        self._update_nav()

    def ask_external(self, url: QUrl) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Open outside the guide?"),
            self.tr(
                "This link leads outside the guide:\n\n{url}\n\n"
                "It opens in the web browser and needs an internet connection, "
                "and the clinic may be offline right now. Open it?"
            ).format(url=url.toString()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)
            return True
        return False

    # -- reading level -------------------------------------------------------------------
    def _topic_grades(self, topic: Topic) -> dict[str, float | None] | None:
        """Grades for listing the topic easier-first; None when off or (for now) not yet known."""
        if not self.store.settings.easier_first or not topic.articles:
            return None
        return self.level_label.topic_grades(topic)

    def _grading_note(self, place: Place) -> str:
        """A line at the top of a topic page whose articles are still being sorted easier first."""
        topic = self.library.topic(place.id) if place.kind == "topic" else None
        if topic is None or not self.store.settings.easier_first or not self.level_label.grading(topic):
            return ""
        return (  # boxed as the reader's notes are (reader.css: td.admonition)
            '<table class="admonition" width="100%" border="0" cellspacing="0" cellpadding="8"><tr>'
            '<td class="admonition">'
            + html.escape(
                self.tr(
                    "Sorting the articles by reading level, easiest first… The list below changes when this is done."
                )
            )
            + "</td></tr></table>"
        )

    def _topic_graded(self, topic_id: str) -> None:
        if self.current == Place("topic", topic_id):
            self.show_place(self.current, record=False)

    def set_easier_first(self, on: bool) -> None:
        self.store.update(easier_first=on)
        if self.current.kind == "topic":
            self.show_place(self.current, record=False)

    # -- history -------------------------------------------------------------------------
    def back(self) -> None:
        place = self.history.step(-1)
        if place is not None:
            self.show_place(place, record=False)

    def forward(self) -> None:
        place = self.history.step(1)
        if place is not None:
            self.show_place(place, record=False)

    def _update_nav(self) -> None:
        self.acts.back.setEnabled(self.history.can_go_back())
        self.acts.forward.setEnabled(self.history.can_go_forward())
        marked = self.current.kind == "article" and self.current.id in self.bookmarks
        self.acts.bookmark.setText(self.tr("Remove &bookmark") if marked else self.tr("Add &bookmark"))
        self.acts.bookmark.setEnabled(self.current.kind == "article")  # nothing to bookmark on other pages
        self._update_print()

    # -- focus ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.box.selectAll()

    def cycle_focus(self) -> None:
        left = self.search.results if self.search.results.isVisible() else self.tree
        order: list[QWidget] = [left, self.reader]
        if self.contents.isVisible():
            order.append(self.contents)
        order.append(self.search.box)
        focused = QApplication.focusWidget()
        position = next((n for n, w in enumerate(order) if w is focused), -1)
        order[(position + 1) % len(order)].setFocus(Qt.FocusReason.TabFocusReason)

    # -- zoom and themes -----------------------------------------------------------------
    def zoom(self, step: int) -> None:
        low, high = ZOOM_LIMITS
        level = 0 if step == 0 else max(low, min(high, self.store.settings.text_zoom + step))
        self.store.update(text_zoom=level)
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        """Text size applies to every pane: reading pane, search and results, topics and Contents."""
        base = QApplication.font().pointSizeF()
        size = max(6.0, base * (1.0 + 0.1 * self.store.settings.text_zoom))
        font = QFont(self.reader.font())
        font.setPointSizeF(size)
        self.reader.document().setDefaultFont(font)
        side = QFont(QApplication.font())
        side.setPointSizeF(size)
        for pane in (self.search, self.search.box, self.search.results, self.tree, self.contents):
            pane.setFont(side)
        # Under a style sheet the font stops at the scroll area; at the default size the viewports
        # have it already (and the first viewport() asked for costs ~6 ms of PySide set-up at start).
        self._viewport_fonts = self._viewport_fonts or self.store.settings.text_zoom != 0
        for view in (self.search.results, self.tree, self.contents) if self._viewport_fonts else ():
            view.viewport().setFont(side)
        self.result_rows.fit()

    def set_theme(self, theme: str) -> None:
        self.store.update(theme=theme)
        self.apply_theme(theme)

    def _system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.store.settings.theme == "system":  # "System default" follows the desktop as it changes
            self.apply_theme("system")

    def apply_theme(self, theme: str) -> None:
        for key, act in self.acts.themes.items():
            act.setChecked(key == theme)
        effective = themes.effective_theme(theme)
        QApplication.setPalette(themes.palette(effective))
        self.reader.document().setDefaultStyleSheet(themes.reader_css(effective))
        self.setStyleSheet(themes.window_css(effective))
        self.apply_icons()
        if self.history:  # the page again in the new colours, at the same place
            position = self.reader.top_position()
            self.show_place(self.current, record=False)
            self.reader.scroll_to(position)

    def apply_icons(self) -> None:
        """Draw the actions' icons in the theme's text colour (black, light grey, or white)."""
        icons.apply_to(self)

    def show_preferences(self) -> QDialog:
        """Open Edit > Preferences (window-modal); returns the dialog."""
        from guide.ui.preferences import PreferencesDialog  # with the clinic fields and print support: not at start

        dialog = PreferencesDialog(self.store, self.apply_settings, self)
        dialog.setObjectName("preferences")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        """Show the saved theme and text size (after Preferences changed them), keeping the reader's place."""
        position = self.reader.top_position()
        self.apply_theme(self.store.settings.theme)
        self._apply_zoom()
        self.reader.scroll_to(position)

    # -- bookmarks -----------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        if self.current.kind != "article":
            self.statusBar().showMessage(self.tr("Open an article to bookmark it."), 4000)
            return
        added = self.bookmarks.toggle(self.current.id)
        self.statusBar().showMessage(self.tr("Bookmark added.") if added else self.tr("Bookmark removed."), 4000)
        self._update_nav()

    def show_bookmarks(self) -> None:
        BookmarksDialog(
            self.library,
            self.bookmarks,
            lambda article_id: self.show_place(Place("article", article_id)),
            self._update_nav,
            self,
        ).exec()

    # -- status, dialogs -----------------------------------------------------------------
    def _show_problem_count(self) -> None:
        """The count `guide check` gives, once the background check (links and images too) is done."""
        problems = self._content_problems
        self.problems_button.setVisible(problems is not None and len(problems) > 0)
        self.problems_button.setText(self.tr("{problems} — see Help").format(problems=count_text(problems or [])))
        self.problems_button.setAccessibleName(self.problems_button.text())

    def _check_content(self) -> None:
        """Find every content problem in the background, as `guide check` does (one function)."""
        library, closing = self.library, self._closing

        def done(problems: list[Problem]) -> None:
            if library is self.library and not closing.is_set():
                self._content_problems = problems
                self._show_problem_count()

        def failed(exc: BaseException) -> None:
            log.warning("content check failed: %s", exc)

        cache = self.check_cache
        self.tasks.run(lambda _progress: content_problems(library, stop=closing.is_set, cache=cache), done, failed)

    def _tell_about_user_files(self) -> None:
        """A settings or bookmarks file that could not be read was kept aside: say so in the status
        bar, where it stays until read, without a dialog in the way of the start."""
        notes = [p for p in (self.store.problem, self.bookmarks.problem) if p]
        if not notes:
            return
        if len(notes) > 1:
            said = self.tr("Your settings and bookmarks files could not be read — details")
        elif self.store.problem:
            said = self.tr("Your settings file could not be read — details")
        else:
            said = self.tr("Your bookmarks file could not be read — details")
        notes = [translate_message(n) for n in notes]
        button = QPushButton(said, self)
        button.setObjectName("user-file-note")
        button.setFlat(True)
        button.setAccessibleName(button.text())
        button.clicked.connect(lambda: text_dialog(self, self.tr("Unreadable files kept aside"), "\n\n".join(notes)))
        self.statusBar().addPermanentWidget(button)

    def show_problems(self) -> None:
        problems = self._content_problems if self._content_problems is not None else self.library.problems
        text_dialog(self, self.tr("Content problems"), problems_text(problems))

    def show_shortcuts(self) -> None:
        menus = [a.menu() for a in self.menuBar().actions()]
        shortcuts_dialog(self, [m for m in menus if isinstance(m, QMenu)])

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Health guide"), about_html(self.library))

    # -- content folders and indexing ----------------------------------------------------
    def open_content_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open content folder"))
        if not folder:
            return
        extra = tuple(dict.fromkeys((*self.store.settings.extra_roots, folder)))
        self.store.update(extra_roots=extra)
        QMessageBox.information(
            self, self.tr("Content folder added"), self.tr("The folder is used from the next start.")
        )

    def replace_library(self, library: Library, renderer: Renderer, index: Index | None) -> None:
        """Show another set of content (a library was installed or removed): tree, search and pages."""
        old = self.index
        self.library, self.renderer, self.index = library, renderer, index
        self.search.index = index
        self.reader.roots = library.roots
        self.levels.library = library
        self.reload_tree()
        self.welcome_search.setPlaceholderText(self._search_example())
        self._content_problems = None
        self._show_problem_count()
        self._check_content()
        place = self.current if self._render(self.current) is not None else Place("welcome")
        self.show_place(place, record=False)
        if old is not None and old is not index and hasattr(old, "close"):
            old.close()
        self.start_indexing()

    def start_indexing(self) -> None:
        index = self.index
        if index is None:
            return
        self.progress.setValue(0)
        self.progress.show()
        warm = getattr(index, "warm", None)
        if warm is not None:  # an existing index answers at once, while the update below checks it

            def opened(ready: bool) -> None:
                if ready:
                    self.search.index_ready()

            self.tasks.run(lambda progress: warm(), opened)

        def op(progress: Progress) -> IndexReport:
            return index.update(progress=progress)

        def done(report: IndexReport) -> None:
            self.progress.hide()
            self.search.index_ready()
            notes = " ".join(f"{note[:1].upper()}{note[1:]}." for note in map(translate_message, report.notes))
            self.statusBar().showMessage(notes or self.tr("Search index ready."), 15000 if notes else 4000)
            if self.search.box.text().strip():  # typed while the index was being built: search now
                self.search.search_now()

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.statusBar().showMessage(self.tr("Search is not available: {error}").format(error=exc))

        def step(done_count: int, total: int) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done_count)

        self.tasks.run(op, done, failed, step)

    # -- remembered state ----------------------------------------------------------------
    def _restore(self) -> None:
        s = self.store.state.state
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        else:
            self.resize(1100, 720)
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
            self.contents_dock.restored()
        if s.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(s.splitter_state.encode()))
        if s.last_article and self.library.article(s.last_article) is not None:
            self.show_place(Place("article", s.last_article, s.last_anchor or None))
            if not s.last_anchor:  # where the reader was, once the window has its size and the page its layout
                QTimer.singleShot(0, self.reader, lambda: self.reader.scroll_to(s.last_position, s.last_scroll))
        else:
            self.show_place(Place("welcome"))

    def save_state(self) -> None:
        self.levels.save()
        if self.recent is not None:
            self.recent.save()
        article = self.current.id if self.current.kind == "article" else ""
        self.store.state.update(
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode(),
            window_state=bytes(self.contents_dock.chosen_state(self.saveState).toBase64().data()).decode(),
            splitter_state=bytes(self.splitter.saveState().toBase64().data()).decode(),
            last_article=article,
            last_anchor="",
            last_scroll=self.reader.verticalScrollBar().value() if article else 0,
            last_position=self.reader.top_position() if article else -1,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing.set()  # the content check stops at the next article
        self.save_state()
        self.search.timer.stop()
        self.level_label.stop()
        self.tasks.wait()
        super().closeEvent(event)
