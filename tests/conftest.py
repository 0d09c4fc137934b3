"""Shared fixtures: every test runs offscreen with its own cache, config and data folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from guide.core import i18n

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface language is English in every test, whatever the tester's locale (a Spanish
# desktop would otherwise turn messages and pages Spanish): GUIDE_LANGUAGE is read before the
# locale variables (guide.core.i18n.interface_language), LANGUAGE for Qt and C programs. A test
# that wants another language sets the `language` setting or GUIDE_LANGUAGE itself.
os.environ["GUIDE_LANGUAGE"] = "en"
os.environ["LANGUAGE"] = "en"

# Property tests explore new random inputs on a developer's machine (failures are kept in
# .hypothesis/ and replayed); CI (.ci/run sets HYPOTHESIS_PROFILE=ci) replays a fixed set, so a
# submission passes or fails on its code, not on the luck of the draw.
settings.register_profile("explore", print_blob=True)
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "explore"))

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests away from the real user's cache, settings and bookmarks."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("GUIDE_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("GUIDE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("GUIDE_SITE_CONFIG", str(base / "site" / "site.json"))
    monkeypatch.setenv("GUIDE_LANGUAGE", "en")
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.set_interface_language("en")  # `guide.cli.main` or the window may have set another


@pytest.fixture
def sample_root(tmp_path: Path) -> Path:
    """A writable copy of the small fixture library in tests/fixtures/library."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", target)
    return target


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the catalog check and the search index scanned the files (counted from here)."""
    import guide.core.catalog_cache as catalog_cache
    import guide.core.search.engine as engine

    counts = {"catalog": 0, "index": 0}

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def scan(roots: Any) -> Any:
            counts[name] += 1
            return real(roots)

        return scan

    monkeypatch.setattr(catalog_cache, "scan", counting("catalog", catalog_cache.scan))
    monkeypatch.setattr(engine, "scan", counting("index", engine.scan))
    return counts
