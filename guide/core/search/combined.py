"""Several search indexes searched as one: the plain content roots' index and each pack's own.

A pack ships its index, built when the pack was made; it is used in place, read-only,
so installing a 5,000-article pack needs no indexing and a start opens it in milliseconds.
A query runs on each index and the hits are merged by score (BM25F scores of different
indexes are close enough to interleave: each is normalised by its own collection), each
hit naming where it comes from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from guide.core.i18n import N_
from guide.core.models import IndexReport, SearchResults, Suggestion
from guide.core.search.engine import SearchIndex


class CombinedIndex:
    """The :class:`SearchIndex` interface over several indexes, each with a source name for its hits."""

    def __init__(self, parts: Sequence[tuple[SearchIndex, str]], source_of: Callable[[str], str] | None = None):
        self.parts = list(parts)
        self.source_of = source_of  # article id -> source name (Library.source_of), else each part's name

    @property
    def procs(self) -> int:
        return self.parts[0][0].procs if self.parts else 1

    @procs.setter
    def procs(self, value: int) -> None:
        for index, _ in self.parts:
            index.procs = value

    @property
    def location(self) -> Path:
        return self.parts[0][0].location

    def is_current(self) -> bool:
        return all(index.is_current() for index, _ in self.parts)

    def update(
        self, progress: Callable[[int, int], None] | None = None, files: Sequence[Path] | None = None
    ) -> IndexReport:
        """Update each index (a pack's only opens); the report is the first's, with every note.
        ``files``: the only files that may have changed (each index looks at those in its roots).

        A pack whose index cannot be opened is left out of searches with a note; the others work.
        """
        reports, failed = [], []
        for index, name in self.parts:
            try:
                reports.append(index.update(progress=progress, files=files))
            except OSError as exc:
                if not name:  # the plain roots' index: as without packs, the caller reports it
                    raise
                failed.append(
                    N_("the search index of {name} cannot be used ({error}); it is left out of searches").format(
                        name=name, error=exc
                    )
                )
        if not reports:
            return IndexReport(notes=tuple(failed))
        notes = tuple(n for r in reports for n in r.notes) + tuple(failed)
        first = reports[0]
        return dataclasses.replace(
            first,
            unchanged=sum(r.unchanged for r in reports),
            seconds=sum(r.seconds for r in reports),
            notes=notes,
        )

    def search(self, query: str, limit: int = 10) -> SearchResults:
        results = [(index.search(query, limit), name) for index, name in self.parts]
        if len(results) == 1 and self.source_of is None:
            return results[0][0]
        hits = []
        for found, name in results:
            for hit in found.hits:
                source = self.source_of(hit.id) if self.source_of is not None else name
                hits.append(dataclasses.replace(hit, source=source or name))
        hits.sort(key=lambda h: -h.score)
        with_hits = [found for found, _ in results if found.hits]
        corrected = with_hits[0].corrected if with_hits and all(f.corrected for f in with_hits) else None
        message = None if hits else next((f.message for f, _ in results if f.message), None)
        waiting = not hits and any(f.waiting for f, _ in results)
        return SearchResults(query, tuple(hits[:limit]), corrected, message, waiting)

    def warm(self) -> bool:
        """Open every index now (:meth:`SearchIndex.warm`); True when one of them is open."""
        return any([index.warm() for index, _ in self.parts])

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        merged: list[Suggestion] = []
        seen: set[str] = set()
        lists = [index.suggest(text, limit) for index, _ in self.parts]
        for rank in range(limit):  # take each index's best first, then their second best, …
            for found in lists:
                if rank < len(found) and found[rank].id not in seen:
                    seen.add(found[rank].id)
                    merged.append(found[rank])
        return merged[:limit]

    def close(self) -> None:
        for index, _ in self.parts:
            index.close()
