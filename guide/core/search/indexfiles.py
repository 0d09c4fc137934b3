"""An index folder: where it lives, the files kept beside Whoosh's, and how it is replaced and locked."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from guide.core import atomic, paths
from guide.core.content import FileEntry

META_FILE = "guide-index.json"  # schema, roots, file sizes; the rest is in sidestore.SIDE_FILE


def root_key(root: Path) -> str:
    """How a content root is named in an index: its resolved path, or "<bundled>" for the app's own.

    The one-file app unpacks its content into a new temporary folder at every start; naming
    that root by its path would make a new cache index (and leave the old one) every time.
    """
    resolved = Path(root).resolve()
    return "<bundled>" if resolved == paths.bundled_content().resolve() else str(resolved)


def default_index_dir(roots: Sequence[Path]) -> Path:
    """``<cache>/indexes/<hash of the resolved roots>``: one index per set of roots."""
    joined = "\n".join(root_key(r) for r in roots)
    return paths.cache_dir() / "indexes" / hashlib.sha1(joined.encode()).hexdigest()[:12]


def read_meta(
    folder: Path, schema: int, roots: Callable[[], list[str]], shipped: bool = False
) -> dict[str, Any] | None:
    """The stamped metadata of a complete, unmodified index in ``folder``; None otherwise.

    ``roots`` gives the keys of the roots the index must be of (see :func:`root_key`).
    A ``shipped`` index was built elsewhere: its roots are not compared (the content
    is, by ``SearchIndex._shipped_problem``, with the digests in its side store).
    """
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        if meta.get("schema") != schema:
            return None
        if not shipped and meta.get("roots") != roots():
            return None
        for name, size in (meta["files"] or {}).items():
            if (folder / name).stat().st_size != size:
                return None
        return dict(meta)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def stamps_of(entries: Sequence[FileEntry]) -> dict[str, str]:
    """Article id -> stamp (size and mtime): what an update in place compares."""
    return {e.id: e.stamp for e in entries}


def write_meta(folder: Path, schema: int, roots: list[str], files: dict[str, int] | None) -> None:
    """Write the stamped metadata: after a build it marks the index complete (so it goes last).

    ``files`` (name -> size) lets a cut or replaced file be noticed; None while an update in
    place is under way (a crash then leaves an index whose sizes are not checked, and whose
    articles being changed are redone by the next update: see ``SearchIndex._apply``).
    The articles' stamps and digests are in the side store (:mod:`.sidestore`).
    """
    meta = {"schema": schema, "roots": roots, "files": files}
    atomic.write_text(folder / META_FILE, json.dumps(meta, ensure_ascii=False))


def replace_dir(new: Path, target: Path) -> None:
    """Put the folder ``new`` where ``target`` is, moving the old one aside first."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / "index")
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if needed), so only one process builds at a time.

    Without ``fcntl`` (Windows) there is no lock; builds still go into unique temporary
    folders that are renamed into place, so the worst case is building twice.
    """
    with open(path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
