"""Hostile articles: scripts, frames, handlers, dangerous links and root escapes never survive rendering.

Each case is an article body placed in a copy of the fixture library, next to
files outside the root (outside.md, outside.png) that an escape would reach.
The text must survive; no active content, no unsafe URL and nothing outside
the root may remain; links that climb out are refused with a problem.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import pytest
from page_helpers import all_topics, page_text

from guide import cli
from guide.core.content import Library, load_library
from guide.core.links import image_file, parse_url
from guide.core.models import Rendered
from guide.core.render import Renderer

ESCAPE = "leaves the content root"

# (case id, Markdown body, text that must survive, whether a root-escape problem is expected)
CASES: list[tuple[str, str, str, bool]] = [
    ("script", "<script>alert(1)</script>Safe text after a script", "Safe text after a script", False),
    (
        "script-upper",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\nText after upper script",
        "Text after upper",
        False,
    ),
    ("script-inline", "Inline <script>alert(1)</script>script text", "script text", False),
    ("iframe", '<iframe src="https://evil.example/">Frame text</iframe>', "Frame text", False),
    ("object", '<object data="https://evil.example/x.swf">Object text</object>', "Object text", False),
    ("embed", '<embed src="https://evil.example/x.swf">Embed text', "Embed text", False),
    (
        "form",
        '<form action="https://evil.example/"><input name="q"><button>Go</button></form>Form text',
        "Form text",
        False,
    ),
    (
        "style-tag",
        "<style>body { background: url(https://evil.example/x) }</style>Style text",
        "Style text",
        False,
    ),
    ("onerror", '<img src="x.png" onerror="alert(1)" alt="Broken">Onerror text', "Onerror text", False),
    ("onclick", '<p onclick="alert(1)" ONMOUSEOVER="alert(2)">Click text</p>', "Click text", False),
    (
        "style-url",
        '<p style="background:url(https://evil.example/x.png)">Styled text</p>',
        "Styled text",
        False,
    ),
    (
        "style-js",
        "<div style=\"background-image: url('javascript:alert(1)')\">Div text</div>",
        "Div text",
        False,
    ),
    ("svg-onload", '<svg onload="alert(1)"><text>in svg</text></svg> SVG after', "SVG after", False),
    ("md-javascript", "[JS link](javascript:alert(1))", "JS link", False),
    ("md-mixed-case", "[Mixed case](JaVaScRiPt:alert(1))", "Mixed case", False),
    ("md-entity", "[Entity link](jav&#x61;script:alert(1))", "Entity link", False),
    ("md-tab", "[Tab link](<java\tscript:alert(1)>)", "Tab link", False),
    ("md-vbscript", "[VB link](vbscript:msgbox(1))", "VB link", False),
    ("raw-javascript", '<a href="javascript:alert(1)">Raw JS</a>', "Raw JS", False),
    ("raw-entity", '<a href="jav&#x61;script:alert(1)">Raw entity</a>', "Raw entity", False),
    ("raw-mixed-spaced", '<a href="  JaVaScRiPt:alert(1)">Raw spaced</a>', "Raw spaced", False),
    (
        "md-data",
        "[Data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "Data link",
        False,
    ),
    (
        "raw-data",
        '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">Raw data</a>',
        "Raw data",
        False,
    ),
    ("md-data-image", "![Data image](data:image/png;base64,iVBORw0KGgo=)", "Data image", False),
    ("md-http-image", "![Remote image](https://evil.example/track.png)", "Remote image", False),
    ("md-http-image-plain", "![Plain remote](http://evil.example/track.png)", "Plain remote", False),
    ("raw-http-image", '<img src="http://evil.example/track.png" alt="Raw remote">', "Raw remote", False),
    (
        "raw-protocol-image",
        '<img src="//evil.example/track.png" alt="Protocol image">',
        "Protocol image",
        False,
    ),
    ("md-file", "[File link](file:///etc/passwd)", "File link", False),
    ("raw-file", '<a href="FILE:///etc/passwd">Raw file</a>', "Raw file", False),
    ("md-file-image", "![File image](file:///etc/passwd)", "File image", False),
    ("md-climb", "[Climb](../../etc/passwd)", "Climb", True),
    ("md-climb-md", "[Climb article](../../../outside.md)", "Climb article", True),
    ("md-climb-image", "![Climb image](../../../outside.png)", "Climb image", True),
    ("md-absolute", "[Absolute](/etc/passwd)", "Absolute", True),
    ("md-protocol-relative", "[Protocol relative](//evil.example/x)", "Protocol relative", True),
    ("md-encoded-climb", "[Encoded climb](..%2F..%2F..%2Foutside.md)", "Encoded climb", True),
    ("raw-climb", '<a href="../../../outside.md">Raw climb</a>', "Raw climb", True),
    ("raw-climb-image", '<img src="../../../outside.png" alt="Raw climb image">', "Raw climb image", True),
    ("symlink-out", "[Symlinked](sneaky.md) ![Symlinked image](sneaky.png)", "Symlinked", True),
    ("guide-climb", '<a href="guide:image/0/../../../outside.png">Guide climb</a>', "Guide climb", False),
    (
        "guide-image-climb",
        '<img src="guide:image/0/../../outside.png" alt="Guide image climb">',
        "Guide image",
        False,
    ),
    (
        "md-attr-handler",
        '[Attr link](https://ok.example/){: onclick="alert(1)" style="color:red" }',
        "Attr link",
        False,
    ),
    ("js-image-link", "[![Inner picture](images/triangle.svg)](javascript:alert(1))", "", False),
    (
        "base-meta-link",
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0">Head text',
        "Head",
        False,
    ),
    (
        "mutation",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>"
        "</mglyph></table></mtext></math>"
        "\n\nAfter mutation",
        "After mutation",
        False,
    ),
    ("comment", "<!-- <script>alert(1)</script> -->Comment text", "Comment text", False),
]

ACTIVE_TAG = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|form|input|button|style|svg|math|base|meta|link|frame|applet)\b",
    re.I,
)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
URL_ATTR = re.compile(r'\s(href|src)="([^"]*)"', re.I)


@pytest.fixture
def hostile_root(sample_root: Path) -> Path:
    """The fixture library, with files just outside it and symlinks pointing there."""
    outside = sample_root.parent
    (outside / "outside.md").write_text("---\ntitle: Outside\n---\nSecret.\n", encoding="utf-8")
    (outside / "outside.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (sample_root / "mental-health" / "sneaky.md").symlink_to(outside / "outside.md")
    (sample_root / "mental-health" / "sneaky.png").symlink_to(outside / "outside.png")
    return sample_root


def _render(root: Path, name: str, body: str) -> tuple[Library, Rendered]:
    path = root / "mental-health" / f"{name}.md"
    path.write_text(f"---\ntitle: Hostile {name}\n---\nIntro line.\n\n{body}\n", encoding="utf-8")
    library = load_library([root])
    article = library.article(f"mental-health/{name}")
    assert article is not None
    return library, Renderer(library).article(article)


def assert_harmless(html: str, library: Library) -> None:
    """No active content, no unsafe URL, nothing outside the root."""
    lowered = html.lower()
    assert ACTIVE_TAG.search(html) is None
    assert HANDLER.search(html) is None
    assert "style=" not in lowered
    for scheme in ("javascript:", "vbscript:", "data:", "file:"):
        assert scheme not in lowered
    for attr, value in URL_ATTR.findall(html):
        assert "evil" not in value and "outside" not in value and "passwd" not in value
        if attr.lower() == "src":
            assert value.startswith("guide:image/"), value
            found = image_file(library, value)
            assert found is not None and any(found.is_relative_to(r.resolve()) for r in library.roots)
        else:
            assert re.match(r"^(guide:|https?://|mailto:|#)", value), value
            if value.startswith("guide:"):
                assert parse_url(value) is not None


@pytest.mark.parametrize(("name", "body", "survivor", "escapes"), CASES, ids=[c[0] for c in CASES])
def test_hostile_article(hostile_root: Path, name: str, body: str, survivor: str, escapes: bool) -> None:
    library, rendered = _render(hostile_root, name, body)
    assert_harmless(rendered.html, library)
    assert "Intro line." in rendered.html
    assert survivor in page_text(rendered.html)
    escape_problems = [p for p in rendered.problems if ESCAPE in p.message]
    if escapes:
        assert escape_problems, rendered.problems
        assert all(p.path.name == f"{name}.md" and p.line >= 5 for p in escape_problems)
    else:
        assert not escape_problems


def test_there_are_enough_hostile_cases() -> None:
    assert len(CASES) >= 25
    assert len({c[0] for c in CASES}) == len(CASES)


def test_all_cases_in_one_article_report_each_escape_on_its_line(hostile_root: Path) -> None:
    body = "\n\n".join(c[1] for c in CASES)
    library, rendered = _render(hostile_root, "everything", body)
    assert_harmless(rendered.html, library)
    text = page_text(rendered.html)
    assert all(c[2] in text for c in CASES)
    lines = (hostile_root / "mental-health" / "everything.md").read_text(encoding="utf-8").splitlines()
    escapes = [p for p in rendered.problems if ESCAPE in p.message]
    assert len(escapes) >= sum(1 for c in CASES if c[3])
    for problem in escapes:
        target = problem.message.split(": ", 1)[1]
        assert target.rstrip("…") in lines[problem.line - 1], problem


def test_remote_images_become_alt_text(hostile_root: Path) -> None:
    _, rendered = _render(hostile_root, "remote", "![A chart](https://evil.example/chart.png)")
    assert "[image not loaded: A chart]" in rendered.html
    assert "<img" not in rendered.html


def test_http_links_stay_links_for_the_window_to_ask_about(hostile_root: Path) -> None:
    _, rendered = _render(hostile_root, "web", "[Site](https://example.org/a?b=1)")
    assert '<a href="https://example.org/a?b=1">Site</a>' in rendered.html


def test_rendering_never_opens_a_socket(hostile_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("rendering tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    body = "\n\n".join(c[1] for c in CASES)
    library, rendered = _render(hostile_root, "offline", body)
    renderer = Renderer(library)
    for topic in all_topics(library):
        renderer.topic(topic)
    renderer.welcome()
    assert rendered.html


def test_guide_render_prints_harmless_html(hostile_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "\n\n".join(c[1] for c in CASES)
    library, _ = _render(hostile_root, "cli", body)
    assert cli.main(["render", "mental-health/cli", "--content", str(hostile_root)]) == 0
    out, err = capsys.readouterr()
    assert_harmless(out, library)
    assert "Symlinked" in out and "Raw climb" in out
    assert ESCAPE in err
