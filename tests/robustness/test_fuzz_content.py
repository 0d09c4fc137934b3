"""Fuzzed content files: whatever bytes an author saves, loading never fails and is honest about it.

Each example writes a few generated files (front matter fenced or not, YAML of the
wrong types, huge values, control characters, NUL, BOMs, CRLF, invalid UTF-8, deep
nesting) next to known-good articles. Loading and ``guide check`` never raise;
every file still opens with a printable title; each file built with a defect is
reported with its own path and a line inside the file; the good articles load
without problems and render their text.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from page_helpers import all_topics
from robust_helpers import GOOD_TEXT, GOOD_TITLES, write, write_good

from guide import cli
from guide.core.content import load_library
from guide.core.render import Renderer
from guide.core.search import SearchIndex

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- strategies -------------------------------------------------------------------------------

_WEIRD = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200e\u202e\u2028\ufeff\ufffd"
_TEXTS = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(list(_WEIRD + "[]()<>*_`#>-|:!&\\\"'{}")),
    max_size=40,
)
_HUGE = st.sampled_from([10_000, 60_000]).map(lambda n: "huge " * (n // 5))
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    _TEXTS,
    _HUGE,
)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXTS, inner, max_size=3),
                       max_leaves=12)
_FIELDS = ("title", "summary", "tags", "aliases", "reviewed", "review_due", "reviewed_by", "sources", "language",
           "order")
_YAML_JUNK = st.text(alphabet=":[]{}&*!|>'\"%@`#-? \n\tab1", max_size=80)


def _nested_lists(depth: int) -> str:
    return "".join("  " * i + "- item\n" for i in range(depth))


_BLOCKS = st.one_of(
    _TEXTS,
    _HUGE,
    st.integers(1, 400).map(lambda d: "> " * d + "deep quote"),
    st.integers(1, 120).map(_nested_lists),
    st.integers(1, 3000).map(lambda n: "[" * n + "x" + "]" * (n // 2)),
    st.integers(1, 3000).map(lambda n: "[a](" * n),
    st.integers(1, 2000).map(lambda n: "<div>" * n),
    st.integers(1, 2000).map(lambda n: "*_" * n),
    st.sampled_from([
        "## A section\n\ntext", "### Sub {#custom-id}", "```\nunclosed fence", "| a | b |\n|---|\n| 1 |",
        "!!! warning\n    careful", "Term\n:   definition", "text[^1]\n\n[^1]: note", "[missing](nowhere.md)",
        "![img](missing.png)", "[esc](../../../etc/passwd)", "<script>x()</script>", "\x00NUL\x00",
        "[alpha](good/alpha.md)", "# Heading one", "\ufeffBOM inside",
    ]),
)
_BODY = st.lists(_BLOCKS, max_size=6).map("\n\n".join)
_FENCES = st.sampled_from(["ok", "ok", "ok", "none", "unclosed", "doubled", "spaces"])
_ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8-bom", "utf-16", "latin-1", "bad-bytes"])
_NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])


@dataclass(frozen=True)
class Fuzzed:
    """A generated article file and the defects it was built with (each must be reported)."""

    data: bytes
    defects: tuple[str, ...]


def _no_fence_lines(text: str) -> str:
    return re.sub(r"(?m)^---[ \t]*\r?$", "- - -", text)


def _has_printable(text: str) -> bool:
    return bool("".join(c for c in text if c.isprintable()).split())


@st.composite
def fuzzed_files(draw: st.DrawFn) -> Fuzzed:
    defects: list[str] = []
    fence = draw(_FENCES)
    fields = draw(st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=5))
    if draw(st.booleans()):
        fields["title"] = draw(_TEXTS.filter(_has_printable))
    if draw(st.integers(0, 9)) == 0:
        front = draw(_YAML_JUNK)  # anything goes: only "never raises" is checked
        defects.append("unknown")
    else:
        front = yaml.safe_dump(fields, allow_unicode=draw(st.booleans()), default_flow_style=draw(st.booleans()))
        title = fields.get("title")
        if title is None or title == "" or isinstance(title, bool) or not isinstance(title, str | int | float):
            defects.append("title")
    body = _no_fence_lines(draw(_BODY))
    front = _no_fence_lines(front)
    if fence == "ok":
        text = f"---\n{front}---\n{body}"
    elif fence == "spaces":
        text = f"---  \n{front}---\t\n{body}"
    elif fence == "none":
        text, defects = f"Plain first line\n{front}\n{body}", ["fence"]
    elif fence == "unclosed":
        text, defects = f"---\n{front}\n{body}", ["fence"]
    else:  # doubled: an empty front matter, then YAML as body
        text, defects = f"---\n---\n{front}---\n{body}", ["title"]
    newline = draw(_NEWLINES)
    if newline != "\n":
        text = text.replace("\n", newline)
        if newline == "\r" and fence != "none":
            defects = ["unknown"]  # old Mac line ends: a one-line file; only "never raises"
    if "\x00" in text:
        defects.append("nul")
    encoding = draw(_ENCODINGS)
    if encoding == "utf-8":
        data = text.encode("utf-8", "surrogatepass")
    elif encoding == "utf-8-bom":
        data = b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    elif encoding == "utf-16":
        data, defects = text.encode("utf-16", "surrogatepass"), ["encoding"]
    elif encoding == "latin-1":
        data = text.encode("latin-1", "replace")
        if any(b >= 0x80 for b in data):
            defects.append("encoding")
    else:
        raw = text.encode("utf-8", "surrogatepass")
        cut = draw(st.integers(0, len(raw)))
        cut = max(i for i in range(cut + 1) if i == 0 or i == len(raw) or (raw[i] & 0xC0) != 0x80)
        data = raw[:cut] + b"\xff\xfe\xc3(" + raw[cut:]
        defects.append("encoding")
    if "surrogate" in repr(data) or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        defects.append("encoding")
    return Fuzzed(data, tuple(dict.fromkeys(defects)))


# -- the checks ---------------------------------------------------------------------------------


def _check_library(root: Path, fuzzed: dict[str, Fuzzed]) -> None:
    library = load_library([root])
    renderer = Renderer(library)
    for problem in library.problems:
        assert problem.path.is_relative_to(root), problem
    for name, item in fuzzed.items():
        path = root / f"{name}.md"
        article = library.article(name)
        assert article is not None, f"{name} did not open"
        assert article.title and article.title.isprintable(), repr(article.title)
        own = [p for p in library.problems if p.path == path]
        lines = max(1, item.data.count(b"\n") + item.data.count(b"\r") + 1)
        for problem in own:
            assert 1 <= problem.line <= lines, problem
        must_report = [d for d in item.defects if d != "unknown"]
        if must_report:
            assert [p for p in own if p.severity == "error"], f"{name} built with {must_report} was not reported"
        rendered = renderer.article(article)  # must not raise, whatever is in the file
        assert isinstance(rendered.html, str) and "<script" not in rendered.html.lower()
    for article_id, word in GOOD_TEXT.items():
        article = library.article(article_id)
        assert article is not None and article.title == GOOD_TITLES[article_id]
        assert not [p for p in library.problems if p.path == article.path]
        rendered = renderer.article(article)
        assert word in rendered.html and not rendered.problems
    for topic in all_topics(library):
        assert renderer.topic(topic).html
    assert renderer.welcome().html


@FUZZ
@given(st.lists(fuzzed_files(), min_size=1, max_size=3))
def test_fuzzed_files_load_report_and_leave_good_files_alone(files: list[Fuzzed]) -> None:
    root = Path(tempfile.mkdtemp(prefix="guide-fuzz-"))
    try:
        write_good(root)
        fuzzed = {f"fuzz/f{n}": item for n, item in enumerate(files)}
        for name, item in fuzzed.items():
            write(root / f"{name}.md", item.data)
        _check_library(root, fuzzed)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fuzzed_files(), min_size=1, max_size=3))
def test_guide_check_reports_fuzzed_files_and_never_crashes(files: list[Fuzzed]) -> None:
    root = Path(tempfile.mkdtemp(prefix="guide-fuzz-check-"))
    try:
        write_good(root)
        for n, item in enumerate(files):
            write(root / "fuzz" / f"f{n}.md", item.data)
        with _capture() as out:
            code = cli.main(["check", "--content", str(root)])
        stdout, stderr = out()
        assert code in (0, 1), stderr
        assert "unexpected error" not in stderr
        assert "articles checked" in stderr
        for n, item in enumerate(files):
            if [d for d in item.defects if d != "unknown"]:
                assert str(root / "fuzz" / f"f{n}.md") in stdout
                assert code == 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fuzzed_files(), min_size=1, max_size=3))
def test_fuzzed_files_index_and_the_good_ones_are_found(files: list[Fuzzed]) -> None:
    root = Path(tempfile.mkdtemp(prefix="guide-fuzz-index-"))
    index = SearchIndex([root], root.parent / f"{root.name}-index")
    try:
        write_good(root)
        for n, item in enumerate(files):
            write(root / "fuzz" / f"f{n}.md", item.data)
        report = index.update()
        assert report.added == len(files) + len(GOOD_TEXT) and not report.notes
        for article_id, word in GOOD_TEXT.items():
            assert article_id in [h.id for h in index.search(word).hits], word
    finally:
        index.close()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(root.parent / f"{root.name}-index", ignore_errors=True)


class _capture:
    """Capture stdout and stderr of an in-process CLI call (hypothesis cannot use capsys)."""

    def __enter__(self) -> _capture:
        import contextlib
        import io

        self._out, self._err = io.StringIO(), io.StringIO()
        self._stack = contextlib.ExitStack()
        self._stack.enter_context(contextlib.redirect_stdout(self._out))
        self._stack.enter_context(contextlib.redirect_stderr(self._err))
        return self

    def __call__(self) -> tuple[str, str]:
        return self._out.getvalue(), self._err.getvalue()

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


# A few named cases the generator may not hit often, each reported on the right line.
NAMED: list[tuple[str, bytes, int]] = [
    ("only-fence", b"---\n", 1),
    ("empty", b"", 1),
    ("bom-only", b"\xef\xbb\xbf", 1),
    ("nul-in-title", b"---\ntitle: A\x00B\n---\ntext\n", 2),
    ("utf16-bom", "---\ntitle: UTF-16\n---\ntext\n".encode("utf-16"), 1),
    ("crlf-no-title", b"---\r\nsummary: s\r\n---\r\nbody\r\n", 1),
    ("title-dict", b"---\ntitle: {a: 1}\n---\ntext\n", 2),
    ("title-list", b"---\nsummary: s\ntitle: [a, b]\n---\ntext\n", 3),
    ("bad-yaml-line", b"---\ntitle: ok\nsummary: s\ntags: [unclosed\n---\ntext\n", 4),  # where "[" was opened
    ("yaml-python-tag", b"---\ntitle: !!python/object/apply:os.system [echo]\n---\ntext\n", 2),
    ("yaml-bad-date", b"---\ntitle: A\nreviewed: 2024-13-45\n---\ntext\n", 2),
    ("deep-yaml", b"---\ntitle: A\ntags: " + b"[" * 3000 + b"]" * 3000 + b"\n---\ntext\n", 3),
    ("huge-order", b"---\ntitle: A\norder: 123456789012345678901234567890\n---\ntext\n", 3),
    ("bad-bytes-line-4", b"---\ntitle: A\n---\nfine\n\xff\xfe bad\n", 5),
    ("latin1-title", b"---\ntitle: Caf\xe9\n---\ntext\n", 2),
]


@pytest.mark.parametrize(("name", "data", "line"), NAMED, ids=[n for n, _, _ in NAMED])
def test_named_broken_files_are_reported_on_their_line(tmp_path: Path, name: str, data: bytes, line: int) -> None:
    write_good(tmp_path)
    path = write(tmp_path / f"{name}.md", data)
    library = load_library([tmp_path])
    errors = [p for p in library.errors() if p.path == path]
    assert errors, f"{name}: nothing reported"
    assert line in [p.line for p in errors], [str(p) for p in errors]
    article = library.article(name)
    assert article is not None and article.title.isprintable()
    assert isinstance(Renderer(library).article(article).html, str)


def test_a_wrongly_typed_title_is_reported_once_not_also_as_missing(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: [a, b]\n---\ntext\n")
    messages = [p.message for p in load_library([tmp_path]).problems if p.path == path]
    assert messages == ["'title' must be text, not list"]


@pytest.mark.parametrize(
    "body",
    ["[" * 20_000, "![" * 10_000, "[a](" * 10_000, "[^" * 10_000, "[" * 10_000 + "x" + "]" * 10_000],
    ids=["open-brackets", "open-images", "open-link-targets", "open-footnotes", "deep-nesting"],
)
def test_a_paragraph_of_stray_brackets_renders(tmp_path: Path, body: str) -> None:
    """Python-Markdown scanned from each '[' to the paragraph's end: minutes for this; now it renders."""
    write(tmp_path / "a.md", f"---\ntitle: Brackets\n---\nBefore [a link](b.md).\n\n{body}\n\nAfter.\n")
    write(tmp_path / "b.md", "---\ntitle: B\n---\nb\n")
    library = load_library([tmp_path])
    article = library.article("a")
    assert article is not None
    from markdown.inlinepatterns import LinkInlineProcessor

    scanned = {"chars": 0}
    original = LinkInlineProcessor.getText

    def counting(self: LinkInlineProcessor, data: str, index: int) -> tuple[str, int, bool]:
        scanned["chars"] += len(data) - index  # what a scan from here may have to walk over
        return original(self, data, index)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(LinkInlineProcessor, "getText", counting)
        html = Renderer(library).article(article).html
    assert "guide:article/b" in html and "After." in html
    assert scanned["chars"] <= 1000 * len(body), scanned  # unbounded, it was about len(body) ** 2 / 2
