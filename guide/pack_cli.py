"""``guide pack build|sign|verify|install|list|remove|rollback``: content packs from the command line.

Exit codes: 0 done, 1 refused or a check failed (one line on standard error naming the
file and the problem), 2 wrong usage. Never imports PySide6.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from guide.core.packs import archive
from guide.core.packs.archive import Manifest, PackError
from guide.core.packs.store import PackStore, all_installed, stores
from guide.core.packs.trust import Trust, check_signature


def add_parser(sub: Any) -> None:
    pack = sub.add_parser("pack", help="build, sign, verify, install and manage content packs")
    cmds = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    build = cmds.add_parser("build", help="make a .guidepack of a content folder")
    build.add_argument("folder", type=Path, metavar="DIR")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    build.add_argument("--id", required=True, help="lower-case letters, digits and '-', e.g. medquad")
    build.add_argument("--version", required=True, help="numbers with dots, e.g. 1.0")
    build.add_argument("--title", required=True)
    build.add_argument("--language", default="en")
    build.add_argument("--publisher", default="")
    build.add_argument("--licence", default="")
    build.add_argument("--description", default="")
    build.add_argument("--source", action="append", default=[], metavar="URL", help="where the articles come from")
    build.add_argument("--min-app-version", default="")
    build.add_argument("--at-root", action="store_true", help=argparse.SUPPRESS)  # the bundled guide only

    sign = cmds.add_parser("sign", help="sign a pack with a minisign secret key (writes FILE.minisig)")
    sign.add_argument("file", type=Path, metavar="FILE")
    sign.add_argument("--key", type=Path, required=True, metavar="SECRET_KEY", help="a minisign secret key file")
    sign.add_argument("--password-file", type=Path, help="read the key's password from this file")
    sign.add_argument("--comment", help="the trusted comment (default: time and file name)")

    verify = cmds.add_parser("verify", help="check every file and the signature (exit 0 only if all check)")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--pubkey", metavar="RW…|FILE.pub", help="also accept this publisher key")

    install = cmds.add_parser("install", help="install or update a pack")
    install.add_argument("file", type=Path, metavar="FILE")
    install.add_argument("--system", action="store_true", help="for every user of this workstation")
    install.add_argument("--allow-downgrade", action="store_true", help="install an older (or the same) version")
    install.add_argument(
        "--allow-unsigned", action="store_true", help="install although it is unsigned or signed by an unknown key"
    )

    listing = cmds.add_parser("list", help="list installed packs")
    listing.add_argument("--json", action="store_true")

    for name, text in (("remove", "remove an installed pack"), ("rollback", "go back to the version before")):
        cmd = cmds.add_parser(name, help=text)
        cmd.add_argument("id", metavar="ID")
        cmd.add_argument("--system", action="store_true", help="the pack installed for every user")


def _fail(message: str, code: int = 1) -> int:
    print(f"guide: {message}", file=sys.stderr)
    return code


def _trust() -> Trust:
    from guide.core.settings import SettingsStore

    return Trust.from_store(SettingsStore())


def _store(system: bool) -> PackStore:
    from guide.core.packs.mount import site_packs_dir

    return stores(site_packs_dir())[1 if system else 0]


def run_pack(args: argparse.Namespace) -> int:
    from guide.core.packs import minisign  # PyNaCl only for the pack commands

    try:
        return _COMMANDS[args.pack_command](args)
    except PackError as exc:
        return _fail(str(exc))
    except minisign.SignatureError as exc:
        return _fail(str(exc))


def cmd_build(args: argparse.Namespace) -> int:
    from guide.cli import _ProgressBar

    try:
        archive.check_id(args.id)
        archive.check_version(args.version)
    except PackError as exc:
        return _fail(str(exc), 2)
    meta = Manifest(
        id=args.id,
        title=args.title,
        version=args.version,
        language=args.language,
        publisher=args.publisher,
        licence=args.licence,
        sources=tuple(args.source),
        min_app_version=args.min_app_version,
        description=args.description,
        at_root=args.at_root,
    )
    start = time.perf_counter()
    report = archive.build(args.folder, args.output, meta, _ProgressBar("Indexing"), min(2, os.cpu_count() or 1))
    note = f"; {report.problems} content errors (see guide check --content {args.folder})" if report.problems else ""
    print(
        f"Built {report.path}: {report.manifest.articles} articles, {report.size / 1e6:.1f} MB, "
        f"{time.perf_counter() - start:.1f} s{note}"
    )
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from guide.core.packs import minisign

    try:
        text = args.key.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"cannot read the secret key {args.key}: {getattr(exc, 'strerror', None) or exc}")
    password = None
    try:
        if minisign.secret_key_needs_password(text):
            if args.password_file is not None:
                password = args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
            else:
                password = getpass.getpass(f"Password for {args.key}: ")
    except OSError as exc:
        return _fail(f"cannot read {args.password_file}: {exc.strerror or exc}")
    except minisign.SignatureError as exc:
        return _fail(f"{args.key}: {exc}")
    try:
        key = minisign.parse_secret_key(text, password)
    except minisign.SignatureError as exc:
        return _fail(f"{args.key}: {exc}")
    if not args.file.is_file():
        return _fail(f"{args.file}: no such file")
    comment = args.comment or f"timestamp:{int(time.time())}\tfile:{args.file.name}\thashed"
    signature = minisign.sign(args.file, key, comment)
    target = Path(f"{args.file}.minisig")
    from guide.core import atomic

    atomic.write_text(target, signature)
    print(f"Signed {args.file} with key {key.public().id_hex}: {target}")
    print(f"Publisher key (for trusted_keys): {key.public().text()}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from guide.core.packs import minisign

    extra = None
    if args.pubkey:
        text = Path(args.pubkey).read_text(encoding="utf-8") if Path(args.pubkey).is_file() else args.pubkey
        try:
            extra = minisign.parse_public_key(text)
        except minisign.SignatureError as exc:
            return _fail(f"--pubkey: {exc}", 2)
    if not args.file.is_file():
        return _fail(f"{args.file}: no such file")
    signature = check_signature(args.file, _trust(), extra)
    manifest = archive.check(args.file)
    print(f"{args.file}: {manifest.title} {manifest.version}: all {len(manifest.files)} files match the manifest")
    if not signature.verified:
        return _fail(f"{args.file}: {signature.describe()}")
    print(f"{args.file}: {signature.describe()}")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from guide.cli import _ProgressBar

    report = _store(args.system).install(
        args.file,
        _trust(),
        allow_unsigned=args.allow_unsigned,
        allow_downgrade=args.allow_downgrade,
        progress=_ProgressBar("Installing"),
    )
    if not report.signature.verified:
        print(f"warning: {args.file}: {report.signature.describe()}", file=sys.stderr)
    print(report.summary())
    for label, ids in (("added", report.added), ("removed", report.removed), ("changed", report.changed)):
        if report.previous_version is not None and ids:
            shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            print(f"  {label}: {shown}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from guide.core.packs.mount import site_packs_dir

    packs = all_installed(site_packs_dir())
    if args.json:
        print(json.dumps([p.to_json() for p in packs], ensure_ascii=False, indent=2))
        return 0
    if not packs:
        print("No packs are installed.")
    for p in packs:
        m = p.manifest
        verified = f"verified: {p.verified}" if p.verified else "NOT verified"
        print(
            f"{m.id} {m.version}  {m.title} — {m.publisher or 'no publisher'}, {verified}, {m.language}, "
            f"{m.articles} articles, {p.size / 1e6:.1f} MB, installed {p.installed[:16]} ({p.scope})"
        )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    pack = _store(args.system).remove(_check_id(args.id))
    print(f"Removed {pack.manifest.title} {pack.manifest.version}")
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    old, new = _store(args.system).rollback(_check_id(args.id))
    print(f"Rolled {args.id} back from {old} to {new}")
    return 0


def _check_id(pack_id: str) -> str:
    archive.check_id(pack_id)
    return pack_id


_COMMANDS = {
    "build": cmd_build,
    "sign": cmd_sign,
    "verify": cmd_verify,
    "install": cmd_install,
    "list": cmd_list,
    "remove": cmd_remove,
    "rollback": cmd_rollback,
}
