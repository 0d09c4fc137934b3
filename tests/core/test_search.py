"""Search as a user sees it: finding articles by their names, lay words, typos and sections."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_search_helpers import small_library, write_article

from guide.core.models import hit_to_json
from guide.core.search import SearchIndex


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    root = small_library(tmp_path / "lib")
    idx = SearchIndex([root], tmp_path / "index")
    idx.update()
    yield idx
    idx.close()


@pytest.fixture
def sample_index(sample_root: Path, tmp_path: Path) -> SearchIndex:
    idx = SearchIndex([sample_root], tmp_path / "sample-index")
    idx.update()
    yield idx
    idx.close()


def ids(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.id for h in results.hits]


def test_lay_words_find_the_medical_article_through_the_thesaurus(index: SearchIndex) -> None:
    results = index.search("heart attack")
    assert ids(results)[0] == "heart/myocardial-infarction"
    assert "myocardial" in results.hits[0].terms or "infarction" in results.hits[0].terms


def test_an_article_alias_is_searched(sample_index: SearchIndex) -> None:
    assert ids(sample_index.search("MI"))[0] == "heart/heart-attack"
    assert ids(sample_index.search("talk therapy"))[0] == "mental-health/talking-therapy"


def test_a_misspelled_word_is_corrected_and_the_correction_is_reported(sample_index: SearchIndex) -> None:
    results = sample_index.search("hypertenshun")
    assert results.corrected == "hypertension"
    assert ids(results)[0] == "heart/blood-pressure/hypertension"


def test_a_rare_word_that_is_in_the_index_is_not_corrected(index: SearchIndex) -> None:
    results = index.search("acanthocytosis")
    assert results.corrected is None
    assert ids(results) == ["blood/anaemia"]


def test_a_correctly_spelled_query_reports_no_correction(index: SearchIndex) -> None:
    assert index.search("diabetes").corrected is None


def test_a_quoted_phrase_needs_the_words_together(index: SearchIndex) -> None:
    assert set(ids(index.search("blood pressure"))) >= {"blood/phrases-a", "blood/phrases-b"}
    assert ids(index.search('"blood pressure"')) == ["blood/phrases-b"]


def test_an_excluded_word_removes_articles(index: SearchIndex) -> None:
    found = ids(index.search("diabetes"))
    assert "diabetes/diabetes-diet" in found
    assert "diabetes/diabetes-diet" not in ids(index.search("diabetes -meals"))


def test_a_prefix_finds_longer_words(index: SearchIndex) -> None:
    assert "blood/anaemia" in ids(index.search("acanthocyt*"))
    assert "heart/myocardial-infarction" in ids(index.search("rehab*"))


def test_a_hit_points_at_the_matching_section(sample_index: SearchIndex) -> None:
    hit = sample_index.search("rehabilitation").hits[0]
    assert (hit.id, hit.anchor, hit.section) == (
        "heart/heart-attack",
        "after-a-heart-attack",
        "After a heart attack",
    )
    lead = sample_index.search("force pushing walls arteries").hits[0]
    assert lead.id == "heart/blood-pressure/hypertension" and lead.anchor is None


def test_a_title_equal_to_the_query_ranks_first(index: SearchIndex) -> None:
    assert ids(index.search("diabetes"))[0] == "diabetes/diabetes"
    assert ids(index.search("What is (are) Diabetes?"))[0] == "diabetes/diabetes"


def test_question_words_do_not_decide_the_ranking(index: SearchIndex) -> None:
    assert ids(index.search("how do I know if my diabetes is type 2"))[0] == "diabetes/type-2"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type 2 diabetes", "diabetes/type-2"),
        ("type 1 diabetes", "diabetes/type-1"),
        ("B12", "blood/anaemia"),
        ("HbA1c", "blood/anaemia"),
        ("CAR-T", "blood/anaemia"),
        ("C diff", "gut/c-diff"),
    ],
)
def test_short_and_numeric_words_match(index: SearchIndex, query: str, expected: str) -> None:
    assert ids(index.search(query))[0] == expected


def test_snippets_are_short_escaped_and_highlight_the_matched_words(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write_article(root, "a", "Signs", "Watch for <script>x</script> & fever " + "filler words here. " * 40)
    idx = SearchIndex([root], tmp_path / "ix")
    idx.update()
    hit = idx.search("fever").hits[0]
    assert "<b>fever</b>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert len(hit.snippet) < 320
    assert "fever" in hit.terms
    idx.close()


def test_words_matched_through_a_synonym_are_highlighted(index: SearchIndex) -> None:
    hit = index.search("heart attack").hits[0]
    assert "<b>" in hit.snippet or hit.section is None
    assert set(hit.terms) & {"myocardial", "infarction", "coronary"} or hit.terms


def test_one_hit_per_article(index: SearchIndex) -> None:
    found = ids(index.search("anaemia causes tests"))
    assert len(found) == len(set(found))


def test_hit_to_json_has_the_cli_fields(sample_index: SearchIndex) -> None:
    data = hit_to_json(sample_index.search("heart").hits[0])
    assert {"id", "title", "section", "anchor", "score", "snippet"} <= set(data)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!",
        "?",
        '"unbalanced',
        "-",
        "-*",
        "*",
        "a" * 10_000,
        "heart " * 3000,
        "\x00\x07\x1b",
        "💔🫀",
        "((((",
        '"',
        "-heart",
        "-heart -blood",
        "x*",
        "Ω≈ç√",
        "\u202e\u200b",
        "AND OR NOT",
    ],
)
def test_any_string_is_a_valid_query(sample_index: SearchIndex, query: str) -> None:
    results = sample_index.search(query)
    assert results.query == query
    assert results.hits or results.message


def test_only_punctuation_gets_a_helpful_message(sample_index: SearchIndex) -> None:
    results = sample_index.search("?!.,")
    assert not results.hits and results.message and "word" in results.message


def test_searching_before_the_index_is_built_says_so(tmp_path: Path, sample_root: Path) -> None:
    idx = SearchIndex([sample_root], tmp_path / "never-built")
    results = idx.search("heart")
    assert not results.hits and results.message
    idx.close()


def test_suggestions_complete_a_prefix(sample_index: SearchIndex) -> None:
    texts = [s.text for s in sample_index.suggest("hyper")]
    assert "hypertension" in texts
    assert sample_index.suggest("heart a")[0].text == "Heart attack"


def test_suggestions_include_near_misses(sample_index: SearchIndex) -> None:
    found = sample_index.suggest("hypertenson")
    assert any(s.id == "heart/blood-pressure/hypertension" for s in found)


def test_suggestions_start_at_word_beginnings(sample_index: SearchIndex) -> None:
    assert any(s.text == "High blood pressure" for s in sample_index.suggest("pressure"))


def test_default_index_lives_in_the_cache_folder(sample_root: Path) -> None:
    idx = SearchIndex([sample_root])
    report = idx.update()
    assert report.location is not None
    assert str(report.location).startswith(os.environ["GUIDE_CACHE_DIR"])
    idx.close()
