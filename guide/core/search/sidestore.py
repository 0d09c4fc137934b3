"""What an index keeps beside Whoosh's files, in one SQLite database that is read lazily and changed in place.

Each article's stamp, digest, title, aliases, source and mined names is a row; so is each word of
the vocabulary (with its length and sound key, the speller's tables), each exact-title key and
each group of names the thesaurus learns. The suggester's tables are stored whole, prebuilt.

Why SQLite (the standard library's ``sqlite3``): on 54,870 articles, re-indexing one article
rewrote three JSON side files of 9–14 MB each and read them back (2.4–3.8 s, profiled: JSON
1.7 s, name tables recomputed for every article 1.1 s); opening the index for the first query
parsed them all (0.7 s of 1.5 s). A transaction that changes a few rows takes milliseconds, and
a search reads only the rows of the articles it shows. An append log with compaction would
have needed its own crash handling and still a full read at open; Whoosh's stored fields
would have meant a document per article beside the section documents, and are read no
faster. SQLite rolls back a transaction cut short by a crash by itself.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from guide.core.search.query import key as text_key
from guide.core.search.query import tokenize
from guide.core.search.spelling import sound
from guide.core.search.thesaurus import Thesaurus

SIDE_FILE = "side.sqlite"
MAX_GROUP_WORDS = 6  # a mined name or alias longer than this is not a name (as ranking.name_lookups)

_TABLES = """
CREATE TABLE article(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL,
    digest TEXT NOT NULL, title TEXT NOT NULL, aliases TEXT NOT NULL, source TEXT NOT NULL,
    mined TEXT NOT NULL, grp TEXT, lang TEXT);
