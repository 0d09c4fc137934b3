"""The welcome page: a large search field, topic cards with counts, recently read and bookmarks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from guide.core.recent import RecentArticles
from guide.ui.navigation import Place
from guide.ui.topic_tree import ID_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_topics_are_cards_with_their_article_counts(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert window.reader.document().rootFrame().childFrames(), "the cards are a table"
    text = window.reader.toPlainText()
    assert "Heart and circulation" in text and "2 articles" in text


def test_large_search_field_hands_over_to_the_search_pane(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    field = window.welcome_search
    assert field.isVisible() and field.font().pointSizeF() > window.search.box.font().pointSizeF() * 1.3
    field.setFocus()
    qtbot.keyClick(field, "h")
    qtbot.keyClicks(QApplication.focusWidget(), "eart")  # the keys follow the focus into the search pane
    assert window.search.box.text() == "heart" and window.search.box.hasFocus()
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    window.show_place(Place("article", "heart/heart-attack"))
    assert not field.isVisible()  # only on the welcome page
    window.acts.home.trigger()
    assert field.isVisible() and field.text() == ""


def test_recently_read_and_bookmarks_are_listed(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert "Recently read" not in window.reader.toPlainText()
    window.show_place(Place("article", "heart/heart-attack"))
    window.show_place(Place("article", "mental-health/talking-therapy"))
    window.acts.bookmark.trigger()
    window.acts.home.trigger()
    text = window.reader.toPlainText()
    recent = text[text.index("Recently read") : text.index("Bookmarks")]
    assert recent.index("Talking therapy") < recent.index("Heart attack")  # newest first
    assert "Talking therapy" in text[text.index("Bookmarks") :]
    window.save_state()
    assert RecentArticles().ids[:2] == ["mental-health/talking-therapy", "heart/heart-attack"]  # kept for next time


def test_add_bookmark_is_disabled_where_there_is_no_article(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    from PySide6.QtCore import Qt

    window = make_window(sample_root)
    bookmark = window.acts.bookmark
    button = window.acts.toolbar.widgetForAction(bookmark)
    assert window.current.kind == "welcome"
    assert not bookmark.isEnabled() and not button.isEnabled()  # greyed out, not a click that only complains
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmarks.ids == []
    window.show_place(Place("article", "heart/heart-attack"))
    assert bookmark.isEnabled() and button.isEnabled()
    bookmark.trigger()
    assert window.bookmarks.ids == ["heart/heart-attack"]
    window.acts.home.trigger()
    assert not bookmark.isEnabled()
    window.show_place(Place("topic", "heart"))
    assert not bookmark.isEnabled()  # a topic cannot be bookmarked either


def test_home_leaves_no_article_highlighted_in_the_tree_nor_printable(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    assert window.tree.selectionModel().hasSelection()
    print_action = next(a for a in window.acts.toolbar.actions() if a.objectName() == "print")
    assert print_action.isEnabled()
    window.acts.home.trigger()
    assert not window.tree.selectionModel().hasSelection()  # it looked as if the article were still open
    assert not print_action.isEnabled() and window.current_article_ids() == []


def test_a_topic_opened_from_its_card_is_opened_in_the_tree_too(make_window: Any, sample_root: Path) -> None:
    from PySide6.QtCore import QUrl

    from guide.core.links import make_url

    window = make_window(sample_root)
    window.reader.anchorClicked.emit(QUrl(make_url("topic", "heart")))  # the "Heart" card's link
    assert window.current == Place("topic", "heart")
    index = window.tree.currentIndex()
    assert index.data(ID_ROLE) == "heart" and window.tree.isExpanded(index)  # its articles are in view
