"""The window's background content check (every link and picture) with and without its kept results.

    python benchmarks/content_check.py [--corpus DIR] [--runs 3]

Each run checks the library once with an empty results cache (as the first start does) and
then again with the cache that run left (as every later start does, nothing having changed),
in the same process, so both see the same machine load. Prints wall and CPU medians.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from guide.core.content import load_library
from guide.core.problems import content_problems


def timed(library: object, cache: Path) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    found = content_problems(library, cache=cache)  # type: ignore[arg-type]
    return time.perf_counter() - wall, time.process_time() - cpu, len(found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default="/work/medquad/medquad")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    library = load_library([Path(args.corpus)])
    results: dict[str, list[tuple[float, float, int]]] = {"no kept results (first start)": [], "kept results": []}
    for _ in range(args.runs):
        cache = Path(tempfile.mkdtemp(prefix="guide-checks-"))
        results["no kept results (first start)"].append(timed(library, cache))
        results["kept results"].append(timed(library, cache))
    width = max(map(len, results))
    for name, rows in results.items():
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        print(
            f"content check of {len(library):,} articles, {name:{width}}: {wall:6.2f} s wall, {cpu:6.2f} s CPU "
            f"(median of {len(rows)}; {rows[0][2]} problems)"
        )


if __name__ == "__main__":
    main()
