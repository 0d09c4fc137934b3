"""The content check keeps its results: an unchanged article is not rendered again, a changed one is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.core.content import load_library
from guide.core.problems import content_problems
from guide.core.render import Renderer


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles rendered by the check, in order."""
    calls: list[str] = []
    real = Renderer.check_files

    def counting(self: Renderer, article):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return real(self, article)

    monkeypatch.setattr(Renderer, "check_files", counting)
    return calls


def _check(root: Path, cache: Path) -> list[str]:
    return sorted(str(p) for p in content_problems(load_library([root]), cache=cache))


def _touch_later(path: Path) -> None:
    """Move the mtime on, as an editor's save a moment later would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_an_unchanged_library_is_not_checked_again(sample_root: Path, tmp_path: Path, checked: list[str]) -> None:
    first = _check(sample_root, tmp_path / "checks")
    assert len(checked) == len(load_library([sample_root]))
    checked.clear()
    assert _check(sample_root, tmp_path / "checks") == first  # the same problems, from the cache
    assert checked == []


def test_a_changed_article_is_checked_again_and_its_new_problem_shown(
    sample_root: Path, tmp_path: Path, checked: list[str]
) -> None:
    _check(sample_root, tmp_path / "checks")
    checked.clear()
    page = sample_root / "heart" / "heart-attack.md"
    page.write_text(page.read_text("utf-8") + "\nSee [the old page](gone.md).\n", "utf-8")
    problems = _check(sample_root, tmp_path / "checks")
    assert checked == ["heart/heart-attack", "mental-health/talking-therapy"]  # it links to heart-attack.md
    assert any("heart-attack.md" in p and "gone.md" in p for p in problems)


def test_a_removed_picture_checks_the_article_showing_it_again(
    sample_root: Path, tmp_path: Path, checked: list[str]
) -> None:
    assert not any("image not found" in p for p in _check(sample_root, tmp_path / "checks"))
    checked.clear()
    (sample_root / "mental-health" / "images" / "triangle.svg").unlink()
    problems = _check(sample_root, tmp_path / "checks")
    assert checked == ["mental-health/talking-therapy"]
    assert any("talking-therapy.md" in p and "image not found" in p for p in problems)


def test_a_linked_article_that_appears_clears_the_dead_link(
    sample_root: Path, tmp_path: Path, checked: list[str]
) -> None:
    page = sample_root / "heart" / "heart-attack.md"
    page.write_text(page.read_text("utf-8") + "\nSee [later](later.md).\n", "utf-8")
    assert any("later.md" in p for p in _check(sample_root, tmp_path / "checks"))
    checked.clear()
    (sample_root / "heart" / "later.md").write_text("---\ntitle: Later\n---\nHere now.\n", "utf-8")
    _touch_later(sample_root / "heart")
    assert not any("later.md" in p for p in _check(sample_root, tmp_path / "checks"))
    assert sorted(checked) == ["heart/heart-attack", "heart/later"]


def test_a_damaged_cache_is_ignored(sample_root: Path, tmp_path: Path, checked: list[str]) -> None:
    first = _check(sample_root, tmp_path / "checks")
    for file in (tmp_path / "checks").iterdir():
        file.write_text("{not json")
    checked.clear()
    assert _check(sample_root, tmp_path / "checks") == first
    assert len(checked) == len(load_library([sample_root]))
