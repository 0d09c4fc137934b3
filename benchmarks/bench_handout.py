"""Print the time to make a ten-page handout PDF (median of 5 runs)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from guide.core.content import load_library
from guide.core.handout import HandoutOptions, build_handout_html
from guide.ui.printing import write_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "library"
IDS = ["heart/blood-pressure/hypertension", "mental-health/talking-therapy", "heart/heart-attack"] * 3


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    library = load_library([FIXTURES])
    from PySide6.QtGui import QImage

    from guide.core.links import image_file
    from guide.core.render import Renderer

    renderer = Renderer(library)
    options = HandoutOptions(clinic_name="Benchmark Clinic", clinic_contact="Tel 555 0100")

    def loader(url: str) -> QImage | None:
        path = image_file(library, url)
        return QImage(str(path)) if path else None

    times, pages = [], 0
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(5):
            start = time.perf_counter()
            html = build_handout_html(library, renderer, IDS, options)
            pages = write_pdf(html, Path(folder) / "bench.pdf", options, loader)
            times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"handout PDF, {len(IDS)} articles, {pages} pages: median {median:.0f} ms of 5")
    del app


if __name__ == "__main__":
    main()
