"""Print what reading grades cost on a corpus: per article, per topic page and for all of it.

    python benchmarks/readability.py [--corpus /tmp/medquad7/medquad]

Reading the body from disk is timed with the grade, as the window pays for both.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from _common import corpus_argument, corpus_root, percentile

from guide.core.content import load_library
from guide.core.readability import ReadingLevels, easier_first, syllables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_argument(parser)
    root = corpus_root(parser.parse_args().corpus)
    library = load_library([root])
    articles = list(library.articles())
    levels = ReadingLevels(library)

    syllables.cache_clear()
    per_article: list[float] = []
    start = time.perf_counter()
    for article in articles:
        t0 = time.perf_counter()
        levels.grade(article)
        per_article.append((time.perf_counter() - t0) * 1000)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    grades = levels.grades(articles)
    warm = time.perf_counter() - start

    fresh = ReadingLevels(library)  # a topic page sorted "easier first" the first time
    syllables.cache_clear()
    biggest = max(_topics(library.root_topic), key=lambda t: len(t.articles))
    start = time.perf_counter()
    easier_first(biggest.articles, fresh.grade)
    topic_ms = (time.perf_counter() - start) * 1000

    rated = [g for g in grades.values() if g is not None]
    bands = Counter(min(int(g) // 2 * 2, 16) for g in rated)
    print(f"corpus: {root} ({len(articles)} articles)")
    print(
        f"per article (read + grade, cold): mean {statistics.mean(per_article):.2f} ms, "
        f"p50 {percentile(per_article, 0.5):.2f} ms, p95 {percentile(per_article, 0.95):.2f} ms, "
        f"max {max(per_article):.1f} ms"
    )
    print(f"all articles: cold {cold:.2f} s, cached {warm * 1000:.1f} ms")
    print(f"largest topic '{biggest.title}' ({len(biggest.articles)} articles) sorted easier-first: {topic_ms:.0f} ms")
    print(f"rated {len(rated)}, not rated {len(grades) - len(rated)}; median grade {statistics.median(rated):.1f}")
    print("grades: " + ", ".join(f"{b}-{b + 1}: {bands[b]}" for b in sorted(bands)))


def _topics(topic):  # type: ignore[no-untyped-def]
    yield topic
    for child in topic.children:
        yield from _topics(child)


if __name__ == "__main__":
    main()
