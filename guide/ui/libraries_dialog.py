"""File → Libraries…: the installed content packs, with install, roll back, remove and verify.

Checking and unpacking a pack runs through the window's background helper
(:class:`guide.ui.tasks.TaskRunner`), with a progress bar, so the window never freezes.
A pack that is unsigned or signed by a key nobody trusts goes in only after a warning
the user answers; when the site file forbids such packs, it does not go in at all.
The bundled guide is listed first as a read-only row: it comes and goes with the app.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide import __version__
from guide.core import paths
from guide.core.content import INDEX_NAME, Library, read_file, split_front_matter
from guide.core.i18n import translate_message
from guide.core.packs.archive import PackError
from guide.core.packs.store import InstalledPack, InstallReport, PackStore, all_installed, stores
from guide.core.packs.trust import SignatureCheck, Trust, check_signature
from guide.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

COLUMNS = (  # shown through translate("LibrariesDialog", …)
    QT_TRANSLATE_NOOP("LibrariesDialog", "Title"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Version"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Publisher"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Verified"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Language"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Articles"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Size"),
    QT_TRANSLATE_NOOP("LibrariesDialog", "Installed"),
)


@dataclass(frozen=True)
class BuiltIn:
    """The guide bundled with the app, as the dialog lists it."""

    title: str
    version: str
    articles: int
    language: str = "en"


def bundled_guide(library: Library) -> BuiltIn | None:
    """The bundled guide's row for ``library``; None when the window shows other content only."""
    root = paths.bundled_content().absolute()
    if root not in library.roots:
        return None
    index = root / INDEX_NAME
    title = split_front_matter(index, read_file(index)[0]).meta.get("title") if index.is_file() else None
    title = (
        title.strip()
        if isinstance(title, str) and title.strip()
        else QCoreApplication.translate("MainWindow", "Health guide")
    )
    return BuiltIn(title, __version__, sum(1 for a in library.articles() if a.root == root))


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{max(1, size // 1000)} kB"


class LibrariesDialog(QDialog):
    """Lists installed packs; ``changed`` is called after an install, roll-back or removal."""

    def __init__(
        self,
        trust: Trust,
        changed: Callable[[], None],
        tasks: TaskRunner,
        site_packs_dir: str = "",
        parent: QWidget | None = None,
        bundled: BuiltIn | None = None,
    ) -> None:
        super().__init__(parent)
        self.bundled = bundled
        self.setWindowTitle(self.tr("Libraries"))
        self.trust = trust
        self.changed = changed
        self.tasks = tasks
        self.site_packs_dir = site_packs_dir
        self.user_store = stores(site_packs_dir)[0]
        self.last_message = ""  # what the last action reported (tests read it)

        intro = QLabel(
            self.tr(
                "Libraries installed on this computer, beside the bundled guide. Each appears as a topic of its own."
            )
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("libraries")
        self.table.setAccessibleName(self.tr("Installed libraries"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(
            self.tr("No other libraries are installed. Use Install from file… to add one (a .guidepack file).")
            if bundled is not None
            else self.tr("No libraries are installed. Use Install from file… to add one (a .guidepack file).")
        )
        self.empty.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Install progress"))
        self.progress.hide()

        self.install_button = QPushButton(self.tr("&Install from file…"), self)
        self.rollback_button = QPushButton(self.tr("&Roll back"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.verify_button = QPushButton(self.tr("&Verify now"), self)
        self.install_button.clicked.connect(self.choose_file)
        self.rollback_button.clicked.connect(self.roll_back)
        self.remove_button.clicked.connect(self.remove)
        self.verify_button.clicked.connect(self.verify)
        row = QHBoxLayout()
        for button in (self.install_button, self.rollback_button, self.remove_button, self.verify_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(900, 380)
        self.refresh()

    # -- the list --------------------------------------------------------------------------
    def refresh(self, select_id: str = "") -> None:
        selected = self.selected()
        select_id = select_id or (selected.id if selected is not None else "")
        self.table.clear()
        self.packs = all_installed(self.site_packs_dir)
        if self.bundled is not None:
            self._add_bundled_row(self.bundled)
        for pack in self.packs:
            m = pack.manifest
            verified = (
                self.tr("Yes") if pack.verified == m.publisher else self.tr("Yes ({who})").format(who=pack.verified)
            )
            verified = verified if pack.verified else self.tr("No")
            values = (
                m.title,
                m.version,
                m.publisher or "—",
                verified,
                m.language,
                str(m.articles),
                _size(pack.size),
                pack.installed[:16].replace("T", " "),
            )
            item = QTreeWidgetItem(list(values))
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            if not pack.verified:
                item.setToolTip(3, self.tr("Unsigned, or signed by a publisher key this computer does not trust"))
            else:
                item.setToolTip(
                    3,
                    self.tr("Signed with the trusted key of {who} (key {key})").format(
                        who=pack.verified, key=pack.key_id
                    ),
                )
            if pack.scope == "system":
                item.setToolTip(0, self.tr("Installed for every user of this computer"))
            for column in (5, 6):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
            if m.id == select_id:
                self.table.setCurrentItem(item)
        for column in range(1, len(COLUMNS)):
            self.table.resizeColumnToContents(column)
        self.empty.setVisible(not self.packs)
        first = self.table.topLevelItem(0)
        if first is not None and self.table.currentItem() is None:
            self.table.setCurrentItem(first)
        self._update_buttons()

    def _add_bundled_row(self, guide: BuiltIn) -> None:
        """Read-only: no pack id, so Roll back, Remove and Verify now stay disabled on it."""
        built_in, with_app = self.tr("Built in"), self.tr("With the app")
        values = (guide.title, guide.version, "—", built_in, guide.language, str(guide.articles), "—", with_app)
        item = QTreeWidgetItem(list(values))
        item.setData(0, Qt.ItemDataRole.UserRole, "")
        tip = self.tr("Comes with the application and is updated with it; it cannot be removed or rolled back")
        for column in range(len(COLUMNS)):
            item.setToolTip(column, tip)
        item.setTextAlignment(5, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.addTopLevelItem(item)

    def selected(self) -> InstalledPack | None:
        item = self.table.currentItem()
        if item is None:
            return None
        pack_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((p for p in getattr(self, "packs", []) if p.id == pack_id), None)

    def _update_buttons(self, busy: bool = False) -> None:
        pack = self.selected()
        self.install_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and pack is not None)
        self.verify_button.setEnabled(not busy and pack is not None)
        self.rollback_button.setEnabled(not busy and pack is not None and pack.previous_version is not None)
        if pack is not None and pack.previous_version is not None:
            self.rollback_button.setToolTip(
                self.tr("Go back to version {version}").format(version=pack.previous_version)
            )

    def _store_of(self, pack: InstalledPack) -> PackStore:
        return stores(self.site_packs_dir)[0 if pack.scope == "user" else 1]

    def _say(self, text: str) -> None:
        self.last_message = text
        self.status.setText(text)

    def _run(self, op: Callable[[Progress], object], done: Callable[[object], None], label: str) -> None:
        self._update_buttons(busy=True)
        self.progress.setValue(0)
        self.progress.setMaximum(0)  # busy until the first step is known
        self.progress.setFormat(f"{label} %p%")
        self.progress.show()
        self._say(f"{label}…")

        def finish(result: object) -> None:
            self.progress.hide()
            self._update_buttons()
            done(result)

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self._update_buttons()
            text = (
                translate_message(str(exc))
                if isinstance(exc, PackError | OSError)
                else f"{exc.__class__.__name__}: {exc}"
            )
            self._say(text)
            QMessageBox.warning(self, self.tr("Library not changed"), text)

        def step(count: int, total: int) -> None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(count)

        self.tasks.run(op, finish, failed, step)

    # -- actions ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Install a library"), "", self.tr("Health guide packs (*.guidepack)")
        )
        if name:
            self.install(Path(name))

    def install(self, path: Path) -> None:
        """Check the signature in the background, ask when it is not verified, then install."""
        trust = self.trust
        self._run(
            lambda progress: check_signature(path, trust),
            lambda s: self._signature_checked(path, s),
            self.tr("Checking the signature"),
        )

    def _signature_checked(self, path: Path, signature: object) -> None:
        assert isinstance(signature, SignatureCheck)
        if not signature.verified:
            what = translate_message(signature.describe())
            if not self.trust.allow_unsigned:
                text = self.tr(
                    "{file} is {what}.\n\nThis computer installs only libraries from trusted publishers."
                ).format(file=path.name, what=what)
                self._say(text)
                QMessageBox.critical(self, self.tr("Library not installed"), text)
                return
            if not self.confirm_unverified(path, what):
                self._say(self.tr("{file} was not installed.").format(file=path.name))
                return
        store = self.user_store
        trust = self.trust

        def op(progress: Progress) -> InstallReport:
            return store.install(path, trust, allow_unsigned=True, progress=progress)

        self._run(op, self._installed, self.tr("Installing"))

    def confirm_unverified(self, path: Path, what: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unverified library"), "", parent=self)
        box.setText("<b>" + html.escape(self.tr("{file} is {what}.").format(file=path.name, what=what)) + "</b>")
        box.setInformativeText(
            self.tr(
                "Nobody can tell who made it or whether it was changed on the way. "
                "Install it only if you know where it came from.\n\nInstall it anyway?"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _installed(self, report: object) -> None:
        assert isinstance(report, InstallReport)
        self._say(translate_message(report.summary()) + ".")
        self.refresh(report.pack.id)
        self.changed()

    def roll_back(self) -> None:
        pack = self.selected()
        if pack is None or pack.previous_version is None:
            return
        store = self._store_of(pack)

        def done(result: object) -> None:
            old, new = result if isinstance(result, tuple) else ("?", "?")
            self._say(
                self.tr("{title} went back from version {old} to {new}.").format(
                    title=pack.manifest.title, old=old, new=new
                )
            )
            self.refresh()
            self.changed()

        self._run(lambda progress: store.rollback(pack.id), done, self.tr("Rolling back"))

    def remove(self) -> None:
        pack = self.selected()
        if pack is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove library"),
            self.tr("Remove {title} ({count} articles) from this computer?").format(
                title=pack.manifest.title, count=pack.manifest.articles
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        store = self._store_of(pack)

        def done(_result: object) -> None:
            self._say(self.tr("{title} was removed.").format(title=pack.manifest.title))
            self.refresh()
            self.changed()

        self._run(lambda progress: store.remove(pack.id), done, self.tr("Removing"))

    def verify(self) -> None:
        pack = self.selected()
        if pack is None:
            return
        store, trust = self._store_of(pack), self.trust
        self._run(
            lambda progress: store.verify(pack.id, trust),
            lambda text: self._say(f"{pack.manifest.title}: {translate_message(str(text))}."),
            self.tr("Verifying"),
        )


def add_libraries_action(window: MainWindow, reload: Callable[[], None]) -> QAction:
    """File → Libraries…, below "Open content folder…"; ``reload`` shows the content again after a change."""
    action = QAction(QCoreApplication.translate("MainWindow", "&Libraries…"), window)
    action.setStatusTip(
        QCoreApplication.translate("MainWindow", "Install, update, roll back or remove content libraries")
    )
    file_menu = window.acts.menu("file")
    menu_actions = file_menu.actions()
    file_menu.insertAction(menu_actions[1] if len(menu_actions) > 1 else None, action)  # type: ignore[arg-type]
    window.acts.named["libraries"] = action
    window.addAction(action)

    def open_dialog() -> None:
        store = window.store
        site_dir = store.site.get("packs_dir", "")
        bundled = bundled_guide(window.library)
        LibrariesDialog(Trust.from_store(store), reload, window.tasks, site_dir, window, bundled).exec()

    action.triggered.connect(open_dialog)
    return action
