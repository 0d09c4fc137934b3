"""Version 2 of the catalog file: a small head read at start, article records read per topic when needed.

A version-1 catalog is one JSON object; reading it for 54,870 articles meant parsing 35 MB and
making every :class:`Article` with its ``Path`` before the window could show (about 1.5 s).
Version 2 keeps the same records but puts first, on one line, what the topic tree needs: the
topics, and for each folder its articles in sibling order as ``[name, title]`` (plus
``{"order", "language", "translation_of"}`` when they are set). Each folder's records follow on
a line of their own, then one line of every file's size and mtime (for the check against the
files), found by byte offsets given in the head. :func:`read` parses the
head only and makes :class:`CatalogArticle` values, real articles whose other fields (summary,
tags, dates, sources …) and path are filled in from their folder's records line the first time
one of them is asked for. The file is mapped, not read: the records cost nothing until used, and
a cache file replaced meanwhile (renamed over) does not change what an open library reads.

Layout (UTF-8, lines ended by ``\\n``)::

    {"format": "health-guide-catalog", "version": 2, "topics": [...], "problems": [...],
     "groups": [{"topic": ID, "language": L, "records": [OFFSET, LENGTH],
                 "articles": [[NAME, TITLE, {EXTRAS}?], ...]}, ...], "stamps": [OFFSET, LENGTH]}
    [RECORD, RECORD, ...]          one line per group: version 1's article objects, in the group's order
    ...
    [[SIZE, MTIME_NS, SIZE, MTIME_NS, ...], ...]   per group, in the order of its articles

``OFFSET`` counts bytes from the first byte after the head's line. Hand-written because it is
the project's own format; ``json`` and ``mmap`` from the standard library do the work.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import mmap
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from guide.core import atomic
from guide.core.content import ARTICLE_SUFFIX, _order_key, parse_article
from guide.core.memory import collector_paused
from guide.core.models import Article

log = logging.getLogger(__name__)

VERSION = 2
EAGER = ("order", "language", "translation_of")  # in the head: the tree, translations and sorting need them
LAZY = (
    "summary",
    "tags",
    "aliases",
    "reviewed",
    "review_due",
    "reviewed_by",
    "sources",
    "body_line",
    "translation_reviewed",
)


# -- writing ---------------------------------------------------------------------------------
def encode(catalog: Any) -> bytes:
    """The bytes of a version-2 catalog file (``catalog`` is a :class:`guide.core.catalog.Catalog`)."""
    from guide.core.catalog import record, to_json

    groups: dict[str, list[Article]] = {}
    for article in catalog.articles:
        groups.setdefault(article.topic_id, []).append(article)
    lines: list[bytes] = []
    heads: list[dict[str, Any]] = []
    stamps: list[list[int]] = []  # per group: size, mtime_ns, size, mtime_ns, …
    offset = 0
    for topic_id, members in groups.items():
        members.sort(key=_order_key)  # sibling order, so a library made from the head need not sort
        languages = [a.language for a in members]
        language = max(set(languages), key=languages.count)
        entries = []
        flat: list[int] = []
        for a in members:
            stamp = catalog.stamps.get(a.id, (0, 0))
            flat.extend(stamp)
            entry: list[Any] = [a.id.rpartition("/")[2], a.title]
            extras = {
                k: v
                for k, v in (("order", a.order), ("language", a.language), ("translation_of", a.translation_of))
                if v and (k != "language" or v != language)
            }
            if extras:
                entry.append(extras)
            entries.append(entry)
        line = _kept_line(members, catalog.stamps)
        if line is None:
            records = [record(a, catalog.stamps.get(a.id, (0, 0))) for a in members]
            line = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        heads.append({"topic": topic_id, "language": language, "records": [offset, len(line)], "articles": entries})
        lines.append(line)
        offset += len(line)
        stamps.append(flat)
    lines.append(json.dumps(stamps, separators=(",", ":")).encode("utf-8") + b"\n")
    v1 = to_json(dataclasses.replace(catalog, articles=()))  # its topics and problems: the records are above
    head = {"format": v1["format"], "version": VERSION, "topics": v1["topics"], "problems": v1["problems"]}
    head["groups"] = heads
    head["stamps"] = [offset, len(lines[-1])]
    first = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
    return first + b"".join(lines)


def _kept_line(members: Sequence[Article], stamps: Mapping[str, tuple[int, int]]) -> bytes | None:
    """The records line of a folder read from a catalog file, as it is there, when the folder holds
    the same articles (the same objects, in the same order) with the same stamps: a catalog check
    that found one article changed rewrites the others' 54,000 records as they were, not encoded anew."""
    group = members[0].__dict__.get("_g") if members else None
    if not isinstance(group, _Group) or group.damaged or len(group.members) != len(members):
        return None
    old = group.source.stamps
    if old is None or any(a is not b for a, b in zip(members, group.members, strict=True)):
        return None
    if any(stamps.get(a.id, (0, 0)) != old.get(a.id) for a in members):
        return None
    offset, length = group.span
    begin = group.source.start + offset
    line = bytes(group.source.data[begin : begin + length])
    return line if line.endswith(b"\n") else None


