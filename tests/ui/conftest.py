"""Window fixtures: a small library, the real renderer and a real index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from guide.core.content import Library, load_library
from guide.core.render import Renderer
from guide.core.settings import SettingsStore


def make_renderer(library: Library) -> Renderer:
    return Renderer(library)


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    from guide.app import LEVELS_FILE, build_window
    from guide.core import paths
    from guide.core.bookmarks import Bookmarks
    from guide.core.readability import ReadingLevels
    from guide.core.recent import RecentArticles
    from guide.core.search import SearchIndex
    from guide.ui.main_window import MainWindow

    made: list[Any] = []

    def make(root: Path, with_index: bool = True) -> Any:
        library = load_library([root])
        index = None
        if with_index:
            index = SearchIndex([root], index_dir=tmp_path / "index")
            index.update()
        levels = ReadingLevels(library, paths.cache_dir() / LEVELS_FILE)
        window = build_window(
            MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), levels, recent=RecentArticles())
        )
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        made.append((window, index))
        return window

    yield make
    for window, index in made:
        window.close()
        window.tasks.wait()
        if index is not None:
            index.close()
