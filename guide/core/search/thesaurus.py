"""The search thesaurus: groups of words that mean the same (lay term, medical term, abbreviation).

The data lives in ``resources/thesaurus.txt``: one group a line, terms separated
by ``|``, comments after ``#``. Article aliases are merged in at run time, so that a
query naming an alias also finds the other articles about the same subject.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from guide.core.search.query import content_words, light_stem, tokenize

MAX_PHRASE = 6  # longest term, in content words, that is looked for in a query
_REGION = re.compile(r"\s*\([^)]*\)")


def term_key(words: Sequence[str]) -> tuple[str, ...]:
    """The matching key of a term: its content words, plurals folded, in any order."""
    kept = content_words(words) or list(words)
    return tuple(sorted(light_stem(w) for w in kept))


@dataclass(frozen=True)
class Match:
    """A run of query words that the thesaurus knows, with what else it may be called."""

    start: int  # index into the content words
    end: int
    alternatives: tuple[tuple[str, ...], ...]  # each a word tuple, the matched words excluded


class Thesaurus:
    """Equivalence groups looked up by the content words of a query."""

    def __init__(self, groups: Iterable[Sequence[str]] = ()) -> None:
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._by_key: dict[tuple[str, ...], list[int]] = {}
        self.words: set[str] = set()  # every word the thesaurus knows (never "misspelled")
        for group in groups:
            self.add(group)

    def copy(self) -> Thesaurus:
        """A thesaurus with the same groups, to add more to (much cheaper than adding them again)."""
        other = Thesaurus()
        other._groups = list(self._groups)
        other._by_key = {k: list(v) for k, v in self._by_key.items()}
        other.words = set(self.words)
        return other

    def __len__(self) -> int:
        return len(self._groups)

    @staticmethod
    def parse_group(terms: Sequence[str]) -> list[list[list[str]]]:
        """A group of terms (texts) as [words, key] pairs, ready for :meth:`add_parsed` (JSON-able)."""
        tokens = [tuple(tokenize(t)) for t in terms]
        return [[list(words), list(term_key(words))] for words in dict.fromkeys(t for t in tokens if t)]

    def add(self, terms: Sequence[str]) -> None:
        """Add a group of equivalent terms (texts); a term with no words is skipped."""
        self.add_parsed(self.parse_group(terms))

    def add_parsed(self, parsed: Sequence[Sequence[Sequence[str]]]) -> None:
        """Add a group made by :meth:`parse_group` (perhaps stored and read back)."""
        if len(parsed) < 2:
            return
        number = len(self._groups)
        self._groups.append(tuple(tuple(words) for words, _ in parsed))
        for words, k in parsed:
            self.words.update(words)
            if k and len(k) <= MAX_PHRASE:
                self._by_key.setdefault(tuple(k), []).append(number)

    def groups(self) -> list[tuple[str, ...]]:
        """Every group, each term as its words joined by spaces."""
        return [tuple(" ".join(t) for t in group) for group in self._groups]

    def alternatives(self, words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
        """Other names for exactly these words (an empty tuple if none)."""
        k = term_key(words)
        found: dict[tuple[str, ...], None] = {}
        for number in self._by_key.get(k, ()):
            for term in self._groups[number]:
                if term_key(term) != k:
                    found[term] = None
        return tuple(found)

    def matches(self, words: Sequence[str]) -> list[Match]:
        """Longest known terms in a sequence of content words, left to right, not overlapping."""
        stems = [light_stem(w) for w in words]
        found: list[Match] = []
        i = 0
        while i < len(stems):
            joined = words[i] + words[i + 1] if i + 1 < len(words) else ""
            for length in range(min(MAX_PHRASE, len(stems) - i), 0, -1):
                k = tuple(sorted(stems[i : i + length]))
                if length == 1 and joined and (light_stem(joined),) in self._by_key:
                    # two words written apart that the thesaurus knows as one: "belly ache", "bellyache"
                    found.append(Match(i, i + 2, ((joined,), *self.alternatives([joined]))))
                    i += 2
                    break
                if k in self._by_key:
                    found.append(Match(i, i + length, self.alternatives(words[i : i + length])))
                    i += length
                    break
            else:
                i += 1
        return found


def parse_lines(lines: Iterable[str]) -> list[list[str]]:
    """Groups from thesaurus text: ``term | term | term``; ``#`` starts a comment."""
    groups: list[list[str]] = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if "|" not in line:
            continue
        terms = [t.strip() for t in line.split("|") if t.strip()]
        if len(terms) >= 2:
            groups.append(terms)
    return groups


