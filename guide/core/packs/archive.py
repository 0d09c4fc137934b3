"""The pack file: a zip of ``pack.yaml`` (the manifest), ``catalog.json``, ``index/`` and ``content/``.

:func:`build` makes one from a content folder; :func:`check` reads one back, refusing
anything a hostile or damaged file could do (entries that climb out, absolute paths,
symlinks and devices, files missing from or added to the manifest, a size or SHA-256
that differs, a zip bomb: no entry is read past the size the manifest gives it), and
can unpack it into a folder while it checks. Every refusal is a :class:`PackError` whose
text is one line naming the file and the problem.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from guide import __version__
from guide.core import catalog as catalogs
from guide.core.i18n import N_

MANIFEST = "pack.yaml"
CATALOG = "catalog.json"
FORMAT = 1
SUFFIX = ".guidepack"
MAX_MANIFEST = 50_000_000
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$|^[a-z0-9]$")
VERSION_PATTERN = re.compile(r"^\d{1,9}(\.\d{1,9}){0,3}$")
TOP_FOLDERS = ("content/", "index/")


def _yaml() -> tuple[Any, Any, Any]:
    """PyYAML with its fastest safe loader and dumper (libyaml: a 5,000-file manifest in 0.1 s, not 2),
    imported when a manifest is read or written, not with the window's start."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader), getattr(yaml, "CSafeDumper", yaml.SafeDumper)


Progress = Callable[[int, int], None]


class PackError(Exception):
    """A pack that is refused, or an operation on packs that failed: one line for the user."""


@dataclass(frozen=True)
class FileItem:
    path: str  # "/"-separated path inside the pack
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    id: str
    title: str
    version: str
    language: str = "en"
    publisher: str = ""
    licence: str = ""
    sources: tuple[str, ...] = ()
    created: str = ""
    min_app_version: str = ""
    description: str = ""
    articles: int = 0
    at_root: bool = False  # the bundled guide: its topics stay top-level, so ids and bookmarks keep working
    files: tuple[FileItem, ...] = field(default=(), repr=False)

    def to_yaml(self) -> str:
        data: dict[str, Any] = {
            "format": FORMAT,
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "language": self.language,
            "publisher": self.publisher,
            "licence": self.licence,
            "sources": list(self.sources),
            "created": self.created,
            "min_app_version": self.min_app_version,
            "description": self.description,
            "articles": self.articles,
            "at_root": self.at_root,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }
        yaml, _, dumper = _yaml()
        return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)

    def article_hashes(self) -> dict[str, str]:
        """Article id -> SHA-256 of its file, for reporting what an update changed."""
        return {
            f.path[len("content/") : -3]: f.sha256
            for f in self.files
            if f.path.startswith("content/") and f.path.endswith(".md") and not f.path.endswith("/index.md")
        }


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def check_id(pack_id: object, where: str = "") -> None:
    if not isinstance(pack_id, str) or not ID_PATTERN.match(pack_id):
        raise PackError(
            N_(
                "{where}pack id {pack_id} is not allowed: use 1-64 lower-case letters, digits and '-' (not at either "
                "end)"
            ).format(where=where, pack_id=repr(pack_id))
        )


def check_version(version: object, where: str = "") -> None:
    if not isinstance(version, str) or not VERSION_PATTERN.match(version):
        raise PackError(
            N_("{where}version {version} is not allowed: use numbers with dots, such as 1.2 or 2026.3.1").format(
                where=where, version=repr(version)
            )
        )


