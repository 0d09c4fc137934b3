"""From saving an article in the editor to finding it by search, on a large library.

What the window does after a save: ``Library.refresh`` of the one file (the tree at once),
then ``update(files=[saved file])`` of the search (in the background), which re-indexes only that
article without scanning the library; code from before ``files=`` is measured with ``update()``.
Printed: medians over RUNS saves of a new clinic article and of a change to it, beside the
baseline of an update with nothing changed, in the same process.

    python benchmarks/editor_save_search.py [--corpus DIR] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_argument, corpus_root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_argument(parser)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from guide.core import authoring
    from guide.core.content import load_library
    from guide.core.search import SearchIndex

    corpus = corpus_root(args.corpus)
    temp = Path(tempfile.mkdtemp(prefix="save-search-"))
    clinic = temp / "clinic"
    authoring.prepare_clinic(clinic)
    roots = [corpus, clinic]
    library = load_library(roots)
    index = SearchIndex(roots, index_dir=temp / "index")
    start = time.perf_counter()
    index.update()
    print(f"{len(library):,} articles; index built in {time.perf_counter() - start:.1f} s; runs: {args.runs}")

    def reindex(path: Path) -> None:
        try:
            index.update(files=[path])  # what the window does after a save
        except TypeError:  # code from before update(files=...)
            index.update()

    def timed(step: str, text: str | None, word: str, path: Path) -> tuple[float, float, float]:
        if text is not None:
            path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        library.refresh([path])
        tree = time.perf_counter() - start
        start = time.perf_counter()
        reindex(path)
        update_s = time.perf_counter() - start
        start = time.perf_counter()
        hits = index.search(word).hits
        search = time.perf_counter() - start
        if text is not None:
            assert any(h.id == f"clinic/{path.stem}" for h in hits), (step, word)
        return tree, update_s, search

    rows: dict[str, list[tuple[float, float, float]]] = {"nothing changed (baseline)": [], "new article": [],
                                                          "changed article": []}
    for run in range(args.runs):
        path = clinic / "clinic" / f"vaccination-days-{run}.md"
        word = f"zorbline{run}"
        rows["nothing changed (baseline)"].append(timed("baseline", None, word, path))
        rows["new article"].append(timed("new", f"---\ntitle: Vaccination days {run}\n---\nBring the {word} card.\n",
                                         word, path))
        rows["changed article"].append(timed("changed", f"---\ntitle: Vaccination days {run}\n---\nBring the "
                                             f"{word}x card.\n", f"{word}x", path))
    for name, values in rows.items():
        tree, update, search = (statistics.median(v[i] for v in values) * 1000 for i in range(3))
        print(f"{name:>27}: tree {tree:6.1f} ms | index update {update:7.1f} ms | search {search:5.1f} ms | "
              f"saved to found {tree + update + search:7.1f} ms")
    index.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
