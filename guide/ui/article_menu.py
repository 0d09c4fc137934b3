"""The Article menu: new article, edit, clinic copy, import; and the editors it opens.

:class:`Authoring` is built by ``guide.app.build_window`` with the clinic library's folder.
It adds one menu to the main window, opens :class:`~guide.ui.editor.EditorWindow` s, puts
a saved article into the tree and the search index at once, offers back drafts left by a
crash, and asks the open editors before the main window closes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from guide.core import authoring
from guide.core.content import file_digest, read_file
from guide.core.drafts import ArticleText, DraftStore, SavedDraft, decompose
from guide.core.i18n import translate_message
from guide.ui.editor import EditorWindow, Target, open_fields
from guide.ui.navigation import Place

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow


class Authoring(QObject):
    """Writing and changing articles from the main window."""

    def __init__(self, window: MainWindow, clinic: Path | None, drafts: DraftStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.clinic = Path(clinic).absolute() if clinic is not None else None
        self.drafts = drafts or DraftStore()
        self.editors: list[EditorWindow] = []
        self.menu = self._build_menu()
        window.installEventFilter(self)

    # -- the menu ------------------------------------------------------------------------
    def _build_menu(self) -> QMenu:
        w = self.window
        menu = QMenu(self.tr("&Article"), w)
        menu.setObjectName("article-menu")

        def add(text: str, slot: Any, keys: str | None = None, tip: str = "") -> QAction:
            action = QAction(text, w)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            w.addAction(action)
            return action

        self.new_action = add(
            self.tr("&New article"), self.new_article, "Ctrl+N", self.tr("Write a new clinic article")
        )
        self.edit_action = add(
            self.tr("&Edit this article"), self.edit_current, "Ctrl+E", self.tr("Change the open clinic article")
        )
        self.copy_action = add(
            self.tr("Make a clinic &copy"), self.copy_current, None,
            self.tr("An editable copy of this article in the clinic library"),
        )
        self.import_action = add(
            self.tr("&Import document…"), lambda: self.import_documents(), None,
            self.tr("Word, web pages and text as new drafts"),
        )
        menu.addSeparator()
        self.export_action = add(
            self.tr("E&xport clinic articles…"), lambda: self.export_clinic(), None,
            self.tr("The Clinic articles library as one content pack, to install on other workstations"),
        )
        self.menu_anchor = menu.addSeparator()
        menu.aboutToShow.connect(self._update_actions)
        bar = w.menuBar()
        help_menu = w.acts.menus.get("help")  # by key: its title is in the interface's language
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    def writable_roots(self) -> tuple[Path, ...]:
        return (self.clinic,) if self.clinic is not None else ()

    def current_article(self) -> Any:
        current = self.window.current
        return self.window.library.article(current.id) if current.kind == "article" else None

    def _update_actions(self) -> None:
        article = self.current_article()
        mine = authoring.writable(article, self.writable_roots())
        self.new_action.setEnabled(self.clinic is not None)
        self.edit_action.setEnabled(mine or (article is not None and self.clinic is not None))  # else: offers a copy
        self.copy_action.setEnabled(article is not None and not mine and self.clinic is not None)
        self.import_action.setEnabled(self.clinic is not None)

    # -- opening editors -------------------------------------------------------------------
    def _no_clinic(self) -> bool:
        if self.clinic is None:
            QMessageBox.information(
                self.window, self.tr("Clinic articles"), self.tr("No clinic library is set up in this window.")
            )
            return True
        return False

    def new_article(self) -> EditorWindow | None:
        if self._no_clinic():
            return None
        assert self.clinic is not None
        topic = self.window.current.id if self.window.current.kind == "topic" else authoring.CLINIC_TOPIC
        return self.open_editor(Target(self.clinic), ArticleText(), topic_id=topic or authoring.CLINIC_TOPIC)

    def edit_current(self) -> EditorWindow | None:
        article = self.current_article()
        if article is None:
            self.window.statusBar().showMessage(self.tr("Open an article to edit it."), 4000)
            return None
        if not authoring.writable(article, self.writable_roots()):
            answer = QMessageBox.question(
                self.window,
                self.tr("Edit this article"),
                self.tr(
                    "“{title}” is part of a library that cannot be changed.\n\n"
                    "Make a clinic copy to edit? The copy is saved in Clinic articles and says where it came from."
                ).format(title=article.title),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            return self.copy_current() if answer == QMessageBox.StandardButton.Yes else None
        return self.edit(article.id)

    def edit(self, article_id: str) -> EditorWindow | None:
        """Open an editor on a saved article (or bring its open editor to the front)."""
        for editor in self.editors:
            if editor.target.article_id == article_id:
                editor.raise_()
                editor.activateWindow()
                return editor
        article = self.window.library.article(article_id)
        if article is None:
            return None
        text, problems = read_file(article.path)
        fields, warning = open_fields(text, article.path)
        editor = self.open_editor(
            Target(article.root, article.id, article.path, file_digest(article.path)),
            fields,
            saved_text=None if not problems and not warning else text,
            topic_id=article.topic_id,
        )
        if warning or problems:
            editor.statusBar().showMessage(warning or translate_message(problems[0].message))
        return editor

    def copy_current(self) -> EditorWindow | None:
        article = self.current_article()
        if article is None or self._no_clinic():
            return None
        assert self.clinic is not None
        _article_id, path, text = authoring.clinic_copy(self.window.library, article, self.clinic)
        fields, _ = decompose(text, path)
        editor = self.open_editor(Target(self.clinic), fields, saved_text="", topic_id=authoring.CLINIC_TOPIC)
        editor.statusBar().showMessage(
            self.tr("A copy of “{title}”: save it to keep it in Clinic articles.").format(title=article.title)
        )
        return editor

    def open_editor(
        self,
        target: Target,
        fields: ArticleText,
        *,
        saved_text: str | None = None,
        topic_id: str = authoring.CLINIC_TOPIC,
        draft_key: str = "",
    ) -> EditorWindow:
        w = self.window
        editor = EditorWindow(
            lambda: w.library,
            target,
            fields,
            w.store,
            self.drafts,
            searcher=lambda: w.index,
            draft_key=draft_key,
            saved_text=saved_text,
            topic_id=topic_id,
            parent=w,
        )
        editor.saved.connect(self.article_saved)
        editor.closed.connect(lambda _key, e=editor: self._forget(e))
        self.editors.append(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        editor.title_edit.setFocus() if not fields.title else editor.text.setFocus()
        return editor

    def _forget(self, editor: EditorWindow) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    # -- importing documents -------------------------------------------------------------------
    def import_documents(self, files: list[str] | None = None) -> None:
        """Convert documents to draft articles in Clinic articles (in the background) and open them."""
        from guide.core.importing import SUFFIXES

        if self._no_clinic():
            return
        assert self.clinic is not None
        if files is None:
            from PySide6.QtWidgets import QFileDialog

            patterns = " ".join(f"*{s}" for s in SUFFIXES)
            files, _ = QFileDialog.getOpenFileNames(
                self.window, self.tr("Import document"), "",
                self.tr("Documents ({patterns});;All files (*)").format(patterns=patterns)
            )
        if not files:
            return
        if message := authoring.prepare_clinic(self.clinic):
            QMessageBox.warning(self.window, self.tr("Import document"), message)
            return
        clinic = self.clinic
        self.window.statusBar().showMessage(
            self.tr("Importing {count} documents…").format(count=len(files)) if len(files) > 1
            else self.tr("Importing 1 document…")
        )

        def op(progress: Any) -> list[Any]:
            from guide.core.importing import ImportFailed, import_file

            done: list[Any] = []
            for number, name in enumerate(files, start=1):
                try:
                    done.append(import_file(Path(name), clinic, topic=authoring.CLINIC_TOPIC))
                except ImportFailed as exc:
                    done.append(str(exc))
                except OSError as exc:
                    done.append(f"{name}: {exc.strerror or exc}")
                progress(number, len(files))
            return done

        self.window.tasks.run(op, self._imported, lambda exc: self._import_failed(str(exc)))

    def _imported(self, results: list[Any]) -> None:
        failures = [r for r in results if isinstance(r, str)]
        made = [r for r in results if not isinstance(r, str)]
        if made:
            self.article_saved_many([Path(r.path) for r in made])
        for result in made:
            article = self.window.library.article_for_path(Path(result.path))
            editor = self.edit(article.id) if article is not None else None
            if editor is not None:
                notes = "; ".join(result.warnings)
                editor.statusBar().showMessage(
                    (self.tr("Imported as a draft: check it, review it and save.") + f" {notes}").strip()
                )
        self.window.statusBar().showMessage(
            self.tr("1 document imported.") if len(made) == 1
            else self.tr("{count} documents imported.").format(count=len(made)),
            5000,
        )
        if failures:
            self._import_failed("\n".join(failures))

    def _import_failed(self, message: str) -> None:
        self.window.statusBar().clearMessage()
        QMessageBox.warning(
            self.window, self.tr("Import document"), self.tr("Could not import:\n{problems}").format(problems=message)
        )

    # -- sharing the clinic library -------------------------------------------------------
    def export_clinic(self, target: str | None = None) -> None:
        """Write Clinic articles as a content pack (in the background), then say where it went."""
        if self._no_clinic():
            return
        assert self.clinic is not None
        if target is None:
            from PySide6.QtWidgets import QFileDialog

            from guide.ui.handout_dialog import SaveFolder

            name = f"clinic-articles-{dt.date.today().isoformat()}.guidepack"
            target, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export clinic articles"), str(SaveFolder().start() / name),
                self.tr("Content packs (*.guidepack);;Zip archives (*.zip)"),
            )
        if not target:
            return
        clinic, out = self.clinic, Path(target)
        if not out.name.lower().endswith((".guidepack", ".zip")):
            out = out.with_name(out.name + ".guidepack")
        self.window.statusBar().showMessage(self.tr("Exporting the clinic articles…"))

        def op(progress: Any) -> Any:
            from guide.core.export import export_library

            return export_library(clinic, out, progress=progress)

        def done(result: Any) -> None:
            from guide.ui.handout_dialog import tell_saved

            self.window.statusBar().clearMessage()
            count = (
                self.tr("1 article.") if result.articles == 1
                else self.tr("{count} articles.").format(count=result.articles)
            )
            where = (
                self.tr("Install it on another workstation with File > Libraries… > Install from file…")
                if out.name.lower().endswith(".guidepack")
                else self.tr("Unpack it on another workstation and add the folder with File > Open content folder…")
            )
            tell_saved(self.window, out, self.tr("Clinic articles exported"), f"{count} {where}")

        def failed(exc: BaseException) -> None:
            self.window.statusBar().clearMessage()
            QMessageBox.warning(
                self.window, self.tr("Export clinic articles"), self.tr("Could not export:\n{error}").format(error=exc)
            )

        self.window.tasks.run(op, done, failed)

    # -- after saving --------------------------------------------------------------------------
    def article_saved(self, article_id: str, path: str) -> None:
        """Show a saved article in the tree and the reading pane now, and index it in the background."""
        self.article_saved_many([Path(path)], article_id)

    def article_saved_many(self, files: list[Path], show: str = "") -> None:
        w = self.window
        w.library.refresh(files)  # in place: the window's renderer, levels and handouts see it
        w.reload_tree()  # other topics stay open
        if show:
            w.show_place(Place("article", show), record=w.current != Place("article", show))
        index = w.index
        if index is None:
            return
        w.tasks.run(
            lambda progress: index.update(files=files),  # just the saved files: no scan of the library
            lambda _report: w.statusBar().showMessage(self.tr("Saved article is in the search."), 3000),
            lambda exc: w.statusBar().showMessage(
                self.tr("The saved article could not be indexed: {error}").format(error=exc)
            ),
        )

    # -- drafts left by a crash ------------------------------------------------------------------
    def offer_drafts(self) -> QMessageBox | None:
        """Offer back drafts whose editor went away without saving them (a crash, a power cut)."""
        orphans = self.drafts.orphans()
        if not orphans:
            return None
        lines = "\n".join(
            "• " + self.tr("{title} (autosaved {when})").format(
                title=d.title, when=QLocale().toString(QDateTime.fromSecsSinceEpoch(int(d.saved)), "d MMM HH:mm")
            )
            for d in orphans
        )
        box = QMessageBox(self.window)
        box.setObjectName("draft-offer")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved articles"))
        box.setText(
            (self.tr("The guide closed before these articles were saved:") if len(orphans) > 1
             else self.tr("The guide closed before this article was saved:")) + f"\n\n{lines}"
        )
        box.setInformativeText(self.tr("Open to finish and save, or keep them for later."))
        reopen = box.addButton(self.tr("&Open"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(reopen)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is reopen:
                for draft in orphans:
                    self.reopen(draft)
            elif clicked is discard:
                for draft in orphans:
                    self.drafts.discard(draft.key)

        box.finished.connect(answered)
        box.open()
        return box

    def reopen(self, draft: SavedDraft) -> EditorWindow:
        """An editor on an autosaved draft, where it belongs; saving it checks for changes on disk."""
        root = Path(draft.root) if draft.root else (self.clinic or Path("."))
        path = Path(draft.path) if draft.path else None
        fields, _ = decompose(draft.text, path or Path("-"))
        saved_text = read_file(path)[0] if path is not None and path.is_file() else ""
        topic = draft.article_id.rpartition("/")[0] if draft.article_id else authoring.CLINIC_TOPIC
        editor = self.open_editor(
            Target(root, draft.article_id, path, draft.base), fields, saved_text=saved_text, topic_id=topic,
            draft_key=draft.key,
        )
        editor.statusBar().showMessage(self.tr("Recovered from an autosaved draft: save it to keep it."))
        return editor

    # -- closing the main window -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for editor in list(self.editors):
                if not editor.close():
                    event.ignore()
                    return True
        return False


def install(window: MainWindow, clinic: Path | None, drafts: DraftStore | None = None) -> Authoring:
    """Add the Article menu to the window; offer back crashed drafts once the window shows."""
    authoring_ = Authoring(window, clinic, drafts)
    QTimer.singleShot(0, authoring_.offer_drafts)
    return authoring_
