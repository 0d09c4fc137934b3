"""Tiny libraries written into a test's folder, for the search tests."""

from __future__ import annotations

from pathlib import Path


def write_article(root: Path, article_id: str, title: str, body: str, aliases: tuple[str, ...] = ()) -> Path:
    path = root / f"{article_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    alias_line = f"aliases: [{', '.join(aliases)}]\n" if aliases else ""
    path.write_text(f"---\ntitle: {title}\n{alias_line}---\n{body}\n", encoding="utf-8")
    return path


def small_library(root: Path) -> Path:
    """A handful of articles with sections, synonyms and rare words to find."""
    write_article(
        root,
        "heart/myocardial-infarction",
        "Myocardial infarction",
        "The coronary artery is blocked.\n\n## Recovery\n\nCardiac rehabilitation helps people recover.\n",
    )
    write_article(
        root, "diabetes/diabetes", "Diabetes", "Diabetes is a condition of the sugar in the blood.\n"
    )
    write_article(
        root,
        "diabetes/diabetes-diet",
        "Diabetes diet",
        "Eating well with diabetes. Diabetes diets, diabetes meals, diabetes snacks and diabetes.\n",
    )
    write_article(
        root, "diabetes/type-2", "Type 2 diabetes", "In type 2 diabetes the body resists insulin.\n"
    )
    write_article(
        root, "diabetes/type-1", "Type 1 diabetes", "In type 1 diabetes the body makes no insulin.\n"
    )
    write_article(
        root,
        "blood/anaemia",
        "Anaemia",
        "Too few red cells.\n\n## Causes\n\nLow vitamin B12 or iron. Acanthocytosis is rare.\n"
        "\n## Tests\n\nThe HbA1c test is for diabetes, not anaemia; CAR-T therapy is for cancer.\n",
    )
    write_article(
        root, "gut/c-diff", "Clostridioides difficile infection", "A bowel infection after antibiotics.\n"
    )
    write_article(root, "blood/phrases-a", "Pressure notes", "The pressure of the blood in veins.\n")
    write_article(root, "blood/phrases-b", "Measuring at home", "Check your blood pressure each morning.\n")
    return root
