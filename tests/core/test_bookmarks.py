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
