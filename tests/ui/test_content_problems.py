"""The window counts content problems as `guide check` does, and words them for people."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_main_window import texts_of_dialogs_opened_by

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PARSER_WORDS = ("found unexpected end of stream", "did not find expected", "MarkedYAMLError", "scalar")


@pytest.fixture
def troubled_root(sample_root: Path) -> Path:
    (sample_root / "broken" / "open-quote.md").write_text("---\ntitle: 'Diabetes\ntags: [a]\n---\nBody.\n", "utf-8")
    (sample_root / "heart" / "dead-link.md").write_text(
        "---\ntitle: Dead link\n---\nSee [the old page](gone.md).\n", "utf-8"
    )
    return sample_root


def _check_lines(root: Path) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "guide", "check", "--content", str(root)], capture_output=True, text=True, check=False
    )
    return [line for line in run.stdout.splitlines() if line.strip()]


def test_the_window_counts_what_guide_check_finds(qtbot: Any, make_window: Any, troubled_root: Path) -> None:
    lines = _check_lines(troubled_root)
    assert len(lines) == 4  # two files without usable front matter, an open quote, a dead link
    window = make_window(troubled_root, with_index=False)
    qtbot.waitUntil(lambda: window.problems_button.isVisible(), timeout=5000)
    assert window.problems_button.text() == "4 content problems — see Help"
    assert len(window.library.problems) == 3  # what the window used to count: loading problems only


def test_problems_are_worded_for_people_with_file_and_line(qtbot: Any, make_window: Any, troubled_root: Path) -> None:
    lines = _check_lines(troubled_root)
    assert not any(words in line for line in lines for words in PARSER_WORDS), lines
    quote = next(line for line in lines if "open-quote.md" in line)
    assert quote.endswith(":2: error: front matter: a quote (' or \") is opened and not closed"), quote

    window = make_window(troubled_root, with_index=False)
    qtbot.waitUntil(lambda: window.problems_button.isVisible(), timeout=5000)
    (text,) = texts_of_dialogs_opened_by(window.show_problems)
    assert text.startswith("4 content problems:")
    assert "Error: Front matter: a quote (' or \") is opened and not closed.\n" in text
    assert f"{troubled_root / 'broken' / 'open-quote.md'}, line 2" in text
    assert f"{troubled_root / 'heart' / 'dead-link.md'}, line 4" in text
    assert not any(words in text for words in PARSER_WORDS)
