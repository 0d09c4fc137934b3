"""Big libraries stay usable: the tree is read from a cached catalog and updated after the check
against the files, filters as you type, and a long topic page has an A–Z bar."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl

from guide.app import check_catalogs, load_sources
from guide.core.bookmarks import Bookmarks
from guide.core.catalog_cache import refresh
from guide.core.readability import ReadingLevels
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.main_window import MainWindow
from guide.ui.navigation import Place
from guide.ui.topic_tree import ID_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def titles(window: Any) -> list[str]:
    """Every title the tree shows, topics opened."""
    model, found = window.tree.model(), []
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop(0)
        found.append(index.data())
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return found


def test_tree_comes_from_the_cached_catalog_and_a_changed_file_shows_after_the_check(
    qtbot: Any, sample_root: Path
) -> None:
    refresh(sample_root, None)  # a previous start left the catalog in the cache
    article = sample_root / "heart" / "heart-attack.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: Heart attack", "title: Coronary event"))
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    library, index = load_sources([sample_root], with_packs=False, use_cache=True)
    window = MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), ReadingLevels(library, None))
    qtbot.addWidget(window)
    window.show()
    assert "Heart attack" in titles(window)  # the catalog was used: no file was read
    check_catalogs(window, [sample_root], with_packs=False)
    qtbot.waitUntil(lambda: "Coronary event" in titles(window), timeout=10000)
    assert "Heart attack" not in titles(window)
    window.close()
    window.tasks.wait()
    window.index.close()


def test_tree_filter_keeps_matching_articles_and_escape_clears_it(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    window = make_window(sample_root, with_index=False)
    everything = titles(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tree_filter.hasFocus()
    qtbot.keyClicks(window.tree_filter, "attack")
    qtbot.waitUntil(lambda: "Heart attack" in titles(window) and len(titles(window)) < len(everything))
    assert set(titles(window)) == {"Heart and circulation", "Heart attack"}
    qtbot.keyClick(window.tree_filter, Qt.Key.Key_Escape)
    assert window.tree_filter.text() == ""
    assert titles(window) == everything
    assert window.model.find("article", "heart/heart-attack").data(ID_ROLE) == "heart/heart-attack"


def test_tree_filter_keeps_a_topic_whose_title_matches(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root, with_index=False)
    window.tree_filter.setText("circulation")
    window.tree_filter.apply()
    assert titles(window) == ["Heart and circulation"]  # it can be opened; its articles do not match
    window.tree_filter.setText("zzzz")
    window.tree_filter.apply()
    assert titles(window) == []


def test_long_topic_page_has_a_z_bar_that_jumps(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    root = tmp_path / "big"
    (root / "conditions").mkdir(parents=True)
    for n in range(300):
        name = f"{chr(ord('a') + n % 26)}{n:03d}"
        text = f"---\ntitle: {name.capitalize()} condition\n---\n\nAbout {name}.\n"
        (root / "conditions" / f"{name}.md").write_text(text, encoding="utf-8")
    window = make_window(root, with_index=False)
    window.show_place(Place("topic", "conditions"))
    html = window.reader.toHtml()
    assert 'href="#letter-m"' in html
    assert "M" in window.contents.titles()  # the Contents list jumps to letters too
    window.reader.verticalScrollBar().setValue(0)
    window.open_url(QUrl("#letter-m"))  # what a click on "M" in the bar sends
    qtbot.waitUntil(lambda: window.reader.verticalScrollBar().value() > 0)
    assert window.current.anchor == "letter-m"


def test_a_search_typed_while_indexing_gives_results_when_the_index_is_open(
    qtbot: Any, sample_root: Path, tmp_path: Path
) -> None:
    from guide.core.search.deferred import DeferredIndex
    from guide.core.search.engine import SearchIndex

    library, _ = load_sources([sample_root], with_packs=False)
    index = DeferredIndex(lambda: SearchIndex([sample_root], tmp_path / "index"))
    window = MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), ReadingLevels(library, None))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search.box, "heart attack")  # the index is not built yet
    qtbot.waitUntil(lambda: "not built" in window.search.note.text(), timeout=10000)
    window.start_indexing()
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=20000)
    window.close()
    window.tasks.wait()
    index.close()