def write(catalog: Any, path: Path) -> None:
    atomic.write_bytes(path, encode(catalog))


# -- reading ---------------------------------------------------------------------------------
class _Source:
    """The records part of one catalog file, mapped into memory; one lock for its groups."""

    def __init__(self, path: Path, data: mmap.mmap | bytes, start: int) -> None:
        self.path = path
        self.data = data
        self.start = start
        self.lock = threading.RLock()
        self.stamps: Mapping[str, tuple[int, int]] | None = None  # the file's stamps (set by read)


class _Group:
    """One folder's articles in a version-2 catalog, and where their records are."""

    __slots__ = ("_folder", "damaged", "loaded", "members", "root", "source", "span", "topic")

    def __init__(self, source: _Source, root: Path, topic: str, span: tuple[int, int]) -> None:
        self.source = source
        self.root = root
        self.topic = topic
        self.span = span
        self.members: list[CatalogArticle] = []
        self.loaded = False
        self.damaged = False  # its records could not be read: never written out again as they are
        self._folder: Path | None = None

    def folder(self) -> Path:
        if self._folder is None:
            self._folder = self.root / self.topic if self.topic else self.root
        return self._folder

    def load(self) -> None:
        """Fill in the records of every article of this folder (once; any thread)."""
        if self.loaded:
            return
        with self.source.lock:
            if self.loaded:
                return
            try:
                self._fill()
            except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
                log.warning(
                    "%s: the records of '%s' cannot be read (%s); its articles are read from their files",
                    self.source.path,
                    self.topic or "/",
                    exc,
                )
                self.damaged = True
                for article in self.members:
                    parsed, _ = parse_article(self.root, article.path, article.id)
                    article.__dict__.update({name: getattr(parsed, name) for name in LAZY})
            self.loaded = True

    def _fill(self) -> None:
        from guide.core.catalog import record_values

        offset, length = self.span
        begin = self.source.start + offset
        records = json.loads(self.source.data[begin : begin + length])
        if not isinstance(records, list) or len(records) != len(self.members):
            raise ValueError("the records do not match the head")
        values = []
        for article, item in zip(self.members, records, strict=True):
            if not isinstance(item, dict) or item.get("id") != article.id:
                raise ValueError(f"the record of '{article.id}' is missing")
            values.append(record_values(item))
        for article, found in zip(self.members, values, strict=True):  # all or nothing
            article.__dict__.update({name: found[name] for name in LAZY})


class _LazyField:
    """A record field of a :class:`CatalogArticle`: asking for it reads the records of its folder."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return getattr(Article, self.name, None)
        obj.__dict__["_g"].load()
        return obj.__dict__[self.name]


class _PathField:
    """A :class:`CatalogArticle`'s path, made when first asked for (55,000 Paths cost half a second)."""

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return None
        group: _Group = obj.__dict__["_g"]
        name = obj.id.rpartition("/")[2] + ARTICLE_SUFFIX
        folder = group.folder()
        make = getattr(folder, "_make_child_relpath", None)  # pathlib's own quick join of one checked name
        path = make(name) if make is not None else folder / name
        obj.__dict__["path"] = path
        return path


class CatalogArticle(Article):
    """An :class:`Article` read from a version-2 catalog's head; the rest of its record comes when first used.

    It compares and hashes as the :class:`Article` of the same values.
    """

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Article):
            return NotImplemented
        return _values(self) == _values(other)

    def __hash__(self) -> int:
        return hash(_values(self))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return Article, _values(self)  # a copy or a pickle is a plain Article with every field


for _name in LAZY:
    setattr(CatalogArticle, _name, _LazyField(_name))
CatalogArticle.path = _PathField()  # type: ignore[assignment]


