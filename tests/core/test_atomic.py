"""Crash-safe writes: killing a writer at any moment leaves the old or the new file."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from guide.core import atomic

WRITER = """
import sys
from pathlib import Path
from guide.core import atomic
target = Path(sys.argv[1])
big = ["bookmark %d " % i + "x" * 200 for i in range(3000)]
print("ready", flush=True)
n = 0
while True:
    n += 1
    atomic.write_json(target, {"version": n, "items": big})
"""


def test_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "data.json"
    atomic.write_json(target, {"a": 1})
    atomic.write_json(target, {"a": 2})
    assert json.loads(target.read_text()) == {"a": 2}
    assert [p.name for p in target.parent.iterdir()] == ["data.json"]  # no temporary files left


def test_killed_writer_never_leaves_a_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "bookmarks.json"
    atomic.write_json(target, {"version": 0, "items": []})
    rng = random.Random(1234)
    for _ in range(15):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = json.loads(target.read_text())  # must parse: old or new, never half
        assert isinstance(data["version"], int)
        assert data["version"] == 0 or len(data["items"]) == 3000
