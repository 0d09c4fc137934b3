"""Command line: ``guide`` opens the window; ``index``, ``search``, ``render``, ``check``, ``handout``.

The headless commands ``index``, ``search``, ``render`` and ``check`` never import
PySide6; only the window and ``handout`` (which lays out pages with Qt) do.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from guide import __version__
from guide.core import i18n, paths
from guide.core.content import load_library
from guide.core.i18n import _, ngettext
from guide.core.i18n import translate_message as _t
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
        help=_("a content root to use instead of the bundled guide (repeat for several)"),
    )


def _add_index_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index-dir", type=Path, metavar="DIR", help=_("where the search index lives"))


def build_parser(packs: bool = True) -> argparse.ArgumentParser:
    """The parser of every command; without ``packs``, ``pack`` is a placeholder (see :func:`main`)."""
    parser = argparse.ArgumentParser(
        prog="guide",
        description=_("Offline health guide. With no command, opens the reader window."),
    )
    parser.add_argument(
        "--version", action="version", version=f"guide {__version__}", help=_("show the program's version and exit")
    )
    _add_content(parser)
    parser.add_argument("--self-test", action="store_true", help=_("check that this installation works"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = sub.add_parser("index", help=_("build or update the search index"))
    _add_content(index)
    _add_index_dir(index)

    search = sub.add_parser("search", help=_("search the articles"))
    search.add_argument("query", nargs="?", help=_("what to look for"))
    search.add_argument("--batch", metavar="FILE", help=_("read one query per line ('-' for standard input)"))
    search.add_argument("--limit", type=int, default=10, help=_("how many results (default 10)"))
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    _add_content(search)
    _add_index_dir(search)

    listing = sub.add_parser("list", help=_("list the articles: id, title, topic and language"))
    listing.add_argument("--json", action="store_true", help=_("print one JSON object per article"))
    _add_content(listing)

    render = sub.add_parser("render", help=_("print the HTML the reading pane shows for an article"))
    render.add_argument("id", help=_("article id, e.g. {example}").format(
        example="mental-health/talking-therapies/cognitive-behavioral-therapy"
    ))
    _add_content(render)

    check = sub.add_parser("check", help=_("report problems in the content (exit 1 on errors)"))
    _add_content(check)

    handout = sub.add_parser("handout", help=_("write a printable PDF handout"))
    handout.add_argument("ids", nargs="+", metavar="ID", help=_("article ids"))
    handout.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    handout.add_argument("--sections", metavar="SLUG,SLUG", help=_("only these sections"))
    handout.add_argument("--large-print", action="store_true", help=_("16 pt text with wider lines"))
    handout.add_argument("--paper", choices=tuple(PAPER_SIZES), help=_("paper size (default from the locale)"))
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


def use_interface_language() -> None:
    """Speak the interface language (the ``language`` setting, else the system's) from here on,
    argparse's own words ("usage:", "error:") included: argparse looks up ``_`` and ``ngettext``
    in its module when it writes, so they are pointed at the guide's catalogs."""
    from guide.core.settings import chosen_language

    i18n.set_interface_language(i18n.interface_language(chosen_language()))
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def _fail(message: str) -> int:
    """``guide: message`` on standard error; ``message`` is already in the interface language."""
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
            self.stream.write("\r" + _("{label}: looking for articles…").format(label=label))
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
        bar = f"[{'#' * filled}{'.' * (width - filled)}]"
        share = ngettext("{percent}% of {total} article", "{percent}% of {total} articles", total).format(
            percent=f"{100 * done // total:3d}", total=f"{total:,}"
        )
        self.stream.write(f"\r{self.label} {bar} {share}, {elapsed:.0f} s\x1b[K")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _missing_root(args: argparse.Namespace) -> str | None:
    """A message naming the first content root that is not a folder, if any."""
    for root in content_roots(args):
        if not root.is_dir():
            if not root.exists():
                return _("content root {path} does not exist").format(path=root)
            return _("content root {path} is not a folder").format(path=root)
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
    language = i18n.current_language()  # queries are analysed in the interface's language first
    index: SearchIndex = open_index(roots, _packs(args), args.index_dir, bundled, language=language)  # type: ignore[assignment]
    return index


def cmd_index(args: argparse.Namespace) -> int:
    if message := _missing_root(args):
        return _fail(message)
    index = _open_index(args)
    try:
        report = index.update(progress=_ProgressBar(_("Indexing")))
    finally:
        index.close()
    changes = _("{added} added, {updated} updated, {removed} removed, {unchanged} unchanged").format(
        added=report.added, updated=report.updated, removed=report.removed, unchanged=report.unchanged
    )
    if report.rebuilt:
        done = _("Index rebuilt in {seconds} s: {changes} ({location})")
    elif report.shipped:
        done = _("Index shipped with the app, used in place in {seconds} s: {changes} ({location})")
    else:
        done = _("Index updated in {seconds} s: {changes} ({location})")
    for note in report.notes:
        print(_("note: {note}").format(note=_t(note)), file=sys.stderr)
    print(done.format(seconds=f"{report.seconds:.1f}", changes=changes, location=report.location))
    return 0


def _batch_lines(source: str) -> list[str]:
    if source == "-":
        return sys.stdin.read().splitlines()
    return Path(source).read_text(encoding="utf-8", errors="replace").splitlines()


def cmd_search(args: argparse.Namespace) -> int:
    from guide.core.models import hit_to_json

    if args.query is None and args.batch is None:
        return _fail(_("search needs a QUERY or --batch FILE"))
    try:
        queries = _batch_lines(args.batch) if args.batch is not None else [args.query]
    except OSError as exc:
        return _fail(_("cannot read {path}: {reason}").format(path=args.batch, reason=exc.strerror or exc))
    if message := _missing_root(args):
        return _fail(message)
    limit = max(1, min(args.limit, 1000))
    index = _open_index(args)
    try:
        if not index.is_current():
            for note in index.update(progress=_ProgressBar(_("Indexing"))).notes:
                # e.g. the cache cannot be written: a temporary index
                print(_("note: {note}").format(note=_t(note)), file=sys.stderr)
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
                    print(_("Showing results for {words}").format(words=results.corrected), file=sys.stderr)
            else:
                _print_results(results.query, results.corrected, results.message, hits)
    finally:
        index.close()
    return 0


def _print_results(query: str, corrected: str | None, message: str | None, hits: list[dict]) -> None:
    from html import unescape
    from re import sub

    if corrected:
        print(_("Showing results for {words} (search instead for {query})").format(words=corrected, query=query))
    if message:
        print(_t(message))
    if not hits and not message:
        print(_("No articles found for '{query}'.").format(query=query))
    for number, hit in enumerate(hits, start=1):
        where = f" > {hit['section']}" if hit.get("section") else ""
        source = f" — {hit['source']}" if hit.get("source") else ""
        print(f"{number:2}. {hit['title']}{where}  [{hit['id']}]{source}")
        snippet = unescape(sub(r"</?b>", "*", hit.get("snippet") or ""))
        if snippet:
            print(f"    {snippet}")
        others = ", ".join(dict.fromkeys(o["source"] or o["id"] for o in hit.get("also_in") or []))
        if hit.get("source") or others:
            source_line = _("from {source}").format(source=hit.get("source") or "?")
            if others:
                source_line = _("{source_line}; also in: {others}").format(source_line=source_line, others=others)
            print(f"    {source_line}")


def cmd_render(args: argparse.Namespace) -> int:
    from guide.core.packs.mount import load_library as load_with_packs
    from guide.core.render import Renderer

    library = load_with_packs(content_roots(args), _packs(args))
    if errors := _root_errors(library.problems):
        return _fail(problem_line(errors[0]))
    article = library.article(args.id)
    if article is None:
        return _fail(_("no article with id '{id}' ('guide list' shows every id)").format(id=args.id))
    rendered = Renderer(library).article(article)
    for problem in rendered.problems:
        print(problem_line(problem), file=sys.stderr)
    print(rendered.html)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Every article in tree order: id, title, topic (its title) and language; tab-separated or JSON.

    The same articles ``render`` and ``handout`` accept: installed packs too unless --content is given."""
    from guide.core.packs.mount import load_library as load_with_packs

    library = load_with_packs(content_roots(args), _packs(args))
    if errors := _root_errors(library.problems):
        return _fail(problem_line(errors[0]))
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

    library = load_library(content_roots(args), progress=_ProgressBar(_("Checking")))
    problems = content_problems(library, progress=_ProgressBar(_("Checking links")))  # the window counts the same way
    for problem in problems:
        print(problem_line(problem))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    checked = ngettext("{count} article checked", "{count} articles checked", len(library)).format(count=len(library))
    counts = _("{errors}, {warnings}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )
    print(_("{checked}: {counts}").format(checked=checked, counts=counts), file=sys.stderr)
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


# The core modules a window's start uses (guide.app, the window, reading the library), imported
# before PySide6 is: PySide's import hook reads the source of every module imported after it,
# looking for "PySide6" (~70 µs a module). tests/ui/test_first_paint.py keeps the list whole.
WINDOW_CORE = (
    "guide.core.authoring",
    "guide.core.bookmarks",
    "guide.core.catalog_cache",
    "guide.core.catalog_file",
    "guide.core.packs.mount",
    "guide.core.problems",
    "guide.core.readability",
    "guide.core.recent",
    "guide.core.render",
    "guide.core.search.deferred",
    "guide.core.search.startindex",
    "guide.core.welcome",
)


def cmd_window(args: argparse.Namespace, argv: Sequence[str]) -> int:
    for name in WINDOW_CORE:
        importlib.import_module(name)
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


def problem_line(problem: Problem) -> str:
    """``path:line: error: message``, as compilers write it (editors jump to the line); the
    severity and the message in the interface language."""
    severity = _("error") if problem.severity == "error" else _("warning")
    return f"{problem.path}:{problem.line}: {severity}: {_t(problem.message)}"


NO_ARGUMENTS = {"command": None, "self_test": False, "content": None}  # what the parser makes of no arguments


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    use_interface_language()
    if argv:
        args = build_parser(packs="pack" in argv or "-h" in argv or "--help" in argv).parse_args(argv)
    else:  # the window on the bundled guide: no command line to read (its parser costs ~3 ms of the start)
        args = argparse.Namespace(**NO_ARGUMENTS)
    if args.command is not None or args.self_test:
        gc.enable()  # paused by __main__ for a window's start only
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
        return _fail(
            _("unexpected error: {error} (set GUIDE_DEBUG=1 for details)").format(
                error=f"{exc.__class__.__name__}: {exc}"
            )
        )
