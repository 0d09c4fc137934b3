"""The search evaluation's query sets (issue 13): the split is the committed one, and the tools
that guard it refuse what would spoil it."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "benchmarks" / "queries"
FIXTURE = Path(__file__).parent / "fixtures" / "library"


def rows(path: Path) -> list[tuple[str, str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]  # type: ignore[misc]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_dev_and_test_split_the_written_queries_about_half_and_half_in_every_category() -> None:
    written, dev, test = (rows(QUERIES / f"{name}.tsv") for name in ("written", "dev", "test"))
    assert sorted(dev + test) == sorted(written)
    assert not {q for _, q, _ in dev} & {q for _, q, _ in test}
    assert len(written) >= 300 and Counter(c for c, _, _ in written)["lay"] >= 150
    in_dev, in_test = Counter(c for c, _, _ in dev), Counter(c for c, _, _ in test)
    for category in Counter(c for c, _, _ in written):
        assert abs(in_dev[category] - in_test[category]) <= 1, category
    legacy = {q.casefold() for _, q, _ in rows(QUERIES / "legacy.tsv")}
    assert len(legacy) == 170
    assert not legacy & {q.casefold() for _, q, _ in written}


def test_split_script_reproduces_the_committed_split(tmp_path: Path) -> None:
    result = run(ROOT / "scripts" / "split-queries", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    for name in ("dev", "test"):
        assert (tmp_path / f"{name}.tsv").read_text(encoding="utf-8") == (QUERIES / f"{name}.tsv").read_text(
            encoding="utf-8"
        )


def test_split_script_refuses_to_overwrite_a_split(tmp_path: Path) -> None:
    (tmp_path / "dev.tsv").write_text("kept\n", encoding="utf-8")
    result = run(ROOT / "scripts" / "split-queries", "--out", tmp_path)
    assert result.returncode != 0
    assert "already exist" in result.stderr
    assert (tmp_path / "dev.tsv").read_text(encoding="utf-8") == "kept\n"
    assert not (tmp_path / "test.tsv").exists()


def test_query_check_names_the_line_of_an_unknown_article(tmp_path: Path) -> None:
    queries = tmp_path / "mine.tsv"
    queries.write_text(
        "# a comment\nlay\tchest pain\theart/heart-attack\ntopic\tpressure\theart/blood-pressure/nope\n",
        encoding="utf-8",
    )
    result = run(ROOT / "benchmarks" / "check_queries.py", "--corpus", FIXTURE, queries)
    assert result.returncode == 1
    assert f"{queries}:3: no article 'heart/blood-pressure/nope'" in result.stdout
    assert ":2:" not in result.stdout


def test_quality_benchmark_keeps_test_misses_for_the_report() -> None:
    result = run(ROOT / "benchmarks" / "search_quality.py", "--misses", "test")
    assert result.returncode != 0
    assert "--i-am-reporting" in result.stderr


def test_quality_benchmark_runs_all_three_systems(tmp_path: Path) -> None:
    queries = tmp_path / "mine.tsv"
    queries.write_text("lay\theart attack\theart/heart-attack\n", encoding="utf-8")
    result = run(
        ROOT / "benchmarks" / "search_quality.py",
        "--corpus",
        FIXTURE,
        "--queries",
        queries,
        "--no-process",
        "--misses",
        "mine",
    )
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("== mine: 1 queries", 1)[1]
    assert "guide" in table and "whoosh" in table and "fts5" in table
    assert "ALL" in table
    assert "everyday words changed by the guide's spelling correction:" in result.stdout
