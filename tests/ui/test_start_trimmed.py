"""What the window no longer does before its first paint still happens when it is needed: the
result rows start fitting themselves with the first results, and the panes' viewports take the
text size as soon as it differs from the default."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_result_rows_fit_again_when_the_list_gets_narrower(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.resize(1200, 700)
    window.search.box.setText("heart")
    window.search.search_now()
    results = window.search.results
    qtbot.waitUntil(lambda: results.count() > 1, timeout=5000)

    def fitted() -> bool:
        width = results.viewport().width()
        for row in range(results.count()):
            label = results.itemWidget(results.item(row))
            if results.visualItemRect(results.item(row)).height() < label.heightForWidth(width):
                return False  # the last lines of the snippet would be cut off
        return True

    qtbot.waitUntil(fitted, timeout=3000)
    wide = results.visualItemRect(results.item(0)).height()
    window.splitter.setSizes([120, 1080])  # the search pane narrows: snippets wrap onto more lines
    qtbot.waitUntil(lambda: results.visualItemRect(results.item(0)).height() > wide, timeout=3000)
    qtbot.waitUntil(fitted, timeout=3000)


def test_pane_viewports_take_the_text_size_and_give_it_back(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    default = QApplication.font().pointSizeF()
    views = (window.search.results, window.tree, window.contents)
    assert all(view.viewport().font().pointSizeF() == default for view in views)
    window.zoom(2)
    bigger = window.tree.font().pointSizeF()
    assert bigger > default
    assert all(view.viewport().font().pointSizeF() == bigger for view in views)
    window.zoom(0)
    assert all(view.viewport().font().pointSizeF() == default for view in views)


def test_a_shortcut_pressed_as_the_window_first_shows_works(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, sample_root: Path
) -> None:
    from PySide6.QtCore import Qt

    from guide import app as app_module

    made: list[Any] = []

    def after_first_paint(window: Any, then: Any) -> None:  # the window as the start shows it
        made.append(window)
        qtbot.addWidget(window)

    monkeypatch.setattr(app_module, "AfterFirstPaint", after_first_paint)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert app_module.run([sample_root], []) == 0
    window = made[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.reader, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.box.hasFocus()
    qtbot.keyClicks(window.search.box, "heart")
    assert window.search.box.text() == "heart"
    assert window.model.rowCount() > 0  # the tree shows the topics
    window.close()
    gc.enable()  # run() pauses it until the first paint, whose hand-over this test left out
