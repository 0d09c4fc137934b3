"""The ``guide import`` and ``guide export`` commands (headless: never imports Qt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.core.i18n import _, ngettext
from guide.core.i18n import translate_message as _t


def add_parsers(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help=_("import documents (.docx, .html, .txt, .md) as draft articles"))
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_("the documents to import"))
    imp.add_argument("--into", type=Path, required=True, metavar="DIR", help=_("the library folder to write into"))
    imp.add_argument("--topic", default="", metavar="T", help=_("a topic folder inside DIR (made if missing)"))

    exp = sub.add_parser("export", help=_("write a library folder as one file to share"))
    exp.add_argument("folder", type=Path, metavar="DIR", help=_("the library folder, e.g. the clinic's articles"))
    exp.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE",
        help=_("the file to write: FILE.guidepack makes a content pack to install, FILE.zip a zip of the folder"),
    )  # fmt: skip
    exp.add_argument("--id", default="", help=_("the pack's id (default: the folder's name, e.g. clinic-articles)"))
    exp.add_argument("--title", default="", help=_("the pack's title (default: the folder's index.md title or name)"))
    exp.add_argument("--version", default="", help=_("the pack's version (default: today, e.g. 2026.12.1)"))
    exp.add_argument("--publisher", default="", help=_("who publishes the pack, e.g. the clinic's name"))
    exp.add_argument("--key", type=Path, metavar="SECRET_KEY", help=_("sign the pack with this minisign secret key"))
    exp.add_argument("--password-file", type=Path, help=_("read the key's password from this file"))


def run_import(args: argparse.Namespace) -> int:
    from guide.core.importing import ImportFailed, import_file

    failed = 0
    for source in args.files:
        try:
            result = import_file(source, args.into, topic=args.topic)
        except ImportFailed as exc:
            print(f"guide import: {_t(str(exc))}", file=sys.stderr)
            failed += 1
            continue
        print(result.path)
        for warning in result.warnings:
            print("  " + _("note: {note}").format(note=f"{source.name}: {_t(warning)}"), file=sys.stderr)
    done = len(args.files) - failed
    if len(args.files) > 1 or failed:
        print(_("{done} imported, {failed} failed").format(done=done, failed=failed), file=sys.stderr)
    if done:
        print(_("Review each draft, fill in 'reviewed', then run 'guide check --content DIR'."), file=sys.stderr)
    return 1 if failed else 0


def run_export(args: argparse.Namespace) -> int:
    from guide.core.export import PACK_SUFFIX, ExportFailed, export_library

    is_pack = args.output.name.lower().endswith(PACK_SUFFIX)
    pack_only = [f"--{n.replace('_', '-')}" for n in ("id", "title", "version", "publisher", "key") if getattr(args, n)]
    if pack_only and not is_pack:
        only = _("{options} only apply to a {suffix} file").format(options=", ".join(pack_only), suffix=PACK_SUFFIX)
        print(f"guide export: {only}", file=sys.stderr)
        return 2
    if args.key is not None and not args.key.is_file():  # before the build, which can take a while
        missing = _("cannot read the secret key {path}: {reason}").format(path=args.key, reason=_("no such file"))
        print(f"guide export: {missing}", file=sys.stderr)
        return 1
    try:
        result = export_library(
            args.folder, args.output, pack_id=args.id, title=args.title, version=args.version, publisher=args.publisher
        )
    except ExportFailed as exc:
        print(f"guide export: {_t(str(exc))}", file=sys.stderr)
        return 1
    articles = ngettext("{count} article", "{count} articles", result.articles).format(count=result.articles)
    files = ngettext("{count} file", "{count} files", result.files).format(count=result.files)
    size = _("{size} kB").format(size=f"{result.size / 1000:.0f}")
    print(f"{result.path}: {articles}, {files}, {size}")
    if args.key is not None:
        from guide import pack_cli

        sign = argparse.Namespace(
            pack_command="sign", file=result.path, key=args.key, password_file=args.password_file, comment=None
        )
        return pack_cli.run_pack(sign)  # the same signing code as `guide pack sign`
    if is_pack:
        command = f"guide pack sign {result.path} --key SECRET_KEY"
        unsigned = _("Not signed: sign it with '{command}'.").format(command=command)
        print(unsigned, file=sys.stderr)
    return 0
