"""Builds the QApplication, the services and the main window; the only module that knows both sides."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from guide import __version__
from guide.core import paths
from guide.core.bookmarks import Bookmarks
from guide.core.content import load_library
from guide.core.settings import SettingsStore

if TYPE_CHECKING:
    from guide.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def build_window(window: MainWindow) -> MainWindow:
    """Add what lives outside the window itself: the handout actions (print, preview, PDF)."""
    from guide.ui.handout_dialog import HandoutActions

    actions = HandoutActions(
        window.current_article_ids, lambda: window.library, lambda: window.renderer, lambda: window.store, window
    )
    window.add_print_actions(actions.actions())
    return window


def platform_fallback() -> None:
    """The frozen app ships only the xcb and offscreen platform plugins: a desktop that names
    another one (``QT_QPA_PLATFORM=wayland``) gets X11 through XWayland, not no window at all."""
    wanted = os.environ.get("QT_QPA_PLATFORM", "")
    if paths.frozen_base() is not None and wanted and not any(p in wanted for p in ("xcb", "offscreen")):
        os.environ["QT_QPA_PLATFORM"] = f"{wanted};xcb"  # Qt tries each name in turn


class AfterFirstPaint(QObject):
    """Calls ``then`` once the window has painted for the first time (or after ``latest_ms``).

    What the first paint does not need (the print actions and their print-support module, the
    search index with Whoosh) is started from here, so the window appears without waiting for it.
    """

    def __init__(self, window: QObject, then: Callable[[], None], latest_ms: int = 3000) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self._fire)  # a window that never paints (minimised) starts all the same

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def run(content_roots: list[Path] | None, argv: list[str]) -> int:
    """Open the reader window on the given roots (the bundled content by default)."""
    from guide.core.render import Renderer
    from guide.core.search.deferred import DeferredIndex
    from guide.ui.main_window import MainWindow

    platform_fallback()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Health guide")
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    store = SettingsStore()
    roots = list(content_roots) if content_roots else [paths.bundled_content()]
    roots += [Path(r) for r in store.settings.extra_roots if Path(r) not in roots]
    missing = [r for r in roots if not r.is_dir()]
    if missing:
        QMessageBox.warning(None, "Content folder not found", "\n".join(f"Not found: {r}" for r in missing))
        roots = [r for r in roots if r.is_dir()]
    library = load_library(roots)
    index = DeferredIndex(roots, readonly_dir=paths.bundled_index())  # Whoosh is imported after the first paint
    window = MainWindow(library, Renderer(library), index, store, Bookmarks())

    def finish_start() -> None:
        if os.environ.get("GUIDE_QUIT_WHEN_SHOWN"):  # for benchmarks/window_startup.py: shown and painted
            app.quit()
            return
        build_window(window)
        window.start_indexing()

    AfterFirstPaint(window, finish_start)
    window.show()
    code = app.exec()
    index.close()
    return code
