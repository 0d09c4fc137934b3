"""Size limits of the importers and the bounded reading of a source file.

A document is read whole into memory by every converter (mammoth, trafilatura), so each
kind has a ceiling well above any real handout and well below what would strain a
clinic's old workstation. A bigger file gets a clear message instead of a frozen window.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from guide.core.i18n import N_
from guide.core.importing.draft import ImportFailed

MB = 1_000_000
MAX_TEXT = 10 * MB  # text and Markdown: ~1,500 pages of prose
MAX_HTML = 20 * MB  # a saved page's HTML (its images are separate files)
MAX_DOCX = 100 * MB  # a Word file, mostly photos
MAX_DOCX_XML = 60 * MB  # word/document.xml unpacked: thousands of pages of text
MAX_DOCX_IMAGES = 100 * MB  # all images of one document together, unpacked
MAX_IMAGE = 25 * MB  # one image


def check_file(source: Path, limit: int, kind: str) -> int:
    """Check that ``source`` is a readable regular file no bigger than ``limit``; returns its size."""
    try:
        info = os.stat(source)
    except FileNotFoundError:
        raise ImportFailed(N_("{source}: no such file").format(source=source)) from None
    except OSError as exc:
        raise ImportFailed(
            N_("{source}: cannot read it: {reason}").format(source=source, reason=exc.strerror or exc)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailed(N_("{source}: is a folder, not a document").format(source=source))
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailed(N_("{source}: not a regular file (a pipe, device or socket)").format(source=source))
    if info.st_size == 0:
        raise ImportFailed(N_("{source}: the file is empty").format(source=source))
    if info.st_size > limit:
        raise ImportFailed(
            N_(
                "{source}: the {kind} is {size} MB; the largest that can be imported is {limit} MB (split it, or "
                "save its pictures smaller)"
            ).format(source=source, kind=kind, size=format(info.st_size / MB, ".0f"), limit=limit // MB)
        )
    return info.st_size


def read_limited(source: Path, limit: int, kind: str) -> bytes:
    """The bytes of ``source`` after :func:`check_file`; never more than ``limit`` (a growing file)."""
    check_file(source, limit, kind)
    try:
        with open(source, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportFailed(
            N_("{source}: cannot read it: {reason}").format(source=source, reason=exc.strerror or exc)
        ) from None
    if len(data) > limit:
        raise ImportFailed(
            N_("{source}: the {kind} is larger than {limit} MB, the largest that can be imported").format(
                source=source, kind=kind, limit=limit // MB
            )
        )
    return data


def decode_text(source: Path, data: bytes) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252; NULs removed."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(N_("the text is not UTF-8; it was read as Windows-1252: check accented letters"))
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append(N_("NUL characters were removed"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings
