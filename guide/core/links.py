"""``guide:`` URLs: how pages, topics and images are named to the reading pane, and found again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from guide.core.content import Library

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"})
URL_KINDS = ("article", "topic", "image")


@dataclass(frozen=True)
class GuideLink:
    """A parsed ``guide:`` URL: an article (with an anchor), a topic or an image."""

    kind: str  # "article", "topic" or "image"
    target: str  # article id, topic id ("" for the root) or "<root index>/<path>" for an image
    anchor: str | None = None


def make_url(kind: str, target: str, anchor: str | None = None) -> str:
    """``guide:article/<id>#<anchor>``, ``guide:topic/<id>`` or ``guide:image/<n>/<path>``."""
    if kind not in URL_KINDS:
        raise ValueError(f"unknown guide link kind: {kind!r}")
    url = f"guide:{kind}/{quote(target.strip('/'), safe='/-_.~')}"
    if anchor:
        url += "#" + quote(anchor, safe="-_.~:")
    return url


def parse_url(url: str) -> GuideLink | None:
    """The parts of a ``guide:`` URL, or None for anything else (never raises)."""
    if not isinstance(url, str) or len(url) > 10_000 or url[:6].lower() != "guide:":
        return None
    rest, _, fragment = url[6:].lstrip("/").partition("#")
    rest = rest.partition("?")[0]
    kind, _, raw = rest.partition("/")
    kind = kind.lower()
    if kind not in URL_KINDS:
        return None
    try:
        target = unquote(raw, errors="strict").strip("/")
        anchor = unquote(fragment, errors="strict") or None
    except UnicodeDecodeError:
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target) or ".." in target.split("/"):
        return None
    if kind == "article" and not target:
        return None
    if kind == "image":
        number, _, path = target.partition("/")
        if not number.isdigit() or not path:
            return None
        return GuideLink(kind, target, None)
    return GuideLink(kind, target, anchor)


def image_file(library: Library, url: str) -> Path | None:
    """The image file a ``guide:image/…`` URL names, if it exists inside its root."""
    link = parse_url(url)
    if link is None or link.kind != "image":
        return None
    number, _, rel = link.target.partition("/")
    index = int(number)
    if index >= len(library.roots) or Path(rel).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        root = library.roots[index].resolve()
        candidate = (root / rel).resolve()
        candidate.relative_to(root)  # refuses ".." and symlinks that lead out of the root
        return candidate if candidate.is_file() else None
    except (OSError, ValueError, RuntimeError):
        return None
