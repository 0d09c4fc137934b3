"""Index build and search speed on MedQuAD (or a 10x copy of it), with peak memory.

Prints the full build time (median of 3), the time to re-index one changed article,
and search latency p50/p95 over the query list. ``--scale 10`` copies the corpus under
ten prefixes into /tmp (55k articles), builds it once, and reports latency and the peak
resident memory of a fresh process that opens the index and runs the queries.

    .venv/bin/python benchmarks/index_build.py [--corpus DIR] [--scale 10] [--procs N]
"""

from __future__ import annotations

import argparse
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

from _common import HERE, corpus_argument, corpus_root, load_queries, percentile

from guide.core.search import SearchIndex

_SEARCHER = """
import json, resource, sys, time
from pathlib import Path
from guide.core.search import SearchIndex
roots, folder, queries = sys.argv[1].split(";"), Path(sys.argv[2]), json.loads(sys.argv[3])
started = time.perf_counter()
index = SearchIndex([Path(r) for r in roots], folder)
index.search("warm up")
opened = time.perf_counter() - started
times = []
for text in queries:
    t = time.perf_counter()
    index.search(text, limit=10)
    times.append((time.perf_counter() - t) * 1000)
suggest = []
for text in queries:
    t = time.perf_counter()
    index.suggest(text[:5])
    suggest.append((time.perf_counter() - t) * 1000)
peak = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        peak = int(line.split()[1]) // 1024
peak = peak or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"times": times, "suggest": suggest, "peak_mb": peak, "open_s": opened}))
"""


def measure_search(roots: list[Path], folder: Path, queries: list[str]) -> dict[str, object]:
    """Open the index in a fresh process, run the queries; its latencies and peak memory."""
    args = [sys.executable, "-c", _SEARCHER, ";".join(map(str, roots)), str(folder), json.dumps(queries)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def scaled_copy(root: Path, scale: int) -> Path:
    target = Path(tempfile.mkdtemp(prefix=f"medquad-x{scale}-", dir="/tmp"))
    for n in range(scale):
        shutil.copytree(root, target / f"copy{n}", ignore=shutil.ignore_patterns("index.md", "*.txt"))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--queries", type=Path, default=HERE / "queries" / "legacy.tsv")
    parser.add_argument("--scale", type=int, default=1, help="copy the corpus this many times (in /tmp)")
    parser.add_argument("--runs", type=int, default=3, help="full builds to take the median of")
    parser.add_argument("--procs", type=int, default=1, help="Whoosh writer processes (CLI only)")
    args = parser.parse_args()
    source = corpus_root(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="guide-build-", dir="/tmp"))
    root = scaled_copy(source, args.scale) if args.scale > 1 else work / "corpus"
    if args.scale <= 1:
        shutil.copytree(source, root)  # a copy: one article is changed below
    queries = [q.text for q in load_queries(args.queries)]
    runs = 1 if args.scale > 1 else max(1, args.runs)
    builds = []
    for n in range(runs):
        index = SearchIndex([root], work / f"index{n}")
        index.procs = args.procs
        started = time.perf_counter()
        report = index.update()
        builds.append(time.perf_counter() - started)
        index.close()
        print(f"build {n + 1}: {builds[-1]:.1f} s ({report.added} articles)", flush=True)
    folder = work / f"index{runs - 1}"
    print(f"full build: median {statistics.median(builds):.1f} s over {runs} run(s), procs={args.procs}")

    article = next(p for p in sorted(root.rglob("*.md")) if p.name != "index.md")
    for label, warm in (("index open, as in the app", True), ("cold, as `guide index`", False)):
        index = SearchIndex([root], folder)
        if warm:
            index.search("warm up")
        article.write_text(article.read_text(encoding="utf-8") + "\nAn added zanzibarite sentence.\n", "utf-8")
        stat = article.stat()
        os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
        started = time.perf_counter()
        report = index.update()
        took = time.perf_counter() - started
        print(f"re-index one changed article ({label}): {took:.3f} s (updated={report.updated})")
        index.close()

    result = measure_search([root], folder, queries)
    times = list(result["times"])  # type: ignore[call-overload]
    suggest = list(result["suggest"])  # type: ignore[call-overload]
    print(
        f"search ({len(times)} queries, top 10 with snippets): p50 {percentile(times, 0.5):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
    )
    print(f"suggest: p50 {percentile(suggest, 0.5):.2f} ms, p95 {percentile(suggest, 0.95):.2f} ms")
    print(f"searching process: opened in {result['open_s']:.2f} s, peak RSS {result['peak_mb']} MB")
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"index size: {size:.0f} MB at {folder}")


if __name__ == "__main__":
    main()
