"""Saved web pages (.html) through trafilatura: the article's text without the page around it.

trafilatura's main-content extraction leaves out navigation, share buttons, newsletter
boxes, cookie notices, comments and footers, and writes the rest as Markdown (its own
converter keeps numbered lists numbered, which its HTML output does not). Scripts,
frames and forms never reach the result; images on the web are dropped and nothing is
fetched; images saved beside the page ("Save page, complete") are kept when they are
PNG, JPEG or SVG files inside the page's folder.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from guide.core.importing import limits
from guide.core.importing.draft import Draft, DraftImage, ImportFailed, front_matter, image_kind, iso_date
from guide.core.importing.tomarkdown import first_heading, tidy

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def _extract(data: bytes) -> tuple[str | None, dict[str, str]]:
    import trafilatura

    options = {
        "output_format": "markdown",
        "include_images": True,
        "include_tables": True,
        "include_links": True,
        "include_formatting": True,
        "include_comments": False,
        "deduplicate": False,
    }
    text = trafilatura.extract(data, **options)  # type: ignore[arg-type]
    if not text:
        text = trafilatura.extract(data, favor_recall=True, **options)  # type: ignore[arg-type]
    # Fast mode: dates from meta tags, structured data and markup only. The extensive search
    # would parse dates out of running text with dateparser, which the frozen app leaves out.
    meta = trafilatura.extract_metadata(data, extensive=False)
    found = {}
    if meta is not None:
        for key in ("title", "author", "url", "description", "sitename", "date"):
            value = getattr(meta, key, None)
            if isinstance(value, str) and value.strip():
                found[key] = value.strip()
    return text, found


def _local_image(page: Path, target: str) -> Path | None:
    """The saved file an image of the page refers to, if it is inside the page's folder."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    relative = PurePosixPath(unquote(parts.path))
    if relative.is_absolute() or ".." in relative.parts:
        return None
    candidate = page.parent.joinpath(*relative.parts)
    try:
        candidate.resolve().relative_to(page.parent.resolve())
    except (ValueError, OSError, RuntimeError):
        return None
    return candidate if candidate.is_file() else None


def _collect_images(page: Path, markdown: str) -> tuple[str, list[DraftImage]]:
    images: list[DraftImage] = []

    def keep(match: re.Match[str]) -> str:
        path = _local_image(page, match.group(2))
        if path is None:
            return match.group(0)  # tidy() drops it and counts it
        try:
            if path.stat().st_size > limits.MAX_IMAGE:
                return match.group(0)
            data = path.read_bytes()
        except OSError:
            return match.group(0)
        kind = image_kind(data)
        if kind is None:
            return match.group(0)
        name = f"image-{len(images) + 1}.{'jpg' if kind == 'jpeg' else kind}"
        images.append(DraftImage(name, data))
        return f"![{match.group(1)}](images/{name})"

    return _IMAGE.sub(keep, markdown), images


def convert(source: Path) -> Draft:
    data = limits.read_limited(source, limits.MAX_HTML, "web page")
    try:
        text, meta = _extract(data)
    except (ValueError, TypeError, RecursionError, UnicodeError) as exc:
        raise ImportFailed(f"{source}: the web page cannot be read ({exc.__class__.__name__})") from None
    if not text or not text.strip():
        raise ImportFailed(f"{source}: no article text was found in the web page")
    markdown, images = _collect_images(source, text)
    title = meta.get("title") or first_heading(markdown) or source.stem.replace("_", " ")
    body, warnings = tidy(markdown, title, local_images={f"images/{i.name}" for i in images})
    if len(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "]", body))) < 5:  # a lone menu link is not an article
        raise ImportFailed(f"{source}: no article text was found in the web page")
    url = meta.get("url", "")
    origin = url if url.startswith(("http://", "https://")) else meta.get("sitename", "")
    sources = (f"{title} ({origin or 'web page ' + source.name})",)
    matter = front_matter(
        title=title,
        source_name=source.name,
        summary=meta.get("description", ""),
        sources=sources,
        date=iso_date(meta.get("date", "")),
    )
    return Draft(matter, body, tuple(images), tuple(warnings), source.stem)
