"""Timings of big and odd inputs (median of several runs): the figures behind tests/robustness.

    python benchmarks/robustness_inputs.py [--runs 3] [--skip-crowd-index]

A 5 MB article, a topic of 20,000 articles, folders 50 deep, a paragraph of 20,000
stray '[', and odd and 10,000-character queries. The tests check these work; this
prints how long they take.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))

from robust_helpers import CROWD, DEPTH, MARKER, big_article, crowd_root, deep_root, write

from guide.core.content import load_library
from guide.core.render import Renderer
from guide.core.search import SearchIndex

ODD = {
    "10,000 x": "x" * 10_000,
    "10,000 chars of words": ("blood pressure " * 700)[:10_000],
    "punctuation": "!!!...???",
    "unbalanced": '"((unbalanced',
    "AND OR NOT": "AND OR NOT",
    "wildcards": "*kid* art?cle",
    "field syntax": "title:crowd id:x",
    "huge number": "9" * 400,
    "RTL + NUL": "\u202eمرحبا\x00",
}


def median_time(work: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"  {label:<50} {seconds * 1000:>10.1f} ms  {note}")


def qt_set_html(html: str, runs: int) -> float:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    _app = QApplication.instance() or QApplication([])
    browser = QTextBrowser()
    seconds, _ = median_time(lambda: browser.setHtml(html), runs)
    del _app
    return seconds


def big(base: Path, runs: int) -> None:
    root = base / "big"
    size = big_article(root / "big.md").stat().st_size
    print(f"5 MB article ({size / 1e6:.1f} MB)")
    seconds, library = median_time(lambda: load_library([root]), runs)
    row("load", seconds)
    article = library.article("big")
    seconds, rendered = median_time(lambda: Renderer(library).article(article), runs)
    row("render (Markdown + sanitize)", seconds, f"{len(rendered.html) / 1e6:.1f} MB of HTML")
    row("show in the reading pane (QTextBrowser.setHtml)", qt_set_html(rendered.html, runs))

    def build() -> SearchIndex:
        shutil.rmtree(base / "big-index", ignore_errors=True)
        index = SearchIndex([root], base / "big-index")
        index.update()
        return index

    seconds, index = median_time(build, runs)
    row("index build", seconds)
    seconds, results = median_time(lambda: index.search(MARKER), runs * 5)
    row(f"search for the one rare word ({MARKER})", seconds, f"-> {results.hits[0].id}#{results.hits[0].anchor}")
    index.close()


def crowd(base: Path, runs: int, with_index: bool) -> None:
    print(f"A topic of {CROWD:,} articles")
    start = time.perf_counter()
    root = crowd_root(base / "crowd")
    row("write the files (once)", time.perf_counter() - start)
    seconds, library = median_time(lambda: load_library([root]), runs)
    row("load", seconds)
    topic = library.topic("crowd")
    seconds, page = median_time(lambda: Renderer(library).topic(topic), runs)
    row("topic page (HTML)", seconds, f"{len(page.html) / 1e6:.1f} MB")
    row("show the topic page (QTextBrowser.setHtml)", qt_set_html(page.html, runs), "was 18.6 s as one <ul>")
    from guide.ui.topic_tree import build_model

    seconds, _ = median_time(lambda: build_model(library.root_topic), runs)
    row("topic tree model", seconds)
    if not with_index:
        return
    index = SearchIndex([root], base / "crowd-index")
    seconds, _ = median_time(index.update, 1)
    row("index build (1 run)", seconds)
    for label, query in {"crowd article 12345": "crowd article 12345", **ODD}.items():
        seconds, results = median_time(lambda q=query: index.search(q), runs * 3)  # type: ignore[misc]
        note = f"{len(results.hits)} hits" if results.hits else (results.message or "")
        row(f"search: {label}", seconds, note[:50])
    index.close()


def deep(base: Path, runs: int) -> None:
    print(f"Folders {DEPTH} deep")
    root, bottom_id = deep_root(base / "deep")
    seconds, library = median_time(lambda: load_library([root]), runs)
    row("load", seconds)
    seconds, _ = median_time(lambda: Renderer(library).article(library.article(bottom_id)), runs)
    row("render the bottom article", seconds)


def brackets(base: Path, runs: int) -> None:
    print("Pathological Markdown")
    root = base / "brackets"
    for label, body in {"20,000 stray '['": "[" * 20_000, "10,000 '[a]('": "[a](" * 10_000}.items():
        write(root / "a.md", f"---\ntitle: Brackets\n---\n{body}\n")
        library = load_library([root])
        seconds, _ = median_time(lambda lib=library: Renderer(lib).article(lib.article("a")), runs)  # type: ignore[misc]
        row(f"render a paragraph of {label}", seconds, "was 118 s for 20,000 '['" if "stray" in label else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown")
    parser.add_argument("--skip-crowd-index", action="store_true", help="do not build the 20,000-article index")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="guide-robustness-bench-"))
    os.environ.setdefault("GUIDE_CACHE_DIR", str(base / "cache"))
    try:
        big(base, args.runs)
        crowd(base, args.runs, not args.skip_crowd_index)
        deep(base, args.runs)
        brackets(base, args.runs)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
