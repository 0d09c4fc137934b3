"""Title suggestions follow every key; the full search still waits for a pause in typing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

# the offscreen platform cannot raise the suggestion popup or let it grab the keyboard
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def test_suggestions_appear_on_each_key_before_the_search_runs(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    panel = window.search
    qtbot.keyClicks(panel.box, "heart")  # the first search opens the index
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    qtbot.mouseClick(panel.box.findChild(QToolButton), Qt.MouseButton.LeftButton)  # ✕ clears
    panel.box.setFocus()
    searched = panel.last

    qtbot.keyClicks(panel.box, "hyper")
    assert panel.timer.isActive(), "the full search is still waiting for a pause"
    assert panel.last is searched
    assert "hypertension" in [s.lower() for s in panel.completer_model.stringList()]

    qtbot.keyClick(panel.box, Qt.Key.Key_Backspace)
    for _ in range(4):
        qtbot.keyClick(panel.box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(panel.box, "talk")
    assert any("alking" in s for s in panel.completer_model.stringList())
    assert panel.timer.isActive()


def test_the_search_after_a_pause_does_not_work_out_the_titles_again(
    qtbot: Any, make_window: Any, sample_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(sample_root)
    panel = window.search
    qtbot.keyClicks(panel.box, "heart")  # the first search opens the index
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=5000)
    qtbot.mouseClick(panel.box.findChild(QToolButton), Qt.MouseButton.LeftButton)  # ✕ clears
    panel.box.setFocus()
    asked: list[str] = []
    suggest = panel.index.suggest
    monkeypatch.setattr(panel.index, "suggest", lambda text, limit=8: asked.append(text) or suggest(text, limit))
    qtbot.keyClicks(panel.box, "hyper")
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.query == "hyper", timeout=5000)
    window.tasks.wait()
    assert asked == ["h", "hy", "hyp", "hype", "hyper"]  # once per key, not once more with the search
    assert "hypertension" in [s.lower() for s in panel.completer_model.stringList()]
