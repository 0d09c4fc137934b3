"""The "Print handout" dialog, the clinic details dialog and the print actions for the main window."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guide.core.content import Library
from guide.core.handout import HandoutError, HandoutOptions, build_handout_html, default_paper, for_articles
from guide.core.render import Renderer
from guide.core.settings import PAPER_SIZES, SettingsStore
from guide.core.text import split_sections
from guide.ui.actions import NEEDS_ARTICLE
from guide.ui.printing import page_layout, print_document, write_pdf
from guide.ui.themes import choice_label


def _image_loader(library: Library) -> Callable[[str], QImage | None]:
    def load(url: str) -> QImage | None:
        from guide.core.links import image_file  # the core owns image URLs

        path = image_file(library, url)
        image = QImage(str(path)) if path is not None else QImage()
        return None if image.isNull() else image

    return load


class ClinicFields(QWidget):
    """Clinic name, contact line and logo printed on handouts, as a form to put in a dialog."""

    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        settings = store.settings
        self.name = QLineEdit(settings.clinic_name)
        self.name.setAccessibleName(self.tr("Clinic name"))
        self.contact = QLineEdit(settings.clinic_contact)
        self.contact.setPlaceholderText(self.tr("Address or phone number"))
        self.contact.setAccessibleName(self.tr("Contact line"))
        # the hint is longer in French and Spanish: the field is at least as wide as it
        hint = self.contact.fontMetrics().horizontalAdvance(self.contact.placeholderText())
        self.contact.setMinimumWidth(hint + 4 * self.contact.fontMetrics().averageCharWidth())
        self.logo = QLineEdit(settings.clinic_logo)
        self.logo.setAccessibleName(self.tr("Logo file"))
        self.logo.setAccessibleDescription(self.tr("A PNG, JPEG or SVG printed at the top of handouts; empty for none"))
        self.choose = QPushButton(self.tr("C&hoose…"))
        self.choose.setAccessibleName(self.tr("Choose logo file"))
        self.choose.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(self.choose)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Clinic &name:"), self.name)
        form.addRow(self.tr("&Contact line:"), self.contact)
        logo_label = QLabel(self.tr("&Logo:"), self)  # a row holding a layout gets no buddy by itself
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Clinic logo"), self.logo.text(), self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.logo.setText(path)

    def focus_order(self) -> list[QWidget]:
        return [self.name, self.contact, self.logo, self.choose]

    def changes(self) -> dict[str, str]:
        return {
            "clinic_name": self.name.text().strip(),
            "clinic_contact": self.contact.text().strip(),
            "clinic_logo": self.logo.text().strip(),
        }


class ClinicSettingsDialog(QDialog):
    """The clinic details on their own; saved in the user's settings."""

    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Clinic details"))
        self.fields = ClinicFields(store, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.store.update(**self.fields.changes())
        super().accept()


class SaveFolder:
    """Where the PDF save dialog starts: the user's Documents folder, then the last folder used."""

    def __init__(self) -> None:
        self.last: Path | None = None

    def start(self) -> Path:
        if self.last is not None and self.last.is_dir():
            return self.last
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def tell_saved(parent: QWidget, path: Path, title: str = "", detail: str = "") -> QMessageBox:
    """ "Saved to …" with an Open folder button (shown without blocking; returned for tests)."""
    title = title or QCoreApplication.translate("HandoutDialog", "Handout saved")
    text = QCoreApplication.translate("HandoutDialog", "Saved to {path}").format(path=path)
    text += f"\n\n{detail}" if detail else ""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("saved")
    open_folder = box.addButton(
        QCoreApplication.translate("HandoutDialog", "&Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class HandoutDialog(QDialog):
    """Choose sections, large print and paper, then print, preview or save a PDF."""

    def __init__(
        self,
        library: Library,
        renderer: Renderer,
        store: SettingsStore,
        article_ids: Sequence[str],
        parent: QWidget | None = None,
        folder: SaveFolder | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder if folder is not None else SaveFolder()
        self.library = library
        self.renderer = renderer
        self.store = store
        self.article_ids = list(article_ids)
        self.setWindowTitle(self.tr("Print handout"))
        settings = store.settings
        articles = [a for a in (library.article(i) for i in self.article_ids) if a is not None]

        self.sections = QListWidget()
        for article in articles:
            for section in split_sections(library.body(article)):
                if section.slug is None or section.level != 2:
                    continue
                item = QListWidgetItem(section.title or section.slug)
                if len(articles) > 1:
                    item.setText(self.tr("{article}: {section}").format(article=article.title, section=item.text()))
                item.setData(Qt.ItemDataRole.UserRole, section.slug)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.sections.addItem(item)
        self.large_print = QCheckBox(self.tr("&Large print"))
        self.large_print.setChecked(settings.large_print)
        self.paper = QComboBox()
        for value, label in PAPER_SIZES.items():
            self.paper.addItem(choice_label(label), value)
        paper = settings.paper or default_paper(QLocale().name())
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        clinic = QPushButton(self.tr("Clinic details…"))
        clinic.clicked.connect(lambda: ClinicSettingsDialog(self.store, self).exec())

        titles = ", ".join(a.title for a in articles)
        form = QFormLayout()
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow("", self.large_print)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(titles))
        layout.addWidget(QLabel(self.tr("Choose sections:")))
        layout.addWidget(self.sections)
        layout.addLayout(form)
        layout.addWidget(clinic, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button = buttons.addButton(self.tr("Pre&view…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("&Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> HandoutOptions:
        settings = self.store.settings
        items = [self.sections.item(i) for i in range(self.sections.count())]
        chosen = tuple(
            str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        )
        sections = None if len(chosen) == len(items) else self._with_subsections(chosen)
        chosen_options = HandoutOptions(
            sections=sections,
            large_print=self.large_print.isChecked(),
            paper=str(self.paper.currentData()),
            clinic_name=settings.clinic_name,
            clinic_contact=settings.clinic_contact,
            clinic_logo=settings.clinic_logo,
        )
        return for_articles(self.library, self.article_ids, chosen_options)  # footers in the articles' language

    def _with_subsections(self, chosen: tuple[str, ...]) -> tuple[str, ...]:
        """A ticked ## section brings its ### subsections along."""
        slugs: list[str] = []
        for article_id in self.article_ids:
            article = self.library.article(article_id)
            if article is None:
                continue
            parent: str | None = None
            for section in split_sections(self.library.body(article)):
                if section.level == 2:
                    parent = section.slug
                if section.slug and parent in chosen:
                    slugs.append(section.slug)
        return tuple(dict.fromkeys(slugs))

    def html(self, options: HandoutOptions) -> str | None:
        if options.sections == ():
            QMessageBox.information(self, self.tr("Print handout"), self.tr("Tick at least one section to print."))
            return None
        try:
            return build_handout_html(self.library, self.renderer, self.article_ids, options)
        except HandoutError as exc:
            QMessageBox.warning(self, self.tr("Print handout"), str(exc))
            return None

    def _remember(self, options: HandoutOptions) -> None:
        settings = self.store.settings
        if (settings.large_print, settings.paper) != (options.large_print, options.paper):
            self.store.update(large_print=options.large_print, paper=options.paper)

    def _printer(self, options: HandoutOptions) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options))
        return printer

    def print_(self) -> None:
        options = self.options()
        html = self.html(options)
        if html is None:
            return
        printer = self._printer(options)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            print_document(html, printer, options, _image_loader(self.library))
            self._remember(options)

    def preview(self) -> None:
        options = self.options()
        html = self.html(options)
        if html is None:
            return
        printer = self._printer(options)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: print_document(html, p, options, _image_loader(self.library)))
        dialog.exec()

    def save_pdf(self) -> None:
        options = self.options()
        html = self.html(options)
        if html is None:
            return
        first = self.library.article(self.article_ids[0])
        suggested = (first.id.rpartition("/")[2] if first else "handout") + ".pdf"
        start = str(self.folder.start() / suggested)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save handout as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_pdf(html, Path(path), options, _image_loader(self.library))
        except OSError as exc:
            text = self.tr("Could not save {path}:\n{error}").format(path=path, error=exc)
            QMessageBox.warning(self, self.tr("Save PDF"), text)
            return
        self.folder.last = Path(path).parent
        self._remember(options)
        parent = self.parentWidget()
        if parent is not None:  # the handout is done: the note stays on the window, the dialog goes
            tell_saved(parent, Path(path))
            self.accept()
        else:
            tell_saved(self, Path(path))


class HandoutActions(QObject):
    """Print, Print preview, Export PDF and Clinic details actions for menus, toolbar and context menu."""

    def __init__(
        self,
        current_ids: Callable[[], Sequence[str]],
        library: Callable[[], Library],
        renderer: Callable[[], Renderer],
        store: Callable[[], SettingsStore],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ids = current_ids
        self._library = library
        self._renderer = renderer
        self._store = store
        self._parent = parent
        self.folder = SaveFolder()  # shared by the handout dialogs of this window
        self.print_action = self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print, "print", "document-print")
        self.preview_action = self._action(self.tr("Print pre&view…"), None, "preview", "document-print-preview")
        self.pdf_action = self._action(
            self.tr("&Export PDF…"), QKeySequence("Ctrl+Shift+E"), "save_pdf", "document-export"
        )
        self.pdf_action.setObjectName("export_pdf")
        self.print_action.setObjectName("print")
        self.preview_action.setObjectName("preview")
        self.clinic_action = QAction(self.tr("&Clinic details…"), self)
        self.clinic_action.setObjectName("clinic")
        self.clinic_action.triggered.connect(self.edit_clinic)

    def _action(self, text: str, shortcut: Any, method: str, icon: str) -> QAction:
        from PySide6.QtGui import QIcon

        action = QAction(QIcon.fromTheme(icon), text, self)
        action.setData(NEEDS_ARTICLE)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: self.open(method))
        return action

    def actions(self) -> list[QAction]:
        return [self.print_action, self.preview_action, self.pdf_action, self.clinic_action]

    def dialog(self) -> HandoutDialog | None:
        ids = list(self._ids())
        if not ids:
            return None
        return HandoutDialog(self._library(), self._renderer(), self._store(), ids, self._parent, self.folder)

    def open(self, method: str) -> None:
        """Show the handout dialog with the chosen action's button as the default."""
        dialog = self.dialog()
        if dialog is None:
            return
        button = {
            "print": dialog.print_button,
            "preview": dialog.preview_button,
            "save_pdf": dialog.pdf_button,
        }
        button[method].setDefault(True)
        button[method].setFocus()
        dialog.exec()

    def edit_clinic(self) -> None:
        ClinicSettingsDialog(self._store(), self._parent).exec()
