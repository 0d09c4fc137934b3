"""Heading slugs and sections, which rendering and search must agree on."""

from __future__ import annotations

from guide.core.text import slugify, split_sections


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
