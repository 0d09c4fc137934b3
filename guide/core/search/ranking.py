"""Query planning and ranking on plain values: lookups, spelling, concepts, common words, names, hits."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from guide.core.models import SearchHit
from guide.core.search.analysis import fold, fold_chars
from guide.core.search.query import FILLER, Part, content_words, key, snippet, tokenize, unparse
from guide.core.search.spelling import Speller, Suggester
from guide.core.search.thesaurus import Thesaurus
from guide.core.search.vocabulary import english_words

# -- The weights, all in one place ------------------------------------------------------------
# A section's score is, from the biggest step down:
#   EXACT_BONUS x how much of the query the article's title (or alias) names   (Plan.named)
# + COVER_WEIGHT x the concepts of the query the section matches, typed words counting 1 and
#   words reached only through the thesaurus SYNONYM_COVER                    (Plan.combine)
# + the sum over concepts of BM25F of each concept's best alternative, a synonym's scaled by
#   SYNONYM_WEIGHT (the field weights: engine.NAMES_WEIGHT and the schema's part weights).
# So a section that matches every concept beats one that matches a frequent title word alone
# ("blood" in "blood in urine"), and a synonym never outranks the words typed, all else equal.
EXACT_BONUS = 1000.0  # per tier: a title equal to the query is tier 2, an alias tier 1
NAMED_WEIGHT = 100.0  # a title naming part of the query, x the share it names
FULLY_NAMED = 0.999  # a title naming this share of the query or more gets EXACT_BONUS x the share
COVER_WEIGHT = 40.0  # per concept matched, for queries of two concepts or more
SYNONYM_COVER = 0.8  # a concept matched only through a synonym covers this much of one
SYNONYM_NAMED = 0.99  # a title naming a concept through a synonym: just below the words typed
# (an abbreviation's expansion is as good a name as the abbreviation; it only loses ties)
SYNONYM_WEIGHT = 0.7  # a word reached through the thesaurus counts a little less in BM25F
MAX_ALTERNATIVES = 8  # other names tried for one thesaurus match
COMMON_SHARE = 0.08  # a word in more than this share of sections is "common" (see common_limit)
REFINE = 600  # sections that common words are scored on, at most
COMMON_MAX = 2500  # ... or in more sections than this, which keeps very large libraries fast
SNIPPET_SCAN = 3000  # characters of a section searched for the snippet and the words to highlight (~1 ms a hit)


def correct(
    parts: Sequence[Part], speller: Speller, own: Callable[[str], bool] | None = None
) -> tuple[list[Part], str | None]:
    """Replace words that the index does not know by their nearest known spelling.

    ``own`` (a query in a language other than English, in a library holding articles in it)
    says whether a word is one of that language's: such a word is never replaced ("drogas" is
    Spanish, not a typo of "drugs"), and a word is replaced by one of them when one is near
    ("depresoin" -> "depresión", not "depression"), by another language's word only when none is."""
    out: list[Part] = []
    changed = False
    for part in parts:
        if part.kind == "prefix":
            out.append(part)
            continue
        words: list[str] = []
        for word in part.words:
            if own is not None and own(word):
                words.append(word)
                continue
            fixed = speller.correct(word, only=own)
            if fixed is None and own is not None:
                fixed = speller.correct(word)  # none of the language's words is near: the library's
            if fixed is None and (pair := speller.split(word)) and (own is None or all(map(own, pair))):
                fixed = " ".join(pair)
            words.extend(fixed.split() if fixed else [word])
            changed = changed or fixed is not None
        out.append(Part(tuple(words), part.kind, part.excluded))
    return out, (unparse(out) if changed else None)


