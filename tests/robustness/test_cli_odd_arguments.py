"""Odd command lines: every mistake gets one clear 'guide: ...' line and an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from robust_helpers import write_good

from guide import cli


@pytest.fixture
def content(tmp_path: Path) -> list[str]:
    return ["--content", str(write_good(tmp_path / "content"))]


CASES = [
    ("render-escape", ["render", "../../etc/passwd"], 2, "no article with id"),
    ("render-empty-id", ["render", ""], 2, "no article with id"),
    ("render-unicode-id", ["render", "нет/такой статьи 🫀"], 2, "no article with id"),
    ("handout-unknown-id", ["handout", "../x", "-o", "{tmp}/x.pdf"], 2, "unknown article id"),
    ("handout-unknown-section", ["handout", "good/alpha", "--sections", "nope", "-o", "{tmp}/x.pdf"], 2, "section"),
    ("handout-missing-folder", ["handout", "good/alpha", "-o", "{tmp}/no/such/dir/x.pdf"], 1, "could not write"),
    ("handout-onto-a-folder", ["handout", "good/alpha", "-o", "{tmp}"], 1, "could not write"),
    ("search-missing-batch", ["search", "--batch", "{tmp}/none.txt"], 2, "cannot read"),
    ("search-nothing", ["search"], 2, "needs a QUERY"),
]


@pytest.mark.parametrize(("args", "code", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_mistake_gets_a_clear_message(
    qapp: Any, tmp_path: Path, content: list[str], capsys: pytest.CaptureFixture[str], args: list[str], code: int,
    message: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert cli.main([*argv, *content]) == code
    err = capsys.readouterr().err
    assert err.startswith("guide: ") and message in err, err
    assert "Traceback" not in err and "unexpected error" not in err
    assert not list(tmp_path.glob("**/*.pdf")) and not list(tmp_path.glob("**/.*.tmp"))


@pytest.mark.parametrize("kind", ["missing", "a-file"])
def test_a_content_root_that_is_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    root = str(tmp_path / "nowhere")
    if kind == "a-file":
        Path(root).write_text("not a folder", encoding="utf-8")
    assert cli.main(["search", "heart", "--content", root, "--index-dir", str(tmp_path / "ix")]) == 2
    assert cli.main(["render", "x", "--content", root]) == 2
    assert cli.main(["check", "--content", root]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "unexpected error" not in err
    said = [line for line in err.splitlines() if line.startswith("guide: ") and "content root" in line]
    assert len(said) == 2 and "content root" in out


def test_a_silly_limit_is_clamped(content: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = [*content, "--index-dir", str(tmp_path / "ix")]
    assert cli.main(["search", "--limit", "-5", "kidneys", "--json", *common]) == 0
    assert '"good/alpha"' in capsys.readouterr().out
    assert cli.main(["search", "--limit", str(10**30), "kidneys", *common]) == 0
