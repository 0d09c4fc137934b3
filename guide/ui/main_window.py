"""The main window: search and topic tree on the left, the reading pane on the right."""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QFont,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyleFactory,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide import __version__
from guide.core.bookmarks import Bookmarks
from guide.core.content import Library
from guide.core.models import IndexReport, Rendered, SearchHit
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.find_bar import FindBar, highlight_terms
from guide.ui.reader import Reader, parse_link
from guide.ui.search_panel import Searcher, SearchPanel
from guide.ui.tasks import Progress, TaskRunner
from guide.ui.topic_tree import ID_ROLE, KIND_ROLE, build_model

THEMES = {"system": "System", "light": "Light", "dark": "Dark", "high-contrast": "High contrast"}
# The light sheet holds all layout; a theme's sheet only overrides colours and is loaded after it.
THEME_CSS = {"dark": "reader-dark.css", "high-contrast": "reader-contrast.css"}


class Index(Searcher, Protocol):
    def update(self, progress: Any = None) -> IndexReport: ...


@dataclass(frozen=True)
class Place:
    """One entry of the reading history."""

    kind: str  # "article", "topic" or "welcome"
    id: str = ""
    anchor: str | None = None


def read_css(name: str) -> str:
    try:
        return resources.files("guide.resources").joinpath(name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return ""


class MainWindow(QMainWindow):
    """The reader window; services are handed in by ``guide.app``."""

    def __init__(
        self,
        library: Library,
        renderer: Renderer,
        index: Index | None,
        settings: SettingsStore,
        bookmarks: Bookmarks | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.renderer = renderer
        self.index = index
        self.store = settings
        self.bookmarks = bookmarks if bookmarks is not None else Bookmarks()
        self.tasks = TaskRunner(self)
        self.history: list[Place] = []
        self.position = -1
        self.current: Place = Place("welcome")
        self.setWindowTitle("Health guide")

        self.search = SearchPanel(index, self.tasks, self)
        self.tree = QTreeView(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Topics")
        self.tree.setAccessibleDescription("Topics and their articles")
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self._set_model()
        self.reader = Reader(library.roots, self)
        self.find_bar = FindBar(self.reader, self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 4, 4, 4)
        right_layout.addWidget(self.reader, 1)
        right_layout.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        self.setCentralWidget(self.splitter)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Indexing %p%")
        self.progress.setAccessibleName("Search index progress")
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.problems_button = QPushButton(self)
        self.problems_button.setFlat(True)
        self.problems_button.clicked.connect(self.show_problems)
        self.statusBar().addPermanentWidget(self.problems_button)
        self._show_problem_count()

        self._build_actions()
        self.reader.anchorClicked.connect(self.open_url)
        self.reader.back_requested.connect(self.back)
        self.reader.forward_requested.connect(self.forward)
        self.reader.zoom_requested.connect(self.zoom)
        self.reader.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.reader.customContextMenuRequested.connect(self._reader_menu)
        self.tree.clicked.connect(self._tree_chosen)
        self.tree.activated.connect(self._tree_chosen)
        self.search.hit_chosen.connect(self.open_hit)
        self.search.suggestion_chosen.connect(lambda aid: self.show_place(Place("article", aid)))
        self.search.active_changed.connect(lambda active: self.tree.setVisible(not active))

        self.apply_theme(self.store.settings.theme)
        self._apply_zoom()
        self._restore()

    # -- set-up -----------------------------------------------------------------------
    def _set_model(self) -> None:
        self.model = build_model(self.library.root_topic)
        self.tree.setModel(self.model)

    def _action(self, menu: QMenu, text: str, slot: Any, keys: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys is not None:
            seqs: list[QKeySequence] = []
            for key in keys if isinstance(keys, list) else [keys]:
                seqs += (
                    [s for s in QKeySequence.keyBindings(key) if s not in seqs]
                    if isinstance(key, QKeySequence.StandardKey)
                    else [QKeySequence(key)]
                )
            action.setShortcuts(list(dict.fromkeys(seqs)))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self._action(self.file_menu, "&Open content folder…", self.open_content_folder)
        self.file_menu.addSeparator()
        self._print_anchor = self.file_menu.addSeparator()  # print actions go above this
        self._action(self.file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Edit")
        self._action(edit, "&Copy", self.reader.copy, QKeySequence.StandardKey.Copy)
        self._action(edit, "&Find in page", self.find_bar.open_bar, QKeySequence.StandardKey.Find)
        view = bar.addMenu("&View")
        self._action(view, "Zoom &in", lambda: self.zoom(1), ["Ctrl++", "Ctrl+="])
        self._action(view, "Zoom &out", lambda: self.zoom(-1), "Ctrl+-")
        self._action(view, "&Reset zoom", lambda: self.zoom(0), "Ctrl+0")
        theme_menu = view.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        self.theme_group = QActionGroup(self)
        for key, label in THEMES.items():
            act = self._action(theme_menu, label, lambda _=False, k=key: self.set_theme(k))
            act.setCheckable(True)
            self.theme_group.addAction(act)
            self.theme_actions[key] = act
        go = bar.addMenu("&Go")
        self.back_action = self._action(go, "&Back", self.back, ["Alt+Left", QKeySequence.StandardKey.Back])
        self.forward_action = self._action(
            go, "&Forward", self.forward, ["Alt+Right", QKeySequence.StandardKey.Forward]
        )
        self.home_action = self._action(go, "&Home", lambda: self.show_place(Place("welcome")), "Alt+Home")
        self._action(go, "Focus &search", self.focus_search, ["Ctrl+K", "Ctrl+L"])
        self._action(go, "Next &pane", self.cycle_focus, "F6")
        marks = bar.addMenu("&Bookmarks")
        self.bookmark_action = self._action(marks, "&Add or remove bookmark", self.toggle_bookmark, "Ctrl+D")
        self._action(marks, "&Show bookmarks…", self.show_bookmarks, "Ctrl+Shift+B")
        helpm = bar.addMenu("&Help")
        self._action(helpm, "&Keyboard shortcuts", self.show_shortcuts, "F1")
        self._action(helpm, "Content &problems", self.show_problems)
        self._action(helpm, "&About", self.show_about)
        self.toolbar = QToolBar("Navigation", self)
        self.toolbar.setObjectName("navigation")
        self.toolbar.setAccessibleName("Navigation")
        for act in (self.back_action, self.forward_action, self.home_action, self.bookmark_action):
            self.toolbar.addAction(act)
        self.addToolBar(self.toolbar)
        self._print_actions: list[QAction] = []
        self._update_nav()

    # -- printing hook (wired by the printing engineer) ----------------------------------
    def add_print_actions(self, actions: list[QAction]) -> None:
        """Insert print/export actions into the File menu, the toolbar and the reader's menu."""
        for action in actions:
            self.file_menu.insertAction(self._print_anchor, action)
            self.toolbar.addAction(action)
            self.addAction(action)
        self._print_actions.extend(actions)

    def current_article_ids(self) -> list[str]:
        """Articles selected in the results or the tree, else the open article."""
        if self.search.results.isVisible():
            ids = self.search.selected_ids()
            if ids:
                return ids
        if self.tree.hasFocus() or self.tree.selectionModel().hasSelection():
            ids = [
                i.data(ID_ROLE)
                for i in self.tree.selectionModel().selectedIndexes()
                if i.data(KIND_ROLE) == "article"
            ]
            if len(ids) > 1:
                return ids
        return [self.current.id] if self.current.kind == "article" else []

    def _reader_menu(self, pos: Any) -> None:
        menu = self.reader.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.back_action)
        menu.addAction(self.forward_action)
        menu.addAction(self.bookmark_action)
        for action in self._print_actions:
            menu.addAction(action)
        menu.exec(self.reader.viewport().mapToGlobal(pos))

    # -- showing pages ------------------------------------------------------------------
    def show_place(self, place: Place, record: bool = True, terms: tuple[str, ...] = ()) -> bool:
        rendered = self._render(place)
        if rendered is None:
            self.statusBar().showMessage(f"Not found: {place.id}", 5000)
            return False
        if record and not (self.history and self.history[self.position] == place):
            del self.history[self.position + 1 :]
            self.history.append(place)
            self.position = len(self.history) - 1
        self.current = place
        self.reader.setHtml(rendered.html)
        self.setWindowTitle(f"{rendered.title} — Health guide" if rendered.title else "Health guide")
        if place.anchor:
            self.reader.scrollToAnchor(place.anchor)
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
            return self.renderer.topic(topic) if topic is not None else None
        return self.renderer.welcome()

    def _select_in_tree(self, place: Place) -> None:
        if place.kind not in ("article", "topic") or self.tree.hasFocus():
            return
        matches = self.model.match(
            self.model.index(0, 0),
            ID_ROLE,
            place.id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        for index in matches:
            if index.data(KIND_ROLE) == place.kind:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)

    def _tree_chosen(self, index: QModelIndex) -> None:
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind in ("article", "topic") and Place(kind, item_id) != self.current:
            self.show_place(Place(kind, item_id))

    def open_hit(self, hit: SearchHit) -> None:
        self.show_place(Place("article", hit.id, hit.anchor), terms=hit.terms)

    def open_url(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("#"):
            self.show_place(Place(self.current.kind, self.current.id, text[1:]))
            return
        link = parse_link(text)
        if link is not None and link.kind in ("article", "topic"):
            if link.kind == "article" and link.target == self.current.id and self.current.kind == "article":
                self.history.append(Place("article", link.target, link.anchor))
                del self.history[self.position + 1 : -1]
                self.position = len(self.history) - 1
                self.current = self.history[-1]
                if link.anchor:
                    self.reader.scrollToAnchor(link.anchor)
                self._update_nav()
                return
            self.show_place(Place(link.kind, link.target, link.anchor))
            return
        if url.scheme() in ("http", "https", "mailto"):
            self.ask_external(url)

    def ask_external(self, url: QUrl) -> bool:
        answer = QMessageBox.question(
            self,
            "Open outside the guide?",
            f"This link leads outside the guide:\n\n{url.toString()}\n\n"
            "It opens in the web browser and needs an internet connection, "
            "and the clinic may be offline right now. Open it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)
            return True
        return False

    # -- history -------------------------------------------------------------------------
    def back(self) -> None:
        if self.position > 0:
            self.position -= 1
            self.show_place(self.history[self.position], record=False)

    def forward(self) -> None:
        if self.position < len(self.history) - 1:
            self.position += 1
            self.show_place(self.history[self.position], record=False)

    def _update_nav(self) -> None:
        self.back_action.setEnabled(self.position > 0)
        self.forward_action.setEnabled(self.position < len(self.history) - 1)
        marked = self.current.kind == "article" and self.current.id in self.bookmarks
        self.bookmark_action.setText("Remove &bookmark" if marked else "Add &bookmark")

    # -- focus ---------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.box.selectAll()

    def cycle_focus(self) -> None:
        left = self.search.results if self.search.results.isVisible() else self.tree
        order: list[QWidget] = [left, self.reader, self.search.box]
        focused = QApplication.focusWidget()
        position = next((n for n, w in enumerate(order) if w is focused), -1)
        order[(position + 1) % len(order)].setFocus(Qt.FocusReason.TabFocusReason)

    # -- zoom and themes -----------------------------------------------------------------
    def zoom(self, step: int) -> None:
        level = 0 if step == 0 else max(-5, min(10, self.store.settings.text_zoom + step))
        self.store.update(text_zoom=level)
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        base = QApplication.font().pointSizeF()
        font = QFont(self.reader.font())
        font.setPointSizeF(max(6.0, base * (1.0 + 0.1 * self.store.settings.text_zoom)))
        self.reader.document().setDefaultFont(font)

    def set_theme(self, theme: str) -> None:
        self.store.update(theme=theme)
        self.apply_theme(theme)

    def apply_theme(self, theme: str) -> None:
        for key, act in self.theme_actions.items():
            act.setChecked(key == theme)
        effective = theme
        if theme == "system":
            dark = QApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
            effective = "dark" if dark else "light"
        palette = _palette(effective)
        QApplication.setPalette(palette)
        theme_css = read_css(THEME_CSS[effective]) if effective in THEME_CSS else ""
        self.reader.document().setDefaultStyleSheet(read_css("reader.css") + "\n" + theme_css)
        if self.history:
            self.show_place(self.current, record=False)

    # -- bookmarks -----------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        if self.current.kind != "article":
            self.statusBar().showMessage("Open an article to bookmark it.", 4000)
            return
        added = self.bookmarks.toggle(self.current.id)
        self.statusBar().showMessage("Bookmark added." if added else "Bookmark removed.", 4000)
        self._update_nav()

    def show_bookmarks(self) -> None:
        BookmarksDialog(self).exec()

    # -- status, dialogs -----------------------------------------------------------------
    def _show_problem_count(self) -> None:
        count = len(self.library.problems)
        self.problems_button.setVisible(count > 0)
        self.problems_button.setText(f"{count} content problem{'s' if count != 1 else ''} — see Help")
        self.problems_button.setAccessibleName(self.problems_button.text())

    def show_problems(self) -> None:
        text = "\n".join(str(p) for p in self.library.problems) or "No problems found in the content."
        _text_dialog(self, "Content problems", text)

    def show_shortcuts(self) -> None:
        lines = []
        for action in self.actions():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            if keys:
                lines.append(f"{action.text().replace('&', ''):<28} {keys}")
        lines += ["Next/previous match         Enter / Shift+Enter / F3", "Clear search / close find   Esc"]
        _text_dialog(self, "Keyboard shortcuts", "\n".join(lines))

    def show_about(self) -> None:
        dates = [a.reviewed for a in self.library.articles() if a.reviewed]
        newest = max(dates).isoformat() if dates else "unknown"
        QMessageBox.about(
            self,
            "About Health guide",
            f"<b>Health guide</b> {html.escape(__version__)}<br>"
            f"{len(self.library)} articles; newest review {newest}.<br>Works without a network.",
        )

    # -- content folders and indexing ----------------------------------------------------
    def open_content_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open content folder")
        if not folder:
            return
        extra = tuple(dict.fromkeys((*self.store.settings.extra_roots, folder)))
        self.store.update(extra_roots=extra)
        QMessageBox.information(self, "Content folder added", "The folder is used from the next start.")

    def start_indexing(self) -> None:
        index = self.index
        if index is None:
            return
        self.progress.setValue(0)
        self.progress.show()

        def op(progress: Progress) -> IndexReport:
            return index.update(progress=progress)

        def done(report: IndexReport) -> None:
            self.progress.hide()
            notes = " ".join(f"{note[:1].upper()}{note[1:]}." for note in report.notes)
            self.statusBar().showMessage(notes or "Search index ready.", 15000 if notes else 4000)

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.statusBar().showMessage(f"Search is not available: {exc}")

        def step(done_count: int, total: int) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done_count)

        self.tasks.run(op, done, failed, step)

    # -- remembered state ----------------------------------------------------------------
    def _restore(self) -> None:
        s = self.store.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        else:
            self.resize(1100, 720)
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        if s.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(s.splitter_state.encode()))
        if s.last_article and self.library.article(s.last_article) is not None:
            self.show_place(Place("article", s.last_article, s.last_anchor or None))
            if s.last_scroll and not s.last_anchor:
                self.reader.verticalScrollBar().setValue(s.last_scroll)
        else:
            self.show_place(Place("welcome"))

    def save_state(self) -> None:
        article = self.current.id if self.current.kind == "article" else ""
        self.store.update(
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode(),
            window_state=bytes(self.saveState().toBase64().data()).decode(),
            splitter_state=bytes(self.splitter.saveState().toBase64().data()).decode(),
            last_article=article,
            last_anchor="",
            last_scroll=self.reader.verticalScrollBar().value() if article else 0,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.search.timer.stop()
        self.tasks.wait()
        super().closeEvent(event)


def _palette(theme: str) -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette() if style is not None else QPalette()
    if theme in ("dark", "high-contrast"):
        dark = theme == "dark"
        bg, fg, base = ("#202124", "#e8eaed", "#2b2c2f") if dark else ("#000000", "#ffffff", "#000000")
        role = QPalette.ColorRole
        for role_, color in (
            (role.Window, bg),
            (role.WindowText, fg),
            (role.Base, base),
            (role.AlternateBase, bg),
            (role.Text, fg),
            (role.Button, bg),
            (role.ButtonText, fg),
            (role.ToolTipBase, base),
            (role.ToolTipText, fg),
            (QPalette.ColorRole.Highlight, "#8ab4f8" if theme == "dark" else "#ffff00"),
            (QPalette.ColorRole.HighlightedText, "#000000"),
            (QPalette.ColorRole.Link, "#8ab4f8" if theme == "dark" else "#00ffff"),
        ):
            palette.setColor(role_, QColor(color))
        grey = QColor("#8a8a8a" if dark else "#b0b0b0")
        for role_ in (role.WindowText, role.ButtonText, role.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, role_, grey)
    return palette


def _text_dialog(parent: QWidget, title: str, text: str) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    view = QPlainTextEdit(text, dialog)
    view.setReadOnly(True)
    view.setAccessibleName(title)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    view.setFont(font)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 400)
    dialog.exec()


class BookmarksDialog(QDialog):
    """Lists the bookmarks; Enter opens one, Delete removes it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Bookmarks")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Enter opens a bookmark; Delete removes it.", self))
        self.list = QListWidget(self)
        self.list.setAccessibleName("Bookmarks")
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button = buttons.addButton("Delete", QDialogButtonBox.ButtonRole.ActionRole)
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
        for article_id in self.window_.bookmarks.ids:
            article = self.window_.library.article(article_id)
            self.list.addItem(article.title if article else f"{article_id} (missing)")
            self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, article_id)
        if self.list.count():
            self.list.setCurrentRow(0)

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.window_.show_place(Place("article", item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.window_.bookmarks.remove(item.data(Qt.ItemDataRole.UserRole))
            self.fill()
            self.window_._update_nav()
