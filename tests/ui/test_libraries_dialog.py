"""File → Libraries…: install with a warning for unverified packs, progress, roll back, remove, verify."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from guide.core.settings import SettingsStore
from guide.ui.libraries_dialog import LibrariesDialog

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from packs_helpers import build_pack, make_key, minisign_sign, needs_minisign, trust_site

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ui-packs")
    build_pack(folder, "1.0")
    build_pack(folder, "2.0")
    return folder


def dialog_for(qtbot: Any, window: Any, changed: Any = None) -> LibrariesDialog:
    from guide.core.packs.trust import Trust

    dialog = LibrariesDialog(Trust.from_store(SettingsStore()), changed or (lambda: None), window.tasks, "", window)
    qtbot.addWidget(dialog)
    return dialog


def rows(dialog: LibrariesDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.topLevelItem(i).text(c) for c in range(table.columnCount())]  # type: ignore[union-attr]
            for i in range(table.topLevelItemCount())]


def test_install_unverified_asks_then_shows_pack_in_tree_and_results(
    qtbot: Any, make_window: Any, sample_root: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from guide.app import add_libraries

    window = make_window(sample_root)
    reload = add_libraries(window, [sample_root], True)  # File > Libraries… and what it does after a change
    assert "&Libraries…" in [a.text() for a in window.acts.menu("file").actions()][:3]
    dialog = dialog_for(qtbot, window, reload)
    assert rows(dialog) == [] and not dialog.empty.isHidden()
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_unverified", lambda path, what: asked.append(what) or False)
    dialog.install(built / "clinic-1.0.guidepack")
    qtbot.waitUntil(lambda: "not installed" in dialog.last_message, timeout=5000)
    assert asked == ["not signed (no .minisig file beside it)"]
    assert rows(dialog) == []

    monkeypatch.setattr(dialog, "confirm_unverified", lambda path, what: True)
    dialog.install(built / "clinic-1.0.guidepack")
    qtbot.waitUntil(lambda: dialog.last_message.startswith("Installed"), timeout=10000)
    row = rows(dialog)[0]
    assert row[:6] == ["Clinic library", "1.0", "Hillside clinic", "No", "en", "5"]
    assert not dialog.rollback_button.isEnabled()  # nothing to go back to yet
    from test_main_window import find_row  # the window's tree now has the pack as a topic of its own

    qtbot.waitUntil(lambda: window.library.topic("clinic") is not None, timeout=5000)
    assert find_row(window, "clinic").data() == "Clinic library"
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=5000)
    hits = window.index.search("heart attack").hits
    assert any(h.id == "clinic/heart/heart-attack" and h.source == "Clinic library" for h in hits)

    dialog.install(built / "clinic-2.0.guidepack")
    qtbot.waitUntil(lambda: dialog.last_message.startswith("Updated"), timeout=10000)
    assert dialog.rollback_button.isEnabled()
    dialog.roll_back()
    qtbot.waitUntil(lambda: "went back from version 2.0 to 1.0" in dialog.last_message, timeout=5000)
    dialog.verify()
    qtbot.waitUntil(lambda: "files match the manifest" in dialog.last_message, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.remove()
    qtbot.waitUntil(lambda: "was removed" in dialog.last_message, timeout=5000)
    assert rows(dialog) == []
    qtbot.waitUntil(lambda: window.library.topic("clinic") is None, timeout=5000)


def test_damaged_pack_shows_one_clear_message(
    qtbot: Any, make_window: Any, sample_root: Path, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(sample_root)
    dialog = dialog_for(qtbot, window)
    damaged = tmp_path / "damaged.guidepack"
    damaged.write_bytes((built / "clinic-1.0.guidepack").read_bytes()[:5000])
    shown: list[str] = []
    monkeypatch.setattr(dialog, "confirm_unverified", lambda path, what: True)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    dialog.install(damaged)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [f"{damaged}: damaged or truncated pack (File is not a zip file)"]
    assert dialog.install_button.isEnabled() and rows(dialog) == []


@needs_minisign
def test_site_that_forbids_unsigned_packs_refuses_without_asking(
    qtbot: Any, make_window: Any, sample_root: Path, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pub, sec = make_key(tmp_path)
    trust_site(Path(os.environ["GUIDE_SITE_CONFIG"]), pub, allow_unsigned=False)
    window = make_window(sample_root)
    dialog = dialog_for(qtbot, window)
    monkeypatch.setattr(dialog, "confirm_unverified", lambda path, what: pytest.fail("must not ask"))
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: refused.append(text))
    dialog.install(built / "clinic-1.0.guidepack")
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)
    assert "installs only libraries from trusted publishers" in refused[0]
    signed = tmp_path / "clinic-1.0.guidepack"
    signed.write_bytes((built / "clinic-1.0.guidepack").read_bytes())
    minisign_sign(signed, sec)
    dialog.install(signed)
    qtbot.waitUntil(lambda: dialog.last_message.startswith("Installed"), timeout=10000)
    assert rows(dialog)[0][3] == "Yes"  # the trusted key's name is the publisher's


def test_bundled_guide_is_a_read_only_first_row(
    qtbot: Any, make_window: Any, sample_root: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from guide import __version__
    from guide.app import add_libraries

    monkeypatch.setenv("GUIDE_BUNDLED_CONTENT", str(sample_root))  # the window shows the bundled guide
    window = make_window(sample_root)
    add_libraries(window, [sample_root], True)
    opened: list[LibrariesDialog] = []
    monkeypatch.setattr(LibrariesDialog, "exec", lambda self: opened.append(self) or 0)
    window.acts.named["libraries"].trigger()  # File → Libraries…
    dialog = opened[0]
    qtbot.addWidget(dialog)
    articles = len(window.library.articles())
    assert articles >= 4
    assert rows(dialog) == [["Sample guide", __version__, "—", "Built in", "en", str(articles), "—", "With the app"]]
    assert dialog.table.currentItem() is dialog.table.topLevelItem(0)
    assert not dialog.remove_button.isEnabled() and not dialog.rollback_button.isEnabled()
    assert dialog.install_button.isEnabled()
    assert "No other libraries are installed" in dialog.empty.text()

    monkeypatch.setattr(dialog, "confirm_unverified", lambda path, what: True)
    dialog.install(built / "clinic-2.0.guidepack")
    qtbot.waitUntil(lambda: dialog.last_message.startswith("Installed"), timeout=10000)
    assert [r[0] for r in rows(dialog)] == ["Sample guide", "Clinic library"]
    assert dialog.table.currentItem() is dialog.table.topLevelItem(1)  # the new pack, ready to verify or remove
    assert dialog.remove_button.isEnabled()
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    assert not dialog.remove_button.isEnabled() and not dialog.rollback_button.isEnabled()
    assert not dialog.verify_button.isEnabled()
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=5000)


def test_no_bundled_row_when_the_window_shows_other_content(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    from guide.ui.libraries_dialog import bundled_guide

    window = make_window(sample_root)  # like `guide --content DIR`: the bundled guide is not shown
    assert bundled_guide(window.library) is None
