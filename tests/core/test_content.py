"""The content library: topics, ordering, merging roots, and every kind of bad file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.core.content import humanize, load_library
from guide.core.text import split_sections


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_topics_nest_and_order_as_the_format_says(sample_root: Path) -> None:
    library = load_library([sample_root])
    top = [t.id for t in library.root_topic.children]
    # "heart" has order 1; the others fall back to title order.
    assert top == ["heart", "broken", "mental-health"]
    heart = library.topic("heart")
    assert heart is not None and heart.title == "Heart and circulation"
    assert [c.id for c in heart.children] == ["heart/blood-pressure"]
    assert heart.children[0].title == "Blood pressure"  # from the folder name
    assert [a.id for a in heart.articles] == ["heart/heart-attack"]


def test_article_front_matter_is_read_into_typed_fields(sample_root: Path) -> None:
    article = load_library([sample_root]).article("heart/blood-pressure/hypertension")
    assert article is not None
    assert article.title == "High blood pressure"
    assert article.aliases == ("hypertension", "HBP")
    assert article.reviewed == dt.date(2024, 3, 1)
    assert article.review_due == dt.date(2025, 3, 1)
    assert article.reviewed_by == "Dr A. Example"
    assert article.topic_id == "heart/blood-pressure"


def test_broken_files_are_reported_with_path_and_line_and_others_still_open(sample_root: Path) -> None:
    library = load_library([sample_root])
    reported = {(p.path.name, p.line) for p in library.errors()}
    assert ("no-front-matter.md", 1) in reported
    assert any(name == "bad-yaml.md" and line >= 2 for name, line in reported)
    # the good articles are all there, and the broken ones still open with a fallback title
    assert library.article("heart/heart-attack") is not None
    broken = library.article("broken/no-front-matter")
    assert broken is not None and broken.title == "No front matter"


def test_bad_fields_are_reported_on_their_own_line(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: A\nreviewed: last week\ntags: {a: 1}\norder: many\n---\nText\n")
    library = load_library([tmp_path])
    messages = {p.line: p.message for p in library.problems}
    assert "not a date" in messages[3]
    assert "list" in messages[4]
    assert "whole number" in messages[5]
    article = library.article("a")
    assert article is not None and article.reviewed is None and article.tags == ()


def test_missing_title_and_undecodable_bytes_are_errors_not_crashes(tmp_path: Path) -> None:
    write(tmp_path / "untitled.md", "---\nsummary: no title here\n---\n# Shown title\nBody\n")
    write(tmp_path / "latin1.md", b"---\ntitle: Caf\xe9\n---\nline two\n\xff\xfe bad\n")
    library = load_library([tmp_path])
    by_file = {p.path.name: p for p in library.errors()}
    assert "missing 'title'" in by_file["untitled.md"].message
    assert by_file["latin1.md"].line == 2
    untitled = library.article("untitled")
    assert untitled is not None and untitled.title == "Shown title"
    latin = library.article("latin1")
    assert latin is not None and latin.title.startswith("Caf")


def test_unknown_fields_are_kept_quietly(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: A\nfuture_field: [1, 2]\n---\nText\n")
    library = load_library([tmp_path])
    assert library.problems == []


def test_several_roots_merge_into_one_tree_and_first_root_wins(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write(one / "heart" / "a.md", "---\ntitle: From one\n---\n")
    write(two / "heart" / "a.md", "---\ntitle: Hidden copy\n---\n")
    write(two / "heart" / "b.md", "---\ntitle: From two\n---\n")
    write(two / "lungs" / "c.md", "---\ntitle: Lungs\n---\n")
    library = load_library([one, two])
    heart = library.topic("heart")
    assert heart is not None
    assert [a.title for a in heart.articles] == ["From one", "From two"]
    assert library.topic("lungs") is not None
    assert any("already used" in p.message and p.severity == "warning" for p in library.problems)


def test_missing_and_empty_roots_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    library = load_library([tmp_path / "nowhere", tmp_path / "empty"])
    messages = [p.message for p in library.problems]
    assert any("does not exist" in m for m in messages)
    assert any("no articles" in m for m in messages)
    assert len(library) == 0


def test_a_huge_article_loads(tmp_path: Path) -> None:
    body = ("## Part\n\n" + "word " * 2000 + "\n\n") * 50  # about 5 MB
    write(tmp_path / "big.md", f"---\ntitle: Big\n---\n{body}")
    library = load_library([tmp_path])
    article = library.article("big")
    assert article is not None
    assert len(split_sections(library.body(article))) == 51


def test_humanize_folder_names() -> None:
    assert humanize("mental-health") == "Mental health"
    assert humanize("car_t_cell") == "Car t cell"


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("title: 'Diabetes\ntags: [a]", 2, "a quote (' or \") is opened and not closed"),
        ("title: Diabetes\ntags: [a, b", 3, "a list in [ ] is not closed with ']'"),
        ("title: Diabetes: type 2", 2, "put the whole value in quotes"),
        ("title: x\n- y", 3, "is not a 'field: value' pair"),
        ("\ttitle: x", 2, "indent with spaces"),
    ],
)
def test_front_matter_mistakes_are_worded_for_authors(tmp_path: Path, front: str, line: int, words: str) -> None:
    from guide.core.content import split_front_matter

    path = tmp_path / "a.md"
    (problem,) = split_front_matter(path, f"---\n{front}\n---\nBody.\n").problems
    assert problem.line == line and words in problem.message, problem
    assert not any(raw in problem.message for raw in ("end of stream", "did not find", "scalar", "token"))
