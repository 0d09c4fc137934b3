"""Handouts: one HTML document (clinic header, articles, sources, dates) ready for printing."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from guide.core.content import Library
from guide.core.models import Article
from guide.core.render import Renderer
from guide.core.text import split_sections

DISCLAIMER = "This handout does not replace advice from your health worker."
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
    paper: str = "a4"  # "a4" or "letter"
    clinic_name: str = ""
    clinic_contact: str = ""
    clinic_logo: str = ""  # path of an image file, "" for none
    today: dt.date | None = None  # the print date; None for today


def default_paper(locale_name: str) -> str:
    """ "letter" where that paper is usual (US, Canada, Mexico, the Philippines …), else "a4"."""
    country = re.split(r"[_\-.@]", locale_name)[1:2]
    return "letter" if country and country[0].upper() in LETTER_COUNTRIES else "a4"


def format_date(value: dt.date) -> str:
    """ "1 March 2024", without a locale-dependent month name."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
    return f"{value.day} {months[value.month - 1]} {value.year}"


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
        raise HandoutError("no article chosen for the handout")
    articles = []
    for article_id in article_ids:
        article = library.article(article_id)
        if article is None:
            raise HandoutError(f"unknown article id {article_id!r}")
        articles.append(article)
    return articles


def check_sections(library: Library, articles: Sequence[Article], sections: Sequence[str]) -> None:
    """Every slug must name a section of at least one of the articles."""
    known = {s.slug for a in articles for s in split_sections(library.body(a)) if s.slug}
    for slug in sections:
        if slug not in known:
            raise HandoutError(
                f"unknown section {slug!r}; sections are: {', '.join(sorted(known)) or 'none'}"
            )


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
    return bool(article.review_due and article.review_due <= today)


def _reviewed_line(article: Article, today: dt.date) -> str:
    if not article.reviewed:
        return ""
    who = f" by {html.escape(article.reviewed_by)}" if article.reviewed_by else ""
    return f'<p class="reviewed">Reviewed {format_date(article.reviewed)}{who}.</p>'


def _review_box(article: Article, today: dt.date) -> str:
    """The review-due warning, boxed under the title as the reader's banner is (not small print at the end)."""
    if not _review_overdue(article, today) or article.review_due is None:
        return ""
    return (
        '<table class="review-due" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f'<tr><td class="review-due"><b>Review was due {format_date(article.review_due)}.</b> '
        "Some details may have changed: check with your health worker.</td></tr></table>"
    )


def _due_note(article: Article, today: dt.date) -> str:
    if not _review_overdue(article, today) or article.review_due is None:
        return ""
    return f' <span class="due">(review was due {format_date(article.review_due)})</span>'


def _sources(article: Article) -> str:
    if not article.sources:
        return ""
    items = "".join(f'<li class="source">{html.escape(s)}</li>' for s in article.sources)
    return f'<h2 class="sources">Sources</h2><ul class="sources">{items}</ul>'


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
        f'<h1 class="title">{html.escape(article.title)}</h1>{_review_box(article, today)}{summary}'
        f'<div class="body">{body}</div>{_sources(article)}{_reviewed_line(article, today)}'
    )


def build_handout_html(
    library: Library, renderer: Renderer, article_ids: Sequence[str], options: HandoutOptions
) -> str:
    """The whole handout as one HTML document; raises HandoutError for unknown ids or sections."""
    articles = resolve_articles(library, article_ids)
    if options.sections is not None:
        check_sections(library, articles, options.sections)
    today = options.today or dt.date.today()
    header = _header(options)
    disclaimer = f'<p class="disclaimer">{DISCLAIMER}</p>'
    pages: list[str] = []
    if len(articles) > 1:
        # the list of contents shares page 1 with the first article: a page of its own was nearly empty
        items = "".join(f"<li>{html.escape(a.title)}{_due_note(a, today)}</li>" for a in articles)
        pages.append(f'{header}<p class="contents-title">In this handout</p><ol class="contents">{items}</ol><hr />')
        for number, article in enumerate(articles):
            style = ' style="page-break-before: always"' if number else ""
            pages.append(
                f'<div class="article"{style}>'
                f"{_article_html(library, renderer, article, options, today)}{disclaimer}</div>"
            )
    else:
        pages.append(f"{header}{_article_html(library, renderer, articles[0], options, today)}{disclaimer}")
    title = html.escape(articles[0].title if len(articles) == 1 else "Handout")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8" /><title>{title}</title></head>'
        f"<body>{''.join(pages)}</body></html>"
    )
