"""Settings: every setting declared once, as data; a site file for the administrator; the user's file on top.

Declaring a setting
-------------------
Each setting is one field of :class:`Settings`, declared with :func:`setting`::

    paper: str = setting("", "paper size of handouts; '' follows the locale", choices=PAPER_CHOICES, site=True)

That line is the whole declaration: the type (the annotation; the default must be a ``bool``,
``int``, ``str`` or a tuple of ``str``), the default, the allowed values (``choices``, value ->
label shown to people, ``limits=(low, high)`` for a number, or ``parse``, a function that checks
a structured value such as ``trusted_keys``), whether the administrator's site
file may set it (``site=True``) and a description. Everything else is driven by it, through
:data:`OPTIONS` (name -> :class:`Option`): the user's and the site file's readers keep a value only
when :meth:`Option.check` accepts it (and say in the log which one was ignored), the site file
reads only ``site`` settings, :meth:`SettingsStore.update` refuses a value the declaration does
not allow, and Preferences builds its lists and ranges from ``choices`` and ``limits``. Adding a
key is adding one field; a site-file key also gets a line in README.md's list of accepted keys.

The declarations are Python, not a YAML file as qutebrowser's ``configdata.yml`` is: the settings
stay typed attributes that mypy checks at every use (``settings.paper`` is a ``str``), there is no
loader or code generator to keep in step, and a new key is still one line.

Files
-----
The site file (README, "Clinic settings for every user") is only read. The user's own choices
are saved atomically to ``settings.json`` in the config folder and win over the site file
wherever both set a value. Keys this version does not know (a newer version's, or the window
state older versions kept here) and values it refuses are kept in the file when it is saved, so
nothing is lost and an older program still reads the file. Window state (geometry, the last article and where the
reader was) is not a setting: :mod:`guide.core.state` keeps it in its own versioned file,
``state.json``, taking it over from an old ``settings.json`` on first read.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from guide.core import atomic, paths
from guide.core.i18n import LANGUAGE_NAMES, N_
from guide.core.state import LEGACY_KEYS, StateStore

log = logging.getLogger(__name__)

# -- the allowed values, declared once ------------------------------------------------------

# The labels are shown to people: marked N_ for the catalogs, translated where shown (i18n._).
THEMES = {
    "system": N_("System default"),
    "light": N_("Light"),
    "dark": N_("Dark"),
    "high-contrast": N_("High contrast"),
}
PAPER_SIZES = {"a4": "A4", "letter": N_("Letter")}
PAPER_CHOICES = {"": N_("Follow the language setting"), **PAPER_SIZES}
LANGUAGES = {"system": N_("System language"), **LANGUAGE_NAMES}  # the interface language
ZOOM_LIMITS = (-5, 10)  # text size in steps of 10 % from normal: 50 % to 200 %


@dataclass(frozen=True)
class Option:
    """The declaration of one setting, as :func:`setting` recorded it."""

    name: str
    default: Any
    doc: str
    site: bool = False  # the administrator's site file may set it
    choices: Mapping[str, str] | None = None  # allowed value -> label shown to people
    limits: tuple[int, int] | None = None  # lowest and highest allowed number
    parse: Callable[[Any], Any] | None = None  # for a structured value: the value as held, or INVALID

    def check(self, value: Any) -> Any:
        """The value as a setting holds it (a JSON list becomes a tuple); :data:`INVALID` if not allowed."""
        if self.parse is not None:
            return self.parse(value)
        default = self.default
        if isinstance(default, bool):
            return value if isinstance(value, bool) else INVALID
        if isinstance(default, int):
            if not isinstance(value, int) or isinstance(value, bool):
                return INVALID
            low, high = self.limits or (value, value)
            return value if low <= value <= high else INVALID
        if isinstance(default, str):
            if not isinstance(value, str) or (self.choices is not None and value not in self.choices):
                return INVALID
            return value
        if isinstance(default, tuple):
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                return tuple(value)
            return INVALID
        raise TypeError(f"setting {self.name!r}: unsupported default {default!r}")  # pragma: no cover

    def describe_allowed(self) -> str:
        """What the setting accepts, in words, for a log line or a message."""
        if self.choices is not None:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.limits is not None:
            return f"a whole number from {self.limits[0]} to {self.limits[1]}"
        if self.parse is not None:
            return f"in the form this setting takes ({self.doc})"
        kind = type(self.default)
        return {bool: "true or false", int: "a whole number", str: "text"}.get(kind, "a list of text")


INVALID: Any = object()  # what Option.check gives for a value it does not accept


def setting(
    default: Any,
    doc: str,
    *,
    site: bool = False,
    choices: Mapping[str, str] | None = None,
    limits: tuple[int, int] | None = None,
    parse: Callable[[Any], Any] | None = None,
) -> Any:
    """Declare one setting: a dataclass field whose metadata is its :class:`Option` (name filled in later)."""
    return field(default=default, metadata={"option": (doc, site, choices, limits, parse)})


def _name_key_pairs(value: Any) -> Any:
    """``trusted_keys``: a list of ``{"name": …, "key": "RW…"}`` objects (or [name, key] pairs)."""
    if not isinstance(value, list | tuple):
        return INVALID
    pairs = [(v.get("name"), v.get("key")) if isinstance(v, dict) else v for v in value]
    if not all(isinstance(p, list | tuple) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs):
        return INVALID
    return tuple((str(a), str(b)) for a, b in pairs)


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default, allowed values, site flag and meaning (see the module docstring)."""

    theme: str = setting("system", "colours of the window and the reading pane", choices=THEMES, site=True)
    text_zoom: int = setting(0, "reading-pane text size, in steps of 10 % from normal", limits=ZOOM_LIMITS)
    clinic_name: str = setting("", "printed at the top of every handout", site=True)
    clinic_contact: str = setting("", "address or phone line under the clinic name", site=True)
    clinic_logo: str = setting("", "path of a PNG/JPEG/SVG logo for handouts, '' for none", site=True)
    paper: str = setting("", "paper size of handouts; '' follows the locale", choices=PAPER_CHOICES, site=True)
    large_print: bool = setting(False, "handouts in at least 16 pt with wider lines", site=True)
    easier_first: bool = setting(False, "topic pages list articles by reading grade, lowest first")
    extra_roots: tuple[str, ...] = setting((), "content folders added to the bundled guide", site=True)
    clinic_dir: str = setting("", "folder of the 'Clinic articles' library; '' for one in the data folder", site=True)
    trusted_keys: tuple[tuple[str, str], ...] = setting(
        (), "publishers whose packs show as verified: (name, minisign public key 'RW…'); site and user keys both count",
        site=True, parse=_name_key_pairs,
    )  # fmt: skip
    allow_unsigned_packs: bool = setting(True, "false: unsigned packs and unknown keys are never installed", site=True)
    packs_dir: str = setting("", "where `guide pack install --system` puts packs ('' = the default)", site=True)
    language: str = setting(
        "system", "language of menus, messages and pages; 'system' follows the computer's language",
        choices=LANGUAGES, site=True,
    )  # fmt: skip

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _options() -> dict[str, Option]:
    found = {}
    for f in fields(Settings):
        doc, site, choices, limits, parse = f.metadata["option"]
        found[f.name] = Option(f.name, f.default, doc, site, choices, limits, parse)
    return found


