"""Installed packs: a folder of packs, and installing, rolling back and removing them safely.

Layout of a packs folder (the user's ``<data>/packs`` or the site's ``packs_dir``)::

    .lock                 held while anything changes here: a second install is refused
    ID/current/           pack.yaml, catalog.json, index/, content/, installed.json
    ID/previous/          the version before, kept for one roll-back

An install checks everything, unpacks into ``.install-*`` in the same folder (same file
system) and then renames: ``current`` becomes ``previous`` and the new folder ``current``.
A power cut between those two renames leaves ``previous`` only, which is then loaded: the
old pack or the new one, never half of one. A failed write (a full disk) removes the
unpacked copy and leaves ``current`` as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from guide.core import atomic
from guide.core.i18n import N_
from guide.core.packs import archive
from guide.core.packs.archive import Manifest, PackError, Progress
from guide.core.packs.trust import SignatureCheck, Trust, check_signature

INSTALLED = "installed.json"


@dataclass(frozen=True)
class InstalledPack:
    """One installed pack, as listed and loaded."""

    manifest: Manifest
    folder: Path  # the pack's current folder (pack.yaml, catalog.json, content/, index/)
    scope: str  # "user" or "system"
    installed: str  # ISO date and time of the install
    verified: str | None  # the trusted publisher's name, or None when unsigned or of an unknown key
    key_id: str = ""
    size: int = 0  # bytes on disk
    previous_version: str | None = None  # what a roll-back would go back to

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def content(self) -> Path:
        return self.folder / "content"

    @property
    def index(self) -> Path:
        return self.folder / "index"

    @property
    def catalog(self) -> Path:
        return self.folder / archive.CATALOG

    def to_json(self) -> dict[str, object]:
        m = self.manifest
        return {
            "id": m.id,
            "version": m.version,
            "title": m.title,
            "language": m.language,
            "publisher": m.publisher,
            "verified": self.verified,
            "articles": m.articles,
            "size": self.size,
            "installed": self.installed,
            "scope": self.scope,
            "previous_version": self.previous_version,
            "folder": str(self.folder),
        }


@dataclass(frozen=True)
class InstallReport:
    pack: InstalledPack
    signature: SignatureCheck
    previous_version: str | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def summary(self) -> str:
        m = self.pack.manifest
        signature = self.signature.describe()
        if self.previous_version is None:
            return N_("Installed {title} {version} ({articles} articles); {signature}").format(
                title=m.title, version=m.version, articles=m.articles, signature=signature
            )
        return N_(
            "Updated {title} {old} -> {version}: {added} articles added, {removed} removed, {changed} changed; "
            "{signature}"
        ).format(
            title=m.title,
            old=self.previous_version,
            version=m.version,
            added=len(self.added),
            removed=len(self.removed),
            changed=len(self.changed),
            signature=signature,
        )


class PackStore:
    """The packs in one folder; ``scope`` says whose they are ("user" or "system")."""

    def __init__(self, folder: Path, scope: str = "user") -> None:
        self.folder = Path(folder)
        self.scope = scope

    # -- reading -------------------------------------------------------------------------
    def installed(self) -> list[InstalledPack]:
        """Every pack here that can be loaded, by title; a damaged one is left out."""
        found = []
        try:
            names = sorted(p.name for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        except OSError:
            return []
        for name in names:
            pack = self.get(name)
            if pack is not None:
                found.append(pack)
        return sorted(found, key=lambda p: p.manifest.title.casefold())

    def get(self, pack_id: str) -> InstalledPack | None:
        base = self.folder / pack_id
        for name in ("current", "previous"):  # no current: a power cut between the two renames
            pack = self._read(base / name)
            if pack is not None:
                previous = self._read(base / "previous") if name == "current" else None
                return _with_previous(pack, previous.manifest.version if previous else None)
        return None

    def _read(self, folder: Path) -> InstalledPack | None:
        """An installed pack from its ``installed.json`` (the manifest without its file list, which
        for 5,000 articles takes a second to parse: listing packs at start must not)."""
        try:
            info = json.loads((folder / INSTALLED).read_text(encoding="utf-8"))
            summary = info["pack"]
            fields = {k: tuple(v) if k == "sources" else v for k, v in summary.items() if k != "files"}
            manifest = Manifest(**fields)  # type: ignore[arg-type]
            archive.check_id(manifest.id)
            if manifest.id != folder.parent.name:
                return None  # a folder renamed by hand: not the pack it says it is
            size = int(info["size"])
        except (OSError, ValueError, PackError, KeyError, TypeError, AttributeError):
            return None
        verified = info.get("verified") if isinstance(info.get("verified"), str) else None
        return InstalledPack(
            manifest, folder, self.scope, str(info.get("installed", "")), verified, str(info.get("key_id", "")), size
        )

    # -- changing ------------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self, subject: str = "") -> Iterator[None]:
        """Hold the folder's lock, or refuse at once (naming ``subject``) when another change holds it."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle = open(self.folder / ".lock", "a+b")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise PackError(
                f"{self.folder}: cannot write here ({exc.strerror or exc})"
                + ("; install as an administrator, or without --system" if self.scope == "system" else "")
            ) from exc
        try:
            try:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except ImportError:  # pragma: no cover - Windows: no lock, renames still keep packs whole
                pass
            except OSError as exc:
                raise PackError(
                    N_(
                        "{what}: another install, removal or roll-back is running in {folder}; try again when it has "
                        "finished"
                    ).format(what=subject or self.folder, folder=self.folder)
                ) from exc
            for stale in [*self.folder.glob(".install-*"), *self.folder.glob(".trash-*")]:
                shutil.rmtree(stale, ignore_errors=True)  # left by a power cut or a kill; we hold the lock
            yield
        finally:
            handle.close()

    def install(
        self,
        pack_file: Path,
        trust: Trust,
        *,
        allow_unsigned: bool = False,
        allow_downgrade: bool = False,
        progress: Progress | None = None,
        write: Callable[[Path, bytes], None] | None = None,
    ) -> InstallReport:
        """Check a pack and its signature, then put it in place; :class:`PackError` on any refusal.

        ``allow_unsigned`` is the user's confirmation for a pack that is unsigned or signed by
        an unknown key; it never overrides ``trust.allow_unsigned`` (the site's ban).
        """
        pack_file = Path(pack_file)
        if not pack_file.is_file():
            raise PackError(N_("{pack_file}: no such file").format(pack_file=pack_file))
        signature = check_signature(pack_file, trust)
        if not signature.verified:
            if not trust.allow_unsigned:
                raise PackError(
                    N_("{pack_file}: {signature}; this workstation installs only verified packs").format(
                        pack_file=pack_file, signature=signature.describe()
                    )
                )
            if not allow_unsigned:
                raise PackError(
                    N_("{pack_file}: {signature}; confirm to install it anyway (--allow-unsigned)").format(
                        pack_file=pack_file, signature=signature.describe()
                    )
                )
        with self._locked(str(pack_file)):
            head = archive.read_manifest(pack_file)
            _refuse_topic_clash(pack_file, head, self)
            old = self.get(head.id)
            if old is not None and not allow_downgrade:
                if archive.version_key(head.version) < archive.version_key(old.manifest.version):
                    raise PackError(
                        N_(
                            "{pack_file}: version {version} is older than the installed {version2}; use "
                            "--allow-downgrade to install it"
                        ).format(pack_file=pack_file, version=head.version, version2=old.manifest.version)
                    )
                if head.version == old.manifest.version:
                    raise PackError(
                        N_(
                            "{pack_file}: version {version} is installed already (--allow-downgrade installs it again)"
                        ).format(pack_file=pack_file, version=head.version)
                    )
            before = _full_manifest(old.folder).article_hashes() if old else {}
            staging = Path(tempfile.mkdtemp(prefix=f".install-{head.id}-", dir=self.folder))
            try:
                manifest = archive.check(pack_file, staging, progress, write)
                if manifest.id != head.id:  # the file changed under us
                    raise PackError(
                        N_("{pack_file}: the pack changed while it was being installed").format(pack_file=pack_file)
                    )
                info = {
                    "pack": {k: v for k, v in dataclasses.asdict(manifest).items() if k != "files"},
                    "size": sum(f.size for f in manifest.files),
                    "installed": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "verified": signature.publisher if signature.verified else None,
                    "key_id": signature.key_id,
                    "source": str(pack_file.absolute()),
                }
                atomic.write_json(staging / INSTALLED, info)
                self._put_in_place(manifest.id, staging)
            except OSError as exc:
                raise PackError(
                    N_(
                        "{pack_file}: could not unpack into {folder} ({reason}); the installed packs are unchanged"
                    ).format(pack_file=pack_file, folder=self.folder, reason=exc.strerror or exc)
                ) from exc
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            new = self.get(manifest.id)
            assert new is not None
            after = manifest.article_hashes()
            return InstallReport(
                new,
                signature,
                old.manifest.version if old else None,
                tuple(sorted(set(after) - set(before))),
                tuple(sorted(set(before) - set(after))),
                tuple(sorted(k for k in after if k in before and before[k] != after[k])),
            )

    def _put_in_place(self, pack_id: str, staging: Path) -> None:
        base = self.folder / pack_id
        base.mkdir(exist_ok=True)
        current, previous = base / "current", base / "previous"
        trash = None
        if current.exists():
            if previous.exists():
                trash = Path(tempfile.mkdtemp(prefix=f".trash-{pack_id}-", dir=self.folder))
                os.replace(previous, trash / "pack")
            os.replace(current, previous)
        os.replace(staging, current)
        _sync(base)
        if trash is not None:
            shutil.rmtree(trash, ignore_errors=True)

    def rollback(self, pack_id: str) -> tuple[str, str]:
        """Swap a pack's current and previous versions; returns (from version, to version)."""
        archive.check_id(pack_id)
        with self._locked():
            pack = self.get(pack_id)
            base = self.folder / pack_id
            if pack is None:
                raise PackError(
                    N_("{pack_id}: no such pack is installed in {folder}").format(pack_id=pack_id, folder=self.folder)
                )
            if not (base / "previous").is_dir() or pack.previous_version is None:
                raise PackError(N_("{pack_id}: there is no earlier version to roll back to").format(pack_id=pack_id))
            swap = base / ".swap"
            shutil.rmtree(swap, ignore_errors=True)
            os.replace(base / "current", swap)
            os.replace(base / "previous", base / "current")
            os.replace(swap, base / "previous")
            _sync(base)
            return pack.manifest.version, pack.previous_version

    def remove(self, pack_id: str) -> InstalledPack:
        archive.check_id(pack_id)
        with self._locked():
            pack = self.get(pack_id)
            if pack is None:
                raise PackError(
                    N_("{pack_id}: no such pack is installed in {folder}").format(pack_id=pack_id, folder=self.folder)
                )
            trash = Path(tempfile.mkdtemp(prefix=f".trash-{pack_id}-", dir=self.folder))
            os.replace(self.folder / pack_id, trash / "pack")  # gone at once; the files follow
            shutil.rmtree(trash, ignore_errors=True)
            return pack

    def verify(self, pack_id: str, trust: Trust) -> str:
        """Check an installed pack's files against its manifest; a sentence when they all match."""
        pack = self.get(pack_id)
        if pack is None:
            raise PackError(
                N_("{pack_id}: no such pack is installed in {folder}").format(pack_id=pack_id, folder=self.folder)
            )
        files = len(archive.check_folder(pack.folder).files)
        if pack.verified and not any(k.id_hex == pack.key_id for _, k in trust.keys):
            return N_("all {files} files match; but key {key} ({publisher}) is no longer trusted").format(
                files=files, key=pack.key_id, publisher=pack.verified
            )
        if pack.verified:
            return N_("all {files} files match the manifest; signed by {publisher}").format(
                files=files, publisher=pack.verified
            )
        return N_("all {files} files match the manifest; not verified (unsigned or an unknown key)").format(files=files)


