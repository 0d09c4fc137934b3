"""Search quality and speed on MedQuAD: this product beside a plain Whoosh BM25 baseline.

Prints MRR@10, Recall@1 and Recall@10 per query category, and search latency p50/p95,
for both, with the product/baseline ratio. The baseline is Whoosh's quick-start schema
(title and body, StandardAnalyzer, BM25F, MultifieldParser with OR), built in the same run.

    .venv/bin/python benchmarks/search_quality.py [--corpus DIR] [--queries FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    HERE,
    accepted,
    by_category,
    corpus_argument,
    corpus_root,
    load_queries,
    percentile,
    titles_of,
)

from guide.core.content import load_library
from guide.core.search import SearchIndex


class Baseline:
    """A quick-start Whoosh index: one document per article, title and body, default analyzer."""

    def __init__(self, root: Path, folder: Path) -> None:
        from whoosh import index
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.qparser import MultifieldParser, OrGroup

        schema = Schema(id=ID(stored=True), title=TEXT(stored=True), body=TEXT)
        self.ix = index.create_in(str(folder), schema)
        library = load_library([root])
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--queries", type=Path, default=HERE / "queries" / "legacy.tsv")
    parser.add_argument("--index-dir", type=Path, help="reuse (or build) the product index here")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--show-misses", action="store_true", help="print each query that missed")
    args = parser.parse_args()
    root = corpus_root(args.corpus)
    queries = load_queries(args.queries)
    titles = titles_of(root)
    by_title: dict[str, set[str]] = {}
    for article_id, title in titles.items():
        by_title.setdefault(title, set()).add(article_id)

    work = Path(tempfile.mkdtemp(prefix="guide-quality-"))
    index = SearchIndex([root], args.index_dir or work / "product")
    started = time.perf_counter()
    index.update()
    print(f"product index built in {time.perf_counter() - started:.1f} s")
    index.search("warm up")
    runs: dict[str, tuple[list[tuple[str, list[str], set[str]]], list[float]]] = {}
    product_rows, product_ms = [], []
    for query in queries:
        started = time.perf_counter()
        results = index.search(query.text, limit=10)
        product_ms.append((time.perf_counter() - started) * 1000)
        ranked = [hit.id for hit in results.hits]
        good = accepted(query, titles, by_title)
        product_rows.append((query.category, ranked, good))
        if args.show_misses and not set(ranked[:1]) & good:
            print(f"  miss [{query.category}] {query.text!r} -> {ranked[:3]} corrected={results.corrected}")
    runs["product"] = (product_rows, product_ms)
    if not args.no_baseline:
        (work / "baseline").mkdir()
        baseline = Baseline(root, work / "baseline")
        print(f"baseline index built in {baseline.build_seconds:.1f} s")
        baseline.search("warm up")
        rows, times = [], []
        for query in queries:
            started = time.perf_counter()
            ranked = baseline.search(query.text)
            times.append((time.perf_counter() - started) * 1000)
            rows.append((query.category, ranked, accepted(query, titles, by_title)))
        runs["baseline"] = (rows, times)
    report(runs, len(queries))
    index.close()


def report(runs: dict[str, tuple[list[tuple[str, list[str], set[str]]], list[float]]], count: int) -> None:
    tables = {name: by_category(rows) for name, (rows, _) in runs.items()}
    print(f"\n{count} queries; MRR@10 / Recall@1 / Recall@10 (product | baseline | ratio)")
    categories = [c for c in tables["product"] if c != "ALL"] + ["ALL"]
    for category in categories:
        cells = []
        for name in runs:
            mrr, r1, r10 = tables[name][category].figures()
            cells.append(f"{mrr:.3f} {r1:.3f} {r10:.3f}")
        line = f"{category:10s} n={len(tables['product'][category].at1):3d}  " + "  |  ".join(cells)
        if "baseline" in tables:
            base = tables["baseline"][category].figures()[0]
            line += (
                f"  |  MRR x{tables['product'][category].figures()[0] / base:.2f}"
                if base
                else "  |  MRR x inf"
            )
        print(line)
    for name, (_, times) in runs.items():
        print(
            f"latency {name:9s} p50 {percentile(times, 0.5):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
        )


if __name__ == "__main__":
    main()