OPTIONS: dict[str, Option] = _options()
SITE_KEYS = tuple(name for name, option in OPTIONS.items() if option.site)


class Unreadable(Exception):
    """A settings file that is there but is not a JSON object."""


def _read(path: Path, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Read a settings file; a missing or broken file gives {} and a log line, never an error."""
    try:
        return _checked(path, _read_raw(path), allowed)
    except Unreadable as exc:
        log.warning("ignoring settings file %s: %s", path, exc)
        return {}


def _read_raw(path: Path) -> dict[str, Any]:
    """The file's JSON object as it is; {} when missing; :class:`Unreadable` when there and not an object."""
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
    return raw


def _checked(path: Path, raw: Mapping[str, Any], allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The declared settings of a file's object whose values their declaration accepts."""
    values: dict[str, Any] = {}
    for name, value in raw.items():
        option = OPTIONS.get(name)
        if option is None or (allowed is not None and name not in allowed):
            continue
        checked = option.check(value)
        if checked is INVALID:
            log.warning("ignoring setting %r in %s: %r is not %s", name, path, value, option.describe_allowed())
            continue
        values[name] = checked
    return values


class SettingsStore:
    """Loads the site and user files and saves the user's changes atomically.

    ``state`` is the window state (:class:`guide.core.state.StateStore`), kept in its own file
    beside the user's settings."""

    def __init__(self, user_file: Path | None = None, site_file: Path | None = None) -> None:
        self.user_file = user_file or paths.config_dir() / "settings.json"
        self.site_file = site_file or paths.site_config_file()
        self.site = _read(self.site_file, SITE_KEYS)  # the administrator's file is never moved
        self.problem: str | None = None  # a sentence for the user when their file could not be read
        try:
            raw = _read_raw(self.user_file)
        except Unreadable as exc:  # kept aside, so saving new choices does not destroy it
            where = atomic.keep_aside(self.user_file)
            self.problem = N_("Your settings file could not be read ({why}); {where}, and defaults are used.").format(
                why=exc, where=where
            )
            log.warning("settings file %s: %s", self.user_file, self.problem)
            raw = {}
        self.user = _checked(self.user_file, raw)
        self._kept = {k: v for k, v in raw.items() if k not in self.user}  # unknown or refused: saved as they were
        atomic.sweep_stale(self.user_file)  # temporary files of a save that was killed
        legacy = {k: v for k, v in raw.items() if k in LEGACY_KEYS}
        self.state = StateStore(self.user_file.with_name("state.json"), legacy)

    @property
    def settings(self) -> Settings:
        return Settings(**{**self.site, **self.user})

    def update(self, **changes: Any) -> Settings:
        """Set values chosen by the user and save them; returns the new settings.

        A name that is not declared raises KeyError, a value its declaration does not allow ValueError."""
        for name, value in changes.items():
            option = OPTIONS[name]
            checked = option.check(value)
            if checked is INVALID:
                raise ValueError(f"setting {name!r}: {value!r} is not {option.describe_allowed()}")
            self.user[name] = checked
        self.save()
        return self.settings

    def save(self) -> bool:
        """Write the user's file; False (and a log line) when it cannot be written."""
        data = {**self._kept, **{k: list(v) if isinstance(v, tuple) else v for k, v in self.user.items()}}
        try:
            atomic.write_json(self.user_file, data)
        except OSError as exc:
            log.warning("could not save settings to %s: %s", self.user_file, exc)
            return False
        return True


def chosen_language(user_file: Path | None = None, site_file: Path | None = None) -> str:
    """The ``language`` setting as the files give it (the user's over the site's), read without
    the side effects of :class:`SettingsStore` (no file set aside or swept): for the command line,
    which needs only this one value before it parses its arguments."""
    user = _read(user_file or paths.config_dir() / "settings.json")
    site = _read(site_file or paths.site_config_file(), SITE_KEYS)
    value = user.get("language", site.get("language", OPTIONS["language"].default))
    return str(value)
