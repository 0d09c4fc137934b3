"""Bookmarks: a JSON list of article ids in the data folder, saved atomically."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from guide.core import atomic, paths
from guide.core.i18n import N_

log = logging.getLogger(__name__)


class Bookmarks:
    """An ordered list of bookmarked article ids; a broken file reads as empty, never raises.

    A file that is there but cannot be understood is renamed aside (``problem`` says where),
    so saving a new list never destroys one that might be rescued.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "bookmarks.json"
        self.problem: str | None = None  # a sentence for the user when the file could not be read
        self.ids: list[str] = self._read()
        atomic.sweep_stale(self.path)  # temporary files of a save that was killed

    def _read(self) -> list[str]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except OSError as exc:  # a folder in its place, no permission: nothing to move aside
            log.warning("ignoring unreadable bookmarks file %s: %s", self.path, exc)
            return []
        except (ValueError, RecursionError) as exc:  # RecursionError: "[[[[…" nested too deep
            return self._unreadable(f"not valid JSON ({exc.__class__.__name__})")
        if not isinstance(raw, list):
            return self._unreadable("not a list")
        return [i for i in raw if isinstance(i, str)]

    def _unreadable(self, why: str) -> list[str]:
        where = atomic.keep_aside(self.path)
        sentence = N_("Your bookmarks file could not be read ({why}); {where}, and bookmarking starts afresh.")
        self.problem = sentence.format(why=why, where=where)
        log.warning("bookmarks file %s: %s", self.path, self.problem)
        return []

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.ids

    def toggle(self, article_id: str) -> bool:
        """Add or remove; returns True when the article is now bookmarked."""
        if article_id in self.ids:
            self.ids.remove(article_id)
        else:
            self.ids.append(article_id)
        self.save()
        return article_id in self.ids

    def remove(self, article_id: str) -> None:
        if article_id in self.ids:
            self.ids.remove(article_id)
            self.save()

    def save(self) -> bool:
        try:
            atomic.write_json(self.path, self.ids)
        except OSError as exc:
            log.warning("could not save bookmarks to %s: %s", self.path, exc)
            return False
        return True
