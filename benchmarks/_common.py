"""Shared pieces of the benchmark scripts: the corpus, the query sets and the figures."""

from __future__ import annotations

import argparse
import statistics
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
