"""The Contents panel: lists the open article's sections, scrolls to them and follows the scrolling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from guide.ui.navigation import Place

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

FILLER = "\n\n".join(f"Filler paragraph {n} about nothing in particular." for n in range(60))


def long_article(root: Path) -> None:
    """An article whose three sections are far apart, so each needs scrolling to."""
    (root / "heart" / "long-read.md").write_text(
        "---\ntitle: Long read\n---\n"
        f"Opening words.\n\n## First part\n\n{FILLER}\n\n## Second part\n\n{FILLER}\n\n"
        f"### A detail\n\n{FILLER}\n\n## Third part\n\n{FILLER}\n",
        encoding="utf-8",
    )


def click_row(qtbot: Any, window: Any, row: int) -> None:
    panel = window.contents
    rect = panel.visualItemRect(panel.item(row))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_the_sections_of_the_open_article(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    assert window.contents.isVisible()
    assert window.contents.titles() == ["Warning signs", "After a heart attack"]
    window.show_place(Place("article", "mental-health/talking-therapy"))
    assert "Warning signs" not in window.contents.titles()


def test_click_scrolls_to_the_section_and_back_returns(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    long_article(sample_root)
    window = make_window(sample_root)
    window.resize(900, 500)
    window.show_place(Place("article", "heart/long-read"))
    assert window.contents.titles() == ["First part", "Second part", "A detail", "Third part"]
    bar = window.reader.verticalScrollBar()
    assert bar.value() == 0
    click_row(qtbot, window, 1)
    assert bar.value() > 0
    # the heading is now at the top of the pane
    top = window.reader.cursorForPosition(window.reader.viewport().rect().topLeft() + QPoint(10, 10))
    assert top.block().text() == "Second part"
    assert window.contents.current_slug() == "second-part"
    second = bar.value()
    click_row(qtbot, window, 3)
    assert bar.value() > second
    assert window.contents.current_slug() == "third-part"


def test_scrolling_the_pane_moves_the_highlight(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    long_article(sample_root)
    window = make_window(sample_root)
    window.resize(900, 500)
    window.show_place(Place("article", "heart/long-read"))
    assert window.contents.current_slug() is None  # still in the opening words
    window.reader.setFocus()
    seen = []
    for _ in range(400):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageDown)
        slug = window.contents.current_slug()
        if slug and (not seen or seen[-1] != slug):
            seen.append(slug)
        if slug == "third-part":
            break
    assert seen == ["first-part", "second-part", "a-detail", "third-part"]
    qtbot.keyClick(window.reader, Qt.Key.Key_Home)
    assert window.contents.current_slug() is None


def test_keyboard_reaches_contents_with_f6_and_enter_scrolls(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    long_article(sample_root)
    window = make_window(sample_root)
    window.resize(900, 500)
    window.show_place(Place("article", "heart/long-read"))
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.contents
    assert window.contents.currentRow() == 0  # focus lands on the first section
    qtbot.keyClick(window.contents, Qt.Key.Key_Down)
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    assert window.current.anchor == "second-part"
    assert window.reader.verticalScrollBar().value() > 0
    qtbot.keyClick(window.contents, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.search.box


def test_view_menu_hides_and_shows_contents(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    qtbot.keyClick(window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.contents.isVisible()
    qtbot.keyClick(window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.contents.isVisible()


def test_reopened_article_at_the_top_highlights_no_section(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    long_article(sample_root)
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/long-read"))
    window.close()
    second = make_window(sample_root)  # opens the article before the pane has a size
    assert second.current.id == "heart/long-read"
    qtbot.wait(50)
    assert second.contents.current_slug() is None
    second.reader.setFocus()
    for _ in range(100):
        qtbot.keyClick(second.reader, Qt.Key.Key_PageDown)
        if second.contents.current_slug() == "first-part":
            break
    assert second.contents.current_slug() == "first-part"


def test_short_last_section_is_highlighted_at_the_end(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    (sample_root / "heart" / "short-end.md").write_text(
        f"---\ntitle: Short end\n---\n## Long part\n\n{FILLER}\n\n## Short ending\n\nOne line.\n",
        encoding="utf-8",
    )
    window = make_window(sample_root)
    window.resize(900, 500)
    window.show_place(Place("article", "heart/short-end"))
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_End)
    assert window.reader.verticalScrollBar().value() > 0
    assert window.contents.current_slug() == "short-ending"


def test_a_section_gone_to_near_the_end_is_the_one_highlighted(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    """A search hit or link to a short section near the end: the page cannot scroll its heading
    to the top, yet that section, not the last one, is the one shown as current."""
    (sample_root / "heart" / "two-short.md").write_text(
        f"---\ntitle: Two short\n---\n## Long part\n\n{FILLER}\n\n## Next to last\n\nTwo lines.\n\n"
        "Of text.\n\n## Short ending\n\nOne line.\n",
        encoding="utf-8",
    )
    window = make_window(sample_root)
    window.resize(900, 500)
    window.show_place(Place("article", "heart/two-short", "next-to-last"))
    qtbot.wait(20)  # the layout settles and the panel looks again
    bar = window.reader.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    assert window.contents.current_slug() == "next-to-last"
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Home)
    assert window.contents.current_slug() != "next-to-last"  # scrolled away: the panel follows again


def test_pages_without_sections_give_the_column_back_and_keep_the_choice(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root)
    toggle = window.acts.named["contents"]
    window.show_place(Place("welcome"))
    assert not window.contents_dock.isVisible()  # no "This page has no sections." column
    assert toggle.isChecked()  # View > Contents still says the user wants it
    reader_width = window.reader.width()
    window.show_place(Place("article", "heart/heart-attack"))
    assert window.contents_dock.isVisible() and window.contents.titles()
    assert window.reader.width() < reader_width  # the welcome page had that column for its text
    window.show_place(Place("topic", "heart"))
    assert not window.contents_dock.isVisible() and toggle.isChecked()

    toggle.trigger()  # the user turns Contents off (on a topic page)...
    window.show_place(Place("article", "heart/heart-attack"))
    assert not window.contents_dock.isVisible()  # ...and it stays off for articles
    toggle.trigger()
    assert window.contents_dock.isVisible()
    window.contents_dock.close()  # the dock's own close button is the same choice
    assert not toggle.isChecked()
    window.show_place(Place("welcome"))
    window.show_place(Place("article", "heart/heart-attack"))
    assert not window.contents_dock.isVisible()


@pytest.mark.parametrize("wanted", [True, False])
def test_the_choice_survives_closing_on_the_welcome_page(
    qtbot: Any, make_window: Any, sample_root: Path, wanted: bool
) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    if not wanted:
        window.acts.named["contents"].trigger()
    window.show_place(Place("welcome"))
    window.close()  # saves the window's state
    again = make_window(sample_root)
    assert not again.contents_dock.isVisible()  # it opens on the welcome page
    assert again.acts.named["contents"].isChecked() is wanted
    again.show_place(Place("article", "heart/heart-attack"))
    assert again.contents_dock.isVisible() is wanted
