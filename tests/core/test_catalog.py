"""The catalog gives the same library as parsing every file, and refuses what it cannot trust."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_helpers import all_topics

from guide.core import catalog
from guide.core.content import load_library


def test_catalog_round_trip_gives_the_parsed_library(sample_root: Path, tmp_path: Path) -> None:
    parsed = load_library([sample_root])
    built = catalog.build(sample_root)
    catalog.write(built, tmp_path / "catalog.json")
    read = catalog.read(tmp_path / "catalog.json", sample_root)
    library = catalog.load_library([sample_root], {sample_root: read})
    assert library.articles() == parsed.articles()
    assert all_topics(library) == all_topics(parsed)
    assert sorted(map(str, library.problems)) == sorted(map(str, parsed.problems))


def test_catalog_moves_with_its_files(sample_root: Path, tmp_path: Path) -> None:
    catalog.write(catalog.build(sample_root), tmp_path / "catalog.json")
    moved = tmp_path / "moved"
    sample_root.rename(moved)
    library = catalog.load_library([moved], {moved: catalog.read(tmp_path / "catalog.json", moved)})
    article = library.article("heart/heart-attack")
    assert article is not None and article.path == moved / "heart" / "heart-attack.md"
    assert "Warning signs" in library.body(article)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "cannot be read"),
        ('{"format": "health-guide-catalog", "version": 99, "articles": [], "topics": []}', "version 99"),
        ('{"format": "other"}', "not a health-guide catalog"),
        (
            '{"format": "health-guide-catalog", "version": 1, "articles": [{"id": "x", "path": "../../etc/passwd", '
            '"title": "x"}], "topics": []}',
            "leaves the content root",
        ),
        ('{"format": "health-guide-catalog", "version": 1, "articles": [{"id": 5}], "topics": []}', "damaged"),
    ],
)
def test_bad_catalog_is_one_clear_error(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "catalog.json"
    path.write_text(text)
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.read(path, tmp_path)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_stale_names_changed_added_and_removed(sample_root: Path) -> None:
    built = catalog.build(sample_root)
    (sample_root / "heart" / "heart-attack.md").write_text("---\ntitle: Changed, and longer than before\n---\n")
    (sample_root / "heart" / "new.md").write_text("---\ntitle: New\n---\n")
    (sample_root / "mental-health" / "talking-therapy.md").unlink()
    assert catalog.stale(built) == ({"heart/heart-attack"}, {"heart/new"}, {"mental-health/talking-therapy"})
    assert json.loads(json.dumps(catalog.to_json(built)))["version"] == 1


def test_a_version_1_catalog_still_reads(sample_root: Path, tmp_path: Path) -> None:
    """Installed packs carry version-1 catalogs (one JSON object): they keep working."""
    parsed = load_library([sample_root])
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog.to_json(catalog.build(sample_root)), indent=2))  # over several lines
    library = catalog.load_library([sample_root], {sample_root: catalog.read(path, sample_root)})
    assert library.articles() == parsed.articles()
    assert all_topics(library) == all_topics(parsed)


def test_write_gives_version_2_whose_head_holds_the_tree(sample_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    catalog.write(catalog.build(sample_root), path)
    head = json.loads(path.read_bytes().split(b"\n")[0])
    assert head["version"] == catalog.VERSION == 2
    heart = next(g for g in head["groups"] if g["topic"] == "heart")
    assert [entry[1] for entry in heart["articles"]] == [
        a.title for a in load_library([sample_root]).topic("heart").articles
    ]


def test_records_are_read_when_first_asked_for_one_folder_at_a_time(sample_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    catalog.write(catalog.build(sample_root), path)
    read = catalog.read(path, sample_root)
    heart = [a for a in read.articles if a.topic_id == "heart"]
    others = [a for a in read.articles if a.topic_id != "heart"]
    assert all("summary" not in vars(a) for a in read.articles)  # nothing but the head yet
    parsed = load_library([sample_root]).article(heart[0].id)
    assert parsed is not None and heart[0].summary == parsed.summary and heart[0] == parsed
    assert all("summary" in vars(a) for a in heart) and all("summary" not in vars(a) for a in others)


def test_damaged_records_are_read_from_the_files_instead(sample_root: Path, tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    catalog.write(catalog.build(sample_root), path)
    head, _, rest = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + rest.replace(b'"summary":', b'"summary":5,"was":').replace(b"[{", b"[{]", 1))
    read = catalog.read(path, sample_root)
    parsed = load_library([sample_root])
    library = catalog.load_library([sample_root], {sample_root: read})
    assert library.articles() == parsed.articles()  # every summary, from the files or the records


def test_a_catalog_of_a_later_version_is_refused_by_its_version(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text('{"format": "health-guide-catalog", "version": 3, "groups": []}\n[]\n')
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.read(path, tmp_path)
    assert "version 3" in str(caught.value) and str(path) in str(caught.value)
