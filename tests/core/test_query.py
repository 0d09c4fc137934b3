"""Query text: words, filler, phrases, exclusions, prefixes, and text for the index."""

from __future__ import annotations

from guide.core.search.query import Part, content_words, key, parse, snippet, tokenize, unparse
from guide.core.search.thesaurus import Thesaurus, load_default, parse_lines


def test_tokens_keep_short_and_numeric_words() -> None:
    assert tokenize("Type 2 diabetes, B12, HbA1c and CAR-T; Alzheimer's") == [
        "type",
        "2",
        "diabetes",
        "b12",
        "hba1c",
        "and",
        "car",
        "t",
        "alzheimers",
    ]


def test_filler_words_are_dropped_but_kinds_are_kept() -> None:
    assert content_words(tokenize("what is (are) hepatitis a")) == ["hepatitis", "a"]
    assert content_words(tokenize("how do I know if my type 2 diabetes")) == ["type", "2", "diabetes"]
    assert content_words(tokenize("what is a stroke")) == ["stroke"]


def test_keys_compare_titles_and_queries() -> None:
    assert key("What is (are) Kidney Stones?") == key("kidney stone")
    assert key("Hepatitis A") != key("Hepatitis")


def test_parse_finds_phrases_exclusions_and_prefixes() -> None:
    parsed = parse('"blood pressure" -salt diab* heart')
    assert parsed.parts == (
        Part(("blood", "pressure"), "phrase"),
        Part(("salt",), "word", True),
        Part(("diab",), "prefix"),
        Part(("heart",), "word"),
    )
    assert unparse(parsed.parts) == '"blood pressure" -salt diab* heart'


def test_parse_survives_odd_input() -> None:
    assert parse('"unbalanced quote').parts == (Part(("unbalanced", "quote"), "phrase"),)
    assert parse("!!!").message and not parse("!!!").parts
    assert parse("-salt").message  # only exclusions
    assert len(parse("word " * 5000).parts) <= 32
    assert parse("a\x00b\x1bc").parts


def test_snippet_highlights_and_escapes() -> None:
    text = "Intro. " * 60 + "Fever & <chills> come first. " + "More. " * 60
    html = snippet(text, lambda w: w in {"fever", "chills"})
    assert "<b>Fever</b> &amp; &lt;<b>chills</b>&gt;" in html
    assert html.startswith("…") and html.endswith("…") and len(html) < 320


def test_thesaurus_matches_longest_terms_ignoring_filler_and_plurals() -> None:
    thesaurus = Thesaurus(
        parse_lines(["ringing in the ears | tinnitus  # a comment", "ear | auricle", "# only"])
    )
    (match,) = thesaurus.matches(content_words(tokenize("ringing in my ear")))
    assert ("tinnitus",) in match.alternatives
    assert thesaurus.alternatives(["auricles"]) == (("ear",),)


def test_the_shipped_thesaurus_loads_and_is_large() -> None:
    thesaurus = load_default()
    assert len(thesaurus) >= 300
    assert ("hypertension",) in thesaurus.alternatives(["high", "blood", "pressure"])
    assert ("myocardial", "infarction") in thesaurus.alternatives(["heart", "attack"])