CREATE TABLE vocab(word TEXT PRIMARY KEY, count INTEGER NOT NULL, length INTEGER, sound TEXT) WITHOUT ROWID;
CREATE INDEX vocab_length ON vocab(length);
CREATE INDEX vocab_sound ON vocab(sound);
CREATE TABLE exact(key TEXT NOT NULL, id TEXT NOT NULL, tier INTEGER NOT NULL);
CREATE INDEX exact_key ON exact(key);
CREATE INDEX exact_id ON exact(id);
CREATE TABLE name_group(seq INTEGER PRIMARY KEY, grp TEXT NOT NULL UNIQUE, refs INTEGER NOT NULL);
CREATE TABLE title_word(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE prebuilt(name TEXT PRIMARY KEY, version INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE state(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO state VALUES ('names', 0);
"""


Prepare = Callable[[str | None, str], str]  # (language code, None for English; a name) -> the name as matched


class Names:
    """What one article's names give search (the per-article part of :func:`ranking.name_lookups`).

    ``prepare(code, name)`` gives a name as its article's language matches it (None: as written);
    ``is_title`` tells whether a key is the title key of any article: an alias that is another
    article's title names a wider subject and stays out of the article's group.
    """

    def __init__(self, prepare: Prepare | None = None) -> None:
        self._keys: dict[str, str] = {}
        self._prepared: dict[str, str] = {}  # English names as written -> key (as name_lookups keeps them)
        self.prepare = prepare
        self.words: set[str] = set()

    def key(self, text: str) -> str:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = text_key(text)
            self.words.update(tokenize(text))
        return found

    def key_of(self, code: str | None, text: str) -> str:
        """The key of a name of an article in language ``code`` (ranking.name_lookups' ``k_of``)."""
        if self.prepare is None:
            return self.key(text)
        found = self._prepared.get(text)
        if found is None:
            ready = self.prepare(code, text)
            found = self.key(text)  # its words are title words as written
            if ready != text:
                found = text_key(ready)
            if code is None:
                self._prepared[text] = found
        return found

    def of(
        self,
        aid: str,
        code: str | None,
        title: str,
        aliases: Sequence[str],
        mined: Sequence[str],
        is_title: Callable[[str], bool],
    ) -> tuple[list[tuple[str, str, int]], str | None]:
        """(key, id, tier) exact rows and the JSON of the parsed names group (None without one)."""
        title_key = self.key_of(code, title)
        rows = [(title_key, aid, 2)] + [(self.key_of(code, a), aid, 1) for a in aliases]
        own = [
            a
            for a in (*aliases, *mined)
            if len(a.split()) <= MAX_GROUP_WORDS and ((ka := self.key_of(code, a)) == title_key or not is_title(ka))
        ]
        group = tuple(dict.fromkeys([title, *own]))
        plain = code is None and all(map(str.isascii, group))  # folding changes nothing
        if len(group) > 1 and self.prepare is not None and not plain:
            group = tuple(dict.fromkeys(self.prepare(code, name) for name in group))
        if len(group) < 2:
            return rows, None
        return rows, json.dumps(Thesaurus.parse_group(group), ensure_ascii=False)


class Lazy(Mapping[str, Any]):
    """A read-only mapping whose values are read from the store on first use and then kept."""

    def __init__(self, fetch: Callable[[str], Any], count: Callable[[], int], keys: Callable[[], Iterator[str]]):
        self._fetch = fetch
        self._count = count
        self._keys = keys
        self._cache: dict[str, Any] = {}
        self._missing: set[str] = set()

    def __getitem__(self, name: str) -> Any:
        if name in self._cache:
            return self._cache[name]
        if name in self._missing:
            raise KeyError(name)
        value = self._fetch(name)
        if value is None:
            self._missing.add(name)
            raise KeyError(name)
        self._cache[name] = value
        return value

    def __len__(self) -> int:
        return self._count()

    def __iter__(self) -> Iterator[str]:
        return self._keys()


class LazyLists:
    """Word lists by key (length or sound), read from the store the first time a key is asked for."""

    def __init__(self, fetch: Callable[[Any], list[str]]):
        self._fetch = fetch
        self._lists: dict[Any, list[str]] = {}

    def get(self, name: Any, default: Any = None) -> Any:
        found = self.setdefault(name, [])
        return found if found else default

    def setdefault(self, name: Any, default: list[str]) -> list[str]:
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = self._fetch(name) or default
        return found


class SideStore:
    """The side database of one index folder; every method is safe to call from any thread."""

    def __init__(self, path: Path, readonly: bool = False, create: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        if not create and not self.path.is_file():
            raise FileNotFoundError(f"{self.path.name} is missing")
        uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1" if readonly else str(self.path)
        self._db = sqlite3.connect(uri, uri=readonly, check_same_thread=False, timeout=30, isolation_level=None)
        self._lock = threading.RLock()
        if create:
            with self._lock:
                self._db.executescript(_TABLES)
        else:
            self._one("SELECT value FROM state WHERE name = 'names'")  # fails at once on a damaged file

    # -- plumbing ------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return None if row is None else row[0]

    def transaction(self) -> _Transaction:
        return _Transaction(self)

    # -- reading -------------------------------------------------------------------------------
    def stamps(self) -> dict[str, str]:
        return dict(self._rows("SELECT id, stamp FROM article"))

    def digests(self) -> dict[str, str]:
        return dict(self._rows("SELECT id, digest FROM article"))

    def stamps_of(self, ids: Sequence[str]) -> dict[str, str]:
        return {i: row[0][0] for i in ids if (row := self._rows("SELECT stamp FROM article WHERE id = ?", (i,)))}

    def digests_of(self, ids: Sequence[str]) -> dict[str, str]:
        return {i: row[0][0] for i in ids if (row := self._rows("SELECT digest FROM article WHERE id = ?", (i,)))}

    def count(self) -> int:
        return int(self._one("SELECT count(*) FROM article"))

    def languages(self) -> tuple[str, ...]:
        """The languages of the indexed articles, English first (codes of the others sorted)."""
        rows = self._rows("SELECT DISTINCT lang FROM article WHERE lang IS NOT NULL ORDER BY lang")
        return ("en", *(r[0] for r in rows))

    def names_version(self) -> int:
        return int(self._one("SELECT value FROM state WHERE name = 'names'"))

    def articles(self) -> Lazy:
        """id -> (title, aliases)."""

        def fetch(aid: str) -> tuple[str, list[str]] | None:
            row = self._rows("SELECT title, aliases FROM article WHERE id = ?", (aid,))
            return (row[0][0], json.loads(row[0][1])) if row else None

        return Lazy(fetch, self.count, lambda: iter([r[0] for r in self._rows("SELECT id FROM article ORDER BY seq")]))

    def about(self) -> Lazy:
        """id -> (source, names mined from the text)."""

        def fetch(aid: str) -> tuple[str, list[str]] | None:
            row = self._rows("SELECT source, mined FROM article WHERE id = ?", (aid,))
            return (row[0][0], json.loads(row[0][1])) if row else None

        return Lazy(fetch, self.count, lambda: iter([r[0] for r in self._rows("SELECT id FROM article ORDER BY seq")]))

    def exact(self) -> Lazy:
        """title or alias key -> [(id, tier)]: 2 for a title, 1 for an alias."""

        def fetch(name: str) -> list[tuple[str, int]] | None:
            rows = self._rows("SELECT id, tier FROM exact WHERE key = ? ORDER BY rowid", (name,))
            return [(r[0], r[1]) for r in rows] or None

        return Lazy(fetch, lambda: int(self._one("SELECT count(DISTINCT key) FROM exact")),
                    lambda: iter([r[0] for r in self._rows("SELECT DISTINCT key FROM exact")]))

    def all_names(self) -> list[tuple[str, str, list[str]]]:
        """(id, title, aliases) of every article, in index order: what the suggester is made of."""
        return [(aid, title, json.loads(aliases))
                for aid, title, aliases in self._rows("SELECT id, title, aliases FROM article ORDER BY seq")]

    def counts(self) -> dict[str, int]:
        return dict(self._rows("SELECT word, count FROM vocab"))

    def title_words(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT word FROM title_word")]

    def groups(self) -> list[Any]:
        """The parsed names groups, in the order they were first made (stored whole as well, so that
        opening reads one value instead of parsing a few thousand; made again after names change)."""
        found = self.prebuilt("groups")
        if found is None:
            version = self.names_version()
            joined = self._one("SELECT '[' || coalesce(group_concat(grp, ','), '') || ']' "
                               "FROM (SELECT grp FROM name_group ORDER BY seq)")
            found = json.loads(joined)  # one parse of them all: a few thousand parses cost ten times more
            if not self.readonly:
                self.save_prebuilt("groups", version, found)
        return list(found)

    def speller_tables(self) -> tuple[LazyLists, LazyLists]:
        """Words by length and by sound (:class:`~guide.core.search.spelling.Speller`), read per key."""
        def words(column: str) -> Callable[[Any], list[str]]:
            sql = f"SELECT word FROM vocab WHERE {column} = ? ORDER BY word"
            return lambda value: [r[0] for r in self._rows(sql, (value,))]

        by_length, by_sound = LazyLists(words("length")), LazyLists(words("sound"))
        return by_length, by_sound

    def prebuilt(self, name: str) -> Any:
        """A table stored whole by :meth:`save_prebuilt`, or None when there is none for the current names."""
        row = self._rows("SELECT version, data FROM prebuilt WHERE name = ?", (name,))
        if not row or row[0][0] != self.names_version():
            return None
        return marshal.loads(row[0][1])

    # -- writing -------------------------------------------------------------------------------
    def save_prebuilt(self, name: str, version: int, value: Any) -> None:
        """Store a table made from the names of ``version`` (kept only while the names stay the same)."""
        with self.transaction() as db:
            if db.names_version() == version:
                db.execute("INSERT OR REPLACE INTO prebuilt VALUES (?, ?, ?)", (name, version, marshal.dumps(value)))

    def write_all(
        self,
        stamps: Mapping[str, str],
        digests: Mapping[str, str],
        articles: Mapping[str, tuple[str, list[str]]],
        about: Mapping[str, tuple[str, list[str]]],
        counts: Mapping[str, int],
        codes: Mapping[str, str] | None = None,
        prepare: Prepare | None = None,
    ) -> None:
        """Fill a new store for a full build (articles in index order); ``codes``: the language of each
        article not in English, ``prepare`` how names are matched (see :class:`Names`)."""
        codes = codes or {}
        names = Names(prepare)
        title_keys = {names.key_of(codes.get(aid), title) for aid, (title, _) in articles.items()}
        rows: list[tuple[Any, ...]] = []
        exact: list[tuple[str, str, int]] = []
        groups: dict[str, int] = {}
        for aid, (title, aliases) in articles.items():
            mined = about.get(aid, ("", []))[1]
            found, group = names.of(aid, codes.get(aid), title, aliases, mined, title_keys.__contains__)
            exact += found
            if group is not None:
                groups[group] = groups.get(group, 0) + 1
            rows.append((aid, stamps.get(aid, ""), digests.get(aid, ""), title, json.dumps(aliases, ensure_ascii=False),
                         about.get(aid, ("", []))[0], json.dumps(mined, ensure_ascii=False), group, codes.get(aid)))
        with self.transaction() as db:
            db.executemany("INSERT INTO article(id, stamp, digest, title, aliases, source, mined, grp, lang) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO exact VALUES (?, ?, ?)", exact)
            db.executemany("INSERT INTO name_group(grp, refs) VALUES (?, ?)", groups.items())
            db.executemany("INSERT INTO title_word VALUES (?)", ((w,) for w in sorted(names.words)))
            db.executemany("INSERT INTO vocab VALUES (?, ?, ?, ?)", (_vocab_row(w, c) for w, c in counts.items()))

    def set_stamps(self, stamps: Mapping[str, str]) -> None:
        with self.transaction() as db:
            db.executemany("UPDATE article SET stamp = ? WHERE id = ?", ((s, i) for i, s in stamps.items()))

    def replace(
        self,
        removed: Sequence[str],
        stamps: Mapping[str, str],
        digests: Mapping[str, str],
        articles: Mapping[str, tuple[str, list[str]]],
        about: Mapping[str, tuple[str, list[str]]],
        counts: Counter[str],
        codes: Mapping[str, str] | None = None,
        prepare: Prepare | None = None,
    ) -> bool:
        """Take out the ``removed`` articles and put in the new ones (``articles``, some of them
        replacing an article of the same id); add ``counts`` to the vocabulary. True when any
        title, alias or mined name changed (the thesaurus and suggestions must then be made again)."""
        codes = codes or {}
        names = Names(prepare)
        with self.transaction() as db:
            changed = False
            for aid in [*removed, *articles]:
                old = db.rows("SELECT title, aliases, mined, grp, lang FROM article WHERE id = ?", (aid,))
                if not old:
                    changed = True
                    continue
                title, aliases, mined, group, lang = old[0]
                new = articles.get(aid)
                before = (title, json.loads(aliases), json.loads(mined), lang)
                if new is None or (new[0], new[1], about.get(aid, ("", []))[1], codes.get(aid)) != before:
                    changed = True
                db.execute("DELETE FROM article WHERE id = ?", (aid,))
                db.execute("DELETE FROM exact WHERE id = ?", (aid,))
                if group is not None:
                    db.execute("UPDATE name_group SET refs = refs - 1 WHERE grp = ?", (group,))
            db.execute("DELETE FROM name_group WHERE refs <= 0")
            for aid, (title, _) in articles.items():  # titles first: a later alias may name one
                db.execute("INSERT INTO exact VALUES (?, ?, 2)", (names.key_of(codes.get(aid), title), aid))

            def is_title(k: str) -> bool:
                return db.rows("SELECT 1 FROM exact WHERE key = ? AND tier = 2 LIMIT 1", (k,)) != []

            for aid, (title, aliases) in articles.items():
                source, mined = about.get(aid, ("", []))
                exact, group = names.of(aid, codes.get(aid), title, aliases, mined, is_title)
                db.executemany("INSERT INTO exact VALUES (?, ?, ?)", exact[1:])
                if group is not None:
                    db.execute("INSERT INTO name_group(grp, refs) VALUES (?, 1) "
                               "ON CONFLICT(grp) DO UPDATE SET refs = refs + 1", (group,))
                db.execute("INSERT INTO article(id, stamp, digest, title, aliases, source, mined, grp, lang) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (aid, stamps[aid], digests.get(aid, ""), title, json.dumps(aliases, ensure_ascii=False),
                            source, json.dumps(mined, ensure_ascii=False), group, codes.get(aid)))
            db.executemany("INSERT OR IGNORE INTO title_word VALUES (?)", ((w,) for w in names.words))
            db.executemany(
                "INSERT INTO vocab VALUES (?, ?, ?, ?) ON CONFLICT(word) DO UPDATE SET count = count + excluded.count",
                (_vocab_row(w, c) for w, c in counts.items()),
            )
            if changed:
                db.execute("UPDATE state SET value = value + 1 WHERE name = 'names'")
        return changed


class _Transaction:
    """``with store.transaction() as db``: one write transaction, rolled back if anything fails."""

    def __init__(self, store: SideStore):
        self.store = store

    def __enter__(self) -> _Transaction:
        self.store._lock.acquire()
        self.store._db.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        try:
            self.store._db.execute("ROLLBACK" if kind is not None else "COMMIT")
        finally:
            self.store._lock.release()

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.store._db.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.store._db.executemany(sql, rows)

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return self.store._db.execute(sql, args).fetchall()

    def names_version(self) -> int:
        return int(self.rows("SELECT value FROM state WHERE name = 'names'")[0][0])


def _vocab_row(word: str, count: int) -> tuple[str, int, int | None, str | None]:
    """A vocabulary row: the word, its count, and its keys in the speller's tables (letters only)."""
    if not word.isalpha():
        return word, count, None, None
    return word, count, len(word), sound(word) if len(word) >= 4 else None