def _full_manifest(folder: Path) -> Manifest:
    try:
        return archive.parse_manifest((folder / archive.MANIFEST).read_text(encoding="utf-8"), str(folder))
    except (OSError, PackError):
        return Manifest(id="unknown", title="", version="0")  # reported as all new: the update goes on


def _with_previous(pack: InstalledPack, version: str | None) -> InstalledPack:
    from dataclasses import replace

    return replace(pack, previous_version=version)


def _sync(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _top_folders(content: Path) -> list[str]:
    try:
        return [p.name for p in content.iterdir() if p.is_dir() and not p.name.startswith(".")]
    except OSError:
        return []


def _pack_topics(manifest: Manifest, content: Path | None = None) -> set[str]:
    """The top-level topics a pack adds: its id, or (``at_root``) the folders at the top of its content."""
    if not manifest.at_root:
        return {manifest.id}
    if content is not None:
        return set(_top_folders(content))
    return {f.path.split("/")[1] for f in manifest.files if f.path.startswith("content/") and f.path.count("/") >= 2}


def topics_in_use(exclude_id: str, extra: PackStore | None = None) -> dict[str, str]:
    """Top-level topic id -> which library holds it: the bundled guide and every installed pack
    but ``exclude_id`` (whose update may keep its own topics)."""
    from guide.core import paths
    from guide.core.packs.mount import site_packs_dir

    held = {name: N_("the bundled guide") for name in _top_folders(paths.bundled_content())}
    packs = all_installed(site_packs_dir()) + (extra.installed() if extra is not None else [])
    for pack in packs:
        if pack.id != exclude_id:
            for name in _pack_topics(pack.manifest, pack.content):
                held.setdefault(name, N_("the installed pack '{title}'").format(title=pack.manifest.title))
    return held


def _refuse_topic_clash(pack_file: Path, head: Manifest, store: PackStore) -> None:
    """A pack whose top-level topic is already a topic elsewhere would merge its articles into it."""
    held = topics_in_use(head.id, store)
    for name in sorted(_pack_topics(head)):
        if name in held:
            what = f"pack id '{name}'" if name == head.id else f"its topic '{name}'"
            raise PackError(
                N_(
                    "{pack_file}: {what} is already a top-level topic of {owner}, so its articles would be mixed "
                    "into that topic; the publisher must give the pack another id"
                ).format(pack_file=pack_file, what=what, owner=held[name])
            )


# -- the packs a user sees -------------------------------------------------------------------
def stores(site_packs_dir: str = "") -> list[PackStore]:
    """The user's packs first (they win over a system pack of the same id), then the workstation's."""
    from guide.core import paths

    return [PackStore(paths.user_packs_dir(), "user"), PackStore(paths.system_packs_dir(site_packs_dir), "system")]


def all_installed(site_packs_dir: str = "") -> list[InstalledPack]:
    seen: set[str] = set()
    result = []
    for store in stores(site_packs_dir):
        for pack in store.installed():
            if pack.id not in seen:
                seen.add(pack.id)
                result.append(pack)
    return result
