"""The pages of the reading pane around a rendered body: article, topic and welcome.

:mod:`guide.core.render` turns Markdown into sanitized HTML; this module wraps that HTML
in the page a reader sees (title, summary, review line, sources, topic listings). It never
imports ``markdown``: bodies arrive here already rendered and sanitized.

Words: an article page's own lines ("Reviewed …", "Sources", the review notice) are in the
article's language, like its handout; topic and welcome pages are the program talking, in the
interface language given as ``language`` (a plain value: the window passes it in).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from html import escape

from guide.core.azbar import az_headings, az_listing
from guide.core.dates import review_overdue
from guide.core.i18n import format_date, translator
from guide.core.links import make_url
from guide.core.models import Article, Heading, Problem, Rendered, Topic
from guide.core.readability import describe, easier_first
from guide.core.welcome import article_count, article_count_text


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
    _ = translator(article.language)
    parts = [f"<h1>{escape(article.title)}</h1>"]
    if article.summary:
        parts.append(f'<p class="summary">{escape(article.summary)}</p>')
    if source:  # a pack, or the top-level topic
        said = escape(_("From {source}").format(source=source))
        parts.append(f'<p class="meta source">{said}</p>')
    if meta := _review_line(article):
        parts.append(f'<p class="meta">{escape(meta)}</p>')
    if translation:  # HTML made by guide.core.translations: the banner and "Read in: English · Español"
        parts.append(translation)
    if article.review_due is not None and review_overdue(article.review_due, today):
        due = format_date(article.review_due, article.language)
        notice = _("This article was due for review on {date}. Some details may have changed.").format(date=due)
        parts.append(
            '<table class="review-due" width="100%" border="0" cellspacing="0" cellpadding="10">'
            f'<tr><td class="review-due">{escape(notice)}</td></tr></table>'
        )
    parts.append(body_html)
    if article.sources:
        items = "".join(f"<li>{_source_html(s)}</li>" for s in article.sources)
        heading = escape(_("Sources"))
        parts.append(f'<h2 class="sources" id="guide-sources">{heading}</h2><ul class="sources">{items}</ul>')
    return Rendered("\n".join(parts), article.title, headings, problems)


def topic_page(
    topic: Topic,
    intro_html: str,
    headings: tuple[Heading, ...],
    problems: tuple[Problem, ...],
    grades: Mapping[str, float | None] | None = None,
    language: str = "en",
) -> Rendered:
    """A topic page: title, summary, introduction, then its sub-topics and articles.

    With ``grades`` (article id -> reading grade) the articles are listed easier first; the
    listing's words ("Topics", "3 articles", "Jump to:") are in the interface ``language``."""
    parts = [f"<h1>{escape(topic.title)}</h1>"]
    if topic.summary:
        parts.append(f'<p class="summary">{escape(topic.summary)}</p>')
    parts.append(intro_html)
    parts.append(_listing(topic, grades, language))
    if grades is None:  # the A-Z headings of a long list go into the Contents list too
        headings += tuple(Heading(3, mark, slug) for mark, slug in az_headings(topic.articles))
    return Rendered("\n".join(p for p in parts if p), topic.title, headings, problems)


def welcome_page(root: Topic, library_title: str = "", language: str = "en") -> Rendered:
    """The first page: a greeting, how to search, and the top-level topics (interface ``language``)."""
    _ = translator(language)
    library_title = library_title or _("Health guide")
    example = escape(_("blood pressure"))
    search = escape(_("To search, press {key} and type a word, for example {example}.")).format(
        key="<b>Ctrl+K</b>", example=f"<i>{example}</i>"
    )
    welcome = escape(_("Welcome. Choose a topic below to start reading."))
    parts = [f"<h1>{escape(library_title)}</h1>", f'<p class="summary">{welcome}</p>', f"<p>{search}</p>"]
    if not root.children and not root.articles:
        empty = escape(_("There are no articles in this library yet."))
        parts.append(f"<p>{empty}</p>")
    parts.append(_listing(root, None, language))
    return Rendered("\n".join(p for p in parts if p), library_title)


# -- helpers --------------------------------------------------------------------------


def _review_line(article: Article) -> str:
    """ "Reviewed 1 March 2024 by Dr A", in the article's language."""
    if article.reviewed is None and not article.reviewed_by:
        return ""
    _ = translator(article.language)
    if article.reviewed is None:
        return _("Reviewed by {who}").format(who=article.reviewed_by)
    date = format_date(article.reviewed, article.language)
    if article.reviewed_by:
        return _("Reviewed {date} by {who}").format(date=date, who=article.reviewed_by)
    return _("Reviewed {date}").format(date=date)


def _source_html(source: str) -> str:
    if re.match(r"^https?://\S+$", source, re.IGNORECASE):
        return f'<a href="{escape(source)}">{escape(source)}</a>'
    return escape(source)


def _plural(count: int, language: str = "en") -> str:
    return article_count_text(count, language)


def _count(text: str) -> str:
    """ " (3 articles)" after a link in a listing."""
    return f' <span class="count">({escape(text)})</span>'


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


def _listing(topic: Topic, grades: Mapping[str, float | None] | None = None, language: str = "en") -> str:
    _ = translator(language)
    parts: list[str] = []
    if topic.children:
        items = [
            _entry("topic", c.id, c.title, c.summary, _count(_plural(article_count(c), language)))
            for c in topic.children
        ]
        heading = escape(_("Topics"))
        parts.append(f'<h2 class="listing">{heading}</h2>{_list("topics", items)}')
    if topic.articles and grades is not None:
        ordered = easier_first(topic.articles, lambda a: grades.get(a.id))
        items = [
            _entry("article", a.id, a.title, a.summary, _count(describe(grades.get(a.id), language)))
            for a in ordered
        ]
        heading = escape(_("Articles, easier first"))
        parts.append(f'<h2 class="listing">{heading}</h2>{_list("articles", items)}')
    elif topic.articles:
        by_letter = az_listing(
            topic.articles, lambda a: _entry("article", a.id, a.title, a.summary), _articles_list, language
        )
        items = [] if by_letter else [_entry("article", a.id, a.title, a.summary) for a in topic.articles]
        heading = escape(_("Articles"))
        parts.append(f'<h2 class="listing">{heading}</h2>{by_letter or _list("articles", items)}')
    return "\n".join(parts)


def _articles_list(items: list[str]) -> str:
    return _list("articles", items)
