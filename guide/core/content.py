"""The content library: load content roots into topics and articles, collecting every problem.

A broken file never stops loading: it is reported with its path and line, and it
still opens where something readable is left (a missing title falls back to the
file name). See shared/content-format.md for the rules checked here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from guide.core.i18n import N_
from guide.core.languages import DEFAULT_LANGUAGE, autonym, is_known
from guide.core.models import Article, Problem, Topic
from guide.core.yaml_reasons import yaml_reason


@lru_cache(maxsize=1)
def _yaml() -> tuple[Any, Any]:
    """PyYAML and its fastest safe loader, imported when front matter is first parsed (a library read
    from its catalog never needs it; importing it costs a start more than a tenth of its time)."""
    import yaml

    try:  # libyaml is several times faster on large libraries
        return yaml, yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML without libyaml
        return yaml, yaml.SafeLoader


ARTICLE_SUFFIX = ".md"
INDEX_NAME = "index.md"
_FENCE_LINE = re.compile(r"^---[ \t]*$")
MAX_DEPTH = 200  # folder levels read below a content root
MAX_FILE_BYTES = 50_000_000  # a bigger "article" is not one, and would be read whole into memory


@dataclass(frozen=True)
class FileEntry:
    """An article file found by a scan, with what is needed to notice a change."""

    id: str
    root: Path
    file: str  # the path as found; :attr:`path` makes the Path only when asked (55,000 cost half a second)
    size: int
    mtime_ns: int

    @cached_property
    def path(self) -> Path:
        """Where the article file is."""
        return Path(self.file)

    @property
    def stamp(self) -> str:
        """A short text that changes whenever the file does (cheap: no reading)."""
        return f"{self.size}:{self.mtime_ns}"

    def digest(self) -> str:
        """Size and a hash of the bytes: the same wherever the file is copied, whatever its mtime.

        A copied install gives every file a new mtime, so the shipped index is matched
        to its content by this instead of :attr:`stamp`. Unreadable files give "".
        """
        return file_digest(self.path)


def file_digest(path: Path) -> str:
    """``size:blake2b`` of a file's bytes, or "" when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    return bytes_digest(data)


def bytes_digest(data: bytes) -> str:
    """``size:blake2b`` of the bytes of a file (see :func:`file_digest`)."""
    return f"{len(data)}:{hashlib.blake2b(data, digest_size=16).hexdigest()}"


@dataclass(frozen=True)
class ParsedFile:
    """A Markdown file split into its front matter and body."""

    meta: dict[str, Any]
    body: str
    body_line: int
    problems: tuple[Problem, ...]


def humanize(name: str) -> str:
    """Turn a folder or file name into a title: ``mental-health`` -> ``Mental health``."""
    text = re.sub(r"[-_]+", " ", name).strip()
    return text[:1].upper() + text[1:] if text else name