def name_lookups(
    articles: Mapping[str, tuple[str, list[str]]],
    about: Mapping[str, tuple[str, list[str]]] | None = None,
    prepare: Callable[[str, str], str] | None = None,
    english: Callable[[str], bool] | None = None,
) -> dict[str, Any]:
    """What the articles' names give search, made once at index time (JSON-ready): the exact
    table (a title's or alias's key -> [article id, tier]: 2 for a title, 1 for an alias), the
    groups of each article's names (title, aliases, names mined from its text) as words with
    their thesaurus keys, and the words used in titles and aliases.

    ``articles`` is id -> (title, aliases), ``about`` id -> (source, mined names);
    ``prepare(id, name)`` gives a name as the article's language matches it (accents folded,
    stop words out: :meth:`~guide.core.search.analysis.Analysis.prepare`); ``english(id)`` says
    that an article's names are prepared as English ones (so their keys are shared).
    """
    about = about or {}
    exact: dict[str, list[tuple[str, int]]] = {}
    title_words: set[str] = set()
    groups: dict[tuple[str, ...], None] = {}
    keys: dict[str, str] = {}  # many titles and aliases repeat: compute each key once

    def k(text: str) -> str:
        found = keys.get(text)
        if found is None:
            found = keys[text] = key(text)
            title_words.update(tokenize(text))
        return found

    prepared: dict[str, str] = {}  # name as written -> its key, for names in English (most of them)

    def k_of(aid: str, text: str) -> str:
        if prepare is None:
            return k(text)
        found = prepared.get(text)
        if found is None:
            ready = prepare(aid, text)
            found = k(text)  # its words are title words as written
            if ready != text:
                found = key(ready)
            if english is not None and english(aid):
                prepared[text] = found
        return found

    title_keys = {k_of(aid, title) for aid, (title, _) in articles.items()}
    for aid, (title, aliases) in articles.items():
        title_key = k_of(aid, title)
        exact.setdefault(title_key, []).append((aid, 2))
        for alias in aliases:
            exact.setdefault(k_of(aid, alias), []).append((aid, 1))
        # an alias that is another article's title ("Diabetes" on "Type 1 diabetes") names
        # a wider subject: it would send every search for that subject here
        mined = about.get(aid, ("", []))[1]
        own = [
            a
            for a in (*aliases, *mined)
            if len(a.split()) <= 6 and ((ka := k_of(aid, a)) not in title_keys or ka == title_key)
        ]
        group = tuple(dict.fromkeys([title, *own]))
        plain = english is not None and english(aid) and all(map(str.isascii, group))  # folding changes nothing
        if len(group) > 1 and prepare is not None and not plain:
            group = tuple(dict.fromkeys(prepare(aid, name) for name in group))
        if len(group) > 1:
            groups[group] = None
    return {
        "exact": exact,
        "groups": [Thesaurus.parse_group(group) for group in groups],
        "title_words": sorted(title_words),
    }


def build_lookups(
    articles: Mapping[str, tuple[str, list[str]]],
    counts: dict[str, int],
    base_thesaurus: Thesaurus,
    names: Mapping[str, Any],
    *,
    known: Iterable[str] = (),
    words: Callable[[], frozenset[str]] = english_words,
) -> tuple[Speller, Thesaurus, Suggester, dict[str, list[tuple[str, int]]]]:
    """The speller, the thesaurus with every article's names, suggestions and exact titles, from
    :func:`name_lookups` (read from the index) and the indexed word ``counts``. Quick: the first
    search of a fresh process waits for it; the speller and suggester make their tables later.

    ``known`` and ``words`` (read when first needed) are more words spelling never replaces:
    those of every indexed language (see ``SearchIndex._known_words``)."""
    thesaurus = base_thesaurus.copy()
    for group in names["groups"]:
        thesaurus.add_parsed(group)
    exact: dict[str, list[tuple[str, int]]] = names["exact"]  # [id, tier] lists as read: no copy
    speller = Speller(counts, names["title_words"], known=thesaurus.words | FILLER | set(known), english=words)
    suggester = Suggester([(aid, title, aliases) for aid, (title, aliases) in articles.items()])
    return speller, thesaurus, suggester, exact


def name_bonus(share: float) -> float:
    """What an article's title adds for naming ``share`` of the query (:meth:`Plan.named`): a title
    naming all of it ranks in a tier of its own; one naming a part ("Pain" for "pain when peeing")
    counts about as much as the coverage of a concept, not a tier above every other hit."""
    return EXACT_BONUS * share if share >= FULLY_NAMED else NAMED_WEIGHT * share


def common_limit(sections: int) -> int:
    """How many sections a word may be in and still pick articles; in more, it is "common"."""
    return max(50, min(COMMON_MAX, int(sections * COMMON_SHARE)))


@dataclass(frozen=True)
class Alt:
    """One way a concept can be met: these stems, at this weight; ``complete`` needs them all."""

    stems: tuple[str, ...]
    weight: float = 1.0
    complete: bool = False


