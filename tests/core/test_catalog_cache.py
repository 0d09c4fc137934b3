"""A plain content folder is read from its catalog in the user's cache, and the check against the
files picks up what changed on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from guide.core import catalog
from guide.core.catalog_cache import cache_file, read_cached, refresh
from guide.core.packs.mount import load_library


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def _retitle(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(f"title: {old}", f"title: {new}"), encoding="utf-8")
    _touch_later(path)


def test_first_check_makes_the_cache_and_later_starts_read_it(sample_root: Path) -> None:
    assert read_cached([sample_root]) == {}
    made, changed = refresh(sample_root, None)
    assert not changed and cache_file(sample_root).is_file()
    cached = read_cached([sample_root])[sample_root.absolute()]
    assert {a.id: a.title for a in cached.articles} == {a.id: a.title for a in made.articles}
    assert refresh(sample_root, cached)[1] is False  # nothing changed on disk


def test_the_library_comes_from_the_catalog_until_the_check_finds_the_change(sample_root: Path) -> None:
    refresh(sample_root, None)
    article = sample_root / "heart" / "heart-attack.md"
    _retitle(article, "Heart attack", "Myocardial infarction")
    library = load_library([sample_root], [], cached=read_cached([sample_root]))
    assert library.article("heart/heart-attack").title == "Heart attack"  # read from the catalog, not the file
    changed = refresh(sample_root, read_cached([sample_root])[sample_root.absolute()])[1]
    assert changed
    library = load_library([sample_root], [], cached=read_cached([sample_root]))
    assert library.article("heart/heart-attack").title == "Myocardial infarction"


def test_added_and_removed_articles_and_a_renamed_topic_are_found(sample_root: Path) -> None:
    refresh(sample_root, None)
    (sample_root / "heart" / "palpitations.md").write_text("---\ntitle: Palpitations\n---\n\nBody.\n", "utf-8")
    (sample_root / "heart" / "heart-attack.md").unlink()
    index = sample_root / "heart" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("title:", "title: The", 1), encoding="utf-8")
    fresh, changed = refresh(sample_root, read_cached([sample_root])[sample_root.absolute()])
    assert changed
    ids = {a.id for a in fresh.articles}
    assert "heart/palpitations" in ids and "heart/heart-attack" not in ids
    assert next(t for t in fresh.topics if t.id == "heart").title.startswith("The")


def test_a_damaged_cache_is_ignored_and_replaced(sample_root: Path) -> None:
    refresh(sample_root, None)
    cache_file(sample_root).write_text("{not json", encoding="utf-8")
    assert read_cached([sample_root]) == {}
    refresh(sample_root, None)
    assert sample_root.absolute() in read_cached([sample_root])


def test_a_version_1_cache_is_rewritten_in_version_2_by_the_check(sample_root: Path) -> None:
    """A cache left by an older version is still used, and the first check makes it the quick kind."""
    path = cache_file(sample_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(catalog.to_json(catalog.build(sample_root))))
    cached = read_cached([sample_root])[sample_root.absolute()]
    assert cached.folders is None and len(cached.articles) > 0
    assert not refresh(sample_root, cached)[1]
    assert json.loads(path.read_bytes().split(b"\n")[0])["version"] == 2
    assert read_cached([sample_root])[sample_root.absolute()].folders is not None


def test_a_check_that_finds_one_change_keeps_the_other_folders_records_as_they_were(sample_root: Path) -> None:
    refresh(sample_root, None)
    before = cache_file(sample_root).read_bytes()
    _retitle(sample_root / "heart" / "heart-attack.md", "Heart attack", "Myocardial infarction")
    assert refresh(sample_root, read_cached([sample_root])[sample_root.absolute()])[1]
    after = cache_file(sample_root).read_bytes()
    therapy = next(line for line in before.splitlines()[1:] if b"talking-therapy" in line)
    assert therapy in after.splitlines()  # an untouched folder's records line, byte for byte
    fresh = catalog.build(sample_root)
    again = read_cached([sample_root])[sample_root.absolute()]
    assert list(again.articles) == list(fresh.articles)  # every record reads back as parsed from the files
    assert dict(again.stamps) == dict(fresh.stamps)
