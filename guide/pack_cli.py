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

from guide.core.i18n import _
from guide.core.i18n import translate_message as _t
from guide.core.packs import archive
from guide.core.packs.archive import Manifest, PackError
from guide.core.packs.store import PackStore, all_installed, stores
from guide.core.packs.trust import Trust, check_signature


def add_parser(sub: Any) -> None:
    pack = sub.add_parser("pack", help=_("build, sign, verify, install and manage content packs"))
    cmds = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    build = cmds.add_parser("build", help=_("make a .guidepack of a content folder"))
    build.add_argument("folder", type=Path, metavar="DIR")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    build.add_argument("--id", required=True, help=_("lower-case letters, digits and '-', e.g. medquad"))
    build.add_argument("--version", required=True, help=_("numbers with dots, e.g. 1.0"))
    build.add_argument("--title", required=True)
    build.add_argument("--language", default="en")
    build.add_argument("--publisher", default="")
    build.add_argument("--licence", default="")
    build.add_argument("--description", default="")
    build.add_argument("--source", action="append", default=[], metavar="URL", help=_("where the articles come from"))
    build.add_argument("--min-app-version", default="")
    build.add_argument("--at-root", action="store_true", help=argparse.SUPPRESS)  # the bundled guide only

    sign = cmds.add_parser("sign", help=_("sign a pack with a minisign secret key (writes FILE.minisig)"))
    sign.add_argument("file", type=Path, metavar="FILE")
    sign.add_argument("--key", type=Path, required=True, metavar="SECRET_KEY", help=_("a minisign secret key file"))
    sign.add_argument("--password-file", type=Path, help=_("read the key's password from this file"))
    sign.add_argument("--comment", help=_("the trusted comment (default: time and file name)"))

    verify = cmds.add_parser("verify", help=_("check every file and the signature (exit 0 only if all check)"))
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--pubkey", metavar="RW…|FILE.pub", help=_("also accept this publisher key"))

    install = cmds.add_parser("install", help=_("install or update a pack"))
    install.add_argument("file", type=Path, metavar="FILE")
    install.add_argument("--system", action="store_true", help=_("for every user of this workstation"))
    install.add_argument("--allow-downgrade", action="store_true", help=_("install an older (or the same) version"))
    install.add_argument(
        "--allow-unsigned", action="store_true", help=_("install although it is unsigned or signed by an unknown key")
    )

    listing = cmds.add_parser("list", help=_("list installed packs"))
    listing.add_argument("--json", action="store_true")

    for name, text in (("remove", _("remove an installed pack")), ("rollback", _("go back to the version before"))):
        cmd = cmds.add_parser(name, help=text)
        cmd.add_argument("id", metavar="ID")
        cmd.add_argument("--system", action="store_true", help=_("the pack installed for every user"))


