"""A catalog: one content root's parsed front matter and topic tree, kept as JSON.

Loading a library parses every article's front matter; for 5,000 articles that is most
of a start. A catalog stores what parsing found (the :class:`Article` and :class:`Topic`
values, the problems, and each file's size and mtime), so a :class:`Library` is built
from it without opening one article file. Packs ship one (``catalog.json``); a cache of
catalogs for big plain folders can use the same format and :func:`stale` to re-parse
only the files that changed. The format is documented in README ("The catalog format").

Paths are stored relative to the root, "/"-separated, so a catalog moves with its files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guide.core.content import INDEX_NAME, Library, humanize, parse_article, read_file, scan, split_front_matter
from guide.core.content import _Fields as Fields
from guide.core.i18n import N_
from guide.core.memory import collector_paused
from guide.core.models import Article, Problem, Topic

FORMAT = "health-guide-catalog"
VERSION = 2  # what :func:`write` writes (guide.core.catalog_file); version 1 (one JSON object) is still read


class CatalogError(Exception):
    """A catalog file that cannot be used (missing, damaged, another format or version)."""


@dataclass(frozen=True)
class Catalog:
    """Everything a library needs from one content root, without the article bodies."""

    root: Path
    articles: tuple[Article, ...]
    topics: tuple[Topic, ...]  # one per folder holding articles (children/articles left empty)
    problems: tuple[Problem, ...]
    stamps: Mapping[str, tuple[int, int]]  # article id -> (size, mtime_ns) when parsed
    folders: Mapping[str, tuple[Article, ...]] | None = None  # each folder's articles in sibling order, if known

    def with_topic_title(self, topic_id: str, title: str) -> Catalog:
        """The same catalog with one topic renamed (a pack names its top topic after itself)."""
        topics = tuple(replace(t, title=title) if t.id == topic_id else t for t in self.topics)
        return replace(self, topics=topics)


def build(root: Path, progress: Callable[[int, int], None] | None = None) -> Catalog:
    """Parse every article and topic page under ``root``, as :func:`load_library` would."""
    root = Path(root).absolute()
    entries, problems = scan([root])
    articles: list[Article] = []
    for done, entry in enumerate(entries, start=1):
        article, found = parse_article(root, entry.path, entry.id)
        articles.append(article)
        problems.extend(found)
        if progress is not None and (done % 200 == 0 or done == len(entries)):
            progress(done, len(entries))
    folders = {""}
    for article in articles:
        parent = article.topic_id
        while parent and parent not in folders:
            folders.add(parent)
            parent = parent.rpartition("/")[0]
    topics = [_topic_info(root, topic_id, problems) for topic_id in sorted(folders)]
    stamps = {e.id: (e.size, e.mtime_ns) for e in entries}
    return Catalog(root, tuple(articles), tuple(topics), tuple(problems), stamps)


def _topic_info(root: Path, topic_id: str, problems: list[Problem]) -> Topic:
    """A topic's own values: from its index.md when there is one (problems reported), else its folder name."""
    path = root / topic_id / INDEX_NAME if topic_id else root / INDEX_NAME
    fallback = humanize(topic_id.rpartition("/")[2]) or "Contents"
    if not path.is_file():
        return Topic(id=topic_id, title=fallback, root=root)
    text, found = read_file(path)
    parsed = split_front_matter(path, text)
    fields = Fields(path, text, parsed.meta)
    title = fields.text_field("title")
    fields.language_field("en")  # an unknown language code is a warning here too
    topic = Topic(
        id=topic_id,
        title=title or fallback,
        summary=fields.text_field("summary"),
        order=fields.int_field("order"),
        intro=parsed.body,
        index_path=path,
        root=root,
    )
    problems.extend(found + list(parsed.problems) + fields.problems)
    return topic


# -- the file --------------------------------------------------------------------------------
def to_json(catalog: Catalog) -> dict[str, Any]:
    """The catalog as a JSON-ready object in the format's version 1 (see README for each field).

    :func:`write` writes version 2 (:mod:`guide.core.catalog_file`), whose article records are these same objects.
    """
    root = catalog.root

    def rel(path: Path | None) -> str | None:
        return None if path is None else path.relative_to(root).as_posix()

    articles = [record(a, catalog.stamps.get(a.id, (0, 0))) for a in catalog.articles]
    topics = [
        {
            "id": t.id,
            "title": t.title,
            "summary": t.summary,
            "order": t.order,
            "intro": t.intro,
            "index_path": rel(t.index_path),
        }
        for t in catalog.topics
    ]
    problems = [
        {"path": _rel_problem(root, p.path), "line": p.line, "message": p.message, "severity": p.severity}
        for p in catalog.problems
    ]
    return {"format": FORMAT, "version": 1, "articles": articles, "topics": topics, "problems": problems}


