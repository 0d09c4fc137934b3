"""Spelling correction of query words against the words of the index (rapidfuzz, no Whoosh).

A word found in the index, in the thesaurus or vocabulary, or in the packaged list of
English words (:func:`guide.core.search.vocabulary.english_words`) is never corrected,
however rare it is: "puke", "barf" and "peeing" are words, not typos. Anything else of
three letters or more is replaced by the closest indexed word within a few edits,
preferring fewer edits, then words used in titles, then common words.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from guide.core.models import Suggestion
from guide.core.search.query import tokenize

MIN_LENGTH = 3  # shorter words ("mi", "ct") are abbreviations more often than typos
SMALL_VOCABULARY = 20_000  # below this, a short unknown word is more likely real English than a typo


MAX_SUGGEST_CHARS = 150  # longer text gets no title suggestions (the longest titles are shorter)
RARE = 2  # a word seen this rarely, one edit from a word 100 times as common, is a typo in the text


def spoken(word: str) -> str:
    """The word spelled as it sounds, vowels kept: "sirosis" and "cirrhosis" both give "sirosis"."""
    w = word.replace("ph", "f").replace("x", "ks")
    w = re.sub(r"c(?=[eiy])", "s", w)
    w = w.replace("c", "k").replace("q", "k").replace("z", "s").replace("y", "i").replace("h", "")
    return re.sub(r"(.)\1+", r"\1", w)


def sound(word: str) -> str:
    """A rough key for how a word sounds: "excema" and "eczema", "sirosis" and "cirrhosis" agree."""
    w = spoken(word)
    return re.sub(r"(.)\1+", r"\1", w[:1] + re.sub(r"[aeiou]", "", w[1:]))


def max_edits(word: str) -> int:
    """Edits allowed for a word of this length: 1 up to 4 letters, 2 up to 8, then 3."""
    if len(word) <= 4:
        return 1
    if len(word) <= 8:
        return 2
    return 3


class Speller:
    """Corrects words against a vocabulary of ``word -> count`` (counts from the index)."""

    def __init__(
        self,
        counts: Mapping[str, int],
        title_words: Iterable[str] = (),
        known: Iterable[str] = (),
        english: frozenset[str] | Callable[[], frozenset[str]] = frozenset(),
        tables: tuple[Any, Any] | None = None,
    ):
        """``tables``: the words by length and by sound, made at index time and read per key
        (:meth:`guide.core.search.sidestore.SideStore.speller_tables`); else made here when first needed."""
        self.counts = dict(counts)
        self.title_words = set(title_words)
        self.known = set(known)
        self._english = english  # shared, not copied: tens of thousands of words, read when first needed
        self._tables: tuple[dict[int, list[str]], dict[str, list[str]]] | None = tables

    @property
    def english(self) -> frozenset[str]:
        """English words never corrected (read at the first word the index does not know)."""
        if callable(self._english):
            self._english = self._english()
        return self._english

    def _index(self) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
        """Words by length and by sound, made when a word first needs correcting (a third of a
        second on a large library: most queries never need it, and the first must be quick)."""
        if self._tables is None:
            by_length: dict[int, list[str]] = {}
            by_sound: dict[str, list[str]] = {}
            for word in self.counts:
                if word.isalpha():
                    by_length.setdefault(len(word), []).append(word)
                    if len(word) >= 4:
                        by_sound.setdefault(sound(word), []).append(word)
            self._tables = (by_length, by_sound)
        return self._tables

    @property
    def _by_length(self) -> dict[int, list[str]]:
        return self._index()[0]

    @property
    def _by_sound(self) -> dict[str, list[str]]:
        return self._index()[1]

    def learn(self, counts: Mapping[str, int]) -> None:
        """Take new word counts (after an update), indexing only the words not seen before."""
        for word, count in counts.items():
            if word not in self.counts and word.isalpha() and self._tables is not None:
                self._by_length.setdefault(len(word), []).append(word)
                if len(word) >= 4:
                    self._by_sound.setdefault(sound(word), []).append(word)
            self.counts[word] = count

    def is_known(self, word: str) -> bool:
        return word in self.counts or word in self.known or word in self.english

    def needs_correction(self, word: str) -> bool:
        """True for a word of letters that neither the index nor the thesaurus knows.

        In a small library ("call" in a five-article guide) a short word is left alone.
        """
        if len(word) <= 4 and len(self.counts) < SMALL_VOCABULARY:
            return False
        return len(word) >= MIN_LENGTH and word.isalpha() and not self.is_known(word)

    def correct(self, word: str) -> str | None:
        """The best replacement for an unknown word, or None (known words give None too).

        A word the index holds only once or twice ("symtoms") is replaced only when a word
        one edit away is a hundred times as common: the text itself has typos.
        """
        if not self.needs_correction(word):
            if word in self.known or word in self.english or not word.isalpha() or self.counts.get(word, 0) > RARE:
                return None
            common = 100 * self.counts.get(word, 1)
            near = [
                w
                for length in (len(word) - 1, len(word), len(word) + 1)
                for w, _, _ in process.extract(
                    word, self._by_length.get(length, []), scorer=OSA.distance, score_cutoff=1, limit=None
                )
                if self.counts.get(w, 0) >= common and w != word
            ]
            return max(near, key=lambda w: self.counts[w]) if near else None
        limit = max_edits(word)
        best: tuple[float, str] | None = None
        for candidate in self._by_sound.get(sound(word), []):
            distance = OSA.distance(word, candidate)
            if distance <= limit + 1:
                rank = self._rank(word, candidate, distance) - 1.5
                if spoken(candidate) == spoken(word):
                    # written as it sounds ("sirosis" for cirrhosis): the letters differ, the word does
                    # not, so this beats any near miss that merely looks alike ("siris")
                    rank -= 2.0 + (0.3 if candidate[:1] != word[:1] else 0.0)
                if best is None or rank < best[0]:
                    best = (rank, candidate)
        for length in range(len(word) - limit, len(word) + limit + 1):
            choices = self._by_length.get(length)
            if not choices:
                continue
            found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
            for candidate, distance, _ in found:
                rank = self._rank(word, candidate, int(distance))
                if best is None or rank < best[0]:
                    best = (rank, candidate)
        return best[1] if best else None

    def _rank(self, word: str, candidate: str, distance: int) -> float:
        """Lower is better: edits first; a title word or a common word wins a tie."""
        count = self.counts.get(candidate, 0)
        score = distance - 0.1 * math.log10(1 + count)
        if candidate in self.title_words:
            score -= 0.3
        if candidate[:1] != word[:1]:
            score += 0.3  # the first letter is rarely the one mistyped
        return score

    def split(self, word: str) -> tuple[str, str] | None:
        """Two known words run together ("heartattack" -> heart, attack), or None."""
        if not self.needs_correction(word) or len(word) < 6:
            return None
        best: tuple[int, tuple[str, str]] | None = None
        for i in range(2, len(word) - 1):
            left, right = word[:i], word[i:]
            if left in self.counts and right in self.counts:
                score = min(self.counts[left], self.counts[right])
                if best is None or score > best[0]:
                    best = (score, (left, right))
        return best[1] if best and best[0] >= 5 else None


class Suggester:
    """Titles and aliases for the search box: whole prefix, word starts, then near misses."""

    def __init__(
        self,
        articles: Iterable[tuple[str, str, Sequence[str]]] | Callable[[], Iterable[tuple[str, str, Sequence[str]]]],
        prebuilt: Callable[[], Any] | None = None,
    ) -> None:
        """``articles`` (id, title, aliases), or a function giving them when the tables are made;
        ``prebuilt``: a function giving the tables made at index time (:meth:`tables`), or None."""
        self._items: Any = articles if callable(articles) else list(articles)
        self._prebuilt = prebuilt
        self.made_here = False  # True once the tables were made from the articles (not read prebuilt)
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Make the tables now (they are made at the first suggestion otherwise: a search, which
        needs none of them, must not wait for them)."""
        with self._lock:
            if self._items is not None:
                tables = self._prebuilt() if self._prebuilt is not None else None
                if tables is not None:
                    self._use(*tables)
                else:
                    self._build(list(self._items() if callable(self._items) else self._items))
                    self.made_here = True
                self._items = None

    def tables(self) -> tuple[list[tuple[str, str, str]], dict[str, list[int]], Any]:
        """The entries, the word table and the near-miss speller's tables, to be stored and given
        back as ``prebuilt``."""
        self.warm()
        return self._entries, self._by_word, self._speller._index()

    def _build(self, items: list[tuple[str, str, Sequence[str]]]) -> None:
        seen: dict[str, int] = {}
        self._entries: list[tuple[str, str, str]] = []  # (key, text shown, article id)
        for aid, title, _ in items:
            self._add(seen, title, aid)
        for aid, _, aliases in items:
            for alias in aliases:
                self._add(seen, alias, aid)
        self._entries.sort()
        by_word: dict[str, list[int]] = {}
        for number, (k, _, _) in enumerate(self._entries):
            for word in set(k.split()):
                by_word.setdefault(word, []).append(number)
        self._use(self._entries, by_word)

    def _use(self, entries: Sequence[Sequence[str]], by_word: dict[str, list[int]], spelling: Any = None) -> None:
        self._entries = [(k, text, aid) for k, text, aid in entries]
        self._keys = [e[0] for e in self._entries]
        self._by_word = by_word
        self._words = sorted(by_word)
        self._speller = Speller(Counter(w for k in self._keys for w in k.split()), tables=spelling)

    def _add(self, seen: dict[str, int], text: str, aid: str) -> None:
        if ("\0" + text) in seen:
            return
        seen["\0" + text] = -1  # raw texts are marked apart from keys
        k = " ".join(tokenize(text))
        if k and k not in seen:
            seen[k] = len(self._entries)
            self._entries.append((k, text, aid))

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        if len(text) > MAX_SUGGEST_CHARS:
            return []  # pasted text, not a title being typed: and this runs at every key
        self.warm()
        words = tokenize(text[:200])
        if not words or limit <= 0:
            return []
        found: dict[int, None] = {}
        self._collect(words, found, limit)
        if len(found) < limit:
            fixed = [self._speller.correct(w) or w for w in words]
            if fixed != words:
                self._collect(fixed, found, limit)
        if len(found) < limit and len(" ".join(words)) >= 4:
            near = process.extract(" ".join(words), self._keys, scorer=fuzz.ratio, limit=limit, score_cutoff=75)
            found.update((number, None) for _, _, number in near)
        return [Suggestion(self._entries[n][1], self._entries[n][2]) for n in list(found)[:limit]]

    def _collect(self, words: list[str], found: dict[int, None], limit: int) -> None:
        typed = " ".join(words)
        start = bisect.bisect_left(self._keys, typed)
        whole = []
        for number in range(start, min(start + 400, len(self._keys))):
            if not self._keys[number].startswith(typed):
                break
            whole.append(number)
        whole.sort(key=lambda n: len(self._keys[n]))
        found.update((n, None) for n in whole[:limit])
        if len(found) >= limit:
            return
        last, others = words[-1], set(words[:-1])
        starts: list[int] = []
        i = bisect.bisect_left(self._words, last)
        while i < len(self._words) and self._words[i].startswith(last) and len(starts) < 2000:
            starts.extend(self._by_word[self._words[i]])
            i += 1
        fitting = [n for n in set(starts) if others <= set(self._keys[n].split())]
        fitting.sort(key=lambda n: len(self._keys[n]))
        for n in fitting:
            if len(found) >= limit:
                break
            found.setdefault(n, None)
