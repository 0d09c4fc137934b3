"""Share a clinic's library: write its folder as one file a colleague can install or unpack.

A target ending in ``.guidepack`` is built as a content pack through the packs API
(guide/core/packs: catalog, search index, manifest; sign it with ``guide pack sign``),
so the colleague installs it with File → Libraries… or ``guide pack install``. Any
other target is a zip of the folder, with the folder's name as its top level. Both are
written beside their target and renamed into place, so a full disk or a pulled USB
stick never leaves half a file under the chosen name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guide.core.content import ARTICLE_SUFFIX, INDEX_NAME, humanize, read_file, split_front_matter
from guide.core.i18n import N_

PACK_SUFFIX = ".guidepack"  # guide.core.packs.archive.SUFFIX (not imported here: YAML and Whoosh load only for packs)


class ExportFailed(Exception):
    """The library cannot be exported; ``str()`` is one line naming the folder or file."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    articles: int
    files: int
    size: int  # bytes of the written file


def _files(root: Path, skip: Path) -> list[Path]:
    """Every regular file of the library, hidden and temporary ones left out, in a stable order."""
    found: list[Path] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith(".") or name.endswith(".tmp") or path.is_symlink() or not path.is_file():
                continue
            with contextlib.suppress(OSError):
                if path.resolve() == skip:
                    continue
            found.append(path)
    return found


def pack_id_for(root: Path) -> str:
    """A pack id made from the folder's name: ``Clinic Articles (2026)`` -> ``clinic-articles-2026``."""
    name = Path(root).resolve().name.lower()
    safe = re.sub(r"[^a-z0-9]+", "-", name).strip("-")[:64].strip("-")
    return safe or "clinic-articles"


def pack_version_for(day: dt.date | None = None) -> str:
    """Today's date as a pack version, such as ``2026.12.1``: a later export is a newer version."""
    day = day or dt.date.today()
    return f"{day.year}.{day.month}.{day.day}"


def pack_title_for(root: Path) -> str:
    """The ``title`` of the folder's index.md, else its name made readable."""
    index = Path(root) / INDEX_NAME
    if index.is_file():
        text, _problems = read_file(index)
        title = split_front_matter(index, text).meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
    return humanize(Path(root).resolve().name) or "Clinic articles"


def export_library(
    root: Path,
    out: Path,
    *,
    pack_id: str = "",
    title: str = "",
    version: str = "",
    publisher: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write the library folder ``root`` to ``out`` (replaced if it exists).

    ``out`` ending in ``.guidepack`` makes a content pack (unsigned; the keyword arguments
    override the id, title and version worked out from the folder); anything else a zip.
    """
    root = Path(root)
    out = Path(out)
    if not root.is_dir():
        raise ExportFailed(f"{root}: {'no such folder' if not root.exists() else 'not a folder'}")
    if out.name.lower().endswith(PACK_SUFFIX):
        return _export_pack(root, out, pack_id, title, version, publisher, progress)
    try:
        target = out.resolve()
    except (OSError, RuntimeError) as exc:
        raise ExportFailed(N_("{out}: cannot write here: {error}").format(out=out, error=exc)) from None
    files = _files(root, target)
    articles = sum(1 for p in files if p.name.endswith(ARTICLE_SUFFIX) and p.name != INDEX_NAME)
    if not articles:
        raise ExportFailed(N_("{root}: the folder has no articles (*.md files) to export").format(root=root))
    top = root.resolve().name or "clinic-articles"
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for path in files:
                    archive.write(path, f"{top}/{path.relative_to(root).as_posix()}")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        tmp = None
        size = out.stat().st_size
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else out
        raise ExportFailed(
            N_("{where}: cannot export the library: {reason}").format(where=where, reason=exc.strerror or exc)
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return ExportResult(out, articles, len(files), size)


def _export_pack(
    root: Path,
    out: Path,
    pack_id: str,
    title: str,
    version: str,
    publisher: str,
    progress: Callable[[int, int], None] | None,
) -> ExportResult:
    from guide.core.packs import archive  # YAML manifests and the Whoosh index only for packs

    try:
        target = out.resolve()
    except (OSError, RuntimeError) as exc:
        raise ExportFailed(N_("{out}: cannot write here: {error}").format(out=out, error=exc)) from None
    with contextlib.suppress(ValueError):
        target.relative_to(root.resolve())
        raise ExportFailed(N_("{out}: choose a file outside the library folder {root}").format(out=out, root=root))
    files = _files(root, target)
    if not any(p.name.endswith(ARTICLE_SUFFIX) and p.name != INDEX_NAME for p in files):
        raise ExportFailed(N_("{root}: the folder has no articles (*.md files) to export").format(root=root))
    meta = archive.Manifest(
        id=pack_id or pack_id_for(root),
        title=title or pack_title_for(root),
        version=version or pack_version_for(),
        publisher=publisher,
    )
    try:
        report = archive.build(root, out, meta, progress)
    except archive.PackError as exc:
        raise ExportFailed(str(exc)) from None
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else out
        raise ExportFailed(
            N_("{where}: cannot export the library: {reason}").format(where=where, reason=exc.strerror or exc)
        ) from None
    return ExportResult(report.path, report.manifest.articles, len(report.manifest.files), report.size)
