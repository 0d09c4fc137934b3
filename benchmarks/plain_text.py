"""Print what the one plain_text costs over every section of a corpus, beside a baseline.

    python benchmarks/plain_text.py [--corpus /work/medquad/medquad]

The baseline is tokenize() over the same sections: the indexer runs both on every section,
so the ratio says how much of the indexer's text work is spent reducing Markdown.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from _common import corpus_argument, corpus_root

from guide.core.content import load_library
from guide.core.search.query import tokenize
from guide.core.text import plain_text, split_sections

RUNS = 5


def _median_ms(work: Callable[[str], object], texts: list[str]) -> float:
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for text in texts:
            work(text)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    corpus_argument(parser)
    root = corpus_root(parser.parse_args().corpus)
    library = load_library([root])
    texts = [s.text for a in library.articles() for s in split_sections(library.body(a))]
    print(f"corpus: {root} ({len(library)} articles, {len(texts)} sections, median of {RUNS} runs)")
    print(f"baseline tokenize(): {_median_ms(tokenize, texts):7.0f} ms")
    print(f"plain_text():        {_median_ms(plain_text, texts):7.0f} ms")


if __name__ == "__main__":
    main()
