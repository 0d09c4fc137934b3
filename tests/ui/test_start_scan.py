"""At a start the window's catalog check and its index update share one scan of the files: an
article changed, added or removed while the window was closed is shown and searched anew."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from guide.app import _plain, check_catalogs, load_sources
from guide.core.bookmarks import Bookmarks
from guide.core.catalog_cache import SharedScan, refresh
from guide.core.readability import ReadingLevels
from guide.core.render import Renderer
from guide.core.search import SearchIndex
from guide.core.settings import SettingsStore
from guide.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ARTICLE = "---\ntitle: {title}\n---\n\n{body}\n"


def test_files_changed_while_closed_are_searched_after_the_start_without_a_second_scan(
    qtbot: Any, sample_root: Path, scans: dict[str, int]
) -> None:
    refresh(sample_root, None)  # an earlier session left the catalog and the index
    SearchIndex([sample_root]).update()
    heart = sample_root / "heart" / "heart-attack.md"
    heart.write_text(heart.read_text(encoding="utf-8") + "\nQuokkanite lowers the risk.\n", encoding="utf-8")
    stat = heart.stat()
    os.utime(heart, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    (sample_root / "mental-health" / "talking-therapy.md").unlink()
    (sample_root / "heart" / "palpitations.md").write_text(
        ARTICLE.format(title="Palpitations", body="A wombatite flutter in the chest."), encoding="utf-8"
    )
    scans.update(catalog=0, index=0)
    shared = SharedScan(_plain([sample_root]))  # as guide.app.run makes it
    library, index = load_sources([sample_root], with_packs=False, use_cache=True, shared=shared)
    window = MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), ReadingLevels(library, None))
    qtbot.addWidget(window)
    window.show()
    assert library.article("heart/palpitations") is None  # the catalog of the last session is shown first
    window.start_indexing()  # what the start does after the first paint (guide.app.run)
    check_catalogs(window, [sample_root], with_packs=False)
    qtbot.waitUntil(lambda: window.library.article("heart/palpitations") is not None, timeout=20000)
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=20000)
    assert window.index is index  # shown anew with the index that is open already

    def found(query: str) -> list[str]:
        return [h.id for h in window.index.search(query).hits]

    assert found("quokkanite") == ["heart/heart-attack"]
    assert found("wombatite") == ["heart/palpitations"]
    assert "mental-health/talking-therapy" not in found("talking therapy")
    assert window.library.article("mental-health/talking-therapy") is None
    assert scans == {"catalog": 1, "index": 0}  # one look at the files, not one each
    window.close()
    window.tasks.wait()
    window.index.close()
