"""Every command shown in README.md's code blocks runs as written (the IT person copies them).

Synopsis lines are run with their optional ``[parts]`` included and their placeholders (``ID``,
``DIR``, ``N``, ``TEXT``, ``SLUG,SLUG``, ``a4|letter``) filled in, so every option shown is tried.
Commands are run by bash in a scratch folder, with the user folders and ``HOME`` pointing there.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from guide.core.settings import SITE_KEYS, SettingsStore

REPO = Path(__file__).parents[1]
README = REPO / "README.md"
CONTENT = REPO / "content"
FIRST_ID = "mental-health/talking-therapies/cognitive-behavioral-therapy"
SECOND_ID = "health-coverage/medicaid-therapy-coverage"

# Commands that are not run, and why. Only these: anything else in a code block is run.
NOT_RUN = {
    "./scripts/run": "opens the window",
    "guide": "opens the window",
    "guide --content ~/clinic-articles": "opens the window",
    "./scripts/test": "sets up .venv and runs this whole test suite, this test included",
    "sudo apt-get install binutils": "installs PyInstaller's objdump: part of building the app",
    "./scripts/build-and-smoke": "builds the app (a minute; .ci/run does it after the tests)",
    "./scripts/build-and-smoke --onefile": "builds the app (a minute; .ci/run does it after the tests)",
}


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of each fenced code block."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def shell_commands(body: str) -> list[str]:
    """The commands of a shell block: comments dropped, indented lines joined to the line above."""
    commands: list[str] = []
    for line in body.splitlines():
        code = re.split(r"\s+#\s", line, maxsplit=1)[0].rstrip()
        if not code.strip():
            continue
        if line[:1].isspace() and commands:
            commands[-1] += " " + code.strip()
        else:
            commands.append(code.strip())
    return commands


def runnable(command: str, scratch: Path) -> str:
    """A synopsis made into a command: optional parts included, placeholders filled in."""
    command = command.replace("[ID ...]", SECOND_ID).replace("]...", "]")
    command = re.sub(r"\[([^\[\]]*)\]", r"\1", command)
    command = command.replace("a4|letter", "a4")
    command = command.replace("--content DIR", f"--content {shlex.quote(str(CONTENT))}")
    command = command.replace("--index-dir DIR", f"--index-dir {shlex.quote(str(scratch / 'index'))}")
    command = re.sub(r"\bSLUG,SLUG\b", "the-cognitive-triangle,core-beliefs", command)
    command = re.sub(r"(?<=--limit )N\b", "3", command)
    command = re.sub(r"\bTEXT\b", shlex.quote("Hill Clinic"), command)
    return re.sub(r"(?<=^guide handout )ID\b", FIRST_ID, command)


def readme_commands() -> list[str]:
    found = []
    for language, body in code_blocks(README.read_text(encoding="utf-8")):
        if language in ("sh", "bash", "console"):
            found.extend(shell_commands(body))
    return found


RUN = [c for c in readme_commands() if c not in NOT_RUN]


def test_the_readme_commands_are_found_and_every_skip_is_still_there() -> None:
    commands = readme_commands()
    assert set(NOT_RUN) <= set(commands), set(NOT_RUN) - set(commands)  # a stale skip would hide nothing
    assert any(c.startswith("guide render") for c in RUN) and any(c.startswith("guide list") for c in RUN)
    assert any(c.startswith("guide handout") for c in RUN) and any(c.startswith("tar ") for c in RUN)


@pytest.mark.parametrize("command", RUN)
def test_a_readme_command_runs(command: str, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    home = tmp_path / "home"
    for folder in (scratch, home / ".config" / "health-guide", home / ".local" / "share" / "health-guide"):
        folder.mkdir(parents=True)
    (scratch / "queries.txt").write_text("high blood pressure\ntalking therapy\n", encoding="utf-8")
    bin_dir = Path(sys.executable).parent  # the venv's console script "guide"
    env = {**os.environ, "HOME": str(home), "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    line = runnable(command, scratch)
    run = subprocess.run(["bash", "-c", line], cwd=scratch, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"{line}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    if command.startswith("guide handout"):
        assert (scratch / "handout.pdf").read_bytes().startswith(b"%PDF")
    if command.startswith("guide render"):
        assert "<h1>Cognitive behavioral therapy (CBT)</h1>" in run.stdout


def test_the_site_file_example_is_accepted_as_it_stands(tmp_path: Path) -> None:
    blocks = [body for language, body in code_blocks(README.read_text(encoding="utf-8")) if language == "json"]
    assert blocks
    for body in blocks:
        example = json.loads(body)
        assert set(example) <= set(SITE_KEYS)
        site = tmp_path / "site.json"
        site.write_text(body, encoding="utf-8")
        settings = SettingsStore(tmp_path / "user.json", site).settings
        assert {key: getattr(settings, key) for key in example} == example
