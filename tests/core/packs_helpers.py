"""Helpers for pack tests: build a small pack once, sign with the real minisign, re-zip with changes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from guide.core.packs import archive
from guide.core.packs.archive import Manifest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "library"
needs_minisign = pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign is not installed")


def build_pack(folder: Path, version: str = "1.0", source: Path = FIXTURE, pack_id: str = "clinic") -> Path:
    out = folder / f"{pack_id}-{version}.guidepack"
    meta = Manifest(id=pack_id, title="Clinic library", version=version, publisher="Hillside clinic")
    archive.build(source, out, meta)
    return out


def make_key(folder: Path, name: str = "key") -> tuple[Path, Path]:
    """A passwordless minisign key pair made by minisign itself: (public, secret)."""
    pub, sec = folder / f"{name}.pub", folder / f"{name}.sec"
    subprocess.run(["minisign", "-G", "-W", "-p", str(pub), "-s", str(sec)], check=True, capture_output=True)
    return pub, sec


def minisign_sign(pack: Path, secret: Path) -> None:
    subprocess.run(["minisign", "-S", "-s", str(secret), "-m", str(pack)], check=True, capture_output=True)


def key_line(pub: Path) -> str:
    return pub.read_text().splitlines()[-1].strip()


def trust_site(site_file: Path, pub: Path | None, allow_unsigned: bool = True, name: str = "Hillside clinic") -> None:
    data: dict[str, object] = {"allow_unsigned_packs": allow_unsigned}
    if pub is not None:
        data["trusted_keys"] = [{"name": name, "key": key_line(pub)}]
    site_file.parent.mkdir(parents=True, exist_ok=True)
    site_file.write_text(json.dumps(data))


def rezip(
    source: Path,
    target: Path,
    change: Callable[[dict[str, bytes]], None] | None = None,
    extra: list[tuple[zipfile.ZipInfo, bytes]] = (),  # type: ignore[assignment]
    relist: bool = True,
) -> Path:
    """Copy a pack with its entries changed; with ``relist`` the manifest lists every entry with true hashes,
    so only the change itself is what a check can object to."""
    with zipfile.ZipFile(source) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    if change is not None:
        change(entries)
    manifest = yaml.safe_load(entries[archive.MANIFEST])
    if relist:
        names = [n for n in entries if n != archive.MANIFEST] + [i.filename for i, _ in extra]
        data = dict(entries) | {i.filename: d for i, d in extra}
        manifest["files"] = [
            {"path": n, "size": len(data[n]), "sha256": hashlib.sha256(data[n]).hexdigest()} for n in names
        ]
        entries[archive.MANIFEST] = yaml.safe_dump(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(archive.MANIFEST, entries.pop(archive.MANIFEST))
        for name, data in entries.items():
            zf.writestr(name, data)
        for info, data in extra:
            zf.writestr(info, data)
    return target


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under a folder with its size and mtime (the lock file aside)."""
    found = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if name != ".lock":
                st = path.lstat()
                found[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return found
