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


def bundled_pack() -> Path | None:
    """The bundled guide as an unpacked pack (``guide-pack/``: pack.yaml, catalog.json, content/,
    index/), as the built app ships it; None from source. ``GUIDE_BUNDLED_PACK`` points at one."""
    override = os.environ.get("GUIDE_BUNDLED_PACK")
    base = frozen_base()
    path = Path(override) if override else base / "guide-pack" if base is not None else None
    return path if path is not None and (path / "pack.yaml").is_file() else None


def bundled_content() -> Path:
    """The content root shipped with the app (``content/`` beside the package, or the bundled pack's)."""
    override = os.environ.get("GUIDE_BUNDLED_CONTENT")
    if override:
        return Path(override)
    pack = bundled_pack()
    if pack is not None:
        return pack / "content"
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
    pack = bundled_pack()
    if override:
        path = Path(override)
    elif pack is not None:
        path = pack / "index"
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


def user_packs_dir() -> Path:
    """Packs installed by this user (``guide pack install`` without ``--system``)."""
    return data_dir() / "packs"


def system_packs_dir(configured: str = "") -> Path:
    """Packs installed for every user: the site file's ``packs_dir``, else the platform's default."""
    if configured:
        return Path(configured)
    if sys.platform.startswith("linux"):
        return Path("/var/lib") / APP_NAME / "packs"
    return Path(platformdirs.site_data_dir(APP_NAME, APP_AUTHOR)) / "packs"
