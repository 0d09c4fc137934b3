"""User data survives a crash: a process saving bookmarks or settings in a loop is SIGKILLed at
random moments, again and again. The file must always parse and hold either the version before
or a version after (never a broken, empty or older one), and left-over temporary files must not
pile up: the next start sweeps the stale ones away.

The bookmark loop is also the check for issue 7's "bookmark save interrupted by killing the
process".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.core import atomic
from guide.core.bookmarks import Bookmarks
from guide.core.settings import SettingsStore

KILLS = 30
SIZE = 4000  # ids or roots per version: big enough that a kill often lands inside a save

# One long-lived child imports the guide once, then for each round forks a saver, lets it save
# for a random moment and SIGKILLs it: a kill is as hard as the real thing, but a round costs a
# fork instead of a Python start-up.
ZYGOTE = """
import os, random, signal, sys, time
from pathlib import Path
from guide.core.bookmarks import Bookmarks
from guide.core.settings import SettingsStore

target, kind, rng = Path(sys.argv[1]), sys.argv[2], random.Random(int(sys.argv[3]))


def save_forever(n):
    if kind == "bookmarks":
        bookmarks = Bookmarks(target)  # loads what the killed saver left, as a restart would
        while True:
            n += 1
            bookmarks.ids = ["topic/article-%d-%d" % (n, i) for i in range(SIZE - 1)]
            bookmarks.toggle("last/%d" % n)  # toggle() saves, as the window does
    store = SettingsStore(target, target.with_name("site.json"))
    while True:
        n += 1
        roots = ["/clinic/roots/version-%d/%d" % (n, i) for i in range(SIZE)]
        store.update(clinic_name="article-%d" % n, clinic_contact=str(n), extra_roots=roots)


print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            save_forever(int(line))
        finally:
            os._exit(0)
    time.sleep(rng.uniform(0.002, 0.06))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print("killed", flush=True)
""".replace("SIZE", str(SIZE))


def _bookmark_version(path: Path) -> int:
    """The version a bookmarks file holds; fails unless it is one whole version."""
    ids = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(ids, list) and len(ids) == SIZE, f"{len(ids)} ids"
    last = ids[-1]
    version = int(last.split("/")[1])
    assert ids[:-1] == [f"topic/article-{version}-{i}" for i in range(SIZE - 1)]
    assert Bookmarks(path).ids == ids  # and the program reads it back as it is
    return version


def _settings_version(path: Path) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    version = int(data["clinic_contact"])
    assert data["clinic_name"] == f"article-{version}"
    assert data["extra_roots"] == [f"/clinic/roots/version-{version}/{i}" for i in range(SIZE)]
    settings = SettingsStore(path, path.with_name("site.json")).settings
    assert settings.clinic_contact == str(version) and len(settings.extra_roots) == SIZE
    return version


def _temporaries(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f".{name}.*.tmp"))


def _kill_repeatedly(kind: str, target: Path, read_version: Callable[[Path], int], seed: int) -> tuple[int, int]:
    """Let a saver run and SIGKILL it, KILLS times. Returns (last version, versions written)."""
    version = first = read_version(target)
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(target), kind, str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            zygote.stdin.write(f"{version}\n")
            zygote.stdin.flush()
            assert zygote.stdout.readline().strip() == "killed"
            now = read_version(target)  # parses, whole, and never older than what was there
            assert now >= version
            version = now
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    return version, version - first


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_bookmarks_survive_being_killed_while_saving(tmp_path: Path) -> None:
    target = tmp_path / "bookmarks.json"
    bookmarks = Bookmarks(target)
    bookmarks.ids = [f"topic/article-0-{i}" for i in range(SIZE - 1)] + ["last/0"]
    assert bookmarks.save()
    last, written = _kill_repeatedly("bookmarks", target, _bookmark_version, seed=7)
    assert written > 0  # the loop did save, so the kills could land inside saves
    left = _temporaries(tmp_path, target.name)
    print(f"bookmarks: {KILLS} kills, {written} versions saved, {len(left)} temporary files left")
    assert len(left) <= KILLS  # at most one per killed save
    _age(left)
    assert Bookmarks(target).ids[-1] == f"last/{last}"
    assert _temporaries(tmp_path, target.name) == []  # the next start swept them away


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_settings_survive_being_killed_while_saving(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    store = SettingsStore(target, tmp_path / "site.json")
    roots = [f"/clinic/roots/version-0/{i}" for i in range(SIZE)]
    store.update(clinic_name="article-0", clinic_contact="0", extra_roots=roots)
    last, written = _kill_repeatedly("settings", target, _settings_version, seed=11)
    assert written > 0
    left = _temporaries(tmp_path, target.name)
    print(f"settings: {KILLS} kills, {written} versions saved, {len(left)} temporary files left")
    assert len(left) <= KILLS
    _age(left)
    assert SettingsStore(target, tmp_path / "site.json").settings.clinic_contact == str(last)
    assert _temporaries(tmp_path, target.name) == []


def _age(paths: list[Path], seconds: float = 2 * atomic.STALE_AFTER) -> None:
    """Make left-over files look as old as after a restart some time later."""
    past = time.time() - seconds
    for path in paths:
        os.utime(path, (past, past))


def test_a_fresh_temporary_file_is_left_for_the_process_writing_it(tmp_path: Path) -> None:
    """Another window may be saving right now: only stale temporary files are swept."""
    target = tmp_path / "bookmarks.json"
    Bookmarks(target).toggle("a")
    fresh = tmp_path / ".bookmarks.json.abc123.tmp"
    stale = tmp_path / ".bookmarks.json.def456.tmp"
    fresh.write_text("[", encoding="utf-8")
    stale.write_text("[", encoding="utf-8")
    _age([stale])
    other = tmp_path / ".unrelated.json.xyz.tmp"
    other.write_text("keep", encoding="utf-8")
    _age([other])
    assert Bookmarks(target).ids == ["a"]
    assert fresh.exists() and not stale.exists() and other.exists()
