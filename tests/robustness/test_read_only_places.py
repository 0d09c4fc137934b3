"""Read-only places: the guide never writes into a content root or its own install folder,
and search still works (and says how) when the cache folder cannot be made.

Tests usually run as root in CI, where chmod stops nothing; so the main check is a
snapshot of every path, size, mode and modification time before and after all the
flows. Where chmod does bite (a normal user), the same flows also run on a content
root made read-only.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from page_helpers import all_topics
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from robust_helpers import assert_clean, run_guide, snapshot_changes, tree_snapshot, write, write_good

import guide
from guide.core import paths
from guide.core.bookmarks import Bookmarks
from guide.core.content import load_library
from guide.core.handout import HandoutOptions, build_handout_html
from guide.core.render import Renderer
from guide.core.search import SearchIndex
from guide.core.settings import SettingsStore

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PACKAGE = Path(guide.__file__).resolve().parent
FIXTURE_LIBRARY = Path(__file__).parents[1] / "fixtures" / "library"


def _install_snapshot() -> dict[str, Any]:
    """The package folder and the bundled content, without Python's own bytecode cache."""
    found = {f"pkg/{k}": v for k, v in tree_snapshot(PACKAGE).items() if "__pycache__" not in k}
    found.update({f"content/{k}": v for k, v in tree_snapshot(paths.bundled_content()).items()})
    return found


def _content_root(base: Path) -> Path:
    root = base / "content"
    shutil.copytree(FIXTURE_LIBRARY, root)
    write_good(root)
    return root


def _core_flows(root: Path, scratch: Path, qapp: Any) -> None:
    from guide.ui.printing import write_pdf

    library = load_library([root])
    renderer = Renderer(library)
    for article in library.articles():
        renderer.article(article)
        renderer.check(article)
    for topic in all_topics(library):
        renderer.topic(topic)
    index = SearchIndex([root])  # the default place: the (isolated) user cache folder
    try:
        index.update()
        assert index.search("kidneys").hits
    finally:
        index.close()
    options = HandoutOptions(clinic_name="Clinic")
    html = build_handout_html(library, renderer, ["good/alpha", "heart/heart-attack"], options)
    write_pdf(html, scratch / "core.pdf", options, lambda url: QImage())
    bookmarks = Bookmarks()
    bookmarks.toggle("good/alpha")
    SettingsStore().state.update(last_article="good/alpha")


def _window_flows(root: Path, scratch: Path, qtbot: Any, make_window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    from guide.ui.handout_dialog import HandoutActions

    window = make_window(root)
    window.show_place(type(window.current)("article", "mental-health/talking-therapy"))
    window.toggle_bookmark()
    qtbot.keyClicks(window.search.box, "lungs")
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(scratch / "window.pdf"), ""))
    actions = window.findChild(HandoutActions)
    dialog = actions.dialog()
    qtbot.addWidget(dialog)
    dialog.save_pdf()
    window.close()  # saves the window state
    assert (scratch / "window.pdf").is_file()


def _cli_flows(root: Path, scratch: Path) -> None:
    content = ["--content", str(root)]
    for args in (
        ["index", *content],
        ["search", "kidneys", *content],
        ["render", "good/beta", *content],
        ["check", *content],
        ["handout", "good/alpha", "-o", str(scratch / "cli.pdf"), *content],
    ):
        result = run_guide(*args, env={"PYTHONDONTWRITEBYTECODE": "1"})
        assert_clean(result)
        assert result.returncode in (0, 1), (args, result.stderr)  # check exits 1: the fixture has broken files
    assert (scratch / "cli.pdf").is_file()


def test_no_flow_writes_into_the_content_root_or_the_install_folder(
    tmp_path: Path, qapp: Any, qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _content_root(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    content_before, install_before = tree_snapshot(root), _install_snapshot()
    _core_flows(root, scratch, qapp)
    _window_flows(root, scratch, qtbot, make_window, monkeypatch)
    _cli_flows(root, scratch)
    temp = tmp_path / "temp"
    temp.mkdir()
    self_test = run_guide("--self-test", env={"PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(temp)})
    assert_clean(self_test)
    assert self_test.returncode == 0, self_test.stdout + self_test.stderr
    assert not list(temp.glob("guide-self-test-*"))  # its scratch index and PDF are removed again
    assert snapshot_changes(content_before, tree_snapshot(root)) == []
    assert snapshot_changes(install_before, _install_snapshot()) == []
    assert (Path(os.environ["GUIDE_DATA_DIR"]) / "bookmarks.json").is_file()  # user data went where it belongs


def test_the_snapshot_notices_a_change(tmp_path: Path) -> None:
    root = _content_root(tmp_path)
    before = tree_snapshot(root)
    (root / "good" / "alpha.md").write_text("changed", encoding="utf-8")
    write(root / "new.md", "x")
    assert snapshot_changes(before, tree_snapshot(root)) == ["created new.md", "modified good/alpha.md"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="chmod does not stop root: the snapshot covers it")
def test_a_content_root_nobody_can_write_still_works(
    tmp_path: Path, qapp: Any, qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _content_root(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    modes = {p: p.stat().st_mode for p in [root, *root.rglob("*")]}
    for path in modes:
        path.chmod(stat.S_IMODE(modes[path]) & ~0o222)
    try:
        _core_flows(root, scratch, qapp)
        _window_flows(root, scratch, qtbot, make_window, monkeypatch)
        _cli_flows(root, scratch)
    finally:
        for path, mode in modes.items():
            path.chmod(stat.S_IMODE(mode))


# -- a cache folder that cannot be made -------------------------------------------------------


@pytest.fixture
def blocked_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    blocker = write(tmp_path / "a-regular-file", "not a folder")
    monkeypatch.setenv("GUIDE_CACHE_DIR", str(blocker / "cache"))  # mkdir under a file fails, even for root
    return blocker


def test_search_falls_back_when_the_cache_cannot_be_made(tmp_path: Path, blocked_cache: Path) -> None:
    root = write_good(tmp_path / "content")
    index = SearchIndex([root])
    try:
        report = index.update()
        assert any("temporary index" in note and str(blocked_cache) in note for note in report.notes), report.notes
        assert [h.id for h in index.search("lungs").hits] == ["good/beta"]
        location = report.location
    finally:
        index.close()
    assert location is not None and not location.exists()


def test_guide_search_says_when_it_used_a_temporary_index(tmp_path: Path, blocked_cache: Path) -> None:
    root = write_good(tmp_path / "content")
    result = run_guide("search", "lungs", "--content", str(root))
    assert_clean(result)
    assert result.returncode == 0 and "good/beta" in result.stdout
    assert "temporary index" in result.stderr, result.stderr
    indexed = run_guide("index", "--content", str(root))
    assert_clean(indexed)
    assert indexed.returncode == 0 and "temporary index" in indexed.stderr


def test_the_window_says_when_it_used_a_temporary_index(
    tmp_path: Path, blocked_cache: Path, qtbot: Any, make_window: Any
) -> None:
    root = write_good(tmp_path / "content")
    window = make_window(root, with_index=False)
    window.index = SearchIndex([root])
    window.search.index = window.index
    try:
        window.start_indexing()
        qtbot.waitUntil(lambda: "temporary index" in window.statusBar().currentMessage(), timeout=10_000)
        qtbot.keyClicks(window.search.box, "lungs")
        qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=5000)
    finally:
        window.tasks.wait()
        window.index.close()
