"""Window state: the window's size and layout, and what the reader was reading, in a versioned file.

Kept apart from the settings, as qutebrowser keeps its ``state`` file apart from its config:
settings are choices a person makes (and an administrator may set), state is where the program
was left. ``state.json`` in the config folder holds one JSON object with a ``version`` key
(:data:`VERSION`) and the fields of :class:`WindowState`. A file written by a newer version is
read for the fields this one knows; a value of the wrong type is ignored, a file that is not a
JSON object is renamed aside (as the settings file is) and the window starts as new.

Versions: 1, the first, whose fields older programs kept in ``settings.json``. When ``state.json``
does not exist yet, they are taken from there (:class:`guide.core.settings.SettingsStore` hands
them over) and written here; ``settings.json`` keeps its copy, so nothing is lost.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from guide.core import atomic

log = logging.getLogger(__name__)

VERSION = 1


@dataclass(frozen=True)
class WindowState:
    """Where the program was left."""

    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""  # base64 of QMainWindow.saveState()
    splitter_state: str = ""  # base64 of QSplitter.saveState()
    last_article: str = ""  # id of the article open when the window closed
    last_anchor: str = ""  # section shown when the window closed
    last_scroll: int = 0  # reading-pane scroll position in pixels (what version 1's settings.json kept)
    last_position: int = -1  # character offset of the first text shown; -1 when not known


_DEFAULTS = {f.name: f.default for f in fields(WindowState)}
LEGACY_KEYS = frozenset(_DEFAULTS) - {"last_position"}  # what settings.json held before state.json


def _checked(path: Path, raw: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _DEFAULTS:
            continue
        default = _DEFAULTS[name]
        if type(value) is not type(default):  # bool is not an int here
            log.warning("ignoring window state %r in %s: wrong type", name, path)
            continue
        values[name] = value
    return values


class StateStore:
    """Loads ``state.json`` (or takes version 1's keys from the old settings) and saves it atomically."""

    def __init__(self, path: Path, legacy: Mapping[str, Any] | None = None) -> None:
        self.path = path
        self.values: dict[str, Any] = {}
        self._saved: dict[str, Any] | None = None  # what the file holds, as read or last written
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            if legacy:
                self.values = _checked(path, legacy)
                self.save()  # taken over once; settings.json keeps its copy
            return
        except OSError as exc:
            log.warning("ignoring unreadable window state %s: %s", path, exc)
            return
        except (ValueError, RecursionError):
            raw = None
        if not isinstance(raw, dict):
            log.warning("window state %s: %s", path, atomic.keep_aside(path))
            return
        if isinstance(raw.get("version"), int) and raw["version"] > VERSION:
            log.info("window state %s is from a newer version (%s); reading what this one knows", path, raw["version"])
        self.values = _checked(path, raw)
        self._saved = dict(self.values)
        atomic.sweep_stale(path)

    @property
    def state(self) -> WindowState:
        return WindowState(**self.values)

    def update(self, **changes: Any) -> WindowState:
        """Set and save fields of the state; an unknown name raises KeyError."""
        for name in changes:
            if name not in _DEFAULTS:
                raise KeyError(name)
        self.values = {**self.values, **changes}
        if self.values != self._saved:  # a window closed as it was opened writes nothing (and waits for no disk)
            self.save()
        return self.state

    def save(self) -> bool:
        try:
            atomic.write_json(self.path, {"version": VERSION, **self.values})
        except OSError as exc:
            log.warning("could not save window state to %s: %s", self.path, exc)
            return False
        self._saved = dict(self.values)
        return True
