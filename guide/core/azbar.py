"""An A–Z jump bar for a topic with many articles: a row of letter links and a heading per letter.

A topic of 2,684 articles is a page a nurse would otherwise scroll through for minutes; the
bar at its top jumps to the first article of a letter (``#letter-m``), and each letter's
heading starts a list of its own, which Qt lays out quickly (see ``render.LISTING_CHUNK``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise

from guide.core.i18n import translator
from guide.core.models import Article

AZ_MIN_ARTICLES = 60  # fewer fit on a few screens: no bar
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
OTHER = "#"  # titles that start with a digit or a letter outside A–Z


def letter(title: str) -> str:
    """The A–Z letter a title is filed under (accents dropped), or "#"."""
    for ch in title:
        if ch.isalnum():
            base = unicodedata.normalize("NFKD", ch)[0].upper()
            return base if "A" <= base <= "Z" else OTHER
    return OTHER


def anchor(mark: str) -> str:
    return "letter-other" if mark == OTHER else f"letter-{mark.lower()}"


def az_headings(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """(letter, anchor) of each heading :func:`az_listing` makes for these articles, for a contents list."""
    if len(articles) < AZ_MIN_ARTICLES:
        return []
    marks = [letter(a.title) for a in articles]
    if not _in_order(marks):
        return []
    return [(m, anchor(m)) for m in [OTHER, *LETTERS] if m in set(marks)]


def _in_order(marks: list[str]) -> bool:
    order = {m: n for n, m in enumerate([OTHER, *LETTERS])}
    return all(order[a] <= order[b] for a, b in pairwise(marks))


def az_listing(
    articles: Sequence[Article],
    entry: Callable[[Article], str],
    as_list: Callable[[list[str]], str],
    language: str = "en",
) -> str:
    """The bar and the articles under a heading per letter; "" when the list is short or not in title order."""
    if len(articles) < AZ_MIN_ARTICLES:
        return ""
    marks = [letter(a.title) for a in articles]
    if not _in_order(marks):
        return ""  # listed by an order of their own, not by title: letters would jump about
    groups: dict[str, list[str]] = {}
    for mark, article in zip(marks, articles, strict=True):
        groups.setdefault(mark, []).append(entry(article))
    links = [
        f'<a href="#{anchor(m)}">{escape(m)}</a>' if m in groups else f'<span class="az-empty">{escape(m)}</span>'
        for m in ([OTHER] if OTHER in groups else []) + LETTERS
    ]
    _ = translator(language)
    jump = escape(_("Jump to:"))
    bar = f'<p class="az" id="letters">{jump} {" ".join(links)}</p>'
    sections = [
        f'<h3 class="az" id="{anchor(m)}">{escape(m)}</h3>{as_list(groups[m])}'
        for m in [OTHER, *LETTERS]
        if m in groups
    ]
    return bar + "".join(sections)
