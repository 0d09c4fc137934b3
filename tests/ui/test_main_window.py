"""Drive the reader window as a person would: tree, search, links, history, state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton, QToolButton

from guide.ui.topic_tree import ID_ROLE

# the offscreen platform warns about this on every show(); it is not our bug
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def find_row(window: Any, item_id: str) -> QModelIndex:
    model = window.model
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    found = model.match(model.index(0, 0), ID_ROLE, item_id, 1, flags)
    assert found, item_id
    return found[0]


def click_tree(qtbot: Any, window: Any, item_id: str) -> None:
    index = find_row(window, item_id)
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def page(window: Any) -> str:
    return window.reader.toPlainText()


def lengthen(root: Path) -> None:
    """Push the second section of heart-attack far down so opening it must scroll."""
    path = root / "heart" / "heart-attack.md"
    text = path.read_text(encoding="utf-8")
    filler = "\n\n".join(f"Filler paragraph {n} about nothing in particular." for n in range(80))
    marker = "## After a heart attack"
    path.write_text(text.replace(marker, filler + "\n\n" + marker), encoding="utf-8")


def test_opens_on_welcome_listing_topics(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    text = page(window)
    assert "Heart and circulation" in text
    assert window.current.kind == "welcome"


def test_click_topic_then_article(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    click_tree(qtbot, window, "heart")
    assert "These articles explain common heart conditions." in page(window)
    assert "Heart attack" in page(window)
    window.tree.expand(find_row(window, "heart"))
    click_tree(qtbot, window, "heart/heart-attack")
    assert page(window).startswith("Heart attack") or "Warning signs" in page(window)
    assert "Heart attack" in window.windowTitle()


def test_search_opens_result_at_section(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    lengthen(sample_root)
    window = make_window(sample_root)
    window.resize(900, 500)
    qtbot.keyClicks(window.search.box, "rehabilitation")
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    assert not window.tree.isVisible()
    hit = window.search.results.item(0).data(Qt.ItemDataRole.UserRole + 10)
    assert hit.id == "heart/heart-attack"
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert window.current.id == "heart/heart-attack"
    assert window.current.anchor
    assert window.reader.verticalScrollBar().value() > 0
    assert window.reader.extraSelections(), "matched words are highlighted"
    qtbot.keyClick(window.search.box, Qt.Key.Key_Escape)  # closes the titles, if shown
    qtbot.keyClick(window.search.box, Qt.Key.Key_Escape)  # then moves the focus on
    assert window.search.box.text() == "rehabilitation", "Escape never clears the search"
    assert window.search.results.count() > 0
    qtbot.mouseClick(window.search.box.findChild(QToolButton), Qt.MouseButton.LeftButton)  # the ✕ button
    assert window.search.box.text() == ""
    assert window.tree.isVisible()


def test_internal_link_and_back_forward(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(type(window.current)("article", "heart/heart-attack"))
    window.reader.anchorClicked.emit(QUrl("guide:article/heart/blood-pressure/hypertension"))
    assert window.current.id == "heart/blood-pressure/hypertension"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current.id == "heart/heart-attack"
    assert "Warning signs" in page(window)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current.id == "heart/blood-pressure/hypertension"


def test_ctrl_k_focuses_search_and_f6_cycles(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.activateWindow()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.box)
    qtbot.keyClick(window.search.box, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.tree
    qtbot.keyClick(window.tree, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.reader


def test_state_restored_in_second_window(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.resize(700, 520)
    window.splitter.setSizes([200, 480])
    window.show_place(type(window.current)("article", "mental-health/talking-therapy"))
    sizes = window.splitter.sizes()
    window.close()
    second = make_window(sample_root)
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes() == sizes
    assert second.current.id == "mental-health/talking-therapy"


def test_bookmarks_add_remove_persist(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(type(window.current)("article", "heart/heart-attack"))
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "heart/heart-attack" in window.bookmarks
    window.close()
    second = make_window(sample_root)
    assert second.bookmarks.ids == ["heart/heart-attack"]
    second.show_place(type(second.current)("article", "heart/heart-attack"))
    assert second.acts.bookmark.text() == "Remove &bookmark"
    second.toggle_bookmark()
    third = make_window(sample_root)
    assert third.bookmarks.ids == []


def test_find_bar_counts_matches(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(type(window.current)("article", "heart/heart-attack"))
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.box, "pain")
    expected = page(window).lower().count("pain")
    assert expected >= 2
    assert window.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {expected}"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(window.find_bar.box, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_http_link_asks_and_respects_no(make_window: Any, sample_root: Path, monkeypatch: Any) -> None:
    window = make_window(sample_root)
    asked: list[str] = []
    opened: list[QUrl] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr("guide.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url))
    window.reader.anchorClicked.emit(QUrl("https://example.org/page"))
    assert len(asked) == 1
    assert "https://example.org/page" in asked[0] and "offline" in asked[0]
    assert opened == []


def test_broken_files_still_open_good_articles(make_window: Any, sample_root: Path) -> None:
    (sample_root / "broken" / "bytes.md").write_bytes(b"\xff\xfe\x00garbage")
    window = make_window(sample_root, with_index=False)
    assert window.library.problems
    assert "content problem" in window.problems_button.text()
    assert window.show_place(type(window.current)("article", "mental-health/talking-therapy"))
    assert "Talking therapy" in page(window)


def test_zoom_is_remembered(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    size = window.reader.document().defaultFont().pointSizeF()
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.document().defaultFont().pointSizeF() > size
    window.close()
    second = make_window(sample_root)
    assert second.store.settings.text_zoom == 1


def test_dark_theme_changes_palette_and_is_remembered(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.acts.themes["dark"].trigger()
    assert QApplication.palette().base().color().lightness() < 100
    assert window.store.settings.theme == "dark"
    window.acts.themes["light"].trigger()
    assert QApplication.palette().base().color().lightness() > 200


def test_down_arrow_moves_into_results(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    qtbot.keyClicks(window.search.box, "heart")
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    window.search.hide_titles()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.search.results
    assert window.search.results.currentRow() == 0


def test_print_actions_are_in_the_file_menu_and_toolbar(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    file_menu = [a.text() for a in window.acts.menus["file"].actions()]
    assert "&Print…" in file_menu and "&Export PDF…" in file_menu
    assert any(a.shortcut().toString() == "Ctrl+P" for a in window.acts.toolbar.actions())


def texts_of_dialogs_opened_by(action: Callable[[], None]) -> list[str]:
    """Do ``action``, which opens a modal text dialog; read the dialog's text and close it."""
    shown: list[str] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            view = dialog.findChild(QPlainTextEdit)
            shown.append(view.toPlainText() if view is not None else "")
            dialog.close()

    QTimer.singleShot(0, read)
    action()
    return shown


