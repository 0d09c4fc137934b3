"""The frozen app ships xcb and offscreen only: a desktop asking for another platform still gets a window."""

from __future__ import annotations

import os
import sys

import pytest

from guide.app import platform_fallback


@pytest.mark.parametrize(
    ("frozen", "wanted", "result"),
    [
        (True, "wayland", "wayland;xcb"),  # Qt tries Wayland (not shipped), then X11 via XWayland
        (True, "wayland-egl", "wayland-egl;xcb"),
        (True, "xcb", "xcb"),
        (True, "offscreen", "offscreen"),
        (False, "wayland", "wayland"),  # from source every plugin PySide6 has is there
    ],
)
def test_frozen_app_falls_back_to_xcb(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object, frozen: bool, wanted: str, result: str
) -> None:
    if frozen:
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    else:
        monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", wanted)
    platform_fallback()
    assert os.environ["QT_QPA_PLATFORM"] == result
