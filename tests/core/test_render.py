"""Rendering: golden pages, heading anchors, link and image rewriting, page builders.

Golden pairs live in tests/core/golden: each NAME.md is placed in the fixture
library's mental-health folder, rendered as an article page and compared with
NAME.html. Regenerate after an intended change with
``GUIDE_REGEN_GOLDEN=1 .venv/bin/pytest tests/core/test_render.py`` and read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from page_helpers import page_text

from guide.core.content import Library, load_library
from guide.core.links import image_file
from guide.core.models import Article
from guide.core.render import Renderer
from guide.core.text import split_sections

GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2025, 1, 1)
IDS = re.compile(r'<h[1-6][^>]* id="([^"]*)"')


def _write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _article(root: Path, rel: str, body: str, front: str = "title: Test page") -> tuple[Library, Article]:
    _write(root, rel, f"---\n{front}\n---\n{body}")
    library = load_library([root])
    article = library.article(rel.removesuffix(".md"))
    assert article is not None
    return library, article


@pytest.fixture
def library(sample_root: Path) -> Library:
    return load_library([sample_root])


# -- golden pages ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.md")))
def test_golden_page(name: str, sample_root: Path) -> None:
    shutil.copy(GOLDEN / f"{name}.md", sample_root / "mental-health" / f"{name}.md")
    library = load_library([sample_root])
    article = library.article(f"mental-health/{name}")
    assert article is not None
    html = Renderer(library).article(article, today=TODAY).html + "\n"
    expected = GOLDEN / f"{name}.html"
    if os.environ.get("GUIDE_REGEN_GOLDEN") == "1":
        expected.write_text(html, encoding="utf-8")
    assert expected.exists(), f"no golden file {expected.name}: run with GUIDE_REGEN_GOLDEN=1"
    assert html == expected.read_text(encoding="utf-8")


def test_there_are_enough_golden_pairs() -> None:
    names = {p.stem for p in GOLDEN.glob("*.md")}
    assert len(names) >= 8
    assert names == {p.stem for p in GOLDEN.glob("*.html")}


def test_rendering_is_deterministic(library: Library) -> None:
    first = [Renderer(library).article(a, today=TODAY).html for a in library.articles()]
    renderer = Renderer(library)
    for _ in range(2):
        assert [renderer.article(a, today=TODAY).html for a in library.articles()] == first


# -- heading anchors -----------------------------------------------------------------------

TRICKY_BODY = """# Tricky

Lead.

## Symptoms

## Symptoms

## What's "this"? (Part 1) — a dash…

### Café, naïve & Zoë

## 心臓の病気

## 心臓の病気

## Using `snake_case` and **bold**

### Explicit {#my-anchor}

## A [link](other.md) in a heading

```
## not a heading in a fence
```

