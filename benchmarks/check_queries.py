"""Check the query sets: every expected id is an article, categories are known, no query twice.

    .venv/bin/python benchmarks/check_queries.py [--corpus DIR] [FILE ...]

Without files it checks every MedQuAD *.tsv in benchmarks/queries/ (not spanish.tsv, whose ids are
the bundled guide's: benchmarks/search_spanish.py --check checks it) and that dev.tsv and test.tsv do not
share a query, nor either with legacy.tsv. Prints one line per problem (file:line: message) and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import HERE, corpus_argument, corpus_root

CATEGORIES = {"lay", "question", "misspelling", "abbreviation", "topic"}
NOT_MEDQUAD = {"spanish.tsv"}  # query sets over the bundled guide, checked by their own benchmark


def article_ids(root: Path) -> set[str]:
    return {path.relative_to(root).with_suffix("").as_posix() for path in root.rglob("*.md") if path.name != "index.md"}


def check_file(
    path: Path, ids: set[str], categories: set[str] = CATEGORIES
) -> tuple[list[str], Counter[str], set[str]]:
    problems: list[str] = []
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != 3:
            problems.append(f"{where}: expected 3 tab-separated columns, found {len(fields)}")
            continue
        category, text, expected = fields
        if category not in categories:
            problems.append(f"{where}: unknown category {category!r}")
        if not text.strip():
            problems.append(f"{where}: empty query")
        if text.casefold() in seen:
            problems.append(f"{where}: query {text!r} appears twice")
        seen.add(text.casefold())
        for article_id in expected.split("|"):
            if article_id not in ids:
                problems.append(f"{where}: no article {article_id!r}")
        counts[category] += 1
    return problems, counts, seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    ids = article_ids(corpus_root(args.corpus))
    files = args.files or sorted(p for p in (HERE / "queries").glob("*.tsv") if p.name not in NOT_MEDQUAD)
    problems: list[str] = []
    texts: dict[str, set[str]] = {}
    for path in files:
        found, counts, seen = check_file(path, ids)
        problems += found
        texts[path.name] = seen
        summary = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
        print(f"{path.name}: {sum(counts.values())} queries ({summary})")
    shared = texts.get("dev.tsv", set()) & texts.get("test.tsv", set())
    problems += [f"dev.tsv and test.tsv both hold {text!r}" for text in sorted(shared)]
    for name in ("written.tsv", "dev.tsv", "test.tsv"):  # new queries must be new
        again = texts.get(name, set()) & texts.get("legacy.tsv", set())
        problems += [f"{name} and legacy.tsv both hold {text!r}" for text in sorted(again)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems over {len(ids)} articles")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
