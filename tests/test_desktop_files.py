"""The Linux desktop entry and AppStream metainfo pass their validators, and name the shipped icon."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

RESOURCES = Path(__file__).parents[1] / "resources"


def validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:  # scripts/setup.sh and .ci/run install desktop-file-utils and appstream
        pytest.fail(f"{name} is not installed: run scripts/setup.sh")
    return path


def test_desktop_entry_is_valid() -> None:
    entry = RESOURCES / "health-guide.desktop"
    result = subprocess.run([validator("desktop-file-validate"), str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    assert "Icon=health-guide\n" in entry.read_text(encoding="utf-8")
    assert (RESOURCES / "icons" / "health-guide.svg").is_file()


def test_metainfo_is_valid() -> None:
    (metainfo,) = RESOURCES.glob("*.metainfo.xml")
    result = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "health-guide.desktop" in metainfo.read_text(encoding="utf-8")
