"""Every command shown in README.md's code blocks runs as written (the IT person copies them).

Synopsis lines are run with their optional ``[parts]`` included and their placeholders (``ID``,
``DIR``, ``N``, ``TEXT``, ``SLUG,SLUG``, ``a4|letter``) filled in, so every option shown is tried.
Commands are run by bash in a scratch folder, with the user folders and ``HOME`` pointing there.
A command that needs something made first (a pack to verify, install or roll back; a document to
import) gets it from ``PREPARE``: copies of packs and keys made once per run (``made``) with the
guide's own commands and minisign. The worked pack example
runs as one script, in order, with two lines added (``BETWEEN``): the administrator trusting the
key the example made, and the 1.1 pack the example installs as an update.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.core.settings import OPTIONS, SITE_KEYS, SettingsStore

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
    # A translator's steps: they rewrite the repository's catalogs. tests/core/test_translatable.py
    # extracts and compares, tests/core/test_i18n.py compiles and compares, in a scratch folder.
    ".venv/bin/python -m guide.core.i18n --extract": "rewrites resources/locale (translator's step)",
    ".venv/bin/python -m guide.core.i18n": "rewrites the .mo files in resources/locale (translator's step)",
    "msgfmt -c --statistics -o /dev/null resources/locale/es/LC_MESSAGES/guide.po": "counts a repository file",
}


PACK = "demo-1.0.guidepack"
BUILD = f"guide pack build {shlex.quote(str(CONTENT))} -o {PACK} --id demo --version 1.0 --title Demo"
BUILD_11 = BUILD.replace("1.0", "1.1")
KEYS = "printf 'pw\\npw\\n' | minisign -G -p demo.pub -s demo.sec >/dev/null && echo pw > pw.txt"
MADE = "{made}"  # a folder where the demo packs and keys are made once for the module (see made())
PREPARE = {  # synopsis line -> what must exist before it runs
    "guide pack sign": f"cp {MADE}/{PACK} {MADE}/demo.sec {MADE}/pw.txt .",
    "guide pack verify": f"cp {MADE}/signed/{PACK} {MADE}/signed/{PACK}.minisig {MADE}/demo.pub .",
    "guide pack install": f"cp {MADE}/{PACK} .",
    "guide pack remove": f"cp {MADE}/{PACK} . && guide pack install {PACK} --system --allow-unsigned",
    "guide pack rollback": f"cp {MADE}/{PACK} {MADE}/demo-1.1.guidepack . && guide pack install {PACK} --system"
    " --allow-unsigned && guide pack install demo-1.1.guidepack --system --allow-unsigned",
    "guide export DIR -o FILE.guidepack": f"cp {MADE}/demo.sec {MADE}/pw.txt .",
    "guide import": "printf 'Looking after your feet\\n\\nWash and dry them every day.\\n' > leaflet.txt",
}
NIH_BUILD = "guide pack build ~/nih-articles -o medquad-1.0.guidepack --id medquad --version 1.0"
BETWEEN = {  # line of the worked example -> what runs before it
    "minisign -Sm": "python3 -c \"import json,os; json.dump({'packs_dir': os.path.abspath('system-packs'), "
    "'trusted_keys': [{'name': 'NIH', 'key': open('nih.pub').read().split()[-1]}]}, open('site.json', 'w'))\"",
    "guide pack install medquad-1.1": NIH_BUILD.replace("1.0", "1.1") + " --title 'MedQuAD (NIH)'"
    " && minisign -Sm medquad-1.1.guidepack -s nih.sec",
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
            commands[-1] = commands[-1].removesuffix("\\").rstrip() + " " + code.strip()
        else:
            commands.append(code.strip())
    return commands


def runnable(command: str, scratch: Path) -> str:
    """A synopsis made into a command: optional parts included, placeholders filled in."""
    command = command.replace("[ID ...]", SECOND_ID).replace("]...", "]")
    command = re.sub(r"\[([^\[\]]*)\]", r"\1", command)
    command = command.replace("a4|letter", "a4")
    command = command.replace("--content DIR", f"--content {shlex.quote(str(CONTENT))}")
    command = command.replace(
        "guide pack build DIR -o FILE --id ID --version V --title T --language L --publisher P",
        f"{BUILD} --language en --publisher 'Hill Clinic'",
    )
    command = command.replace("--key SECRET_KEY --password-file F", "--key demo.sec --password-file pw.txt")
    command = command.replace("--pubkey RW…", "--pubkey demo.pub").replace(" FILE ", f" {PACK} ")
    command = re.sub(r"^(guide pack (?:remove|rollback)) ID\b", r"\1 demo", command)
    command = command.replace(
        "guide import FILE... --into DIR --topic T", "guide import leaflet.txt --into drafts --topic Feet"
    )
    command = command.replace(
        "guide export DIR -o FILE.guidepack --key SECRET_KEY --id ID --title T --version V --publisher P",
        f"guide export {shlex.quote(str(CONTENT))} -o clinic-1.0.guidepack --key demo.sec --password-file pw.txt"
        " --id clinic --title Clinic --version 1.0 --publisher 'Hill Clinic'",
    )
    command = command.replace(
        "guide export DIR -o FILE.zip", f"guide export {shlex.quote(str(CONTENT))} -o library.zip"
    )
    command = command.replace("--index-dir DIR", f"--index-dir {shlex.quote(str(scratch / 'index'))}")
    command = re.sub(r"\bSLUG,SLUG\b", "the-cognitive-triangle,core-beliefs", command)
    command = re.sub(r"(?<=--limit )N\b", "3", command).removeprefix("sudo ")
    command = re.sub(r"\bTEXT\b", shlex.quote("Hill Clinic"), command)
    return re.sub(r"(?<=^guide handout )ID\b", FIRST_ID, command)


def shell_blocks() -> list[list[str]]:
    return [shell_commands(body) for language, body in code_blocks(README.read_text(encoding="utf-8"))
            if language in ("sh", "bash", "console")]  # fmt: skip


def readme_commands() -> list[str]:
    return [command for block in shell_blocks() for command in block]


# the worked pack example: the blocks that build, sign, install, update and remove the "medquad" pack
WORKED = [c for block in shell_blocks() if any("medquad" in c for c in block) for c in block]
RUN = [c for c in readme_commands() if c not in NOT_RUN and c not in WORKED]


def _scratch(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A scratch folder to run in, and the environment: HOME, the site file and the venv's guide."""
    scratch = tmp_path / "scratch"
    home = tmp_path / "home"
    for folder in (scratch, home / ".config" / "health-guide", home / ".local" / "share" / "health-guide"):
        folder.mkdir(parents=True)
    (scratch / "queries.txt").write_text("high blood pressure\ntalking therapy\n", encoding="utf-8")
    site = scratch / "site.json"
    site.write_text(json.dumps({"packs_dir": str(scratch / "system-packs")}), encoding="utf-8")
    bin_dir = Path(sys.executable).parent  # the venv's console script "guide"
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    return scratch, {**os.environ, "HOME": str(home), "PATH": path, "GUIDE_SITE_CONFIG": str(site)}


