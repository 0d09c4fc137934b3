"""Fuzzed text straight into the renderer, the query parser and the search index.

Both the renderer and ``SearchIndex.search`` catch every exception so the window
survives; these tests look behind that net: a fuzzed body must render without the
"could not render body" fallback, and a fuzzed query must give results or a helpful
message, never "Search failed".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_helpers import write, write_good

from guide.core.content import load_library
from guide.core.render import Renderer
from guide.core.search import SearchIndex
from guide.core.search.query import MAX_QUERY_CHARS, MAX_TERMS, parse

_MARKDOWN_BITS = st.sampled_from(
    [
        "\n", "\n\n", "    ", "\t", "# ", "## ", "### ", "> ", "- ", "1. ", "* ", "```", "~~~", "---", "***", "|",
        ":---",
        "[", "]", "(", ")", "![", "[^1]", "[^1]: ", "{#id}", "{: .x}", "!!! note", "<div>", "</div>", "<a href=",
        "<img src=x>", "<!--", "-->", "&amp;", "&#", "\\", "*", "_", "`", "~", "<", ">", "\x00", "\ufeff", "\u202e",
        "\r\n", "x.md", "../", "javascript:", "guide:article/", "http://example.org", " ", "word", "émoji 🫀", "مرحبا",
    ]
)
# inside a tag only: escaped text such as "&lt;a href=javascript:" is harmless and shown as typed
_ACTIVE_URL = re.compile(r"""<[^<>]*(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):""")
BODIES = st.lists(_MARKDOWN_BITS | st.text(max_size=8), max_size=120).map("".join)


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_good(tmp_path_factory.mktemp("fuzz-text") / "content")
    write(root / "world" / "Здоровье сердца.md", "---\ntitle: Здоровье сердца\n---\nСердце и давление.\n")
    write(root / "world" / "صحة القلب.md", "---\ntitle: صحة القلب\n---\nالقلب وضغط الدم.\n")
    write(root / "world" / "心臓の健康 🫀.md", "---\ntitle: 心臓の健康\n---\n心臓と血圧。\n")
    return root


@pytest.fixture(scope="module")
def fuzz_index(fuzz_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex([fuzz_root], tmp_path_factory.mktemp("fuzz-text-index"))
    index.update()
    yield index
    index.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES)
def test_any_body_renders_without_the_fallback(fuzz_root: Path, body: str) -> None:
    path = write(fuzz_root / "scratch" / "fuzzed.md", f"---\ntitle: Fuzzed body\n---\n{body}")
    try:
        library = load_library([fuzz_root])
        article = library.article("scratch/fuzzed")
        assert article is not None
        rendered = Renderer(library).article(article)
    finally:
        path.unlink()
    assert not [p for p in rendered.problems if "could not render" in p.message], rendered.problems
    lowered = rendered.html.lower()
    assert "<script" not in lowered and not _ACTIVE_URL.search(lowered) and "\x00" not in rendered.html


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=300) | BODIES)
def test_any_text_as_a_body_renders(fuzz_root: Path, body: str) -> None:
    path = write(fuzz_root / "scratch" / "any-text.md", f"---\ntitle: Any text\n---\n{body}")
    try:
        library = load_library([fuzz_root])
        article = library.article("scratch/any-text")
        assert article is not None
        html = Renderer(library).body_html(article)
    finally:
        path.unlink()
    assert isinstance(html, str) and "<script" not in html.lower()


_QUERY_BITS = st.sampled_from(
    [
        '"', "(", ")", "*", "?", "-", "+", ":", "title:", "id:", "body:", "AND", "OR", "NOT", "~", "^", "\\", "[", "]",
        "{", "}", "/", "TO", "9" * 40, "1e308", "-0", "\x00", "\u202e", "\u200f", "مرحبا", "сердце", "心臓", "🫀", " ",
        "kidneys", "lung*", "liv?r", "alpha~2", "*:*", "'",
    ]
)
QUERIES = st.text(max_size=200) | st.lists(_QUERY_BITS, max_size=30).map(" ".join) | st.lists(_QUERY_BITS).map("".join)


@settings(max_examples=200, deadline=None)
@given(QUERIES)
def test_the_query_parser_takes_any_text(text: str) -> None:
    parsed = parse(text)
    assert len(parsed.parts) <= MAX_TERMS and len(parsed.text) <= MAX_QUERY_CHARS
    assert parsed.positive or parsed.message
    assert not [ch for ch in parsed.text if unicodedata.category(ch) == "Cc"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES)
def test_search_takes_any_query_and_never_fails_inside(
    fuzz_index: SearchIndex, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="guide"):
        results = fuzz_index.search(text)
        suggestions = fuzz_index.suggest(text)
    assert results.query == text
    assert results.hits or results.message
    assert not (results.message or "").startswith("Search failed"), results.message
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert isinstance(suggestions, list)
