"""Edit > Preferences: theme, text size and the handout settings, saved in the user's settings.

The lists and the range come from the settings' declarations (``OPTIONS``), so the dialog offers
exactly the values the settings store accepts."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from guide.core.handout import default_paper
from guide.core.i18n import interface_language
from guide.core.settings import OPTIONS, SettingsStore
from guide.ui.handout_dialog import ClinicFields
from guide.ui.themes import choice_label
from guide.ui.translation import running_language


class PreferencesDialog(QDialog):
    """OK and Apply save the choices and call ``applied`` so the window shows them at once."""

    def __init__(self, store: SettingsStore, applied: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.applied = applied
        self.setWindowTitle(self.tr("Preferences"))
        settings = store.settings

        self.theme = QComboBox(self)
        for key, label in (OPTIONS["theme"].choices or {}).items():
            self.theme.addItem(choice_label(label), key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.setAccessibleDescription(self.tr("System default follows the light or dark setting of the computer"))
        self.text_size = QSpinBox(self)
        low, high = OPTIONS["text_zoom"].limits or (0, 0)
        self.text_size.setRange(100 + 10 * low, 100 + 10 * high)
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setValue(100 + 10 * settings.text_zoom)
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.setAccessibleDescription(
            self.tr("Size of the reading pane's text; also Ctrl+Plus and Ctrl+Minus")
        )
        self.language = QComboBox(self)
        for key, label in (OPTIONS["language"].choices or {}).items():
            # "System language" in the interface's language; each language's name in itself
            self.language.addItem(choice_label(label) if key == "system" else label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.running_language = running_language()  # what this window was built in
        self.language_note = QLabel(self.tr("The new language shows when the guide starts again."), self)
        self.language_note.setWordWrap(True)
        self.language_note.setObjectName("language-note")
        self.language.currentIndexChanged.connect(self._language_changed)
        self._language_changed()
        reading = QGroupBox(self.tr("Reading"), self)
        reading_form = QFormLayout(reading)
        reading_form.addRow(self.tr("&Theme:"), self.theme)
        reading_form.addRow(self.tr("Te&xt size:"), self.text_size)
        reading_form.addRow(self.tr("Lan&guage:"), self.language)
        reading_form.addRow("", self.language_note)

        self.clinic = ClinicFields(store, self)
        self.paper = QComboBox(self)
        for value, label in (OPTIONS["paper"].choices or {}).items():
            self.paper.addItem(choice_label(label), value)
        self.paper.setItemText(
            0, self.tr("Follow the language setting ({paper})").format(paper=default_paper(QLocale().name()).upper())
        )
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.large_print = QCheckBox(self.tr("Large p&rint by default"), self)
        self.large_print.setChecked(settings.large_print)
        self.large_print.setAccessibleName(self.tr("Large print by default"))
        self.large_print.setAccessibleDescription(self.tr("Handouts start in at least 16 point text"))
        handouts = QGroupBox(self.tr("Handouts"), self)
        handout_layout = QVBoxLayout(handouts)
        handout_layout.addWidget(self.clinic)
        handout_form = QFormLayout()
        handout_form.setContentsMargins(0, 0, 0, 0)
        handout_form.addRow(self.tr("&Paper:"), self.paper)
        handout_form.addRow("", self.large_print)
        handout_layout.addLayout(handout_form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(reading)
        layout.addWidget(handouts)
        layout.addWidget(self.buttons)
        self.theme.setFocus()
        # widgets moved into the group boxes join the focus chain late: put Tab back in reading order
        order = [
            self.theme,
            self.text_size,
            self.language,
            *self.clinic.focus_order(),
            self.paper,
            self.large_print,
            self.buttons,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def apply(self) -> None:
        self.store.update(
            theme=self.theme.currentData(),
            text_zoom=(self.text_size.value() - 100) // 10,
            paper=self.paper.currentData(),
            large_print=self.large_print.isChecked(),
            language=self.language.currentData(),
            **self.clinic.changes(),
        )
        self.applied()

    def _language_changed(self) -> None:
        """Widgets take their words when they are made: a new language needs a new start (said here)."""
        chosen = interface_language(str(self.language.currentData()))
        self.language_note.setVisible(chosen != self.running_language)

    def accept(self) -> None:
        self.apply()
        super().accept()