def _fail(message: str, code: int = 1) -> int:
    """``guide: message`` on standard error, the message in the interface language."""
    print(f"guide: {_t(message)}", file=sys.stderr)
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
    report = archive.build(args.folder, args.output, meta, _ProgressBar(_("Indexing")), min(2, os.cpu_count() or 1))
    built = _("Built {path}: {articles} articles, {size} MB, {seconds} s").format(
        path=report.path,
        articles=report.manifest.articles,
        size=f"{report.size / 1e6:.1f}",
        seconds=f"{time.perf_counter() - start:.1f}",
    )
    if report.problems:
        built = _("{built}; {count} content errors (see guide check --content {folder})").format(
            built=built, count=report.problems, folder=args.folder
        )
    print(built)
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    from guide.core.packs import minisign

    try:
        text = args.key.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        return _fail(_("cannot read the secret key {path}: {reason}").format(path=args.key, reason=reason))
    password = None
    try:
        if minisign.secret_key_needs_password(text):
            if args.password_file is not None:
                password = args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
            else:
                password = getpass.getpass(_("Password for {path}: ").format(path=args.key))
    except OSError as exc:
        return _fail(_("cannot read {path}: {reason}").format(path=args.password_file, reason=exc.strerror or exc))
    except minisign.SignatureError as exc:
        return _fail(f"{args.key}: {exc}")
    try:
        key = minisign.parse_secret_key(text, password)
    except minisign.SignatureError as exc:
        return _fail(f"{args.key}: {exc}")
    if not args.file.is_file():
        return _fail(_("{path}: no such file").format(path=args.file))
    comment = args.comment or f"timestamp:{int(time.time())}\tfile:{args.file.name}\thashed"
    signature = minisign.sign(args.file, key, comment)
    target = Path(f"{args.file}.minisig")
    from guide.core import atomic

    atomic.write_text(target, signature)
    signed = _("Signed {path} with key {key}: {signature}")
    print(signed.format(path=args.file, key=key.public().id_hex, signature=target))
    print(_("Publisher key (for trusted_keys): {key}").format(key=key.public().text()))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from guide.core.packs import minisign

    extra = None
    if args.pubkey:
        text = Path(args.pubkey).read_text(encoding="utf-8") if Path(args.pubkey).is_file() else args.pubkey
        try:
            extra = minisign.parse_public_key(text)
        except minisign.SignatureError as exc:
            return _fail(f"--pubkey: {_t(str(exc))}", 2)
    if not args.file.is_file():
        return _fail(_("{path}: no such file").format(path=args.file))
    signature = check_signature(args.file, _trust(), extra)
    manifest = archive.check(args.file)
    print(
        _("{path}: {title} {version}: all {count} files match the manifest").format(
            path=args.file, title=manifest.title, version=manifest.version, count=len(manifest.files)
        )
    )
    if not signature.verified:
        return _fail(f"{args.file}: {_t(signature.describe())}")
    print(f"{args.file}: {_t(signature.describe())}")
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from guide.cli import _ProgressBar

    report = _store(args.system).install(
        args.file,
        _trust(),
        allow_unsigned=args.allow_unsigned,
        allow_downgrade=args.allow_downgrade,
        progress=_ProgressBar(_("Installing")),
    )
    if not report.signature.verified:
        warning = _("warning: {path}: {problem}").format(path=args.file, problem=_t(report.signature.describe()))
        print(warning, file=sys.stderr)
    print(_t(report.summary()))
    for label, ids in ((_("added"), report.added), (_("removed"), report.removed), (_("changed"), report.changed)):
        if report.previous_version is not None and ids:
            shown = ", ".join(ids[:10])
            if len(ids) > 10:
                shown = _("{shown} and {count} more").format(shown=shown, count=len(ids) - 10)
            print(f"  {label}: {shown}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from guide.core.packs.mount import site_packs_dir

    packs = all_installed(site_packs_dir())
    if args.json:
        print(json.dumps([p.to_json() for p in packs], ensure_ascii=False, indent=2))
        return 0
    if not packs:
        print(_("No packs are installed."))
    for p in packs:
        m = p.manifest
        verified = _("verified: {who}").format(who=p.verified) if p.verified else _("NOT verified")
        details = _("{publisher}, {verified}, {language}, {articles} articles, {size} MB, installed {when} ({scope})")
        details = details.format(
            publisher=m.publisher or _("no publisher"),
            verified=verified,
            language=m.language,
            articles=m.articles,
            size=f"{p.size / 1e6:.1f}",
            when=p.installed[:16],
            scope=p.scope,
        )
        print(f"{m.id} {m.version}  {m.title} — {details}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    pack = _store(args.system).remove(_check_id(args.id))
    print(_("Removed {title} {version}").format(title=pack.manifest.title, version=pack.manifest.version))
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    old, new = _store(args.system).rollback(_check_id(args.id))
    print(_("Rolled {id} back from {old} to {new}").format(id=args.id, old=old, new=new))
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
