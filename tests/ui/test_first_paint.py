"""Nothing the first paint does not need is loaded before it: no search engine, Markdown, YAML,
hyphenation or print support until the window is on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("whoosh", "markdown", "yaml", "pyphen", "rapidfuzz", "nacl", "PySide6.QtPrintSupport")

SHOW = """
import json, sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from guide.app import load_sources
from guide.core.bookmarks import Bookmarks
from guide.core.readability import ReadingLevels
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.main_window import MainWindow

app = QApplication([])
from guide.core.i18n import interface_language
from guide.ui.translation import install_translators
assert len(install_translators(app, interface_language(SettingsStore().settings.language))) == int(sys.argv[3])
library, index = load_sources([Path(sys.argv[1])], with_packs=False, use_cache=True)
window = MainWindow(library, Renderer(library), index, SettingsStore(), Bookmarks(), ReadingLevels(library, None))
window.show()
app.processEvents()
topics = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
read = sum("summary" in vars(a) for a in library.articles())  # records read from the catalog
print(json.dumps({"loaded": [m for m in json.loads(sys.argv[2]) if m in sys.modules], "topics": topics, "read": read}))
"""


@pytest.mark.parametrize("language", ["en", "es"])
def test_window_shows_its_topics_before_loading_heavy_modules(sample_root: Path, language: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_LANGUAGE=language)  # es: with its two translators
    make_cache = "import sys, pathlib, guide.core.catalog_cache as c; c.refresh(pathlib.Path(sys.argv[1]), None)"
    subprocess.run([sys.executable, "-c", make_cache, str(sample_root)], check=True, env=env)  # an earlier start
    out = subprocess.run(
        [sys.executable, "-c", SHOW, str(sample_root), json.dumps(HEAVY), "0" if language == "en" else "2"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    found = json.loads(out.splitlines()[-1])
    assert "Heart and circulation" in found["topics"]
    assert found["loaded"] == []
    assert found["read"] == 0  # the tree and the welcome page come from the catalog's head alone


def test_no_pack_store_or_draft_code_at_a_start_without_packs() -> None:
    script = (
        "import json, sys; from guide.core.packs.mount import installed_packs; import guide.core.authoring; "
        "print(json.dumps([installed_packs(), [m for m in ('guide.core.packs.store', 'guide.core.packs.archive', "
        "'guide.core.drafts') if m in sys.modules]]))"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
    assert json.loads(out) == [[], []]


ORDER = """
import json, sys
order = []


class Recorder:
    def find_spec(self, name, path=None, target=None):
        order.append(name)


sys.meta_path.insert(0, Recorder())
from guide.cli import main

main(["--content", sys.argv[1]])
late = [m for m in order[order.index("PySide6"):] if m.startswith("guide.core")]
print(json.dumps(late))
"""


def test_a_window_start_imports_its_core_modules_before_pyside(sample_root: Path) -> None:
    # PySide's import hook reads the source of every module imported after PySide6 (guide.cli.WINDOW_CORE)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GUIDE_QUIT_WHEN_SHOWN="1")
    out = subprocess.run(
        [sys.executable, "-c", ORDER, str(sample_root)], check=True, capture_output=True, text=True, env=env
    ).stdout
    assert json.loads(out.splitlines()[-1]) == []
