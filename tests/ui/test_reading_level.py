"""Reading level: shown for the open article, and topic pages can list articles easier first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide.ui.navigation import Place

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

EASY = "Drink water when you are hot. Rest in the shade. Eat small meals. Call the nurse if you feel sick. " * 3
HARD = (
    "Pharmacological management of hypertension necessitates individualized consideration of comorbidities, "
    "contraindications and cardiovascular risk, particularly among elderly patients exhibiting orthostatic "
    "hypotension, chronic kidney disease or diabetes mellitus. "
) * 3


def add_topic(root: Path) -> None:
    folder = root / "care"
    folder.mkdir()
    # the dense one comes first alphabetically and by order, so sorting must move it
    (folder / "a-dense.md").write_text(f"---\ntitle: Aaa dense\norder: 1\n---\n{HARD}\n", encoding="utf-8")
    (folder / "b-plain.md").write_text(f"---\ntitle: Bbb plain\norder: 2\n---\n{EASY}\n", encoding="utf-8")
    (folder / "c-short.md").write_text("---\ntitle: Ccc short\norder: 3\n---\nToo short.\n", encoding="utf-8")


def graded_text(qtbot: Any, window: Any) -> str:
    """The label's text once the open article's grade is in (worked out in the background)."""
    qtbot.waitUntil(lambda: not window.level_label.text().endswith("…"), timeout=5000)
    return str(window.level_label.text())


def test_open_article_shows_its_reading_level_with_an_explanation(
    qtbot: Any, make_window: Any, sample_root: Path
) -> None:
    add_topic(sample_root)
    window = make_window(sample_root)
    assert not window.level_label.isVisible()  # the welcome page has none
    window.show_place(Place("article", "care/b-plain"))
    assert window.level_label.isVisible()
    easy = graded_text(qtbot, window)
    assert easy.startswith("Reading level: grade ")
    assert "school grade" in window.level_label.toolTip()
    window.show_place(Place("article", "care/a-dense"))
    hard = graded_text(qtbot, window)
    assert int(hard.rsplit(" ", 1)[1]) > int(easy.rsplit(" ", 1)[1])
    window.show_place(Place("article", "care/c-short"))
    assert graded_text(qtbot, window) == "Reading level: not rated"
    window.show_place(Place("topic", "care"))
    assert not window.level_label.isVisible()
    window.show_place(Place("article", "care/b-plain"))  # graded once: shown at once the next time
    assert window.level_label.text() == easy


def test_topic_page_lists_articles_easier_first(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    add_topic(sample_root)
    window = make_window(sample_root)
    window.show_place(Place("topic", "care"))
    text = window.reader.toPlainText()
    assert text.index("Aaa dense") < text.index("Bbb plain")
    window.acts.easier_first.trigger()
    qtbot.waitUntil(lambda: "easier first" in window.reader.toPlainText(), timeout=5000)
    text = window.reader.toPlainText()
    assert text.index("Bbb plain") < text.index("Aaa dense") < text.index("Ccc short")
    assert "(not rated)" in text and "(grade " in text
    assert window.store.settings.easier_first
    window.acts.easier_first.trigger()
    text = window.reader.toPlainText()
    assert "easier first" not in text and text.index("Aaa dense") < text.index("Bbb plain")


def test_a_late_grade_does_not_overwrite_the_next_article(qtbot: Any, make_window: Any, sample_root: Path) -> None:
    add_topic(sample_root)
    window = make_window(sample_root)
    window.show_place(Place("article", "care/c-short"))
    assert graded_text(qtbot, window) == "Reading level: not rated"
    window.show_place(Place("article", "care/a-dense"))  # graded in the background…
    window.show_place(Place("article", "care/c-short"))  # …while the reader has gone back (known: shown at once)
    window.tasks.wait()
    qtbot.wait(20)
    assert window.level_label.text() == "Reading level: not rated"
