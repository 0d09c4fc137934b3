"""An article being written survives the editor being killed: a child process runs the real window,
opens a new article and keeps typing (autosaving as it goes) until it is SIGKILLed. The next start
offers the draft back, and opening it brings back what was typed up to the last autosave."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from guide.core.drafts import DraftStore

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from guide.app import build_window
from guide.core.bookmarks import Bookmarks
from guide.core.content import load_library
from guide.core.readability import ReadingLevels
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.main_window import MainWindow

content, clinic = Path(sys.argv[1]), Path(sys.argv[2])
library = load_library([content, clinic])
levels = ReadingLevels(library, None)
window = build_window(MainWindow(library, Renderer(library), None, SettingsStore(), Bookmarks(), levels), clinic)
window.show()
editor = window.authoring.new_article()
editor.title_edit.setText("Vaccination days")
typed = [0]


def type_a_line():
    typed[0] += 1
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    editor.text.insertPlainText(f"Line {typed[0]} typed before the power cut.\\n")
    print(typed[0], flush=True)


timer = QTimer()
timer.timeout.connect(type_a_line)
timer.start(40)
app.exec()
"""


def _drafts(folder: Path) -> list[dict[str, Any]]:
    found = []
    for path in folder.glob("*.json"):
        with contextlib.suppress(OSError, ValueError):  # being replaced right now
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def test_killed_editor_offers_its_draft_back(qtbot: Any, sample_root: Path, tmp_path: Path) -> None:
    from guide.app import build_window
    from guide.core.bookmarks import Bookmarks
    from guide.core.content import load_library
    from guide.core.readability import ReadingLevels
    from guide.core.render import Renderer
    from guide.core.settings import SettingsStore
    from guide.ui.editor import EditorWindow
    from guide.ui.main_window import MainWindow

    clinic = tmp_path / "clinic"
    clinic.mkdir()
    drafts = DraftStore()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(sample_root), str(clinic)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until an autosave holds some lines and typing goes on
            saved = _drafts(drafts.folder)
            if saved and "Line 3 typed" in saved[0]["text"]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the editor never autosaved a draft")
        time.sleep(0.3)  # mid-edit: lines typed after the last autosave are at stake
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.stdout is not None
    typed = [int(line) for line in child.stdout.read().split()]
    assert typed, "the child typed nothing"

    orphans = drafts.orphans()
    assert len(orphans) == 1
    kept = orphans[0].text
    lines = [n for n in range(1, typed[-1] + 1) if f"Line {n} typed" in kept]
    assert lines == list(range(1, len(lines) + 1)) and len(lines) >= 3  # whole lines, in order
    assert typed[-1] - len(lines) <= 2000 // 40 + 10  # at most one autosave interval lost

    library = load_library([sample_root, clinic])
    levels = ReadingLevels(library, None)
    window = build_window(MainWindow(library, Renderer(library), None, SettingsStore(), Bookmarks(), levels), clinic)
    window.show()
    offered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        offered.append(box.text())
        next(b for b in box.buttons() if b.text() == "&Open").click()

    QTimer.singleShot(0, answer)
    qtbot.waitUntil(lambda: bool(window.authoring.editors), timeout=10000)
    assert "Vaccination days" in offered[0]
    editor = window.authoring.editors[0]
    assert editor.title_edit.text() == "Vaccination days"
    assert f"Line {lines[-1]} typed" in editor.text.toPlainText()
    assert editor.is_modified()
    assert editor.save()
    assert (clinic / "clinic" / "vaccination-days.md").is_file()
    assert drafts.orphans() == [] and not list(drafts.folder.glob("*.json"))  # saved: the draft is gone
    for open_editor in window.findChildren(EditorWindow):
        open_editor.close()
    window.close()
    window.tasks.wait()
    QApplication.processEvents()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
