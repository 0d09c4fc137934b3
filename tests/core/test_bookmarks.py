"""Bookmarks survive restarts and never raise on a broken file."""

from __future__ import annotations

from pathlib import Path

from guide.core.bookmarks import Bookmarks


def test_toggle_persists(tmp_path: Path) -> None:
    marks = Bookmarks(tmp_path / "b.json")
    assert marks.toggle("heart/heart-attack") is True
    assert Bookmarks(tmp_path / "b.json").ids == ["heart/heart-attack"]
    assert marks.toggle("heart/heart-attack") is False
    assert Bookmarks(tmp_path / "b.json").ids == []


def test_broken_file_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("[not json", encoding="utf-8")
    assert Bookmarks(path).ids == []
    path.write_text('{"a": 1}', encoding="utf-8")
    assert Bookmarks(path).ids == []
    path.write_text('["ok", 3]', encoding="utf-8")
    assert Bookmarks(path).ids == ["ok"]


def test_a_broken_file_is_kept_aside_not_overwritten(tmp_path: Path) -> None:
    """A list that cannot be read may still be rescued by hand: the next save must not destroy it."""
    path = tmp_path / "bookmarks.json"
    path.write_text('["heart/heart-attack", "lungs/asth', encoding="utf-8")  # cut off mid-way
    marks = Bookmarks(path)
    assert marks.ids == []
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("bookmarks.json.unreadable-")]
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == '["heart/heart-attack", "lungs/asth'
    assert marks.problem is not None and kept[0].name in marks.problem
    marks.toggle("skin/eczema")
    assert kept[0].read_text(encoding="utf-8").startswith('["heart/heart-attack"')
    assert Bookmarks(path).ids == ["skin/eczema"] and Bookmarks(path).problem is None
