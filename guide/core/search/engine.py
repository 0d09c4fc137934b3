"""The search index: the one module that imports Whoosh.

Every article section is a document, so a hit can open the page at the section that
matches. Whoosh stores the postings (BM25F weights of a "names" field and a "words"
field), the section text for snippets and the article ids; ranking reads those postings
a block at a time (:class:`_Scorer`) instead of through Whoosh's matcher trees, which
are too slow in pure Python for search-as-you-type. Query text is parsed, spelled and
widened with the thesaurus in Whoosh-free modules (query, spelling, thesaurus); the plan
made of it, and how its per-word scores combine into a ranking, are in
:mod:`guide.core.search.ranking`. Hits leave as plain :class:`SearchHit` values.

Languages (:mod:`guide.core.search.analysis`): each article's words are indexed as its own
``language`` analyses them (English Porter, Spanish and French Snowball with stop words,
others unstemmed; accents folded in all), non-English terms tagged with their language.
A query is analysed first in the interface's language (``SearchIndex(language=…)``). It
"finds little" when that gives fewer than ``FALLBACK_HITS`` (3) articles, or when none of
the best three matches every concept of the query (:meth:`_Run.best_cover` below 1); then
it is analysed again in each other language the index holds, and all hits are ranked
together by score (a tie goes to the interface's language). A library in one language
never searches twice. ``per_language=False`` analyses everything as English did before.

The index lives in a folder of its own, stamped with ``SCHEMA_VERSION`` and the content
stamps from :func:`guide.core.content.scan`; a full build goes into a temporary folder
beside it that is renamed into place, under a lock file, so a crash or a second process
never leaves half an index (the folder and its side files: :mod:`guide.core.search.indexfiles`).

An index shipped with the app (built at build time, used read-only in place) is matched
to the content by size and hash of each article instead (``digests`` in its metadata):
copying an install to another folder or machine changes every path and mtime, not the
content. When it does not match, an index is built in the user's cache as usual.
"""

from __future__ import annotations

import bisect
import contextlib
import heapq
import logging
import os
import shutil
import tempfile
import threading
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, ClassVar

from whoosh import formats
from whoosh import index as windex
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.lang.porter import stem as porter_stem
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from guide.core.content import FileEntry, Library, bytes_digest, decode, parse_article, scan
from guide.core.i18n import N_
from guide.core.languages import primary
from guide.core.memory import collector_paused
from guide.core.models import Article, IndexReport, SearchHit, SearchResults, Suggestion
from guide.core.search.analysis import STEMMED, Analysis, fold, spanish_accents, stop_set
from guide.core.search.indexfiles import (
    META_FILE,
    default_index_dir,
    file_lock,
    read_meta,
    replace_dir,
    root_key,
    stamps_of,
    write_meta,
)
from guide.core.search.query import FILLER, Part, content_words, long_query_notice, parse, tokenize
from guide.core.search.ranking import Plan, common_limit, correct, leading, name_bonus
from guide.core.search.sidestore import SIDE_FILE, SideStore
from guide.core.search.spelling import Speller, Suggester
from guide.core.search.thesaurus import Thesaurus, load_default_stored, load_language
from guide.core.search.vocabulary import english_words, names_in_text, words_of
from guide.core.text import plain_text, split_sections

log = logging.getLogger(__name__)

SCHEMA_VERSION = 7  # bump when the schema or the way text is indexed changes (4: one plain_text; 5: sources;
# 6: each article analysed in its own language, accents folded; 7: side data in SQLite, sidestore)
ENGLISH_ONLY = 1000  # added to the stamped schema of an index analysed as before languages (per_language=False)

# Query-time weights: a word in the title counts most, then aliases, headings, body (see also ranking).
NAMES_WEIGHT = 3.0  # a word in an article's title or aliases counts this many times one in the text
MAX_PREFIX_TERMS = 30  # indexed words tried for one prefix*
WAITING = N_("Preparing the search index… your search runs as soon as it is ready.")
FALLBACK_HITS = 3  # fewer articles than this in the interface's language: other languages are searched too

_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """Porter stem of a lower-case word, cached (numbers and short words are kept)."""
    found = _STEMS.get(word)
    if found is None:
        found = word if len(word) < 3 or not word.isalpha() else porter_stem(word)
        if len(_STEMS) > 400_000:
            _STEMS.clear()
        _STEMS[word] = found
    return found


class Analyses:
    """The :class:`~guide.core.search.analysis.Analysis` of each language, made when first asked for.

    English is Porter on folded words (unchanged otherwise), Spanish and French Snowball with
    their stop words (both from ``whoosh.lang``), any other language folded and not stemmed.
    With ``per_language`` off every article and query is analysed as before languages
    existed: English Porter, no folding, no stop words (the baseline to compare with).
    """

    def __init__(self, per_language: bool = True) -> None:
        self.per_language = per_language
        self._made: dict[str, Analysis] = {}

    def __call__(self, language: str) -> Analysis:
        code = (primary(language) or "en") if self.per_language else "en"
        found = self._made.get(code)
        if found is None:
            found = self._made.setdefault(code, self._make(code))
        return found

    def _make(self, code: str) -> Analysis:
        if code == "en":
            return Analysis("en", porter_stem, folds=self.per_language, query_filter=content_words)
        if code in STEMMED:
            return Analysis(
                code,
                stemmer_for_language(code),
                stop_set(stopwords_for_language(code)),
                tag=f"{code}:",
                prepare_word=spanish_accents if code == "es" else None,
                elisions=code == "fr",
            )
        return Analysis(code, None, tag=f"{code}:")  # folded, lower-cased, not stemmed

    def prepare(self, language: str) -> Callable[[str], str] | None:
        """How names in this language are matched (folded, stop words out); None: as written."""
        return self(language).prepare if self.per_language else None


