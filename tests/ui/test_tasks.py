"""The background-task helper reports success, progress and failure on the UI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QMessageBox

from guide.ui.tasks import Progress, TaskRunner


def test_success_and_progress_arrive_on_ui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    main = threading.get_ident()
    seen: dict[str, Any] = {}

    def op(progress: Progress) -> int:
        seen["op_thread"] = threading.get_ident()
        progress(1, 2)
        return 42

    def success(value: int) -> None:
        seen["value"], seen["thread"] = value, threading.get_ident()

    steps: list[tuple[int, int]] = []
    runner.run(op, success, progress=lambda d, t: steps.append((d, t)))
    qtbot.waitUntil(lambda: "value" in seen)
    runner.wait()
    assert seen["value"] == 42
    assert seen["thread"] == main != seen["op_thread"]
    assert steps == [(1, 2)]


def test_failure_shows_message_without_traceback(qtbot: Any, monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    runner = TaskRunner()

    def op(progress: Progress) -> None:
        raise OSError("disk full")

    runner.run(op, lambda _: None)
    qtbot.waitUntil(lambda: bool(shown))
    runner.wait()
    assert "disk full" in shown[0] and "Traceback" not in shown[0]


def test_ctrl_c_in_an_op_is_not_reported_as_a_failed_task(qtbot: Any, monkeypatch: Any) -> None:
    """KeyboardInterrupt (and SystemExit) reach the UI thread as themselves, as in Anki's QueryOp."""
    shown: list[str] = []
    failures: list[BaseException] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    runner = TaskRunner()

    def op(progress: Progress) -> None:
        raise KeyboardInterrupt

    with qtbot.capture_exceptions() as raised:
        runner.run(op, lambda _: None, failure=failures.append)
        qtbot.waitUntil(lambda: bool(raised or failures or shown))
    runner.wait()
    assert not failures and not shown
    assert [type(exc) for _, exc, _ in raised] == [KeyboardInterrupt]
    assert not runner._live  # nothing is kept for a task that ended
