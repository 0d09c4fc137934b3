"""The reading pane reads guide: URLs with the core's parser, not a laxer copy of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument

from guide.ui.reader import Reader

IMAGE = QTextDocument.ResourceType.ImageResource.value
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def reader(qtbot: Any, sample_root: Path, tmp_path: Path) -> Reader:
    other = tmp_path / "other"
    other.mkdir()
    (sample_root / "mental-health" / "notes.txt").write_text("not an image", "utf-8")
    widget = Reader((other, sample_root))
    qtbot.addWidget(widget)
    return widget


def test_an_image_inside_its_root_is_served(reader: Reader) -> None:
    image = reader.loadResource(IMAGE, "guide:image/1/mental-health/images/triangle.svg")
    assert not image.isNull()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "url",
    [
        "guide:image/-1/mental-health/images/triangle.svg",  # Python's last root, not a root number
        "guide:image/0/../library/mental-health/images/triangle.svg",  # leaves its root
        "guide:image/1/mental-health/notes.txt",  # not an image file
    ],
)
def test_odd_image_addresses_are_refused(reader: Reader, url: str) -> None:
    assert reader.loadResource(IMAGE, url).isNull()  # type: ignore[attr-defined]


def test_the_window_follows_only_links_the_core_accepts(make_window: Any, sample_root: Path) -> None:
    from PySide6.QtCore import QUrl

    window = make_window(sample_root, with_index=False)
    window.open_url(QUrl("guide:article/heart/heart-attack"))
    assert window.current.id == "heart/heart-attack"
    window.open_url(QUrl("guide:article/heart/../heart/blood-pressure/hypertension"))
    assert window.current.id == "heart/heart-attack"  # ".." is refused, as the core refuses it
