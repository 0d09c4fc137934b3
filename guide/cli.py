"""Command line: ``guide`` opens the window; ``index``, ``search``, ``render``, ``check``, ``handout``.

The headless commands ``index``, ``search``, ``render`` and ``check`` never import
PySide6; only the window and ``handout`` (which lays out pages with Qt) do.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from guide import __version__
from guide.core import paths
from guide.core.content import load_library
from guide.core.models import Problem
from guide.core.settings import PAPER_SIZES

if TYPE_CHECKING:
    from guide.core.packs.store import InstalledPack
    from guide.core.search import SearchIndex

def _add_content(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        action="append",
        type=Path,
        metavar="DIR",
        help="a content root to use instead of the bundled guide (repeat for several)",
    )


def _add_index_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index-dir", type=Path, metavar="DIR", help="where the search index lives")


def build_parser(packs: bool = True) -> argparse.ArgumentParser:
    """The parser of every command; without ``packs``, ``pack`` is a placeholder (see :func:`main`)."""
    parser = argparse.ArgumentParser(
        prog="guide",
        description="Offline health guide. With no command, opens the reader window.",
    )
    parser.add_argument("--version", action="version", version=f"guide {__version__}")
    _add_content(parser)
    parser.add_argument("--self-test", action="store_true", help="check that this installation works")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = sub.add_parser("index", help="build or update the search index")
    _add_content(index)
    _add_index_dir(index)

    search = sub.add_parser("search", help="search the articles")
    search.add_argument("query", nargs="?", help="what to look for")
    search.add_argument("--batch", metavar="FILE", help="read one query per line ('-' for standard input)")
    search.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")
    _add_content(search)
    _add_index_dir(search)

    listing = sub.add_parser("list", help="list the articles: id, title, topic and language")
    listing.add_argument("--json", action="store_true", help="print one JSON object per article")
    _add_content(listing)

    render = sub.add_parser("render", help="print the HTML the reading pane shows for an article")
    render.add_argument("id", help="article id, e.g. mental-health/talking-therapies/cognitive-behavioral-therapy")
    _add_content(render)

    check = sub.add_parser("check", help="report problems in the content (exit 1 on errors)")
    _add_content(check)

    handout = sub.add_parser("handout", help="write a printable PDF handout")
    handout.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    handout.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    handout.add_argument("--sections", metavar="SLUG,SLUG", help="only these sections")
    handout.add_argument("--large-print", action="store_true", help="16 pt text with wider lines")
    handout.add_argument("--paper", choices=tuple(PAPER_SIZES), help="paper size (default from the locale)")
    handout.add_argument("--clinic-name", metavar="TEXT")
    handout.add_argument("--clinic-contact", metavar="TEXT")
    _add_content(handout)

    if packs:
        from guide.pack_cli import add_parser as add_pack_parser

        add_pack_parser(sub)
    else:  # the pack commands' module loads signing and archive code: a tenth of the window's start
        sub.add_parser("pack", add_help=False).add_argument("rest", nargs=argparse.REMAINDER)

    from guide.import_cli import add_parsers

    add_parsers(sub)
    return parser


def content_roots(args: argparse.Namespace) -> list[Path]:
    return list(args.content) if args.content else [paths.bundled_content()]


def _fail(message: str) -> int:
    print(f"guide: {message}", file=sys.stderr)
    return 2


def _root_errors(problems: Sequence[Problem]) -> list[Problem]:
    """Problems that make a root unusable (it is missing or not a folder)."""
    return [p for p in problems if p.line == 0 and p.severity == "error"]


class _ProgressBar:
    """A one-line progress bar on a terminal, shown from the start; silent when output is not a terminal
    (the command's closing line gives the count there)."""

    def __init__(self, label: str, stream: TextIO = sys.stderr) -> None:
        self.label = label
        self.stream = stream
        self.active = stream.isatty()
        self.last = -1.0
        self.started = time.monotonic()
        if self.active:  # finding the files of a large library takes a moment: say what is happening
            self.stream.write(f"\r{label}: looking for articles…")
            self.stream.flush()

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total)
        elapsed = now - self.started
        bar = f"[{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d}% of {total:,} articles"
        self.stream.write(f"\r{self.label} {bar}, {elapsed:.0f} s\x1b[K")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _missing_root(args: argparse.Namespace) -> str | None:
    """A message naming the first content root that is not a folder, if any."""
    for root in content_roots(args):
        if not root.is_dir():
            what = "does not exist" if not root.exists() else "is not a folder"
            return f"content root {root} {what}"
    return None


def _packs(args: argparse.Namespace) -> list[InstalledPack]:
    """The installed packs, searched and shown beside the bundled guide unless --content is given."""
    from guide.core.packs.mount import installed_packs

    return [] if args.content else installed_packs()


def _open_index(args: argparse.Namespace) -> SearchIndex:
    from guide.core.authoring import window_roots
    from guide.core.packs.mount import open_index
    from guide.core.settings import SettingsStore

    roots = window_roots(content_roots(args), SettingsStore().settings)  # the window's: one index for both
    bundled = paths.bundled_index() if not args.content else None
    index: SearchIndex = open_index(roots, _packs(args), args.index_dir, bundled)  # type: ignore[assignment]
    return index


def cmd_index(args: argparse.Namespace) -> int:
    if message := _missing_root(args):
        return _fail(message)
    index = _open_index(args)
    try:
        report = index.update(progress=_ProgressBar("Indexing"))
    finally:
        index.close()
    changes = f"{report.added} added, {report.updated} updated, {report.removed} removed, {report.unchanged} unchanged"
    how = "rebuilt" if report.rebuilt else "shipped with the app, used in place" if report.shipped else "updated"
    for note in report.notes:
        print(f"note: {note}", file=sys.stderr)
    print(f"Index {how} in {report.seconds:.1f} s: {changes} ({report.location})")
    return 0


