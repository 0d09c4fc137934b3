"""Translations of one article: which articles are the same text in other languages.

An article names its original with ``translation_of: ID``; the original and all of its
translations form one family, offered side by side ("Read in: English · Español").
"""

from __future__ import annotations

from guide.core.content import Library, field_line, read_file
from guide.core.models import Article, Problem


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
            what = "itself" if target == article.id else f"'{target}', which is not an article"
            problems.append(Problem(article.path, line, f"'translation_of' points at {what}", "warning"))
    return problems
