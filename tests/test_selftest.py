"""``guide --self-test`` on an install copied elsewhere: it must say the shipped index was used."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.core.search import SearchIndex

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture
def install(tmp_path: Path) -> tuple[Path, Path]:
    """Bundled content and its index as build.spec makes them, copied to a new folder with new mtimes."""
    SearchIndex([CONTENT], tmp_path / "built-index").update()
    content, index = tmp_path / "install" / "content", tmp_path / "install" / "index"
    shutil.copytree(CONTENT, content, copy_function=shutil.copy)  # copy: new mtimes, as from a USB stick
    shutil.copytree(tmp_path / "built-index", index, copy_function=shutil.copy)
    for path in [*content.rglob("*"), *index.rglob("*")]:
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    return content, index


def _self_test(content: Path, index: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GUIDE_BUNDLED_CONTENT=str(content), GUIDE_BUNDLED_INDEX=str(index))
    env.update(GUIDE_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen", TMPDIR=str(cache.parent / "tmp"))
    (cache.parent / "tmp").mkdir(exist_ok=True)
    command = [sys.executable, "-m", "guide", "--self-test"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_the_self_test_reports_the_shipped_index_used_in_place(install: tuple[Path, Path], tmp_path: Path) -> None:
    content, index = install
    before = {p: p.read_bytes() for p in index.iterdir()}
    run = _self_test(content, index, tmp_path / "cache")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "shipped index used in place, not rebuilt" in run.stdout
    assert "self-test passed" in run.stdout
    assert re.search(r"^ok    reading level: grade \d+ for ", run.stdout, re.M)  # Pyphen's dictionary was found
    assert {p: p.read_bytes() for p in index.iterdir()} == before
    assert list((tmp_path / "tmp").iterdir()) == []  # its scratch folder and handout PDF are cleaned up


def test_the_self_test_fails_when_the_shipped_index_does_not_fit(install: tuple[Path, Path], tmp_path: Path) -> None:
    content, index = install
    article = next(p for p in sorted(content.rglob("*.md")) if p.name != "index.md")
    article.write_text(article.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    run = _self_test(content, index, tmp_path / "cache")
    assert run.returncode == 1
    assert "FAIL  search: RuntimeError: the shipped index was not used" in run.stdout
    assert "changed since" in run.stdout
    assert [p.name.startswith("guide-self-test-") for p in (tmp_path / "tmp").iterdir()] == [True]  # kept to look at


def test_the_bundled_guide_as_a_pack_is_checked_and_used_in_place(tmp_path: Path) -> None:
    """build.spec ships the bundled guide as an unpacked pack: its catalog and index are used, nothing is built."""
    from guide.core.packs import archive

    meta = archive.Manifest(id="health-guide", title="Health guide", version="1.0", at_root=True)
    archive.build(CONTENT, tmp_path / "guide.guidepack", meta)
    pack = tmp_path / "app" / "guide-pack"
    pack.mkdir(parents=True)
    archive.check(tmp_path / "guide.guidepack", pack)
    cache = tmp_path / "cache"
    env = dict(os.environ, GUIDE_BUNDLED_PACK=str(pack), GUIDE_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-m", "guide", "--self-test"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"^ok    bundled pack: Health guide 1\.0: all \d+ files match its manifest", run.stdout, re.M)
    assert "(from the bundled pack's catalog)" in run.stdout
    assert "shipped index used in place, not rebuilt" in run.stdout
    assert not cache.exists()
