"""Spanish search quality on the bundled guide: per-language analysis beside an English one and FTS5.

Runs every query of benchmarks/queries/spanish.tsv (test queries only: nobody tunes on them)
through three systems over the bundled content (content/, English and Spanish as shipped), top 10:

- guide:   the product's search (``SearchIndex``) as it is; where the engine takes a language, the
           interface language is Spanish ("es"), as in the window with the Spanish interface;
- english: the same ``SearchIndex`` with ``per_language=False`` (every language analysed as
           English), where this branch's engine has that keyword; else "(not available)";
- fts5:    SQLite FTS5, ``tokenize='unicode61 remove_diacritics 2'`` (accents folded, no
           stemming), ranked by ``bm25()`` with title weight 10 and body weight 1, words ORed.

Only the Spanish article counts as a hit; a second small table also counts its English original
(``translation_of``), to tell "wrong subject" from "right subject, wrong language". Then p50/p95
query latency per system (per-query median of 3 passes). The guide has only five Spanish articles,
so Recall@10 is near 1 for anything that matches at all: read MRR@10 and Recall@1. ``--also DIR``
puts another content root in the same library, e.g. the 5,487 English MedQuAD articles, as in a
clinic that installed that collection: then the five Spanish articles must come up among thousands.

    .venv/bin/python benchmarks/search_spanish.py [--corpus DIR] [--queries FILE] [--passes N]
    .venv/bin/python benchmarks/search_spanish.py --check            # the query file only
    .venv/bin/python benchmarks/search_spanish.py --also /work/medquad/medquad  # 5,487 English beside
    .venv/bin/python benchmarks/search_spanish.py --misses --i-am-reporting

Indexes and the guide's cache go into a temp folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import atexit
import inspect
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    HERE,
    Fts5Baseline,
    Query,
    Row,
    Search,
    by_category,
    latency,
    load_queries,
    report_set,
    run_set,
)
from check_queries import check_file

from guide.core.content import Library, load_library
from guide.core.paths import bundled_content
from guide.core.search import SearchIndex

QUERIES = HERE / "queries" / "spanish.tsv"
CATEGORIES = ("accents", "lay", "forms", "question", "misspelling", "topic", "exact")
LANGUAGE = "es"  # the interface language the window would pass
LANGUAGE_NAMES = ("language", "ui_language", "languages", "lang")  # what an engine may call it


def _keyword(function: object, value: object) -> dict[str, object]:
    """The interface language as the keyword ``function`` takes it, if it takes one."""
    parameters = inspect.signature(function).parameters  # type: ignore[arg-type]
    for name in LANGUAGE_NAMES:
        if name in parameters:
            return {name: (value,) if name == "languages" else value}
    return {}


class Guide:
    """The product's search: ranked article ids (first occurrence), and what it said it searched."""

    def __init__(self, roots: list[Path], folder: Path, **options: object) -> None:
        made = _keyword(SearchIndex.__init__, LANGUAGE)
        self.index = SearchIndex(roots, folder, **made, **options)  # type: ignore[arg-type]
        self.asked = _keyword(self.index.search, LANGUAGE)
        self.how = ", ".join(f"{k}={v!r}" for k, v in {**made, **self.asked, **options}.items()) or "no language given"
        started = time.perf_counter()
        self.index.update()
        self.build_seconds = time.perf_counter() - started
        self.first: dict[str, tuple[str, str | None]] = {}

    def search(self, text: str) -> list[str]:
        results = self.index.search(text, limit=10, **self.asked)  # type: ignore[arg-type]
        ranked = list(dict.fromkeys(hit.id for hit in results.hits))
        self.first[text] = (ranked[0] if ranked else "", results.corrected)
        return ranked


def check(path: Path, library: Library) -> list[Query]:
    """The queries of ``path``, or exit 1 naming each bad line (unknown id, category, columns)."""
    spanish = {article.id for article in library.articles() if article.language == LANGUAGE}
    problems, counts, _ = check_file(path, spanish, set(CATEGORIES))
    if problems:
        print("\n".join(problems))
        sys.exit(f"search_spanish: {len(problems)} problem(s) in {path}; ids must be Spanish articles of the guide")
    summary = ", ".join(f"{name} {counts[name]}" for name in CATEGORIES)
    print(f"{path.name}: {sum(counts.values())} queries ({summary}); every id a Spanish article")
    return load_queries(path)


