"""The search index's own side files (titles, vocabulary, metadata) damaged: the next update rebuilds.

tests/core/test_search_index.py damages Whoosh's files; before this, a cut articles.json or
vocab.txt (now the side store, sidestore.SIDE_FILE) left search saying "not built yet" for good,
because update() found the index current.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from robust_helpers import write_good

from guide.core.search import SearchIndex, indexfiles
from guide.core.search.sidestore import SIDE_FILE

DAMAGE = {
    "side-cut": (SIDE_FILE, lambda data: data[: len(data) // 2]),
    "side-empty": (SIDE_FILE, lambda data: b""),
    "side-header": (SIDE_FILE, lambda data: b"\x00garbage" * 10 + data[90:]),  # same size, not a database
    "meta-nested": (indexfiles.META_FILE, lambda data: b"[" * 100_000 + b"]" * 100_000),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_side_file_is_noticed_and_rebuilt(tmp_path: Path, damage: str) -> None:
    root = write_good(tmp_path / "content")
    folder = tmp_path / "index"
    first = SearchIndex([root], folder)
    first.update()
    first.close()
    name, cut = DAMAGE[damage]
    path = folder / name
    path.write_bytes(cut(path.read_bytes()))
    index = SearchIndex([root], folder)
    try:
        assert not index.is_current()
        report = index.update()
        assert report.rebuilt and report.notes
        assert [h.id for h in index.search("lungs").hits] == ["good/beta"]
        assert index.suggest("alph")
    finally:
        index.close()
