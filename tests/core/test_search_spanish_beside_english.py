"""Spanish queries in a library where English articles far outnumber the Spanish ones.

The library is the bundled guide's Spanish articles (content/es) beside English articles made
of common words, as a clinic's Spanish guide sits beside a big English collection. With the
interface in Spanish, a Spanish query must find the Spanish article first when the Spanish
analysis found it, and spelling must not rewrite Spanish words into English ones.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_search_helpers import write_article

from guide.core.paths import bundled_content
from guide.core.search import SearchIndex

TCC = "es/salud-mental/terapias-de-conversacion/terapia-cognitivo-conductual"
MEDICAID = "es/cobertura-de-salud/cobertura-de-terapia-de-medicaid"
NOT_WORKING = "es/atencion-del-cancer/terapia-de-celulas-car-t/cuando-la-terapia-de-celulas-car-t-no-funciona"


def library(root: Path) -> Path:
    shutil.copytree(bundled_content() / "es", root / "es")
    english = root / "en"
    english.mkdir()
    (english / "index.md").write_text("---\ntitle: English\nlanguage: en\n---\n", encoding="utf-8")
    write_article(
        english,
        "cornelia-de-lange",
        "Cornelia de Lange syndrome",
        "Cornelia de Lange syndrome affects growth. Fever after an infusion is rare in de Lange syndrome.\n",
    )
    write_article(
        english,
        "tourette",
        "Gilles de la Tourette syndrome",
        "Gilles de la Tourette syndrome causes tics. A fever does not cause tics.\n",
    )
    write_article(
        english,
        "epsdt",
        "Paying for EPSDT screening",
        "EPSDT total costs: the total paid for EPSDT screening, and the total paid for EPSDT care.\n",
    )
    for number in range(6):  # an English library uses these words far more than five Spanish articles
        write_article(
            english,
            f"drugs-{number}",
            f"Drugs and depression {number}",
            "Drugs for depression. Depression drugs, street drugs and depression. Drugs change depression.\n",
        )
    return root


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    base = tmp_path_factory.mktemp("beside")
    index = SearchIndex([library(base / "lib")], base / "ix", language="es")
    index.update()
    yield index
    index.close()


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in index.search(query).hits]


def test_spanish_grammar_words_do_not_find_english_titles(spanish: SearchIndex) -> None:
    # "de" and "la" are Spanish stop words, but English words of these titles: searching the
    # query again in English (Spanish found little) once put "Cornelia de Lange" first
    found = ids(spanish, "fiebre de la infusión")
    spanish_hits = [i for i, aid in enumerate(found) if aid.startswith("es/")]
    assert spanish_hits == list(range(len(spanish_hits))) and spanish_hits  # the Spanish articles first
    assert "en/tourette" not in found  # it says "fever", "de" and "la", but no "infusion"


def test_another_languages_hit_does_not_outrank_a_spanish_hit_matching_as_much(spanish: SearchIndex) -> None:
    # "total" is an English word too: one Spanish article has it once, so Spanish finds little and
    # English is searched as well, where one short article says it four times (a higher score)
    found = ids(spanish, "total")
    assert found[:1] == [MEDICAID]
    assert "en/epsdt" in found  # still listed, after


def test_another_language_still_comes_first_when_it_matches_more(spanish: SearchIndex) -> None:
    assert ids(spanish, "tics syndrome")[:1] in (["en/tourette"], ["en/cornelia-de-lange"])


def test_an_english_interface_keeps_english_first(tmp_path: Path) -> None:
    index = SearchIndex([library(tmp_path / "lib")], tmp_path / "ix", language="en")
    index.update()
    assert ids(index, "total")[:1] == ["en/epsdt"]
    assert index.search("depresoin").corrected == "depression"  # English interface: the English word
    index.close()


def test_a_spanish_word_is_not_corrected_into_an_english_one(spanish: SearchIndex) -> None:
    assert spanish.search("drogas").corrected is None  # Spanish (as "droga"), not a typo of "drugs"
    assert spanish.search("tratamiento por consumo de drogas").corrected is None
    assert spanish.search("me siento triste").corrected is None  # a verb form the word list lacks


def test_a_spanish_typo_is_corrected_to_the_spanish_word(spanish: SearchIndex) -> None:
    result = spanish.search("depresoin")
    assert result.corrected == "depresión"  # not the commoner English "depression"
    assert result.hits[0].id == TCC


def test_a_word_no_spanish_word_is_near_may_still_be_corrected(spanish: SearchIndex) -> None:
    assert spanish.search("depresion").corrected is None
    assert spanish.search("drugz").corrected == "drugs"  # nothing Spanish is near: the library's word
