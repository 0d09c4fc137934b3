"""Builds the QApplication, the services and the main window; the only module that knows both sides."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

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


def usable_roots(requested: Sequence[Path] | None, extra: Sequence[str] = ()) -> tuple[list[Path], str]:
    """The content roots to open and, when some are not there, a sentence saying so.

    Asked-for folders that are all missing give the bundled guide instead, so the window never
    opens empty; the user's added folders (``extra``) that are missing are left out."""
    asked = list(requested) if requested else [paths.bundled_content()]
    found = [r for r in asked if r.is_dir()]
    fallback = not found
    if fallback:
        found = [paths.bundled_content()]
    found += [Path(r) for r in extra if Path(r).is_dir() and Path(r) not in found]
    missing = list(dict.fromkeys(r for r in (*asked, *map(Path, extra)) if not r.is_dir()))
    if not missing:
        return found, ""
    names = ", ".join(str(r) for r in missing)
    one = len(missing) == 1
    text = f"The content folder{'' if one else 's'} {names} {'was' if one else 'were'} not found"
    text += " (a drive that is not connected, or a mistyped name)."
    if fallback:
        text += " The bundled guide is shown instead."
    else:
        text += f" {'Its' if one else 'Their'} articles are not shown."
    return found, text


def run(content_roots: list[Path] | None, argv: list[str]) -> int:
    """Open the reader window on the given roots (the bundled content by default)."""
    from guide.core.render import Renderer
    from guide.core.search import SearchIndex
    from guide.ui.main_window import MainWindow

    platform_fallback()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Health guide")
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    store = SettingsStore()
    roots, notice = usable_roots(content_roots, store.settings.extra_roots)
    if notice:
        print(f"guide: {notice}", file=sys.stderr)
    library = load_library(roots)
    try:
        index: SearchIndex | None = SearchIndex(roots, readonly_dir=paths.bundled_index())
    except Exception:
        log.exception("search index unavailable")
        index = None
    window = build_window(MainWindow(library, Renderer(library), index, store, Bookmarks()))
    if notice:  # in the window, not a message box that holds the window back until it is dismissed
        window.notice.show_message(notice, "Open content folder…", window.open_content_folder)
    window.show()
    if os.environ.get("GUIDE_QUIT_WHEN_SHOWN"):  # for benchmarks/window_startup.py
        QTimer.singleShot(0, app.quit)
    else:
        window.start_indexing()
    code = app.exec()
    if index is not None:
        index.close()
    return code
