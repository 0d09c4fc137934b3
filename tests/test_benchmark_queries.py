"""The Spanish search queries (issue 16) stay usable: every line parses, names a known category and
expects Spanish articles that the bundled guide really has, and the benchmark refuses a typo."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from guide.core.content import load_library

ROOT = Path(__file__).resolve().parents[1]
SPANISH = ROOT / "benchmarks" / "queries" / "spanish.tsv"
ORDER = ["accents", "lay", "forms", "question", "misspelling", "topic", "exact"]
CATEGORIES = set(ORDER)


def test_every_spanish_query_expects_a_spanish_article_of_the_bundled_guide() -> None:
    articles = {article.id: article for article in load_library([ROOT / "content"]).articles()}
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for number, line in enumerate(SPANISH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 3, f"spanish.tsv:{number}: {len(fields)} columns"
        category, query, expected = fields
        assert category in CATEGORIES, f"spanish.tsv:{number}: category {category!r}"
        assert query.strip() and query.casefold() not in seen, f"spanish.tsv:{number}: empty or repeated query"
        seen.add(query.casefold())
        for article_id in expected.split("|"):
            assert article_id in articles, f"spanish.tsv:{number}: no article {article_id!r}"
            assert articles[article_id].language == "es", f"spanish.tsv:{number}: {article_id!r} is not Spanish"
        counts[category] += 1
    assert sum(counts.values()) >= 40 and set(counts) == CATEGORIES
    assert min(counts.values()) >= 8, counts


def test_spanish_benchmark_names_the_line_of_a_mistyped_id(tmp_path: Path) -> None:
    queries = tmp_path / "mine.tsv"
    queries.write_text(
        "# a comment\naccents\tdepresion\tes/salud-mental\nexact\ttriángulo cognitivo\t"
        "es/salud-mental/terapias-de-conversacion/terapia-cognitivo-conductual\n",
        encoding="utf-8",
    )
    script = ROOT / "benchmarks" / "search_spanish.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check", "--queries", str(queries)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1
    assert f"{queries}:2: no article 'es/salud-mental'" in result.stdout
    assert ":3:" not in result.stdout


def test_spanish_benchmark_keeps_per_query_results_for_the_report() -> None:
    script = ROOT / "benchmarks" / "search_spanish.py"
    result = subprocess.run([sys.executable, str(script), "--misses"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert "--i-am-reporting" in result.stderr


def test_spanish_benchmark_prints_every_category_for_each_system() -> None:
    script = ROOT / "benchmarks" / "search_spanish.py"
    result = subprocess.run([sys.executable, str(script), "--passes", "1"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("queries; MRR@10 R@1 R@10 per system", 1)[1].split("\n\n", 1)[0]
    header, *lines = table.strip().splitlines()
    assert "guide" in header and "fts5" in header
    assert [line.split()[0] for line in lines] == [*sorted(CATEGORIES, key=ORDER.index), "ALL"]
    assert "per_language=False" in result.stdout  # the English analyser, or why it is missing
