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
import socket
import sys
from pathlib import Path
from types import ModuleType

from guide.core.i18n import N_
from guide.core.importing import limits
from guide.core.importing.draft import Draft, ImportFailed, front_matter, iso_date
from guide.core.importing.tomarkdown import collect_images, first_heading, tidy


def _load_trafilatura() -> ModuleType:
    """trafilatura, imported without urllib3's IPv6 probe.

    trafilatura and htmldate import urllib3 for their downloaders (never called here), and
    urllib3 probes at import whether it can bind an IPv6 socket to ::1. That opens no
    connection, but the program makes no internet socket at all, so the probe is skipped by
    letting urllib3 read ``socket.has_ipv6`` as False while it is first imported; urllib3 then
    assumes no IPv6, which nothing here uses.
    """
    if "urllib3.util.connection" not in sys.modules:
        saved = socket.has_ipv6
        socket.has_ipv6 = False
        try:
            import urllib3.util.connection  # noqa: F401
        finally:
            socket.has_ipv6 = saved
    import trafilatura

    return trafilatura


def _extract(data: bytes) -> tuple[str | None, dict[str, str]]:
    trafilatura = _load_trafilatura()

    options = {
        "output_format": "markdown",
        "include_images": True,
        "include_tables": True,
        "include_links": True,
        "include_formatting": True,
        "include_comments": False,
        "deduplicate": False,
    }
    text = trafilatura.extract(data, **options)
    if not text:
        text = trafilatura.extract(data, favor_recall=True, **options)
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


def convert(source: Path) -> Draft:
    data = limits.read_limited(source, limits.MAX_HTML, N_("web page"))
    try:
        text, meta = _extract(data)
    except (ValueError, TypeError, RecursionError, UnicodeError) as exc:
        raise ImportFailed(
            N_("{source}: the web page cannot be read ({error_type})").format(
                source=source, error_type=exc.__class__.__name__
            )
        ) from None
    if not text or not text.strip():
        raise ImportFailed(N_("{source}: no article text was found in the web page").format(source=source))
    markdown, images = collect_images(source, text)
    title = meta.get("title") or first_heading(markdown) or source.stem.replace("_", " ")
    body, warnings = tidy(markdown, title, local_images={f"images/{i.name}" for i in images})
    if len(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "]", body))) < 5:  # a lone menu link is not an article
        raise ImportFailed(N_("{source}: no article text was found in the web page").format(source=source))
    url = meta.get("url", "")
    origin = url if url.startswith(("http://", "https://")) else meta.get("sitename", "")
    sources = (f"{title} ({origin or 'web page ' + source.name})",)
    matter = front_matter(
        title=title,
        source_name=source.name,
        summary=meta.get("description", ""),
        sources=sources,
        date=iso_date(meta.get("date", "")),
        body=body,
    )
    return Draft(matter, body, tuple(images), tuple(warnings), source.stem)
