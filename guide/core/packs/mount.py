"""Installed packs beside the plain content roots: one library and one search over all of them.

A pack's library comes from its catalog (no article file is parsed) and its search from
the index it ships (used in place, never rebuilt). The bundled guide is a pack too in the
built app (``paths.bundled_pack()``): its catalog is used the same way, while its index stays
the shipped index of the plain roots, so adding a clinic folder still builds one combined
index in the cache as before.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from guide.core import catalog, paths
from guide.core.content import Library
from guide.core.i18n import N_
from guide.core.models import Problem

if TYPE_CHECKING:
    from guide.core.packs.store import InstalledPack

log = logging.getLogger(__name__)


def site_packs_dir() -> str:
    """The site file's ``packs_dir`` ("" when it sets none), read without touching user files."""
    from guide.core.settings import SITE_KEYS, _read

    value = _read(paths.site_config_file(), SITE_KEYS).get("packs_dir", "")
    return value if isinstance(value, str) else ""


def installed_packs() -> list[InstalledPack]:
    """The installed packs; with none installed (the packs folders missing or empty) the pack store,
    with its archive and signature modules, is not imported at all (a window start saves that)."""
    site = site_packs_dir()
    if not any(_has_entries(folder) for folder in (paths.user_packs_dir(), paths.system_packs_dir(site))):
        return []
    from guide.core.packs.store import all_installed

    return all_installed(site)


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(not entry.name.startswith(".") for entry in entries)
    except OSError:  # missing, or not a folder
        return False


def load_library(
    roots: Sequence[Path],
    packs: Sequence[InstalledPack],
    progress: Callable[[int, int], None] | None = None,
    cached: Mapping[Path, catalog.Catalog] | None = None,
) -> Library:
    """The plain roots (parsed, or from the bundled pack's catalog, or from ``cached`` catalogs of
    plain roots: see :mod:`guide.core.catalog_cache`) and every pack (from its catalog)."""
    catalogs: dict[Path, catalog.Catalog] = dict(cached or {})
    problems: list[Problem] = []
    bundled = paths.bundled_pack()
    if bundled is not None and any(Path(r).absolute() == (bundled / "content").absolute() for r in roots):
        try:
            catalogs[bundled / "content"] = catalog.read(bundled / "catalog.json", bundled / "content")
        except catalog.CatalogError as exc:
            log.warning("%s", exc)  # the articles are parsed instead
    for pack in packs:
        try:
            catalogs[pack.content] = catalog.read(pack.catalog, pack.content)
        except catalog.CatalogError as exc:
            message = N_("{error}; the pack's articles were read one by one").format(error=exc)
            problems.append(Problem(pack.catalog, 0, message, "warning"))
    library = catalog.load_library([*roots, *(p.content for p in packs)], catalogs, progress)
    library.problems.extend(problems)
    return library


def open_index(
    roots: Sequence[Path],
    packs: Sequence[InstalledPack],
    index_dir: Path | None = None,
    readonly_dir: Path | None = None,
    source_of: Callable[[str], str] | None = None,
    language: str = "en",
) -> object:
    """A search over the plain roots and every pack: a :class:`SearchIndex` when there are no packs,
    else a :class:`~guide.core.search.combined.CombinedIndex` (same interface). Queries are analysed
    in ``language`` (the interface's) first."""
    from guide.core.search import SearchIndex
    from guide.core.search.combined import CombinedIndex

    plain = SearchIndex(roots, index_dir, readonly_dir=readonly_dir, language=language)
    if not packs:
        return plain
    parts = [(plain, "")] if roots else []
    parts += [
        (SearchIndex([p.content], readonly_dir=p.index, trusted=True, language=language), p.manifest.title)
        for p in packs
    ]
    return CombinedIndex(parts, source_of)