def parse_manifest(text: str, where: str) -> Manifest:
    """The manifest of ``pack.yaml``; anything missing or odd is a :class:`PackError` naming ``where``."""
    yaml, loader, _ = _yaml()
    try:
        data = yaml.load(text, Loader=loader)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise PackError(
            N_("{where}: pack.yaml is not valid YAML ({error_type})").format(
                where=where, error_type=exc.__class__.__name__
            )
        ) from exc
    if not isinstance(data, dict):
        raise PackError(N_("{where}: pack.yaml is not a manifest").format(where=where))
    if data.get("format") != FORMAT:
        raise PackError(
            N_("{where}: pack format {found} is not one this app reads (it reads {supported})").format(
                where=where, found=repr(data.get("format")), supported=FORMAT
            )
        )
    check_id(data.get("id"), f"{where}: ")
    check_version(str(data.get("version")), f"{where}: ")

    def field_text(name: str, required: bool = False) -> str:
        value = data.get(name)
        if value is None or value == "":
            if required:
                raise PackError(N_("{where}: pack.yaml has no {name}").format(where=where, name=repr(name)))
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise PackError(N_("{where}: {name} in pack.yaml must be text").format(where=where, name=repr(name)))
        return " ".join(str(value).split())[:2000]

    files = data.get("files")
    if not isinstance(files, list):
        raise PackError(N_("{where}: pack.yaml lists no files").format(where=where))
    items: list[FileItem] = []
    seen: set[str] = set()
    for entry in files:
        if not isinstance(entry, dict):
            raise PackError(N_("{where}: a file entry in pack.yaml is not path/size/sha256").format(where=where))
        path, size, digest = safe_name(entry.get("path"), where), entry.get("size"), entry.get("sha256")
        if path == MANIFEST or not (path == CATALOG or path.startswith(TOP_FOLDERS)):
            raise PackError(
                N_("{where}: pack.yaml lists {path}, which has no place in a pack").format(where=where, path=repr(path))
            )
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise PackError(
                N_("{where}: size of {path} in pack.yaml is not a whole number").format(where=where, path=path)
            )
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise PackError(
                N_("{where}: sha256 of {path} in pack.yaml is not a SHA-256").format(where=where, path=path)
            )
        if path in seen:
            raise PackError(N_("{where}: pack.yaml lists {path} twice").format(where=where, path=path))
        seen.add(path)
        items.append(FileItem(path, size, digest))
    if CATALOG not in seen:
        raise PackError(N_("{where}: pack.yaml lists no catalog.json").format(where=where))
    sources = data.get("sources") or []
    articles = data.get("articles") or 0
    return Manifest(
        id=data["id"],
        title=field_text("title", required=True),
        version=str(data["version"]),
        language=field_text("language") or "en",
        publisher=field_text("publisher"),
        licence=field_text("licence"),
        sources=tuple(str(s) for s in sources) if isinstance(sources, list) else (),
        created=field_text("created"),
        min_app_version=field_text("min_app_version"),
        description=field_text("description"),
        articles=articles if isinstance(articles, int) and not isinstance(articles, bool) else 0,
        at_root=data.get("at_root") is True,
        files=tuple(items),
    )


def safe_name(name: Any, where: str) -> str:
    """Refuse a path that is absolute, climbs out (``..``), or is odd enough to mean something else."""
    if not isinstance(name, str) or not name:
        raise PackError(N_("{where}: an entry has no name").format(where=where))
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name)
        or "\\" in name
        or "\x00" in name
        or any(part in ("..", ".") for part in pure.parts)
        or "//" in name
    ):
        raise PackError(
            N_("{where}: entry {name} is an absolute path or climbs out of the pack; refused").format(
                where=where, name=repr(name)
            )
        )
    return name


# -- reading ---------------------------------------------------------------------------------
def check(
    path: Path,
    extract_to: Path | None = None,
    progress: Progress | None = None,
    write: Callable[[Path, bytes], None] | None = None,
) -> Manifest:
    """Check every entry of a pack against its manifest; with ``extract_to``, unpack it there too.

    Nothing is written outside ``extract_to``; on a refusal the caller removes that folder.
    ``write`` (tests) stands in for writing one chunk of a file.
    """
    where = str(path)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                safe_name(info.filename, where)
                kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no Unix type recorded, a plain file
                if kind == stat.S_IFLNK:
                    raise PackError(
                        N_("{where}: entry {filename} is a symbolic link; refused").format(
                            where=where, filename=repr(info.filename)
                        )
                    )
                if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                    raise PackError(
                        N_("{where}: entry {filename} is a device or other special file; refused").format(
                            where=where, filename=repr(info.filename)
                        )
                    )
                if info.is_dir():
                    continue
                if info.filename in names:
                    raise PackError(
                        N_("{where}: entry {filename} appears twice").format(where=where, filename=repr(info.filename))
                    )
                names[info.filename] = info
            if MANIFEST not in names:
                raise PackError(N_("{where}: not a pack (it has no pack.yaml)").format(where=where))
            if names[MANIFEST].file_size > MAX_MANIFEST:
                raise PackError(N_("{where}: pack.yaml is too large").format(where=where))
            manifest_bytes = _read_limited(zf, names[MANIFEST], MAX_MANIFEST, where)
            manifest = parse_manifest(manifest_bytes.decode("utf-8", errors="replace"), where)
            listed = {f.path: f for f in manifest.files}
            extra = sorted(set(names) - set(listed) - {MANIFEST})
            if extra:
                raise PackError(
                    N_("{where}: {path} is in the pack but not in its manifest").format(where=where, path=extra[0])
                )
            missing = sorted(set(listed) - set(names))
            if missing:
                raise PackError(
                    N_("{where}: the manifest names {path}, which is missing from the pack").format(
                        where=where, path=missing[0]
                    )
                )
            if manifest.min_app_version and _newer(manifest.min_app_version, __version__):
                raise PackError(
                    N_("{where}: needs version {min_app_version} of the app; this is {app_version}").format(
                        where=where, min_app_version=manifest.min_app_version, app_version=__version__
                    )
                )
            if extract_to is not None:
                (extract_to / MANIFEST).write_bytes(manifest_bytes)
            total = len(manifest.files)
            for done, item in enumerate(manifest.files, start=1):
                info = names[item.path]
                if info.file_size != item.size:
                    raise PackError(
                        N_("{where}: {path} is {file_size} bytes, the manifest says {size}").format(
                            where=where, path=item.path, file_size=info.file_size, size=item.size
                        )
                    )
                _check_entry(zf, info, item, where, extract_to, write)
                if progress is not None and (done % 100 == 0 or done == total):
                    progress(done, total)
            return manifest
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise PackError(N_("{where}: damaged or truncated pack ({error})").format(where=where, error=exc)) from exc


