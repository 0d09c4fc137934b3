"""The reader keeps its place: a new theme or text size, and a restart, show the same text at the top."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide.ui.navigation import Place

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LONG = "long/many-sections"


@pytest.fixture
def long_root(sample_root: Path) -> Path:
    sections = "\n\n".join(
        f"## Part {n}\n\n" + f"Paragraph {n} says something a nurse would want to read. " * 12 for n in range(40)
    )
    (sample_root / "long").mkdir()
    (sample_root / "long" / "many-sections.md").write_text(
        f"---\ntitle: A long article\n---\n{sections}\n", encoding="utf-8"
    )
    return sample_root


def _read_halfway(qtbot: Any, window: Any) -> int:
    """Open the long article at its section 3 (so the history has an anchor), then scroll on, as a reader does."""
    window.show_place(Place("article", LONG, "part-3"))
    bar = window.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 2000)
    bar.setValue(bar.maximum() // 2)
    return window.reader.top_position()


def _text_at_top(window: Any) -> str:
    cursor = window.reader.cursorForPosition(window.reader.viewport().rect().topLeft())
    cursor.select(cursor.SelectionType.BlockUnderCursor)
    return " ".join(cursor.selectedText().split())[:40]


def test_a_new_theme_keeps_the_reader_where_they_were(qtbot: Any, make_window: Any, long_root: Path) -> None:
    window = make_window(long_root, with_index=False)
    _read_halfway(qtbot, window)
    before = _text_at_top(window)
    window.set_theme("dark")
    assert _text_at_top(window) == before
    window.store.update(theme="high-contrast", text_zoom=3)
    window.apply_settings()  # what Preferences' OK and Apply call
    assert _text_at_top(window) == before


def test_a_restart_reopens_the_article_where_the_reader_was(qtbot: Any, make_window: Any, long_root: Path) -> None:
    window = make_window(long_root, with_index=False)
    _read_halfway(qtbot, window)
    before = _text_at_top(window)
    assert before and "A long article" not in before and "Part 3" not in before  # well down the page
    window.close()

    again = make_window(long_root, with_index=False)
    assert again.current == Place("article", LONG)
    qtbot.waitUntil(lambda: _text_at_top(again) == before, timeout=3000)