def load_default(prepare: Callable[[str], str] | None = None) -> Thesaurus:
    """The thesaurus shipped with the program: the generated lay <-> medical vocabulary
    (WordNet) and the hand-written groups for what it lacks (:mod:`.vocabulary`).

    ``prepare`` gives each term as queries are matched (accents folded: "Ménière" -> "Meniere").
    """
    from guide.core.search.vocabulary import LAY_MEDICAL, THESAURUS, read_resource

    groups: list[list[str]] = []
    for name in (THESAURUS, LAY_MEDICAL):
        try:
            groups += parse_lines(read_resource(name).splitlines())
        except OSError:  # a damaged install still searches, without the groups
            continue
    if prepare is not None:
        groups = [[prepare(t) for t in group] if not all(map(str.isascii, group)) else group for group in groups]
    return Thesaurus(groups)


@lru_cache(maxsize=8)
def load_language(language: str, prepare: Callable[[str], str]) -> Thesaurus:
    """The lay vocabulary of a language other than English (``resources/thesaurus-LANG.txt``, e.g.
    the Spanish "azúcar en la sangre | diabetes"), each term as that language's queries are matched
    (``prepare``: accents folded, stop words out); empty when the language has none.

    Its ``words`` hold the terms' words both as written and folded: spelling never replaces them.
    """
    from guide.core.search.vocabulary import read_resource

    try:
        groups = parse_lines(read_resource(f"thesaurus-{language}.txt").splitlines())
    except (OSError, ValueError):
        return Thesaurus()
    # "(México, Colombia)" after a term says where it is usual: a note, not words to search for
    groups = [[_REGION.sub("", t).strip() for t in group] for group in groups]
    thesaurus = Thesaurus([[prepare(t) for t in group] for group in groups])
    thesaurus.words.update(w for group in groups for t in group for w in tokenize(t))
    return thesaurus


def load_default_stored(prepare: Callable[[str], str] | None, folder: Path | None) -> Thesaurus:
    """:func:`load_default`, kept parsed in ``folder`` (the user's cache) for the next process.

    Parsing the shipped groups takes 50-70 ms at every index opening (the first query of a fresh
    process); reading them parsed back takes ~5-10 ms. The stored form is :mod:`marshal` data
    (plain lists, tuples and strings; no pickle, so nothing in it can run code), named by a hash
    of what the parse depends on: the resource texts, how terms are prepared, and the code that
    makes the keys (this module's and ``query``'s source when present, else the program's version:
    a built app's code never changes under it). Anything unreadable is parsed again and rewritten.
    """
    if folder is None:
        return load_default(prepare)
    try:
        path = folder / f"thesaurus-{_parse_key(prepare)}.marshal"
    except Exception:  # a resource that cannot be read: parse as before (it says so itself)
        return load_default(prepare)
    try:
        groups, by_key, words = marshal.loads(path.read_bytes())
        found = Thesaurus()
        found._groups = [tuple(tuple(words) for words in group) for group in groups]
        found._by_key = {tuple(k): list(v) for k, v in by_key}
        found.words = set(words)
        return found
    except Exception:  # missing (first use), cut or of another form: parse and store it
        pass
    made = load_default(prepare)
    data = marshal.dumps((made._groups, list(made._by_key.items()), sorted(made.words)))
    with contextlib.suppress(OSError):  # a read-only cache: parsed at every opening, as before
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # whole or not at all, also beside another process
    return made


def _parse_key(prepare: Callable[[str], str] | None) -> str:
    """What the parsed default thesaurus depends on, hashed (see :func:`load_default_stored`)."""
    from guide import __version__
    from guide.core.search import query
    from guide.core.search.vocabulary import LAY_MEDICAL, THESAURUS, read_resource

    digest = hashlib.blake2b(digest_size=12)
    for name in (THESAURUS, LAY_MEDICAL):
        digest.update(read_resource(name).encode("utf-8"))
    name = "none" if prepare is None else f"{getattr(prepare, '__module__', '')}.{getattr(prepare, '__qualname__', '')}"
    digest.update(f"\0{name}\0{__version__}\0{marshal.version}".encode())
    for module in (query, sys.modules[__name__]):
        with contextlib.suppress(OSError, TypeError):
            digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()
