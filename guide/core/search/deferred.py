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
from typing import TYPE_CHECKING

from guide.core.models import IndexReport, SearchResults, Suggestion

if TYPE_CHECKING:
    from guide.core.search.engine import SearchIndex

log = logging.getLogger(__name__)


class DeferredIndex:
    """Stands for a :class:`~guide.core.search.engine.SearchIndex` until it is first needed."""

    def __init__(self, roots: Sequence[Path], index_dir: Path | None = None, *, readonly_dir: Path | None = None):
        self.roots = [Path(r) for r in roots]
        self._index_dir = index_dir
        self._readonly_dir = readonly_dir
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    @property
    def made(self) -> bool:
        """True once the real index exists (Whoosh is imported)."""
        return self._index is not None

    def get(self) -> SearchIndex:
        """The real index, made now if it was not yet."""
        with self._lock:
            if self._index is None:
                from guide.core.search.engine import SearchIndex

                self._index = SearchIndex(self.roots, self._index_dir, readonly_dir=self._readonly_dir)
            return self._index

    @property
    def location(self) -> Path:
        return self.get().location

    def update(self, progress: Callable[[int, int], None] | None = None) -> IndexReport:
        return self.get().update(progress=progress)

    def is_current(self) -> bool:
        return self.get().is_current()

    def search(self, query: str, limit: int = 10) -> SearchResults:
        try:
            index = self.get()
        except Exception as exc:  # the index could not even be made: say so, as a search would
            log.exception("search index unavailable")
            return SearchResults(str(query), message=f"Search is not available ({exc}).")
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
