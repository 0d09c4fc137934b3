"""The search pane as a reader meets it: titles beside the results, long pastes, Escape, waiting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from guide.core.search import SearchIndex

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def searched(qtbot: Any, window: Any, text: str) -> Any:
    panel = window.search
    panel.box.setFocus()
    qtbot.keyClicks(panel.box, text)
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.query == text, timeout=5000)
    window.tasks.wait()
    return panel


def test_titles_push_the_results_down_and_the_first_click_opens_a_result(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    panel = searched(qtbot, window, "heart")
    qtbot.keyClicks(panel.box, " ")  # titles follow every key once the index is open
    qtbot.keyClick(panel.box, Qt.Key.Key_Backspace)
    assert panel.titles.isVisible() and panel.completer_model.rowCount() > 0
    assert not panel.titles.isWindow(), "titles are part of the pane, not a pop-up over it"
    titles = panel.titles.geometry()
    results = panel.results.geometry()
    assert titles.bottom() < results.top(), "the titles never cover the results"
    first = panel.results.item(0)
    wanted = first.data(Qt.ItemDataRole.UserRole + 10).id
    rect = panel.results.visualItemRect(first)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current.id == wanted, "one click opens the result"


def test_a_long_paste_shows_one_line_and_leaves_the_results_their_room(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    window.resize(1000, 700)
    panel = window.search
    pasted = ("My heart races and my blood pressure is high after the attack, says the letter. " * 130)[:10_000]
    QApplication.clipboard().setText(pasted)
    panel.box.setFocus()
    qtbot.keyClick(panel.box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.last is not None and panel.results.count() > 0, timeout=5000)
    window.tasks.wait()
    assert panel.note.isVisible()
    assert "Long text: searched its first 32 words" in panel.note.text()
    assert len(panel.note.text()) < 300, "the pasted text is not repeated back"
    assert panel.note.height() < 2 * panel.note.fontMetrics().height(), "one line"
    assert panel.results.height() > panel.height() // 2, "the results keep their space"


def test_escape_closes_the_titles_then_leaves_but_never_clears(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    panel = searched(qtbot, window, "heart")
    qtbot.keyClicks(panel.box, "s")
    assert panel.titles.isVisible()
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert not panel.titles.isVisible()
    assert QApplication.focusWidget() is panel.box
    qtbot.keyClick(panel.box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is not panel.box, "the second Escape moves the focus back"
    assert panel.box.text() == "hearts"
    assert panel.results.isVisible() and panel.results.count() > 0
    qtbot.mouseClick(panel.box.findChild(QToolButton), Qt.MouseButton.LeftButton)
    assert panel.box.text() == "" and not panel.results.isVisible(), "✕ clears"


def test_a_query_typed_while_the_index_is_prepared_runs_when_it_is_ready(
    qtbot: Any, make_window: Any, sample_root: Path, tmp_path: Path
) -> None:
    window = make_window(sample_root, with_index=False)
    index = SearchIndex([sample_root], index_dir=tmp_path / "later")
    window.index = window.search.index = index
    index._update_lock.acquire()  # as while another thread builds it
    try:
        panel = searched(qtbot, window, "heart")
        assert panel.results.count() == 0
        assert "Preparing the search index" in panel.note.text()
        assert "not built" not in panel.note.text()
    finally:
        index._update_lock.release()
    window.start_indexing()
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=10000)
    assert not panel.note.isVisible()
    window.tasks.wait()
    index.close()
