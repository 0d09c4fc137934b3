"""The house rules for the UI: services are built in guide/app.py alone; menus come back as a value."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

import guide.ui

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SERVICES = {"Bookmarks", "ReadingLevels", "SettingsStore", "SearchIndex", "Renderer", "load_library"}


def test_no_ui_module_builds_a_service() -> None:
    built = []
    for module in Path(guide.ui.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SERVICES:
                built.append(f"{module.name}:{node.lineno}: {node.func.id}()")
    assert built == []


def test_build_menus_hands_back_the_actions_instead_of_setting_them_on_the_window(
    make_window: Any, sample_root: Path
) -> None:
    from guide.ui.actions import Actions

    window = make_window(sample_root)
    assert isinstance(window.acts, Actions)
    for old in ("file_menu", "view_menu", "toolbar", "back_action", "theme_actions", "easier_first_action"):
        assert not hasattr(window, old), old
    assert [a.text() for a in window.menuBar().actions()][:1] == [window.acts.menus["file"].title()]
    assert window.acts.menus["view"].title() == "&View"
    assert window.acts.back.shortcut().toString() == "Alt+Left"
