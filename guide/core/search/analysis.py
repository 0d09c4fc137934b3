"""How the words of each language are matched: accent folding, stop words, stems, term tags.

Every article is analysed in its own ``language`` and every query in the interface's
language (then, when that finds little, in the library's other languages: see
:mod:`guide.core.search.engine`). An :class:`Analysis` turns a lower-case word into the
term the index holds:

* **English** (``en``): accents folded, then the Porter stemmer, as before languages
  existed (so English results are unchanged); the terms carry no tag. Filler words
  ("what is", "my") are dropped from queries, not from the text.
* **Spanish** and **French** (``es``, ``fr``): accents folded, then Snowball's stemmer for
  the language, and its stop words dropped from both the text and queries. Terms are
  tagged (``es:vacun``), so a Spanish stem never matches an English word that happens to
  be spelled alike, and each language keeps its own word statistics.
* **Any other language**: folded and lower-cased, not stemmed (a wrong stemmer does more
  harm than none), tagged with its code.

The stemmers and stop words come from Whoosh (``whoosh.lang``) and are handed in by the
engine, the one module that imports Whoosh; this module holds what is language-specific
and Whoosh-free. Folding is hand-written (a dozen lines over :mod:`unicodedata`): libraries
such as Unidecode transliterate whole scripts (Greek, Cyrillic, Arabic into Latin
letters), which would merge unrelated words; folding only drops the marks on letters, so
"depresion" matches "depresión", "nino" "niño" and "cancer" "cáncer". Text shown to the
reader (titles, snippets) is never folded.

Folding comes before stemming, so a word and its unaccented spelling always get the same
term. Snowball's Spanish rules name a few suffixes with their accent ("-ación", "-ución",
"-logía"); :func:`spanish_accents` puts the accent back on those endings before stemming,
so "vacunación" and "vacunacion" both stem like "vacunaciones" (``vacun``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

# Letters that Unicode does not decompose into a letter and a mark.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})

STEMMED = ("en", "es", "fr")  # languages analysed with a stemmer of their own
# Names a Snowball stemmer would cut into a word of its own language (Lucene's StemmerOverride idea):
# Spanish "medicaid" loses "-id" as if a verb ending and becomes "medic", as "médico" does.
KEEP_WHOLE = frozenset({"medicaid", "medicare"})  # programme names, used as they are in Spanish and French
MAX_CACHE = 400_000  # words remembered per analysis before the cache starts again


def fold(text: str) -> str:
    """Text without accents and other marks on letters: "Depresión" -> "Depresion", "cœur" -> "coeur"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=1)
def _one_to_one() -> dict[int, str]:
    """Accented Latin letters and the one plain letter each folds to (those folding to two are left)."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        plain = fold(chr(code))
        if len(plain) == 1 and plain != chr(code):
            table[code] = plain
    return table


def fold_chars(text: str) -> str:
    """``text`` with accented letters folded one for one, so positions stay those of ``text``:
    what highlighting searches, to mark the words as written ("niño" found by "nino")."""
    return text if text.isascii() else text.translate(_one_to_one())


_SPANISH_ENDINGS = (("aciones", "aciones"), ("acion", "ación"), ("uciones", "uciones"), ("ucion", "ución"),
                    ("logias", "logías"), ("logia", "logía"))


# French elided words ("l'enfant", "qu'il", "d'asthme"): dropped before cutting text into words, as
# they are stop words; the shared tokenizer would otherwise join them to the next word ("lenfant").
_ELISION = re.compile(r"(?<![^\W_])(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])['’](?=[^\W_])", re.IGNORECASE)


def strip_elisions(text: str) -> str:
    """French text without its elided articles and pronouns: "l'asthme de l'enfant" -> "asthme de enfant"."""
    return _ELISION.sub("", text) if "'" in text or "’" in text else text


def spanish_accents(word: str) -> str:
    """A folded Spanish word with the accent its Snowball suffix rules expect: "vacunacion" -> "vacunación"."""
    for plain, accented in _SPANISH_ENDINGS:
        if word.endswith(plain):
            return word[: len(word) - len(plain)] + accented
    return word


@dataclass(eq=False)  # one per language, compared and hashed by identity
class Analysis:
    """How one language's words become index terms (see the module docstring).

    ``stemmer`` takes a folded lower-case word (None: not stemmed); ``stop`` holds stop
    words as written and folded; ``content`` picks the words of a query that count
    (English filler is dropped by the default given by the engine).
    """

    language: str  # primary language subtag: "en", "es", "fr", or another analysed neutrally
    stemmer: Callable[[str], str] | None
    stop: frozenset[str] = frozenset()
    tag: str = ""  # put before every term: "" for English, "es:" for Spanish
    folds: bool = True
    prepare_word: Callable[[str], str] | None = None  # a folded word before stemming (Spanish accents)
    query_filter: Callable[[Sequence[str]], list[str]] | None = None  # English filler words, for English
    elisions: bool = False  # French: elided words are dropped before the text is cut into words
    _cache: dict[str, str] = field(default_factory=dict, repr=False)

    def term(self, word: str) -> str:
        """The indexed term of a lower-case word (numbers and words under three letters are not stemmed)."""
        found = self._cache.get(word)
        if found is None:
            plain = fold(word) if self.folds else word
            whole = self.tag and plain in KEEP_WHOLE  # (English keeps its stems exactly as before)
            if self.stemmer is not None and len(plain) >= 3 and plain.isalpha() and not whole:
                before = self.prepare_word(plain) if self.prepare_word else plain
                stemmed = self.stemmer(before)
                plain = fold(stemmed) if self.folds else stemmed
            found = self.tag + plain
            if len(self._cache) > MAX_CACHE:
                self._cache.clear()
            self._cache[word] = found
        return found

    def text(self, text: str) -> str:
        """Text ready to be cut into words (French elisions dropped)."""
        return strip_elisions(text) if self.elisions else text

    def terms(self, words: Iterable[str]) -> list[str]:
        """The terms of a text's words, stop words left out (the text side)."""
        cache, term, stop = self._cache, self.term, self.stop
        if stop:
            return [cache.get(w) or term(w) for w in words if w not in stop]
        return [cache.get(w) or term(w) for w in words]

    def content(self, words: Sequence[str]) -> list[str]:
        """The words of a query (or a title) that say what it is about: stop words and filler out."""
        if self.query_filter is not None:
            return self.query_filter(words)
        return [w for w in words if w not in self.stop]

    def indexed(self, words: Sequence[str]) -> list[str]:
        """The words of a phrase that the index holds (stop words are not indexed; all, if all are)."""
        if not self.stop:
            return list(words)
        return [w for w in words if w not in self.stop] or list(words)

    def prepare(self, text: str) -> str:
        """A name or thesaurus term as matched: folded, this language's stop words left out."""
        text = fold(text) if self.folds else text
        if not self.stop:
            return text
        words = re.findall(r"[^\W_]+", text.casefold())
        return " ".join([w for w in words if w not in self.stop] or words)

    def surface(self, term: str) -> str:
        """A term without its language tag (what its words start with, for highlighting)."""
        return term[len(self.tag) :] if self.tag and term.startswith(self.tag) else term


def stop_set(words: Iterable[str]) -> frozenset[str]:
    """Stop words as written and folded, so "está" and "esta" are both left out."""
    words = [w.casefold() for w in words]
    return frozenset(words) | frozenset(fold(w) for w in words)