## Symptoms
"""


def _section_slugs(body: str) -> list[str]:
    return [s.slug for s in split_sections(body) if s.slug is not None]


def test_heading_ids_equal_section_slugs_on_the_fixture_library(library: Library) -> None:
    renderer = Renderer(library)
    for article in library.articles():
        rendered = renderer.article(article)
        assert [h.slug for h in rendered.headings] == _section_slugs(library.body(article)), article.id
        ids = IDS.findall(rendered.html)
        assert all(h.slug in ids for h in rendered.headings)


def test_heading_ids_equal_section_slugs_on_a_tricky_body(sample_root: Path) -> None:
    library, article = _article(sample_root, "tricky.md", TRICKY_BODY, "title: Tricky")
    rendered = Renderer(library).article(article)
    expected = _section_slugs(TRICKY_BODY)
    assert [h.slug for h in rendered.headings] == expected
    assert IDS.findall(rendered.html) == expected  # the leading "# Tricky" is not shown again
    assert len(set(expected)) == len(expected)
    assert "my-anchor" in expected
    texts = [h.text for h in rendered.headings]
    assert "Using snake_case and bold" in texts  # shown as on screen
    assert "Café, naïve & Zoë" in texts
    assert [h.level for h in rendered.headings] == [s.level for s in split_sections(TRICKY_BODY) if s.slug]


def test_leading_heading_that_differs_from_the_title_is_kept(sample_root: Path) -> None:
    library, article = _article(sample_root, "other.md", "# Something else\n\n## Part\n")
    html = Renderer(library).article(article).html
    assert html.count("<h1") == 2
    assert "Something else</h1>" in html


# -- links and images -----------------------------------------------------------------------


def test_relative_links_become_internal_links(library: Library) -> None:
    article = library.article("heart/blood-pressure/hypertension")
    assert article is not None
    html = Renderer(library).article(article).html
    assert 'href="guide:article/mental-health/talking-therapy#how-it-works"' in html
    assert ".md" not in html


def test_folder_and_index_links_become_topic_links(sample_root: Path) -> None:
    body = "[a](../heart/) [b](../heart/index.md) [c](../) [d](../heart/blood-pressure)\n"
    library, article = _article(sample_root, "mental-health/topics.md", body)
    rendered = Renderer(library).article(article)
    for url in ("guide:topic/heart", "guide:topic/", "guide:topic/heart/blood-pressure"):
        assert f'href="{url}"' in rendered.html
    assert rendered.problems == ()


def test_missing_and_escaping_links_become_text_with_a_problem(sample_root: Path) -> None:
    body = "Intro.\n\nFirst line.\nSee [gone](gone.md) here.\n\nAnd [out](../../../../outside.md).\n"
    library, article = _article(sample_root, "mental-health/broken-links.md", body)
    rendered = Renderer(library).article(article)
    assert "gone" in page_text(rendered.html) and "out" in page_text(rendered.html)
    assert 'title="Link not available: gone.md"' in rendered.html
    assert "<a " not in rendered.html.split("</h1>", 1)[1]
    messages = [(p.line, p.message) for p in rendered.problems]
    assert messages == [
        (article.body_line + 3, "link to missing article: gone.md"),
        (article.body_line + 5, "link leaves the content root: ../../../../outside.md"),
    ]
    assert all(p.path == article.path and p.severity == "error" for p in rendered.problems)
    assert Renderer(library).check(article) == list(rendered.problems)


def test_images_resolve_inside_the_root_or_become_alt_text(sample_root: Path) -> None:
    body = (
        "![Triangle](images/triangle.svg)\n\n![Gone](images/gone.png)\n\n"
        "![Far](../../../etc/passwd)\n\n![Remote](https://example.org/x.png)\n"
    )
    library, article = _article(sample_root, "mental-health/pictures.md", body)
    rendered = Renderer(library).article(article)
    assert '<img alt="Triangle" src="guide:image/0/mental-health/images/triangle.svg">' in rendered.html
    assert "[Gone]" in rendered.html and "[Far]" in rendered.html
    assert "[image not loaded: Remote]" in rendered.html
    assert "example.org" not in rendered.html and "passwd" not in rendered.html
    messages = [p.message for p in rendered.problems]
    assert messages[:2] == [
        "image not found: images/gone.png",
        "image leaves the content root: ../../../etc/passwd",
    ]
    assert rendered.problems[2].severity == "warning"


def test_raw_html_links_and_images_get_the_same_treatment(sample_root: Path) -> None:
    body = (
        '<p><a href="../heart/heart-attack.md#warning-signs">raw link</a> '
        '<a href="missing.md">raw missing</a> <img src="images/triangle.svg" alt="raw img"> '
        '<img src="https://example.org/a.png" alt="raw remote"> <a href="http://example.org/">web</a></p>\n'
    )
    library, article = _article(sample_root, "mental-health/raw.md", body)
    rendered = Renderer(library).article(article)
    html = rendered.html
    assert '<a href="guide:article/heart/heart-attack#warning-signs">raw link</a>' in html
    assert '<span class="link-unavailable" title="Link not available: missing.md">raw missing</span>' in html
    assert 'src="guide:image/0/mental-health/images/triangle.svg"' in html
    assert "[image not loaded: raw remote]" in html
    assert '<a href="http://example.org/">web</a>' in html
    assert [p.message for p in rendered.problems if p.severity == "error"] == [
        "link to missing article: missing.md"
    ]


def test_links_in_a_second_root_resolve_to_articles_of_the_first(sample_root: Path, tmp_path: Path) -> None:
    second = tmp_path / "clinic"
    _write(
        second,
        "local/leaflet.md",
        "---\ntitle: Leaflet\n---\n[Heart](../heart/heart-attack.md) ![x](pic.png)\n",
    )
    (second / "local/pic.png").write_bytes(b"\x89PNG")
    library = load_library([sample_root, second])
    article = library.article("local/leaflet")
    assert article is not None
    rendered = Renderer(library).article(article)
    assert 'href="guide:article/heart/heart-attack"' in rendered.html
    assert 'src="guide:image/1/local/pic.png"' in rendered.html
    assert image_file(library, "guide:image/1/local/pic.png") == (second / "local/pic.png").resolve()


# -- page builders ---------------------------------------------------------------------------


def test_article_page_shows_review_details_and_sources(library: Library) -> None:
    article = library.article("heart/blood-pressure/hypertension")
    assert article is not None
    before = Renderer(library).article(article, today=dt.date(2025, 3, 1)).html
    after = Renderer(library).article(article, today=dt.date(2025, 3, 2)).html
    assert '<p class="meta">Reviewed 1 March 2024 by Dr A. Example</p>' in before
    assert "review-due" not in before
    assert "This article was due for review on 1 March 2025. Some details may have changed." in after
    assert "Sources" in page_text(after) and "Example Heart Association" in after
    assert after.index("<h1>") < after.index('class="summary"') < after.index('class="meta"')


def test_article_page_without_review_details_has_no_meta_line(library: Library) -> None:
    article = library.article("heart/heart-attack")
    assert article is not None
    html = Renderer(library).article(article).html
    assert 'class="meta"' not in html and "review-due" not in html and "Sources" not in html


def test_topic_page_lists_subtopics_and_articles(library: Library) -> None:
    topic = library.topic("heart")
    assert topic is not None
    rendered = Renderer(library).topic(topic)
    assert rendered.title == "Heart and circulation"
    assert "These articles explain common heart conditions." in rendered.html
    assert '<a href="guide:topic/heart/blood-pressure">Blood pressure</a>' in rendered.html
    assert '<a href="guide:article/heart/heart-attack">Heart attack</a>' in rendered.html
    assert "A heart attack happens when blood flow" in rendered.html


def test_topic_intro_links_resolve_from_the_index_file(sample_root: Path) -> None:
    index = "---\ntitle: Heart\n---\nStart with [heart attack](heart-attack.md).\n\nNot [this](gone.md).\n"
    _write(sample_root, "heart/index.md", index)
    library = load_library([sample_root])
    topic = library.topic("heart")
    assert topic is not None
    rendered = Renderer(library).topic(topic)
    assert 'href="guide:article/heart/heart-attack"' in rendered.html
    assert [(p.path.name, p.line) for p in rendered.problems] == [("index.md", 6)]


def test_welcome_page_lists_top_level_topics(library: Library) -> None:
    rendered = Renderer(library).welcome("Riverside guide")
    assert rendered.title == "Riverside guide"
    assert "<h1>Riverside guide</h1>" in rendered.html
    assert "Ctrl+K" in rendered.html
    assert '<a href="guide:topic/heart">Heart and circulation</a>' in rendered.html
    assert "(2 articles)" in rendered.html and "(1 article)" in rendered.html
    assert "Articles about the heart and blood vessels." in rendered.html


def test_welcome_page_of_an_empty_library() -> None:
    assert "no articles" in Renderer(Library((), (), ())).welcome().html


def test_body_html_for_chosen_sections(library: Library) -> None:
    article = library.article("heart/blood-pressure/hypertension")
    assert article is not None
    renderer = Renderer(library)
    full = renderer.body_html(article)
    part = renderer.body_html(article, ["treatment"])
    assert "<h1" not in full and "Sources" not in full
    assert "force of blood" in part  # the lead
    assert 'id="treatment"' in part and 'id="checking-at-home"' in part  # ### comes with its ##
    assert "Symptoms" not in part
    assert 'id="symptoms"' not in renderer.body_html(article, ["checking-at-home"])
    assert renderer.body_html(article, []).strip().startswith("<p>Blood pressure")


def test_body_html_keeps_anchors_of_the_whole_article(sample_root: Path) -> None:
    body = "## Dose\n\nA.\n\n## Dose\n\nB[^n] and [ref][r].\n\n[^n]: Note.\n[r]: https://example.org/\n"
    library, article = _article(sample_root, "dose.md", body)
    part = Renderer(library).body_html(article, ["dose_1"])
    assert 'id="dose_1"' in part and "A." not in part
    assert 'href="https://example.org/"' in part and 'href="#fn-n"' in part


def _body_html(root: Path, body: str) -> str:
    library, article = _article(root, "scratch.md", body)
    return Renderer(library).body_html(article)


def test_a_body_keeps_its_words_but_loses_danger(sample_root: Path) -> None:
    html = _body_html(sample_root, "[b](javascript:alert(1)) ![c](https://x.org/c.png)\n\n<script>x</script>")
    assert "javascript" not in html and "<script" not in html
    assert "[image not loaded: c]" in html


def test_page_text_gives_one_block_per_line(sample_root: Path) -> None:
    html = _body_html(
        sample_root, "Title\n\nOne *two*\nthree &amp; four.\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n"
    )
    assert page_text(html) == "Title\nOne two three & four.\na\nb\nx y\n1 2"


def test_tables_carry_qt_border_attributes(sample_root: Path) -> None:
    html = _body_html(sample_root, "| a |\n|---|\n| b |\n\n<table border=9 onclick=x><tr><td>c</td></tr></table>")
    assert html.count('<table border="1" cellspacing="0" cellpadding="6">') == 2


def test_only_the_render_module_imports_markdown() -> None:
    package = Path(__file__).parents[2] / "guide"
    pattern = re.compile(r"^\s*(import markdown|from markdown\b)", re.MULTILINE)
    users = sorted(
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if pattern.search(p.read_text("utf-8"))
    )
    assert users == ["core/render.py"]


def test_a_pathological_body_gives_a_page_not_a_traceback(sample_root: Path) -> None:
    body = "> " * 2000 + "deep\n\n" + "- " * 1000 + "list\n"
    library, article = _article(sample_root, "deep.md", body)
    rendered = Renderer(library).article(article)
    assert "deep" in page_text(rendered.html)


def test_check_warns_about_links_to_missing_sections(sample_root: Path) -> None:
    body = "[ok](../heart/heart-attack.md#warning-signs) [bad](../heart/heart-attack.md#no-such-part)\n"
    library, article = _article(sample_root, "mental-health/anchors.md", body)
    problems = Renderer(library).check(article)
    assert [(p.severity, p.message) for p in problems] == [
        ("warning", "link to a missing section: ../heart/heart-attack.md#no-such-part")
    ]
    rendered = Renderer(library).article(article)
    assert rendered.problems == ()  # the reading pane does not read other files to check anchors
    assert 'href="guide:article/heart/heart-attack#no-such-part"' in rendered.html


def test_other_broken_links_are_reported(sample_root: Path) -> None:
    (sample_root / "mental-health" / "form.pdf").write_bytes(b"%PDF")
    (sample_root / "empty-folder").mkdir()
    body = (
        "[pdf](form.pdf) [nothing](nothing.txt) [empty](../empty-folder/) "
        '<a href="guide:article/no/such">raw guide</a> [long](' + "x" * 300 + ".md)\n"
    )
    library, article = _article(sample_root, "mental-health/others.md", body)
    rendered = Renderer(library).article(article)
    assert [p.message.split(":")[0] for p in rendered.problems] == [
        "link to a file that is not an article",
        "link to missing file",
        "link to missing topic",
        "link to missing article",
        "link to missing article",
    ]
    assert rendered.html.count('class="link-unavailable"') == 5
