"""Share a clinic's library: write its folder as one zip file a colleague can unpack and open.

When signed content packs exist (guide/core/packs), the clinic library is exported as a
pack instead; until then a zip of the folder, with the folder's name as its top level,
is the file that travels. The zip is written beside its target and renamed into place,
so a full disk or a pulled USB stick never leaves half a file under the chosen name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from guide.core.content import ARTICLE_SUFFIX, INDEX_NAME


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


def export_library(root: Path, out: Path) -> ExportResult:
    """Write the library folder ``root`` as the zip file ``out`` (replaced if it exists)."""
    root = Path(root)
    out = Path(out)
    if not root.is_dir():
        raise ExportFailed(f"{root}: {'no such folder' if not root.exists() else 'not a folder'}")
    try:
        target = out.resolve()
    except (OSError, RuntimeError) as exc:
        raise ExportFailed(f"{out}: cannot write here: {exc}") from None
    files = _files(root, target)
    articles = sum(1 for p in files if p.name.endswith(ARTICLE_SUFFIX) and p.name != INDEX_NAME)
    if not articles:
        raise ExportFailed(f"{root}: the folder has no articles (*.md files) to export")
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
        raise ExportFailed(f"{where}: cannot export the library: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return ExportResult(out, articles, len(files), size)
