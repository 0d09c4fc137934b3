"""The window's search index at a start, whose full check of the files takes the start's one scan.

At a start the window updates its index (``MainWindow.start_indexing``) while the catalog check
(``guide.app.check_catalogs``) compares the cached catalogs with the files: both looked at the
size and mtime of every file (0.5-1 s each for 54,870 articles, at the same time). Here the
index's first full update, and the one that follows when the check shows the library anew with
this same index, take the scan the catalog check makes (:class:`SharedScan`: whoever asks first
makes it, the other waits for it) instead of scanning again.

How it is decided: such an update is ``SearchIndex.update(scanned=…)``, the full update without
its own scan. It compares every stamp the index holds with the scanned ones, so a file changed,
added or removed while the window was closed (or by another program) is re-indexed, removed or
added exactly as a full update would; an index stale in schema is rebuilt, one a crash left
part-way redoes its unfinished articles, and one that missed changes the catalog already took in
(the window closed before its index update ended) catches up: nothing rests on the catalog's
history, only on its scan. (Handing over only the paths the catalog saw change would save the
stamp comparison, ~0.1 s at 54,870 articles, but would miss that last case.)
The index scans for itself when one of its roots is not one the check covers (the built app's
own guide, whose catalog ships with it), when it is not one plain index (packs installed), and
for every later full update: the shared scan is of the start's moment only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from guide.core.catalog_cache import SharedScan
from guide.core.models import IndexReport
from guide.core.search.deferred import DeferredIndex, Index


class StartIndex(DeferredIndex):
    """A :class:`DeferredIndex` whose start-up full updates take ``shared`` (see the module's text)."""

    def __init__(self, make: Callable[[], Index], shared: SharedScan) -> None:
        super().__init__(make)
        self.shared = shared
        self._lent = 1  # full updates still to take the shared scan: the start's own
        self._lent_lock = threading.Lock()

    def lend(self) -> None:
        """The next full update takes the shared scan too (the catalog check shows the library anew
        with this index, and the window updates it again)."""
        with self._lent_lock:
            self._lent += 1

    def update(
        self, progress: Callable[[int, int], None] | None = None, files: Sequence[Path] | None = None
    ) -> IndexReport:
        if files is None:
            with self._lent_lock:
                lent = self._lent > 0
                self._lent = max(self._lent - 1, 0)
            if lent:
                from guide.core.search.engine import SearchIndex

                index = self.get()
                entries = self.shared.entries(index.roots) if isinstance(index, SearchIndex) else None
                if isinstance(index, SearchIndex) and entries is not None:
                    return index.update(progress=progress, scanned=entries)
        return super().update(progress=progress, files=files)