def record(a: Article, stamp: tuple[int, int]) -> dict[str, Any]:
    """One article's record, as versions 1 and 2 of the format store it."""
    return {
        "id": a.id,
        "path": a.path.relative_to(a.root).as_posix(),
        "size": stamp[0],
        "mtime_ns": stamp[1],
        "title": a.title,
        "summary": a.summary,
        "tags": list(a.tags),
        "aliases": list(a.aliases),
        "reviewed": a.reviewed.isoformat() if a.reviewed else None,
        "review_due": a.review_due.isoformat() if a.review_due else None,
        "reviewed_by": a.reviewed_by,
        "sources": list(a.sources),
        "language": a.language,
        "order": a.order,
        "body_line": a.body_line,
        "translation_of": a.translation_of,
        "translation_reviewed": a.translation_reviewed,
    }


def _rel_problem(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return "."


def write(catalog: Catalog, path: Path) -> None:
    """Write the catalog atomically in the format's version 2 (a crash leaves the old file or the new one)."""
    from guide.core import catalog_file

    catalog_file.write(catalog, path)


def read(path: Path, root: Path) -> Catalog:
    """Read a catalog written by :func:`write` (or a version-1 file), for the files now under ``root``.

    A version-2 file's head is read now and its article records when first needed
    (:mod:`guide.core.catalog_file`). Raises :class:`CatalogError` with a sentence naming
    the file when it cannot be used.
    """
    from guide.core import catalog_file

    try:
        with open(path, "rb") as handle:
            first = handle.readline()
            more = bool(handle.read(1))
        with collector_paused():
            head = json.loads(first)
    except OSError as exc:
        raise CatalogError(f"{path}: catalog cannot be read ({exc.__class__.__name__}: {exc})") from exc
    except (ValueError, RecursionError):
        head = None  # not a whole object on its first line: version 1 written over several lines, or damage
    if isinstance(head, dict) and head.get("format") == FORMAT and head.get("version") == catalog_file.VERSION:
        try:
            return catalog_file.read(path, root, head, len(first))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise CatalogError(f"{path}: catalog is damaged ({exc.__class__.__name__}: {exc})") from exc
    if isinstance(head, dict) and (not more or head.get("version") != 1):
        data = head  # version 1 on one line as write() made it, or a later version (refused below by name)
    else:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            raise CatalogError(f"{path}: catalog cannot be read ({exc.__class__.__name__}: {exc})") from exc
    try:
        return from_json(data, root)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CatalogError(f"{path}: catalog is damaged ({exc.__class__.__name__}: {exc})") from exc


def from_json(data: Any, root: Path) -> Catalog:
    """The catalog of a version-1 JSON object (:func:`to_json`); wrong shapes raise ValueError/KeyError/TypeError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a health-guide catalog")
    if data.get("version") != 1:
        raise ValueError(f"catalog version {data.get('version')!r}; this app reads versions 1 and {VERSION}")
    root = Path(root).absolute()
    articles: list[Article] = []
    stamps: dict[str, tuple[int, int]] = {}
    folders: dict[str, Path] = {}  # each folder's Path made once: 55,000 articles spent a second in pathlib
    for item in data["articles"]:
        path = _inside(root, item["path"], folders)
        articles.append(Article(id=_text(item["id"]), path=path, root=root, **record_values(item)))
        stamps[articles[-1].id] = (int(item.get("size", 0)), int(item.get("mtime_ns", 0)))
    topics = []
    for item in data["topics"]:
        index = item.get("index_path")
        topics.append(
            Topic(
                id=_text(item["id"]),
                title=_text(item["title"]),
                summary=_text(item.get("summary", "")),
                order=_int(item.get("order")),
                intro=_text(item.get("intro", "")),
                index_path=_inside(root, index) if index else None,
                root=root,
            )
        )
    problems = tuple(
        Problem(
            root / _text(p["path"]),
            int(p["line"]),
            _text(p["message"]),
            "warning" if p.get("severity") == "warning" else "error",
        )
        for p in data.get("problems", [])
    )
    return Catalog(root, tuple(articles), tuple(topics), problems, stamps)


def record_values(item: Mapping[str, Any]) -> dict[str, Any]:
    """An article record's fields (all but id, path and root), checked; wrong shapes raise TypeError/ValueError."""
    return {
        "title": _text(item["title"]),
        "summary": _text(item.get("summary", "")),
        "tags": _texts(item.get("tags", [])),
        "aliases": _texts(item.get("aliases", [])),
        "reviewed": _date(item.get("reviewed")),
        "review_due": _date(item.get("review_due")),
        "reviewed_by": _text(item.get("reviewed_by", "")),
        "sources": _texts(item.get("sources", [])),
        "language": _text(item.get("language", "en")),
        "order": _int(item.get("order")),
        "body_line": _int(item.get("body_line")) or 1,
        "translation_of": _text(item.get("translation_of", "")),
        "translation_reviewed": _bool(item.get("translation_reviewed")),
    }


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("expected a list of text")
    if all(type(v) is str for v in value):  # the common case, without a call for each item
        return tuple(value)
    return tuple(_text(v) for v in value)


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected a whole number")
    return value


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(_text(value))


def _inside(root: Path, rel: Any, folders: dict[str, Path] | None = None) -> Path:
    """``root / rel`` for a relative "/"-path that stays inside the root (``folders``: Paths made so far)."""
    text = _text(rel)
    folder, _, name = text.rpartition("/")
    base = folders.get(folder) if folders is not None else None
    if base is None:
        if text.startswith("/") or "\\" in text or any(part in ("..", "") for part in text.split("/")):
            raise ValueError(f"path {text!r} leaves the content root")
        base = root / folder if folder else root
        if folders is not None:
            folders[folder] = base
    elif name in ("..", "") or "\\" in name:
        raise ValueError(f"path {text!r} leaves the content root")
    make = getattr(base, "_make_child_relpath", None)  # pathlib's own quick join of one checked name
    return make(name) if make is not None else base / name


def stale(catalog: Catalog) -> tuple[set[str], set[str], set[str]]:
    """(changed, added, removed) article ids: the files whose size or mtime differ from the catalog's.

    Only a scan (no reading); a cache of catalogs re-parses just these.
    """
    entries, _ = scan([catalog.root])
    now = {e.id: (e.size, e.mtime_ns) for e in entries}
    old = dict(catalog.stamps)
    changed = {i for i in now if i in old and now[i] != old[i]}
    return changed, set(now) - set(old), set(old) - set(now)


# -- libraries -------------------------------------------------------------------------------
def load_library(
    roots: Sequence[Path],
    catalogs: Mapping[Path, Catalog] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """A library of the roots, each taken from its catalog when it has one and parsed otherwise.

    The first root wins when two hold the same article id (the other copy is reported), as
    with :func:`guide.core.content.load_library`.
    """
    catalogs = {Path(k).absolute(): v for k, v in (catalogs or {}).items()}
    articles: list[Article] = []
    problems: list[Problem] = []
    topics: dict[str, Topic] = {}
    seen: dict[str, Article] = {}
    plain = [Path(r) for r in roots if Path(r).absolute() not in catalogs]
    parsed = build_many(plain, progress) if plain else []
    by_root = {c.root: c for c in parsed} | catalogs
    used = [c for c in (by_root.get(Path(root).absolute()) for root in roots) if c is not None]
    for catalog in used:
        problems.extend(catalog.problems)
        if not seen:  # the first with articles: no id is taken yet (55,000 lookups saved)
            seen = {a.id: a for a in catalog.articles}
            articles.extend(catalog.articles)
        else:
            for article in catalog.articles:
                if article.id in seen:
                    message = N_("article id '{id}' is already used by {path}; this copy is hidden").format(
                        id=article.id, path=seen[article.id].path
                    )
                    problems.append(Problem(article.path, 1, message, "warning"))
                    continue
                seen[article.id] = article
                articles.append(article)
        for topic in catalog.topics:
            topics.setdefault(topic.id, topic)
    with_articles = [c for c in used if c.articles]
    folders = with_articles[0].folders if len(with_articles) == 1 else None  # one catalog's folders are the tree's
    return Library(roots, articles, problems, topic_infos=topics, folders=folders)


def build_many(roots: Iterable[Path], progress: Callable[[int, int], None] | None = None) -> list[Catalog]:
    """Catalogs of several plain roots, parsed now (a missing root gives a catalog with its problem)."""
    result = []
    for root in roots:
        root = Path(root).absolute()
        if root.is_dir():
            result.append(build(root, progress))
        else:
            what = N_("content root does not exist") if not root.exists() else N_("content root is not a folder")
            result.append(Catalog(root, (), (), (Problem(root, 0, what),), {}))
    return result
