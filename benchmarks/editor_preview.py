"""Live preview while typing in the article editor: a 5,000-word article beside an empty one.

For each article the editor is opened offscreen and a word is typed, RUNS times. Printed
(medians): the UI-thread cost of one keystroke; the background review (parse, render and
check: what ``guide check`` runs); the UI-thread cost of showing the new preview and
problems; and the delay from the keystroke to the preview showing it, which includes the
editor's quiet time of REVIEW_DELAY_MS after typing stops. The empty article is the
baseline, in the same process.

    QT_QPA_PLATFORM=offscreen python benchmarks/editor_preview.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEXT = (
    "the clinic offers vaccination on tuesdays bring your card children under five need a parent "
    "wash your hands before and after changing the dressing call us if the wound bleeds"
)
WORDS = TEXT.split(" ")


CBT = "mental-health/talking-therapies/cognitive-behavioral-therapy"


def article_body(words: int) -> str:
    """Markdown of about ``words`` words: sections, lists, a table, links to bundled articles."""
    out: list[str] = []
    count = 0
    section = 0
    while count < words:
        section += 1
        out.append(f"## Section {section}\n")
        for paragraph in range(3):
            text = " ".join(WORDS[(section + paragraph + i) % len(WORDS)] for i in range(60))
            out.append(text.capitalize() + ".\n")
            count += 60
        out.append("- Bring your card\n- Come early\n- Ask at the desk\n")
        out.append("| Day | Time |\n|---|---|\n| Tuesday | 9 to 12 |\n")
        out.append(f"See [talking therapy](guide:article/{CBT}).\n")
        count += 20
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from guide.core import authoring, paths
    from guide.core.content import load_library
    from guide.core.drafts import ArticleText, DraftStore
    from guide.core.settings import SettingsStore
    from guide.ui.editor import REVIEW_DELAY_MS, EditorWindow, Target

    temp = Path(tempfile.mkdtemp(prefix="editor-bench-"))
    os.environ["GUIDE_CONFIG_DIR"] = str(temp / "config")
    os.environ["GUIDE_DATA_DIR"] = str(temp / "data")
    clinic = temp / "clinic"
    authoring.prepare_clinic(clinic)
    library = load_library([paths.bundled_content(), clinic])
    store = SettingsStore()
    body = article_body(args.words)
    print(f"article: {len(body.split())} words, {len(body):,} characters; runs: {args.runs}; "
          f"quiet time before a review: {REVIEW_DELAY_MS} ms")

    def measure(name: str, text: str) -> None:
        editor = EditorWindow(lambda: library, Target(clinic), ArticleText(title="Benchmark", body=text), store,
                              DraftStore(temp / "drafts"))
        editor.show()
        shown: list[float] = []
        original = editor._show_review

        def timed_show(result: authoring.Review) -> None:
            start = time.perf_counter()
            original(result)
            shown.append(time.perf_counter() - start)

        editor._show_review = timed_show  # type: ignore[method-assign]
        wait_idle(app, editor)
        editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
        keys, reviews, shows, delays = [], [], [], []
        for _ in range(args.runs):
            count = editor.review_count
            for ch in " word":
                start = time.perf_counter()
                QTest.keyClick(editor.text, ch if ch != " " else Qt.Key.Key_Space)
                keys.append(time.perf_counter() - start)
            typed = time.perf_counter()
            while editor.review_count == count:
                app.processEvents()
                time.sleep(0.001)
            delays.append(time.perf_counter() - typed)
            shows.append(shown[-1])
            start = time.perf_counter()
            authoring.review(library, clinic, *editor.where()[::-1], editor.article_text())
            reviews.append(time.perf_counter() - start)
            wait_idle(app, editor)
        editor._closing_ok = True
        editor.close()

        def ms(values: list[float]) -> str:
            return f"{statistics.median(values) * 1000:7.1f} ms"

        print(f"{name:>16}: keystroke {ms(keys)} | review (background) {ms(reviews)} | "
              f"show preview (UI) {ms(shows)} | keystroke to preview {ms(delays)}")

    measure("empty (baseline)", "")
    measure(f"{args.words:,} words", body)
    return 0


def wait_idle(app: object, editor: object) -> None:
    """Process events until no review is pending or running."""
    from PySide6.QtWidgets import QApplication

    while editor.review_timer.isActive() or editor._reviewing:  # type: ignore[attr-defined]
        QApplication.processEvents()
        time.sleep(0.001)


if __name__ == "__main__":
    sys.exit(main())
