"""Settings: one dataclass of defaults, a site file for the administrator, a user file on top.

The site file (see README, "Clinic settings for every user") is read only; the
user's own choices are saved atomically to ``settings.json`` in the config folder
and win over the site file wherever both set a value.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from guide.core import atomic, paths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """Every setting with its default and meaning."""

    theme: str = "system"  # "system", "light", "dark" or "high-contrast"
    text_zoom: int = 0  # reading-pane text size steps away from normal (Ctrl+Plus/Minus)
    clinic_name: str = ""  # printed at the top of every handout
    clinic_contact: str = ""  # address or phone line under the clinic name
    clinic_logo: str = ""  # path of a PNG/JPEG/SVG logo for handouts, "" for none
    paper: str = ""  # "a4" or "letter"; "" follows the locale
    large_print: bool = False  # handouts in at least 16 pt with wider lines
    easier_first: bool = False  # topic pages list articles by reading grade, lowest first
    last_article: str = ""  # id of the article open when the window closed
    last_anchor: str = ""  # section shown when the window closed
    last_scroll: int = 0  # reading-pane scroll position of that article
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    splitter_state: str = ""  # base64 of QSplitter.saveState()
    extra_roots: tuple[str, ...] = field(default_factory=tuple)  # content roots added by the user
    clinic_dir: str = ""  # folder of the writable "Clinic articles" library; "" for one in the data folder
    # publishers whose packs show as verified: (name, "RW…" minisign public key); site and user keys both count
    trusted_keys: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    allow_unsigned_packs: bool = True  # false: unsigned packs and unknown keys are never installed
    packs_dir: str = ""  # where `guide pack install --system` puts packs ("" = the platform's default)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


_FIELDS = {f.name: f for f in fields(Settings)}
SITE_KEYS = (
    "clinic_name",
    "clinic_contact",
    "clinic_logo",
    "paper",
    "large_print",
    "theme",
    "extra_roots",
    "trusted_keys",
    "allow_unsigned_packs",
    "packs_dir",
    "clinic_dir",
)


def _coerce(name: str, value: Any) -> Any:
    """Check a stored value against the default's type; None when it does not fit."""
    default = getattr(Settings(), name)
    if name == "trusted_keys":  # [{"name": "...", "key": "RW..."}]
        if not isinstance(value, list):
            return None
        pairs = [(v.get("name"), v.get("key")) if isinstance(v, dict) else v for v in value]
        if not all(isinstance(p, list | tuple) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs):
            return None
        return tuple((str(a), str(b)) for a, b in pairs)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, tuple):
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return None
    return None  # pragma: no cover - every field is one of the above


class Unreadable(Exception):
    """A settings file that is there but is not a JSON object."""


def _read(path: Path, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Read a settings file; a missing or broken file gives {} and a log line, never an error."""
    try:
        return _read_strict(path, allowed)
    except Unreadable as exc:
        log.warning("ignoring settings file %s: %s", path, exc)
        return {}


def _read_strict(path: Path, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
    """As :func:`_read`, but a file that is there and not a JSON object raises :class:`Unreadable`."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:  # a folder in its place, no permission
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return {}
    except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
        raise Unreadable(f"not valid JSON ({exc.__class__.__name__})") from exc
    if not isinstance(raw, dict):
        raise Unreadable("not a JSON object")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _FIELDS or (allowed is not None and name not in allowed):
            continue
        coerced = _coerce(name, value)
        if coerced is None:
            log.warning("ignoring setting %r in %s: wrong type", name, path)
            continue
        values[name] = coerced
    return values


class SettingsStore:
    """Loads the site and user files and saves the user's changes atomically."""

    def __init__(self, user_file: Path | None = None, site_file: Path | None = None) -> None:
        self.user_file = user_file or paths.config_dir() / "settings.json"
        self.site_file = site_file or paths.site_config_file()
        self.site = _read(self.site_file, SITE_KEYS)  # the administrator's file is never moved
        self.problem: str | None = None  # a sentence for the user when their file could not be read
        try:
            self.user = _read_strict(self.user_file)
        except Unreadable as exc:  # kept aside, so saving new choices does not destroy it
            where = atomic.keep_aside(self.user_file)
            self.problem = f"Your settings file could not be read ({exc}); {where}, and defaults are used."
            log.warning("settings file %s: %s", self.user_file, self.problem)
            self.user = {}
        atomic.sweep_stale(self.user_file)  # temporary files of a save that was killed

    @property
    def settings(self) -> Settings:
        return Settings(**{**self.site, **self.user})

    def update(self, **changes: Any) -> Settings:
        """Set values chosen by the user and save them; returns the new settings."""
        for name, value in changes.items():
            if name not in _FIELDS:
                raise KeyError(name)
            self.user[name] = tuple(value) if isinstance(value, list) else value
        self.save()
        return self.settings

    def save(self) -> bool:
        """Write the user's file; False (and a log line) when it cannot be written."""
        data = {k: list(v) if isinstance(v, tuple) else v for k, v in self.user.items()}
        try:
            atomic.write_json(self.user_file, data)
        except OSError as exc:
            log.warning("could not save settings to %s: %s", self.user_file, exc)
            return False
        return True
