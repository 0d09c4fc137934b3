"""Full-text search: the index (:mod:`.engine`, the one module that imports Whoosh), query
parsing (:mod:`.query`), the plan and ranking on plain values (:mod:`.ranking`), spelling
(:mod:`.spelling`), the thesaurus (:mod:`.thesaurus`) and the index folder's side files
(:mod:`.indexfiles`). The rest of the program sees :class:`SearchIndex` and plain values.

``SearchIndex`` is imported lazily, so that ``from guide.core.search.query import …``
does not import Whoosh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from guide.core.search.engine import SearchIndex

__all__ = ["SearchIndex"]


def __getattr__(name: str) -> Any:
    if name == "SearchIndex":
        from guide.core.search.engine import SearchIndex

        return SearchIndex
    raise AttributeError(name)
