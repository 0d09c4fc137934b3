"""Text helpers shared by rendering, search and reading levels: slugs, sections, plain text.

The Markdown renderer is configured with :func:`slugify`, so the anchors that
:func:`split_sections` gives are the ids that the rendered headings carry.
:func:`plain_text` is the one reduction of Markdown to words, used by the search index
(words and snippets) and by reading levels (sentences).
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


# -- Markdown to plain text ---------------------------------------------------------------

_INLINE_RULES: list[tuple[re.Pattern[str], str, str]] = [  # pattern, replacement, characters it needs
    (re.compile(r"<!--.*?-->", re.DOTALL), " ", "<"),  # HTML comments
    (re.compile(r"^\s{0,3}(`{3,}|~{3,}).*$", re.MULTILINE), "", "`~"),  # code fences (their text stays)
    (re.compile(r"^[ \t]*\[(?!\^)[^\]]+\]:.*$", re.MULTILINE), "", "]"),  # link definitions (URLs)
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1", "!"),  # images: keep the alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1", "]"),  # links: keep the words
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1", "]"),  # reference links
    (re.compile(r"\[\^[^\]]*\]:?"), " ", "^"),  # footnote marks (a footnote's text stays)
    (re.compile(r"<https?://[^>]*>|</?[A-Za-z][^>]*>"), " ", "<"),  # autolinks and HTML tags
    (re.compile(r"\{:?[^}\n]*\}"), " ", "{"),  # attribute lists
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])"), r"\1", "\\"),  # backslash escapes
]
_RULE_LINE = re.compile(r"^[ \t]*(?:[-*_=|:][ \t]*){3,}$", re.MULTILINE)  # rules, table separators
_MARKED_LINE = re.compile(  # a heading, quote, list item, admonition or definition: a unit of its own
    r"^[ \t]*(?:#{1,6}|>+|!!!|\?\?\?|[-*+]|\d+[.)]|:)[ \t]+(.*)$", re.MULTILINE
)
_TABLE_ROW = re.compile(r"^.*\|.*$", re.MULTILINE)
_MARKS = re.compile(r"[*_~`|]+")  # emphasis, code, table cells; kept inside a word (snake_case)
_BLOCK_GAP = re.compile(r"\n[ \t]*\n")
_SENTENCE_PUNCTUATION = ".!?:;"


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to its words, one line of text.

    Markup goes (links and images keep their words, HTML tags and link URLs go); each
    heading, list item and table row, and each paragraph, ends with a full stop when it has
    no closing punctuation, so that it reads, and counts for the reading level, as a
    sentence. Regular expressions only, no Markdown parser: the search index runs this over
    every section of thousands of articles.
    """
    text = markdown_text
    for pattern, repl, marks in _INLINE_RULES:
        if any(mark in text for mark in marks):
            text = pattern.sub(repl, text)
    if any(mark in text for mark in "-*_=|:"):
        text = _RULE_LINE.sub("", text)
    if "|" in text:
        text = _TABLE_ROW.sub(r"\n\n\g<0>\n\n", text)
    text = _MARKED_LINE.sub(r"\n\n\1\n\n", text)
    if any(mark in text for mark in "*_~`|"):
        text = _MARKS.sub(_drop_marks, text)
    units = (" ".join(block.split()) for block in _BLOCK_GAP.split(text))
    return " ".join(u if u[-1] in _SENTENCE_PUNCTUATION else u + "." for u in units if u)



def _drop_marks(match: re.Match[str]) -> str:
    """A space for a run of emphasis or table marks, unless it joins two parts of one word."""
    run, text, start, end = match.group(), match.string, match.start(), match.end()
    if "|" not in run and start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
        return run
    return " "
