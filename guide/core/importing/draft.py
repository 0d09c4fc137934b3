"""The plain values of an import: a converted document (Draft), its images, and the failure.

Every converter returns a :class:`Draft`; nothing is written until ``import_file``
writes the images and the article, so a failed conversion leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Image kinds the content format allows, by their first bytes (a file's name or a document's
# declared content type is not trusted: an EMF called image1.png would show as a broken image).
IMAGE_SUFFIXES = {"png": ".png", "jpeg": ".jpg", "svg": ".svg"}
MAX_TITLE = 200


class ImportFailed(Exception):
    """A document that cannot be imported; ``str()`` is a one-line message naming the file."""


@dataclass(frozen=True)
class DraftImage:
    """An image taken from a document, to be saved beside the article.

    ``name`` is the placeholder the body refers to (``images/NAME``); the writer may
    rename it to a free file name and rewrites the body to match.
    """

    name: str
    data: bytes


@dataclass(frozen=True)
class Draft:
    """A converted document: front matter (in the content format's keys) and a Markdown body."""

    front_matter: dict[str, Any]
    body: str
    images: tuple[DraftImage, ...] = ()
    warnings: tuple[str, ...] = ()
    name_hint: str = ""  # a file name stem to use when the title gives none

    @property
    def title(self) -> str:
        return str(self.front_matter.get("title") or "")


@dataclass(frozen=True)
class ImportResult:
    """What ``import_file`` wrote: the article file, its id below the target folder, its title."""

    path: Path
    article_id: str
    title: str
    warnings: tuple[str, ...] = field(default=())


def image_kind(data: bytes) -> str | None:
    """``png``, ``jpeg`` or ``svg`` from an image's first bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return "svg"
    return None


def one_line(value: object, limit: int = MAX_TITLE) -> str:
    """A front-matter text value: printable characters, single spaces, at most ``limit`` long."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text


def tidy_title(value: str) -> str:
    """A title as a reader expects it: one line, no trailing site name, a capital first letter."""
    text = one_line(value)
    # "Flu vaccine days | Hillside Clinic", "Flu vaccine days - NHS": keep the page's own title.
    parts = re.split(r"\s+[|·•–—-]\s+", text)
    if len(parts) > 1 and len(parts[0]) >= 8:
        text = parts[0]
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text


def slugify(value: str, limit: int = 80) -> str:
    """A file-name stem from a title: lower case, letters and digits joined by hyphens.

    Letters of any script are kept (a clinic may write in Arabic or Cyrillic); path
    separators, dots and anything else that could climb out of a folder are not.
    """
    text = unicodedata.normalize("NFKC", value).casefold()
    words = re.findall(r"\w+", text.replace("_", " "))
    slug = "-".join(words)[:limit].strip("-")
    return slug


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from a date, a datetime or a text that starts with one; None otherwise."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1)).isoformat()
            except ValueError:
                return None
    return None


def lead_summary(body: str) -> str:
    """The first sentence or two of the text before the first heading, when it is plain prose.

    The lead of a handout usually says what it is about ("Yes, Medicaid covers therapy in
    2025, …"); it is offered as the summary search results and handouts show, for the
    reviewer to keep or rewrite. Lists, tables, pictures and fragments give none.
    """
    lead = re.split(r"^#{1,6}[ \t]", body, maxsplit=1, flags=re.MULTILINE)[0].strip()
    paragraph = lead.split("\n\n", 1)[0].replace("\n", " ").strip()
    if not paragraph[:1].isupper() or re.match(r"[-*+|!>\d]|\[", paragraph) or "](" in paragraph:
        return ""
    sentences = re.findall(r".+?[.!?](?=\s+[A-Z]|$)", paragraph)
    summary = ""
    for sentence in sentences[:2]:
        if len(summary) + len(sentence) > 300:
            break
        summary = f"{summary} {sentence.strip()}".strip()
    if len(summary.split()) < 6:
        return ""
    return summary.replace("\\*", "*")


def front_matter(
    *,
    title: str,
    source_name: str,
    summary: str = "",
    sources: tuple[str, ...] = (),
    date: str | None = None,
    body: str = "",
) -> dict[str, Any]:
    """The front matter of a fresh draft, in the order an editor reads it; ``reviewed`` stays empty.

    Without a summary of its own, the draft's is taken from the lead of ``body``.
    """
    meta: dict[str, Any] = {"title": tidy_title(title) or "Untitled"}
    summary = summary or lead_summary(body)
    if summary:
        meta["summary"] = one_line(summary, 400)
    if sources:
        meta["sources"] = [one_line(s, 400) for s in sources if one_line(s, 400)]
    meta["imported_from"] = one_line(source_name, 300)
    if date:
        meta["source_date"] = date
    return meta
