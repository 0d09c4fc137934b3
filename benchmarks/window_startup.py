"""Time from start to a shown window (median of several runs), as a ratio to a bare PySide6 window.

    python benchmarks/window_startup.py [--corpus DIR] [--big DIR] [--runs 5] [--command "dist/…/health-guide"]
    python benchmarks/window_startup.py --frozen dist/health-guide/health-guide [--runs 5]
    python benchmarks/window_startup.py --language es [...]   # the bundled guide in Spanish beside English

The baseline is a bare window (a ``QMainWindow`` with a ``QTextBrowser``, shown, then quit),
started in turn with the guide in the same run, so both see the same machine load. The guide
is started with ``GUIDE_QUIT_WHEN_SHOWN=1`` and the offscreen platform: it quits as soon as
its window is shown. Each library gets its own fresh user folders, so the first (uncounted)
run of each also fills the user's cache (the catalog of a large folder), as a second start would
find it. ``--big`` adds a large library (see benchmarks/big_library.py, which makes one).

The guide's interface is English (GUIDE_LANGUAGE=en) unless ``--language`` adds a row: the
bundled guide with its interface in that language (Qt's and the guide's translators loaded).

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
if not ARCHIVE.exists():  # the work tree may sit elsewhere; shared/ is beside main/
    ARCHIVE = Path("/work/shared/corpora/medquad-content.tar.gz")

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTextBrowser())
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def corpus(path: str | None) -> Path:
    if path:
        return Path(path)
    target = Path(tempfile.mkdtemp(prefix="medquad-"))
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(target, filter="data")
    return target / "medquad"


def user_env(language: str = "en") -> dict[str, str]:
    """The environment of a measured start: offscreen, quit when shown, fresh user folders."""
    env = dict(os.environ, GUIDE_QUIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen", GUIDE_LANGUAGE=language)
    for name in ("GUIDE_CONFIG_DIR", "GUIDE_CACHE_DIR", "GUIDE_DATA_DIR"):
        env[name] = tempfile.mkdtemp()
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode: the warm-up run writes it
    return env


def once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_start(command: list[str], runs: int) -> float:
    env = user_env()
    times = [once(command, env) for _ in range(runs + 1)]  # the first run warms the disk cache
    return statistics.median(times[1:])


def against_bare(
    commands: dict[str, list[str]], runs: int, languages: dict[str, str] | None = None
) -> dict[str, list[float]]:
    """Each command and the bare window, started in turn ``runs`` times after one warm-up each."""
    bare = [sys.executable, "-c", BARE_WINDOW]
    envs = {name: user_env((languages or {}).get(name, "en")) for name in commands}
    once(bare, envs[next(iter(commands))])
    for name, command in commands.items():
        once(command, envs[name])
    times: dict[str, list[float]] = {"bare window": [], **{name: [] for name in commands}}
    for _ in range(runs):
        for name, command in commands.items():
            times["bare window"].append(once(bare, envs[name]))
            times[name].append(once(command, envs[name]))
    return times


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


GOALS = {"bundled guide": 1.8, "MedQuAD 5,487 articles": 2.5}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus")
    parser.add_argument("--big", help="a large content root to time as well (e.g. 54,870 articles)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", default=f"{shlex.quote(sys.executable)} -m guide")
    parser.add_argument("--frozen", metavar="EXE", help="compare this frozen app with running from source")
    parser.add_argument("--language", help="also time the bundled guide with its interface in this language (es, fr)")
    args = parser.parse_args()
    base = shlex.split(args.command)
    if args.frozen:
        compare(base, [args.frozen], args.runs)
        return
    commands = {"bundled guide": base, "MedQuAD 5,487 articles": [*base, "--content", str(corpus(args.corpus))]}
    goals = dict(GOALS)
    languages: dict[str, str] = {}
    if args.language:
        name = f"bundled guide, {args.language} interface"
        commands = {"bundled guide": base, name: base, **{k: v for k, v in commands.items() if k != "bundled guide"}}
        languages[name] = args.language
        goals[name] = GOALS["bundled guide"]
    if args.big:
        count = sum(1 for p in Path(args.big).rglob("*.md") if p.name != "index.md")
        name = f"big library {count:,} articles"
        commands[name] = [*base, "--content", args.big]
        goals[name] = 4.0
    times = against_bare(commands, args.runs, languages)
    bare = statistics.median(times["bare window"])
    width = max(map(len, times))
    print(
        f"start to shown window, {'bare window':{width}}: {bare * 1000:6.0f} ms (median of {len(times['bare window'])})"
    )
    for name in commands:
        median = statistics.median(times[name])
        ratio = median / bare
        verdict = "meets" if ratio <= goals[name] else "misses"
        print(
            f"start to shown window, {name:{width}}: {median * 1000:6.0f} ms = {ratio:4.1f}x bare "
            f"(goal <= {goals[name]}x: {verdict}; runs {', '.join(f'{t * 1000:.0f}' for t in times[name])})"
        )


if __name__ == "__main__":
    main()