def decode(path: Path, data: bytes) -> tuple[str, list[Problem]]:
    """Decode UTF-8 (with or without a BOM); undecodable bytes are replaced and reported."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(path, line, N_("text is not valid UTF-8; bad bytes are shown as \ufffd")))
        text = data.decode("utf-8-sig", errors="replace")
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem(path, line, N_("file contains NUL characters; they were removed")))
        text = text.replace("\x00", "")
    return text, problems


def split_front_matter(path: Path, text: str) -> ParsedFile:
    """Split ``---`` YAML front matter from the body; report what is wrong with it."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE_LINE.match(lines[0].rstrip("\r\n")):
        problem = Problem(path, 1, N_("no front matter: the file must start with a '---' line"))
        return ParsedFile({}, text, 1, (problem,))
    end = next((i for i in range(1, len(lines)) if _FENCE_LINE.match(lines[i].rstrip("\r\n"))), None)
    if end is None:
        problem = Problem(path, 1, N_("front matter is not closed: add a '---' line after it"))
        return ParsedFile({}, "".join(lines[1:]), 2, (problem,))
    body = "".join(lines[end + 1 :])
    raw = "".join(lines[1:end])
    yaml, loader = _yaml()
    try:
        meta = yaml.load(raw, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        reason, offset = yaml_reason(exc)
        problem = Problem(path, 2 + offset, N_("front matter: {reason}").format(reason=reason))
        return ParsedFile({}, body, end + 2, (problem,))
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        reason = N_("it is nested too deeply") if isinstance(exc, RecursionError) else yaml_reason(exc)[0]
        return ParsedFile({}, body, end + 2, (Problem(path, 2, N_("front matter: {reason}").format(reason=reason)),))
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        problem = Problem(path, 2, N_("front matter must be a set of 'field: value' lines"))
        return ParsedFile({}, body, end + 2, (problem,))
    return ParsedFile(meta, body, end + 2, ())


def field_line(path: Path, text: str, name: str) -> int:
    """The line of ``name:`` in the front matter, or 1 when it cannot be found."""
    match = re.search(rf"^{re.escape(name)}\s*:", text[:20000], re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


class _Fields:
    """Typed reading of front-matter fields, reporting each wrong value."""

    def __init__(self, path: Path, text: str, meta: dict[str, Any]) -> None:
        self.path = path
        self.text = text
        self.meta = {str(k): v for k, v in meta.items()}
        self.problems: list[Problem] = []

    def report(self, name: str, message: str, severity: str = "error") -> None:
        line = field_line(self.path, self.text, name)
        self.problems.append(Problem(self.path, line, message, "error" if severity == "error" else "warning"))

    def text_field(self, name: str) -> str:
        value = self.meta.get(name)
        if value is None:
            return ""
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return _clean(str(value))
        self.report(name, N_("'{name}' must be text, not {kind}").format(name=name, kind=type(value).__name__))
        return ""

    def list_field(self, name: str) -> tuple[str, ...]:
        value = self.meta.get(name)
        if value is None:
            return ()
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return (_clean(str(value)),)
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            return tuple(c for c in (_clean(str(v)) for v in value) if c)
        self.report(name, N_("'{name}' must be a list of text items").format(name=name))
        return ()

    def date_field(self, name: str) -> dt.date | None:
        value = self.meta.get(name)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.report(name, N_("'{name}' is not a date: write it as YYYY-MM-DD").format(name=name))
        return None

    def bool_field(self, name: str) -> bool | None:
        value = self.meta.get(name)
        if value is None or isinstance(value, bool):
            return value
        self.report(name, N_("'{name}' must be true or false").format(name=name))
        return None

    def language_field(self, default: str) -> str:
        """``language``, or ``default`` when it is missing or not a known BCP 47 code (a warning)."""
        own = self.text_field("language")
        if own and not is_known(own):
            message = N_("unknown language code '{code}'; read as '{default}'").format(code=own, default=default)
            self.report("language", message, "warning")
            return default
        return own or default

    def int_field(self, name: str) -> int | None:
        value = self.meta.get(name)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31:
            return value
        self.report(name, N_("'{name}' must be a whole number").format(name=name))
        return None


def _clean(value: str) -> str:
    """Collapse whitespace and drop control characters from a one-line field."""
    if not value.isprintable():  # rare: checking the whole string first saves a loop per character
        value = "".join(ch if ch.isprintable() else " " for ch in value)
    return " ".join(value.split())[:2000]


def _fallback_title(path: Path, body: str) -> str:
    match = re.search(r"^#[ \t]+(.+?)[ \t#]*$", body[:5000], re.MULTILINE)
    return _clean(match.group(1)) if match else humanize(path.stem)


def read_file(path: Path) -> tuple[str, list[Problem]]:
    """Read and decode a content file; an unreadable file gives "" and a problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return "", [Problem(path, 1, N_("cannot read file: {reason}").format(reason=exc.strerror or exc))]
    return decode(path, data)


def parse_article(root: Path, path: Path, article_id: str, data: bytes | None = None) -> tuple[Article, list[Problem]]:
    """Parse one article file (or ``data``, its bytes, if read already); always returns an article and its problems."""
    text, problems = read_file(path) if data is None else decode(path, data)
    return parse_article_text(root, path, article_id, text, problems)


def parse_article_text(
    root: Path, path: Path, article_id: str, text: str, problems: list[Problem] | None = None
) -> tuple[Article, list[Problem]]:
    """Parse an article's text as if read from ``path`` (the editor checks unsaved text with it)."""
    problems = list(problems or [])
    parsed = split_front_matter(path, text)
    problems.extend(parsed.problems)
    fields = _Fields(path, text, parsed.meta)
    title = fields.text_field("title")
    if not title and not parsed.problems and not fields.problems:  # a wrongly typed title is reported already
        problems.append(Problem(path, field_line(path, text, "title") if parsed.meta else 1, N_("missing 'title'")))
    language = fields.language_field(inherited_language(root, path.parent))
    article = Article(
        id=article_id,
        path=path,
        root=root,
        title=title or _fallback_title(path, parsed.body),
        summary=fields.text_field("summary"),
        tags=fields.list_field("tags"),
        aliases=fields.list_field("aliases"),
        reviewed=fields.date_field("reviewed"),
        review_due=fields.date_field("review_due"),
        reviewed_by=fields.text_field("reviewed_by"),
        sources=fields.list_field("sources"),
        language=language,
        order=fields.int_field("order"),
        body_line=parsed.body_line,
        translation_of=fields.text_field("translation_of"),
        translation_reviewed=fields.bool_field("translation_reviewed"),
    )
    problems.extend(fields.problems)
    if parsed.meta.get("imported_from") is not None and parsed.meta.get("reviewed") is None:
        line = field_line(path, text, "reviewed" if "reviewed" in parsed.meta else "imported_from")
        message = N_(
            "imported draft not reviewed yet: check it against its source, then fill in 'reviewed' (YYYY-MM-DD)"
        )
        problems.append(Problem(path, line, message, "warning"))
    return article, problems


def inherited_language(root: Path, folder: Path) -> str:
    """The ``language`` of the nearest index.md at or above ``folder`` within ``root``, else "en".

    An index.md without a (known) ``language`` passes the question on to the folder above.
    """
    root = Path(root)
    folder = Path(folder)
    while True:
        index = folder / INDEX_NAME
        try:
            stamp = index.stat().st_mtime_ns
        except OSError:
            stamp = None
        if stamp is not None and (language := _index_language(index, stamp)):
            return language
        if folder == root or folder.parent == folder or root not in folder.parents:
            return DEFAULT_LANGUAGE
        folder = folder.parent


@functools.lru_cache(maxsize=4096)
def _index_language(index: Path, stamp: int) -> str:
    """The known ``language`` of one index.md ("" for none); cached per file version."""
    text, _ = read_file(index)
    meta = split_front_matter(index, text).meta
    value = meta.get("language")
    return value.strip() if isinstance(value, str) and is_known(value) else ""


def read_body(article: Article) -> str:
    """The Markdown body of an article, read from its file now."""
    text, _ = read_file(article.path)
    return split_front_matter(article.path, text).body


def scan(roots: Sequence[Path]) -> tuple[list[FileEntry], list[Problem]]:
    """Find every article file under the roots, cheaply (no parsing).

    The first root wins when two roots hold the same id; the other is reported.
    """
    entries: list[FileEntry] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for root in roots:
        root = Path(root).absolute()
        if not root.is_dir():
            what = N_("content root does not exist") if not root.exists() else N_("content root is not a folder")
            problems.append(Problem(root, 0, what))
            continue
        found = 0
        too_deep: list[Path] = []
        start = len(str(root)) + 1
        # Plain strings, not Path operations, until an entry is made: a library of 55,000
        # articles spent most of its scan in pathlib's parsing.
        for folder, name in _walk_names(root, too_deep):
            if name == INDEX_NAME:
                continue
            full = os.path.join(folder, name)
            rel = full[start:] if os.sep == "/" else full[start:].replace(os.sep, "/")
            article_id = rel[: -len(ARTICLE_SUFFIX)]
            found += 1
            if article_id in seen:
                message = N_("article id '{id}' is already used by {path}; this copy is hidden").format(
                    id=article_id, path=seen[article_id]
                )
                problems.append(Problem(Path(full), 1, message, "warning"))
                continue
            try:
                stat = os.stat(full)
            except OSError as exc:
                reason = exc.strerror or exc
                problems.append(Problem(Path(full), 1, N_("cannot read file: {reason}").format(reason=reason)))
                continue
            if refusal := _refuse(stat):  # a pipe would hang loading; /dev/zero would never end
                problems.append(Problem(Path(full), 1, refusal))
                continue
            seen[article_id] = full
            entries.append(FileEntry(article_id, root, full, stat.st_size, stat.st_mtime_ns))
        for deep in too_deep:
            message = N_("folders nested more than {depth} deep are not read").format(depth=MAX_DEPTH)
            problems.append(Problem(deep, 0, message, "warning"))
        if not found:
            problems.append(Problem(root, 0, N_("content root has no articles (*.md files)"), "warning"))
    return entries, problems


def _refuse(stat: os.stat_result) -> str | None:
    """Why a file found by a scan is not read as an article, or None to read it."""
    if not S_ISREG(stat.st_mode):
        return N_("not a regular file (a pipe, device or socket); not read")
    if stat.st_size > MAX_FILE_BYTES:
        return N_("file is larger than {size} MB; not read").format(size=MAX_FILE_BYTES // 1_000_000)
    return None


def _walk_names(root: Path, too_deep: list[Path] | None = None) -> Iterator[tuple[str, str]]:
    """(folder, file name) of every .md file under root, skipping hidden folders, in a stable order.

    Folders more than MAX_DEPTH levels down are not entered (os.walk recurses, and
    would fail near a thousand levels); they are added to ``too_deep``.
    """
    depth0 = str(root).rstrip(os.sep).count(os.sep)
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        if dirs and folder.rstrip(os.sep).count(os.sep) - depth0 >= MAX_DEPTH:
            if too_deep is not None:
                too_deep.extend(Path(folder) / d for d in dirs)
            dirs[:] = []
        for name in sorted(files):
            if name.endswith(ARTICLE_SUFFIX) and not name.startswith("."):
                yield folder, name


class Library:
    """All articles and topics of a set of content roots, merged into one tree."""

    def __init__(
        self,
        roots: Sequence[Path],
        articles: Iterable[Article],
        problems: Iterable[Problem],
        topic_infos: dict[str, Topic] | None = None,
        folders: Mapping[str, tuple[Article, ...]] | None = None,
    ):
        """``topic_infos`` (from a catalog) gives topics' own values without reading index.md files;
        ``folders`` (from a catalog) gives each folder's articles in sibling order, so the tree is
        made without grouping and sorting them (55,000 took a tenth of a second)."""
        self.roots = tuple(Path(r).absolute() for r in roots)
        self._articles = {a.id: a for a in articles}
        self.problems: list[Problem] = list(problems)
        self._known_topics = topic_infos or {}
        self._groups: dict[str, tuple[Article, ...]] | None = None
        if folders is not None:
            self._groups = {"": (), **folders}
            for topic_id in list(self._groups):  # the folders on the way to them
                while topic_id and (topic_id := topic_id.rpartition("/")[0]) not in self._groups:
                    self._groups[topic_id] = ()
        self.root_topic = self._build_tree()
        self._topics = {t.id: t for t in _walk_topics(self.root_topic)}

    # -- lookups -------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def topic(self, topic_id: str) -> Topic | None:
        return self._topics.get(topic_id)

    def articles(self) -> list[Article]:
        """Every article, in tree order."""
        return [a for t in _walk_topics(self.root_topic) for a in t.articles]

    def topics(self) -> list[Topic]:
        """Every topic, in tree order (the clinic library's editor lists them)."""
        return list(_walk_topics(self.root_topic))

    def __len__(self) -> int:
        return len(self._articles)

    def body(self, article: Article) -> str:
        return read_body(article)

    def source_of(self, article_id: str) -> str:
        """Where an article comes from: the title of its top-level topic (a pack's title), or
        the root topic's for an article at the top; "" for an unknown id. The one place that
        decides it: search results, "also in", the article page and the index all ask here.

        A top-level topic named after the article's language ("Español") is a shelf of
        translations, not a source: "from Español" says nothing, so the topic under it is named."""
        article = self._articles.get(article_id)
        if article is None:
            return ""
        top, _, rest = article_id.partition("/")
        topic = self._topics.get(top if rest else "")
        source = topic.title if topic is not None else ""
        if source and "/" in rest and source == autonym(article.language):
            shelf = self._topics.get(f"{top}/{rest.partition('/')[0]}")
            return shelf.title if shelf is not None else ""
        return source

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def resolve(self, article: Article | Topic, target: str) -> Path | None:
        """Resolve a relative path from an article's (or topic's) folder; None if it leaves its root."""
        if isinstance(article, Article):
            root, base = article.root, article.path.parent
        else:
            if article.root is None:
                return None
            root = article.root
            base = article.index_path.parent if article.index_path else root / article.id
        try:
            candidate = (base / target).resolve()
            candidate.relative_to(root.resolve())
        except (ValueError, OSError, RuntimeError):
            return None
        return candidate

    def article_for_path(self, path: Path) -> Article | None:
        """The article whose file is ``path`` (after resolving), if any."""
        for root in self.roots:
            try:
                rel = path.resolve().relative_to(root.resolve()).as_posix()
            except (ValueError, OSError):
                continue
            if rel.endswith(ARTICLE_SUFFIX):
                found = self._articles.get(rel[: -len(ARTICLE_SUFFIX)])
                if found is not None:
                    return found
        return None

    def refresh(self, paths: Iterable[Path]) -> None:
        """Read these files again (an article saved, added or deleted) and rebuild the tree.

        The article and topic tables are replaced, not changed in place, so a reader in
        another thread keeps a consistent (older) view.
        """
        articles = dict(self._articles)
        stale: set[Path] = set()
        fresh: list[Problem] = []
        for path in paths:
            path = Path(path).absolute()
            stale.add(path)
            for root in self.roots:
                try:
                    rel = path.relative_to(root).as_posix()
                except ValueError:
                    continue
                if not rel.endswith(ARTICLE_SUFFIX) or path.name == INDEX_NAME:
                    break
                article_id = rel[: -len(ARTICLE_SUFFIX)]
                held = articles.get(article_id)
                if held is not None and held.path != path:
                    break  # that id belongs to another root's file, which wins
                if path.is_file():
                    articles[article_id], found = parse_article(root, path, article_id)
                    fresh.extend(found)
                else:
                    articles.pop(article_id, None)
                break
        self.problems = [p for p in self.problems if Path(p.path).absolute() not in stale] + fresh
        self._articles = articles
        self._groups = None
        self.root_topic = self._build_tree()
        self._topics = {t.id: t for t in _walk_topics(self.root_topic)}

    # -- building ------------------------------------------------------------------
    def keep_topic(self, topic_id: str) -> None:
        """Show this topic in the tree even while it holds no articles (the clinic's own library)."""
        self._kept = {*getattr(self, "_kept", ()), topic_id}
        self.root_topic = self._build_tree()
        self._topics = {t.id: t for t in _walk_topics(self.root_topic)}

    def _build_tree(self) -> Topic:
        groups = getattr(self, "_groups", None)
        if groups is None:  # kept while only the kept topics change (the clinic's, at every start)
            groups = self._groups = self._group()
        folders = dict(groups)
        for topic_id in getattr(self, "_kept", ()):
            while topic_id not in folders:
                folders[topic_id] = ()
                topic_id = topic_id.rpartition("/")[0]
        infos = self._topic_infos(folders)
        # Deepest first, so each topic is made after all of its children: no recursion (folders
        # hundreds deep) and no scan of every folder for each topic's children (thousands of topics).
        children: dict[str, list[Topic]] = {}
        for topic_id in sorted(folders, key=lambda f: f.count("/") if f else -1, reverse=True):
            topic = self._topic(topic_id, folders, infos, children.pop(topic_id, []))
            if not topic_id:
                return topic
            children.setdefault(topic_id.rpartition("/")[0], []).append(topic)
        raise AssertionError("the root topic is always made")  # pragma: no cover - "" is in folders

    def _group(self) -> dict[str, tuple[Article, ...]]:
        """Each folder's articles in sibling order, with every folder on the way to them."""
        folders: dict[str, list[Article]] = {"": []}
        for article in self._articles.values():
            topic_id = article.topic_id
            group = folders.get(topic_id)
            if group is None:
                group = folders[topic_id] = []
                parent = topic_id
                while parent:  # a folder's parents are all in already once one of them is
                    parent = parent.rpartition("/")[0]
                    if parent in folders:
                        break
                    folders[parent] = []
            group.append(article)
        return {topic_id: tuple(sorted(group, key=_order_key)) for topic_id, group in folders.items()}

    def _topic_infos(self, folders: dict[str, tuple[Article, ...]]) -> dict[str, Topic]:
        infos: dict[str, Topic] = {}
        for topic_id in folders:
            if topic_id in self._known_topics:
                infos[topic_id] = self._known_topics[topic_id]
                continue
            for root in self.roots:
                index = root / topic_id / INDEX_NAME if topic_id else root / INDEX_NAME
                if index.is_file():
                    infos[topic_id] = self._read_index(root, topic_id, index)
                    break
        return infos

    def _read_index(self, root: Path, topic_id: str, path: Path) -> Topic:
        text, problems = read_file(path)
        parsed = split_front_matter(path, text)
        problems.extend(parsed.problems)
        fields = _Fields(path, text, parsed.meta)
        title = fields.text_field("title")
        fields.language_field(DEFAULT_LANGUAGE)  # an unknown code is a warning here too
        topic = Topic(
            id=topic_id,
            title=title or humanize(topic_id.rpartition("/")[2]) or "Contents",
            summary=fields.text_field("summary"),
            order=fields.int_field("order"),
            intro=parsed.body,
            index_path=path,
            root=root,
        )
        self.problems.extend(problems + fields.problems)
        return topic

    def _topic(
        self, topic_id: str, folders: dict[str, tuple[Article, ...]], infos: dict[str, Topic], children: list[Topic]
    ) -> Topic:
        children = sorted(children, key=_order_key)
        articles = folders.get(topic_id, ())
        info = infos.get(topic_id)
        if info is None:
            root = next((r for r in self.roots if (r / topic_id).is_dir()), None)
            info = Topic(id=topic_id, title=humanize(topic_id.rpartition("/")[2]) or "Contents", root=root)
        return replace(info, children=tuple(children), articles=articles)


def _order_key(item: Article | Topic) -> tuple[int, str, str]:
    order = item.order if item.order is not None else 1_000_000
    return (order, item.title.casefold(), item.id)


def _walk_topics(topic: Topic) -> Iterator[Topic]:
    stack = [topic]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def load_library(roots: Sequence[Path], progress: Any = None) -> Library:
    """Load every article of the roots; ``progress(done, total)`` is called as it goes."""
    entries, problems = scan(roots)
    articles: list[Article] = []
    total = len(entries)
    for done, entry in enumerate(entries, start=1):
        article, found = parse_article(entry.root, entry.path, entry.id)
        articles.append(article)
        problems.extend(found)
        if progress is not None and (done % 200 == 0 or done == total):
            progress(done, total)
    return Library(roots, articles, problems)
