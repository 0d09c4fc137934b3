"""Time from start to a shown window (median of several runs), with the MedQuAD library and the bundled guide.

    python benchmarks/window_startup.py [--corpus DIR] [--runs 5] [--command "dist/health-guide/health-guide"]
    python benchmarks/window_startup.py --frozen dist/health-guide/health-guide [--runs 5]

With ``--frozen``, the bundled guide is timed from source and as the frozen app, in turn in
the same process, and the ratio is printed (MedQuAD is left out).
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "medquad-content.tar.gz"


def corpus(path: str | None) -> Path:
    if path:
        return Path(path)
    target = Path(tempfile.mkdtemp(prefix="medquad-"))
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(target, filter="data")
    return target / "medquad"


def time_start(command: list[str], runs: int) -> float:
    env = dict(os.environ, GUIDE_QUIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    for name in ("GUIDE_CONFIG_DIR", "GUIDE_CACHE_DIR", "GUIDE_DATA_DIR"):
        env[name] = tempfile.mkdtemp()
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def compare(source: list[str], frozen: list[str], runs: int) -> None:
    """The bundled guide from source and frozen, runs alternating so both see the same machine load."""
    label = f"frozen {Path(frozen[0]).name}"
    times: dict[str, list[float]] = {"from source": [], label: []}
    for _ in range(runs):  # each time_start warms up once, then counts one run
        times["from source"].append(time_start(source, 1))
        times[label].append(time_start(frozen, 1))
    medians = {name: statistics.median(values) for name, values in times.items()}
    width = max(map(len, times))
    for name, values in times.items():
        spread = ", ".join(f"{t * 1000:.0f}" for t in values)
        median = medians[name] * 1000
        print(f"start to shown window, bundled guide, {name:{width}}: {median:5.0f} ms (median of {runs}: {spread})")
    print(f"{label} / from source: {medians[label] / medians['from source']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=f"{shlex.quote(sys.executable)} -m guide")
    parser.add_argument("--frozen", metavar="EXE", help="compare this frozen app with running from source")
    args = parser.parse_args()
    base = shlex.split(args.command)
    if args.frozen:
        compare(base, [args.frozen], args.runs)
        return
    bundled = time_start(base, args.runs)
    medquad = time_start([*base, "--content", str(corpus(args.corpus))], args.runs)
    print(f"start to shown window, bundled guide:      {bundled * 1000:7.0f} ms (median of {args.runs})")
    print(f"start to shown window, MedQuAD 5,487 art.: {medquad * 1000:7.0f} ms (ratio {medquad / bundled:.1f}x)")


if __name__ == "__main__":
    main()
