"""guide: URLs: the URL contract, parsing anything without raising, image files inside the root."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.core.content import Library, load_library
from guide.core.links import GuideLink, image_file, make_url, parse_url


@pytest.fixture
def library(sample_root: Path) -> Library:
    return load_library([sample_root])


def test_make_url_follows_the_contract() -> None:
    assert make_url("article", "heart/heart-attack") == "guide:article/heart/heart-attack"
    assert make_url("article", "heart/heart-attack", "warning-signs") == (
        "guide:article/heart/heart-attack#warning-signs"
    )
    assert make_url("topic", "heart") == "guide:topic/heart"
    assert make_url("topic", "") == "guide:topic/"
    assert make_url("image", "0/mental-health/images/a b.png") == "guide:image/0/mental-health/images/a%20b.png"
    with pytest.raises(ValueError):
        make_url("script", "x")


@pytest.mark.parametrize(
    ("kind", "target", "anchor"),
    [
        ("article", "heart/heart-attack", None),
        ("article", "heart/heart-attack", "warning-signs"),
        ("article", "naïve folder/x y", "fn-1"),
        ("article", "心臓/病気", "_1"),
        ("article", "odd/100% sure?#", None),
        ("topic", "", None),
        ("topic", "heart/blood-pressure", None),
        ("image", "2/images/a b#c.png", None),
    ],
)
def test_parse_url_round_trips(kind: str, target: str, anchor: str | None) -> None:
    assert parse_url(make_url(kind, target, anchor)) == GuideLink(kind, target, anchor)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "guide:",
        "guide:article/",
        "guide:nothing/x",
        "http://example.org/",
        "javascript:alert(1)",
        "guide:article/../secret",
        "guide:image/x/y.png",
        "guide:image/0/",
        "guide:image/0/../../etc/passwd",
        "guide:image/0/a/%2e%2e/%2e%2e/b.png",
        "guide:article/%ff%fe",
        "guide:article/a\x00b",
    ],
)
def test_parse_url_refuses_garbage(url: str) -> None:
    assert parse_url(url) is None


def test_parse_url_accepts_what_qt_hands_back() -> None:
    assert parse_url("GUIDE:article/heart/x%20y#a") == GuideLink("article", "heart/x y", "a")
    assert parse_url("guide:article/heart/x y") == GuideLink("article", "heart/x y", None)
    assert parse_url("guide:topic/") == GuideLink("topic", "", None)
    assert parse_url("guide:topic") == GuideLink("topic", "", None)
    assert parse_url("guide://article/heart/x?from=search#a") == GuideLink("article", "heart/x", "a")


@given(st.text(max_size=200))
def test_parse_url_never_raises(text: str) -> None:
    for url in (text, "guide:" + text, "guide:article/" + text, "guide:image/0/" + text):
        result = parse_url(url)
        assert result is None or isinstance(result, GuideLink)


def test_image_file_finds_images_inside_the_root(library: Library, sample_root: Path) -> None:
    url = make_url("image", "0/mental-health/images/triangle.svg")
    found = image_file(library, url)
    assert found == (sample_root / "mental-health/images/triangle.svg").resolve()


def test_image_file_refuses_escapes_and_missing_files(library: Library, sample_root: Path, tmp_path: Path) -> None:
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    (sample_root / "mental-health/images/link.png").symlink_to(tmp_path / "outside.png")
    (sample_root / "mental-health/notes.txt").write_text("not an image")
    for url in (
        "guide:image/0/mental-health/images/missing.png",
        "guide:image/0/../outside.png",
        "guide:image/0/%2e%2e/outside.png",
        "guide:image/0/mental-health/images/link.png",
        "guide:image/0/mental-health/notes.txt",
        "guide:image/0/mental-health/images",
        "guide:image/1/mental-health/images/triangle.svg",
        "guide:image/0//etc/passwd",
        "guide:article/mental-health/talking-therapy",
        "not a url",
    ):
        assert image_file(library, url) is None, url
