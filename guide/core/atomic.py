"""Crash-safe file writes: a power cut leaves either the old file or the new one."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from guide.core.i18n import N_

STALE_AFTER = 60.0  # seconds: a temporary file this old belongs to a save that was killed


def write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, value: Any) -> None:
    write_text(path, json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def sweep_stale(path: Path, older_than: float = STALE_AFTER) -> int:
    """Remove temporary files a killed save of ``path`` left behind; returns how many.

    Only files older than ``older_than`` seconds go: a younger one may be another
    process's save in progress. Never raises.
    """
    path = Path(path)
    removed = 0
    cutoff = time.time() - older_than
    try:
        for tmp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
    except OSError:
        pass
    return removed


def keep_aside(path: Path) -> str:
    """Rename a file that cannot be read to ``NAME.unreadable-YYYYmmdd-HHMMSS`` beside it, so the
    next save does not overwrite what may still be rescued by hand; says where it went."""
    path = Path(path)
    kept = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, kept)
    except OSError:
        return N_("it could not be moved aside")
    return N_("it was kept as {name}").format(name=kept.name)


def glob_escape(name: str) -> str:
    """``name`` with glob wildcards made literal."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def _sync_dir(folder: Path) -> None:
    """Flush the rename itself (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
