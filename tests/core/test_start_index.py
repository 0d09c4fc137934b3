"""The start's one scan: the catalog check and the search index's first update share it.

A file changed, added or removed while the window was closed must be found (or gone) after the
start's check, without the index scanning the library a second time; and the index must not
trust the catalog's history (one that missed a change the catalog already took in catches up).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from test_search_helpers import small_library, write_article

from guide.core.catalog_cache import SharedScan, read_cached, refresh
from guide.core.search import SearchIndex
from guide.core.search.indexfiles import META_FILE
from guide.core.search.startindex import StartIndex


def touch_later(path: Path, seconds: int = 2) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def ids(index: Any, query: str) -> list[str]:
    return [h.id for h in index.search(query).hits]


def previous_session(root: Path, folder: Path) -> None:
    """What an earlier start left: the cached catalog and a complete index."""
    refresh(root, None)
    index = SearchIndex([root], folder)
    index.update()
    index.close()


def start(root: Path, folder: Path) -> tuple[StartIndex, bool]:
    """What a start does in the background: the catalog check, then the index's update."""
    shared = SharedScan([root])
    changed = refresh(root, read_cached([root])[root.absolute()], scanned=shared.of(root))[1]
    index = StartIndex(lambda: SearchIndex([root], folder), shared)
    index.update()
    return index, changed


def test_changes_made_while_closed_are_found_after_one_scan(tmp_path: Path, scans: dict[str, int]) -> None:
    root = small_library(tmp_path / "lib")
    previous_session(root, tmp_path / "ix")
    changed = write_article(root, "blood/anaemia", "Anaemia", "Pale skin; quokkanite helps.")
    touch_later(changed)
    (root / "diabetes" / "type-1.md").unlink()
    write_article(root, "skin/eczema", "Eczema", "Itchy skin; wombatite cream.")
    scans.update(catalog=0, index=0)
    index, shown_anew = start(root, tmp_path / "ix")
    assert shown_anew  # the tree is shown anew too
    assert ids(index, "quokkanite") == ["blood/anaemia"]
    assert ids(index, "acanthocytosis") == []  # its old words are gone
    assert ids(index, "wombatite") == ["skin/eczema"]
    assert "diabetes/type-1" not in ids(index, "type 1 diabetes insulin")
    assert scans == {"catalog": 1, "index": 0}
    assert index.is_current()
    index.close()


def test_the_index_catches_up_with_a_change_the_catalog_took_in_first(tmp_path: Path, scans: dict[str, int]) -> None:
    root = small_library(tmp_path / "lib")
    previous_session(root, tmp_path / "ix")
    path = write_article(root, "blood/anaemia", "Anaemia", "Pale skin; quokkanite helps.")
    touch_later(path)
    refresh(root, read_cached([root])[root.absolute()])  # a start whose window closed before its index update
    scans.update(catalog=0, index=0)
    index, shown_anew = start(root, tmp_path / "ix")
    assert not shown_anew  # the catalog had it already
    assert ids(index, "quokkanite") == ["blood/anaemia"]
    assert scans["index"] == 0
    index.close()


def test_an_index_of_an_older_schema_is_rebuilt_from_the_shared_scan(tmp_path: Path, scans: dict[str, int]) -> None:
    root = small_library(tmp_path / "lib")
    previous_session(root, tmp_path / "ix")
    meta = tmp_path / "ix" / META_FILE
    meta.write_text(json.dumps(dict(json.loads(meta.read_text(encoding="utf-8")), schema=1)), encoding="utf-8")
    path = write_article(root, "blood/anaemia", "Anaemia", "Pale skin; quokkanite helps.")
    touch_later(path)
    scans.update(catalog=0, index=0)
    index, _ = start(root, tmp_path / "ix")
    assert ids(index, "quokkanite") == ["blood/anaemia"]
    assert ids(index, "wombatite") == []
    assert scans == {"catalog": 1, "index": 0}
    index.close()


def test_later_updates_and_roots_the_check_did_not_cover_scan_for_themselves(
    tmp_path: Path, scans: dict[str, int]
) -> None:
    root = small_library(tmp_path / "lib")
    previous_session(root, tmp_path / "ix")
    index, _ = start(root, tmp_path / "ix")
    path = write_article(root, "blood/anaemia", "Anaemia", "Pale skin; quokkanite helps.")
    touch_later(path)
    scans.update(catalog=0, index=0)
    assert index.update().updated == 1  # the start's scan is of its moment: this one looks again
    assert scans["index"] == 1 and ids(index, "quokkanite") == ["blood/anaemia"]
    index.close()
    other = write_article(tmp_path / "other", "eyes/glaucoma", "Glaucoma", "Wombatite drops.").parents[1]
    both = StartIndex(lambda: SearchIndex([root, other], tmp_path / "ix2"), SharedScan([root]))
    both.update()  # `other` is not one the check covered
    assert scans["index"] == 2 and ids(both, "wombatite") == ["eyes/glaucoma"]
    both.close()
