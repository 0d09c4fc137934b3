"""Text helpers shared by rendering and search: heading slugs and article sections.

The Markdown renderer is configured with :func:`slugify`, so the anchors that
:func:`split_sections` gives are the ids that the rendered headings carry.
"""

from __future__ import annotations

import re
import unicodedata

from guide.core.models import Section

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\s*\{[^}]*#([\w-]+)[^}]*\}\s*$")
_ATTR_ANY = re.compile(r"\s*\{:?[^}]*\}\s*$")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def slugify(value: str, separator: str = "-") -> str:
    """Make a URL-friendly anchor from heading text, as Python-Markdown's toc does.

    Accents fold to ASCII ("Café" -> "cafe"); letters with no ASCII form (Cyrillic,
    Arabic, CJK) are kept, as toc's ``slugify_unicode`` does, instead of vanishing
    and leaving every such heading an empty, unlinkable slug.
    """
    folded = unicodedata.normalize("NFKD", value)
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    if sum(ch.isalnum() for ch in ascii_only) < sum(ch.isalnum() for ch in folded):
        value = unicodedata.normalize("NFKC", value)  # some letters would be lost: keep them
    else:
        value = ascii_only
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def unique_slug(slug: str, seen: set[str]) -> str:
    """Append ``_1``, ``_2`` … to a slug already used on the page, as toc does."""
    if slug and slug not in seen:
        seen.add(slug)
        return slug
    count = 1
    while f"{slug}_{count}" in seen:
        count += 1
    slug = f"{slug}_{count}"
    seen.add(slug)
    return slug


def heading_text(raw: str) -> str:
    """The plain text of a Markdown heading: attribute lists and inline markup removed."""
    raw = _ATTR_ANY.sub("", raw)
    return _INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw).strip()


def split_sections(body: str) -> list[Section]:
    """Split a Markdown body at its ``##`` and ``###`` headings.

    The first section is the lead (text before any such heading; it may be empty).
    Headings inside fenced code blocks are ignored. A leading ``# Title`` line is
    dropped from the lead, as the reader shows the title itself.
    """
    sections: list[Section] = []
    seen: set[str] = set()
    slug: str | None = None
    title: str | None = None
    level = 0
    start = 1
    lines: list[str] = []
    fence: str | None = None

    for number, line in enumerate(body.splitlines(), start=1):
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            lines.append(line)
            continue
        if fenced:
            fence = fenced.group(1)
            lines.append(line)
            continue
        match = _HEADING.match(line)
        if match is None:
            lines.append(line)
            continue
        depth = len(match.group(1))
        if depth == 1 and not sections and not "".join(lines).strip():
            continue  # a leading "# Title": the reader shows the title itself
        raw = match.group(2)
        explicit = _ATTR_ID.search(raw)
        text = heading_text(raw)
        anchor = explicit.group(1) if explicit else unique_slug(slugify(text), seen)
        if depth not in (2, 3):
            lines.append(line)
            continue
        sections.append(Section(slug, title, level, "\n".join(lines).strip("\n"), start))
        slug, title, level, start, lines = anchor, text, depth, number, []
    sections.append(Section(slug, title, level, "\n".join(lines).strip("\n"), start))
    return sections
