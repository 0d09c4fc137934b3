"""A content folder that is not there: the window says so in a notice and shows the bundled guide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from guide import app as app_module
from guide.core import paths

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_missing_folders_are_named_and_the_bundled_guide_stands_in(tmp_path: Path) -> None:
    gone, here = tmp_path / "nonexistent", tmp_path / "clinic"
    here.mkdir()
    roots, text = app_module.usable_roots([gone])
    assert roots == [paths.bundled_content()]
    assert str(gone) in text and "bundled guide is shown instead" in text
    roots, text = app_module.usable_roots([here], [str(gone)])
    assert roots == [here] and "Its articles are not shown" in text
    assert app_module.usable_roots([here]) == ([here], "")


def test_guide_content_nonexistent_opens_the_bundled_guide_with_a_notice(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made: list[Any] = []
    real_build = app_module.build_window

    def build(window: Any, *rest: Any) -> Any:
        made.append(real_build(window, *rest))
        qtbot.addWidget(window)
        return window

    monkeypatch.setattr(app_module, "build_window", build)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # the test looks at the window instead
    monkeypatch.setenv("GUIDE_QUIT_WHEN_SHOWN", "1")
    monkeypatch.setattr(QApplication, "quit", lambda *args: None)
    assert app_module.run([tmp_path / "nonexistent"], []) == 0
    window = made[0]
    assert window.library.roots[0] == paths.bundled_content() and len(window.library) > 0
    assert tmp_path / "nonexistent" not in window.library.roots
    assert window.notice.isVisible()
    assert f"The content folder {tmp_path / 'nonexistent'} was not found" in window.notice.text()
    assert window.notice.action.text() == "Open content folder…" and window.notice.action.isVisible()
    assert "Mental health" in window.reader.toPlainText() and "no articles" not in window.reader.toPlainText()
    assert "was not found" in capsys.readouterr().err

    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: chosen.append("asked") or "")
    window.notice.action.click()
    assert chosen == ["asked"]
    window.notice.close_button.click()
    assert not window.notice.isVisible()
    window.close()
