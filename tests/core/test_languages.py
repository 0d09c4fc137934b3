"""Content languages: inherited `language`, translations linked by `translation_of`, and the
warnings `guide check` gives for unknown codes and translations of nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from guide.core import catalog
from guide.core.content import load_library
from guide.core.languages import autonym, is_known
from guide.core.translations import family, translation_problems


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root / "care" / "sleep.md", "---\ntitle: Sleep\n---\nSleep well.\n")
    write(root / "es" / "index.md", "---\ntitle: Español\nlanguage: es\n---\n")
    write(
        root / "es" / "cuidado" / "sueno.md",
        "---\ntitle: Sueño\ntranslation_of: care/sleep\ntranslation_reviewed: false\n---\nDuerma bien.\n",
    )
    write(root / "fr" / "sommeil.md", "---\ntitle: Sommeil\nlanguage: fr\ntranslation_of: care/sleep\n"
          "translation_reviewed: true\n---\nDormez bien.\n")  # fmt: skip
    return root


def test_language_is_inherited_from_the_nearest_index_above(tmp_path: Path) -> None:
    library = load_library([make_root(tmp_path)])
    assert library.article("care/sleep").language == "en"  # type: ignore[union-attr]
    spanish = library.article("es/cuidado/sueno")
    assert spanish is not None and spanish.language == "es"
    assert spanish.translation_of == "care/sleep" and spanish.unreviewed_translation
    french = library.article("fr/sommeil")
    assert french is not None and french.language == "fr" and not french.unreviewed_translation
    assert not library.problems


def test_translations_form_one_family_seen_from_any_member(tmp_path: Path) -> None:
    library = load_library([make_root(tmp_path)])
    for member in ("care/sleep", "es/cuidado/sueno", "fr/sommeil"):
        article = library.article(member)
        assert article is not None
        assert [a.id for a in family(library, article)] == ["care/sleep", "es/cuidado/sueno", "fr/sommeil"]
    write(tmp_path / "content" / "alone.md", "---\ntitle: Alone\n---\n")
    library = load_library([tmp_path / "content"])
    alone = library.article("alone")
    assert alone is not None and family(library, alone) == [alone]


def test_the_catalog_keeps_translation_fields(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    built = catalog.build(root)
    again = catalog.from_json(catalog.to_json(built), root)
    spanish = next(a for a in again.articles if a.id == "es/cuidado/sueno")
    assert (spanish.language, spanish.translation_of, spanish.translation_reviewed) == ("es", "care/sleep", False)


def test_an_unknown_language_code_warns_at_its_line_and_reads_as_the_default(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    path = write(root / "es" / "raro.md", "---\ntitle: Raro\nlanguage: xx\n---\n")
    library = load_library([root])
    article = library.article("es/raro")
    assert article is not None and article.language == "es"  # the default of its folder
    [problem] = library.problems
    assert (problem.path, problem.line, problem.severity) == (path, 3, "warning")
    assert "unknown language code 'xx'" in problem.message


def test_known_codes_come_from_the_registry_list() -> None:
    assert is_known("es") and is_known("es-419") and is_known("pt_BR") and is_known("haw")
    assert not is_known("xx") and not is_known("spanish") and not is_known("")
    assert autonym("es-MX") == "Español" and autonym("en") == "English"


def test_a_translation_of_nothing_is_a_warning(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    path = write(root / "es" / "perdido.md", "---\ntitle: Perdido\n\ntranslation_of: care/gone\n---\n")
    library = load_library([root])
    [problem] = translation_problems(library)
    assert (problem.path, problem.line, problem.severity) == (path, 4, "warning")
    assert "care/gone" in problem.message


def test_guide_check_prints_both_warnings_with_file_and_line(tmp_path: Path) -> None:
    root = make_root(tmp_path)
    write(root / "es" / "perdido.md", "---\ntitle: Perdido\ntranslation_of: care/gone\nlanguage: zz\n---\n")
    result = subprocess.run(
        [sys.executable, "-m", "guide", "check", "--content", str(root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{root / 'es' / 'perdido.md'}:4: warning: unknown language code 'zz'" in result.stdout
    assert f"{root / 'es' / 'perdido.md'}:3: warning: 'translation_of' points at 'care/gone'" in result.stdout


def test_the_spanish_vocabulary_reads_as_a_thesaurus_and_joins_the_lay_words() -> None:
    from importlib import resources

    from guide.core.search.thesaurus import parse_lines

    text = resources.files("guide.resources").joinpath("thesaurus-es.txt").read_text("utf-8")
    assert "Provenance" in text and "MedlinePlus en español" in text
    groups = parse_lines(text.splitlines())
    assert len(groups) >= 40
    together = {frozenset(g) for g in groups}
    assert any({"azúcar en la sangre", "diabetes"} <= g for g in together)
    assert any({"presión alta", "hipertensión"} <= g for g in together)
