"""An index folder: where it lives, the files kept beside Whoosh's, and how it is replaced and locked."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from guide.core import atomic, paths
from guide.core.content import FileEntry

META_FILE = "guide-index.json"  # schema, roots, content stamps and digests, file sizes
ARTICLES_FILE = "articles.json"  # id -> [title, aliases], for suggestions and exact matches
VOCAB_FILE = "vocab.txt"  # surface words and counts, for spelling
NAMES_FILE = "names.json"  # exact-title table and name groups, made once (ranking.name_lookups)
ABOUT_FILE = "about.json"  # id -> [source, names mined from the text]: "also in", "also called"


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
    is, by ``SearchIndex._shipped_problem``), but it must carry the digests to compare.
    """
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        if meta.get("schema") != schema:
            return None
        if shipped:
            if not isinstance(meta.get("digests"), dict):
                return None
        elif meta.get("roots") != roots():
            return None
        for name, size in meta["files"].items():
            if (folder / name).stat().st_size != size:
                return None
        return dict(meta)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def stamps_of(entries: Sequence[FileEntry]) -> dict[str, str]:
    """Article id -> stamp (size and mtime): what an update in place compares."""
    return {e.id: e.stamp for e in entries}


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from a side file; anything else is damage (ValueError)."""
    value = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(value, dict):
        raise ValueError(f"{path.name} is not an object")
    return value


def read_vocab(path: Path) -> dict[str, int]:
    """Word -> count from the vocabulary side file."""
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count)
    return counts


def write_side(
    folder: Path,
    schema: int,
    roots: list[str],
    stamps: dict[str, str],
    digests: dict[str, str],
    articles: dict[str, tuple[str, list[str]]],
    counts: Counter[str],
    about: dict[str, tuple[str, list[str]]] | None = None,
    names: dict[str, Any] | None = None,
) -> None:
    """Write the files beside Whoosh's, the stamped metadata last (it marks the index complete).

    ``stamps`` (size and mtime) tell a later update in place what changed; ``digests`` (size
    and hash) let a copy of the index, shipped with the app, be matched to its content.
    """
    atomic.write_text(folder / ARTICLES_FILE, json.dumps(articles, ensure_ascii=False))
    atomic.write_text(folder / ABOUT_FILE, json.dumps(about or {}, ensure_ascii=False))
    atomic.write_text(folder / NAMES_FILE, json.dumps(names or {"exact": {}, "groups": [], "title_words": []}))
    atomic.write_text(folder / VOCAB_FILE, "".join(f"{w} {c}\n" for w, c in sorted(counts.items())))
    files = {
        p.name: p.stat().st_size
        for p in folder.iterdir()
        if p.is_file() and p.name != META_FILE and not p.name.endswith(".lock")  # side files too: a cut one rebuilds
    }
    meta = {"schema": schema, "roots": roots, "files": files, "stamps": stamps, "digests": digests}
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
