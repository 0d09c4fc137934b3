"""Where things live: the bundled content, and the per-user cache, config and data folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "health-guide"
APP_AUTHOR = "health-guide"


def frozen_base() -> Path | None:
    """The folder PyInstaller unpacked the app into, or None when running from source."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def bundled_content() -> Path:
    """The content root shipped with the app (``content/`` beside the package)."""
    override = os.environ.get("GUIDE_BUNDLED_CONTENT")
    if override:
        return Path(override)
    base = frozen_base()
    if base is not None:
        return base / "content"
    return Path(__file__).resolve().parents[2] / "content"


def bundled_index() -> Path | None:
    """A search index built at build time for the bundled content, if the app ships one.

    ``GUIDE_BUNDLED_INDEX`` points at one from source, so tests can act out a frozen install.
    """
    override = os.environ.get("GUIDE_BUNDLED_INDEX")
    base = frozen_base()
    if override:
        path = Path(override)
    elif base is not None:
        path = base / "index"
    else:
        return None
    return path if path.is_dir() else None


def cache_dir() -> Path:
    """Per-user cache (search indexes); ``GUIDE_CACHE_DIR`` overrides it for tests."""
    override = os.environ.get("GUIDE_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    """Per-user settings; ``GUIDE_CONFIG_DIR`` overrides it for tests."""
    override = os.environ.get("GUIDE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """Per-user data (bookmarks); ``GUIDE_DATA_DIR`` overrides it for tests."""
    override = os.environ.get("GUIDE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def site_config_file() -> Path:
    """The workstation-wide settings file an administrator may write (see README)."""
    override = os.environ.get("GUIDE_SITE_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)) / "site.json"
