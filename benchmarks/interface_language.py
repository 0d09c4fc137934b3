"""What speaking Spanish or French costs the command line, beside English in the same process.

1. ``guide check`` on a library of 2,000 articles with a problem each (a bad date, a missing
   title, a link to nowhere): the whole command as a user runs it (a new process each time),
   with GUIDE_LANGUAGE=en, es and fr. Spanish and French translate every problem line where it
   is printed (guide.core.i18n.translate_message), English prints it as it is.
2. ``translate_message`` alone over those problems' messages, per message.
3. ``guide --version``: the start of every command, where the interface language is chosen
   (settings read, catalog opened, argparse pointed at it).

Prints the median of several runs of each; English is the baseline beside them.

    .venv/bin/python benchmarks/interface_language.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.core import i18n
from guide.core.content import load_library
from guide.core.problems import content_problems

LANGUAGES = ("en", "es", "fr")


def make_library(root: Path, count: int = 2000) -> Path:
    for n in range(count):
        folder = root / f"topic{n % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = n % 3
        if kind == 0:
            text = f"---\ntitle: Article {n}\nreviewed: someday\n---\nText {n}.\n"
        elif kind == 1:
            text = f"---\nsummary: no title {n}\n---\nText {n}.\n"
        else:
            text = f"---\ntitle: Article {n}\n---\nSee [this](missing-{n}.md).\n"
        (folder / f"a{n}.md").write_text(text, encoding="utf-8")
    return root


def timed_run(args: list[str], language: str, folders: Path) -> float:
    env = dict(os.environ, GUIDE_LANGUAGE=language, GUIDE_CONFIG_DIR=str(folders / "config"),
               GUIDE_DATA_DIR=str(folders / "data"), GUIDE_CACHE_DIR=str(folders / "cache"))  # fmt: skip
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "guide", *args], env=env, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folders = Path(tmp)
        root = make_library(folders / "library")
        for title, args in (("guide check, 2,000 articles with a problem each", ["check", "--content", str(root)]),
                            ("guide --version (start-up, language chosen)", ["--version"])):  # fmt: skip
            print(title)
            for _ in range(runs):  # interleaved, so that load on the machine falls on every language alike
                times = {lang: timed_run(args, lang, folders) for lang in LANGUAGES}
                for lang in LANGUAGES:
                    results.setdefault((title, lang), []).append(times[lang])
            for lang in LANGUAGES:
                print(f"  {lang}: median {statistics.median(results[(title, lang)]) * 1000:7.1f} ms over {runs} runs")
        messages = [p.message for p in content_problems(load_library([root]))]
        print(f"translate_message over {len(messages)} problem messages")
        for lang in LANGUAGES:
            i18n.translate_message(messages[0], lang)  # the catalog's templates are compiled once
            spans = []
            for _ in range(runs):
                start = time.perf_counter()
                for message in messages:
                    i18n.translate_message(message, lang)
                spans.append(time.perf_counter() - start)
            each = statistics.median(spans) / len(messages) * 1e6
            print(f"  {lang}: median {statistics.median(spans) * 1000:7.1f} ms, {each:5.1f} µs a message")


results: dict[tuple[str, str], list[float]] = {}

if __name__ == "__main__":
    main()
