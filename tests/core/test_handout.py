"""Handout HTML: header, dates, sources, disclaimer, sections and errors."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from guide.core.content import Library, load_library
from guide.core.handout import (
    DISCLAIMER,
    HandoutError,
    HandoutOptions,
    build_handout_html,
    default_paper,
    print_ready,
)
from guide.core.models import Article
from guide.core.text import split_sections

FIXTURES = Path(__file__).parents[1] / "fixtures" / "library"
HYP = "heart/blood-pressure/hypertension"
TALK = "mental-health/talking-therapy"


class FakeRenderer:
    """Stands in for guide.core.render.Renderer while that module is missing."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def body_html(self, article: Article, sections: Collection[str] | None = None) -> str:
        import markdown

        parts = []
        for s in split_sections(self.library.body(article)):
            if sections is not None and s.slug is not None and s.slug not in sections:
                continue
            if s.title:
                parts.append("#" * s.level + " " + s.title)
            parts.append(s.text)
        html = markdown.markdown("\n\n".join(parts), extensions=["tables"])
        return re.sub(r'href="([^"]+)\.md(#[^"]*)?"', r'href="guide:article/\1\2"', html)


def make_renderer(library: Library) -> Any:
    try:
        from guide.core.render import Renderer
    except ImportError:
        return FakeRenderer(library)
    return Renderer(library)


@pytest.fixture
def library() -> Library:
    return load_library([FIXTURES])


def build(library: Library, ids: list[str], **options: Any) -> str:
    options.setdefault("today", dt.date(2026, 11, 23))
    return build_handout_html(library, make_renderer(library), ids, HandoutOptions(**options))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_handout_has_header_title_summary_sources_dates_and_disclaimer(library: Library) -> None:
    html = build(library, [HYP], clinic_name="Riverside Clinic", clinic_contact="12 River Road")
    text = text_of(html)
    for expected in (
        "Riverside Clinic",
        "12 River Road",
        "High blood pressure",
        "makes the heart work harder",
        "Blood pressure basics",
        "Reviewed 1 March 2024",
        "Review was due 1 March 2025",
        DISCLAIMER,
        "ACE inhibitor",
    ):
        assert expected in text


def test_review_due_in_the_future_is_not_printed(library: Library) -> None:
    html = build(library, [HYP], today=dt.date(2024, 6, 1))
    assert "Reviewed 1 March 2024" in html
    assert "Review was due" not in html


def test_handout_and_reader_agree_that_review_is_due_only_after_the_date(library: Library) -> None:
    """The content format: review_due is "the date after which" the article is out of date."""
    from guide.core.render import Renderer

    article = library.article(HYP)
    assert article is not None and article.review_due == dt.date(2025, 3, 1)
    for today, due in ((dt.date(2025, 3, 1), False), (dt.date(2025, 3, 2), True)):
        handout = build(library, [HYP], today=today)
        page = Renderer(library).article(article, today=today).html
        assert ("Review was due" in handout) is due, today
        assert ("was due for review" in page) is due, today


def test_links_print_as_their_text(library: Library) -> None:
    html = build(library, [HYP])
    assert "<a " not in html
    assert "talking therapy" in html


def test_sections_leave_out_the_others(library: Library) -> None:
    html = build(library, [HYP], sections=("symptoms",))
    assert "no symptoms" in html
    assert "ACE inhibitor" not in html
    assert "same time each day" not in html


def test_several_articles_have_contents_and_page_breaks(library: Library) -> None:
    html = build(library, [HYP, TALK])
    assert "In this handout" in html
    assert html.count("page-break-before: always") == 1  # the contents share page 1 with the first article
    assert html.index("High blood pressure") < html.index("Talking therapy")


@pytest.mark.parametrize(
    ("ids", "sections", "named"),
    [(["nope/missing"], None, "nope/missing"), ([HYP], ("no-such-section",), "no-such-section")],
)
def test_unknown_id_or_section_is_a_clear_error(
    library: Library, ids: list[str], sections: tuple[str, ...] | None, named: str
) -> None:
    with pytest.raises(HandoutError, match=named):
        build(library, ids, sections=sections)


def test_print_ready_drops_network_images_and_widens_tables() -> None:
    html = print_ready(
        '<p><img src="https://x.org/a.png" alt="a"/><a href="guide:article/x">X</a></p><table>'
    )
    assert "https://" not in html
    assert "<a" not in html and "X" in html
    assert '<table width="100%"' in html


@pytest.mark.parametrize(
    ("locale", "paper"),
    [("en_US", "letter"), ("es_MX.UTF-8", "letter"), ("fr_CA", "letter"), ("en_PH", "letter"),
     ("en_GB", "a4"), ("de_DE", "a4"), ("C", "a4"), ("", "a4")],
)  # fmt: skip
def test_default_paper_follows_the_country(locale: str, paper: str) -> None:
    assert default_paper(locale) == paper
