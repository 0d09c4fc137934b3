"""Search quality and speed on MedQuAD: the guide's search beside two plain baselines.

For each query set (dev, test, legacy in benchmarks/queries/) prints MRR@10, Recall@1 and
Recall@10 per category and overall for three systems run in this process over the same
articles:

- guide:  the guide's own search (``SearchIndex``); a hit is an article id, first occurrence;
- whoosh: Whoosh's quick-start schema (title and body, StandardAnalyzer, BM25F,
  MultifieldParser with OR), as a clinic developer would set it up in ten minutes;
- fts5:   SQLite FTS5 from the standard library, porter tokenizer, ranked by
  ``bm25()`` with title weight 10 and body weight 1, the query's words ORed.

Then p50/p95 query latency per system over the test set (per-query median of 3 passes), the
first-query latency of a fresh ``guide search`` process (median of 3, beside a bare interpreter
start), and how many of the 200 everyday words in benchmarks/queries/everyday-words.txt the
guide's search "corrects" into something else.

    .venv/bin/python benchmarks/search_quality.py [--corpus DIR] [--sets dev,test,legacy]
        [--systems guide,whoosh,fts5] [--misses dev|legacy] [--index-dir DIR]
    .venv/bin/python benchmarks/search_quality.py --misses test --i-am-reporting
    .venv/bin/python benchmarks/search_quality.py --corpus content --queries benchmarks/queries_guide.tsv

Tune search on dev only. The test set is for reporting: its misses are shown only with
--i-am-reporting, and whoever reads them while changing search should say so.
Indexes are built in a temp folder (removed at the end) and GUIDE_CACHE_DIR points into it, so
nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
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
    accepted,
    corpus_argument,
    corpus_root,
    latency,
    load_queries,
    report_set,
    run_set,
    titles_of,
)

from guide.core.content import Library, load_library
from guide.core.search import SearchIndex

QUERIES = HERE / "queries"
SETS = ("dev", "test", "legacy")
SYSTEMS = ("guide", "whoosh", "fts5")
CATEGORY_ORDER = ("lay", "question", "misspelling", "abbreviation", "topic")
FIRST_QUERY = "high blood pressure"
WORK = Path(tempfile.mkdtemp(prefix="guide-quality-"))  # every index and the guide's cache go here


class WhooshBaseline:
    """A quick-start Whoosh index: one document per article, title and body, default analyzer."""

    def __init__(self, library: Library, folder: Path) -> None:
        from whoosh import index
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.qparser import MultifieldParser, OrGroup

        folder.mkdir(parents=True)
        schema = Schema(id=ID(stored=True), title=TEXT(stored=True), body=TEXT)
        self.ix = index.create_in(str(folder), schema)
        started = time.perf_counter()
        writer = self.ix.writer(limitmb=256)
        for article in library.articles():
            writer.add_document(id=article.id, title=article.title, body=library.body(article))
        writer.commit()
        self.build_seconds = time.perf_counter() - started
        self.parser = MultifieldParser(["title", "body"], schema, group=OrGroup)
        self.searcher = self.ix.searcher()

    def search(self, text: str) -> list[str]:
        try:
            query = self.parser.parse(text)
            return [hit["id"] for hit in self.searcher.search(query, limit=10)]
        except Exception:
            return []


class Guide:
    """The guide's own search, ranked article ids (first occurrence) and what it says it searched."""

    def __init__(self, root: Path, folder: Path | None) -> None:
        self.index = SearchIndex([root], folder or WORK / "guide")
        started = time.perf_counter()
        report = self.index.update()
        self.build_seconds = time.perf_counter() - started
        self.rebuilt = report.rebuilt or bool(report.added)
        self.last_first: dict[str, tuple[str, str | None]] = {}

    def search(self, text: str) -> list[str]:
        results = self.index.search(text, limit=10)
        ranked = list(dict.fromkeys(hit.id for hit in results.hits))
        self.last_first[text] = (ranked[0] if ranked else "", results.corrected)
        return ranked

    def corrected(self, text: str) -> str | None:
        """What the search says it searched for instead of ``text``, if anything."""
        corrected = self.index.search(text, limit=10).corrected
        if corrected and corrected.strip().casefold() != text.strip().casefold():
            return corrected
        return None


def print_misses(label: str, queries: list[Query], rows: list[Row], guide: Guide, titles: dict[str, str]) -> None:
    """Each query whose expected article is not first: where it came, and what came first."""
    missed = 0
    print(f"\n== misses of the guide's search on {label} (expected article not first)")
    for query, (_, ranked, good) in zip(queries, rows, strict=True):
        rank = next((i for i, aid in enumerate(ranked[:10], 1) if aid in good), None)
        if rank == 1:
            continue
        missed += 1
        first, corrected = guide.last_first.get(query.text, ("", None))
        where = f"rank {rank}" if rank else "not in top 10"
        print(f"[{query.category}] {query.text!r} ({where})")
        print(f"    expected: {' | '.join(query.expected)}")
        shown = f"{first} ({titles.get(first, '?')})" if first else "nothing"
        print(f"    first:    {shown}" + (f"; searched for {corrected!r}" if corrected else ""))
    print(f"{missed} of {len(queries)} missed first place")


