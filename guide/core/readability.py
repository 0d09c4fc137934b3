"""Estimated reading grade of an article: the Flesch-Kincaid grade of its plain text.

textstat is not called: for English it looks words up in NLTK's CMU dictionary and,
when that is not installed, *downloads* it, and this program must never open a
network connection. The formula is small, so it lives here, with syllables counted
with Pyphen's hyphenation dictionary (shipped inside Pyphen, and what textstat itself
falls back to for words the CMU dictionary lacks) checked against vowel groups.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from guide.core import atomic
from guide.core.i18n import N_, current_language, translator
from guide.core.languages import primary
from guide.core.models import Article
from guide.core.text import plain_text

log = logging.getLogger(__name__)
CACHE_VERSION = 2  # bump when the formula or the text extraction changes

MIN_WORDS = 30  # fewer words than this give no grade: the formula is noise on a few lines
MIN_GRADE, MAX_GRADE = 1, 18  # shown as "grade 1" to "grade 18" (18 ~ postgraduate)

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Counts:
    words: int
    sentences: int
    syllables: int


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    try:
        import pyphen

        return pyphen.Pyphen(lang="en_US")
    except Exception:  # not installed, or no dictionary: count vowel groups instead
        return None


def has_dictionary() -> bool:
    """True when Pyphen's English dictionary is there (a frozen app must ship it; the self-test checks)."""
    return _hyphenator() is not None


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables of one word: the larger of Pyphen's count and the vowel groups.

    Hyphenation never splits near a word's ends, so Pyphen alone says "body", "area"
    and "idea" have one syllable; vowel groups miss "being" and "created". Each
    undercounts where the other does not."""
    word = word.lower()
    groups = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1  # silent e: "disease", "time"
    hyphenator = _hyphenator()
    by_hyphens = len(hyphenator.positions(word)) + 1 if hyphenator is not None else 0
    return max(1, groups, by_hyphens)


def counts(text: str) -> Counts:
    words = _WORD.findall(text)
    sentences = max(1, len(_SENTENCE_END.findall(text))) if words else 0
    return Counts(len(words), sentences, sum(syllables(w) for w in words))


def grade(markdown_text: str) -> float | None:
    """Flesch-Kincaid grade of Markdown text, or None when there is too little text to rate."""
    try:
        found = counts(plain_text(markdown_text))
    except Exception:  # a reading level is a nicety: never let odd text break the page
        return None
    if found.words < MIN_WORDS:
        return None
    raw = 0.39 * found.words / found.sentences + 11.8 * found.syllables / found.words - 15.59
    return round(min(float(MAX_GRADE), max(float(MIN_GRADE), raw)), 1)


def describe(value: float | None, language: str | None = None) -> str:
    """"grade 8" for the status line; "not rated" when there is no grade (in ``language``, by
    default the interface's)."""
    _ = translator(language or current_language())
    return _("not rated") if value is None else _("grade {grade}").format(grade=round(value))


EXPLANATION = N_(
    "An estimate of the school grade (US) a reader needs to follow this text easily, "
    "from the length of its sentences and words. Grade 6 to 8 suits most adults; "
    "higher grades mean longer sentences and longer words. It says nothing about "
    "whether the content is right."
)


class BodySource(Protocol):
    def body(self, article: Article) -> str: ...


class ReadingLevels:
    """Grades worked out on first use and remembered, also on disk, until the article's file changes.

    Grading costs about 2 ms an article (benchmarks/readability.py), so nothing is
    graded at start: the open article is graded when shown, and a topic's articles
    when its page is sorted easier-first. A plain dict shared with one worker thread.
    """

    def __init__(self, library: BodySource, cache_file: Path | None = None) -> None:
        self.library = library
        self.cache_file = cache_file
        self._cache: dict[str, tuple[tuple[int, int], float | None]] = {}
        self._dirty = False
        if cache_file is not None:
            self._load(cache_file)

    def grade(self, article: Article) -> float | None:
        if primary(article.language) != "en":  # Flesch-Kincaid is an English formula: "grade 14" for plain Spanish
            return None
        stamp = _stamp(article.path)
        cached = self._cache.get(article.id)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            value = grade(self.library.body(article))
        except Exception:
            value = None
        self._cache[article.id] = (stamp, value)
        self._dirty = True
        return value

    def known(self, article: Article) -> bool:
        """Whether the grade is at hand without reading the article."""
        cached = self._cache.get(article.id)
        return cached is not None and cached[0] == _stamp(article.path)

    def grades(self, articles: Iterable[Article]) -> dict[str, float | None]:
        return {a.id: self.grade(a) for a in articles}

    def save(self) -> None:
        """Write the remembered grades; a failure only costs grading again next time."""
        if self.cache_file is None or not self._dirty:
            return
        data = {key: [*stamp, value] for key, (stamp, value) in list(self._cache.items())}
        try:
            atomic.write_json(self.cache_file, {"version": CACHE_VERSION, "grades": data})
            self._dirty = False
        except OSError as exc:
            log.warning("could not save reading levels to %s: %s", self.cache_file, exc)

    def _load(self, path: Path) -> None:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("version") != CACHE_VERSION:
                return
            for key, (mtime, size, value) in raw["grades"].items():
                if isinstance(value, int | float | None) and isinstance(mtime, int) and isinstance(size, int):
                    self._cache[str(key)] = ((mtime, size), None if value is None else float(value))
        except FileNotFoundError:
            return
        except (OSError, ValueError, TypeError, AttributeError, KeyError) as exc:
            log.warning("ignoring reading-level cache %s: %s", path, exc)


def easier_first(articles: Iterable[Article], grade_of: Callable[[Article], float | None]) -> list[Article]:
    """Articles by grade, lowest first; unrated ones last; equal grades keep their order."""
    listed = list(articles)
    keyed = [(grade_of(a), n, a) for n, a in enumerate(listed)]
    keyed.sort(key=lambda k: (k[0] is None, k[0] or 0.0, k[1]))
    return [a for _, _, a in keyed]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return (0, 0)
