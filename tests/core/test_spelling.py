"""Spelling corrections and suggestions."""

from __future__ import annotations

from guide.core.search.spelling import Speller, Suggester

COUNTS = {
    "diabetes": 900,
    "diabetic": 200,
    "pneumonia": 300,
    "hypertension": 400,
    "heart": 800,
    "attack": 300,
    "acanthocytosis": 1,
    "glaucoma": 50,
    "alzheimers": 90,
}


def test_unknown_words_are_corrected_to_the_nearest_known_word() -> None:
    speller = Speller(COUNTS)
    assert speller.correct("diabetis") == "diabetes"
    assert speller.correct("nemonia") == "pneumonia"
    assert speller.correct("hypertenshun") == "hypertension"
    assert speller.correct("alzhimers") == "alzheimers"


def test_known_rare_words_numbers_and_short_words_are_left_alone() -> None:
    speller = Speller(COUNTS, known={"tummy"})
    for word in ("acanthocytosis", "tummy", "b12", "2", "mi", "zzzzzzzz"):
        assert speller.correct(word) is None


def test_words_run_together_are_split() -> None:
    assert Speller({"heart": 500, "attack": 300}).split("heartattack") == ("heart", "attack")


def test_suggester_prefix_word_start_and_near_miss() -> None:
    suggester = Suggester(
        [("a", "Diabetes", ["Sugar diabetes"]), ("b", "Type 2 diabetes", []), ("c", "Glaucoma", [])]
    )
    assert [s.id for s in suggester.suggest("diab")][:1] == ["a"]
    assert "b" in [s.id for s in suggester.suggest("diab")]
    assert [s.text for s in suggester.suggest("glaucomma")] == ["Glaucoma"]
    assert suggester.suggest("") == [] and suggester.suggest("!!") == []


def test_a_word_written_as_it_sounds_beats_a_near_miss_that_only_looks_alike() -> None:
    """"sirosis" is two edits from the rare-disease word "siris" and three from "cirrhosis",
    but it is how "cirrhosis" sounds; likewise "excema" for "eczema"."""
    counts = {"siris": 42, "cirrhosis": 471, "coffin": 40, "eczema": 120, "excess": 300}
    speller = Speller(counts, title_words={"siris", "coffin", "cirrhosis", "eczema"})
    assert speller.correct("sirosis") == "cirrhosis"
    assert speller.correct("excema") == "eczema"
    assert speller.correct("sirris") == "siris"  # a plain slip of the finger still goes to the near word
