"""HTML to Markdown (markdownify) and the tidying every converted body gets.

The tidying makes a converted body fit the content format: the title is not repeated
as a first heading, sections start at ``##``, links that only worked on the original
site become plain text, and remote or inline (``data:``) images are dropped, since
the reader never fetches anything.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from markdownify import MarkdownConverter

from guide.core.i18n import N_
from guide.core.importing import limits
from guide.core.importing.draft import DraftImage, image_kind

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_FENCE = re.compile(r"^(```|~~~)")


def html_to_markdown(html: str) -> str:
    """Markdown of an HTML fragment: ATX headings, '-' bullets, pipe tables with a header row."""
    converter = MarkdownConverter(
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        table_infer_header=True,
        escape_underscores=False,
        escape_misc=False,
        strip=["script", "style", "iframe", "object", "embed", "form", "input", "button"],
    )
    return converter.convert(html)


def _keep_link(target: str) -> bool:
    return target.startswith(("http://", "https://", "mailto:", "tel:")) and "javascript:" not in target.lower()


def tidy(body: str, title: str, local_images: set[str] | None = None) -> tuple[str, list[str]]:
    """The body as an article wants it; returns it with warnings about what was dropped."""
    warnings: list[str] = []
    dropped = 0

    def image(match: re.Match[str]) -> str:
        nonlocal dropped
        if local_images is not None and match.group(2) in local_images:
            return match.group(0)
        dropped += 1
        return ""

    body = _IMAGE.sub(image, body)
    if dropped:
        warnings.append(
            N_("{dropped} image(s) left out: on the web or not a PNG, JPEG or SVG file (nothing was fetched)").format(
                dropped=dropped
            )
        )
    body = _LINK.sub(lambda m: m.group(0) if _keep_link(m.group(2)) else m.group(1), body)
    body = _strip_title(body, title)
    body = _shift_headings(body)
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return body + "\n", warnings


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).casefold().rstrip(".:?!")


def _strip_title(body: str, title: str) -> str:
    match = _HEADING.search(body)
    if match and not body[: match.start()].strip() and _norm(match.group(2)) == _norm(title):
        return body[match.end() :]
    return body


def _shift_headings(body: str) -> str:
    """Move headings so the highest one is ``##`` (the reader shows the title as the page's ``#``)."""
    levels = [len(m.group(1)) for m in _HEADING.finditer(body)]
    if not levels or min(levels) >= 2:
        return body
    shift = 2 - min(levels)
    out = []
    fenced = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            level = min(6, len(match.group(1)) + shift)
            line = "#" * level + " " + match.group(2)
        out.append(line)
    return "\n".join(out)


def first_heading(body: str) -> str:
    match = _HEADING.search(body)
    return match.group(2).strip() if match else ""


def local_image(page: Path, target: str) -> Path | None:
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


def collect_images(page: Path, markdown: str) -> tuple[str, list[DraftImage]]:
    """Copy the images a document's Markdown refers to that are saved beside it (PNG, JPEG, SVG).

    Each becomes a :class:`DraftImage` referred to as ``images/image-N.EXT``; any other image
    (on the web, outside the document's folder, missing or of another kind) is left as it was,
    for :func:`tidy` to drop and count.
    """
    images: list[DraftImage] = []

    def keep(match: re.Match[str]) -> str:
        path = local_image(page, match.group(2))
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
