"""The welcome page: the topics as cards with their article counts, then the articles read
lately and the bookmarks. The large search field above it is a widget (guide.ui.main_window).

Kept apart from the article and topic pages so the welcome page can change on its own. Cards
are cells of a table because QTextBrowser draws borders and backgrounds on table cells only.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from guide.core.i18n import translations, translator
from guide.core.links import make_url
from guide.core.models import Article, Rendered, Topic

CARD_COLUMNS = 3


def article_count(topic: Topic) -> int:
    """Articles in a topic and all its sub-topics (without recursion: topics may nest deep)."""
    count, stack = 0, [topic]
    while stack:
        current = stack.pop()
        count += len(current.articles)
        stack.extend(current.children)
    return count


def article_count_text(count: int, language: str = "en") -> str:
    """ "1 article", "3 articles" ("3 artículos") in a language, by its plural rule."""
    return translations(language).ngettext("{count} article", "{count} articles", count).format(count=count)


def search_example(root: Topic, articles: Sequence[Article], preferred: str = "blood pressure") -> str:
    """Words to show as an example in the welcome search field that find something in this library:
    ``preferred`` if an article title has it, else the first topic with articles, in lower case
    (the bundled guide has no blood pressure article: its example found only cancer articles)."""
    if any(preferred in article.title.lower() for article in articles):
        return preferred
    for topic in root.children:
        if article_count(topic):
            return topic.title.lower()
    return preferred


def _card(topic: Topic, language: str) -> str:
    count = article_count_text(article_count(topic), language)
    summary = f'<br><span class="card-summary">{escape(topic.summary)}</span>' if topic.summary else ""
    return (
        f'<td class="card" width="{100 // CARD_COLUMNS}%">'
        f'<a class="card-title" href="{escape(make_url("topic", topic.id))}">{escape(topic.title)}</a>'
        f'<br><span class="count">{escape(count)}</span>{summary}</td>'
    )


def _cards(topics: Sequence[Topic], language: str) -> str:
    rows = []
    for start in range(0, len(topics), CARD_COLUMNS):
        cells = [_card(t, language) for t in topics[start : start + CARD_COLUMNS]]
        cells += ['<td class="card-empty"></td>'] * (CARD_COLUMNS - len(cells))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="cards" width="100%" border="0" cellspacing="8" cellpadding="12">'
        f"{''.join(rows)}</table>"
    )


def _articles(css_class: str, heading: str, articles: Sequence[Article]) -> str:
    if not articles:
        return ""
    items = "".join(
        f'<li><a href="{escape(make_url("article", a.id))}">{escape(a.title)}</a></li>' for a in articles
    )
    return f'<h2 class="listing">{escape(heading)}</h2><ul class="{css_class}">{items}</ul>'


def welcome_page(
    root: Topic,
    recent: Sequence[Article] = (),
    bookmarked: Sequence[Article] = (),
    library_title: str = "",
    language: str = "en",
) -> Rendered:
    """The first page: topic cards, recently read articles, bookmarks, and any top-level articles,
    in the interface ``language``."""
    _ = translator(language)
    library_title = library_title or _("Health guide")
    hint = escape(_("Type in the search field above, or choose a topic."))
    parts = [f"<h1>{escape(library_title)}</h1>", f'<p class="summary">{hint}</p>']
    if not root.children and not root.articles:
        empty = escape(_("There are no articles in this library yet."))
        parts.append(f"<p>{empty}</p>")
    if root.children:
        topics = escape(_("Topics"))
        parts.append(f'<h2 class="listing">{topics}</h2>{_cards(root.children, language)}')
    parts.append(_articles("recent", _("Recently read"), recent))
    parts.append(_articles("bookmarks", _("Bookmarks"), bookmarked))
    parts.append(_articles("articles", _("Articles"), root.articles))
    return Rendered("\n".join(p for p in parts if p), library_title)