def test_the_readme_commands_are_found_and_every_skip_is_still_there() -> None:
    commands = readme_commands()
    assert set(NOT_RUN) <= set(commands), set(NOT_RUN) - set(commands)  # a stale skip would hide nothing
    assert any(c.startswith("guide render") for c in RUN) and any(c.startswith("guide list") for c in RUN)
    assert any(c.startswith("guide handout") for c in RUN) and any(c.startswith("tar ") for c in RUN)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo packs (1.0 and 1.1, and 1.0 signed) and a key pair with its password, made once."""
    folder = tmp_path_factory.mktemp("made")
    (folder / "signed").mkdir()
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    script = f"{BUILD} && {BUILD_11} && {KEYS} && cp {PACK} signed/"
    script += f" && guide pack sign signed/{PACK} --key demo.sec --password-file pw.txt"
    run = subprocess.run(["bash", "-c", script], cwd=folder, env={**os.environ, "PATH": path}, capture_output=True,
                         text=True, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return folder


@pytest.mark.parametrize("command", RUN)
def test_a_readme_command_runs(command: str, tmp_path: Path, made: Path) -> None:
    scratch, env = _scratch(tmp_path)
    line = runnable(command, scratch)
    prepare = next((p for start, p in PREPARE.items() if command.startswith(start)), "")
    prepare = prepare.replace(MADE, shlex.quote(str(made)))
    if prepare:
        made = subprocess.run(
            ["bash", "-c", prepare], cwd=scratch, env=env, capture_output=True, text=True, check=False
        )
        assert made.returncode == 0, f"preparing: {prepare}\n{made.stderr[-2000:]}"
    run = subprocess.run(["bash", "-c", line], cwd=scratch, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"{line}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    if command.startswith("guide handout"):
        assert (scratch / "handout.pdf").read_bytes().startswith(b"%PDF")
    if command.startswith("guide render"):
        assert "<h1>Cognitive behavioral therapy (CBT)</h1>" in run.stdout


def test_the_worked_pack_example_runs_in_order(tmp_path: Path) -> None:
    scratch, env = _scratch(tmp_path)
    shutil.copytree(CONTENT, Path(env["HOME"]) / "nih-articles")
    env["GUIDE_SITE_CONFIG"] = str(scratch / "site.json")
    for command in WORKED:
        before = next((b for start, b in BETWEEN.items() if command.startswith(start)), "")
        for line in (before, command.removeprefix("sudo ")):
            if not line:
                continue
            run = subprocess.run(
                ["bash", "-c", line],
                cwd=scratch,
                env=env,
                input="pw\npw\n",
                capture_output=True,
                text=True,
                check=False,
            )
            assert run.returncode == 0, f"{line}\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"


def test_the_site_file_example_is_accepted_as_it_stands(tmp_path: Path) -> None:
    blocks = [body for language, body in code_blocks(README.read_text(encoding="utf-8")) if language == "json"]
    assert blocks
    for body in blocks:
        example = json.loads(body)
        assert set(example) <= set(SITE_KEYS)
        site = tmp_path / "site.json"
        site.write_text(body, encoding="utf-8")
        settings = SettingsStore(tmp_path / "user.json", site).settings
        assert {key: getattr(settings, key) for key in example} == {k: OPTIONS[k].check(v) for k, v in example.items()}
