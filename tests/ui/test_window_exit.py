"""The start's objects go back to the cycle collector after the first paint, and the process
that showed the window ends at once when it closes, with what the user made saved."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from guide import app as app_module


def test_the_start_objects_are_frozen_at_first_paint_and_collected_again_later(qtbot: Any) -> None:
    gc.disable()
    try:
        app_module.collect_after_start(later_ms=50)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # the first collection does not walk them all at once
        qtbot.waitUntil(lambda: gc.get_freeze_count() == 0)  # a replaced library is still collected
    finally:
        gc.unfreeze()
        gc.enable()


def test_a_closed_window_process_ends_with_its_state_saved(sample_root: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_QUIT_WHEN_SHOWN="1")
    done = subprocess.run(
        [sys.executable, "-m", "guide", "--content", str(sample_root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    state = json.loads((Path(os.environ["GUIDE_CONFIG_DIR"]) / "state.json").read_text(encoding="utf-8"))
    assert state["window_geometry"]  # the window's close saved where it was


def test_a_thread_still_running_gets_the_normal_exit_that_waits_for_it() -> None:
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        with pytest.raises(SystemExit) as ended:
            app_module.end_process(3)
        assert ended.value.code == 3
    finally:
        release.set()
        worker.join()
