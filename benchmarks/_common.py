"""Shared pieces of the benchmark scripts: the corpus, the query sets and the figures."""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from guide.core.content import Library
from guide.core.search.query import key

HERE = Path(__file__).resolve().parent
TARBALL = HERE.parent.parent / "shared" / "corpora" / "medquad-content.tar.gz"
if not TARBALL.exists():  # the work tree may sit elsewhere; shared/ is beside main/
    TARBALL = Path("/work/shared/corpora/medquad-content.tar.gz")


def corpus_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, help="content root (default: extract the MedQuAD tarball)")


def corpus_root(given: Path | None) -> Path:
    """The content root to use: the one given, or the MedQuAD tarball extracted into a temp dir."""
    if given is not None:
        return given
    target = Path(tempfile.mkdtemp(prefix="medquad-"))
    with tarfile.open(TARBALL) as archive:
        archive.extractall(target, filter="data")
    return target / "medquad"


@dataclass(frozen=True)
class Query:
    category: str
    text: str
    expected: tuple[str, ...]


def load_queries(path: Path) -> list[Query]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, text, expected = line.split("\t")
        queries.append(Query(category, text, tuple(expected.split("|"))))
    return queries


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def titles_of(root: Path) -> dict[str, str]:
    """Article id -> title key (content words, plurals folded), read cheaply from the front matter."""
    titles: dict[str, str] = {}
    for path in root.rglob("*.md"):
        if path.name == "index.md":
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:20]:
            if line.startswith("title:"):
                title = line[6:].strip().strip("\"'")
                titles[path.relative_to(root).with_suffix("").as_posix()] = key(title)
                break
    return titles


def accepted(query: Query, titles: dict[str, str], by_title: dict[str, set[str]]) -> set[str]:
    """The expected ids and every article whose title has the same words as one of theirs."""
    ids = set(query.expected)
    for article_id in query.expected:
        ids |= by_title.get(titles.get(article_id, ""), set())
    return ids


@dataclass
class Scores:
    reciprocal: list[float]
    at1: list[float]
    at10: list[float]

    @classmethod
    def empty(cls) -> Scores:
        return cls([], [], [])

    def add(self, ranked: list[str], good: set[str]) -> None:
        rank = next((i for i, article_id in enumerate(ranked[:10], 1) if article_id in good), None)
        self.reciprocal.append(1 / rank if rank else 0.0)
        self.at1.append(1.0 if rank == 1 else 0.0)
        self.at10.append(1.0 if rank else 0.0)

    def figures(self) -> tuple[float, float, float]:
        mean = statistics.fmean
        return mean(self.reciprocal), mean(self.at1), mean(self.at10)


def by_category(items: Iterable[tuple[str, list[str], set[str]]]) -> dict[str, Scores]:
    table: dict[str, Scores] = {}
    for category, ranked, good in items:
        for name in (category, "ALL"):
            table.setdefault(name, Scores.empty()).add(ranked, good)
    return table


Search = Callable[[str], list[str]]  # a query -> ranked article ids, best first
Row = tuple[str, list[str], set[str]]  # category, ranked ids, accepted ids


class Fts5Baseline:
    """SQLite FTS5 over title and body, ranked by bm25() with title weight 10 and body weight 1.

    ``tokenize`` is FTS5's tokenizer spec: 'porter unicode61' (English stemming) by default."""

    def __init__(self, library: Library, path: Path, tokenize: str = "porter unicode61") -> None:
        started = time.perf_counter()
        self.db = sqlite3.connect(path)
        self.db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='{tokenize}')")
        self.db.executemany(
            "INSERT INTO docs (id, title, body) VALUES (?, ?, ?)",
            ((article.id, article.title, library.body(article)) for article in library.articles()),
        )
        self.db.commit()
        self.build_seconds = time.perf_counter() - started

    def search(self, text: str) -> list[str]:
        words = re.findall(r"\w+", text.lower())
        if not words:
            return []
        match = " OR ".join('"' + word.replace('"', '""') + '"' for word in dict.fromkeys(words))
        try:
            rows = self.db.execute(
                "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0.0, 10.0, 1.0) LIMIT 10", (match,)
            )
            return [row[0] for row in rows]
        except sqlite3.Error:
            return []


def run_set(
    queries: list[Query], systems: dict[str, Search], good: list[set[str]]
) -> dict[str, tuple[list[Row], list[float]]]:
    runs: dict[str, tuple[list[Row], list[float]]] = {}
    for name, search in systems.items():
        rows, times = [], []
        for query, accepted_ids in zip(queries, good, strict=True):
            started = time.perf_counter()
            ranked = search(query.text)
            times.append((time.perf_counter() - started) * 1000)
            rows.append((query.category, ranked, accepted_ids))
        runs[name] = (rows, times)
    return runs


def report_set(
    label: str, count: int, runs: dict[str, tuple[list[Row], list[float]]], order: Sequence[str] = (), width: int = 21
) -> None:
    """A table of MRR@10, R@1 and R@10 per category (in ``order``, then the rest) and ALL, per system."""
    tables = {name: by_category(rows) for name, (rows, _) in runs.items()}
    names = list(runs)
    first = tables[names[0]]
    categories = [c for c in order if c in first] + sorted(set(first) - {*order, "ALL"}) + ["ALL"]
    print(f"\n== {label}: {count} queries; MRR@10 R@1 R@10 per system")
    print((f"{'category':13s}{'n':>4s}  " + "".join(f"{name:{width}s}" for name in names)).rstrip())
    for category in categories:
        cells = []
        for name in names:
            mrr, r1, r10 = tables[name][category].figures()
            cells.append(f"{mrr:.3f} {r1:.3f} {r10:.3f}".ljust(width))
        line = f"{category:13s}{len(first[category].at1):4d}  " + "".join(cells)
        if "guide" in tables and "fts5" in tables:
            below = tables["guide"][category].figures()[0] < tables["fts5"][category].figures()[0]
            line += "<- guide MRR below fts5" if below else ""
        print(line.rstrip())


def latency(label: str, texts: list[str], systems: dict[str, Search], passes: int) -> None:
    """p50/p95 over the queries of each system's per-query median of several passes.

    The systems take turns on each query, so that a busy moment on the shared machine falls on
    all of them alike rather than on whichever ran then."""
    times: dict[str, list[list[float]]] = {name: [[] for _ in texts] for name in systems}
    for _ in range(passes):
        for number, text in enumerate(texts):
            for name, search in systems.items():
                started = time.perf_counter()
                search(text)
                times[name][number].append((time.perf_counter() - started) * 1000)
    print(f"\nquery latency over the {label} set ({len(texts)} queries, top 10, in process, median of {passes} passes)")
    width = max(7, *map(len, times))
    for name, runs in times.items():
        medians = [statistics.median(run) for run in runs]
        print(f"    {name:{width}s} p50 {percentile(medians, 0.5):6.1f} ms   p95 {percentile(medians, 0.95):6.1f} ms")
