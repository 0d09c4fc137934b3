"""The welcome page template and the recently read list."""

from __future__ import annotations

from pathlib import Path

from guide.core import recent as recent_module
from guide.core.content import load_library
from guide.core.recent import RecentArticles
from guide.core.welcome import welcome_page

FIXTURES = Path(__file__).parents[1] / "fixtures" / "library"


def test_cards_counts_recent_and_bookmarks() -> None:
    library = load_library([FIXTURES])
    heart = library.article("heart/heart-attack")
    talk = library.article("mental-health/talking-therapy")
    assert heart is not None and talk is not None
    html = welcome_page(library.root_topic, [talk], [heart], "Riverside guide").html
    assert html.startswith("<h1>Riverside guide</h1>")
    assert '<td class="card"' in html and "2 articles" in html and "1 article<" in html
    assert html.index("Recently read") < html.index("Talking therapy") < html.index("Bookmarks")
    assert html.index("Bookmarks") < html.index("Heart attack")


def test_an_empty_library_says_so() -> None:
    library = load_library([])
    html = welcome_page(library.root_topic).html
    assert "no articles" in html and "Recently read" not in html


def test_recent_keeps_the_newest_few_and_survives_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "recent.json"
    recent = RecentArticles(path)
    for n in range(recent_module.KEEP + 3):
        recent.add(f"a/{n}")
    recent.add("a/5")
    recent.save()
    again = RecentArticles(path)
    assert again.ids[0] == "a/5" and len(again.ids) == recent_module.KEEP and again.ids.count("a/5") == 1
    path.write_text("[[[", encoding="utf-8")
    assert RecentArticles(path).ids == []


def test_the_search_example_finds_something_in_the_library(sample_root: Path) -> None:
    from guide.core.paths import bundled_content
    from guide.core.welcome import search_example

    sample = load_library([sample_root])  # has "High blood pressure"
    assert search_example(sample.root_topic, sample.articles()) == "blood pressure"
    bundled = load_library([bundled_content()])  # no blood pressure article: "blood pressure" found cancer pages
    example = search_example(bundled.root_topic, bundled.articles())
    assert example != "blood pressure" and example in {t.title.lower() for t in bundled.root_topic.children}
    empty = load_library([])
    assert search_example(empty.root_topic, empty.articles()) == "blood pressure"
