"""The shipped thesaurus at an index opening: parsed from the resources vs read back parsed.

Every ``SearchIndex`` (the window's, each ``guide search`` process) starts from it; the parsed
form is kept in the user's cache (``thesaurus.load_default_stored``). Prints the median of
several runs of each, alternating, in one process.

    .venv/bin/python benchmarks/thesaurus_load.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from guide.core.search.analysis import fold
from guide.core.search.thesaurus import load_default, load_default_stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="guide-thesaurus-") as folder:
        load_default_stored(fold, Path(folder))  # stored once, as by the first opening
        parsed, stored = [], []
        for _ in range(args.runs):
            began = time.perf_counter()
            load_default(fold)
            parsed.append(time.perf_counter() - began)
            began = time.perf_counter()
            load_default_stored(fold, Path(folder))
            stored.append(time.perf_counter() - began)
    for name, times in (("parsed from the resources (before)", parsed), ("read back parsed (after)", stored)):
        print(f"shipped thesaurus, {name}: {statistics.median(times) * 1000:.1f} ms median of {len(times)}")


if __name__ == "__main__":
    main()
