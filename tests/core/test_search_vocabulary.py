"""Search on words nobody tuned for: everyday words kept, generated vocabulary, whole-query ranking,
grouped duplicates with their sources, and the block scorer's seam into Whoosh."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from test_search_helpers import write_article

from guide.core.content import load_library
from guide.core.models import hit_to_json
from guide.core.search import SearchIndex
from guide.core.search import engine as search_engine
from guide.core.search.thesaurus import load_default
from guide.core.search.vocabulary import english_words, names_in_text, read_resource


def topic(root: Path, folder: str, title: str) -> None:
    (root / folder).mkdir(parents=True, exist_ok=True)
    (root / folder / "index.md").write_text(f"---\ntitle: {title}\n---\n", encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    topic(root, "nhlbi", "Heart, lung and blood (NHLBI)")
    topic(root, "medlineplus", "Health topics (MedlinePlus)")
    write_article(
        root,
        "nhlbi/high-blood-pressure",
        "High Blood Pressure",
        "High blood pressure, also called hypertension, strains the heart.",
    )
    write_article(
        root, "medlineplus/high-blood-pressure", "High Blood Pressure", "Blood pressure that stays high harms arteries."
    )
    write_article(root, "medlineplus/vomiting", "Nausea and Vomiting", "Vomiting empties the stomach.")
    write_article(root, "medlineplus/urinary", "Urinary Tract Infections", "Pain when you urinate and cloudy urine.")
    write_article(root, "medlineplus/blood-donation", "Blood Donation", "Blood banks need blood donors. Blood.")
    write_article(root, "medlineplus/hematuria", "Hematuria", "Blood in the urine can come from the kidneys.")
    write_article(
        root,
        "medlineplus/copd",
        "Chronic obstructive pulmonary disease",
        "Chronic obstructive pulmonary disease (COPD) makes breathing hard.",
    )
    write_article(root, "medlineplus/diuretics", "Diuretics", "Diuretics help the kidneys remove salt.")
    write_article(root, "medlineplus/water", "Water pills", "Water pills are diuretics, the news says.")
    return root


@pytest.fixture
def index(library: Path, tmp_path: Path) -> SearchIndex:
    idx = SearchIndex([library], tmp_path / "index")
    idx.update()
    yield idx
    idx.close()


def ids(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.id for h in results.hits]


@pytest.mark.parametrize("word", ["puke", "barf", "peeing", "puking", "tummy", "poop", "scab", "snot"])
def test_a_real_english_word_is_never_replaced(index: SearchIndex, word: str) -> None:
    assert index.search(word).corrected is None
    assert index.search(f"pain when {word}").corrected is None


def test_an_everyday_word_finds_the_medical_article_through_wordnet(index: SearchIndex) -> None:
    assert ids(index.search("puking"))[:1] == ["medlineplus/vomiting"]
    assert ids(index.search("pee"))[0] in {"medlineplus/urinary", "medlineplus/hematuria"}


def test_the_words_typed_outrank_a_synonym_of_them(index: SearchIndex) -> None:
    found = ids(index.search("water pills"))
    assert found[0] == "medlineplus/water", "the title of the words typed comes before a synonym's"
    assert "medlineplus/diuretics" in found, "the synonym still finds the medical article"


def test_a_hit_that_covers_the_whole_query_beats_one_frequent_title_word(index: SearchIndex) -> None:
    assert ids(index.search("blood in urine"))[0] == "medlineplus/hematuria"


def test_a_name_the_text_gives_is_searched(index: SearchIndex) -> None:
    assert ids(index.search("copd"))[0] == "medlineplus/copd"
    title = "Chronic obstructive pulmonary disease"
    assert names_in_text(title, f"{title} (COPD) is") == ["copd"]
    assert "hypertension" in names_in_text("High Blood Pressure", "High blood pressure, also called hypertension, is")


def test_same_titles_are_one_hit_naming_every_source(index: SearchIndex, library: Path) -> None:
    results = index.search("high blood pressure")
    top = results.hits[0]
    assert [h.title for h in results.hits].count("High Blood Pressure") == 1
    assert {top.id, *(aid for aid, _ in top.also_in)} == {
        "nhlbi/high-blood-pressure",
        "medlineplus/high-blood-pressure",
    }
    library_view = load_library([library])
    assert top.source == library_view.source_of(top.id)
    assert {src for _, src in top.also_in} | {top.source} == {
        "Heart, lung and blood (NHLBI)",
        "Health topics (MedlinePlus)",
    }
    data = hit_to_json(top)
    assert {"id", "title", "section", "anchor", "score", "snippet", "terms"} <= set(data), "old keys kept"
    assert data["source"] == top.source and data["also_in"][0]["source"]
    json.dumps(data)


def test_a_correction_that_covers_less_than_the_words_typed_is_not_applied(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write_article(root, "a/zorbitol", "Zorbitol tablets", "Zorbitol tablets and kolpex powder.")
    write_article(root, "a/sorbitol", "Sorbitol", "Sorbitol is a sugar alcohol.")
    idx = SearchIndex([root], tmp_path / "index")
    idx.update()
    try:
        results = idx.search("zorbitolx kolpex")
        assert results.corrected is not None  # an unknown word, corrected
        results = idx.search("kolpexx zorbitol")
        assert ids(results)[0] == "a/zorbitol"
    finally:
        idx.close()


def test_a_long_paste_gets_a_one_line_notice_and_is_not_corrected(index: SearchIndex) -> None:
    pasted = "blood pressure harms arteries and kidnees " * 300
    results = index.search(pasted)
    assert results.corrected is None
    assert results.message is not None and "Long text" in results.message and "\n" not in results.message
    assert len(results.message) < 120
    assert results.hits


def test_the_generated_vocabulary_ships_with_its_provenance_and_licence() -> None:
    text = read_resource("vocabulary/lay-medical.txt")
    assert "WordNet 3.0" in text and "Princeton University" in text and "scripts/build-vocabulary" in text
    groups = load_default().groups()
    together = [set(g) for g in groups]
    assert any({"diuretic", "water pill"} <= g for g in together)
    assert any({"caries", "tooth decay"} <= g for g in together)
    assert any({"urine", "pee"} <= g for g in together)
    assert any({"abdomen", "belly"} <= g for g in together)
    assert not any({"urine", "water"} <= g for g in together), "a common word's other sense never joins"
    words = english_words()
    assert {"puke", "peeing", "belly"} <= words and "diabetis" not in words


def test_the_block_scorer_reads_whoosh_postings_by_the_fast_path(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for n in range(300):  # long posting lists are kept in blocks, not inline
        write_article(root, f"a/article-{n}", f"Article {n}", "common words in every article " * 3)
    idx = SearchIndex([root], tmp_path / "index")
    idx.update()
    try:
        state = idx._ensure_open()
        assert state is not None
        leaf = state.scorer.leaves[0][0]
        stem = search_engine.stem("common")
        kinds: list[str] = []
        found = list(search_engine._blocks(leaf, "words", stem, None, kinds))
        assert sum(len(ids) for ids, _ in found) == 300
        assert kinds and set(kinds) == {"blocks"}, "Whoosh's block reader changed: pin or adapt engine._blocks"
    finally:
        idx.close()


def test_the_section_filter_never_reuses_the_list_of_a_freed_set(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for n in range(40):
        write_article(root, f"a/article-{n}", f"Article {n}", "word")
    idx = SearchIndex([root], tmp_path / "index")
    idx.update()
    try:
        state = idx._ensure_open()
        assert state is not None
        scorer = state.scorer
        count = len(scorer.leaves[0][3]["words"])
        for n in range(200):
            only = {n % count}
            assert scorer._keep(only, 0, count) == [n % count]
            del only  # CPython hands the freed set's id() to the next set of the loop
            gc.collect()
    finally:
        idx.close()


def test_an_existing_index_answers_while_an_update_runs(library: Path, tmp_path: Path) -> None:
    SearchIndex([library], tmp_path / "index").update()
    write_article(library, "medlineplus/new", "Shingles", "A new article about shingles.")
    idx = SearchIndex([library], tmp_path / "index")
    try:
        assert idx.warm(), "the old index opens at once"
        with idx._update_lock:  # as while the update of the changed article runs
            results = idx.search("vomiting")
            assert not results.waiting and ids(results)[0] == "medlineplus/vomiting"
        opened = idx._open
        idx.update()
        assert ids(idx.search("shingles"))[0] == "medlineplus/new"
        idx.update()  # nothing changed: the open index is kept, not read again
        assert idx._open is not opened and idx._open is not None
        kept = idx._open
        idx.update()
        assert idx._open is kept
    finally:
        idx.close()


def test_a_search_while_the_first_build_runs_is_told_to_wait(library: Path, tmp_path: Path) -> None:
    idx = SearchIndex([library], tmp_path / "index")
    try:
        assert not idx.warm()
        with idx._update_lock:
            results = idx.search("vomiting")
        assert results.waiting and "not built" not in (results.message or "")
        assert idx.search("vomiting").message == "The search index is not built yet."
    finally:
        idx.close()
