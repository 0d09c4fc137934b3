"""Issue 12's window items: print off without an article, titles, tooltips, tree keys, text size,
the F1 table, scroll bars in high contrast, and a sign that easier-first sorting is under way."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QScrollBar, QStyle, QStyleOptionSlider, QTextBrowser

from guide.ui.navigation import Place
from guide.ui.topic_tree import ID_ROLE

sys.path.insert(0, str(Path(__file__).parent))
from test_reading_level import add_topic

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def row(window: Any, item_id: str) -> QModelIndex:
    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    found = window.model.match(window.model.index(0, 0), ID_ROLE, item_id, 1, flags)
    assert found, item_id
    return found[0]


def print_actions(window: Any) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in window._print_actions}


def test_print_and_export_are_off_until_an_article_is_open(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert window.current.kind == "welcome"
    enabled = print_actions(window)
    assert not enabled["&Print…"] and not enabled["&Export PDF…"] and not enabled["Print pre&view…"]
    assert enabled["&Clinic details…"]
    window.show_place(Place("article", "heart/heart-attack"))
    assert all(print_actions(window).values())
    window.show_place(Place("topic", "heart"))
    assert not print_actions(window)["&Print…"]


def test_window_title_does_not_repeat_itself(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert window.windowTitle() == "Health guide"
    window.show_place(Place("article", "heart/heart-attack"))
    assert window.windowTitle() == "Heart attack — Health guide"


def test_tree_items_carry_their_whole_title_as_a_tooltip(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    tip = row(window, "heart/heart-attack").data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == "Heart attack"


def test_results_list_wraps_instead_of_scrolling_sideways(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    assert window.search.results.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_clicking_a_topic_expands_it(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    index = row(window, "heart")
    assert not window.tree.isExpanded(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=window.tree.visualRect(index).center())
    assert window.tree.isExpanded(index)
    assert window.current == Place("topic", "heart")


def test_arrow_keys_open_the_item_after_a_pause(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.tree.setFocus()
    window.tree.setCurrentIndex(row(window, "heart"))
    qtbot.waitUntil(lambda: window.current == Place("topic", "heart"), timeout=3000)
    window.tree.expand(row(window, "heart"))
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    first_child = window.tree.currentIndex()
    assert first_child.parent() == row(window, "heart")
    assert window.current == Place("topic", "heart")  # not at once: the highlight may move on
    qtbot.waitUntil(lambda: window.current.id == first_child.data(ID_ROLE), timeout=3000)


def test_text_size_applies_to_every_pane(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    window.show_place(Place("article", "heart/heart-attack"))
    before = {w.objectName(): w.font().pointSizeF() for w in (window.tree, window.search.results, window.contents)}
    for _ in range(3):
        window.zoom(1)
    after = {w.objectName(): w.font().pointSizeF() for w in (window.tree, window.search.results, window.contents)}
    assert all(after[name] > before[name] * 1.2 for name in before), (before, after)
    window.search.box.setText("heart")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    label = window.search.results.itemWidget(window.search.results.item(0))
    assert isinstance(label, QLabel)
    assert label.font().pointSizeF() == after["topics"]
    assert "<small>" not in label.text()  # the snippet is the pane's size, not about 8 pt


def test_f1_is_a_table_grouped_by_menu(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    shown: list[str] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            view = dialog.findChild(QTextBrowser, "shortcuts")
            shown.append(view.toHtml() if view is not None else "")
            dialog.close()

    QTimer.singleShot(0, read)
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    assert len(shown) == 1 and "<table" in shown[0]
    document = QTextBrowser()
    document.setHtml(shown[0])
    lines = document.toPlainText().splitlines()
    for menu in ("File", "Edit", "View", "Go", "Bookmarks", "Help"):
        assert menu in lines, menu
    assert lines.index("File") < lines.index("Edit") < lines.index("Go")
    assert lines.index("Go") < next(n for n, line in enumerate(lines) if "Alt+Left" in line)


def luminance(colour: QColor) -> float:
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_scroll_bar_handle_stands_out(qtbot: Any, make_window: Any, sample_root: Path, theme: str) -> None:
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    bar = QScrollBar(Qt.Orientation.Vertical, window)
    bar.setRange(0, 100)
    bar.setPageStep(20)
    bar.resize(16, 300)
    bar.show()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    slider = bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    image = bar.grab().toImage()
    middle = luminance(image.pixelColor(slider.center()))
    background = luminance(window.palette().color(window.palette().ColorRole.Base))
    assert abs(middle - background) > 0.4, (middle, background)


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_a_selected_topics_arrow_can_be_seen(qtbot: Any, make_window: Any, sample_root: Path, theme: str) -> None:
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    tree = window.tree
    tree.collapseAll()
    index = row(window, "heart")
    tree.setCurrentIndex(index)
    tree.selectionModel().select(index, tree.selectionModel().SelectionFlag.ClearAndSelect)
    qtbot.wait(50)
    rect = tree.visualRect(index)
    image = tree.viewport().grab().toImage()
    arrow = [  # the branch area left of the row's text: its brightest and darkest pixels
        luminance(image.pixelColor(x, y))
        for x in range(max(0, rect.left() - tree.indentation()), rect.left())
        for y in range(rect.top(), rect.bottom())
    ]
    assert arrow and max(arrow) - min(arrow) > 0.4, (theme, max(arrow), min(arrow))


def test_easier_first_says_it_is_sorting(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    add_topic(sample_root)
    window = make_window(sample_root)
    window.show_place(Place("topic", "care"))
    window.acts.easier_first.trigger()
    assert "Sorting the articles by reading level" in window.reader.toPlainText()
    assert window.level_label.isVisible() and "Working out reading levels" in window.level_label.text()
    qtbot.waitUntil(lambda: "easier first" in window.reader.toPlainText(), timeout=5000)
    assert "Sorting the articles" not in window.reader.toPlainText()


def test_result_rows_are_as_tall_as_their_wrapped_text(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    for _ in range(3):
        window.zoom(1)
    window.search.box.setText("heart")
    window.search.search_now()
    results = window.search.results
    qtbot.waitUntil(lambda: results.count() > 1, timeout=5000)
    width = results.viewport().width()

    def fitted() -> bool:
        for row in range(results.count()):
            label = results.itemWidget(results.item(row))
            if results.visualItemRect(results.item(row)).height() < label.heightForWidth(width):
                return False  # the last lines of the snippet would be cut off
        return True

    qtbot.waitUntil(fitted, timeout=3000)
    assert results.horizontalScrollBar().maximum() == 0 or not results.horizontalScrollBar().isVisible()
