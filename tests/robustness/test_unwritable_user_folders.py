"""Settings and bookmarks folders that cannot be made: the window still opens, works and closes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from robust_helpers import write, write_good

from guide.core.bookmarks import Bookmarks
from guide.core.settings import SettingsStore

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def blocked_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    blocker = write(tmp_path / "a-regular-file", "not a folder")
    monkeypatch.setenv("GUIDE_CONFIG_DIR", str(blocker / "config"))  # mkdir under a file fails, even for root
    monkeypatch.setenv("GUIDE_DATA_DIR", str(blocker / "data"))
    return blocker


def test_the_window_works_when_settings_and_bookmarks_cannot_be_saved(
    tmp_path: Path, blocked_user_folders: Path, make_window: Any, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_good(tmp_path / "content")
    window = make_window(root, with_index=False)
    window.show_place(type(window.current)("article", "good/alpha"))
    window.toggle_bookmark()
    assert "good/alpha" in window.bookmarks  # kept for this session
    window.zoom(1)
    window.close()
    assert blocked_user_folders.read_text(encoding="utf-8") == "not a folder"
    assert any("could not save" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("kind", ["folder", "binary", "huge", "null", "nested"])
def test_odd_user_files_read_as_defaults(tmp_path: Path, kind: str) -> None:
    settings, bookmarks = tmp_path / "settings.json", tmp_path / "bookmarks.json"
    if kind == "folder":
        settings.mkdir()
        bookmarks.mkdir()
    elif kind == "binary":
        settings.write_bytes(b"\xff\xfe\x00\x00garbage")
        bookmarks.write_bytes(b"\x00" * 100)
    elif kind == "huge":
        settings.write_text(json.dumps({"theme": "dark", "extra_roots": ["x" * 100] * 50_000}), encoding="utf-8")
        bookmarks.write_text(json.dumps(["a" * 100] * 50_000), encoding="utf-8")
    elif kind == "null":
        settings.write_text("null", encoding="utf-8")
        bookmarks.write_text("null", encoding="utf-8")
    else:
        settings.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        bookmarks.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    store = SettingsStore(settings, tmp_path / "site.json")
    marks = Bookmarks(bookmarks)
    if kind == "huge":
        assert store.settings.theme == "dark" and len(marks.ids) == 50_000
    else:
        assert store.settings == type(store.settings)() and marks.ids == []
    assert store.update(theme="light") is not None
    marks.toggle("a")
