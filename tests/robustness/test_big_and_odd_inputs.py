"""Big and odd inputs: a 5 MB article, a topic of 20,000 articles, folders 50 deep, names in any
script, and queries nobody should type. Timings live in benchmarks/robustness_inputs.py."""

from __future__ import annotations

import html as html_lib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from robust_helpers import (
    CROWD,
    GOOD_TITLES,
    MARKER,
    assert_clean,
    big_article,
    crowd_root,
    deep_root,
    run_guide,
    write,
    write_good,
)

from guide.core.content import Library, load_library
from guide.core.pages import LISTING_CHUNK
from guide.core.render import Renderer
from guide.core.search import SearchIndex

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Names in several scripts, with spaces and an emoji; links between them written both ways.
WORLD = {
    "Здоровье сердца/Давление крови.md": (
        "---\ntitle: Давление крови\n---\n## Симптомы\n\nГоловная боль и давление.\n\n"
        "[صحة القلب](<../صحة القلب.md>) [emoji](../%E5%BF%83%E8%87%93%20%F0%9F%AB%80.md)\n"
    ),
    "صحة القلب.md": (
        "---\ntitle: صحة القلب\n---\nضغط الدم والقلب.\n\n[Давление](<Здоровье сердца/Давление крови.md#симптомы>)\n"
    ),
    "心臓 🫀.md": "---\ntitle: 心臓の健康\n---\n心臓と血圧。\n\n[with space](<with space.md>)\n",
    "with space.md": (
        "---\ntitle: A name with spaces\n---\nSpaced out text. "
        "[Arabic](%D8%B5%D8%AD%D8%A9%20%D8%A7%D9%84%D9%82%D9%84%D8%A8.md)\n"
    ),
}
WORLD_IDS = [name[:-3] for name in WORLD]


@pytest.fixture(scope="module")
def world_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_good(tmp_path_factory.mktemp("world") / "Библиотека مكتبة 図書館")
    for rel, text in WORLD.items():
        write(root / rel, text)
    return root