class Plan:
    """A query as concepts of alternative stems, with what is needed to rank, filter and highlight.

    Words are stemmed by ``stem`` and prefixes widened by ``expand``, both from the index
    (:mod:`guide.core.search.engine`), so a plan always agrees with the postings it is run on.
    """

    def __init__(
        self,
        parts: Sequence[Part],
        thesaurus: Thesaurus,
        base_thesaurus: Thesaurus,
        stem: Callable[[str], str],
        expand: Callable[[str], list[str]],
        *,
        content: Callable[[Sequence[str]], list[str]] = content_words,
        indexed: Callable[[Sequence[str]], list[str]] = list,
        untag: Callable[[str], str] = str,
        loose: bool = False,
    ) -> None:
        """``stem`` gives a word's indexed term, ``content`` the words of a query that count (English:
        filler out), ``indexed`` the words of a phrase that the index holds (stop words are not),
        ``untag`` a term's letters (without a language tag), ``loose``: words are matched with or
        without accents (the query's words come folded, and hits' text is folded to find the words
        to highlight); all from the language's analysis."""
        self.thesaurus = thesaurus  # the curated groups and every article's names
        self.base_thesaurus = base_thesaurus  # the curated groups alone: what may name a title
        self._stem = stem
        self._expand = expand
        self._content = content
        self._untag = untag
        self._loose = loose
        self.highlight: set[str] = set()
        self.prefixes: list[str] = []
        self.alt_keys: list[str] = []
        self.concepts: list[list[Alt]] = []
        self.concept_alts: list[list[frozenset[str]]] = []  # curated ways to name each plain concept
        self.musts: list[list[Alt]] = []  # every must be met: phrases and prefixes
        self.cover: dict[int, float] = {}  # section -> concepts matched, after combine
        self._known: dict[str, bool] = {}  # word -> whether it is highlighted (see _matches)
        self._pattern: re.Pattern[str] | None = None
        self.surface: set[str] = set()  # the words of the query and of the synonyms it was widened with
        positive = [p for p in parts if not p.excluded]
        words = [w for p in positive if p.kind == "word" for w in p.words]
        self.surface.update(w for p in positive for w in p.words)
        meant = self._content(words) or words
        self.key = key(" ".join(meant))
        self.phrases = [tuple(self._stem(w) for w in p.words) for p in positive if p.kind == "phrase"]
        self._concepts(meant)
        for part in positive:
            if part.kind == "phrase":
                alt = Alt(tuple(self._stem(w) for w in indexed(part.words)), 1.0, True)
                self.musts.append([alt])
                self.concepts.append([alt])
                self.highlight.update(alt.stems)
            elif part.kind == "prefix":
                alts = [Alt((t,)) for t in self._expand(part.words[0])]
                self.musts.append(alts)
                self.concepts.append(alts)
                self.prefixes.append(part.words[0])
        self.excluded = [
            Alt((t,)) if p.kind == "prefix" else Alt(tuple(self._stem(w) for w in indexed(p.words)), 1.0, True)
            for p in parts
            if p.excluded
            for t in (self._expand(p.words[0]) if p.kind == "prefix" else [""])
        ]

    def _concepts(self, content: list[str]) -> None:
        matches = {m.start: m for m in self.thesaurus.matches(content)}
        i = 0
        while i < len(content):
            match = matches.get(i)
            if match is None:
                self.concepts.append([Alt((self._stem(content[i]),))])
                self.concept_alts.append([frozenset({self._stem(content[i])})])
                self.highlight.add(self._stem(content[i]))
                i += 1
                continue
            span = content[match.start : match.end]
            alternatives = match.alternatives[:MAX_ALTERNATIVES]
            concept = [Alt(tuple(self._stem(w) for w in span))]
            concept += [Alt(tuple(self._stem(w) for w in alt), SYNONYM_WEIGHT, True) for alt in alternatives]
            self.surface.update(w for alt in alternatives for w in alt)
            self.concepts.append(concept)
            curated = self.base_thesaurus.alternatives(span)
            self.concept_alts.append([frozenset(self._stem(w) for w in alt) for alt in (span, *curated)])
            self.highlight.update(s for alt in concept for s in alt.stems)
            if match.start == 0 and match.end == len(content):
                self.alt_keys = [key(" ".join(alt)) for alt in match.alternatives]
            i = match.end

    def combine(self, per_term: dict[str, dict[int, float]]) -> dict[int, float]:
        """Document number -> score: the sum over concepts of each one's best alternative.

        ``per_term`` holds each stem's scores; documents that miss a must are left out.
        """
        total: dict[int, float] = defaultdict(float)
        cover: dict[int, float] = defaultdict(float)
        for concept in self.concepts:
            best: dict[int, float] = {}
            typed: set[int] = set()  # sections that have every word typed for this concept
            for number, alt in enumerate(concept):
                if any(s not in per_term for s in alt.stems):
                    continue
                maps = [per_term[s] for s in alt.stems]
                if number == 0:
                    typed = set(maps[0]) if len(maps) == 1 else set.intersection(*map(set, maps))
                if len(maps) == 1:  # one word: most alternatives, and the quick case
                    weight, get = alt.weight, best.get
                    for d, v in maps[0].items():
                        if weight * v > get(d, 0.0):
                            best[d] = weight * v
                    continue
                docs = set.intersection(*map(set, maps)) if alt.complete else set().union(*maps)
                for d in docs:
                    value = alt.weight * sum(m.get(d, 0.0) for m in maps)
                    if value > best.get(d, 0.0):
                        best[d] = value
            for d, value in best.items():
                total[d] += value
                cover[d] += 1.0 if d in typed else SYNONYM_COVER
        if len(self.concepts) > 1:
            for d, share in cover.items():
                total[d] += COVER_WEIGHT * share
        self.cover = dict(cover)
        for must in self.musts:
            allowed: set[int] = set()
            for alt in must:
                maps = [per_term.get(s, {}) for s in alt.stems]
                allowed |= set.intersection(*map(set, maps)) if maps else set()
            total = defaultdict(float, {d: v for d, v in total.items() if d in allowed})
        return total

    def named(self, title: frozenset[str], aliases: Sequence[frozenset[str]]) -> float:
        """How much of the query an article's title (or, a little less, an alias) names, from their stems.

        A title counts only when all its words are in the query, directly or through the
        curated thesaurus (not through other articles' aliases); it then scores the share
        of the query's concepts it names: 1.0 for "Glaucoma" on "glaucoma", 0.5 on "how
        is glaucoma treated". Filler never counts, so question-shaped titles compare fairly.
        """
        if not self.concept_alts:
            return 0.0
        return max([self._cover(title), *(0.9 * self._cover(a) for a in aliases)])

    def _cover(self, stems: frozenset[str]) -> float:
        if not stems:
            return 0.0
        named = 0.0
        used: set[str] = set()
        for alternatives in self.concept_alts:
            fitting = [alt for alt in alternatives if alt <= stems]
            if fitting:  # named by the words typed, or (a little less) by a synonym of them
                named += 1.0 if alternatives[0] <= stems else SYNONYM_NAMED
                used.update(*fitting)
        return named / len(self.concept_alts) if used >= stems else 0.0

    def hit(self, aid: str, title: str, stored: Mapping[str, Any], score: float) -> SearchHit:
        """The hit for an article at one section (its stored fields): snippet and words to highlight."""
        body = (stored.get("text") or "")[:SNIPPET_SCAN]
        section = stored.get("section")
        words = self._candidates()
        matches = self._matches
        named = f"{title} {section or ''}"
        if self._loose:  # the candidates are folded: look in folded text, at the same places
            head = [named[m.start() : m.end()].casefold() for m in words.finditer(fold_chars(named))]
            scan = fold_chars(body)
        else:
            head = [m.group().casefold() for m in words.finditer(named)]
            scan = body
        spans = [(m.start(), m.end()) for m in words.finditer(scan) if matches(m.group().casefold())]
        found = [*head, *(body[a:b].casefold() for a, b in spans)]
        seen = [w for w in dict.fromkeys(found) if matches(w)]
        text = snippet(body, matches, spans=spans)
        return SearchHit(aid, title, section, stored.get("anchor"), float(score), text, tuple(seen))

    def _matches(self, word: str) -> bool:
        """Whether a (lower-case) word of a text is one the query looks for; remembered per plan."""
        found = self._known.get(word)
        if found is None:
            prefixes = tuple(self.prefixes)
            plain = fold(word) if self._loose and prefixes else word
            found = self._stem(word) in self.highlight or (bool(prefixes) and plain.startswith(prefixes))
            self._known[word] = found
        return found

    def _candidates(self) -> re.Pattern[str]:
        """Words that may match (they start like a stem, a prefix* or a word searched for): found by
        one regular expression, so a hit's text is not walked word by word in Python."""
        if self._pattern is None:
            starts = {*map(self._untag, self.highlight), *self.prefixes, *self.surface}
            starts |= {s[:-1] for s in starts if s.endswith("i") and len(s) > 2}  # happi: happy
            alternation = "|".join(sorted((re.escape(s) for s in starts if s), key=len, reverse=True))
            self._pattern = re.compile(rf"(?<![^\W_])(?:{alternation or '(?!)'})[^\W_]*", re.IGNORECASE)
        return self._pattern


def leading(per_term: dict[str, dict[int, float]]) -> set[int]:
    """The sections that the selective words score best: common words refine only these."""
    rough: dict[int, float] = defaultdict(float)
    for scores in per_term.values():
        for d, v in scores.items():
            rough[d] += v
    if len(rough) <= REFINE:
        return set(rough)
    return {d for d, _ in heapq.nlargest(REFINE, rough.items(), key=lambda item: item[1])}