def _batch_lines(source: str) -> list[str]:
    if source == "-":
        return sys.stdin.read().splitlines()
    return Path(source).read_text(encoding="utf-8", errors="replace").splitlines()


def cmd_search(args: argparse.Namespace) -> int:
    from guide.core.models import hit_to_json

    if args.query is None and args.batch is None:
        return _fail("search needs a QUERY or --batch FILE")
    try:
        queries = _batch_lines(args.batch) if args.batch is not None else [args.query]
    except OSError as exc:
        return _fail(f"cannot read {args.batch}: {exc.strerror or exc}")
    if message := _missing_root(args):
        return _fail(message)
    limit = max(1, min(args.limit, 1000))
    index = _open_index(args)
    try:
        if not index.is_current():
            for note in index.update(progress=_ProgressBar("Indexing")).notes:
                print(f"note: {note}", file=sys.stderr)  # e.g. the cache cannot be written: a temporary index
        for query in queries:
            start = time.perf_counter()
            results = index.search(query, limit=limit)
            ms = (time.perf_counter() - start) * 1000
            hits = [hit_to_json(h) for h in results.hits]
            if args.batch is not None:
                row = {"query": query, "ms": round(ms, 3), "corrected": results.corrected, "results": hits}
                print(json.dumps(row, ensure_ascii=False))
            elif args.json:
                print(json.dumps(hits, ensure_ascii=False, indent=2))
                if results.corrected:
                    print(f"Showing results for {results.corrected}", file=sys.stderr)
            else:
                _print_results(results.query, results.corrected, results.message, hits)
    finally:
        index.close()
    return 0


def _print_results(query: str, corrected: str | None, message: str | None, hits: list[dict]) -> None:
    from html import unescape
    from re import sub

    if corrected:
        print(f"Showing results for {corrected} (search instead for {query})")
    if message:
        print(message)
    if not hits and not message:
        print(f"No articles found for {query!r}.")
    for number, hit in enumerate(hits, start=1):
        where = f" > {hit['section']}" if hit.get("section") else ""
        source = f" — {hit['source']}" if hit.get("source") else ""
        print(f"{number:2}. {hit['title']}{where}  [{hit['id']}]{source}")
        snippet = unescape(sub(r"</?b>", "*", hit.get("snippet") or ""))
        if snippet:
            print(f"    {snippet}")
        others = ", ".join(dict.fromkeys(o["source"] or o["id"] for o in hit.get("also_in") or []))
        if hit.get("source") or others:
            print(f"    from {hit.get('source') or '?'}" + (f"; also in: {others}" if others else ""))


def cmd_render(args: argparse.Namespace) -> int:
    from guide.core.packs.mount import load_library as load_with_packs
    from guide.core.render import Renderer

    library = load_with_packs(content_roots(args), _packs(args))
    if errors := _root_errors(library.problems):
        return _fail(str(errors[0]))
    article = library.article(args.id)
    if article is None:
        return _fail(f"no article with id '{args.id}' ('guide list' shows every id)")
    rendered = Renderer(library).article(article)
    for problem in rendered.problems:
        print(problem, file=sys.stderr)
    print(rendered.html)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Every article in tree order: id, title, topic (its title) and language; tab-separated or JSON.

    The same articles ``render`` and ``handout`` accept: installed packs too unless --content is given."""
    from guide.core.packs.mount import load_library as load_with_packs

    library = load_with_packs(content_roots(args), _packs(args))
    if errors := _root_errors(library.problems):
        return _fail(str(errors[0]))
    for article in library.articles():
        topic = library.topic(article.topic_id)
        row = {
            "id": article.id,
            "title": article.title,
            "topic": topic.title if topic is not None else "",
            "topic_id": article.topic_id,
            "language": article.language,
        }
        if args.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print("\t".join(" ".join(str(row[k]).split()) for k in ("id", "title", "topic", "language")))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from guide.core.problems import content_problems

    library = load_library(content_roots(args), progress=_ProgressBar("Checking"))
    problems = content_problems(library, progress=_ProgressBar("Checking links"))  # the window counts the same way
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    print(f"{len(library)} articles checked: {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if errors else 0


def cmd_handout(args: argparse.Namespace) -> int:
    from guide.handout_cli import run_handout

    return run_handout(args)


def cmd_pack(args: argparse.Namespace) -> int:
    from guide.pack_cli import run_pack

    return run_pack(args)


def cmd_import(args: argparse.Namespace) -> int:
    from guide.import_cli import run_import

    return run_import(args)


def cmd_export(args: argparse.Namespace) -> int:
    from guide.import_cli import run_export

    return run_export(args)


def cmd_window(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from guide.app import run

    return run(list(args.content) if args.content else None, list(argv))


def cmd_self_test(args: argparse.Namespace) -> int:
    from guide.selftest import run_self_test

    return run_self_test(content_roots(args))


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "index": cmd_index,
    "search": cmd_search,
    "list": cmd_list,
    "render": cmd_render,
    "check": cmd_check,
    "handout": cmd_handout,
    "pack": cmd_pack,
    "import": cmd_import,
    "export": cmd_export,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(packs="pack" in argv or "-h" in argv or "--help" in argv).parse_args(argv)
    try:
        if args.self_test:
            return cmd_self_test(args)
        if args.command is None:
            return cmd_window(args, [sys.argv[0], *argv])
        return HANDLERS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a last resort: a clear line, the details only when asked for
        if os.environ.get("GUIDE_DEBUG"):
            raise
        return _fail(f"unexpected error: {exc.__class__.__name__}: {exc} (set GUIDE_DEBUG=1 for details)")