class _Parts(TEXT):
    """Several texts indexed as one field, each word weighted by the part it is in (BM25F).

    The value is a tuple of texts or of term lists (already analysed in the article's
    language: :meth:`Analysis.terms`), one for each weight; a text is cut with
    :func:`guide.core.search.query.tokenize` and stemmed as English. No positions are
    kept (they cost a third of the build time): quoted phrases are checked against the
    stored section text instead.
    """

    def __init__(self, *weights: float) -> None:
        analyzer = RegexTokenizer(r"[^\W_]+") | LowercaseFilter() | StemFilter()
        super().__init__(analyzer=analyzer, phrase=False)
        self.format = formats.Existence()  # the posting weight is stored all the same
        self.part_weights = tuple(weights)

    def index(self, value: Sequence[str | list[str]], **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        counts: Counter[str] = Counter()
        for text in value[: len(self.part_weights)]:
            counts.update(self._stems(text))
        for term, weight in self.terms(value)[0].items():
            yield term.encode("utf-8"), counts[term], weight, b""

    def terms(self, value: Sequence[str | list[str]]) -> tuple[dict[str, float], int]:
        """Each stem's weight (the sum over parts of its count times the part's weight), and the word count."""
        weights: dict[str, float] = {}
        get = weights.get
        length = 0
        for text, weight in zip(value, self.part_weights, strict=False):
            stems = self._stems(text)
            length += len(stems)
            for term, count in Counter(stems).items():
                weights[term] = get(term, 0.0) + count * weight
        return weights, length

    @staticmethod
    def _stems(text: str | list[str]) -> list[str]:
        if isinstance(text, list):
            return text  # terms: analysed by _article_docs in the article's language
        known = _STEMS
        return [known.get(w) or stem(w) for w in tokenize(text)]


def make_schema() -> Schema:
    """The index schema: one document per article section."""
    return Schema(
        # Article id ("heart/heart-attack"): groups sections into one hit, deletes them on update.
        id=ID(stored=True, sortable=True),
        # Slug of the section heading, None for the lead: where the page opens.
        anchor=STORED(),
        # Heading text of the section, None for the lead: shown in the results list.
        section=STORED(),
        # The section as plain text: snippets are cut from it without reading the file.
        text=STORED(),
        # (title, aliases): the names of the article, repeated in each of its sections so that
        # every section can rank on them. A title word weighs more than an alias word.
        names=_Parts(1.5, 1.0),
        # (heading, tags, body): what this section says. Heading words weigh more; queries drop
        # question words, so "What is (are)" in MedQuAD headings never decides the ranking.
        words=_Parts(2.0, 0.5, 1.0),
    )


@dataclass
class _Open:
    """An opened, checked index and what is kept in memory beside it."""

    folder: Path
    ix: Any
    searcher: Any
    ids: Any  # column reader: document number -> article id
    scorer: _Scorer
    base_thesaurus: Thesaurus
    store: SideStore
    articles: Mapping[str, tuple[str, list[str]]]  # read from the store as asked (sidestore.Lazy)
    speller: Speller
    thesaurus: Thesaurus
    suggester: Suggester
    exact: Mapping[str, list[tuple[str, int]]]  # key -> (id, tier)
    about: Mapping[str, tuple[str, list[str]]]  # id -> (source, mined names)
    analyses: Analyses = field(default_factory=Analyses)
    languages: tuple[str, ...] = ("en",)  # the languages of the indexed articles, English first
    name_groups: list[Any] = field(default_factory=list)  # every article's names, as thesaurus groups
    names_version: int = 0  # changes whenever a title, alias or mined name does (SideStore.names_version)
    groups: list[Any] = field(default_factory=list)  # the names groups the thesaurus has beside its own
    readonly: bool = False

    _names: dict[tuple[str, str], tuple[frozenset[str], list[frozenset[str]]]] = field(default_factory=dict)
    _thesauri: dict[str, tuple[Thesaurus, Thesaurus]] = field(default_factory=dict)
    _stamps: dict[str, str] | None = None

    @property
    def stamps(self) -> dict[str, str]:
        """Article id -> stamp the index was made from (read when first asked: 55,000 rows)."""
        if self._stamps is None:
            self._stamps = self.store.stamps()
        return self._stamps

    @stamps.setter
    def stamps(self, value: dict[str, str]) -> None:
        self._stamps = value

    def name_stems(self, aid: str, analysis: Analysis) -> tuple[frozenset[str], list[frozenset[str]]]:
        """The terms of an article's title and of each alias (content words only) in one language, cached."""
        found = self._names.get((aid, analysis.language))
        if found is None:
            title, aliases = self.articles.get(aid, ("", []))
            found = (_name_stems(title, analysis), [_name_stems(a, analysis) for a in aliases])
            self._names[(aid, analysis.language)] = found
        return found

    def thesauri(self, analysis: Analysis) -> tuple[Thesaurus, Thesaurus]:
        """(the thesaurus with every article's names, the curated groups alone) for queries in a language.

        English queries use the curated English groups; a language with a vocabulary of its own
        (resources/thesaurus-es.txt) uses that, folded; any other only the articles' names.
        """
        if analysis.language == "en" or not self.analyses.per_language:
            return self.thesaurus, self.base_thesaurus
        found = self._thesauri.get(analysis.language)
        if found is None:
            base = load_language(analysis.language, analysis.prepare)
            full = base.copy()
            for group in self.name_groups:
                full.add_parsed(group)
            found = self._thesauri.setdefault(analysis.language, (full, base))
        return found

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.searcher.close()
        with contextlib.suppress(Exception):
            self.store.close()

    def save_suggestions(self) -> None:
        """Store suggestion tables made from the articles (after names changed), for the next opening."""
        if not self.readonly and self.suggester.made_here:
            self.suggester.made_here = False  # once
            with contextlib.suppress(Exception):  # a cache that cannot be written is made again next time
                self.store.save_prebuilt("suggester", self.names_version, self.suggester.tables())


def _reason(exc: BaseException) -> str:
    """An exception in words for a log line: its kind, and its message when it has one."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class SearchIndex:
    """Builds, updates and searches the index of a set of content roots."""

    def __init__(
        self,
        roots: Sequence[Path],
        index_dir: Path | None = None,
        *,
        readonly_dir: Path | None = None,
        trusted: bool = False,
        language: str = "en",
        per_language: bool = True,
    ):
        """``trusted``: the shipped index is used without hashing the articles (an installed pack,
        whose every file was checked against its manifest when it was installed).

        ``language``: the interface's language, in which queries are analysed first (the library's
        other languages are searched too when that finds little). ``per_language=False`` analyses
        every article and query as English, unfolded, as before languages (a baseline to compare
        with; its index is stamped apart, so the two never read each other's)."""
        self.language = language
        self.analyses = Analyses(per_language)
        self.roots = [Path(r) for r in roots]
        self.trusted = trusted and readonly_dir is not None
        self.index_dir = Path(index_dir) if index_dir else default_index_dir(self.roots)
        self.readonly_dir = Path(readonly_dir) if readonly_dir else None
        self.procs = 1  # kept for callers that set it: the build runs in one process and never forks
        self._fallback: Path | None = None
        self._shipped_fits: dict[str, str] | None = None  # stamps the shipped index was checked against
        self._open: _Open | None = None
        self._lock = threading.RLock()  # guards the open index: searches and swaps
        self._update_lock = threading.Lock()  # one update at a time; searches go on meanwhile
        # kept parsed in the user's cache beside an index there; a shipped index used in place writes nothing
        stored = _thesaurus_folder() if readonly_dir is None else None
        self._base_thesaurus = load_default_stored(fold if per_language else None, stored)

    # -- state ---------------------------------------------------------------------------
    @property
    def location(self) -> Path:
        return self._open.folder if self._open else (self._fallback or self.index_dir)

    def _roots_key(self) -> list[str]:
        return [root_key(r) for r in self.roots]

    def _read_meta(self, folder: Path, shipped: bool = False) -> dict[str, Any] | None:
        """The stamped metadata of a complete, unmodified index in ``folder``; None otherwise."""
        return read_meta(folder, self.schema, self._roots_key, shipped)

    @property
    def schema(self) -> int:
        """The schema stamped on this index: ``SCHEMA_VERSION``, apart for the English-only analysis."""
        return SCHEMA_VERSION + (0 if self.analyses.per_language else ENGLISH_ONLY)

    def _load(self, folder: Path, readonly: bool = False, previous: _Open | None = None) -> _Open | None:
        """Open a checked index folder, or None if it is missing, stale in schema or damaged.

        Tables are read from the side store as they are needed (:mod:`.sidestore`). With
        ``previous`` (the index as it was before a small update) and unchanged titles and
        aliases, its thesaurus and suggestions are kept; when names groups were only added
        (a new article), the thesaurus is copied and given those: re-opening then costs little.
        """
        meta = self._read_meta(folder, shipped=readonly)
        if meta is None:
            return None
        with collector_paused():
            return self._open_checked(folder, readonly, previous)

    def _open_checked(self, folder: Path, readonly: bool, previous: _Open | None) -> _Open | None:
        store = None
        try:
            store = SideStore(folder / SIDE_FILE, readonly=readonly)
            version = store.names_version()
            ix = windex.open_dir(str(folder), readonly=readonly)
            searcher = ix.searcher()
            reader = searcher.reader()
            ids = reader.column_reader("id") if reader.doc_count_all() else {}  # an empty library has no column
            scorer = _Scorer(searcher)
            languages = store.languages()
            same = (
                previous is not None
                and previous.folder == folder
                and previous.names_version == version
                and previous.languages == languages
            )
            groups = previous.groups if previous is not None and same else store.groups()
            kept = previous.groups if previous is not None and previous.folder == folder else None
            added = kept is not None and groups[: len(kept)] == kept
            if previous is not None and same:
                thesaurus = previous.thesaurus  # the names are those it was made of
            elif previous is not None and kept is not None and added:
                thesaurus = previous.thesaurus.copy()  # groups were only added (a new article): add those
                for group in groups[len(kept) :]:
                    thesaurus.add_parsed(group)
            else:
                thesaurus = self._base_thesaurus.copy()
                for group in groups:
                    thesaurus.add_parsed(group)
            if previous is not None and same and previous.suggester._items is None:
                suggester = previous.suggester  # made already, of the same names
            else:
                suggester = Suggester(store.all_names, prebuilt=lambda: store.prebuilt("suggester"))
            counts = store.counts()
            known, words = self._known_words(counts, languages)
            speller = Speller(
                counts,
                store.title_words(),
                known=thesaurus.words | FILLER | known,
                english=words,
                tables=store.speller_tables(),
            )
            return _Open(
                folder,
                ix,
                searcher,
                ids,
                scorer,
                self._base_thesaurus,
                store,
                store.articles(),
                speller,
                thesaurus,
                suggester,
                store.exact(),
                store.about(),
                self.analyses,
                languages,
                groups if len(languages) > 1 else [],  # kept for other languages' thesauri only
                names_version=version,
                readonly=readonly,
                groups=groups,
            )
        except Exception as exc:  # a damaged index can fail in many ways; rebuild on any
            log.warning("search index at %s is unreadable (%s); it will be built again", folder, _reason(exc))
            if store is not None:
                store.close()
            return None

    def _known_words(
        self, counts: dict[str, int], languages: Sequence[str]
    ) -> tuple[set[str], Callable[[], frozenset[str]]]:
        """Words spelling never replaces beside the index's own and the thesaurus's: each indexed word
        without its accents ("depresion"), the stop words and vocabulary of every indexed language,
        and (when first needed) the packaged word lists of those languages (:func:`words_of`)."""
        if not self.analyses.per_language:
            return set(), english_words
        known = {fold(w) for w in counts if not w.isascii()}
        for language in languages:
            analysis = self.analyses(language)
            known |= analysis.stop
            if analysis.language != "en":
                known |= load_language(analysis.language, analysis.prepare).words
        codes = tuple(sorted({self.analyses(language).language for language in languages} | {"en"}))
        return known, lambda: words_of(codes)

    def _ensure_open(self) -> _Open | None:
        with self._lock:
            if self._open is None:
                if self.trusted:
                    self._open = self._load(self.readonly_dir, readonly=True)  # type: ignore[arg-type]
                    return self._open
                if self.readonly_dir is not None and self._shipped_problem(scan(self.roots)[0]) is None:
                    self._open = self._load(self.readonly_dir, readonly=True)
                if self._open is None:
                    self._open = self._load(self._fallback or self.index_dir)
            return self._open

    def _shipped_problem(self, entries: Sequence[FileEntry]) -> str | None:
        """Why the shipped index does not fit these files, or None when it was built from them.

        Sizes are compared first, then hashes of every file; a positive answer is kept for
        as long as no file's size or mtime changes, so later checks cost only a scan.
        """
        if self.readonly_dir is None:
            return N_("no index is shipped")
        stamps = stamps_of(entries)
        if self._shipped_fits == stamps:
            return None
        meta = self._read_meta(self.readonly_dir, shipped=True)
        digests = _stored(self.readonly_dir, readonly=True, what="digests") if meta is not None else None
        if meta is None or not digests:
            return N_("the shipped index is missing, damaged or of another version")
        if set(digests) != set(stamps):
            return N_("the shipped index is of other articles")
        if any(digests[e.id].partition(":")[0] != str(e.size) for e in entries):
            return N_("the shipped index is of articles that have changed since")
        if any(digests[e.id] != e.digest() for e in entries):
            return N_("the shipped index is of articles that have changed since")
        self._shipped_fits = stamps
        return None

    def is_current(self) -> bool:
        """True when a complete index matches the files on disk now (reads only stamps, or hashes
        the articles once to match the shipped index)."""
        try:
            if self.trusted:
                return self._ensure_open() is not None
            entries = scan(self.roots)[0]
            stamps = stamps_of(entries)
            if self.readonly_dir is not None and self._shipped_problem(entries) is None:
                return True
            if self._open is not None:
                return self._open.folder != self.readonly_dir and self._open.stamps == stamps
            folder = self._fallback or self.index_dir
            meta = self._read_meta(folder)
            return meta is not None and _stored(folder, what="stamps") == stamps
        except Exception:
            return False

    def close(self) -> None:
        with self._lock:
            if self._open is not None:
                self._open.close()
                self._open = None
            if self._fallback is not None:
                shutil.rmtree(self._fallback, ignore_errors=True)
                self._fallback = None

    # -- building ------------------------------------------------------------------------
    def update(
        self,
        progress: Callable[[int, int], None] | None = None,
        files: Sequence[Path] | None = None,
        *,
        scanned: Sequence[FileEntry] | None = None,
    ) -> IndexReport:
        """Bring the index up to date: rebuild if needed, else re-index only what changed.

        A rebuild calls ``progress(done, total)`` as it goes, ``total`` being the number of
        articles: reading them counts for nine tenths, writing the index and opening it the
        rest, and ``(total, total)`` comes when the index is open for searching.

        ``files``: the only article files that may have changed (saved by the editor, found
        changed by the catalog check): they alone are looked at, without scanning the roots.
        Files outside the roots are ignored; without a complete index, it is a full update.

        ``scanned``: what ``content.scan(self.roots)`` gives, made moments ago by someone else (the
        start's catalog check, :class:`guide.core.catalog_cache.SharedScan`), used instead of a scan
        of its own. Everything else is the full update: every stored stamp is compared with the
        scanned ones, so an index stale in schema is rebuilt, one a crash left part-way redoes
        its unfinished articles, and one that missed changes the catalog already knows (closed
        before its update ended) catches up; the index never trusts the catalog's history.
        """
        started = time.perf_counter()
        if self.trusted:
            state = self._ensure_open()
            if state is None:
                raise OSError(f"the search index of {self.readonly_dir} is missing or damaged")
            return IndexReport(unchanged=len(state.articles), location=self.readonly_dir, shipped=True,
                               seconds=time.perf_counter() - started)
        if files is not None:
            named = [e for e in (_entry_of(self.roots, f) for f in files) if e is not None]
            if not named:  # none of this index's articles: nothing to look at
                state = self._open
                count = state.store.count() if state is not None else 0
                return IndexReport(unchanged=count, location=self.location, seconds=time.perf_counter() - started)
            if self.readonly_dir is None:
                report = self._update_files(named, started)
                if report is not None:
                    return report
        entries = list(scanned) if scanned is not None else scan(self.roots)[0]
        stamps = stamps_of(entries)
        notes: list[str] = []
        with self._update_lock:
            if self.readonly_dir is not None:
                problem = self._shipped_problem(entries)
                shipped = None
                if problem is None:
                    current = self._open
                    if current is not None and current.folder == self.readonly_dir:
                        shipped = current
                    else:
                        shipped = self._load(self.readonly_dir, readonly=True)
                        problem = N_("the shipped index cannot be opened") if shipped is None else None
                if shipped is not None:
                    self._swap_open(shipped)
                    return IndexReport(
                        unchanged=len(stamps),
                        location=self.readonly_dir,
                        seconds=time.perf_counter() - started,
                        shipped=True,
                    )
                notes.append(N_("{problem}; using an index in the user's cache").format(problem=problem))
            target = self._fallback or self.index_dir
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with file_lock(target.with_name(target.name + ".lock")):
                    report = self._update_in(target, entries, stamps, progress, notes)
            except OSError as exc:
                if self._fallback is not None:
                    raise
                self._fallback = Path(tempfile.mkdtemp(prefix="guide-index-"))
                elsewhere = N_("cannot write the index at {target} ({reason}); using a temporary index at {fallback}")
                notes.append(elsewhere.format(target=target, reason=exc.strerror or exc, fallback=self._fallback))
                report = self._rebuild(self._fallback, entries, stamps, progress, notes, swap=False)
            self._reopen(report, target, stamps)
            if progress is not None and report.rebuilt:
                progress(len(entries), len(entries))
        return _with(report, seconds=time.perf_counter() - started)

    def _reopen(self, report: IndexReport, target: Path, stamps: dict[str, str] | None) -> None:
        """Open the index as an update left it (keeping what the update did not change)."""
        location = report.location or target
        current = self._open
        unchanged = not (report.rebuilt or report.added or report.updated or report.removed)
        if unchanged and current is not None and current.folder == location:
            if stamps is not None:
                current.stamps = stamps  # kept open: only mtimes may have moved, and were written down
        else:
            self._swap_open(self._load(location, previous=None if report.rebuilt else current))

    def _update_files(self, entries: list[FileEntry], started: float) -> IndexReport | None:
        """Re-index just these files; None when a full update is needed instead (no complete index)."""
        with self._update_lock:
            target = self._fallback or self.index_dir
            if self._read_meta(target) is None:
                return None
            try:
                with file_lock(target.with_name(target.name + ".lock")):
                    if self._read_meta(target) is None:
                        return None
                    store = SideStore(target / SIDE_FILE)
                    try:
                        old = store.stamps_of([e.id for e in entries])
                    finally:
                        store.close()
                    # a file of another root with the same id is hidden by the first root's (scan's rule)
                    present = [e for e in entries if e.size >= 0 and _first_with(self.roots, e.id) == e.root]
                    stamps = {e.id: e.stamp for e in present}
                    removed = [
                        e for e in entries if e.size < 0 and e.id in old and _first_with(self.roots, e.id) is None
                    ]
                    report = self._apply(target, present, removed, old, stamps, [])
            except OSError:
                return None
            self._reopen(report, target, None)
            if self._open is not None and self._open._stamps is not None:
                self._open._stamps.update(stamps)
                for e in removed:
                    self._open._stamps.pop(e.id, None)
        return _with(report, seconds=time.perf_counter() - started)

    def _swap_open(self, state: _Open | None) -> None:
        with self._lock:
            if self._open is not None and self._open is not state:
                self._open.close()
            self._open = state

    def _release(self, folder: Path) -> None:
        """Close an index before its files are replaced, where open files block that (Windows)."""
        if os.name != "posix" and self._open is not None and self._open.folder == folder:
            self._swap_open(None)

    def _update_in(
        self,
        target: Path,
        entries: list[FileEntry],
        stamps: dict[str, str],
        progress: Callable[[int, int], None] | None,
        notes: list[str],
    ) -> IndexReport:
        for stale in target.parent.glob(f".{target.name}.*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a crashed build; we hold the lock
        meta = self._read_meta(target)
        old = _stored(target, what="stamps") if meta is not None else None
        if meta is None or old is None:
            if target.exists():
                notes.append(N_("the index was damaged, incomplete or of an older version; rebuilt it"))
            return self._rebuild(target, entries, stamps, progress, notes, swap=True)
        present = [e for e in entries if old.get(e.id) != stamps[e.id]]  # stamps: made once, of these entries
        removed = [i for i in old if i not in stamps]
        many = max(50, len(stamps) // 3)
        if len(present) + len(removed) > many:  # perhaps only mtimes moved (a copied folder): compare bytes
            digests = _stored(target, what="digests") or {}
            really = [e for e in present if not digests.get(e.id) or digests[e.id] != e.digest()]
            if len(really) + len(removed) > many:
                return self._rebuild(target, entries, stamps, progress, notes, swap=True)
        gone = [FileEntry(i, self.roots[0], "", -1, 0) for i in removed]
        try:
            return self._apply(target, present, gone, old, stamps, notes)
        except Exception as exc:  # a damaged index: start again from the files
            notes.append(N_("the index could not be updated ({error}); rebuilt it").format(error=exc))
            return self._rebuild(target, entries, stamps, progress, notes, swap=True)

    def _apply(
        self,
        target: Path,
        present: list[FileEntry],
        gone: list[FileEntry],
        old: dict[str, str],
        stamps: dict[str, str],
        notes: list[str],
    ) -> IndexReport:
        """Re-index the ``present`` entries whose stamp differs from ``old`` and take out ``gone``.

        Crash-safe in this order: the metadata first stops checking file sizes (they are about to
        change), then Whoosh commits, then the side store takes the new rows and stamps in one
        transaction, and the new sizes are written last. A crash anywhere leaves the old stamps of
        the changed articles in the store, so the next update does them again (deleting their
        documents first, added ones too), and an index that opens.
        """
        store = SideStore(target / SIDE_FILE)
        try:
            total = store.count()
            digests = store.digests_of([e.id for e in present if e.id in old])
            # a file with a new mtime but the same bytes (copied, unpacked, touched) is not re-indexed
            moved = {
                e.id: e.stamp
                for e in present
                if e.id in old and old[e.id] != e.stamp and digests.get(e.id) and digests[e.id] == e.digest()
            }
            changed = [e for e in present if e.id in old and old[e.id] != e.stamp and e.id not in moved]
            added = [e for e in present if e.id not in old]
            removed = [e.id for e in gone if e.id in old]
            if moved:
                store.set_stamps(moved)  # only mtimes moved: remember the new ones, so the next check is cheap
            if not (changed or added or removed):
                return IndexReport(unchanged=total, location=target, notes=tuple(notes))
            self._release(target)
            redo = removed + [e.id for e in changed]
            write_meta(target, self.schema, self._roots_key(), None)  # sizes unknown until the end
            ix = windex.open_dir(str(target))
            writer = ix.writer(compound=False)
            articles: dict[str, tuple[str, list[str]]] = {}
            about: dict[str, tuple[str, list[str]]] = {}
            counts: Counter[str] = Counter()
            parsed: list[Article] = []
            new_digests: dict[str, str] = {}
            try:
                for aid in redo + [e.id for e in added]:  # added too: a crash may have left their documents
                    writer.delete_by_term("id", aid)
                for entry in changed + added:
                    docs = _article_docs(
                        entry, articles, counts, about, parsed, digests=new_digests, analyses=self.analyses
                    )
                    for doc in docs:
                        writer.add_document(**doc)
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=_merge_updates)
            ix.close()
            self._name_sources(parsed, about)
            store.replace(
                removed,
                {e.id: e.stamp for e in changed + added},
                new_digests,
                articles,
                about,
                counts,
                self._codes(parsed),
                self._prepare(),
            )
            store.groups()  # the names groups stored whole again (when they changed), for the next opening
            write_meta(target, self.schema, self._roots_key(), _sizes(target))
        finally:
            store.close()
        return IndexReport(
            added=len(added),
            updated=len(changed),
            removed=len(removed),
            unchanged=total - len(removed) - len(changed),
            location=target,
            notes=tuple(notes),
        )

    def _rebuild(
        self,
        target: Path,
        entries: list[FileEntry],
        stamps: dict[str, str],
        progress: Callable[[int, int], None] | None,
        notes: list[str],
        swap: bool,
    ) -> IndexReport:
        """Build the whole index; with ``swap``, in a temporary folder then renamed over ``target``."""
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent)) if swap else target
        try:
            ix = windex.create_in(str(folder), make_schema())
            writer = ix.writer(procs=1, codec=_fast_codec(), compound=False)  # never forks: safe beside Qt
            pool = _MemoryPool.install(writer)
            articles: dict[str, tuple[str, list[str]]] = {}
            about: dict[str, tuple[str, list[str]]] = {}
            parsed: list[Article] = []
            counts: Counter[str] = Counter()
            total = len(entries)
            digests: dict[str, str] = {}
            for done, entry in enumerate(entries, start=1):
                docs = _article_docs(entry, articles, counts, about, parsed, digests=digests, analyses=self.analyses)
                for doc in docs:
                    pool.add_document(writer, doc)
                if progress is not None and (done % 100 == 0 or done == total):
                    progress(done * 9 // 10, total)  # reading is nine tenths of the work
            if progress is not None:
                pool.progress = lambda share: progress(
                    total * 9 // 10 + int(share * (total - total * 9 // 10 - 1)), total
                )
            writer.commit()
            ix.close()
            self._name_sources(parsed, about)
            (folder / SIDE_FILE).unlink(missing_ok=True)
            store = SideStore(folder / SIDE_FILE, create=True)
            try:
                store.write_all(stamps, digests, articles, about, counts, self._codes(parsed), self._prepare())
                suggester = Suggester([(aid, title, aliases) for aid, (title, aliases) in articles.items()])
                store.save_prebuilt("suggester", store.names_version(), suggester.tables())  # packs ship it
                store.groups()  # stored whole too
            finally:
                store.close()
            write_meta(folder, self.schema, self._roots_key(), _sizes(folder))  # last: marks it complete
            if swap:
                self._release(target)
                replace_dir(folder, target)
        except BaseException:
            if swap:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        return IndexReport(added=len(stamps), rebuilt=True, location=target, notes=tuple(notes))

    def _codes(self, parsed: list[Article]) -> dict[str, str]:
        """The language of each of these articles that is not in English, as the index analyses it."""
        found = {article.id: self.analyses(article.language).language for article in parsed}
        return {aid: code for aid, code in found.items() if code != "en"}

    def _prepare(self) -> Callable[[str | None, str], str] | None:
        """How an article's names are matched in its language (``None``: English), for the side store's
        name tables (as ``ranking.name_lookups`` is given them); None when not analysed per language."""
        if not self.analyses.per_language:
            return None
        analyses = self.analyses

        def prepare(code: str | None, text: str) -> str:
            return fold(text) if code is None else analyses(code).prepare(text)  # English: folded

        return prepare

    def _name_sources(self, parsed: list[Article], about: dict[str, tuple[str, list[str]]]) -> None:
        """Record where each newly indexed article comes from (:meth:`Library.source_of`)."""
        library = Library(self.roots, parsed, [])
        for article in parsed:
            about[article.id] = (library.source_of(article.id), about.get(article.id, ("", []))[1])

    # -- searching -----------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> SearchResults:
        """Search; any string is fine, and problems come back as a message, never an exception."""
        text = query if isinstance(query, str) else str(query)
        try:
            with self._lock:
                return self._search(text, max(1, min(int(limit), 1000)))
        except Exception as exc:  # never let a search break the window
            log.exception("search failed for %r", text[:200])
            message = N_("Search failed ({error}); rebuilding the index may help.").format(error=exc)
            return SearchResults(text, message=message)

    def _search(self, text: str, limit: int) -> SearchResults:
        parsed = parse(text)
        if not parsed.positive:
            return SearchResults(text, message=parsed.message)
        state = self._ensure_open()
        if state is None:
            if self._update_lock.locked():  # being built: the window keeps the query and runs it when ready
                return SearchResults(text, message=WAITING, waiting=True)
            return SearchResults(text, message=N_("The search index is not built yet."))
        if not state.searcher.doc_count():  # an empty library (the clinic's, before its first article)
            return SearchResults(text, message=N_("No articles match. Try fewer or other words."))
        notice = long_query_notice(parsed)
        first = state.analyses(self.language)
        if first.elisions:
            parsed = parse(first.text(text))
        if notice:  # pasted text, not typed words: searched as it is, never "corrected"
            parts, corrected = list(parsed.parts), None
        else:
            parts, corrected = correct(parsed.parts, state.speller, self._own_words(state, first))
        run = _Run(parts, state, first)
        ranked = run.run(limit)
        kept = {w for p in parts for w in p.words}
        replaced = [w for p in parsed.parts for w in p.words if w not in kept]
        if corrected is not None and any(state.speller.counts.get(w) for w in replaced):
            # a correction that covers less of the query than the words as typed is not applied
            # (only a word the index has, rarely, can match as typed: unknown words match nothing)
            plain = _Run(parsed.parts, state, first)
            as_typed = plain.run(limit)
            if as_typed and plain.best_cover(as_typed) > run.best_cover(ranked):
                run, ranked, corrected, parts = plain, as_typed, None, list(parsed.parts)
        found = [(score, 0, aid, docnum, also, run) for aid, score, docnum, also in ranked]
        others = [a for a in dict.fromkeys(map(state.analyses, state.languages)) if a is not first]
        if others and (len(ranked) < FALLBACK_HITS or run.best_cover(ranked) < 1.0):
            found = _merge(found, self._elsewhere(text, first.content, parts, state, others, limit))
        best: dict[str, tuple[float, int, str, int, tuple[str, ...], _Run]] = {}
        for item in found:
            best.setdefault(item[2], item)
        chosen = list(best.values())[:limit]
        hits = tuple(r.hit(aid, score, docnum, also) for score, _, aid, docnum, also, r in chosen)
        message = None if hits else N_("No articles match. Try fewer or other words.")
        if notice:
            message = notice if hits else f"{notice} {message}"
        return SearchResults(text, hits, corrected, message)

    @staticmethod
    def _elsewhere(
        text: str,
        content: Callable[[Sequence[str]], list[str]],
        parts: Sequence[Part],
        state: _Open,
        analyses: Sequence[Analysis],
        limit: int,
    ) -> list[tuple[float, int, str, int, tuple[str, ...], _Run]]:
        """The query analysed in the library's other languages (when the interface's finds little),
        each language's hits in its own order, by score.

        The query is written in the interface's language, so its grammar words (``content``
        drops them: Spanish "de", "la", "todo") are not searched for in another language, where
        they may be words ("de" in "Cornelia de Lange syndrome") or match nothing and so lower
        the share of the query a hit covers."""
        found: list[tuple[float, int, str, int, tuple[str, ...], _Run]] = []
        for number, analysis in enumerate(analyses, start=1):
            own = list(parts)
            if analysis.elisions and ("'" in text or "’" in text):
                own = list(parse(analysis.text(text)).parts)
            said = [p for p in own if p.excluded or p.kind != "word" or content(p.words)]
            if not any(not p.excluded for p in said):
                continue  # only grammar words: nothing to look for in another language
            run = _Run(said, state, analysis)
            found += [(score, number, aid, docnum, also, run) for aid, score, docnum, also in run.run(limit)]
        return found

    def _own_words(self, state: _Open, analysis: Analysis) -> Callable[[str], bool] | None:
        """Whether a word is one of the query language's, when that is not English and the library
        holds articles in it (None otherwise: spelling as before).

        A word is the language's when its packaged word list or stop words have it (as written or
        without accents), or when its stem is that of a listed word ("drogas" as "droga") or is
        indexed in the language while the word's English stem is not (English "depression" stems
        in Spanish as nothing Spanish has, but "depresión" does). Spelling never replaces such a
        word and replaces others only by one (:func:`~guide.core.search.ranking.correct`).
        """
        code = analysis.language
        if code == "en" or not self.analyses.per_language:
            return None
        if all(state.analyses(language) is not analysis for language in state.languages):
            return None
        listed = words_of((code,))
        stop, term, english = analysis.stop, analysis.term, state.analyses("en").term
        df, names_df = state.scorer.df, state.scorer.names_df

        def own(word: str) -> bool:
            if word in listed or word in stop or fold(word) in listed:
                return True
            stemmed = term(word)
            if (df(stemmed) or names_df(stemmed)) and not df(english(word)):
                return True
            return stemmed in _listed_stems(code)

        return own

    def warm(self) -> bool:
        """Open the index and make the suggestion and spelling tables now (in the background, as
        the window shows), so the first keys typed are answered at once. True when an index is open;
        the old one is used until an update replaces it. Never raises."""
        try:
            with self._lock:
                state = self._ensure_open()
            if state is None:
                return False
            state.suggester.warm()
            state.save_suggestions()  # made from the articles (their names changed since the build): kept
            state.speller.correct("warmup")  # builds its tables
            if self._own_words(state, state.analyses(self.language)) is not None:
                _listed_stems(state.analyses(self.language).language)
            return True
        except Exception:
            log.exception("opening the search index failed")
            return False

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """Titles and aliases that start like ``text`` or nearly match it; never raises."""
        try:
            state = self._ensure_open()
            return [] if state is None else state.suggester.suggest(str(text), limit)
        except Exception:
            log.exception("suggest failed")
            return []


class _Scorer:
    """BM25F over Whoosh's postings, one term at a time, without Whoosh's matcher trees.

    Whoosh scores a document by walking a tree of matchers, which in pure Python costs
    several microseconds per posting and per tree node; reading each posting list once,
    block by block, and adding into a dict is many times faster, and lets a common word
    add only to the sections that rarer words already selected.
    """

    FIELDS: ClassVar[dict[str, tuple[float, float]]] = {"names": (NAMES_WEIGHT, 0.3), "words": (1.0, 0.75)}
    K1 = 1.2

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.leaves: list[tuple[Any, int, set[int], dict[str, array[float]]]] = []
        self._kept: tuple[set[int] | None, list[int], dict[int, list[int]]] = (None, [], {})
        for leaf, base in searcher.reader().leaf_readers():
            deleted = set(leaf.deleted_docs_set or ()) if leaf.has_deletions() else set()
            norms = {f: self._norms(leaf, f, b) for f, (_, b) in self.FIELDS.items()}
            self.leaves.append((leaf, base, deleted, norms))

    def _norms(self, leaf: Any, fieldname: str, b: float) -> array[float]:
        """K1 * (1 - B + B * length / average length) for every document of a leaf."""
        avg = self.searcher.avg_field_length(fieldname) or 1.0
        k1, count = self.K1, leaf.doc_count_all()
        table = [k1 * (1 - b + b * byte_to_length(v) / avg) for v in range(256)]
        try:  # the lengths column is one byte a document: read it in one go
            column = leaf._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            raw = bytes(column._dbfile.get(column._basepos, column._count)).ljust(count, b"\0")
            return array("f", map(table.__getitem__, raw[:count]))
        except Exception:  # another codec: ask document by document
            return array("f", (k1 * (1 - b + b * leaf.doc_field_length(d, fieldname) / avg) for d in range(count)))

    def _keep(self, only: set[int], base: int, count: int) -> list[int]:
        """The sorted leaf-local numbers of ``only``, remembered for the next term and each leaf.

        The set itself is held (not its ``id()``, which CPython gives to the next set once
        this one is freed), so a new set never gets an old set's lists. It is sorted once, and
        each leaf (an updated index has several) takes its slice.
        """
        kept, ordered, by_base = self._kept
        if kept is not only:
            ordered, by_base = sorted(only), {}
            self._kept = (only, ordered, by_base)
        numbers = by_base.get(base)
        if numbers is None:
            lo, hi = bisect.bisect_left(ordered, base), bisect.bisect_left(ordered, base + count)
            numbers = by_base[base] = [d - base for d in ordered[lo:hi]]
        return numbers

    def df(self, term: str) -> int:
        return int(self.searcher.doc_frequency("words", term))

    def names_df(self, term: str) -> int:
        return int(self.searcher.doc_frequency("names", term))

    def score(self, term: str, fields: Sequence[str], only: set[int] | None = None) -> dict[int, float]:
        """Document number -> BM25F score of one stem in the given fields."""
        scores: dict[int, float] = {}
        get = scores.get
        for fieldname in fields:
            weight = self.FIELDS[fieldname][0]
            factor = weight * self.searcher.idf(fieldname, term) * (self.K1 + 1)
            for leaf, base, deleted, norms in self.leaves:
                norm = norms[fieldname]
                keep = None if only is None else self._keep(only, base, len(norm))
                for ids, weights in _blocks(leaf, fieldname, term, keep):
                    if only is None:  # the common case, kept tight: it runs per posting
                        for docnum, w in zip(ids, weights, strict=False):
                            d = base + docnum
                            scores[d] = get(d, 0.0) + factor * w / (w + norm[docnum])
                        continue
                    for docnum, w in zip(ids, weights, strict=False):
                        d = base + docnum
                        if d not in only:
                            continue
                        scores[d] = get(d, 0.0) + factor * w / (w + norm[docnum])
                for docnum in deleted:  # documents of articles updated since: few, dropped once
                    scores.pop(base + docnum, None)
        return scores


BLOCK_READER = ("_read_data", "_next_block", "_maxid", "_blocklength", "_byteids", "_data")


def _blocks(
    leaf: Any, fieldname: str, term: str, keep: list[int] | None = None, kinds: list[str] | None = None
) -> Iterator[tuple[Sequence[int], Sequence[float]]]:
    """(document numbers, weights) of a term in one leaf, a posting block at a time.

    With ``keep`` (sorted document numbers), blocks holding none of them are skipped
    unread: a common word then costs little more than the sections it can add to.
    This reads Whoosh's block matcher (whoosh.codec.whoosh3.W3LeafMatcher) by its private
    attributes (``BLOCK_READER``): pyproject.toml pins whoosh-reloaded's minor version,
    and a test fails when the fast path is no longer taken (``kinds`` records the path).
    """
    try:
        matcher = leaf.postings(fieldname, term)
    except TermNotFound:
        return
    matcher = getattr(matcher, "child", matcher)  # deletions are skipped by the caller
    fast = all(hasattr(matcher, a) for a in BLOCK_READER)
    if kinds is not None:
        kinds.append("blocks" if fast else type(matcher).__name__)
    if fast:
        previous = -1
        while matcher.is_active():  # Whoosh's own block reader: a pickled block at a time
            if keep is not None:
                i = bisect.bisect_right(keep, previous)
                if i == len(keep):
                    return
                previous = matcher._maxid
                if keep[i] > previous:
                    matcher._next_block()
                    continue
            if matcher._data is None:
                matcher._read_data()
            raw_ids, raw_weights = matcher._data[0], matcher._data[1]
            count = matcher._blocklength
            ids = raw_ids if matcher._byteids else list(accumulate(raw_ids))  # ids are stored as gaps
            if raw_weights is None or isinstance(raw_weights, float):
                yield ids, [raw_weights or 1.0] * count
            else:
                yield ids, raw_weights
            matcher._next_block()
        return
    ids, weights = [], []
    while matcher.is_active():  # short lists kept inline in the term table
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    yield ids, weights


class _Run:
    """A :class:`~guide.core.search.ranking.Plan` run on the open index: scores, filters, hits.

    A word found in many sections ("causes", "blood") is too common to pick articles by
    and slow to score everywhere: it selects sections only through article names, and
    otherwise adds to the score of sections that rarer words selected.
    """

    def __init__(self, parts: Sequence[Part], state: _Open, analysis: Analysis | None = None) -> None:
        self.state = state
        self.searcher = state.searcher
        self.scorer = state.scorer
        self.common = common_limit(self.searcher.doc_count())
        self._stored: dict[int, dict[str, Any]] = {}
        self.analysis = analysis = analysis or state.analyses("en")
        if analysis.folds:
            parts = [Part(tuple(fold(w) for w in p.words), p.kind, p.excluded) for p in parts]
        thesaurus, base = state.thesauri(analysis)
        self.plan = Plan(
            parts,
            thesaurus,
            base,
            analysis.term,
            self._expand,
            content=analysis.content,
            indexed=analysis.indexed,
            untag=analysis.surface,
            loose=analysis.folds,
        )

    def _expand(self, prefix: str) -> list[str]:
        """The commonest indexed stems starting with ``prefix`` (or with its own stem)."""
        reader = self.searcher.reader()
        terms: set[str] = set()
        for start in {self.analysis.tag + prefix, self.analysis.term(prefix)}:
            for number, term in enumerate(reader.expand_prefix("words", start)):
                if number >= 2000:
                    break
                terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
        return sorted(terms, key=lambda t: -self.scorer.df(t))[:MAX_PREFIX_TERMS]

    def _scores(self) -> dict[int, float]:
        """Document number -> score: the sum over concepts of each one's best alternative."""
        df = self.scorer.df
        names_df = self.scorer.names_df
        single = {s for concept in self.plan.concepts for alt in concept if not alt.complete for s in alt.stems}
        common = {s for s in single if df(s) > self.common}
        per_term: dict[str, dict[int, float]] = {}
        for s in single:
            if s not in common:
                per_term[s] = self.scorer.score(s, ("names", "words"))
            else:  # a common word selects sections only through names, and only if it is rare there
                per_term[s] = self.scorer.score(s, ("names",)) if names_df(s) <= self.common else {}
        scored = single - common  # every section of these has its score already
        for concept in self.plan.concepts:  # words that must come together: the rarest picks the sections
            for alt in concept:
                if not alt.complete:
                    continue
                stems = sorted(alt.stems, key=df)
                if df(stems[0]) > self.common and not self.plan.musts:
                    continue  # a synonym made only of common words is too vague to search by
                only: set[int] | None = None
                for s in stems:
                    if s not in per_term or (only is not None and s not in scored):  # scored: has them all
                        found = self.scorer.score(s, ("names", "words"), only)
                        per_term[s] = {**per_term.get(s, {}), **found} if s in per_term else found
                    only = set(per_term[s]) if only is None else only & set(per_term[s])
        selected = leading(per_term) if common else set()  # empty: only common words, named nowhere
        for s in common:
            extra = self.scorer.score(s, ("words",), selected or None)
            merged = per_term[s]
            for d, v in extra.items():
                merged[d] = merged.get(d, 0.0) + v
        return self.plan.combine(per_term)

    def best_cover(self, ranked: Sequence[tuple[str, float, int, Any]]) -> float:
        """The share of the query's concepts that the best hits match (0 when none is found)."""
        if not ranked:
            return 0.0
        if not self.plan.cover:
            return 1.0
        best = max(self.plan.cover.get(d, 0.0) for _, _, d, _ in ranked[:3])
        return best / max(1, len(self.plan.concepts))

    def share(self, docnum: int) -> float:
        """The share of the query's concepts one section matches (1 with no concepts to match)."""
        if not self.plan.cover:
            return 1.0
        return min(1.0, self.plan.cover.get(docnum, 0.0) / max(1, len(self.plan.concepts)))

    def run(self, limit: int) -> list[tuple[str, float, int, tuple[str, ...]]]:
        """(article id, score, best section document, ids of same-titled articles) for the best
        ``limit`` articles; articles of the same title from several collections are one hit."""
        ids = self.state.ids
        total = self._scores()
        drop: set[str] = set()
        for alt in self.plan.excluded:
            maps = [self.scorer.score(s, ("names", "words")) for s in alt.stems]
            if maps:
                drop.update(ids[d] for d in set.intersection(*map(set, maps)))
        want = limit * (10 if self.plan.phrases else 4) + 20
        best: dict[str, tuple[float, int]] = {}
        for docnum, score in heapq.nlargest(want, total.items(), key=lambda item: item[1]):
            aid = ids[docnum]
            if aid not in drop and aid not in best and self._has_phrases(aid, docnum):
                best[aid] = (score, docnum)
        exact = {aid for k in (self.plan.key, *self.plan.alt_keys) for aid, _ in self.state.exact.get(k, ())}
        for aid in [a for a in exact if a not in best and a not in drop][:5]:
            sections = [(total.get(d, 0.0), d) for d in self.searcher.document_numbers(id=aid)]
            if sections:
                score, docnum = max(sections)
                if self._has_phrases(aid, docnum):
                    best[aid] = (score, docnum)
        ranked = [(aid, score + name_bonus(self._named(aid)), d) for aid, (score, d) in best.items()]
        ranked.sort(key=lambda item: (-item[1], item[0]))  # equal scores: by id, the same every run
        grouped: dict[str, tuple[str, float, int, list[str]]] = {}
        articles = self.state.articles
        for aid, score, d in ranked:
            title = articles.get(aid, (aid, []))[0].casefold()
            if title in grouped:
                grouped[title][3].append(aid)
            elif len(grouped) < limit:
                grouped[title] = (aid, score, d, [])
        return [(aid, score, d, tuple(also)) for aid, score, d, also in grouped.values()]

    def _named(self, aid: str) -> float:
        """How much of the query an article's names name (:meth:`Plan.named`); no stems needed without concepts."""
        if not self.plan.concept_alts:
            return 0.0
        return self.plan.named(*self.state.name_stems(aid, self.analysis))

    def stored(self, docnum: int) -> dict[str, Any]:
        if docnum not in self._stored:
            self._stored[docnum] = self.searcher.stored_fields(docnum)
        return self._stored[docnum]

    def _has_phrases(self, aid: str, docnum: int) -> bool:
        if not self.plan.phrases:
            return True
        title, aliases = self.state.articles.get(aid, ("", []))
        stored = self.stored(docnum)
        pieces = [title, *aliases, stored.get("section") or "", stored.get("text") or ""]
        term, cut = self.analysis.term, self.analysis.text
        stemmed = [" " + " ".join(term(w) for w in tokenize(cut(p))) + " " for p in pieces]
        return all(any(" " + " ".join(ph) + " " in s for s in stemmed) for ph in self.plan.phrases)

    def hit(self, aid: str, score: float, docnum: int, also: Sequence[str] = ()) -> SearchHit:
        title = self.state.articles.get(aid, (aid, []))[0]
        about = self.state.about
        found = self.plan.hit(aid, title, self.stored(docnum), score)
        others = tuple((a, about.get(a, ("", []))[0]) for a in also)
        return replace(found, source=about.get(aid, ("", []))[0], also_in=others)


# -- documents and files -----------------------------------------------------------------
@lru_cache(maxsize=4)
def _listed_stems(code: str) -> frozenset[str]:
    """The stems of a language's packaged word list (a quarter of a second for Spanish: made when
    first needed, or by :meth:`SearchIndex.warm`), so that any form of a listed word is known."""
    analysis = Analyses()(code)
    return frozenset(analysis.term(w) for w in words_of((code,)))


def _merge(
    first: list[tuple[float, int, str, int, tuple[str, ...], _Run]],
    others: list[tuple[float, int, str, int, tuple[str, ...], _Run]],
) -> list[tuple[float, int, str, int, tuple[str, ...], _Run]]:
    """The interface language's hits and other languages' in one ranking.

    Scores of different analyses do not compare: another language's terms have other
    statistics (a big English library beside five Spanish articles), and its analysis of
    the query has other words. What does compare is the share of the query a hit matches
    (:meth:`_Run.share`). So each language keeps its own order, and a hit of another
    language is put before an interface-language hit only when it matches more of the
    query; another language's hits among themselves: by share, then score.
    """
    rest = sorted(others, key=lambda f: (-f[5].share(f[3]), -f[0], f[1], f[2]))
    merged: list[tuple[float, int, str, int, tuple[str, ...], _Run]] = []
    i = j = 0
    while i < len(first) or j < len(rest):
        if j == len(rest) or (i < len(first) and first[i][5].share(first[i][3]) >= rest[j][5].share(rest[j][3])):
            merged.append(first[i])
            i += 1
        else:
            merged.append(rest[j])
            j += 1
    return merged


def _article_docs(
    entry: FileEntry,
    articles: dict[str, tuple[str, list[str]]],
    counts: Counter[str],
    about: dict[str, tuple[str, list[str]]],
    parsed: list[Article],
    *,
    digests: dict[str, str] | None = None,
    analyses: Analyses | None = None,
) -> Iterator[dict[str, Any]]:
    """The documents of one article (one per section), recording its title, words, digest, the names
    its first text gives it ("also called …") and the article itself (for its source).

    The file is read once; text is cut into words once here, and the words are analysed in the
    article's language (``analyses``; by default each language its own); the fields take the terms as they are.
    """
    try:
        data = entry.path.read_bytes()
    except OSError:
        data = None  # parse_article reports it and gives an empty article
    if digests is not None:
        digests[entry.id] = "" if data is None else bytes_digest(data)
    article, _ = parse_article(entry.root, entry.path, entry.id, data)
    articles[article.id] = (article.title, list(article.aliases))
    parsed.append(article)
    analysis = (analyses or _ANALYSES)(article.language)
    cut = analysis.text
    names = (tokenize(cut(article.title)), tokenize(cut(" ; ".join(article.aliases))))
    tags = analysis.terms(tokenize(cut(" ".join(article.tags))))
    counts.update(names[0])
    counts.update(names[1])
    name_terms = (analysis.terms(names[0]), analysis.terms(names[1]))
    text = decode(entry.path, data)[0] if data is not None else ""  # the body is what follows the front matter
    sections = split_sections("".join(text.splitlines(keepends=True)[article.body_line - 1 :]))
    for number, section in enumerate(sections):
        plain = plain_text(section.text)
        if number <= 1 and article.id not in about:
            mined = names_in_text(article.title, f"{article.summary} {plain}")
            if mined or number == 1 or len(sections) == 1:
                about[article.id] = ("", mined)
        if number == 0 and not plain and len(sections) > 1:
            continue  # an empty lead: the sections carry the title
        heading = tokenize(cut(section.title or ""))
        words = tokenize(cut(f"{article.summary} {plain}" if number == 0 else plain))
        counts.update(heading)
        counts.update(words)
        yield {
            "id": article.id,
            "anchor": section.slug,
            "section": section.title,
            "text": plain,
            "names": name_terms,
            "words": (analysis.terms(heading), tags, analysis.terms(words)),
        }


_ANALYSES = Analyses()  # each language its own: for callers that pass none


UPDATES_MERGED = 5000  # section documents: updated articles' segments up to this many are kept as one


def _merge_updates(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy for updates in place: the segments of earlier updates go into the new one
    while they are small, so a search reads two segments (the build's and the updates'), not one more
    per update; past ``UPDATES_MERGED`` documents, Whoosh's own policy (which merges by size)."""
    from whoosh.reading import SegmentReader
    from whoosh.writing import MERGE_SMALL

    if len(segments) < 2:
        return segments
    biggest = max(segments, key=lambda s: s.doc_count_all())
    rest = [s for s in segments if s is not biggest]
    if sum(s.doc_count_all() for s in rest) > UPDATES_MERGED:
        return list(MERGE_SMALL(writer, segments))
    for segment in rest:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [biggest]


def _fast_codec() -> Any:
    """Whoosh's codec, without what only Whoosh's own matchers use.

    Block length statistics cost a column read per posting (a third of a build) and
    serve only Whoosh's block-skipping, which :class:`_Scorer` does not use; posting
    blocks are left uncompressed, which is faster to read back.
    """
    codec = W3Codec(compression=0)
    codec.length_stats = False
    return codec


class _MemoryPool:
    """Postings kept in memory as two arrays a term, in place of Whoosh's sorting pool.

    Whoosh's pool keeps every posting as a tuple (about 170 bytes), sorts them all, and past
    its memory limit spills sorted runs to disk and merges them, all in pure Python: a
    54,870-article build took 200 s and 625 MB. Documents arrive in order, so each term's
    document numbers are already sorted; this pool appends them to an ``array`` (8 bytes a
    posting) and writes each term's posting blocks whole, through the codec's own block
    writer. Only for a new index's writer (it reads no other segments); like
    :class:`_Scorer`, it relies on Whoosh 2.7's W3 codec internals (tested by the build tests).
    """

    def __init__(self) -> None:
        self.terms: dict[str, dict[str, tuple[array[int], array[float]]]] = defaultdict(dict)  # field -> term
        self.fieldnames: set[str] = set()
        self.progress: Callable[[float], None] | None = None  # told the share of postings written

    @classmethod
    def install(cls, writer: Any) -> _MemoryPool:
        """Put a memory pool into a fresh single-process segment writer."""
        pool = cls()
        writer.pool.cleanup()
        writer.pool = pool
        fieldwriter = writer.fieldwriter
        fieldwriter.add_postings = lambda schema, _lengths, _items: pool.write(fieldwriter, schema)
        return pool

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, tbytes, docnum, weight, value = item
        if value:
            raise ValueError(f"field {fieldname!r} stores posting values, which the memory pool does not keep")
        terms = self.terms[fieldname]
        term = tbytes.decode("utf-8")
        found = terms.get(term)
        if found is None:
            found = terms[term] = (array("I"), array("f"))
        found[0].append(docnum)
        found[1].append(weight)

    def add_document(self, writer: Any, doc: dict[str, Any]) -> None:
        """What ``writer.add_document(**doc)`` does, without a Python call for each posting.

        Stored fields and columns go through the writer's per-document writer as Whoosh's own
        ``SegmentWriter.add_document`` sends them; postings of a :class:`_Parts` field go
        straight into this pool's arrays (no boosts: the schema sets none).
        """
        schema = writer.schema
        perdoc = writer.perdocwriter
        docnum = writer.docnum
        perdoc.start_doc(docnum)
        for fieldname in sorted(doc):
            value = doc[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if isinstance(field, _Parts):
                weights, length = field.terms(value)
                terms = self.terms[fieldname]
                for term, weight in weights.items():
                    found = terms.get(term)
                    if found is None:
                        found = terms[term] = (array("I"), array("f"))
                    found[0].append(docnum)
                    found[1].append(weight)
            elif field.indexed:
                for tbytes, freq, weight, vbytes in field.index(value):
                    self.add((fieldname, tbytes, docnum, weight, vbytes))
                    length += freq if field.scorable else 0
            perdoc.add_field(fieldname, field, value if field.stored else None, length)
            if field.column_type and value is not None:
                perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        writer._added = True
        writer.docnum += 1

    def iter_postings(self) -> Iterator[Any]:
        return iter(())  # written by :meth:`write` instead

    def cleanup(self) -> None:
        self.terms = defaultdict(dict)

    def write(self, fieldwriter: Any, schema: Any) -> None:
        """Every term's postings, in field and term order, a whole block at a time."""
        total = sum(len(terms) for terms in self.terms.values()) or 1
        done = 0
        for fieldname in sorted(self.terms):
            terms = self.terms[fieldname]
            fieldwriter.start_field(fieldname, schema[fieldname])
            for number, term in enumerate(sorted(terms), start=done + 1):  # code point order is UTF-8 byte order
                if self.progress is not None and number % 5000 == 0:
                    self.progress(number / total)
                ids, weights = terms[term]
                fieldwriter.start_term(term.encode("utf-8"))
                out = fieldwriter._postwriter
                limit = out._blocklimit
                for start in range(0, len(ids), limit):
                    if start:
                        out._write_block()
                    out._ids = ids[start : start + limit]
                    out._weights = weights[start : start + limit]
                    out._maxweight = max(out._weights)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
            done += len(terms)
            del terms
        self.cleanup()


def _stored(folder: Path, readonly: bool = False, what: str = "stamps") -> dict[str, str] | None:
    """The stamps or digests kept in an index folder's side store, or None when it cannot be read."""
    try:
        store = SideStore(folder / SIDE_FILE, readonly=readonly)
    except Exception:
        return None
    try:
        return store.stamps() if what == "stamps" else store.digests()
    except Exception:
        return None
    finally:
        store.close()


def _thesaurus_folder() -> Path | None:
    """Where the parsed shipped thesaurus is kept between processes (the user's cache), if anywhere."""
    from guide.core import paths

    try:
        return paths.cache_dir() / "search"
    except Exception:  # no cache folder can be named: parse at every opening
        return None


def _sizes(folder: Path) -> dict[str, int]:
    """The size of every Whoosh file of an index folder: a cut file is noticed. The side store is
    left out: it changes in place (stored tables), and SQLite notices damage to it by itself."""
    return {
        p.name: p.stat().st_size
        for p in folder.iterdir()
        if p.is_file() and p.name != META_FILE and not p.name.startswith(SIDE_FILE) and not p.name.endswith(".lock")
    }


def _entry_of(roots: Sequence[Path], file: Path) -> FileEntry | None:
    """The scan entry of one article file (as :func:`guide.core.content.scan` would make it), or None
    when it is not an article of these roots; a file that is gone gets size -1 (it is to be removed)."""
    path = Path(file).absolute()
    if path.suffix != ".md" or path.name == "index.md":
        return None
    for root in roots:
        root = Path(root).absolute()
        try:
            rel = path.relative_to(root)
        except ValueError:
            continue
        if any(part.startswith(".") for part in rel.parts[:-1]):
            return None  # scan skips hidden folders
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            return FileEntry(rel.with_suffix("").as_posix(), root, str(path), -1, 0)
        except OSError:
            return None
        return FileEntry(rel.with_suffix("").as_posix(), root, str(path), stat.st_size, stat.st_mtime_ns)
    return None


def _first_with(roots: Sequence[Path], aid: str) -> Path | None:
    """The first root holding the article ``aid`` (the one a scan keeps), or None."""
    for root in roots:
        root = Path(root).absolute()
        if (root / f"{aid}.md").is_file():
            return root
    return None


def _name_stems(text: str, analysis: Analysis) -> frozenset[str]:
    words = tokenize(analysis.text(text))
    return frozenset(analysis.term(w) for w in (analysis.content(words) or words))


def _with(report: IndexReport, **changes: Any) -> IndexReport:
    return replace(report, **changes)
