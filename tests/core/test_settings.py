"""Settings: defaults, the administrator's site file, the user's own choices winning, safe saves."""

from __future__ import annotations

import json
import os
from pathlib import Path

from guide.core.settings import Settings, SettingsStore


def test_defaults_without_any_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "user.json", tmp_path / "site.json")
    assert store.settings == Settings()


def test_site_file_sets_clinic_and_user_choice_wins(tmp_path: Path) -> None:
    site = tmp_path / "site.json"
    site.write_text(json.dumps({"clinic_name": "Hill Clinic", "clinic_contact": "Tel 123", "last_article": "x"}))
    store = SettingsStore(tmp_path / "user.json", site)
    assert store.settings.clinic_name == "Hill Clinic"
    assert store.state.state.last_article == ""  # window state, never from the site file
    store.update(clinic_name="My Clinic")
    again = SettingsStore(tmp_path / "user.json", site)
    assert again.settings.clinic_name == "My Clinic"
    assert again.settings.clinic_contact == "Tel 123"


def test_broken_or_wrongly_typed_files_fall_back_to_defaults(tmp_path: Path) -> None:
    user = tmp_path / "user.json"
    user.write_text("{not json")
    assert SettingsStore(user, tmp_path / "site.json").settings == Settings()
    user.write_text(json.dumps({"text_zoom": "big", "large_print": True, "extra_roots": ["/a"]}))
    settings = SettingsStore(user, tmp_path / "site.json").settings
    assert settings.text_zoom == 0 and settings.large_print is True and settings.extra_roots == ("/a",)


def test_save_to_an_unwritable_place_reports_false(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = SettingsStore(blocker / "settings.json", tmp_path / "site.json")
    assert store.save() is False


def test_a_broken_user_file_is_kept_aside_and_the_site_file_never_moves(tmp_path: Path) -> None:
    user, site = tmp_path / "settings.json", tmp_path / "site.json"
    user.write_text('{"clinic_name": "Hill', encoding="utf-8")
    site.write_text("[1, 2", encoding="utf-8")  # the administrator's own broken file stays where it is
    store = SettingsStore(user, site)
    assert store.settings == Settings()
    kept = [p.name for p in tmp_path.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(kept) == 1 and store.problem is not None and kept[0] in store.problem
    assert site.read_text(encoding="utf-8") == "[1, 2"
    store.update(clinic_name="New")
    assert (tmp_path / kept[0]).read_text(encoding="utf-8") == '{"clinic_name": "Hill'
    assert SettingsStore(user, site).problem is None


# -- settings declared once, as data ------------------------------------------------------------


def test_every_setting_is_declared_with_a_description_and_the_site_keys_follow(tmp_path: Path) -> None:
    from dataclasses import fields

    from guide.core.settings import OPTIONS, SITE_KEYS

    assert list(OPTIONS) == [f.name for f in fields(Settings)]
    assert all(option.doc for option in OPTIONS.values())
    assert {"clinic_name", "clinic_contact", "clinic_logo", "paper", "large_print", "theme", "extra_roots",
            "trusted_keys", "allow_unsigned_packs", "packs_dir"} <= set(SITE_KEYS)  # fmt: skip
    site = tmp_path / "site.json"
    site.write_text(json.dumps({"text_zoom": 4, "easier_first": True, "large_print": True}))
    settings = SettingsStore(tmp_path / "user.json", site).settings
    assert (settings.text_zoom, settings.easier_first, settings.large_print) == (0, False, True)


def test_values_the_declaration_does_not_allow_are_refused_everywhere(tmp_path: Path) -> None:
    import pytest

    user, site = tmp_path / "user.json", tmp_path / "site.json"
    site.write_text(json.dumps({"theme": "purple", "paper": "a3"}))
    user.write_text(json.dumps({"text_zoom": 99, "paper": "letter"}))
    store = SettingsStore(user, site)
    assert (store.settings.theme, store.settings.text_zoom, store.settings.paper) == ("system", 0, "letter")
    with pytest.raises(ValueError, match="one of"):
        store.update(theme="purple")
    with pytest.raises(ValueError, match="from -5 to 10"):
        store.update(text_zoom=11)
    with pytest.raises(KeyError):
        store.update(no_such_setting=1)


def test_the_readme_lists_exactly_the_keys_the_site_file_accepts() -> None:
    import re

    from guide.core.settings import OPTIONS, SITE_KEYS

    values = {value for option in OPTIONS.values() for value in option.choices or {}}
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    sentence = readme[readme.index("Accepted keys:") :].split("\n\n")[0]
    assert set(re.findall(r"`([a-z_]+)`", sentence)) - values - {"true", "false"} == set(SITE_KEYS)


def test_the_allowed_themes_papers_and_zoom_are_declared_once_in_core() -> None:
    from guide.core import settings
    from guide.core.dates import MONTHS

    assert settings.OPTIONS["theme"].choices is settings.THEMES
    assert set(settings.PAPER_SIZES) < set(settings.OPTIONS["paper"].choices or {})
    assert settings.OPTIONS["text_zoom"].limits == settings.ZOOM_LIMITS
    assert MONTHS[2] == "March"
    package = Path(__file__).parents[2] / "guide"
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name not in ("settings.py", "i18n.py"):
            assert '"High contrast"' not in text and '"September"' not in text, path
            assert '("a4", "letter")' not in text, path


# -- window state, in its own versioned file ----------------------------------------------------


OLD_SETTINGS = {
    "theme": "dark",
    "clinic_name": "Hill Clinic",
    "last_article": "heart/heart-attack",
    "last_anchor": "",
    "last_scroll": 420,
    "window_geometry": "AdnQywADAAA=",
    "window_state": "AAAA/wAAAAD9",
    "splitter_state": "AAAA/wAAAAEA",
}


def test_an_old_settings_file_still_reads_and_its_window_state_moves_over(tmp_path: Path) -> None:
    user = tmp_path / "settings.json"
    user.write_text(json.dumps(OLD_SETTINGS), encoding="utf-8")
    store = SettingsStore(user, tmp_path / "site.json")
    assert (store.settings.theme, store.settings.clinic_name) == ("dark", "Hill Clinic")
    state = store.state.state
    assert (state.last_article, state.last_scroll, state.window_geometry) == ("heart/heart-attack", 420, "AdnQywADAAA=")
    saved = json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))
    assert saved["version"] == 1 and saved["splitter_state"] == "AAAA/wAAAAEA"

    store.update(clinic_name="New name")  # a save keeps what this version does not read: nothing lost
    assert json.loads(user.read_text(encoding="utf-8"))["last_scroll"] == 420
    store.state.update(last_scroll=7)
    again = SettingsStore(user, tmp_path / "site.json")
    assert again.state.state.last_scroll == 7 and again.settings.clinic_name == "New name"


