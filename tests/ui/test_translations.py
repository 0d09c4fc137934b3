"""The window in Spanish and French: every visible string goes through Qt's translation, the
catalogs are complete and compiled, and a missing or broken catalog gives English."""

from __future__ import annotations

import ast
import html
import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTreeWidget,
    QWidget,
)

from guide.core import i18n
from guide.core.authoring import topic_choices
from guide.core.i18n import LANGUAGE_NAMES
from guide.core.readability import EXPLANATION
from guide.ui import translation
from guide.ui.navigation import Place

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("es", "fr")
sys.path.insert(0, str(ROOT / "scripts"))
import translations as ts_tool  # noqa: E402  (scripts/translations.py)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
PLACEHOLDER = re.compile(r"\{\w*\}|%p%")
KEYS = re.compile(r"\b(?:(?:Ctrl|Alt|Shift|Meta)\+)+\S+|\b(?:Alt|Ctrl)\+\w+|\bF\d+\b")  # key names Qt shows itself


def messages(language: str, folder: Path = FOLDER) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    root = ET.parse(folder / f"guide_{language}.ts").getroot()
    return [
        (str(c.findtext("name")), str(m.findtext("source")), m.find("translation"))  # type: ignore[misc]
        for c in root.iter("context")
        for m in c.iter("message")
    ]


