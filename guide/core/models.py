"""Plain values that cross module boundaries: articles, topics, problems, hits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a content file, pointing at the line to fix."""

    path: Path
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One article's metadata; the body is read on demand with ``Library.body``."""

    id: str  # path relative to its root without ".md", "/"-separated
    path: Path  # absolute path of the .md file
    root: Path  # absolute path of the content root it came from
    title: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    review_due: dt.date | None = None
    reviewed_by: str = ""
    sources: tuple[str, ...] = ()
    language: str = "en"
    order: int | None = None
    body_line: int = 1  # 1-based line of the file where the body starts
    translation_of: str = ""  # id of the article this one translates; "" for an original
    translation_reviewed: bool | None = None  # False: a translation no health professional has checked yet

    @property
    def unreviewed_translation(self) -> bool:
        """A translation whose front matter says ``translation_reviewed: false``."""
        return self.translation_reviewed is False

    @property
    def topic_id(self) -> str:
        """The id of the topic (folder) holding this article; "" for the root."""
        return self.id.rpartition("/")[0]


@dataclass(frozen=True)
class Topic:
    """A folder of articles; the root topic has the id ""."""

    id: str
    title: str
    summary: str = ""
    order: int | None = None
    intro: str = ""  # Markdown body of index.md
    index_path: Path | None = None
    root: Path | None = None  # root of the index.md, for resolving its links
    children: tuple[Topic, ...] = ()
    articles: tuple[Article, ...] = ()


@dataclass(frozen=True)
class Section:
    """A part of an article body: the text before the first heading, or one heading's part."""

    slug: str | None  # anchor of the heading; None for the lead before any heading
    title: str | None  # heading text; None for the lead
    level: int  # 2 for ##, 3 for ###; 0 for the lead
    text: str  # Markdown of the section without its heading line
    line: int  # 1-based line in the body where the section starts


@dataclass(frozen=True)
class Heading:
    """A heading of a rendered page, for a contents list."""

    level: int
    text: str
    slug: str


@dataclass(frozen=True)
class Rendered:
    """Sanitized HTML for the reading pane, with its contents and any link problems."""

    html: str
    title: str
    headings: tuple[Heading, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """One article found by a search, at its best matching section."""

    id: str
    title: str
    section: str | None  # heading text of the best section, None for the lead
    anchor: str | None  # slug of that section, None for the lead
    score: float
    snippet: str  # HTML: escaped text with matched words in <b>…</b>
    terms: tuple[str, ...] = ()  # words to highlight in the opened page
    source: str = ""  # where the article comes from (a pack's title), when several sources are searched


def hit_to_json(hit: SearchHit) -> dict[str, Any]:
    """A hit as a JSON-ready dict for the CLI."""
    return {
        "id": hit.id,
        "title": hit.title,
        "section": hit.section,
        "anchor": hit.anchor,
        "score": round(hit.score, 4),
        "snippet": hit.snippet,
        "terms": list(hit.terms),
        **({"source": hit.source} if hit.source else {}),
    }


@dataclass(frozen=True)
class SearchResults:
    """What a search returns: hits, a spelling correction and a message for odd queries."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    corrected: str | None = None  # the query actually searched, when spelling was corrected
    message: str | None = None  # a helpful note ("Type a word to search") instead of an error


@dataclass(frozen=True)
class Suggestion:
    """A title or alias offered under the search box while typing."""

    text: str  # what is shown
    id: str  # article it opens


@dataclass(frozen=True)
class IndexReport:
    """What an index update did, for the one-line summary."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    rebuilt: bool = False
    seconds: float = 0.0
    location: Path | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)  # e.g. "index was unreadable; rebuilt"
    shipped: bool = False  # the index shipped with the app was used in place, as it is
