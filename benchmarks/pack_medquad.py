"""A real library as a pack: MedQuAD (5,487 articles) built, signed, verified, installed, searched,
updated with ten articles changed, rolled back and removed; times and sizes printed.

    python benchmarks/pack_medquad.py [--corpus /work/medquad/medquad] [--runs 5]

Also: start to a shown window with the pack installed beside start with the bundled guide
alone, and the first search after start (``guide search`` in a new process), each the median
of ``--runs`` runs taken in turn, so both see the same machine load. Signing uses the real
``minisign`` when it is installed (else ``guide pack sign``'s own code).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.core import paths
from guide.core.packs import archive, minisign
from guide.core.packs.archive import Manifest
from guide.core.packs.mount import installed_packs, load_library, open_index
from guide.core.packs.store import PackStore
from guide.core.packs.trust import Trust, check_signature

QUERIES = ("diabetes", "high blood pressure", "breast cancer screening", "asthma in children", "glaucoma")


def timed(label: str, action: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s")
    return result


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def sign(pack: Path, keys: Path) -> minisign.PublicKey:
    pub, sec = keys / "bench.pub", keys / "bench.sec"
    if not sec.exists():
        if shutil.which("minisign"):
            subprocess.run(["minisign", "-G", "-W", "-p", pub, "-s", sec], check=True, capture_output=True)
        else:
            raise SystemExit("minisign is needed to make the benchmark's key (apt-get install minisign)")
    if shutil.which("minisign"):
        subprocess.run(["minisign", "-S", "-s", sec, "-m", pack], check=True, capture_output=True)
    else:  # pragma: no cover
        Path(f"{pack}.minisig").write_text(minisign.sign(pack, minisign.parse_secret_key(sec.read_text()), "bench"))
    return minisign.parse_public_key(pub.read_text())


def start_times(env_pack: dict[str, str], env_plain: dict[str, str], runs: int, argv: list[str]) -> tuple[list, list]:
    """Alternating runs of the same command with and without the pack installed (first of each not counted)."""
    with_pack, plain = [], []
    for number in range(runs + 1):
        for env, out in ((env_pack, with_pack), (env_plain, plain)):
            start = time.perf_counter()
            subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if number:
                out.append(time.perf_counter() - start)
    return with_pack, plain


def show(label: str, values: list[float], baseline: list[float]) -> None:
    median, base = statistics.median(values), statistics.median(baseline)
    spread = ", ".join(f"{v * 1000:.0f}" for v in values)
    print(f"{label:<44} {median * 1000:6.0f} ms vs {base * 1000:.0f} ms bundled alone ({median / base:.2f}x; {spread})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("/work/medquad/medquad"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pack-bench-"))
    for name in ("GUIDE_CONFIG_DIR", "GUIDE_CACHE_DIR", "GUIDE_DATA_DIR"):
        os.environ[name] = str(work / name.lower())
    os.environ["GUIDE_SITE_CONFIG"] = str(work / "site.json")
    procs = min(2, os.cpu_count() or 1)
    meta = Manifest(id="medquad", title="MedQuAD (NIH)", version="1.0", publisher="U.S. National Institutes of Health",
                    licence="CC BY 4.0", sources=("https://github.com/abachaa/MedQuAD",))
    print(f"MedQuAD pack benchmark: {args.corpus}, {procs} index processes, python {sys.version.split()[0]}")
    print(f"{'corpus on disk':<44} {size_of(args.corpus) / 1e6:8.1f} MB")
    v1 = work / "medquad-1.0.guidepack"
    report = timed("build 1.0 (copy, catalog, index, zip)", lambda: archive.build(args.corpus, v1, meta, procs=procs))
    print(f"{'pack size':<44} {report.size / 1e6:8.1f} MB ({report.manifest.articles} articles)")
    key = timed("sign (minisign -S, prehashed)", lambda: sign(v1, work))
    trust = Trust(keys=(("NIH", key),), allow_unsigned=False)
    timed("verify signature (BLAKE2b-512 + Ed25519)", lambda: check_signature(v1, trust))
    timed("verify every file (SHA-256 of each entry)", lambda: archive.check(v1))
    store = PackStore(paths.user_packs_dir())
    timed("install (verify, unpack, rename)", lambda: store.install(v1, trust))
    print(f"{'installed size':<44} {size_of(paths.user_packs_dir() / 'medquad') / 1e6:8.1f} MB")

    packs = installed_packs()
    library = timed("load library: bundled + pack (catalog)", lambda: load_library([paths.bundled_content()], packs))
    print(f"{'articles in the library':<44} {len(library):8d}")
    index: Any = open_index([paths.bundled_content()], packs, source_of=library.source_of)
    timed("open indexes (bundled + pack, used in place)", index.update)
    timed(f"first search ({QUERIES[0]!r})", lambda: index.search(QUERIES[0]))
    times = []
    for _ in range(5):
        for query in QUERIES:
            start = time.perf_counter()
            hits = index.search(query).hits
            times.append(time.perf_counter() - start)
    index.close()
    print(f"{'later searches, median of 25':<44} {statistics.median(times) * 1000:8.1f} ms (top: {hits[0].title!r}, "
          f"from {hits[0].source!r})")

    changed = work / "medquad-2"
    shutil.copytree(args.corpus, changed)
    articles = sorted(changed.rglob("*.md"))[::500][:10]
    for path in articles:
        path.write_text(path.read_text(encoding="utf-8") + "\n\nUpdated for version 2.0.\n", encoding="utf-8")
    v2 = work / "medquad-2.0.guidepack"
    timed("build 2.0 (ten articles changed)", lambda: archive.build(changed, v2, Manifest(**{**meta.__dict__,
                                                                                         "version": "2.0"}),
                                                                       procs=procs))
    sign(v2, work)
    update = timed("update 1.0 -> 2.0", lambda: store.install(v2, trust))
    print(f"{'  reported':<44} {len(update.added)} added, {len(update.removed)} removed, {len(update.changed)} changed")
    timed("roll back to 1.0", lambda: store.rollback("medquad"))
    store.install(v2, trust)  # forward again, so the window below starts with the current version
    shutil.rmtree(changed)

    base = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_QUIT_WHEN_SHOWN="1")
    plain = dict(base, GUIDE_DATA_DIR=str(work / "empty-data"), GUIDE_CACHE_DIR=str(work / "plain-cache"))
    python = [sys.executable, "-m", "guide"]
    with_pack, alone = start_times(base, plain, args.runs, python)
    show(f"start to shown window, median of {args.runs}", with_pack, alone)
    search = [*python, "search", "diabetes", "--limit", "10"]
    with_pack, alone = start_times(base, plain, args.runs, search)
    show("first search after start (guide search)", with_pack, alone)

    timed("remove", lambda: store.remove("medquad"))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