def plain(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


# -- the catalogs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_keeps_its_placeholders(language: str) -> None:
    found = messages(language)
    assert len(found) > 300
    for context, source, element in found:
        where = f"guide_{language}.ts [{context}] {source!r}"
        assert element.get("type") is None, f"{where} is {element.get('type')}"  # unfinished, vanished, obsolete
        text = element.text or ""
        assert text.strip(), f"{where} has no translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert text.count("\n") == source.count("\n"), where
        if "&" in source.replace("&&", ""):
            assert "&" in text.replace("&&", ""), f"{where} lost its keyboard accelerator"


def test_catalogs_hold_exactly_the_strings_in_the_code(tmp_path: Path) -> None:
    """lupdate over the code finds nothing new and nothing gone: a string wrapped in tr() since
    the last update, or one whose English changed, fails here until it is translated."""
    for language in LANGUAGES:
        shutil.copy(FOLDER / f"guide_{language}.ts", tmp_path)
    sources = [*sorted(str(p) for p in (ROOT / "guide" / "ui").glob("*.py")), str(ROOT / "guide" / "app.py")]
    for language in LANGUAGES:
        ts = tmp_path / f"guide_{language}.ts"
        subprocess.run(
            [ts_tool.tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
            check=True,
        )
        now = {(c, s) for c, s, _ in messages(language, tmp_path)}
        committed = {(c, s) for c, s, _ in messages(language)}
        assert now - committed == set(), f"new strings to translate in guide_{language}.ts (scripts/translations.py)"
        assert committed - now == set(), "strings no longer in the code: run scripts/translations.py update"


def test_compiled_catalogs_match_their_sources(tmp_path: Path) -> None:
    for qm in ts_tool.compile_all(FOLDER, tmp_path):
        assert qm.read_bytes() == (FOLDER / qm.name).read_bytes(), (
            f"{qm.name} is stale: scripts/translations.py compile"
        )


# -- no visible string outside Qt's translation ---------------------------------------------------
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setInformativeText", "setFormat", "setItemText", "addItem", "addRow", "addButton",
    "addMenu", "showMessage", "show_message", "information", "warning", "critical", "question", "about",
    "getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory", "setHeaderLabels",
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QMenu", "QToolBar", "QListWidgetItem",
    "QMessageBox", "text_dialog", "tell_saved", "add_action", "add", "_action", "line",
}  # fmt: skip


def _wording(node: ast.AST) -> str:
    """The words a literal argument would show (placeholders and format codes left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return PLACEHOLDER.sub("", node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(_wording(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _wording(node.left) + _wording(node.right)
    if isinstance(node, ast.IfExp):
        return _wording(node.body) + _wording(node.orelse)
    return ""


def test_no_literal_words_reach_a_widget_without_tr() -> None:
    """Text handed straight to a widget, action, status bar or message box is never translated."""
    found = []
    for path in [*sorted((ROOT / "guide" / "ui").glob("*.py")), ROOT / "guide" / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in TEXT_CALLS:
                continue
            if isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) in ("log", "logging"):
                continue  # log lines are for the maintainer, in English
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg != "name")]:
                words = KEYS.sub("", re.sub(r"<[^>]*>", "", _wording(arg)))
                if re.search(r"[A-Za-z]{2}", words) and not re.fullmatch(r"[a-z0-9_-]+", words):  # not an id
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)[:70]}")
    assert found == []


# -- the window in Spanish: nothing left in English --------------------------------------------
def widget_texts(root: QObject) -> set[str]:
    """Every text a person can see or hear in ``root`` and its children, shown or not yet shown."""
    texts: list[str] = []
    widgets = [root, *root.findChildren(QWidget)] if isinstance(root, QWidget) else root.findChildren(QWidget)
    actions = set(root.findChildren(QAction))
    for w in widgets:
        actions.update(w.actions())
        texts += [w.windowTitle(), w.toolTip(), w.statusTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        if isinstance(w, QProgressBar):
            texts.append(w.format())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            texts += [header.text(c) for c in range(header.columnCount())]
            for r in range(w.topLevelItemCount()):
                item = w.topLevelItem(r)
                texts += [t for c in range(item.columnCount()) for t in (item.text(c), item.toolTip(c))]
    for action in actions:
        texts += [action.text(), action.toolTip(), action.statusTip()]
    return {plain(t) for text in texts for t in text.split("\n") if re.search(r"[A-Za-z]{2}", t)}


@pytest.fixture
def in_language(qapp: QApplication) -> Iterator[Any]:
    installed: list[Any] = []

    def use(language: str) -> None:  # as guide.app.run does: Qt's side and the core's
        translation.remove_translators(qapp, installed)
        installed[:] = translation.install_translators(qapp, language)
        i18n.set_interface_language(language)

    yield use
    i18n.set_interface_language("en")
    translation.remove_translators(qapp, installed)
    translation.install_translators(qapp, "en")
    QLocale.setDefault(QLocale.system())


def everything(window: Any, clinic: Path) -> set[str]:
    """The window with every menu, then Preferences, Libraries, the handout, clinic details,
    bookmarks, link picker and editor dialogs, the shortcut table (F1) and About."""
    from guide.core.drafts import ArticleText, DraftStore
    from guide.core.packs.trust import Trust
    from guide.ui.dialogs import BookmarksDialog, about_html, shortcut_groups
    from guide.ui.editor import EditorWindow, LinkPicker, Target
    from guide.ui.handout_dialog import ClinicSettingsDialog, HandoutActions
    from guide.ui.libraries_dialog import LibrariesDialog, bundled_guide

    window.show_place(Place("article", "heart/blood-pressure/hypertension"))
    texts = widget_texts(window)
    for menu in window.acts.menus.values():  # sub-menus (Theme) and the Article menu included
        texts |= widget_texts(menu)
    dialogs: list[QWidget] = [
        window.show_preferences(),
        LibrariesDialog(
            Trust.from_store(window.store), lambda: None, window.tasks, "", window, bundled_guide(window.library)
        ),
        window.findChild(HandoutActions).dialog(),
        ClinicSettingsDialog(window.store, window),
        BookmarksDialog(window.library, window.bookmarks, lambda _id: None, lambda: None, window),
        LinkPicker(window.library, None, window),
    ]
    editor = EditorWindow(
        lambda: window.library, Target(clinic), ArticleText(), window.store, DraftStore(), parent=window
    )
    dialogs.append(editor)
    for dialog in dialogs:
        texts |= widget_texts(dialog)
    for title, rows in shortcut_groups([m for m in window.acts.menus.values() if isinstance(m, QMenu)]):
        texts |= {plain(title), *(plain(name) for name, _keys in rows)}
    texts |= {plain(line) for line in html.unescape(re.sub(r"<[^>]+>", "\n", about_html(window.library))).split("\n")}
    for dialog in dialogs:
        dialog.close()
    window.tasks.wait()
    editor.tasks.wait()
    return {t for t in texts if re.search(r"[A-Za-z]{2}", t)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_english_is_left_in_the_window_and_its_dialogs(
    qtbot: Any, make_window: Any, sample_root: Path, tmp_path: Path, in_language: Any, language: str
) -> None:
    in_language("en")
    english = everything(make_window(sample_root), tmp_path)
    in_language(language)
    window = make_window(sample_root)
    assert window.acts.menus["file"].title() != "&File"
    translated = everything(window, tmp_path)
    library = window.library
    content = {plain(x) for a in library.articles() for x in (a.title, a.summary, a.id)}
    topics = [library.root_topic]
    while topics:
        topic = topics.pop()
        content |= {plain(topic.title), plain(topic.summary)}
        topics += topic.children
    content |= {plain(h.text) for a in library.articles() for h in window.renderer.article(a).headings}
    content |= {plain(label) for label, _id in topic_choices(library)}  # the editor's topic list
    content |= set(LANGUAGE_NAMES.values())  # each language's name in itself, in Preferences
    content |= {plain(EXPLANATION)}  # core's words (gettext catalogs, guide.core.i18n), not Qt's
    # what the translators kept the same on purpose ("Articles", "Version" in French)
    same = {plain(s).rstrip("…") for _c, s, e in messages(language) if plain(e.text or "") == plain(s)}
    same |= {"OK"}  # Qt's own button, "OK" in French too
    left = sorted(t for t in translated & english if t not in content and t.rstrip("…") not in same)
    assert left == []


def test_the_walk_notices_a_string_left_in_english(qtbot: Any, in_language: Any) -> None:
    in_language("es")
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel(QCoreApplication.translate("MainWindow", "&File"), box)
    QLabel("Never translated", box)
    assert {"Archivo", "Never translated"} <= widget_texts(box)
    assert "File" not in widget_texts(label)


# -- missing and broken catalogs -----------------------------------------------------------------
def test_a_missing_catalog_gives_english_and_one_line(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="guide.ui.translation"):
        installed = translation.install_translators(qapp, "fr", folder=tmp_path, qt_folder=tmp_path)
    try:
        assert installed == []
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        assert len(caplog.records) == 1 and "guide_fr.qm" in caplog.records[0].getMessage()
        assert translation.running_language() == "en"
    finally:
        QLocale.setDefault(QLocale.system())


@pytest.mark.parametrize("damage", ["truncated", "empty", "not a catalog"])
def test_a_broken_catalog_gives_english_and_one_warning(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    good = (FOLDER / "guide_es.qm").read_bytes()
    broken = {"truncated": good[: len(good) // 3], "empty": b"", "not a catalog": b"hello " * 100}[damage]
    (tmp_path / "guide_es.qm").write_bytes(broken)
    with caplog.at_level(logging.INFO, logger="guide.ui.translation"):
        installed = translation.install_translators(qapp, "es", folder=tmp_path, qt_folder=tmp_path)
    try:
        assert all(t.language() != "es" for t in installed)
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "guide_es.qm" in warnings[0].getMessage()
    finally:
        translation.remove_translators(qapp, installed)
        QLocale.setDefault(QLocale.system())


def test_spanish_catalogs_translate_ours_and_qts_own(qapp: QApplication) -> None:
    installed = translation.install_translators(qapp, "es")
    try:
        assert len(installed) == 2  # guide_es.qm and Qt's qtbase_es.qm
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        assert translation.running_language() == "es"
    finally:
        translation.remove_translators(qapp, installed)
        translation.install_translators(qapp, "en")
        QLocale.setDefault(QLocale.system())


# -- choosing the language in Preferences ----------------------------------------------------------
def test_preferences_offers_each_language_in_itself_and_says_when_it_shows(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    from guide.core.settings import SettingsStore

    window = make_window(sample_root)
    dialog = window.show_preferences()
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System language", "English", "Español", "Français"]
    assert not dialog.language_note.isVisible()  # the window is already in the system's language (English)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    assert dialog.language_note.isVisible()
    assert "starts again" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.language_note.isVisible()  # English is what shows now
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.accept()
    assert SettingsStore().settings.language == "fr"
    assert window.acts.menus["file"].title() == "&File"  # until the next start


@pytest.mark.parametrize("language", ["en", *LANGUAGES])
def test_each_menu_has_one_item_a_letter(
    qtbot: Any, make_window: Any, sample_root: Path, in_language: Any, language: str
) -> None:
    """Alt+letter reaches one item: translated labels keep their accelerators apart."""
    in_language(language)
    window = make_window(sample_root)
    bar_items = [a.text() for a in window.menuBar().actions()]
    for texts in [bar_items, *([a.text() for a in m.actions()] for m in window.menuBar().findChildren(QMenu))]:
        letters = [m.group(1).casefold() for t in texts if (m := re.search(r"&([^&])", t.replace("&&", "")))]
        assert len(letters) == len(set(letters)), texts
