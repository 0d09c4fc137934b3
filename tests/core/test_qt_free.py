"""The core never imports Qt: every guide.core module imports in a fresh interpreter without PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import guide.core


def test_every_core_module_imports_without_pyside6() -> None:
    names = [m.name for m in pkgutil.iter_modules(guide.core.__path__, "guide.core.")]
    assert "guide.core.content" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_headless_commands_never_import_pyside6(tmp_path) -> None:
    code = (
        "import sys\n"
        "from guide import cli\n"
        f"cli.main(['check', '--content', {str(tmp_path)!r}])\n"
        "print('QT:' + ','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.splitlines()[-1] == "QT:"