def test_unreadable_bookmarks_are_kept_and_the_user_told(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    from guide.core import paths

    broken = paths.data_dir() / "bookmarks.json"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text('["heart/heart-attack", "lung', encoding="utf-8")
    window = make_window(sample_root)
    note = window.findChild(QPushButton, "user-file-note")
    assert note is not None and note.isVisible()
    assert note.text() == "Your bookmarks file could not be read — details"
    kept = [p.name for p in broken.parent.iterdir() if p.name.startswith("bookmarks.json.unreadable-")]
    assert len(kept) == 1

    shown = texts_of_dialogs_opened_by(lambda: qtbot.mouseClick(note, Qt.MouseButton.LeftButton))
    assert len(shown) == 1 and kept[0] in shown[0]


def test_readable_user_files_show_no_note(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert window.findChild(QPushButton, "user-file-note") is None


def test_f1_lists_the_shortcuts_a_keyboard_has(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    from guide.ui.dialogs import shortcut_groups

    window = make_window(sample_root)
    groups = dict(shortcut_groups([a.menu() for a in window.menuBar().actions() if a.menu()]))
    keys = {name: k for rows in groups.values() for name, k in rows}
    assert keys["Copy"] == "Ctrl+C, Ctrl+Ins"  # not "…, F16, Copy": keys no clinic keyboard has
    assert keys["Find in page"] == "Ctrl+F" and keys["Back"].startswith("Alt+Left") and keys["Print…"] == "Ctrl+P"
    assert dict(groups["Go"])["Back"].startswith("Alt+Left")
