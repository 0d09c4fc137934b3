"""Icons: every toolbar action has one, drawn in the theme's text colour; the app has its own icon."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QIcon

from guide.ui import icons

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """The average colour of the icon's drawn (not see-through) pixels at 24 px."""
    image = icon.pixmap(24, 24, mode).toImage()
    drawn = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    drawn = [c for c in drawn if c.alpha() > 200]
    assert drawn, "the icon is empty"
    return QColor(*(sum(getattr(c, part)() for c in drawn) // len(drawn) for part in ("red", "green", "blue")))


def test_every_icon_named_is_shipped_with_its_licence() -> None:
    folder = resources.files("guide.resources") / "icons"
    for name in icons.ACTION_ICONS.values():
        assert (folder / f"{name}.svg").is_file(), name
    assert "ISC License" in (folder / "LICENSE-Lucide.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("theme", "light_ink"), [("light", False), ("dark", True), ("high-contrast", True)])
def test_toolbar_icons_take_the_theme_text_colour(
    make_window: Any, sample_root: Path, theme: str, light_ink: bool
) -> None:
    window = make_window(sample_root)
    window.acts.themes[theme].trigger()
    toolbar = window.acts.toolbar.actions()
    assert len(toolbar) >= 8
    for action in toolbar:
        assert not action.icon().isNull(), action.text()
    colour = ink(window.acts.home.icon())
    assert (colour.lightness() > 180) == light_ink, (theme, colour.name())
    if theme == "high-contrast":
        assert colour.lightness() > 240  # white on black, not a grey


def test_menus_carry_icons_too(make_window: Any, sample_root: Path) -> None:
    window = make_window(sample_root)
    file_menu = {a.objectName(): a for a in window.acts.menus["file"].actions()}
    assert not file_menu["open_content"].icon().isNull()
    assert not file_menu["export_pdf"].icon().isNull()


def test_the_application_has_its_own_icon(qapp: Any) -> None:
    icon = icons.app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
