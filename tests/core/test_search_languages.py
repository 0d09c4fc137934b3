"""Each article is searched in its own language: stems, stop words, accents, lay words, spelling."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_search_helpers import small_library, write_article

from guide.core import catalog
from guide.core.content import parse_article
from guide.core.packs import archive
from guide.core.packs.archive import Manifest
from guide.core.search import SearchIndex
from guide.core.search.engine import Analyses
from guide.core.search.thesaurus import load_language


def spanish_library(root: Path) -> Path:
    """A few Spanish articles (the root's index.md says so) beside one English article."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.md").write_text("---\ntitle: Guía\nlanguage: es\n---\n", encoding="utf-8")
    write_article(
        root,
        "depresion",
        "Depresión",
        "La depresión es una enfermedad del estado de ánimo. El niño con tristeza necesita ayuda.\n",
    )
    write_article(
        root,
        "hipertension",
        "Hipertensión",
        "La hipertensión daña las arterias y el corazón con los años.\n",
    )
    write_article(
        root,
        "inmunizacion",
        "Calendario de inmunización",
        "Pregunte por la vacunación en la clínica: protege contra una infección.\n",
    )
    write_article(root, "oncologia", "Oncología", "El cáncer de mama se trata en la clínica de oncología.\n")
    write_article(
        root,
        "diabetes",
        "Diabetes",
        "La diabetes tipo 2 se controla con dieta, ejercicio y medicinas para la glucosa.\n",
    )
    english = root / "en"
    english.mkdir()
    (english / "index.md").write_text("---\ntitle: English\nlanguage: en\n---\n", encoding="utf-8")
    write_article(english, "salad", "Healthy eating", "A green salad with beans is a good lunch for the heart.\n")
    return root


def french_library(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "index.md").write_text("---\ntitle: Guide\nlanguage: fr\n---\n", encoding="utf-8")
    write_article(
        root,
        "vaccination",
        "La vaccination",
        "La vaccination de l'enfant protège contre la rougeole. Parlez-en à l'hôpital.\n",
    )
    write_article(root, "asthme", "Asthme", "Les crises d'asthme sont soignées par des médicaments inhalés.\n")
    return root


@pytest.fixture
def spanish(tmp_path: Path) -> Iterator[SearchIndex]:
    index = SearchIndex([spanish_library(tmp_path / "lib")], tmp_path / "ix", language="es")
    index.update()
    yield index
    index.close()


def ids(index: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in index.search(query).hits]


def test_words_typed_without_accents_find_the_accented_words(spanish: SearchIndex) -> None:
    assert ids(spanish, "depresion")[:1] == ["depresion"]
    assert ids(spanish, "nino")[:1] == ["depresion"]  # "niño"
    assert ids(spanish, "cancer")[:1] == ["oncologia"]  # "cáncer"
    assert ids(spanish, "oncologia")[:1] == ["oncologia"]
    result = spanish.search("depresion")
    assert result.corrected is None  # not "corrected" into some other indexed word
    assert "<b>depresión</b>" in result.hits[0].snippet  # the text is shown as written
    assert result.hits[0].title == "Depresión"


def test_the_english_only_baseline_does_not_fold_accents(tmp_path: Path) -> None:
    root = spanish_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix", language="es", per_language=False)
    index.update()
    assert "depresion" not in ids(index, "nino")
    assert "inmunizacion" not in ids(index, "vacunas")  # Porter does not reach "vacunación"
    index.close()


def test_spanish_words_are_stemmed_as_spanish(spanish: SearchIndex) -> None:
    assert ids(spanish, "vacunas")[:1] == ["inmunizacion"]  # the text says "vacunación"
    assert ids(spanish, "vacuna")[:1] == ["inmunizacion"]
    assert ids(spanish, "vacunacion")[:1] == ["inmunizacion"]
    assert ids(spanish, "arteria")[:1] == ["hipertension"]  # the text says "arterias"
    assert ids(spanish, "corazon")[:1] == ["hipertension"]


def test_spanish_lay_words_find_the_medical_article(spanish: SearchIndex) -> None:
    # resources/thesaurus-es.txt: presión alta | presión arterial alta | hipertensión | …
    assert ids(spanish, "presión alta")[:1] == ["hipertension"]
    assert ids(spanish, "presion alta")[:1] == ["hipertension"]
    assert ids(spanish, "azúcar en la sangre")[:1] == ["diabetes"]


def test_spanish_stop_words_neither_match_nor_count(spanish: SearchIndex) -> None:
    assert ids(spanish, "para la") == []  # in every Spanish article, and indexed in none
    top = spanish.search("¿qué es la diabetes?").hits[0]
    assert top.id == "diabetes" and top.score >= 1000  # the title names the whole question


def test_spelling_never_turns_a_spanish_word_into_an_english_one(tmp_path: Path) -> None:
    root = spanish_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix", language="es")
    index.update()
    assert index.search("salud").corrected is None  # not "salad": the Spanish article has no "salud"
    assert index.search("depresoin").corrected == "depresión"  # a real typo is still fixed
    index.close()
    baseline = SearchIndex([root], tmp_path / "ix2", language="es", per_language=False)
    baseline.update()
    assert baseline.search("salud").corrected == "salad"  # what the per-language vocabulary prevents
    baseline.close()


def test_a_query_finding_little_in_the_interface_language_is_searched_in_the_others(tmp_path: Path) -> None:
    root = spanish_library(tmp_path / "lib")
    english_ui = SearchIndex([root], tmp_path / "ix", language="en")
    english_ui.update()
    assert ids(english_ui, "hipertensión")[:1] == ["hipertension"]
    spanish_ui = SearchIndex([root], tmp_path / "ix", language="es")
    assert ids(spanish_ui, "beans")[:1] == ["en/salad"]
    english_ui.close()
    spanish_ui.close()


def test_french_articles_are_stemmed_folded_and_elided_as_french(tmp_path: Path) -> None:
    root = french_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix", language="fr")
    index.update()
    assert ids(index, "vaccins")[:1] == ["vaccination"]
    assert ids(index, "enfants")[:1] == ["vaccination"]  # "l'enfant"
    assert ids(index, "hopital")[:1] == ["vaccination"]  # "l'hôpital"
    assert ids(index, "l'asthme")[:1] == ["asthme"]  # "d'asthme"
    assert ids(index, "médicament")[:1] == ["asthme"]
    assert index.search("rougeole").corrected is None
    index.close()


def test_other_languages_are_folded_but_not_stemmed(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "index.md").write_text("---\ntitle: Ratgeber\nlanguage: de\n---\n", encoding="utf-8")
    write_article(root, "grippe", "Grippe", "Die Grippe ist eine Krankheit. Ärzte empfehlen die Impfung.\n")
    index = SearchIndex([root], tmp_path / "ix", language="de")
    index.update()
    assert ids(index, "arzte") == ["grippe"]  # folded
    assert ids(index, "krankheit") == ["grippe"]
    index.close()
    german = Analyses()("de-AT")
    assert german.term("ärzte") == "de:arzte" and german.term("empfehlungen") == "de:empfehlungen"  # not stemmed
    assert Analyses()("en").term("recommendations") == "recommend"  # as English is


def test_english_results_are_the_same_with_and_without_languages(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    per_language = SearchIndex([root], tmp_path / "a")
    english_only = SearchIndex([root], tmp_path / "b", per_language=False)
    per_language.update()
    english_only.update()
    for query in ("heart attack", "diabetes", "sugar in the blood", "diabetis", "type 2", '"body resists"'):
        first, second = per_language.search(query), english_only.search(query)
        assert [(h.id, round(h.score, 6), h.snippet) for h in first.hits] == [
            (h.id, round(h.score, 6), h.snippet) for h in second.hits
        ], query
        assert first.corrected == second.corrected
    per_language.close()
    english_only.close()


def test_the_two_analyses_never_read_each_others_index(tmp_path: Path) -> None:
    root = spanish_library(tmp_path / "lib")
    first = SearchIndex([root], tmp_path / "ix", language="es")
    first.update()
    first.close()
    baseline = SearchIndex([root], tmp_path / "ix", language="es", per_language=False)
    assert not baseline.is_current()
    assert baseline.update().rebuilt
    baseline.close()


def test_a_packs_language_is_its_articles_default(tmp_path: Path) -> None:
    source = tmp_path / "source"  # no index.md: nothing in the folder says Spanish
    write_article(source, "salud/depresion", "Depresión", "La depresión tiene tratamiento. Los niños también.\n")
    out = tmp_path / "clinica.guidepack"
    archive.build(source, out, Manifest(id="clinica", title="Clínica", version="1.0", language="es"))
    unpacked = tmp_path / "installed"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(unpacked)
        assert "pack.yaml" in zf.namelist() and len([n for n in zf.namelist() if n == "pack.yaml"]) == 1
    listed = catalog.read(unpacked / "catalog.json", unpacked / "content")
    assert [a.language for a in listed.articles] == ["es"]
    parsed, _ = parse_article(unpacked / "content", unpacked / "content/clinica/salud/depresion.md", "x")
    assert parsed.language == "es"  # read beside the installed pack's pack.yaml
    index = SearchIndex([unpacked / "content"], readonly_dir=unpacked / "index", trusted=True)
    assert ids(index, "ninos") == ["clinica/salud/depresion"]  # the pack's own index: Spanish, folded
    index.close()


def test_the_spanish_vocabulary_reads_regional_notes_as_notes() -> None:
    spanish = Analyses()("es")
    groups = load_language("es", spanish.prepare).groups()
    assert ("gripe", "influenza", "gripa") in groups  # "gripa (México, Colombia)"
    assert ("azucar sangre", "azucar alta", "diabetes", "diabetes mellitus", "glucosa alta", "hiperglucemia") in groups


def test_a_programme_name_is_not_stemmed_into_a_spanish_word(tmp_path: Path) -> None:
    root = spanish_library(tmp_path / "lib")
    write_article(root, "cobertura", "Cobertura", "Medicaid paga la terapia. Hable con su médico de cabecera.\n")
    write_article(root, "consulta", "Consulta", "El médico y la médica atienden a los pacientes.\n")
    index = SearchIndex([root], tmp_path / "ix", language="es")
    index.update()
    result = index.search("medicaid")
    assert [h.id for h in result.hits] == ["cobertura"]  # not every article that says "médico"
    assert "<b>Medicaid</b>" in result.hits[0].snippet
    index.close()
