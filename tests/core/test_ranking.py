"""Ranking on plain values: title coverage, the must filter, common-word refinement, hits, no Whoosh."""

from __future__ import annotations

import re
from pathlib import Path

from guide.core.search.query import parse
from guide.core.search.ranking import REFINE, SYNONYM_NAMED, Plan, leading
from guide.core.search.thesaurus import Thesaurus


def plan(query: str, thesaurus: Thesaurus | None = None) -> Plan:
    """A plan with words as their own stems and no indexed words to widen prefixes to."""
    words = thesaurus or Thesaurus()
    return Plan(parse(query).parts, words, words, lambda word: word, lambda prefix: [])


def test_a_title_scores_the_share_of_the_query_it_names() -> None:
    assert plan("glaucoma").named(frozenset({"glaucoma"}), []) == 1.0
    assert plan("glaucoma treated").named(frozenset({"glaucoma"}), []) == 0.5
    assert plan("glaucoma").named(frozenset({"glaucoma", "surgery"}), []) == 0.0  # a word the query lacks


def test_an_alias_counts_a_little_less_than_the_title() -> None:
    assert plan("glaucoma").named(frozenset({"eye"}), [frozenset({"glaucoma"})]) == 0.9


def test_a_curated_synonym_names_a_title() -> None:
    words = Thesaurus([("heart attack", "myocardial infarction")])
    assert plan("heart attack", words).named(frozenset({"myocardial", "infarction"}), []) == SYNONYM_NAMED
    assert plan("heart attack", words).named(frozenset({"heart", "attack"}), []) == 1.0, "the words typed name it more"


def test_a_phrase_must_be_met_by_every_section_that_scores() -> None:
    query = plan('"blood pressure" high')
    per_term = {"blood": {1: 1.0, 2: 1.0}, "pressure": {1: 1.0}, "high": {1: 1.0, 2: 5.0, 3: 1.0}}
    assert set(query.combine(per_term)) == {1}


def test_common_words_refine_only_the_best_sections() -> None:
    few = {"rare": {d: 1.0 for d in range(10)}}
    assert leading(few) == set(range(10))
    many = {"rare": {d: float(d) for d in range(REFINE + 100)}}
    assert leading(many) == set(range(100, REFINE + 100))


def test_a_hit_highlights_query_words_and_prefixes() -> None:
    stored = {"section": "Causes", "anchor": "causes", "text": "Glaucoma damages the optic nerve."}
    hit = plan("glaucoma opti*").hit("eyes/glaucoma", "Glaucoma", stored, 2.5)
    assert (hit.id, hit.section, hit.anchor, hit.score) == ("eyes/glaucoma", "Causes", "causes", 2.5)
    assert hit.terms == ("glaucoma", "optic")
    assert "<b>" in hit.snippet


def test_only_the_search_engine_imports_whoosh() -> None:
    package = Path(__file__).parents[2] / "guide"
    pattern = re.compile(r"^\s*(import whoosh|from whoosh\b)", re.MULTILINE)
    users = sorted(
        p.relative_to(package).as_posix() for p in package.rglob("*.py") if pattern.search(p.read_text("utf-8"))
    )
    assert users == ["core/search/engine.py"]
