"""The ``guide import`` and ``guide export`` commands (headless: never imports Qt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="import documents (.docx, .html, .txt, .md) as draft articles")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the documents to import")
    imp.add_argument("--into", type=Path, required=True, metavar="DIR", help="the library folder to write into")
    imp.add_argument("--topic", default="", metavar="T", help="a topic folder inside DIR (made if missing)")

    exp = sub.add_parser("export", help="write a library folder as one file to share")
    exp.add_argument("folder", type=Path, metavar="DIR", help="the library folder, e.g. the clinic's articles")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write (.zip)")


def run_import(args: argparse.Namespace) -> int:
    from guide.core.importing import ImportFailed, import_file

    failed = 0
    for source in args.files:
        try:
            result = import_file(source, args.into, topic=args.topic)
        except ImportFailed as exc:
            print(f"guide import: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(result.path)
        for warning in result.warnings:
            print(f"  note: {source.name}: {warning}", file=sys.stderr)
    done = len(args.files) - failed
    if len(args.files) > 1 or failed:
        print(f"{done} imported, {failed} failed", file=sys.stderr)
    if done:
        print("Review each draft, fill in 'reviewed', then run 'guide check --content DIR'.", file=sys.stderr)
    return 1 if failed else 0


def run_export(args: argparse.Namespace) -> int:
    from guide.core.export import ExportFailed, export_library

    try:
        result = export_library(args.folder, args.output)
    except ExportFailed as exc:
        print(f"guide export: {exc}", file=sys.stderr)
        return 1
    print(f"{result.path}: {result.articles} articles, {result.files} files, {result.size / 1000:.0f} kB")
    return 0
