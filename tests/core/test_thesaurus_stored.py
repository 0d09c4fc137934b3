"""The shipped thesaurus kept parsed in the user's cache answers as the one parsed from the resources."""

from __future__ import annotations

from pathlib import Path

from guide.core.search.analysis import fold
from guide.core.search.thesaurus import load_default, load_default_stored


def same(a: object, b: object) -> bool:
    return (a._groups, a._by_key, a.words) == (b._groups, b._by_key, b.words)  # type: ignore[attr-defined]


def test_the_stored_thesaurus_is_the_parsed_one_and_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    parsed = load_default(fold)
    first = load_default_stored(fold, tmp_path)  # parses and stores
    (stored,) = tmp_path.glob("thesaurus-*.marshal")
    again = load_default_stored(fold, tmp_path)  # read back
    assert same(first, parsed) and same(again, parsed)
    assert [m.alternatives for m in again.matches(["heart", "attack"])] == [
        m.alternatives for m in parsed.matches(["heart", "attack"])
    ]
    stored.write_bytes(stored.read_bytes()[:100])  # cut
    assert same(load_default_stored(fold, tmp_path), parsed)
    assert same(load_default_stored(None, tmp_path), load_default(None))  # unfolded: a file of its own
    assert len(list(tmp_path.glob("thesaurus-*.marshal"))) == 2


def test_a_cache_that_cannot_be_written_parses_as_before(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert same(load_default_stored(fold, blocked / "search"), load_default(fold))