def either_language(runs: dict[str, tuple[list[Row], list[float]]], library: Library) -> None:
    """ALL again, with the English original of an expected article counted as a hit too."""
    original = {article.id: article.translation_of for article in library.articles() if article.translation_of}
    print("\nALL, the English original also counted (right subject, either language): MRR@10 R@1 R@10")
    for name, (rows, _) in runs.items():
        wider = [(cat, ranked, good | {original[i] for i in good if i in original}) for cat, ranked, good in rows]
        mrr, r1, r10 = by_category(wider)["ALL"].figures()
        print(f"    {name:8s} {mrr:.3f} {r1:.3f} {r10:.3f}")


def print_misses(queries: list[Query], runs: dict[str, tuple[list[Row], list[float]]], guide: Guide) -> None:
    """Each query some system did not answer first: its rank per system, and the guide's first hit."""
    print("\n== per-query ranks of the expected article (- = not in top 10); queries all systems got first left out")
    names = list(runs)
    print("    " + " ".join(f"{name:>7s}" for name in names))
    for number, query in enumerate(queries):
        ranks = []
        for name in names:
            _, ranked, good = runs[name][0][number]
            ranks.append(next((i for i, aid in enumerate(ranked[:10], 1) if aid in good), None))
        if all(rank == 1 for rank in ranks):
            continue
        cells = " ".join(f"{rank if rank else '-':>7}" for rank in ranks)
        first, corrected = guide.first.get(query.text, ("", None))
        said = f"; searched for {corrected!r}" if corrected and corrected != query.text else ""
        print(f"    {cells}  [{query.category}] {query.text!r} -> guide first: {first or 'nothing'}{said}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="content root (default: the bundled guide)")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="query file (default: queries/spanish.tsv)")
    parser.add_argument(
        "--also", type=Path, action="append", default=[], metavar="DIR", help="another content root in the same library"
    )
    parser.add_argument("--check", action="store_true", help="check the query file and stop")
    parser.add_argument("--passes", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--misses", action="store_true", help="per-query ranks (needs --i-am-reporting)")
    parser.add_argument("--i-am-reporting", action="store_true", help="allow --misses (for the final report)")
    args = parser.parse_args()
    if args.misses and not args.i_am_reporting:
        sys.exit(
            "search_spanish: these are all test queries; --misses is for the final report only "
            "(add --i-am-reporting, and say so in your note)"
        )
    work = Path(tempfile.mkdtemp(prefix="guide-spanish-"))  # every index and the guide's cache
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    os.environ["GUIDE_CACHE_DIR"] = str(work / "cache")  # nothing of the user's is read or written

    root = (args.corpus or bundled_content()).resolve()
    roots = [root, *(extra.resolve() for extra in args.also)]
    library = load_library(roots)
    queries = check(args.queries, library)
    if args.check:
        return
    good = [set(query.expected) for query in queries]
    spanish = sum(article.language == LANGUAGE for article in library.articles())
    shown = " + ".join(map(str, roots))
    print(f"corpus: {shown} ({len(library.articles())} articles, {spanish} in Spanish)")

    systems: dict[str, Search] = {}
    guide = Guide(roots, work / "guide")
    print(f"guide:   index built in {guide.build_seconds:.1f} s; {guide.how}")
    systems["guide"] = guide.search
    if "per_language" in inspect.signature(SearchIndex.__init__).parameters:
        english = Guide(roots, work / "english", per_language=False)
        print(f"english: index built in {english.build_seconds:.1f} s; {english.how}")
        systems["english"] = english.search
    else:
        print("english: SearchIndex(..., per_language=False) (not available on this branch)")
    fts5 = Fts5Baseline(library, work / "fts5.sqlite", tokenize="unicode61 remove_diacritics 2")
    print(f"fts5:    built in {fts5.build_seconds:.2f} s; unicode61 remove_diacritics 2, bm25 title x10")
    systems["fts5"] = fts5.search
    for search in systems.values():
        search("calentar")  # warm up: open searchers, load vocabularies

    runs = run_set(queries, systems, good)
    label = " + ".join(f"{r.name}/" for r in roots)
    report_set(f"{args.queries.name} over {label}", len(queries), runs, CATEGORIES)
    either_language(runs, library)
    latency(args.queries.name, [query.text for query in queries], systems, args.passes)
    if args.misses:
        print_misses(queries, runs, guide)


if __name__ == "__main__":
    main()
