"""Reading grades: plain words grade lower than dense ones; too little text is not rated."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.core.content import load_library
from guide.core.readability import ReadingLevels, describe, easier_first, grade
from guide.core.text import plain_text

SIMPLE = (
    "Drink water when you are hot. Rest in the shade. Eat small meals. "
    "Call the nurse if you feel sick. Tell a friend how you feel. Sleep well at night. "
    "Walk a bit each day. Wash your hands before you eat."
)
DENSE = (
    "Pharmacological management of hypertension necessitates individualized consideration of "
    "comorbidities, contraindications and the cardiovascular risk profile, particularly among "
    "elderly patients exhibiting orthostatic hypotension, chronic kidney disease or diabetes mellitus, "
    "where combination therapy with angiotensin-converting enzyme inhibitors is frequently indicated."
)


def test_simple_text_grades_lower_than_dense_text() -> None:
    easy, hard = grade(SIMPLE), grade(DENSE)
    assert easy is not None and hard is not None
    assert easy < 5 < 12 < hard


@pytest.mark.parametrize("text", ["", "   \n\n", "Hello.", "# Only a heading", "```\ncode only\n```", "!!!!...???"])
def test_empty_or_very_short_text_is_not_rated(text: str) -> None:
    assert grade(text) is None
    assert describe(grade(text)) == "not rated"


def test_markdown_markup_is_not_read_as_words() -> None:
    text = plain_text("## Signs\n\n- Chest **pain**\n- See [the nurse](../nurse.md#when)\n\n![A chart](chart.svg)")
    assert text == "Signs. Chest pain. See the nurse. A chart."


def test_list_items_count_as_sentences() -> None:
    items = "\n".join(f"- Swollen glands or lymph nodes number {n}" for n in range(12))
    as_list = grade(items)
    as_run_on = grade(" ".join(items.replace("- ", "").splitlines()))
    assert as_list is not None and as_run_on is not None and as_list < as_run_on


@given(st.text(max_size=400))
def test_never_raises(text: str) -> None:
    value = grade(text)
    assert value is None or 1 <= value <= 18


def test_levels_are_cached_on_disk_and_follow_edits(sample_root: Path, tmp_path: Path) -> None:
    library = load_library([sample_root])
    article = library.article("heart/heart-attack")
    assert article is not None
    cache = tmp_path / "levels.json"
    levels = ReadingLevels(library, cache)
    assert not levels.known(article)
    first = levels.grade(article)
    levels.save()
    again = ReadingLevels(library, cache)
    assert again.known(article) and again.grade(article) == first
    article.path.write_text(article.path.read_text(encoding="utf-8") + "\n" + DENSE * 3, encoding="utf-8")
    assert not again.known(article)
    changed = again.grade(article)
    assert changed is not None and (first is None or changed > first)


def test_broken_cache_file_is_ignored(sample_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "levels.json"
    cache.write_text("{not json", encoding="utf-8")
    library = load_library([sample_root])
    levels = ReadingLevels(library, cache)
    article = library.article("heart/heart-attack")
    assert article is not None
    levels.grade(article)  # no error


def test_easier_first_puts_unrated_last_and_keeps_ties_in_order(sample_root: Path) -> None:
    library = load_library([sample_root])
    articles = list(library.articles())[:3]
    grades = {articles[0].id: None, articles[1].id: 9.0, articles[2].id: 9.0}
    ordered = easier_first(articles, lambda a: grades[a.id])
    assert [a.id for a in ordered] == [articles[1].id, articles[2].id, articles[0].id]


def test_grading_never_loads_textstat_or_nltk() -> None:
    """textstat's English path downloads NLTK's CMU dictionary when it is missing: a network connection."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from guide.core.readability import grade\n"
        f"assert grade({SIMPLE!r}) is not None\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textstat', 'nltk'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_an_article_not_in_english_gets_no_english_grade(tmp_path: Path) -> None:
    """Flesch-Kincaid rates plain Spanish as college text; "not rated" is honest, a wrong grade is not."""
    sentence = "La terapia le ayuda a cambiar los pensamientos que no le ayudan. "
    (tmp_path / "en.md").write_text("---\ntitle: En\n---\n" + "The therapy helps you change thoughts. " * 20)
    (tmp_path / "es.md").write_text("---\ntitle: Es\nlanguage: es\n---\n" + sentence * 20, encoding="utf-8")
    library = load_library([tmp_path])
    levels = ReadingLevels(library)
    assert levels.grade(library.article("en")) is not None  # type: ignore[arg-type]
    assert levels.grade(library.article("es")) is None  # type: ignore[arg-type]
