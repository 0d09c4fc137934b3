"""Heading slugs, sections and plain text, which rendering, search and reading levels share."""

from __future__ import annotations

from guide.core.text import plain_text, slugify, split_sections


def test_slugify_matches_python_markdown_rules() -> None:
    assert slugify("What is (are) Hyperglycemia ?") == "what-is-are-hyperglycemia"
    assert slugify("Café & Crème") == "cafe-creme"


def test_sections_split_at_level_two_and_three_with_unique_slugs() -> None:
    body = "# Title\n\nLead text.\n\n## Signs\nA\n\n### At home\nB\n\n## Signs\nC\n"
    sections = split_sections(body)
    assert [s.slug for s in sections] == [None, "signs", "at-home", "signs_1"]
    assert sections[0].text == "Lead text."
    assert sections[2].level == 3 and sections[2].text == "B"


def test_headings_inside_code_fences_are_not_sections() -> None:
    body = "Intro\n\n```\n## not a heading\n```\n\n## Real {#custom}\nText\n"
    sections = split_sections(body)
    assert [s.slug for s in sections] == [None, "custom"]
    assert sections[1].title == "Real"


def test_plain_text_strips_markdown_and_ends_each_unit_as_a_sentence() -> None:
    md = "## Head\n\n- **Bold** [link](x.md) ![alt text](i.png)\n\n| a | b |\n|---|---|\n\\*star <b>tag</b>"
    assert plain_text(md) == "Head. Bold link alt text. a b. star tag."


def test_plain_text_keeps_words_and_drops_urls() -> None:
    md = "See [the nurse][n] about snake_case notes.[^1]\n\n[n]: https://example.org/nurse\n\n[^1]: Ask first.\n"
    assert plain_text(md) == "See the nurse about snake_case notes. Ask first."


def test_one_plain_text_serves_search_and_reading_levels() -> None:
    import guide.core.readability as readability
    import guide.core.search.engine as engine
    import guide.core.search.query as query

    assert readability.plain_text is plain_text and engine.plain_text is plain_text
    assert not hasattr(query, "plain_text")
