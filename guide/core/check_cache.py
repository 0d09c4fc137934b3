"""Results of the content check kept between starts, per article, keyed by the stamps of its files.

The window checks every article's links and images after each start (it renders every
article: about 8 s of CPU for MedQuAD's 5,487). For an article whose file, and every file its
links and images were checked against (pictures, linked articles and folders, also those that
were missing), has the same size and mtime as when it was checked, the problems found then are
used again; only the others are rendered. An unchanged library costs one ``stat`` per file.

``<cache>/checks/<hash of the roots>.json``: ``{"version": 1, "articles": {ID: {"files":
[[PATH, SIZE, MTIME_NS], ...], "problems": [[PATH, LINE, MESSAGE, SEVERITY], ...]}}}``; a
missing file has size and mtime -1. A damaged or foreign cache file is ignored (everything is
checked, as without a cache). Hand-written: a few lines of ``json`` and ``os.stat``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from guide.core import atomic
from guide.core.models import Article, Problem

log = logging.getLogger(__name__)

VERSION = 1
MISSING = (-1, -1)


def cache_file(folder: Path, roots: Sequence[Path]) -> Path:
    """One cache file per set of content roots (problems name their files, and links resolve among roots)."""
    key = "\n".join(str(Path(r).absolute()) for r in roots)
    return Path(folder) / f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}.json"


def stamp(path: Path | str) -> tuple[int, int]:
    """(size, mtime_ns) of a file or folder, or :data:`MISSING`."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return MISSING
    return found.st_size, found.st_mtime_ns


class CheckCache:
    """The check results of one set of roots: :meth:`get` what is still valid, :meth:`put` new ones, :meth:`save`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._entries: dict[str, Any] = {}
        self._changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("%s: content check cache cannot be read (%s); every article is checked", self.path, exc)
            return
        if isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("articles"), dict):
            self._entries = data["articles"]

    def get(self, article: Article) -> list[Problem] | None:
        """The problems found last time, if the article and every file it was checked against are unchanged."""
        entry = self._entries.get(article.id)
        if not isinstance(entry, dict):
            return None
        try:
            for path, size, mtime in entry["files"]:
                if stamp(path) != (size, mtime):
                    return None
            return [
                Problem(Path(path), int(line), str(message), "warning" if severity == "warning" else "error")
                for path, line, message, severity in entry["problems"]
            ]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, article: Article, problems: Iterable[Problem], files: Iterable[Path]) -> None:
        """Keep what checking the article found, with the stamps its files have now."""
        paths = sorted({str(article.path), *map(str, files)})
        self._entries[article.id] = {
            "files": [[p, *stamp(p)] for p in paths],
            "problems": [[str(p.path), p.line, p.message, p.severity] for p in problems],
        }
        self._changed = True

    def keep_only(self, ids: set[str]) -> None:
        """Forget the articles that are no longer in the library."""
        gone = [i for i in self._entries if i not in ids]
        for article_id in gone:
            del self._entries[article_id]
        self._changed = self._changed or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed (a read-only cache folder only logs a warning)."""
        if not self._changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"version": VERSION, "articles": self._entries}
            atomic.write_text(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            self._changed = False
        except OSError as exc:
            log.warning("cannot save the content check cache %s: %s", self.path, exc)
