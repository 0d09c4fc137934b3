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
    exp.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE",
        help="the file to write: FILE.guidepack makes a content pack to install, FILE.zip a zip of the folder",
    )  # fmt: skip
    exp.add_argument("--id", default="", help="the pack's id (default: the folder's name, e.g. clinic-articles)")
    exp.add_argument("--title", default="", help="the pack's title (default: the folder's index.md title or name)")
    exp.add_argument("--version", default="", help="the pack's version (default: today, e.g. 2026.12.1)")
    exp.add_argument("--publisher", default="", help="who publishes the pack, e.g. the clinic's name")
    exp.add_argument("--key", type=Path, metavar="SECRET_KEY", help="sign the pack with this minisign secret key")
    exp.add_argument("--password-file", type=Path, help="read the key's password from this file")


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
    from guide.core.export import PACK_SUFFIX, ExportFailed, export_library

    is_pack = args.output.name.lower().endswith(PACK_SUFFIX)
    pack_only = [f"--{n.replace('_', '-')}" for n in ("id", "title", "version", "publisher", "key") if getattr(args, n)]
    if pack_only and not is_pack:
        print(f"guide export: {', '.join(pack_only)} only apply to a {PACK_SUFFIX} file", file=sys.stderr)
        return 2
    if args.key is not None and not args.key.is_file():  # before the build, which can take a while
        print(f"guide export: cannot read the secret key {args.key}: no such file", file=sys.stderr)
        return 1
    try:
        result = export_library(
            args.folder, args.output, pack_id=args.id, title=args.title, version=args.version, publisher=args.publisher
        )
    except ExportFailed as exc:
        print(f"guide export: {exc}", file=sys.stderr)
        return 1
    print(f"{result.path}: {result.articles} articles, {result.files} files, {result.size / 1000:.0f} kB")
    if args.key is not None:
        from guide import pack_cli

        sign = argparse.Namespace(
            pack_command="sign", file=result.path, key=args.key, password_file=args.password_file, comment=None
        )
        return pack_cli.run_pack(sign)  # the same signing code as `guide pack sign`
    if is_pack:
        print(f"Not signed: sign it with 'guide pack sign {result.path} --key SECRET_KEY'.", file=sys.stderr)
    return 0