def _values(article: Article) -> tuple[Any, ...]:
    return tuple(getattr(article, name) for name in Article.__dataclass_fields__)


class _Stamps(Mapping[str, tuple[int, int]]):
    """Article id -> (size, mtime_ns), read from the file's stamps line when first used."""

    def __init__(self, source: _Source, span: tuple[int, int], groups: list[_Group]) -> None:
        self._source = source
        self._span = span
        self._groups = groups
        self._made: dict[str, tuple[int, int]] | None = None

    def _data(self) -> dict[str, tuple[int, int]]:
        if self._made is None:
            offset, length = self._span
            begin = self._source.start + offset
            try:
                lines = json.loads(self._source.data[begin : begin + length])
                made = {}
                for group, flat in zip(self._groups, lines, strict=True):
                    for i, article in enumerate(group.members):
                        made[article.id] = (int(flat[2 * i]), int(flat[2 * i + 1]))
            except (ValueError, TypeError, IndexError, RecursionError) as exc:
                log.warning("%s: file stamps cannot be read (%s); every file counts as changed", self._source.path, exc)
                made = {}
            self._made = made
        return self._made

    def __getitem__(self, key: str) -> tuple[int, int]:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


def _checked_topic(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text for a topic id")
    if value and (value.startswith("/") or "\\" in value or any(p in ("..", ".", "") for p in value.split("/"))):
        raise ValueError(f"topic {value!r} leaves the content root")
    return value


def read(path: Path, root: Path, head: dict[str, Any], start: int) -> Any:
    """The :class:`~guide.core.catalog.Catalog` of a version-2 file whose head (its first ``start``
    bytes) is parsed already. Wrong shapes raise ValueError/KeyError/TypeError."""
    from guide.core.catalog import Catalog, from_json

    root = Path(root).absolute()
    shell = from_json({**head, "version": 1, "articles": []}, root)  # topics and problems, as version 1
    try:
        with open(path, "rb") as handle:
            data: mmap.mmap | bytes = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # a file system without mmap
        data = Path(path).read_bytes()
    source = _Source(Path(path), data, start)
    articles: list[CatalogArticle] = []
    groups: list[_Group] = []
    with collector_paused():
        for item in head["groups"]:
            group = _group(source, root, item)
            groups.append(group)
            articles.extend(group.members)
    span = head["stamps"]
    stamps = _Stamps(source, (int(span[0]), int(span[1])), groups)
    source.stamps = stamps
    folders = {g.topic: tuple(g.members) for g in groups}
    return Catalog(root, tuple(articles), shell.topics, shell.problems, stamps, folders=folders)


def _group(source: _Source, root: Path, item: dict[str, Any]) -> _Group:
    """One folder's entry of the head, as a group of :class:`CatalogArticle` values."""
    topic = _checked_topic(item["topic"])
    span = item["records"]
    group = _Group(source, root, topic, (int(span[0]), int(span[1])))
    language = item.get("language", "en")
    if not isinstance(language, str):
        raise TypeError("expected text for a language")
    entries = item["articles"]
    names = "\n".join(e[0] for e in entries)  # raises TypeError for a name that is not text
    if "/" in names or "\\" in names:
        raise ValueError(f"an article name in '{topic}' leaves its folder")
    "\n".join(e[1] for e in entries)  # every title is text
    prefix = f"{topic}/" if topic else ""
    new = object.__new__
    members = group.members
    for entry in entries:
        article = new(CatalogArticle)
        values = article.__dict__
        values["id"] = prefix + entry[0]
        values["root"] = root
        values["title"] = entry[1]
        values["language"] = language
        values["_g"] = group
        if len(entry) > 2:
            values.update(_extras(entry[2]))
        members.append(article)
    return group


def _extras(extras: Any) -> dict[str, Any]:
    from guide.core.catalog import _int, _text

    if not isinstance(extras, dict):
        raise TypeError("expected an object of extra fields")
    found: dict[str, Any] = {}
    if "order" in extras:
        found["order"] = _int(extras["order"])
    for name in ("language", "translation_of"):
        if name in extras:
            found[name] = _text(extras[name])
    return found


def read_all(articles: Sequence[Article]) -> None:
    """Fill in every record of these articles now (a background thread can warm a library this way)."""
    seen: set[int] = set()
    for article in articles:
        group = article.__dict__.get("_g")
        if group is not None and id(group) not in seen:
            seen.add(id(group))
            group.load()
