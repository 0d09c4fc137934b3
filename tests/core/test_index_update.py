"""Updating an index in place: one named file at a time, a crash part-way, and the prebuilt tables.

The side data lives in one SQLite store (guide/core/search/sidestore.py) that an update changes
row by row; these tests check what a user notices: an edited article is found by its new words
and not its old ones, a crash never leaves search broken, and the speller and suggestions read
from the store answer as tables made from the articles would.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest
from test_search_helpers import small_library, write_article

from guide.core import paths
from guide.core.search import SearchIndex
from guide.core.search.query import tokenize
from guide.core.search.ranking import name_lookups
from guide.core.search.sidestore import SIDE_FILE, SideStore
from guide.core.search.spelling import Speller, Suggester


def touch_later(path: Path, seconds: int = 2) -> None:
    """Make sure the file's stamp changes even on coarse file-system clocks."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def ids(index: SearchIndex, query: str) -> list[str]:
    return [h.id for h in index.search(query).hits]


def test_an_edited_article_is_found_by_its_new_words_and_not_its_old_ones(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    assert ids(index, "acanthocytosis") == ["blood/anaemia"]
    path = write_article(root, "blood/anaemia", "Thalassaemia trait", "Small red cells; quokkanite helps.")
    touch_later(path)
    report = index.update(files=[path])
    assert (report.updated, report.added, report.removed) == (1, 0, 0)
    assert ids(index, "quokkanite") == ["blood/anaemia"]
    assert ids(index, "acanthocytosis") == []  # the old text is gone
    assert [s.text for s in index.suggest("thalass")] == ["Thalassaemia trait"]
    assert "Anaemia" not in [s.text for s in index.suggest("anaem")]
    index.close()
    again = SearchIndex([root], tmp_path / "ix")  # as stored, not only as held in memory
    assert ids(again, "quokkanite") == ["blood/anaemia"] and ids(again, "acanthocytosis") == []
    assert again.is_current()
    again.close()


def test_a_named_file_is_updated_without_looking_at_the_others(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    named = write_article(root, "gut/c-diff", "Clostridioides difficile infection", "Wombatite in the bowel.")
    other = write_article(root, "diabetes/type-1", "Type 1 diabetes", "Numbatite and insulin.")
    touch_later(named)
    touch_later(other)
    assert index.update(files=[named]).updated == 1
    assert ids(index, "wombatite") == ["gut/c-diff"]
    assert "diabetes/type-1" not in ids(index, "numbatite")  # not named, not scanned: left for the next check
    assert not index.is_current()
    assert index.update().updated == 1
    assert ids(index, "numbatite") == ["diabetes/type-1"]
    index.close()


def test_named_files_add_and_remove_articles_and_others_are_ignored(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    new = write_article(root, "clinic/vaccination-days", "Vaccination days", "Bring the zorbline card.")
    gone = root / "gut" / "c-diff.md"
    gone.unlink()
    outside = write_article(tmp_path / "elsewhere", "x/y", "Elsewhere", "Quollite.")
    report = index.update(files=[new, gone, outside, root / "index.md"])
    assert (report.added, report.removed, report.updated) == (1, 1, 0)
    assert ids(index, "zorbline") == ["clinic/vaccination-days"]
    assert [s.text for s in index.suggest("vaccination d")] == ["Vaccination days"]
    assert ids(index, "clostridioides") == [] and ids(index, "quollite") == []
    assert index.is_current()
    index.close()


CRASH = """
import os, sys
from pathlib import Path
from guide.core.search import SearchIndex, engine, sidestore
point = sys.argv[3]
if point == "before-whoosh-commit":
    real_open = engine.windex.open_dir
    def open_dir(*args, **kwargs):
        ix = real_open(*args, **kwargs)
        real_writer = ix.writer
        def writer(*a, **k):
            w = real_writer(*a, **k)
            w.commit = lambda *x, **y: os._exit(3)
            return w
        ix.writer = writer
        return ix
    engine.windex.open_dir = open_dir
else:
    sidestore.SideStore.replace = lambda *args, **kwargs: os._exit(3)
index = SearchIndex([Path(sys.argv[1])], Path(sys.argv[2]))
index.update(files=[Path(sys.argv[1]) / "blood" / "anaemia.md"])
"""


@pytest.mark.parametrize("point", ["before-whoosh-commit", "after-whoosh-commit"])
def test_a_crash_in_the_middle_of_an_update_leaves_a_usable_index(tmp_path: Path, point: str) -> None:
    root = small_library(tmp_path / "lib")
    folder = tmp_path / "ix"
    first = SearchIndex([root], folder)
    first.update()
    first.close()
    touch_later(write_article(root, "blood/anaemia", "Anaemia", "Too few red cells; quokkanite helps."))
    crashed = subprocess.run([sys.executable, "-c", textwrap.dedent(CRASH), str(root), str(folder), point])
    assert crashed.returncode == 3  # killed where it was meant to be
    index = SearchIndex([root], folder)
    assert ids(index, "diabetes")  # searches at once, before any update
    assert not index.is_current()
    report = index.update()
    assert not report.rebuilt and report.updated == 1  # the interrupted article is done again, not all
    assert ids(index, "quokkanite") == ["blood/anaemia"]
    assert ids(index, "acanthocytosis") == []
    assert len(ids(index, "anaemia")) == 1  # no article twice
    index.close()


def test_the_prebuilt_speller_and_suggestion_tables_answer_as_tables_made_from_the_articles(tmp_path: Path) -> None:
    index = SearchIndex([paths.bundled_content()], tmp_path / "ix")
    index.update()
    index.close()
    store = SideStore(tmp_path / "ix" / SIDE_FILE, readonly=True)
    counts = store.counts()
    prebuilt = Speller(counts, store.title_words(), tables=store.speller_tables())
    made = Speller(counts, store.title_words())
    words = [w for w in counts if w.isalpha() and len(w) >= 4][:300]
    typos = [w[:2] + w[3:] for w in words] + [w[::-1] for w in words] + [w + "e" for w in words] + ["sirosis"]
    assert [prebuilt.correct(w) for w in typos] == [made.correct(w) for w in typos]
    assert any(prebuilt.correct(w) for w in typos)
    items = store.all_names()
    read = Suggester(items, prebuilt=lambda: store.prebuilt("suggester"))
    read.warm()
    assert not read.made_here  # the stored tables were used
    fresh = Suggester(items)
    titles = [title for _, title, _ in items]
    prefixes = {t[:n] for t in titles for n in (1, 3, 6)} | {w[:-1] + "x" for t in titles for w in tokenize(t)}
    for text in sorted(prefixes):
        assert read.suggest(text) == fresh.suggest(text), text
    store.close()


def test_stored_vocabulary_counts_add_up_over_updates(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    before = Counter(SideStore(tmp_path / "ix" / SIDE_FILE, readonly=True).counts())
    touch_later(write_article(root, "clinic/new", "New", "Zorbline zorbline."))
    index.update(files=[root / "clinic" / "new.md"])
    store = SideStore(tmp_path / "ix" / SIDE_FILE)
    assert store.counts()["zorbline"] == 2 and store.counts()["diabetes"] == before["diabetes"]
    store.close()
    index.close()


def test_suggestions_made_after_a_title_changed_are_kept_for_the_next_opening(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    path = write_article(root, "blood/anaemia", "Thalassaemia trait", "Small red cells.")
    touch_later(path)
    index.update(files=[path])
    assert index.warm()  # as the window does when it opens the index
    index.close()
    store = SideStore(tmp_path / "ix" / SIDE_FILE, readonly=True)
    entries, _, _ = store.prebuilt("suggester")
    store.close()
    assert "Thalassaemia trait" in [text for _, text, _ in entries] and "Anaemia" not in [t for _, t, _ in entries]


def test_after_updates_the_names_search_knows_are_those_of_a_fresh_opening(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    index = SearchIndex([root], tmp_path / "ix")
    index.update()
    new = write_article(root, "gut/reflux", "Acid reflux", "Burning in the chest.", aliases=("heartburn", "GORD"))
    index.update(files=[new])  # a group added
    assert ids(index, "gord") == ["gut/reflux"]
    changed = write_article(root, "gut/c-diff", "C. diff infection", "A bowel infection.", aliases=("c diff",))
    touch_later(changed)
    index.update(files=[changed])  # a group changed
    fresh = SearchIndex([root], tmp_path / "ix")
    assert fresh.search("heartburn").hits  # opens it
    assert index._open is not None and fresh._open is not None
    assert index._open.thesaurus.groups() == fresh._open.thesaurus.groups()
    assert ("acid reflux", "heartburn", "gord") in fresh._open.thesaurus.groups()
    fresh.close()
    index.close()


def test_the_stored_name_tables_are_those_ranking_makes_from_the_articles(tmp_path: Path) -> None:
    root = small_library(tmp_path / "lib")
    write_article(root, "gut/reflux", "Acid reflux", "Burning.", aliases=("heartburn", "Diabetes", "GORD"))
    index = SearchIndex([root, paths.bundled_content()], tmp_path / "ix")
    index.update()
    index.close()
    prepare = index._prepare()  # each article's names as its language matches them
    assert prepare is not None
    with contextlib.closing(sqlite3.connect(tmp_path / "ix" / SIDE_FILE)) as db:
        codes = dict(db.execute("SELECT id, lang FROM article WHERE lang IS NOT NULL").fetchall())
    assert codes  # the bundled guide has articles in Spanish and French
    store = SideStore(tmp_path / "ix" / SIDE_FILE, readonly=True)
    about = store.about()
    articles = {aid: store.articles()[aid] for aid in store.articles()}
    made = name_lookups(
        articles,
        {aid: about[aid] for aid in articles},
        lambda aid, t: prepare(codes.get(aid), t),
        lambda aid: aid not in codes,
    )
    assert store.groups() == list({json.dumps(g): g for g in made["groups"]}.values())  # the same groups, once each
    assert sorted(store.title_words()) == made["title_words"]
    exact = store.exact()
    assert {k: exact[k] for k in exact} == {k: [tuple(v) for v in rows] for k, rows in made["exact"].items()}
    store.close()