def test_window_state_from_a_newer_version_or_broken_is_survived(tmp_path: Path) -> None:
    from guide.core.state import StateStore

    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 9, "last_article": "a/b", "last_scroll": "x", "future": 1}))
    state = StateStore(path).state
    assert state.last_article == "a/b" and state.last_scroll == 0
    path.write_text("{broken", encoding="utf-8")
    assert StateStore(path).state.last_article == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("state.json.unreadable-")]


def _sample(option: object) -> object:
    """A non-default value a declaration allows."""
    from guide.core.settings import Option

    assert isinstance(option, Option)
    if option.parse is not None:  # a structured value: its own test shows the form
        return option.default
    if option.choices is not None:
        return next(c for c in option.choices if c != option.default)
    if isinstance(option.default, bool):
        return not option.default
    if isinstance(option.default, int):
        return (option.limits or (0, 1))[1]
    if isinstance(option.default, str):
        return "set by the site"
    return ["/srv/one", "/srv/two"]


def test_every_site_key_is_read_from_the_site_file_with_no_code_of_its_own(tmp_path: Path) -> None:
    """Adding a site key is one declaration: the reader takes it from there (keys added later too)."""
    from guide.core.settings import OPTIONS, SITE_KEYS

    site = tmp_path / "site.json"
    site.write_text(json.dumps({key: _sample(OPTIONS[key]) for key in SITE_KEYS}), encoding="utf-8")
    settings = SettingsStore(tmp_path / "user.json", site).settings
    for key in SITE_KEYS:
        value = _sample(OPTIONS[key])
        assert getattr(settings, key) == (tuple(value) if isinstance(value, list) else value), key


def test_window_state_unchanged_since_it_was_read_is_not_written_again(tmp_path: Path) -> None:
    from guide.core.state import StateStore

    path = tmp_path / "state.json"
    StateStore(path).update(last_scroll=7)
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10_000_000_000, before - 10_000_000_000))
    again = StateStore(path)
    again.update(last_scroll=7)  # as it was: the file is left alone
    assert path.stat().st_mtime_ns == before - 10_000_000_000
    again.update(last_scroll=8)
    assert StateStore(path).state.last_scroll == 8