def _newer(a: str, b: str) -> bool:
    try:
        return version_key(a) > version_key(b.split("+")[0].split("-")[0].split("a")[0].split("b")[0])
    except ValueError:
        return False


def _read_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, where: str) -> bytes:
    with zf.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PackError(N_("{where}: {filename} is larger than it may be").format(where=where, filename=info.filename))
    return data


def _check_entry(
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    item: FileItem,
    where: str,
    extract_to: Path | None,
    write: Callable[[Path, bytes], None] | None,
) -> None:
    """Hash one entry, reading no more than the manifest's size (+1 to notice more), unpacking it if asked."""
    digest = hashlib.sha256()
    remaining = item.size + 1
    target = None
    out = None
    if extract_to is not None:
        target = extract_to.joinpath(*item.path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        out = open(target, "xb")  # noqa: SIM115 - closed below; a file already there is an error
    try:
        with zf.open(info) as handle:
            while remaining > 0:
                chunk = handle.read(min(1 << 20, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                digest.update(chunk)
                if out is not None and target is not None:
                    if write is not None:
                        write(target, chunk)
                    out.write(chunk)
    finally:
        if out is not None:
            out.close()
    read = item.size + 1 - remaining
    if read > item.size:
        raise PackError(
            N_("{where}: {path} holds more than the {size} bytes the manifest gives it (a zip bomb?); refused").format(
                where=where, path=item.path, size=item.size
            )
        )
    if read < item.size:
        raise PackError(
            N_("{where}: {path} is shorter than the manifest says (truncated)").format(where=where, path=item.path)
        )
    if digest.hexdigest() != item.sha256:
        raise PackError(
            N_("{where}: {path} does not match its SHA-256 in the manifest (changed or damaged)").format(
                where=where, path=item.path
            )
        )


def read_manifest(path: Path) -> Manifest:
    """Only the manifest of a pack file (no entries checked): for showing what a file is."""
    where = str(path)
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                info = zf.getinfo(MANIFEST)
            except KeyError:
                raise PackError(N_("{where}: not a pack (it has no pack.yaml)").format(where=where)) from None
            return parse_manifest(_read_limited(zf, info, MAX_MANIFEST, where).decode("utf-8", "replace"), where)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise PackError(N_("{where}: damaged or truncated pack ({error})").format(where=where, error=exc)) from exc


def check_folder(folder: Path) -> Manifest:
    """Check an unpacked pack's files against its manifest (the "Verify now" of an installed pack)."""
    where = str(folder)
    try:
        manifest = parse_manifest((folder / MANIFEST).read_text(encoding="utf-8"), where)
    except OSError as exc:
        raise PackError(
            N_("{where}: cannot read pack.yaml ({reason})").format(where=where, reason=exc.strerror or exc)
        ) from exc
    listed = {f.path for f in manifest.files}
    for item in manifest.files:
        path = folder.joinpath(*item.path.split("/"))
        try:
            if path.is_symlink() or not path.is_file():
                raise PackError(N_("{where}: {path} is missing").format(where=where, path=item.path))
            digest = hashlib.sha256()
            with open(path, "rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except OSError as exc:
            raise PackError(
                N_("{where}: cannot read {path} ({reason})").format(
                    where=where, path=item.path, reason=exc.strerror or exc
                )
            ) from exc
        if digest.hexdigest() != item.sha256:
            raise PackError(
                N_("{where}: {path} has changed since it was installed").format(where=where, path=item.path)
            )
    for sub in ("content", "index"):
        for dirpath, _dirs, files in os.walk(folder / sub):
            for name in files:
                rel = (Path(dirpath) / name).relative_to(folder).as_posix()
                if rel not in listed:
                    raise PackError(N_("{where}: {rel} was added after installing").format(where=where, rel=rel))
    return manifest


# -- building --------------------------------------------------------------------------------
@dataclass(frozen=True)
class BuildReport:
    manifest: Manifest
    path: Path
    size: int
    problems: int  # content errors found while cataloguing (the pack is still built)


def build(
    source: Path,
    output: Path,
    meta: Manifest,
    progress: Progress | None = None,
    procs: int = 1,
) -> BuildReport:
    """Make a pack of the content folder ``source``: articles, catalog, search index, manifest.

    The articles go under ``content/ID/`` so the pack is one top-level topic named by its
    title (``content/`` itself when ``meta.at_root``). The file is written beside ``output``
    and renamed into place.
    """
    from guide.core.search import SearchIndex  # Whoosh only when building

    check_id(meta.id)
    check_version(meta.version)
    source = Path(source)
    if not source.is_dir():
        raise PackError(N_("{source}: not a folder").format(source=source))
    output = Path(output).absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output.name}.build-", dir=output.parent))
    try:
        content = stage / "content"
        target = content if meta.at_root else content / meta.id
        _copy_content(source, target)
        _set_default_language(target, meta.language)
        found = catalogs.build(content)
        if not meta.at_root:
            found = found.with_topic_title(meta.id, meta.title)
        catalogs.write(found, stage / CATALOG)
        index = SearchIndex([content], stage / "index")
        index.procs = procs if len(found.articles) > 1000 else 1  # forking costs seconds: only for big packs
        try:
            index.update(progress=progress)
        finally:
            index.close()
        for lock in (stage / "index").glob("*.lock"):
            lock.unlink()
        files = tuple(_file_item(stage, p) for p in _files(stage))
        created = meta.created or dt.date.today().isoformat()
        manifest = Manifest(**{**meta.__dict__, "files": files, "articles": len(found.articles), "created": created})
        tmp = stage / "pack.zip"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            zf.writestr(MANIFEST, manifest.to_yaml())
            for item in files:
                zf.write(stage / item.path, item.path)
        os.replace(tmp, output)
        errors = sum(1 for p in found.problems if p.severity == "error")
        return BuildReport(manifest, output, output.stat().st_size, errors)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _set_default_language(folder: Path, language: str) -> None:
    """Make the pack's ``language`` the default of its articles: the pack's copy of its top
    index.md gets a ``language:`` line when it has none (the source folder is not touched).
    Everything that reads the pack (its catalog, its index, the articles read one by one) then
    finds it by the content format's own rule: the article's language, else the nearest index.md's.
    Nothing is written for English, the format's default anyway."""
    from guide.core.content import split_front_matter
    from guide.core.languages import DEFAULT_LANGUAGE, primary

    if not language or primary(language) == DEFAULT_LANGUAGE:
        return
    index = folder / "index.md"
    text = index.read_text(encoding="utf-8", errors="replace") if index.is_file() else ""
    meta = split_front_matter(index, text).meta if text.startswith("---") else {}
    if isinstance(meta.get("language"), str) and meta["language"].strip():
        return  # the content says it itself
    if text.startswith("---") and not split_front_matter(index, text).problems:
        first, _, rest = text.partition("\n")
        text = f"{first}\nlanguage: {language}\n{rest}"
    else:  # no front matter (or a broken one, which `guide check` reports in the source): a new one
        text = f"---\nlanguage: {language}\n---\n{text}" if not text.startswith("---") else text
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(text, encoding="utf-8")


def _copy_content(source: Path, target: Path) -> None:
    """Copy the regular, visible files of a content folder (no symlinks, no hidden files)."""
    for dirpath, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(dirpath) / d).is_symlink())
        rel = Path(dirpath).relative_to(source)
        for name in sorted(files):
            src = Path(dirpath) / name
            if name.startswith(".") or src.is_symlink() or not src.is_file():
                continue
            dest = target / rel / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)


def _files(stage: Path) -> list[str]:
    found = [CATALOG]
    for sub in ("content", "index"):
        for dirpath, _dirs, files in os.walk(stage / sub):
            found += [(Path(dirpath) / n).relative_to(stage).as_posix() for n in files]
    return [*sorted(found[1:]), CATALOG]


def _file_item(stage: Path, rel: str) -> FileItem:
    data = (stage / rel).read_bytes()
    return FileItem(rel, len(data), hashlib.sha256(data).hexdigest())
