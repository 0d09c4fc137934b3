"""Catalogs of plain content folders, cached in the user's cache folder.

A large folder of articles takes seconds to parse at every start (MedQuAD's 5,487 front
matters: about a second; ten times that: ten). The window instead reads the folder's
:mod:`catalog <guide.core.catalog>` (the format packs ship, one format for both) from
``<cache>/catalogs/``, shows it at once, and then, in the background, checks it against the
files with :func:`refresh`: only files whose size or mtime changed are parsed again, and
the window is told when anything differs, so it shows the new tree.

At a start the search index checks the same files; :class:`SharedScan` makes that one scan of
each root, for both (the catalog check here, the index's update in :mod:`guide.app`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from guide.core import catalog, paths
from guide.core.catalog import Catalog, CatalogError
from guide.core.content import ARTICLE_SUFFIX, INDEX_NAME, FileEntry, parse_article, scan
from guide.core.models import Article, Problem, Topic

log = logging.getLogger(__name__)


def cache_file(root: Path) -> Path:
    """``<cache>/catalogs/<hash of the resolved root>.json``: one catalog per content folder."""
    key = hashlib.sha1(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return paths.cache_dir() / "catalogs" / f"{key}.json"


def read_cached(roots: Sequence[Path]) -> dict[Path, Catalog]:
    """The cached catalog of each root that has one that can be read (others are parsed as usual)."""
    found: dict[Path, Catalog] = {}
    for root in roots:
        path = cache_file(root)
        if not path.is_file():
            continue
        try:
            found[Path(root).absolute()] = catalog.read(path, root)
        except CatalogError as exc:
            log.warning("%s; the folder is read file by file", exc)
    return found


def refresh(
    root: Path,
    cached: Catalog | None,
    progress: Callable[[int, int], None] | None = None,
    scanned: tuple[list[FileEntry], list[Problem]] | None = None,
) -> tuple[Catalog, bool]:
    """Check ``cached`` (None: there is none yet) against the files under ``root`` and save the result.

    Returns the up-to-date catalog and whether it differs from ``cached`` (a new cache is not
    a difference: the library shown then was parsed from the files themselves). Only articles
    whose size or mtime changed, and new ones, are parsed; topic pages are read again (few).
    ``scanned``: ``content.scan([root])`` made already (:class:`SharedScan`), used instead of a scan.
    """
    root = Path(root).absolute()
    if cached is None:
        built = catalog.build(root, progress)
        fresh = replace(built, topics=_topics(root, built.articles, []))  # its problems were reported by build
        _save(fresh)
        return fresh, False
    entries, scan_problems = scanned if scanned is not None else scan([root])
    old = {a.id: a for a in cached.articles}
    articles: list[Article] = []
    problems: list[Problem] = list(scan_problems)
    kept: set[str] = set()
    changed = False
    for done, entry in enumerate(entries, start=1):
        previous = old.get(entry.id)
        if previous is not None and cached.stamps.get(entry.id) == (entry.size, entry.mtime_ns):
            articles.append(previous)  # its record is not read (a version-2 catalog reads records when asked)
            kept.add(entry.id)
        else:
            article, found = parse_article(root, entry.path, entry.id)
            articles.append(article)
            problems.extend(found)
            changed = True
        if progress is not None and (done % 1000 == 0 or done == len(entries)):
            progress(done, len(entries))
    if len(articles) != len(old):
        changed = True  # articles were removed (or added: already counted)
    kept_paths = {root / f"{i}{ARTICLE_SUFFIX}" for i in {_article_id(root, p.path) for p in cached.problems} & kept}
    problems.extend(p for p in cached.problems if p.path in kept_paths)  # an unchanged file's own problems
    topic_problems: list[Problem] = []
    topics = _topics(root, articles, topic_problems)
    problems.extend(topic_problems)
    if topics != cached.topics:
        changed = True
    stamps = {e.id: (e.size, e.mtime_ns) for e in entries}
    fresh = Catalog(root, tuple(articles), topics, tuple(problems), stamps)
    if changed or stamps != dict(cached.stamps) or cached.folders is None:  # None: a version-1 file, rewritten
        _save(fresh)
    return fresh, changed


class SharedScan:
    """One :func:`~guide.core.content.scan` of each content root, shared by the checks a start makes.

    At a start the catalog check (:func:`refresh`) and the search index's update both look at
    every file's size and mtime (0.5-1 s for 54,870 articles); with this, the first to ask
    scans a root and the other takes the same entries. Thread-safe: a caller that finds a scan
    under way waits for that scan (which is running), never for a task that has not started.
    The entries are of one moment: only the start's own checks use them (:mod:`guide.app`).
    """

    def __init__(self, roots: Sequence[Path]) -> None:
        self.roots = [Path(r).absolute() for r in roots]
        self._found: dict[Path, tuple[list[FileEntry], list[Problem]]] = {}
        self._lock = threading.Lock()

    def of(self, root: Path) -> tuple[list[FileEntry], list[Problem]]:
        """``scan([root])``: made on the first call, the same entries afterwards."""
        root = Path(root).absolute()
        with self._lock:
            if root not in self._found:
                self._found[root] = scan([root])
            return self._found[root]

    def entries(self, roots: Sequence[Path]) -> list[FileEntry] | None:
        """The entries ``scan(roots)`` gives (the first root wins an id), made of each root's own
        scan; None when one of ``roots`` is not one of this scan's (it has to be scanned itself)."""
        wanted = [Path(r).absolute() for r in roots]
        if not wanted or any(r not in self.roots for r in wanted):
            return None
        seen: set[str] = set()
        found: list[FileEntry] = []
        for root in wanted:
            for entry in self.of(root)[0]:
                if entry.id not in seen:
                    seen.add(entry.id)
                    found.append(entry)
        return found


def _article_id(root: Path, path: Path) -> str:
    """The id of the article file ``path`` under ``root`` ("" for any other file)."""
    try:
        rel = Path(path).relative_to(root).as_posix()
    except ValueError:
        return ""
    return rel[: -len(ARTICLE_SUFFIX)] if rel.endswith(ARTICLE_SUFFIX) else ""


def _topics(root: Path, articles: Sequence[Article], problems: list[Problem]) -> tuple[Topic, ...]:
    """The topic of every folder holding articles or a topic page (an empty topic a window still
    shows, such as the clinic's before its first article), read as :func:`catalog.build` reads them."""
    folders = {""}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        if INDEX_NAME in files and folder != str(root):
            folders.add(Path(folder).relative_to(root).as_posix())
    for article in articles:
        parent = article.topic_id
        while parent and parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    return tuple(catalog._topic_info(root, topic_id, problems) for topic_id in sorted(folders))


def _save(fresh: Catalog) -> None:
    path = cache_file(fresh.root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog.write(fresh, path)
    except OSError as exc:  # a read-only cache: the folder is parsed at every start, as before
        log.warning("cannot save the catalog of %s at %s: %s", fresh.root, path, exc)
