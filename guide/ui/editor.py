"""The article editor: fields, a Markdown editor with a toolbar, a live preview and live checks.

The preview and the problem list come from :func:`guide.core.authoring.review`, the same
parsing, rendering and checking the reading pane and ``guide check`` use. It runs in the
background a moment after typing stops (one review at a time; text typed meanwhile is
reviewed next), so typing never waits for it. Unsaved text is autosaved to a draft every
few seconds (:class:`guide.core.drafts.DraftStore`) and offered back after a crash.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from guide.core import authoring
from guide.core.content import Library
from guide.core.drafts import ArticleText, DraftStore, SavedDraft, compose, decompose, editor_line
from guide.core.i18n import translate_message
from guide.core.models import Article, Problem, SearchResults
from guide.core.settings import SettingsStore
from guide.ui import icons, themes
from guide.ui import markdown_edit as md
from guide.ui.reader import Reader
from guide.ui.tasks import TaskRunner

REVIEW_DELAY_MS = 300  # quiet time after a keystroke before the preview and checks update
AUTOSAVE_MS = 2000  # unsaved text reaches the draft file at most this long after it was typed


class Searcher(Protocol):
    def search(self, query: str, limit: int = 10) -> SearchResults: ...


@dataclass
class Target:
    """Where the article in an editor lives: its library, id and file (None until first saved)."""

    root: Path
    article_id: str = ""
    path: Path | None = None
    base: str = ""  # digest of the file when opened or last saved; "" for a new article


class LinkPicker(QDialog):
    """Find an article by title or by search, to link to it."""

    def __init__(self, library: Library, searcher: Searcher | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to an article"))
        self.library = library
        self.searcher = searcher
        self.box = QLineEdit(self)
        self.box.setPlaceholderText(self.tr("Type words from the title or the text"))
        self.box.setAccessibleName(self.tr("Find article to link to"))
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Articles"))
        self.box.textChanged.connect(self._fill)
        self.box.returnPressed.connect(self._accept_first)
        self.results.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("&Article:"), self)
        caption.setBuddy(self.box)
        layout.addWidget(caption)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.results.clear()
        words = text.casefold().split()
        found: list[Article] = [a for a in self.library.articles() if all(w in a.title.casefold() for w in words)]
        seen = {a.id for a in found}
        if self.searcher is not None and text.strip():
            for hit in self.searcher.search(text, limit=20).hits:
                article = self.library.article(hit.id)
                if article is not None and article.id not in seen:
                    found.append(article)
                    seen.add(article.id)
        for article in found[:200]:
            item = QListWidgetItem(article.title)
            item.setToolTip(article.id)
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _accept_first(self) -> None:
        if self.results.count():
            self.accept()

    def chosen(self) -> Article | None:
        item = self.results.currentItem()
        return self.library.article(str(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None


class EditorWindow(QMainWindow):
    """One article being written or changed."""

    saved = Signal(str, str)  # article id, file path
    closed = Signal(str)  # the draft key

    def __init__(
        self,
        library: Callable[[], Library],
        target: Target,
        fields: ArticleText,
        store: SettingsStore,
        drafts: DraftStore,
        searcher: Callable[[], Searcher | None] = lambda: None,
        draft_key: str = "",
        saved_text: str | None = None,
        topic_id: str = authoring.CLINIC_TOPIC,
        parent: QWidget | None = None,
        choose_image: Callable[[QWidget], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("editor")
        self._library = library
        self.target = target
        self.store = store
        self.drafts = drafts
        self.searcher = searcher
        self.draft_key = draft_key or drafts.new_key()
        self.tasks = TaskRunner(self)
        self.problems: tuple[Problem, ...] = ()
        self.review: authoring.Review | None = None
        self._reviewing = False
        self._again = False
        self._closing_ok = False
        self.autosave_problem: str | None = None
        self._choose_image = choose_image
        self.review_count = 0  # reviews shown: tests and benchmarks wait on it

        self._build_fields(library(), topic_id)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("markdown")
        self.text.setAccessibleName(self.tr("Article text (Markdown)"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Write the article here. ## starts a section; - starts a list item."))
        self.preview = Reader(library().roots, self)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(self.tr("Preview"))
        theme = themes.effective_theme(store.settings.theme)
        self.preview.document().setDefaultStyleSheet(themes.reader_css(theme))
        self.problem_list = QListWidget(self)
        self.problem_list.setObjectName("problems")
        self.problem_list.setAccessibleName(self.tr("Problems"))
        self.problem_list.setMaximumHeight(110)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addLayout(self.form)
        column.addWidget(self.text, 1)
        column.addWidget(self.problem_list)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([620, 520])
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self.resize(1200, 740)
        order: list[QWidget] = [self.title_edit, self.topic, self.summary, self.aliases, self.tags,
                                self.reviewed_by, self.reviewed, self.today, self.sources, self.review_due,
                                self.text, self.problem_list, self.preview]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

        self.set_fields(fields)
        self.saved_text = compose(fields) if saved_text is None else saved_text
        self.review_timer = QTimer(self, singleShot=True, interval=REVIEW_DELAY_MS)
        self.review_timer.timeout.connect(self.start_review)
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.text.textChanged.connect(self._changed)
        for edit in self._line_edits():
            edit.textChanged.connect(self._changed)
        self.sources.textChanged.connect(self._changed)
        self.topic.currentIndexChanged.connect(self._changed)
        self.topic.editTextChanged.connect(self._changed)
        self._update_title()
        self.start_review()
        if self.is_modified():
            self.autosave()

    # -- building ------------------------------------------------------------------------
    def _build_fields(self, library: Library, topic_id: str) -> None:
        def line(name: str, hint: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setAccessibleName(name)
            edit.setPlaceholderText(hint)
            edit.setToolTip(hint)  # the whole hint, where a narrow field cuts it short
            return edit

        self.title_edit = line(self.tr("Title"))
        self.summary = line(
            self.tr("Summary"), self.tr("One or two plain sentences, shown under the title and on handouts")
        )
        self.aliases = line(self.tr("Aliases"), self.tr("Other names people search for, separated by commas"))
        self.tags = line(self.tr("Tags"), self.tr("Keywords, separated by commas"))
        self.reviewed_by = line(self.tr("Reviewed by"), self.tr("Name of the health worker who checked it"))
        self.reviewed = line(self.tr("Reviewed on"), self.tr("YYYY-MM-DD"))
        self.review_due = line(self.tr("Review due"), self.tr("YYYY-MM-DD"))
        self.sources = QPlainTextEdit(self)
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.setPlaceholderText(self.tr("One source per line (a title or a web address)"))
        self.sources.setTabChangesFocus(True)
        self.sources.setFixedHeight(46)
        self.topic = QComboBox(self)
        self.topic.setEditable(True)
        self.topic.setAccessibleName(self.tr("Topic"))
        # a long topic path must not widen its column and squeeze the fields beside it
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic.setMinimumContentsLength(16)
        self.topic.setToolTip(self.tr("Where the article appears in the tree; type a name to make a new topic"))
        for label, tid in authoring.topic_choices(library):
            self.topic.addItem(label, tid)
        found = self.topic.findData(topic_id)
        if found < 0:
            self.topic.addItem(topic_id, topic_id)
            found = self.topic.count() - 1
        self.topic.setCurrentIndex(found)
        if self.target.path is not None:  # the topic is the folder: fixed once saved, so links keep working
            self.topic.setEnabled(False)
            self.topic.setToolTip(
                self.tr("An article's topic is its folder; it stays fixed once saved so links keep working")
            )
        self.today = today = QPushButton(self.tr("&Today"), self)
        today.setToolTip(self.tr("Reviewed today"))
        today.clicked.connect(lambda: self.reviewed.setText(dt.date.today().isoformat()))
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(8)
        self.form.setVerticalSpacing(4)
        rows: list[list[tuple[str, QWidget]]] = [
            [(self.tr("T&itle:"), self.title_edit), (self.tr("To&pic:"), self.topic)],
            [(self.tr("&Summary:"), self.summary)],
            [(self.tr("&Aliases:"), self.aliases), (self.tr("Ta&gs:"), self.tags)],
            [(self.tr("Reviewed &by:"), self.reviewed_by), (self.tr("Reviewed &on:"), self.reviewed)],
            [(self.tr("Sour&ces:"), self.sources), (self.tr("Review d&ue:"), self.review_due)],
        ]
        for r, row in enumerate(rows):
            for c, (caption, widget) in enumerate(row):
                buddy = QLabel(caption, self)
                buddy.setBuddy(widget)
                self.form.addWidget(buddy, r, c * 2, Qt.AlignmentFlag.AlignTop if widget is self.sources else
                                    Qt.AlignmentFlag.AlignVCenter)
                if len(row) == 1:
                    self.form.addWidget(widget, r, 1, 1, 3)
                elif widget is self.reviewed:
                    box = QHBoxLayout()
                    box.addWidget(widget)
                    box.addWidget(today)
                    self.form.addLayout(box, r, c * 2 + 1)
                else:
                    self.form.addWidget(widget, r, c * 2 + 1, Qt.AlignmentFlag.AlignTop)
        self.form.setColumnStretch(1, 3)
        self.form.setColumnStretch(3, 2)

    def _line_edits(self) -> list[QLineEdit]:
        return [self.title_edit, self.summary, self.aliases, self.tags, self.reviewed_by, self.reviewed,
                self.review_due]

    def _action(self, text: str, slot: Callable[[], Any], keys: str | QKeySequence.StandardKey | None = None,
                tip: str = "", name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"editor_{name}" if name else "")  # its icon: icons.ACTION_ICONS
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Editing"), self)
        bar.setObjectName("editing")
        bar.setAccessibleName(bar.windowTitle())
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence.StandardKey.Save,
                                        self.tr("Save the article"),
                                        name="save")
        self.undo_action = self._action(self.tr("Undo"), self.text.undo, QKeySequence.StandardKey.Undo, name="undo")
        self.redo_action = self._action(self.tr("Redo"), self.text.redo, QKeySequence.StandardKey.Redo, name="redo")
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.text.undoAvailable.connect(self.undo_action.setEnabled)
        self.text.redoAvailable.connect(self.redo_action.setEnabled)
        self.heading_action = self._action(
            self.tr("Heading"), lambda: self._edit(md.heading, 2), "Ctrl+2", self.tr("Section heading (##)"),
            name="heading",
        )
        self.subheading_action = self._action(
            self.tr("Subheading"), lambda: self._edit(md.heading, 3), "Ctrl+3", self.tr("Subsection heading (###)"),
            name="subheading",
        )
        self.bold_action = self._action(self.tr("Bold"), lambda: self._edit(md.wrap, "**"),
                                        QKeySequence.StandardKey.Bold,
                                        name="bold")
        self.bullets_action = self._action(self.tr("• List"), lambda: self._edit(md.bulleted), "Ctrl+Shift+8",
                                           self.tr("Bulleted list"), name="bullets")
        self.numbers_action = self._action(self.tr("1. List"), lambda: self._edit(md.numbered), "Ctrl+Shift+7",
                                           self.tr("Numbered list"), name="numbers")
        self.table_action = self._action(self.tr("Table"), lambda: self._edit(md.insert_block, md.TABLE), "Ctrl+Alt+T",
                                         name="table")
        self.link_action = self._action(self.tr("Link…"), self.insert_link, "Ctrl+K",
                                        self.tr("Link to another article"),
                                        name="link")
        self.image_action = self._action(self.tr("Image…"), self.insert_image, "Ctrl+Shift+I",
                                         self.tr("Picture from a file"),
                                         name="image")
        self.print_action = self._action(self.tr("Print…"), lambda: self.handout("print"),
                                         QKeySequence.StandardKey.Print,
                                         self.tr("Print as a handout"), name="print")
        self.pdf_action = self._action(self.tr("Export PDF…"), lambda: self.handout("save_pdf"), "Ctrl+Shift+E",
                                       self.tr("Save the handout as a PDF"), name="pdf")
        self.close_action = self._action(
            self.tr("Close"), self.close, QKeySequence.StandardKey.Close, self.tr("Close the editor")
        )
        groups = [
            [self.save_action, self.undo_action, self.redo_action],
            [self.heading_action, self.subheading_action, self.bold_action, self.bullets_action,
             self.numbers_action, self.table_action, self.link_action, self.image_action],
            [self.print_action, self.pdf_action],
        ]
        for n, group in enumerate(groups):
            if n:
                bar.addSeparator()
            for action in group:
                bar.addAction(action)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # the words are in each tooltip
        self.addToolBar(bar)
        self.toolbar = bar
        self.apply_icons()

    def apply_icons(self) -> None:
        """Draw the toolbar's icons in the theme's text colour (again after each theme change)."""
        icons.apply_to(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.apply_icons()
            if hasattr(self, "preview"):  # the theme changed while open: the preview's colours follow it
                theme = themes.effective_theme(self.store.settings.theme)
                self.preview.document().setDefaultStyleSheet(themes.reader_css(theme))
                if self.review is not None:
                    bar = self.preview.verticalScrollBar()
                    top = bar.value()
                    self.preview.setHtml(self.review.rendered.html)
                    bar.setValue(top)

    # -- fields and text -------------------------------------------------------------------
    def set_fields(self, fields: ArticleText) -> None:
        self.title_edit.setText(fields.title)
        self.summary.setText(fields.summary)
        self.aliases.setText(", ".join(fields.aliases))
        self.tags.setText(", ".join(fields.tags))
        self.sources.setPlainText("\n".join(fields.sources))
        self.reviewed_by.setText(fields.reviewed_by)
        self.reviewed.setText(fields.reviewed)
        self.review_due.setText(fields.review_due)
        self._extra = dict(fields.extra)
        self.text.setPlainText(fields.body)

    def fields(self) -> ArticleText:
        def items(text: str) -> tuple[str, ...]:
            return tuple(i.strip() for i in text.split(",") if i.strip())

        return ArticleText(
            title=self.title_edit.text(),
            summary=self.summary.text(),
            aliases=items(self.aliases.text()),
            tags=items(self.tags.text()),
            sources=tuple(s.strip() for s in self.sources.toPlainText().splitlines() if s.strip()),
            reviewed=self.reviewed.text(),
            reviewed_by=self.reviewed_by.text(),
            review_due=self.review_due.text(),
            body=self.text.toPlainText(),
            extra=self._extra,
        )

    def article_text(self) -> str:
        return compose(self.fields())

    def is_modified(self) -> bool:
        return self.article_text() != self.saved_text

    def topic_id(self) -> str:
        label = self.topic.currentText().strip()
        index = self.topic.findText(label)
        if index >= 0:
            return str(self.topic.itemData(index))
        return authoring.topic_for_name(label) if label else authoring.CLINIC_TOPIC

    def where(self) -> tuple[str, Path]:
        """The article's id and file: where it is, or where a new one would be saved now."""
        if self.target.path is not None:
            return self.target.article_id, self.target.path
        return authoring.new_location(
            self._library(), self.target.root, self.topic_id(), self.title_edit.text() or "article"
        )

    def _edit(self, helper: Callable[..., None], *args: Any) -> None:
        helper(self.text, *args)
        self.text.setFocus()

    def _changed(self, *_args: Any) -> None:
        self.review_timer.start()
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()
        self._update_title()

    def _update_title(self) -> None:
        title = self.title_edit.text().strip() or self.tr("New article")
        self.setWindowTitle(
            self.tr("{title} — Article editor").format(title=f"{title}{' *' if self.is_modified() else ''}")
        )

    # -- live preview and checks -------------------------------------------------------------
    def start_review(self) -> None:
        """Review the text now in the background; if one is running, review again after it."""
        if self._reviewing:
            self._again = True
            return
        self._reviewing = True
        self._again = False
        library = self._library()
        article_id, path = self.where()
        text = self.article_text()
        root = self.target.root
        self.tasks.run(
            lambda _progress: authoring.review(library, root, path, article_id, text),
            self._show_review,
            self._review_failed,
        )

    def _review_failed(self, exc: BaseException) -> None:
        self._reviewing = False
        self.statusBar().showMessage(self.tr("The preview could not be made: {error}").format(error=exc))

    def _show_review(self, result: authoring.Review) -> None:
        self._reviewing = False
        if self._again:
            self.start_review()
            return
        self.review = result
        bar = self.preview.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.preview.setHtml(result.rendered.html)
        bar.setValue(int(ratio * bar.maximum()))
        self._show_problems(result)
        self.review_count += 1

    def _show_problems(self, result: authoring.Review) -> None:
        self.problems = result.problems
        self.problem_list.clear()
        marks: list[QTextEdit.ExtraSelection] = []
        for problem in result.problems:
            line = editor_line(problem.line, result.article.body_line)
            where = self.tr("Line {line}").format(line=line) if line is not None else self.tr("Fields")
            severity = self.tr("error") if problem.severity == "error" else self.tr("warning")
            item = QListWidgetItem(
                self.tr("{where}: {severity}: {message}").format(
                    where=where, severity=severity, message=translate_message(problem.message)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, line or 0)
            item.setData(Qt.ItemDataRole.UserRole + 1, problem.message)
            self.problem_list.addItem(item)
            if line is not None:
                marks.append(self._mark(line, problem.severity == "error"))
        self.text.setExtraSelections(marks)
        count = len(result.problems)
        self.problem_list.setVisible(count > 0)
        self.statusBar().showMessage(
            self.tr("No problems found.") if not count
            else self.tr("1 problem to look at.") if count == 1
            else self.tr("{count} problems to look at.").format(count=count)
        )

    def _mark(self, line: int, error: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        block = self.text.document().findBlockByNumber(line - 1)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = selection.format
        fmt.setUnderlineStyle(fmt.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#c00000" if error else "#b07000"))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt
        return selection

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = int(item.data(Qt.ItemDataRole.UserRole) or 0)
        if line <= 0:  # a front-matter field: focus the field the message names
            message = str(item.data(Qt.ItemDataRole.UserRole + 1))
            named = re.search(r"'(\w+)'", message)
            widget = {
                "title": self.title_edit, "summary": self.summary, "aliases": self.aliases, "tags": self.tags,
                "sources": self.sources, "reviewed": self.reviewed, "reviewed_by": self.reviewed_by,
                "review_due": self.review_due,
            }.get(named.group(1) if named else "title", self.title_edit)
            widget.setFocus()
            return
        block = self.text.document().findBlockByNumber(line - 1)
        cursor = QTextCursor(block)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus()

    # -- inserting links and images ----------------------------------------------------------
    def insert_link(self) -> None:
        picker = LinkPicker(self._library(), self.searcher(), self)
        selected = self.text.textCursor().selectedText()
        if picker.exec() != QDialog.DialogCode.Accepted or (article := picker.chosen()) is None:
            return
        self.insert_link_to(article, selected or article.title)

    def insert_link_to(self, article: Article, label: str) -> None:
        _, path = self.where()
        target = authoring.link_target(path, self.target.root, article)
        md.insert_inline(self.text, md.link_markdown(label, target))
        self.text.setFocus()

    def insert_image(self) -> None:
        if self._choose_image is not None:
            name = self._choose_image(self)
        else:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Insert picture"), "", self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)")
            )
        if name:
            self.insert_image_file(Path(name))

    def insert_image_file(self, source: Path) -> bool:
        _, path = self.where()
        try:
            rel = authoring.copy_image(source, path, self.target.root)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Insert picture"), str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("Insert picture"),
                self.tr("Could not copy {file} into the clinic library: {error}").format(
                    file=source.name, error=exc.strerror or exc
                ),
            )
            return False
        alt = self.text.textCursor().selectedText() or re.sub(r"[-_]+", " ", source.stem)
        md.insert_inline(self.text, md.link_markdown(alt, rel, image=True))
        self.text.setFocus()
        return True

    # -- printing ----------------------------------------------------------------------------
    def handout_dialog(self) -> Any:
        """The handout dialog for the text as it is now (saved or not)."""
        from guide.ui.handout_dialog import HandoutDialog

        article_id, path = self.where()
        result = authoring.review(self._library(), self.target.root, path, article_id, self.article_text())
        return HandoutDialog(result.library, result.renderer, self.store, [article_id], self)

    def handout(self, method: str) -> None:
        dialog = self.handout_dialog()
        button = {"print": dialog.print_button, "save_pdf": dialog.pdf_button}[method]
        button.setDefault(True)
        button.setFocus()
        dialog.exec()

    # -- drafts and saving -------------------------------------------------------------------
    def draft(self) -> SavedDraft:
        import os

        return SavedDraft(
            key=self.draft_key,
            text=self.article_text(),
            title=self.title_edit.text().strip() or self.tr("New article"),
            article_id=self.target.article_id,
            path=str(self.target.path or ""),
            root=str(self.target.root),
            base=self.target.base,
            saved=time.time(),
            pid=os.getpid(),
        )

    def autosave(self) -> None:
        """Write unsaved text to the draft file (nothing when there is nothing unsaved)."""
        self.autosave_timer.stop()
        if not self.is_modified():
            return
        try:
            self.drafts.save(self.draft())
            self.autosave_problem = None
        except OSError as exc:
            self.autosave_problem = self.tr("Autosave failed: {error}. Save soon.").format(error=exc.strerror or exc)
            self.statusBar().showMessage(self.autosave_problem)

    def save(self) -> bool:
        """Save the article to its file; on any failure the text stays here and in the draft."""
        fields = self.fields()
        if not fields.title.strip():
            QMessageBox.information(self, self.tr("Save article"), self.tr("Give the article a title first."))
            self.title_edit.setFocus()
            return False
        library = self._library()
        if self.target.path is None:
            article_id, path = authoring.new_location(library, self.target.root, self.topic_id(), fields.title)
            if message := authoring.prepare_clinic(self.target.root):
                return self._save_failed(path, message)
        else:
            article_id, path = self.target.article_id, self.target.path
        text = compose(fields)
        try:
            digest = authoring.save_text(path, text, self.target.base)
        except authoring.ChangedOnDisk:
            answer = self._ask_changed(path)
            if answer == "cancel":
                return False
            if answer == "both":
                article_id, path = authoring.keep_both_location(library, self.target.root, path)
                base = ""
            else:
                from guide.core.content import file_digest

                base = file_digest(path) if path.exists() else ""
            try:
                digest = authoring.save_text(path, text, base)
            except (OSError, authoring.ChangedOnDisk) as exc:
                return self._save_failed(path, str(exc))
        except OSError as exc:
            return self._save_failed(path, exc.strerror or str(exc))
        self.target = Target(self.target.root, article_id, path, digest)
        self.topic.setEnabled(False)
        self.saved_text = text
        self.drafts.discard(self.draft_key)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved as {file}.").format(file=path.name), 5000)
        self.saved.emit(article_id, str(path))
        return True

    def _ask_changed(self, path: Path) -> str:
        box = QMessageBox(self)
        box.setObjectName("changed-on-disk")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Article changed on disk"))
        box.setText(
            self.tr("{file} was changed since you opened it, perhaps in another window or on another computer.").format(
                file=path.name
            )
        )
        box.setInformativeText(self.tr("Keep both: your version is saved as a second article beside it."))
        both = box.addButton(self.tr("&Keep both"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("&Replace theirs"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(both)
        box.exec()
        clicked = box.clickedButton()
        return "both" if clicked is both else "replace" if clicked is replace else "cancel"

    def _save_failed(self, path: Path, reason: str) -> bool:
        self.autosave()
        kept = self.tr("Your text is kept here and in an autosaved draft") if not self.autosave_problem else (
            self.tr("Your text is kept here (the autosave failed too: copy it somewhere safe)")
        )
        QMessageBox.warning(
            self,
            self.tr("Could not save"),
            self.tr(
                "Could not save {file} in {folder}: {reason}.\n\n"
                "The clinic folder may be read-only or full. {kept}; it is offered again at the next start."
            ).format(file=path.name, folder=path.parent, reason=reason, kept=kept),
        )
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_ok and self.is_modified():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("Save the changes to “{title}” before closing?").format(
                    title=self.title_edit.text().strip() or self.tr("New article")
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        self.drafts.discard(self.draft_key)
        self.review_timer.stop()
        self.autosave_timer.stop()
        self.tasks.wait()
        self.closed.emit(self.draft_key)
        super().closeEvent(event)


def open_fields(text: str, path: Path) -> tuple[ArticleText, str]:
    """Fields for an article's text, and a warning when its front matter could not be read."""
    fields, problems = decompose(text, path)
    if problems:
        note = QCoreApplication.translate("EditorWindow", "{problem}; the front matter is kept in the text below.")
        return fields, note.format(problem=translate_message(problems[0].message))
    return fields, ""