@pytest.fixture(scope="module")
def world_index(world_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex([world_root], tmp_path_factory.mktemp("world-index") / "индекс")
    index.update()
    yield index
    index.close()


# -- a 5 MB article ---------------------------------------------------------------------------


def test_a_5_mb_article_loads_renders_indexes_searches_and_opens(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "content"
    big_article(root / "big.md")
    write_good(root)
    library = load_library([root])
    article = library.article("big")
    assert article is not None and not [p for p in library.problems if p.path == article.path]
    window = make_window(root)  # builds the index; the window renders with the real Renderer
    hits = window.index.search(MARKER).hits
    assert hits and hits[0].id == "big" and hits[0].section == "Last section"
    window.show_place(type(window.current)("article", "big", "last-section"))
    assert window.current.id == "big"
    text = window.reader.toPlainText()
    assert len(text) > 4_000_000 and MARKER in text
    qtbot.keyClicks(window.search.box, MARKER)
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=10_000)


# -- a topic of 20,000 articles ---------------------------------------------------------------


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library([crowd_root(tmp_path_factory.mktemp("crowd") / "content")])


def test_a_topic_of_20000_articles_loads_and_lists_them_all(crowd: Library) -> None:
    topic = crowd.topic("crowd")
    assert len(crowd) == CROWD and topic is not None and len(topic.articles) == CROWD
    assert not crowd.problems
    page = Renderer(crowd).topic(topic).html
    assert page.count('href="guide:article/crowd/') == CROWD
    lists = re.findall(r'<ul class="articles">(.*?)</ul>', page, re.DOTALL)
    assert len(lists) == -(-CROWD // LISTING_CHUNK)  # split: one list of 20,000 took Qt 19 s to lay out
    assert max(chunk.count("<li>") for chunk in lists) == LISTING_CHUNK


def test_a_topic_of_20000_articles_opens_in_the_window(crowd: Library, qtbot: Any) -> None:
    from guide.app import build_window
    from guide.core.bookmarks import Bookmarks
    from guide.core.readability import ReadingLevels
    from guide.core.settings import SettingsStore
    from guide.ui.main_window import MainWindow
    from guide.ui.topic_tree import ID_ROLE

    # as make_window does, but on the library already loaded (loading 20,000 files twice is slow)
    window = build_window(MainWindow(crowd, Renderer(crowd), None, SettingsStore(), Bookmarks(), ReadingLevels(crowd)))
    qtbot.addWidget(window)
    window.show()
    try:
        found = window.model.match(window.model.index(0, 0), ID_ROLE, "crowd", 1)
        assert found and window.model.rowCount(found[0]) == CROWD
        window.show_place(type(window.current)("topic", "crowd"))
        text = window.reader.toPlainText()
        assert "Crowd article 0" in text and f"Crowd article {CROWD - 1}" in text
        window.show_place(type(window.current)("article", "crowd/a12345"))
        assert "Body of number 12345" in window.reader.toPlainText()
    finally:
        window.close()
        window.tasks.wait()


# -- folders 50 deep --------------------------------------------------------------------------


def test_folders_50_deep_load_link_search_and_render(tmp_path: Path, make_window: Any) -> None:
    root, bottom_id = deep_root(tmp_path / "content")
    library = load_library([root])
    bottom = library.article(bottom_id)
    assert bottom is not None and not library.errors()
    renderer = Renderer(library)
    assert not renderer.check(bottom)
    assert 'href="guide:article/gamma"' in renderer.article(bottom).html
    top = library.article("top")
    assert top is not None and not renderer.check(top)
    assert f'href="guide:article/{bottom_id}#deep"' in renderer.article(top).html
    topic = library.topic(bottom_id.rpartition("/")[0])
    assert topic is not None and "Bottom article" in renderer.topic(topic).html
    index = SearchIndex([root], tmp_path / "index")
    try:
        index.update()
        assert index.search("deep down").hits[0].id == bottom_id
    finally:
        index.close()
    window = make_window(root, with_index=False)
    window.show_place(type(window.current)("article", bottom_id))
    assert "Deep down" in window.reader.toPlainText()
    window.open_url(QUrl("guide:article/gamma"))
    assert window.current.id == "gamma"


def test_folders_nested_past_the_limit_are_reported_not_a_crash(tmp_path: Path, make_window: Any) -> None:
    """Python 3.11's os.walk recurses and failed near 1,000 levels, and building the topic tree
    recursed too (about 500 levels); now nothing raises and the folders too deep are reported."""
    from guide.core.content import MAX_DEPTH

    root = tmp_path / "content"
    folder = root
    for level in range(1, 3 * MAX_DEPTH + 1):  # 600 levels, built without recursion
        folder = folder / "d"
        folder.mkdir(parents=level == 1)
        if level in (MAX_DEPTH // 2, MAX_DEPTH, 3 * MAX_DEPTH):
            write(folder / f"at-{level}.md", f"---\ntitle: At level {level}\n---\nText at {level}.\n")
    library = load_library([root])
    shown = {a.title for a in library.articles()}
    assert shown == {f"At level {MAX_DEPTH // 2}", f"At level {MAX_DEPTH}"}
    assert [p.message for p in library.problems] == [f"folders nested more than {MAX_DEPTH} deep are not read"]
    deepest = library.topic("/".join(["d"] * MAX_DEPTH))
    assert deepest is not None and "At level" in Renderer(library).topic(deepest).html
    assert "(2 articles)" in Renderer(library).welcome().html
    window = make_window(root, with_index=False)
    window.show_place(type(window.current)("topic", deepest.id))
    assert f"At level {MAX_DEPTH}" in window.reader.toPlainText()


# -- names in any script ----------------------------------------------------------------------


def _hrefs(page: str) -> list[str]:
    return [html_lib.unescape(h) for h in re.findall(r'href="(guide:[^"]+)"', page)]


def test_names_in_any_script_load_link_and_render(world_root: Path) -> None:
    library = load_library([world_root])
    assert not library.problems, [str(p) for p in library.problems]
    renderer = Renderer(library)
    for article_id in WORLD_IDS:
        article = library.article(article_id)
        assert article is not None, article_id
        assert not renderer.check(article), [str(p) for p in renderer.check(article)]
        assert "link-unavailable" not in renderer.article(article).html
    page = renderer.article(library.article("Здоровье сердца/Давление крови"))  # type: ignore[arg-type]
    links = _hrefs(page.html)
    assert len(links) == 2
    topic = library.topic("Здоровье сердца")
    assert topic is not None and topic.title == "Здоровье сердца"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("давление", "Здоровье сердца/Давление крови"), ("القلب", "صحة القلب"), ("心臓の健康", "心臓 🫀"),
     ("spaced", "with space")],
)
def test_names_in_any_script_are_found(world_index: SearchIndex, query: str, expected: str) -> None:
    assert expected in [h.id for h in world_index.search(query).hits]


def test_names_in_any_script_open_and_follow_links_in_the_window(world_root: Path, make_window: Any) -> None:
    window = make_window(world_root, with_index=False)
    for article_id in WORLD_IDS:
        window.show_place(type(window.current)("article", article_id))
        assert window.current.id == article_id
        page = Renderer(window.library).article(window.library.article(article_id)).html
        for href in _hrefs(page):
            window.show_place(type(window.current)("article", article_id))
            window.open_url(QUrl(href))  # as the reader hands a clicked link over
            target = href.removeprefix("guide:article/").partition("#")[0]
            from urllib.parse import unquote

            assert window.current.id == unquote(target) and window.current.id in WORLD_IDS, href
    window.show_place(type(window.current)("article", "صحة القلب"))
    window.open_url(QUrl(_hrefs(Renderer(window.library).article(window.library.article("صحة القلب")).html)[0]))
    assert window.current.anchor == "симптомы"  # a Cyrillic heading has a slug of its own, not ""


def test_headings_in_any_script_have_their_own_anchors(world_root: Path) -> None:
    library = load_library([world_root])
    rendered = Renderer(library).article(library.article("Здоровье сердца/Давление крови"))  # type: ignore[arg-type]
    assert [h.slug for h in rendered.headings] == ["симптомы"]
    assert 'id="симптомы"' in rendered.html


def test_names_in_any_script_make_handouts(world_root: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "Памятка مطبوعة 🫀.pdf"
    result = run_guide("handout", *WORLD_IDS, "-o", str(pdf), "--content", str(world_root))
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


# -- odd and huge queries ---------------------------------------------------------------------

ODD_QUERIES = [
    "x" * 10_000,
    ("давление " * 1200)[:10_000],
    "!!!...???",
    '"unbalanced quote',
    "((unbalanced (parens",
    "))))",
    "AND OR NOT",
    "NOT",
    "*",
    "?",
    "**",
    "*kid*",
    "kid?ey",
    "title:давление",
    "id:gamma",
    "body:",
    ":",
    "9" * 400,
    "1e999",
    "-1",
    "‏مرحبا‎ القلب",
    "\u202eevil\u202c",
    "a\x00b",
    "\x00",
    "kidneys\x00lungs",
    "🫀🫀🫀",
    "\\",
    "[a-z]",
    "{1 TO 9}",
]


@pytest.mark.parametrize("query", ODD_QUERIES, ids=[f"q{n}" for n in range(len(ODD_QUERIES))])
def test_odd_queries_give_results_or_a_message(world_index: SearchIndex, query: str) -> None:
    results = world_index.search(query)
    assert results.hits or results.message
    assert not (results.message or "").startswith("Search failed"), results.message


def test_odd_queries_on_the_command_line(world_root: Path, tmp_path: Path) -> None:
    common = ["--content", str(world_root), "--index-dir", str(tmp_path / "index")]
    for query in (ODD_QUERIES[0], '"unbalanced quote', "AND OR NOT", "title:давление"):  # NUL: --batch only
        result = run_guide("search", "--json", query, *common)
        assert_clean(result)
        assert result.returncode == 0, result.stderr
        assert isinstance(json.loads(result.stdout), list)
    batch = tmp_path / "queries.txt"
    batch.write_text("\n".join(ODD_QUERIES) + "\n", encoding="utf-8")
    result = run_guide("search", "--batch", str(batch), *common)
    assert_clean(result)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(ODD_QUERIES)


def test_an_empty_query_on_the_command_line_is_a_clear_message(world_root: Path, tmp_path: Path) -> None:
    result = run_guide("search", "", "--content", str(world_root), "--index-dir", str(tmp_path / "index"))
    assert_clean(result)
    assert result.returncode in (0, 2)
    assert "Type a word" in result.stdout + result.stderr


def test_odd_queries_in_the_window(world_root: Path, make_window: Any, qtbot: Any) -> None:
    window = make_window(world_root)
    panel = window.search
    for query in ODD_QUERIES:
        panel.box.setText(query)
        panel.search_now()
        qtbot.waitUntil(lambda q=query: getattr(panel, "last", None) is not None and panel.last.query == q.strip(),
                        timeout=5000)
        assert panel.results.count() or panel.note.text(), query[:40]
        assert "Search failed" not in panel.note.text()


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs a FIFO and /dev/zero")
def test_pipes_devices_and_oversized_files_are_reported_not_read(tmp_path: Path) -> None:
    """Reading a pipe named x.md hung loading for ever; a link to /dev/zero never ended."""
    from guide.core.content import MAX_FILE_BYTES

    root = write_good(tmp_path / "content")
    os.mkfifo(root / "pipe.md")
    (root / "zero.md").symlink_to("/dev/zero")
    with open(root / "huge.md", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    checked = run_guide("check", "--content", str(root), timeout=20)  # a hang fails here, not the whole run
    assert_clean(checked)
    assert checked.returncode == 1
    for name, reason in (("pipe.md", "not a regular file"), ("zero.md", "not a regular file"), ("huge.md", "larger")):
        assert any(str(root / name) in line and reason in line for line in checked.stdout.splitlines()), name
    found = run_guide("search", "kidneys", "--json", "--content", str(root), "--index-dir", str(tmp_path / "ix"))
    assert_clean(found)
    assert found.returncode == 0 and '"good/alpha"' in found.stdout
    library = load_library([root])
    assert sorted(a.id for a in library.articles()) == sorted(GOOD_TITLES)


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge picture (a decompression bomb's first step)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


_LAUGHS = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
SVG_BOMB = (
    f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY l0 "lol">{_LAUGHS}]>'
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="20">&l9;</text></svg>'
)


@pytest.mark.qt_log_ignore("exceeds the current allocation limit", "This plugin does not support propagateSizeHints")
def test_image_bombs_neither_hang_nor_break_the_page(tmp_path: Path, make_window: Any, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from guide.core.handout import HandoutOptions, build_handout_html
    from guide.core.links import image_file
    from guide.ui.printing import write_pdf

    root = write_good(tmp_path / "content")
    write(root / "bomb.png", _png_claiming(60_000, 60_000))
    write(root / "bomb.svg", SVG_BOMB)
    write(root / "bomb.md", "---\ntitle: Bombs\n---\n![png](bomb.png)\n\n![svg](bomb.svg)\n\nAfter the bombs.\n")
    window = make_window(root, with_index=False)
    window.show_place(type(window.current)("article", "bomb"))
    assert "After the bombs" in window.reader.toPlainText()
    library = load_library([root])
    options = HandoutOptions()
    html = build_handout_html(library, Renderer(library), ["bomb"], options)

    def load(url: str) -> QImage | None:
        path = image_file(library, url)
        image = QImage(str(path)) if path else QImage()
        return None if image.isNull() else image

    assert write_pdf(html, tmp_path / "bomb.pdf", options, load) >= 1
