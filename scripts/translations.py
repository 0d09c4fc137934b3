#!/usr/bin/env python3
"""Qt interface translations: extract the marked strings, and compile the .ts sources to .qm.

    python scripts/translations.py update    # lupdate: guide/ui -> resources/translations/guide_LANG.ts
    python scripts/translations.py compile   # lrelease: guide_LANG.ts -> guide_LANG.qm (build.spec runs this)

Both use the Linguist tools PySide6 ships (pyside6-lupdate, pyside6-lrelease beside the
Python running this), else Qt's own lupdate/lrelease (Debian's qt6-l10n-tools). ``update``
drops strings that left the code (-no-obsolete) and records no line numbers, so the .ts files
change only when a string does. Translate new entries with Qt Linguist or in the XML and remove
their type="unfinished"; tests/ui/test_translations.py fails on any entry left unfinished and
on .qm files that do not match their .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "guide" / "ui"
LANGUAGES = ("es", "fr")


def tool(name: str) -> str:
    """pyside6-NAME beside this Python, else NAME on PATH, else Qt 6's own."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    for candidate in (str(beside), shutil.which(f"pyside6-{name}"), shutil.which(name), f"/usr/lib/qt6/bin/{name}"):
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit(f"Qt's {name} was not found: install PySide6 (pip) or qt6-l10n-tools (apt)")


def ts_file(language: str, folder: Path = FOLDER) -> Path:
    return folder / f"guide_{language}.ts"


def update() -> None:
    sources = [*sorted(str(p) for p in SOURCES.glob("*.py")), str(ROOT / "guide" / "app.py")]
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                *sources,
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
        )


def compile_ts(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all(folder: Path = FOLDER, out: Path | None = None) -> list[Path]:
    made = []
    for language in LANGUAGES:
        qm = (out or folder) / f"guide_{language}.qm"
        compile_ts(ts_file(language, folder), qm)
        made.append(qm)
    return made


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        for made in compile_all():
            print(f"compiled {made.relative_to(ROOT)}")
    else:
        raise SystemExit(__doc__)