def first_query_latency(root: Path, index_dir: Path, runs: int = 3) -> None:
    """A fresh `guide search` process on the built index: wall time, and its own first-query ms."""
    env = dict(os.environ)
    base = [sys.executable, "-m", "guide", "search", "--content", str(root), "--index-dir", str(index_dir)]
    walls, firsts, bare = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        subprocess.run([*base, "--json", FIRST_QUERY], check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - started)
        out = subprocess.run(
            [*base, "--json", "--batch", "-"],
            input=FIRST_QUERY + "\n",
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        firsts.append(json.loads(out.splitlines()[0])["ms"])
    print(
        f"\nfresh `guide search --json {FIRST_QUERY!r}` process: median {statistics.median(walls) * 1000:.0f} ms wall "
        f"(bare `python -c pass`: {statistics.median(bare) * 1000:.0f} ms); "
        f'its first query (`--batch`, "ms"): median {statistics.median(firsts):.0f} ms  [{runs} runs]'
    )


def everyday_words(guide: Guide) -> None:
    path = QUERIES / "everyday-words.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    changed = [(word, fix) for word in words if (fix := guide.corrected(word))]
    print(f"\neveryday words changed by the guide's spelling correction: {len(changed)} of {len(words)}")
    for word, fix in changed:
        print(f"    {word!r} -> {fix!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--sets", default=",".join(SETS), help="query sets in benchmarks/queries/ (default: all)")
    parser.add_argument("--queries", type=Path, help="one other query file instead of the sets")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="systems to run (default: all three)")
    parser.add_argument("--no-baseline", action="store_true", help="the guide's search only")
    parser.add_argument("--index-dir", type=Path, help="reuse (or build) the guide's index here")
    parser.add_argument("--misses", metavar="SET", help="list the guide's misses on this set (not test)")
    parser.add_argument("--i-am-reporting", action="store_true", help="allow --misses test (for the final report)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the test set (default 3)")
    parser.add_argument("--no-process", action="store_true", help="skip the fresh-process first-query timing")
    args = parser.parse_args()
    os.environ["GUIDE_CACHE_DIR"] = str(WORK / "cache")  # this process and the `guide search` ones
    os.environ["GUIDE_DATA_DIR"] = str(WORK / "data")  # no clinic library: `guide search` has the roots built here
    atexit.register(shutil.rmtree, WORK, ignore_errors=True)  # runs are repeated while tuning: leave no litter

    sets = [args.queries.stem] if args.queries else [s for s in args.sets.split(",") if s]
    if args.misses == "test" and not args.i_am_reporting:
        sys.exit(
            "search_quality: --misses test is for the final report only; tune on --misses dev "
            "(add --i-am-reporting if you are reporting, and say so in your note)"
        )
    if args.misses and args.misses not in sets:
        sys.exit(f"search_quality: --misses {args.misses} needs that set in --sets")
    names = ["guide"] if args.no_baseline else [s for s in args.systems.split(",") if s]
    if unknown := set(names) - set(SYSTEMS):
        sys.exit(f"search_quality: unknown system(s) {', '.join(sorted(unknown))}; choose from {', '.join(SYSTEMS)}")
    paths = {name: args.queries if args.queries else QUERIES / f"{name}.tsv" for name in sets}
    query_sets = {name: load_queries(path) for name, path in paths.items()}

    root = corpus_root(args.corpus)
    if args.corpus is None:  # extracted from the tarball into a temp folder of its own
        atexit.register(shutil.rmtree, root.parent, ignore_errors=True)
    titles = titles_of(root)
    by_title: dict[str, set[str]] = {}
    for article_id, title in titles.items():
        by_title.setdefault(title, set()).add(article_id)
    library = load_library([root])
    shown_titles = {article.id: article.title for article in library.articles()}

    guide = Guide(root, args.index_dir)
    what = "built" if guide.rebuilt else "opened"
    print(f"corpus: {root} ({len(shown_titles)} articles)")
    print(f"guide index {what} in {guide.build_seconds:.1f} s ({guide.index.location})")
    systems: dict[str, Search] = {}
    if "guide" in names:
        guide.search("warm up")
        systems["guide"] = guide.search
    if "whoosh" in names:
        whoosh = WhooshBaseline(library, WORK / "whoosh")
        print(f"whoosh baseline built in {whoosh.build_seconds:.1f} s")
        whoosh.search("warm up")
        systems["whoosh"] = whoosh.search
    if "fts5" in names:
        fts5 = Fts5Baseline(library, WORK / "fts5.sqlite")
        print(f"fts5 baseline built in {fts5.build_seconds:.1f} s")
        fts5.search("warm up")
        systems["fts5"] = fts5.search

    for name, queries in query_sets.items():
        good = [accepted(query, titles, by_title) for query in queries]
        runs = run_set(queries, systems, good)
        report_set(name, len(queries), runs, CATEGORY_ORDER)
        if args.misses == name and "guide" in runs:
            print_misses(name, queries, runs["guide"][0], guide, shown_titles)

    latency_set = "test" if "test" in query_sets else sets[0]
    latency(latency_set, [query.text for query in query_sets[latency_set]], systems, args.passes)
    if not args.no_process:
        first_query_latency(root, guide.index.location)
    everyday_words(guide)
    guide.index.close()


if __name__ == "__main__":
    main()
