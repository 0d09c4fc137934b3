"""Shared fixtures: every test runs offscreen with its own cache, config and data folders."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's cache, settings and bookmarks."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("GUIDE_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("GUIDE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("GUIDE_SITE_CONFIG", str(base / "site" / "site.json"))


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    """A writable copy of the small fixture library in tests/fixtures/library."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", target)
    return target
