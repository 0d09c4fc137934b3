"""Robustness fixtures: the window fixture of tests/ui, shared here without copying it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("_ui_conftest", Path(__file__).parents[1] / "ui" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui)

make_window = _ui.make_window
