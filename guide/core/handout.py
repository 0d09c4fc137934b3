"""Handouts: one HTML document (clinic header, articles, sources, dates) ready for printing."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from guide.core import i18n
from guide.core.content import Library
from guide.core.dates import review_overdue
from guide.core.i18n import N_
from guide.core.models import Article
from guide.core.render import Renderer
from guide.core.text import split_sections
from guide.core.translations import UNREVIEWED_TRANSLATION

DISCLAIMER = N_("This handout does not replace advice from your health worker.")

LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "GT", "CR", "SV", "NI", "PA", "DO"}
)

_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_REMOTE_IMG = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.IGNORECASE)
_TABLE = re.compile(r"<table\b([^>]*)>", re.IGNORECASE)
_TABLE_ATTRS = (("width", "100%"), ("border", "1"), ("cellspacing", "0"), ("cellpadding", "4"))


class HandoutError(ValueError):
    """An article id or section slug that does not exist."""


@dataclass(frozen=True)
class HandoutOptions:
    """What the user chose for one handout."""

    sections: tuple[str, ...] | None = None  # section slugs; None for the whole article
    large_print: bool = False
    paper: str = "a4"  # a key of settings.PAPER_SIZES
    clinic_name: str = ""
    clinic_contact: str = ""
    clinic_logo: str = ""  # path of an image file, "" for none
    today: dt.date | None = None  # the print date; None for today
    # Facts of the articles, not choices: filled by ``for_articles`` so the page footers follow them.
    language: str = "en"  # the handout's words (dates, "Page 1 of 2", disclaimer) follow the articles'
    unreviewed_translation: bool = False  # every page says the translation is not reviewed yet


def for_articles(library: Library, article_ids: Sequence[str], options: HandoutOptions) -> HandoutOptions:
    """The options with the language and translation facts of the articles (the first one's
    language when they differ); unknown ids are left for ``build_handout_html`` to report."""
    articles = [a for a in (library.article(i) for i in article_ids) if a is not None]
    if not articles:
        return options
    unreviewed = any(a.unreviewed_translation for a in articles)
    return replace(options, language=articles[0].language, unreviewed_translation=unreviewed)


def footer_texts(options: HandoutOptions, page: int, pages: int) -> tuple[str, str, str]:
    """The footer of one page, in the handout's language: ("Printed 1 March 2024", "Page 1 of 2",
    the unreviewed-translation line or "")."""
    _ = i18n.translator(options.language)
    printed = _("Printed {date}").format(date=format_date(options.today or dt.date.today(), options.language))
    numbers = _("Page {page} of {pages}").format(page=page, pages=pages)
    return printed, numbers, _(UNREVIEWED_TRANSLATION) if options.unreviewed_translation else ""


def default_paper(locale_name: str) -> str:
    """ "letter" where that paper is usual (US, Canada, Mexico, the Philippines …), else "a4"."""
    country = re.split(r"[_\-.@]", locale_name)[1:2]
    return "letter" if country and country[0].upper() in LETTER_COUNTRIES else "a4"


def format_date(value: dt.date, language: str = "en") -> str:
    """ "1 March 2024", "1 de marzo de 2024": month names from the catalogs, not the system locale."""
    return i18n.format_date(value, language)


def print_ready(body: str) -> str:
    """Links become their text, network images are dropped, tables take the page width."""
    body = _LINK.sub(r"\1", body)
    body = _REMOTE_IMG.sub("", body)
    return _TABLE.sub(_full_width_table, body)


def _full_width_table(match: re.Match[str]) -> str:
    """Tables take the page width (cells wrap, nothing is cut off) and keep their borders."""
    attrs = re.sub(r"\s*\bwidth\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)", "", match.group(1))
    for name, value in _TABLE_ATTRS:
        if name == "width" or not re.search(rf"\b{name}\s*=", attrs):
            attrs += f' {name}="{value}"'
    return f"<table{attrs}>"


def resolve_articles(library: Library, article_ids: Sequence[str]) -> list[Article]:
    if not article_ids:
        raise HandoutError(N_("no article chosen for the handout"))
    articles = []
    for article_id in article_ids:
        article = library.article(article_id)
        if article is None:
            raise HandoutError(N_("unknown article id {article_id}").format(article_id=repr(article_id)))
        articles.append(article)
    return articles


def check_sections(library: Library, articles: Sequence[Article], sections: Sequence[str]) -> None:
    """Every slug must name a section of at least one of the articles."""
    known = {s.slug for a in articles for s in split_sections(library.body(a)) if s.slug}
    for slug in sections:
        if slug not in known:
            sections = ", ".join(sorted(known)) or N_("none")
            message = N_("unknown section {slug}; sections are: {sections}").format(slug=repr(slug), sections=sections)
            raise HandoutError(message)


def _header(options: HandoutOptions) -> str:
    parts = []
    if options.clinic_logo:
        parts.append('<img class="logo" src="guide:logo" height="56" alt="" />')
    if options.clinic_name:
        parts.append(f'<p class="clinic-name">{html.escape(options.clinic_name)}</p>')
    if options.clinic_contact:
        parts.append(f'<p class="clinic-contact">{html.escape(options.clinic_contact)}</p>')
    if not parts:
        return ""
    return '<div class="clinic">' + "".join(parts) + "</div><hr />"


def _review_overdue(article: Article, today: dt.date) -> bool:
    return review_overdue(article.review_due, today)  # the one rule, shared with the reader's banner


def _words(article: Article) -> Callable[[str], str]:
    """``_`` in the article's language."""
    return i18n.translator(article.language)


