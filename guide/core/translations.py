"""Translations of one article: which articles are the same text in other languages.

An article names its original with ``translation_of: ID``; the original and all of its
translations form one family, offered side by side ("Read in: English · Español").
"""

from __future__ import annotations

from html import escape

from guide.core.content import Library, field_line, read_file
from guide.core.i18n import N_, translator
from guide.core.languages import autonym
from guide.core.links import make_url
from guide.core.models import Article, Problem

UNREVIEWED_TRANSLATION = N_("This translation has not yet been reviewed by a health professional.")


def family(library: Library, article: Article) -> list[Article]:
    """The article, its original and the original's other translations, original first, then by
    language; just ``[article]`` when it has no translations."""
    original = library.article(article.translation_of) if article.translation_of else article
    if original is None:
        return [article]
    others = [a for a in library.articles() if a.translation_of == original.id and a.id != original.id]
    members = [original, *sorted(others, key=lambda a: (a.language, a.id))]
    if article not in members:
        members.append(article)
    return members if len(members) > 1 else [article]


def translation_problems(library: Library) -> list[Problem]:
    """A warning (at the line of ``translation_of``) for each translation that points at no article."""
    problems = []
    for article in library.articles():
        target = article.translation_of
        if target and (target == article.id or library.article(target) is None):
            text, _ = read_file(article.path)
            line = field_line(article.path, text, "translation_of")
            if target == article.id:
                message = N_("'translation_of' points at itself")
            else:
                message = N_("'translation_of' points at '{target}', which is not an article").format(target=target)
            problems.append(Problem(article.path, line, message, "warning"))
    return problems


def translation_html(library: Library, article: Article) -> str:
    """For the article page, in the article's language: the banner of a translation not yet
    reviewed, and "Read in: English · Español" when the article has translations."""
    _ = translator(article.language)
    parts = []
    if article.unreviewed_translation:
        text = escape(_(UNREVIEWED_TRANSLATION))
        parts.append(
            '<table class="unreviewed-translation" width="100%" border="0" cellspacing="0" cellpadding="10">'
            f'<tr><td class="unreviewed-translation">{text}</td></tr></table>'
        )
    members = family(library, article)
    if len(members) > 1:
        links = []
        for member in members:
            name = escape(autonym(member.language))
            if member.id == article.id:
                links.append(f"<b>{name}</b>")
            else:
                title = escape(member.title, quote=True)
                links.append(f'<a href="{escape(make_url("article", member.id))}" title="{title}">{name}</a>')
        read_in = escape(_("Read in:"))
        parts.append(f'<p class="read-in">{read_in} {" · ".join(links)}</p>')
    return "".join(parts)
