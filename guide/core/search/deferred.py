"""A search index made on first use, so that opening the window imports no Whoosh.

The window is shown first; the index (Whoosh, the thesaurus, the speller) is made by the
first call, which the window makes from its background indexing task. A search typed
before then waits for it on that task's lock, in the search's own background thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from guide.core.i18n import N_
from guide.core.models import IndexReport, SearchResults, Suggestion

log = logging.getLogger(__name__)


class Index(Protocol):
    """What the window asks of a search index (:class:`SearchIndex`, or several combined)."""

    @property
    def location(self) -> Path: ...
    def update(
        self, progress: Callable[[int, int], None] | None = None, files: Sequence[Path] | None = None
    ) -> IndexReport: ...
    def is_current(self) -> bool: ...
    def search(self, query: str, limit: int = 10) -> SearchResults: ...
    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]: ...
    def close(self) -> None: ...


class DeferredIndex:
    """Stands for a search index until it is first needed; ``make`` makes it (and imports Whoosh)."""

    def __init__(self, make: Callable[[], Index]):
        self._make = make
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def made(self) -> bool:
        """True once the real index exists (Whoosh is imported)."""
        return self._index is not None

    def get(self) -> Index:
        """The real index, made now if it was not yet."""
        with self._lock:
            if self._index is None:
                self._index = self._make()
            return self._index

    @property
    def location(self) -> Path:
        return self.get().location

    def update(
        self, progress: Callable[[int, int], None] | None = None, files: Sequence[Path] | None = None
    ) -> IndexReport:
        return self.get().update(progress=progress, files=files)

    def is_current(self) -> bool:
        return self.get().is_current()

    def search(self, query: str, limit: int = 10) -> SearchResults:
        try:
            index = self.get()
        except Exception as exc:  # the index could not even be made: say so, as a search would
            log.exception("search index unavailable")
            return SearchResults(str(query), message=N_("Search is not available ({error}).").format(error=exc))
        return index.search(query, limit)

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        try:
            return self.get().suggest(text, limit)
        except Exception:
            log.exception("search index unavailable")
            return []

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
