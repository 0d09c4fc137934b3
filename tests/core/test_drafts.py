"""Fields to front matter and back, autosaved drafts, and the clinic library's files (Qt-free)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.core import authoring
from guide.core.content import file_digest, load_library
from guide.core.drafts import ArticleText, DraftStore, SavedDraft, compose, decompose, editor_line
from guide.core.settings import Settings


def test_fields_round_trip_and_unknown_keys_are_kept() -> None:
    fields = ArticleText(
        title="Flu jab: who should have it",
        summary="Who the clinic offers it to.",
        aliases=("flu vaccine", "influenza shot"),
        tags=("vaccination",),
        sources=("NHS: Flu vaccine, 2024", "https://example.org/flu"),
        reviewed="2026-11-02",
        reviewed_by="Nurse A. Mensah",
        review_due="2027-11-02",
        body="## Who\n\n- Over 65s\n",
        extra={"copied_from": "vaccines/flu", "language": "en", "x-local": [1, 2]},
    )
    text = compose(fields)
    assert text.startswith("---\ntitle: 'Flu jab: who should have it'\n")
    assert "reviewed: 2026-11-02\n" in text  # a date, not quoted text
    back, problems = decompose(text)
    assert problems == () and back == fields


def test_a_wrong_date_is_kept_as_typed_for_the_check_to_report() -> None:
    back, _ = decompose(compose(ArticleText(title="T", reviewed="next week")))
    assert back.reviewed == "next week"


def test_unreadable_front_matter_stays_in_the_body() -> None:
    text = "---\ntitle: [unclosed\n---\nBody.\n"
    fields, problems = decompose(text)
    assert problems and fields.body == text and fields.title == ""


def test_editor_line_maps_file_lines_to_the_body() -> None:
    text = compose(ArticleText(title="T", body="one\ntwo\n"))
    body_line = text.splitlines().index("---", 1) + 2  # as Article.body_line records it
    assert editor_line(body_line + 1, body_line) == 1
    assert editor_line(body_line + 2, body_line) == 2
    assert editor_line(1, body_line) is None


def test_orphans_are_drafts_no_running_editor_holds(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    mine = SavedDraft(key="a", text="x", title="Mine", pid=os.getpid(), saved=1.0)
    dead = SavedDraft(key="b", text="y", title="Crashed", pid=2**22 + 12345, saved=2.0)
    store.save(mine)
    store.save(dead)
    (store.folder / "c.json").write_text("{broken", encoding="utf-8")
    assert [d.key for d in store.orphans()] == ["b"]
    assert any(p.name.startswith("c.json.unreadable-") for p in store.folder.iterdir())  # kept aside
    store.discard("b")
    assert store.orphans() == []


def test_clinic_folder_comes_from_the_site_file(tmp_path: Path) -> None:
    assert authoring.clinic_root(Settings(clinic_dir=str(tmp_path / "shared"))) == tmp_path / "shared"
    assert authoring.clinic_root(Settings()).name == authoring.CLINIC_FOLDER
    assert authoring.prepare_clinic(tmp_path / "shared") is None
    (tmp_path / "shared" / "clinic" / "hours.md").write_text("---\ntitle: Opening hours\n---\n", encoding="utf-8")
    library = load_library([tmp_path / "shared"])
    assert library.root_topic.children[0].title == "Clinic articles"  # order 0: listed first


def test_the_clinic_topic_is_named_in_the_interface_language_and_follows_a_change(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    index = root / "clinic" / "index.md"
    authoring.prepare_clinic(root, "es")
    (root / "clinic" / "hours.md").write_text("---\ntitle: Horario\n---\n", encoding="utf-8")
    assert load_library([root]).root_topic.children[0].title == "Artículos de la clínica"
    authoring.prepare_clinic(root, "fr")  # untouched by the clinic: follows the new language
    assert load_library([root]).root_topic.children[0].title == "Articles de la clinique"
    index.write_text(index.read_text("utf-8").replace("Articles de la clinique", "Nos fiches"), "utf-8")
    authoring.prepare_clinic(root, "en")  # edited: the clinic's own page, left alone
    assert load_library([root]).root_topic.children[0].title == "Nos fiches"


def test_a_clinic_page_written_by_an_older_version_follows_the_language(tmp_path: Path) -> None:
    index = tmp_path / "clinic" / "index.md"
    index.parent.mkdir()
    index.write_text(authoring._OLD_CLINIC_INDEX, "utf-8")
    authoring.prepare_clinic(tmp_path, "es")
    assert "title: Artículos de la clínica" in index.read_text("utf-8")


def test_review_reports_what_guide_check_reports(sample_root: Path, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    authoring.prepare_clinic(clinic)
    library = load_library([sample_root, clinic])
    text = compose(ArticleText(title="A", reviewed="soon", body="Fine.\n\nSee [x](gone.md).\n"))
    path = clinic / "clinic" / "a.md"
    result = authoring.review(library, clinic, path, "clinic/a", text)
    messages = {(editor_line(p.line, result.article.body_line), p.message) for p in result.problems}
    assert (3, "link to missing article: gone.md") in messages
    assert (None, "'reviewed' is not a date: write it as YYYY-MM-DD") in messages
    # the same file, saved, gets the same problems from the code `guide check` runs
    path.write_text(text, encoding="utf-8")
    saved = load_library([sample_root, clinic])
    from guide.core.render import Renderer

    article = saved.article("clinic/a")
    assert article is not None
    checked = [p for p in saved.problems if p.path == path] + Renderer(saved).check(article)
    assert sorted(map(str, checked)) == sorted(map(str, result.problems))


def test_save_refuses_a_file_changed_since_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    digest = authoring.save_text(path, "one", "")
    assert digest == file_digest(path)
    path.write_text("someone else", encoding="utf-8")
    with pytest.raises(authoring.ChangedOnDisk):
        authoring.save_text(path, "two", digest)
    assert path.read_text(encoding="utf-8") == "someone else"
    with pytest.raises(authoring.ChangedOnDisk):  # a new article never overwrites a file that appeared
        authoring.save_text(path, "three", "")


def test_library_refresh_adds_changes_and_removes_one_article(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    authoring.prepare_clinic(root)
    (root / "clinic" / "a.md").write_text("---\ntitle: A\n---\nText.\n", encoding="utf-8")
    library = load_library([root])
    new = root / "clinic" / "b.md"
    new.write_text("---\ntitle: B\n---\n", encoding="utf-8")
    library.refresh([new])
    assert [a.id for a in library.topic("clinic").articles] == ["clinic/a", "clinic/b"]
    new.write_text("---\ntitle: Zed\nreviewed: never\n---\n", encoding="utf-8")
    library.refresh([new])
    assert library.article("clinic/b").title == "Zed"
    assert [p.message for p in library.problems] == ["'reviewed' is not a date: write it as YYYY-MM-DD"]
    new.unlink()
    library.refresh([new])
    assert library.article("clinic/b") is None and library.problems == []


def test_new_locations_never_collide_and_names_are_safe(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    authoring.prepare_clinic(root)
    library = load_library([root])
    first = authoring.new_location(library, root, "clinic", "Flu days")
    assert first == ("clinic/flu-days", root / "clinic" / "flu-days.md")
    first[1].write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert authoring.new_location(library, root, "clinic", "Flu days")[0] == "clinic/flu-days-2"
    assert authoring.keep_both_location(library, root, first[1])[0] == "clinic/flu-days-2"
    for odd in ("../x", "a/b\\c", "nul", "  ", "\x00\x01", "Café au lait", "😀 smile"):
        stem = authoring.file_name(odd)
        assert stem and "/" not in stem and "\\" not in stem and "." not in stem and stem == stem.strip("-")


def test_an_empty_clinic_library_is_in_the_tree_with_a_hint(tmp_path: Path) -> None:
    authoring.prepare_clinic(tmp_path / "clinic")
    library = load_library([tmp_path / "clinic"])
    assert library.topic("clinic") is None  # topics come from articles…
    library.keep_topic("clinic")  # …except the clinic's own library, which the window keeps
    topic = library.topic("clinic")
    assert topic is not None and topic.title == "Clinic articles" and "Article → New article" in topic.intro
    new = tmp_path / "clinic" / "clinic" / "a.md"
    new.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    library.refresh([new])
    assert [a.id for a in library.topic("clinic").articles] == ["clinic/a"]
