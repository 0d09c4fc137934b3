"""Recently read articles: the last few article ids opened, newest first, in the data folder."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from guide.core import atomic, paths

log = logging.getLogger(__name__)

KEEP = 8  # how many the welcome page lists


class RecentArticles:
    """The ids of the articles read last, newest first. Only a convenience: a file that cannot
    be read starts the list afresh (with a log line), and one that cannot be saved is skipped."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "recent.json"
        self.ids: list[str] = self._read()
        self._saved = list(self.ids)

    def _read(self) -> list[str]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("ignoring recently read list %s: %s", self.path, exc)
            return []
        return [i for i in raw if isinstance(i, str)][:KEEP] if isinstance(raw, list) else []

    def add(self, article_id: str) -> None:
        """Put the article first (in memory: :meth:`save` writes the list when the window closes,
        rather than a flushed file for every article opened)."""
        self.ids = [article_id, *(i for i in self.ids if i != article_id)][:KEEP]

    def save(self) -> None:
        if self.ids == self._saved:
            return
        self._saved = list(self.ids)
        try:
            atomic.write_json(self.path, self.ids)
        except OSError as exc:
            log.warning("could not save the recently read list to %s: %s", self.path, exc)
