"""Write a draft as an article file with its images: atomically, under a free name, never over a file."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from guide.core.i18n import N_
from guide.core.importing.draft import Draft, ImportFailed, ImportResult, image_kind, slugify

MAX_NAME_BYTES = 120  # well inside every file system's 255-byte limit, with room for "-99.md"
IMAGES = "images"
_REVIEW_LINES = "reviewed:     # YYYY-MM-DD, once a health professional has checked this draft\nreviewed_by:\n"


def render_article(draft: Draft) -> str:
    """The article file's text: YAML front matter, then the Markdown body."""
    meta: dict[str, Any] = {k: v for k, v in draft.front_matter.items() if k not in ("reviewed", "reviewed_by")}
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    body = draft.body.strip("\n")
    return f"---\n{head}{_REVIEW_LINES}---\n{body}\n"


def _stem(draft: Draft) -> str:
    stem = slugify(draft.title) or slugify(draft.name_hint) or "imported-article"
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem.strip("-") or "imported-article"


def _folder(into: Path, topic: str) -> Path:
    parts = [p for p in re.split(r"[\\/]+", topic.strip()) if p]
    for part in parts:
        if part in (".", "..") or part.startswith((".", "_")):
            raise ImportFailed(
                N_("topic '{topic}': a topic is a folder name inside the library, without '..'").format(topic=topic)
            )
    return into.joinpath(*parts)


def _free_stem(folder: Path, stem: str) -> str:
    number = 1
    while (folder / f"{stem if number == 1 else f'{stem}-{number}'}.md").exists():
        number += 1
    return stem if number == 1 else f"{stem}-{number}"


def _claim(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to the first free ``stem[-N]suffix`` in ``folder``; never replaces a file.

    The bytes go to a temporary file first (flushed to disk), which is then hard-linked to
    the free name: the name appears complete or not at all, and an existing name makes the
    link fail instead of being overwritten. File systems without hard links (FAT on a USB
    stick, some network shares) get the name reserved with O_EXCL and the file renamed onto it.
    """
    fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        for number in range(1, 10_000):
            target = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                try:
                    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
                except FileExistsError:
                    continue
                os.replace(tmp, target)
            return target
        raise ImportFailed(
            N_("{folder}: no free file name for '{stem}{suffix}'").format(folder=folder, stem=stem, suffix=suffix)
        )
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_draft(draft: Draft, into: Path, *, topic: str = "", source: Path | None = None) -> ImportResult:
    """Write ``draft`` into ``into``/``topic``; images first, the article last (it is what a reader sees)."""
    folder = _folder(into, topic)
    what = source if source is not None else draft.title
    stem = _stem(draft)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stem = _free_stem(folder, stem)  # images are named after the article they belong to
        body = draft.body
        if draft.images:
            (folder / IMAGES).mkdir(exist_ok=True)
        for number, image in enumerate(draft.images, start=1):
            kind = image_kind(image.data)
            suffix = Path(image.name).suffix if kind is None else {"png": ".png", "jpeg": ".jpg", "svg": ".svg"}[kind]
            path = _claim(folder / IMAGES, f"{stem}-{number}", suffix, image.data)
            written.append(path)
            body = body.replace(f"]({IMAGES}/{image.name})", f"]({IMAGES}/{path.name})")
        text = render_article(Draft(draft.front_matter, body, (), draft.warnings, draft.name_hint))
        path = _claim(folder, stem, ".md", text.encode("utf-8"))
    except OSError as exc:
        for done in written:
            with contextlib.suppress(OSError):
                done.unlink()
        reason = exc.strerror or str(exc)
        where = exc.filename if isinstance(exc.filename, str) else folder
        raise ImportFailed(
            N_("{what}: cannot write the article in {where}: {reason}").format(what=what, where=where, reason=reason)
        ) from exc
    article_id = path.relative_to(into).with_suffix("").as_posix()
    return ImportResult(path, article_id, draft.title, draft.warnings)
