"""The pages of the reading pane around a rendered body: article, topic and welcome.

:mod:`guide.core.render` turns Markdown into sanitized HTML; this module wraps that HTML
in the page a reader sees (title, summary, review line, sources, topic listings). It never
imports ``markdown``: bodies arrive here already rendered and sanitized.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from html import escape

from guide.core.azbar import az_headings, az_listing
from guide.core.dates import format_date, review_overdue
from guide.core.links import make_url
from guide.core.models import Article, Heading, Problem, Rendered, Topic
from guide.core.readability import describe, easier_first
from guide.core.welcome import article_count


def article_page(
    article: Article,
    body_html: str,
    headings: tuple[Heading, ...],
    problems: tuple[Problem, ...],
    today: dt.date | None = None,
    source: str = "",
    translation: str = "",
) -> Rendered:
    """The whole article page: title, summary, where it comes from, review line, body and sources."""
    today = today or dt.date.today()
    parts = [f"<h1>{escape(article.title)}</h1>"]
    if article.summary:
        parts.append(f'<p class="summary">{escape(article.summary)}</p>')
    if source:
        parts.append(f'<p class="meta source">From {escape(source)}</p>')  # a pack, or the top-level topic
    if meta := _review_line(article):
        parts.append(f'<p class="meta">{escape(meta)}</p>')
    if translation:  # HTML made by guide.core.translations: the banner and "Read in: English · Español"
        parts.append(translation)
    if article.review_due is not None and review_overdue(article.review_due, today):
        due = format_date(article.review_due)
        parts.append(
            '<table class="review-due" width="100%" border="0" cellspacing="0" cellpadding="10">'
            f'<tr><td class="review-due">This article was due for review on {due}. '
            "Some details may have changed.</td></tr></table>"
        )
    parts.append(body_html)
    if article.sources:
        items = "".join(f"<li>{_source_html(s)}</li>" for s in article.sources)
        parts.append(
            f'<h2 class="sources" id="guide-sources">Sources</h2><ul class="sources">{items}</ul>'
        )
    return Rendered("\n".join(parts), article.title, headings, problems)


def topic_page(
    topic: Topic,
    intro_html: str,
    headings: tuple[Heading, ...],
    problems: tuple[Problem, ...],
    grades: Mapping[str, float | None] | None = None,
) -> Rendered:
    """A topic page: title, summary, introduction, then its sub-topics and articles.

    With ``grades`` (article id -> reading grade) the articles are listed easier first."""
    parts = [f"<h1>{escape(topic.title)}</h1>"]
    if topic.summary:
        parts.append(f'<p class="summary">{escape(topic.summary)}</p>')
    parts.append(intro_html)
    parts.append(_listing(topic, grades))
    if grades is None:  # the A-Z headings of a long list go into the Contents list too
        headings += tuple(Heading(3, mark, slug) for mark, slug in az_headings(topic.articles))
    return Rendered("\n".join(p for p in parts if p), topic.title, headings, problems)


def welcome_page(root: Topic, library_title: str = "Health guide") -> Rendered:
    """The first page: a greeting, how to search, and the top-level topics."""
    parts = [
        f"<h1>{escape(library_title)}</h1>",
        '<p class="summary">Welcome. Choose a topic below to start reading.</p>',
        "<p>To search, press <b>Ctrl+K</b> and type a word, for example <i>blood pressure</i>.</p>",
    ]
    if not root.children and not root.articles:
        parts.append("<p>There are no articles in this library yet.</p>")
    parts.append(_listing(root))
    return Rendered("\n".join(p for p in parts if p), library_title)


# -- helpers --------------------------------------------------------------------------


def _review_line(article: Article) -> str:
    if article.reviewed is None and not article.reviewed_by:
        return ""
    text = "Reviewed"
    if article.reviewed is not None:
        text += f" {format_date(article.reviewed)}"
    if article.reviewed_by:
        text += f" by {article.reviewed_by}"
    return text


def _source_html(source: str) -> str:
    if re.match(r"^https?://\S+$", source, re.IGNORECASE):
        return f'<a href="{escape(source)}">{escape(source)}</a>'
    return escape(source)


def _plural(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def _entry(kind: str, item_id: str, title: str, summary: str, after_link: str = "") -> str:
    """One list item of a topic page: a link, an optional note, and the summary under it."""
    link = f'<a href="{escape(make_url(kind, item_id))}">{escape(title)}</a>'
    below = f"<br>{escape(summary)}" if summary else ""
    return f"<li>{link}{after_link}{below}</li>"


LISTING_CHUNK = 500  # list items per <ul>: Qt lays out one long list in quadratic time


def _list(css_class: str, items: list[str]) -> str:
    """Items as one <ul>, or several in a row for long lists (20,000 items: 19 s in one, 0.6 s split)."""
    return "".join(
        f'<ul class="{css_class}">{"".join(items[i : i + LISTING_CHUNK])}</ul>'
        for i in range(0, len(items), LISTING_CHUNK)
    )


def _listing(topic: Topic, grades: Mapping[str, float | None] | None = None) -> str:
    parts: list[str] = []
    if topic.children:
        items = [
            _entry("topic", c.id, c.title, c.summary, f' <span class="count">({_plural(article_count(c))})</span>')
            for c in topic.children
        ]
        parts.append(f'<h2 class="listing">Topics</h2>{_list("topics", items)}')
    if topic.articles and grades is not None:
        ordered = easier_first(topic.articles, lambda a: grades.get(a.id))
        items = [
            _entry("article", a.id, a.title, a.summary, f' <span class="count">({describe(grades.get(a.id))})</span>')
            for a in ordered
        ]
        parts.append(f'<h2 class="listing">Articles, easier first</h2>{_list("articles", items)}')
    elif topic.articles:
        by_letter = az_listing(topic.articles, lambda a: _entry("article", a.id, a.title, a.summary), _articles_list)
        items = [] if by_letter else [_entry("article", a.id, a.title, a.summary) for a in topic.articles]
        parts.append(f'<h2 class="listing">Articles</h2>{by_letter or _list("articles", items)}')
    return "\n".join(parts)


def _articles_list(items: list[str]) -> str:
    return _list("articles", items)
