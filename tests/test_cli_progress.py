"""`guide index` and `guide check` show progress on a terminal, and only their closing count otherwise."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def _run(args: list[str], tty: bool) -> tuple[str, str]:
    """Standard output and standard error of ``guide ARGS``, with standard error on a terminal or a pipe."""
    command = [sys.executable, "-m", "guide", *args]
    if not tty:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        return done.stdout, done.stderr
    master, slave = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        err += chunk
    out = process.communicate(timeout=120)[0]
    os.close(master)
    return out, err.decode("utf-8", "replace")


def test_index_on_a_terminal_shows_progress(sample_root: Path, tmp_path: Path) -> None:
    out, err = _run(["index", "--content", str(sample_root), "--index-dir", str(tmp_path / "ix")], tty=True)
    assert "Indexing" in err and "100%" in err
    assert "Index rebuilt" in out


def test_index_to_a_pipe_prints_only_the_count(sample_root: Path, tmp_path: Path) -> None:
    out, err = _run(["index", "--content", str(sample_root), "--index-dir", str(tmp_path / "ix")], tty=False)
    assert "\r" not in err and "Indexing" not in err
    assert "added" in out.splitlines()[-1]


def test_check_on_a_terminal_shows_progress_of_reading_and_links(sample_root: Path) -> None:
    _, err = _run(["check", "--content", str(sample_root)], tty=True)
    assert "Checking links" in err and "100%" in err
    assert "articles checked" in err