def _reviewed_line(article: Article, today: dt.date) -> str:
    if not article.reviewed:
        return ""
    _ = _words(article)
    date = format_date(article.reviewed, article.language)
    if article.reviewed_by:
        text = _("Reviewed {date} by {who}.").format(date=date, who=article.reviewed_by)
    else:
        text = _("Reviewed {date}.").format(date=date)
    return f'<p class="reviewed">{html.escape(text)}</p>'


def _review_box(article: Article, today: dt.date) -> str:
    """The review-due warning, boxed under the title as the reader's banner is (not small print at the end)."""
    if not _review_overdue(article, today) or article.review_due is None:
        return ""
    _ = _words(article)
    due = _("Review was due {date}.").format(date=format_date(article.review_due, article.language))
    changed = _("Some details may have changed: check with your health worker.")
    return (
        '<table class="review-due" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f'<tr><td class="review-due"><b>{html.escape(due)}</b> {html.escape(changed)}</td></tr></table>'
    )


def _unreviewed_box(article: Article) -> str:
    """Under the title of a translation not yet reviewed (every page's footer says it too)."""
    if not article.unreviewed_translation:
        return ""
    text = html.escape(_words(article)(UNREVIEWED_TRANSLATION))
    return (
        '<table class="unreviewed-translation" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f'<tr><td class="unreviewed-translation"><b>{text}</b></td></tr></table>'
    )


def _due_note(article: Article, today: dt.date) -> str:
    if not _review_overdue(article, today) or article.review_due is None:
        return ""
    note = _words(article)(N_("(review was due {date})")).format(date=format_date(article.review_due, article.language))
    return f' <span class="due">{html.escape(note)}</span>'


def _sources(article: Article) -> str:
    if not article.sources:
        return ""
    items = "".join(f'<li class="source">{html.escape(s)}</li>' for s in article.sources)
    heading = html.escape(_words(article)(N_("Sources")))
    return f'<h2 class="sources">{heading}</h2><ul class="sources">{items}</ul>'


def _article_html(
    library: Library, renderer: Renderer, article: Article, options: HandoutOptions, today: dt.date
) -> str:
    sections = None
    if options.sections is not None:
        own = {s.slug for s in split_sections(library.body(article)) if s.slug}
        sections = [s for s in options.sections if s in own]
    body = print_ready(renderer.body_html(article, sections))
    summary = f'<p class="summary">{html.escape(article.summary)}</p>' if article.summary else ""
    return (
        f'<h1 class="title">{html.escape(article.title)}</h1>{_unreviewed_box(article)}'
        f"{_review_box(article, today)}{summary}"
        f'<div class="body">{body}</div>{_sources(article)}{_reviewed_line(article, today)}'
    )


def _disclaimer(article: Article) -> str:
    return f'<p class="disclaimer">{html.escape(_words(article)(DISCLAIMER))}</p>'


def build_handout_html(
    library: Library, renderer: Renderer, article_ids: Sequence[str], options: HandoutOptions
) -> str:
    """The whole handout as one HTML document; raises HandoutError for unknown ids or sections.

    Each article's words (dates, disclaimer, review notes) are in that article's language; the
    contents list is in the first article's.
    """
    articles = resolve_articles(library, article_ids)
    if options.sections is not None:
        check_sections(library, articles, options.sections)
    today = options.today or dt.date.today()
    header = _header(options)
    first = articles[0]
    pages: list[str] = []
    if len(articles) > 1:
        # the list of contents shares page 1 with the first article: a page of its own was nearly empty
        items = "".join(f"<li>{html.escape(a.title)}{_due_note(a, today)}</li>" for a in articles)
        heading = html.escape(_words(first)(N_("In this handout")))
        pages.append(f'{header}<p class="contents-title">{heading}</p><ol class="contents">{items}</ol><hr />')
        for number, article in enumerate(articles):
            style = ' style="page-break-before: always"' if number else ""
            pages.append(
                f'<div class="article"{style}>'
                f"{_article_html(library, renderer, article, options, today)}{_disclaimer(article)}</div>"
            )
    else:
        pages.append(f"{header}{_article_html(library, renderer, first, options, today)}{_disclaimer(first)}")
    title = html.escape(first.title if len(articles) == 1 else _words(first)(N_("Handout")))
    lang = html.escape(first.language, quote=True)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8" /><title>{title}</title></head>'
        f"<body>{''.join(pages)}</body></html>"
    )
