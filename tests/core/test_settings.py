"""Settings: defaults, the administrator's site file, the user's own choices winning, safe saves."""

from __future__ import annotations

import json
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
    assert store.settings.last_article == ""  # not a site setting
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
