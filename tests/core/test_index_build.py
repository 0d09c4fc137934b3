"""The fast index build writes the same index Whoosh's own writer would, and finds the same articles."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from whoosh import index as windex

from guide.core.content import scan
from guide.core.search import SearchIndex
from guide.core.search.engine import _article_docs, _fast_codec, make_schema
from guide.core.search.sidestore import SIDE_FILE, SideStore


def _postings(folder: Path) -> dict[tuple[str, bytes], list[tuple[int, float]]]:
    ix = windex.open_dir(str(folder))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        found = {}
        for fieldname, term in reader.all_terms():
            matcher = reader.postings(fieldname, term)
            rows = []
            while matcher.is_active():
                rows.append((matcher.id(), round(matcher.weight(), 5)))
                matcher.next()
            found[(fieldname, term)] = rows
        stored = [searcher.stored_fields(n) for n in range(reader.doc_count_all())]
    ix.close()
    return found, stored  # type: ignore[return-value]


def test_fast_build_writes_what_whoosh_would(sample_root: Path, tmp_path: Path) -> None:
    fast = SearchIndex([sample_root], tmp_path / "fast")
    report = fast.update()
    fast.close()
    assert report.rebuilt and report.added > 3
    plain = tmp_path / "plain"
    plain.mkdir()
    ix = windex.create_in(str(plain), make_schema())
    writer = ix.writer(codec=_fast_codec(), compound=False)  # Whoosh's own pool and add_document
    for entry in scan([sample_root])[0]:
        for doc in _article_docs(entry, {}, Counter(), {}, []):
            writer.add_document(**doc)
    writer.commit()
    ix.close()
    fast_postings, fast_stored = _postings(tmp_path / "fast")
    plain_postings, plain_stored = _postings(plain)
    assert fast_postings == plain_postings
    assert fast_stored == plain_stored


def test_fast_build_records_each_article_digest(sample_root: Path, tmp_path: Path) -> None:
    index = SearchIndex([sample_root], tmp_path / "index")
    index.update()
    store = SideStore(tmp_path / "index" / SIDE_FILE, readonly=True)
    entries = scan([sample_root])[0]
    assert store.digests() == {e.id: e.digest() for e in entries}
    store.close()
    index.close()


def test_built_index_is_searched_and_updated(sample_root: Path, tmp_path: Path) -> None:
    index = SearchIndex([sample_root], tmp_path / "index")
    index.update()
    assert [h.id for h in index.search("heart attack").hits][:1] == ["heart/heart-attack"]
    article = sample_root / "heart" / "heart-attack.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA zanzibarite sentence.\n", encoding="utf-8")
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    report = index.update()
    assert report.updated == 1 and not report.rebuilt
    assert [h.id for h in index.search("zanzibarite").hits] == ["heart/heart-attack"]
    index.close()
