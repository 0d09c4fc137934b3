"""Edit > Preferences, driven with the keyboard: choices show at once and are saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from guide.core.settings import Settings, SettingsStore
from guide.ui.preferences import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_preferences(qtbot: Any, window: Any) -> PreferencesDialog:
    qtbot.keyClick(window.reader, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(PreferencesDialog, "preferences")
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def test_system_theme_is_the_default() -> None:
    assert Settings().theme == "system"


def test_keys_change_theme_size_and_clinic_then_ok_saves(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    size = window.reader.document().defaultFont().pointSizeF()
    dialog = open_preferences(qtbot, window)
    assert dialog.theme.currentText() == "System default"
    dialog.theme.setFocus()
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)  # System default -> Light
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Down)  # -> Dark
    assert dialog.theme.currentText() == "Dark"
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Tab)
    assert dialog.text_size.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert dialog.text_size.text() == "120 %"
    qtbot.keyClick(dialog.text_size, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Clinic &name
    assert QApplication.focusWidget() is dialog.clinic.name
    qtbot.keyClicks(dialog.clinic.name, "Riverside Clinic")
    qtbot.keyClick(dialog.clinic.name, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Logo
    assert QApplication.focusWidget() is dialog.clinic.logo
    qtbot.keyClick(dialog.clinic.name, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # &Paper
    qtbot.keyClick(dialog.paper, Qt.Key.Key_End)  # Letter
    qtbot.keyClick(dialog.paper, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Large p&rint
    qtbot.waitUntil(dialog.large_print.isChecked, timeout=2000)  # mnemonics "animate" the click
    qtbot.keyClick(dialog.clinic.name, Qt.Key.Key_Return)  # OK is the default button
    assert not dialog.isVisible()

    assert QApplication.palette().base().color().lightness() < 100  # dark at once
    assert window.acts.themes["dark"].isChecked()
    assert window.reader.document().defaultFont().pointSizeF() > size
    saved = SettingsStore().settings  # read back from disk
    assert (saved.theme, saved.text_zoom, saved.clinic_name) == ("dark", 2, "Riverside Clinic")
    assert (saved.paper, saved.large_print) == ("letter", True)


def test_cancel_keeps_everything(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    dialog = open_preferences(qtbot, window)
    dialog.theme.setFocus()
    qtbot.keyClick(dialog.theme, Qt.Key.Key_End)  # High contrast
    qtbot.keyClicks(dialog.clinic.name, "Nope")
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert SettingsStore().settings.theme == "system"
    assert SettingsStore().settings.clinic_name == ""
    assert not window.acts.themes["high-contrast"].isChecked()


def test_apply_shows_the_theme_while_the_dialog_stays_open(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    dialog = open_preferences(qtbot, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("high-contrast"))
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert window.acts.themes["high-contrast"].isChecked()
    assert QApplication.palette().window().color().name() == "#000000"
    qtbot.keyClick(dialog.theme, Qt.Key.Key_Escape)


def test_system_default_follows_the_desktop_when_it_changes(
    make_window: Any, sample_root: Path, monkeypatch: Any
) -> None:
    window = make_window(sample_root)
    assert window.acts.themes["system"].isChecked()
    hints = QApplication.styleHints()
    monkeypatch.setattr("guide.ui.themes.desktop_is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().base().color().lightness() < 100
    monkeypatch.setattr("guide.ui.themes.desktop_is_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.palette().base().color().lightness() > 200
    window.acts.themes["light"].trigger()
    monkeypatch.setattr("guide.ui.themes.desktop_is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert QApplication.palette().base().color().lightness() > 200, "a chosen theme stays"
