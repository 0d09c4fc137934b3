"""A library read from a cached catalog's head works like a parsed one: pages, search and handouts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from guide.app import load_sources
from guide.core.bookmarks import Bookmarks
from guide.core.catalog_cache import refresh
from guide.core.content import load_library
from guide.core.handout import HandoutOptions, build_handout_html
from guide.core.readability import ReadingLevels
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.main_window import MainWindow
from guide.ui.navigation import Place

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HEART = "heart/heart-attack"
HYP = "heart/blood-pressure/hypertension"


def _lazy(root: Path) -> Any:
    refresh(root, None)  # a previous start left the catalog in the cache
    library, index = load_sources([root], with_packs=False, use_cache=True)
    assert all("summary" not in vars(a) for a in library.articles())  # only the catalog's head was read
    return library, index


def test_an_article_opened_before_its_record_is_read_still_opens(qtbot: Any, sample_root: Path) -> None:
    library, index = _lazy(sample_root)
    window = MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), ReadingLevels(library, None))
    qtbot.addWidget(window)
    window.show()
    assert window.show_place(Place("article", HEART))
    text = window.reader.toPlainText()
    assert "Heart attack" in text and "blood flow to part of the heart is blocked" in text  # the summary
    assert "Warning signs" in [window.contents.item(i).text() for i in range(window.contents.count())]
    assert library.article(HEART) == load_library([sample_root]).article(HEART)
    window.close()
    window.tasks.wait()


def test_search_and_handout_work_on_a_library_read_from_its_catalog(sample_root: Path) -> None:
    library, index = _lazy(sample_root)
    index.update()
    hits = index.search("heart attack").hits
    assert hits and hits[0].id == HEART
    found = library.article(hits[0].id)
    assert found is not None and found.title == hits[0].title
    options = HandoutOptions(today=dt.date(2026, 11, 23))
    html = build_handout_html(library, Renderer(library), [HYP], options)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for expected in ("High blood pressure", "makes the heart work harder", "Reviewed 1 March 2024", "ACE inhibitor"):
        assert expected in text
    index.close()
