"""Builds the QApplication, the services and the main window; the only module that knows both sides."""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from guide import __version__
from guide.core import i18n, paths
from guide.core.bookmarks import Bookmarks
from guide.core.content import Library
from guide.core.readability import ReadingLevels
from guide.core.recent import RecentArticles
from guide.core.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from guide.core.catalog_cache import SharedScan
    from guide.core.search.deferred import DeferredIndex, Index
    from guide.ui.main_window import MainWindow
    from guide.ui.tasks import Progress

log = logging.getLogger(__name__)

LEVELS_FILE = "reading-levels.json"


def build_window(window: MainWindow, clinic: Path | None = None) -> MainWindow:
    """Add what lives outside the window itself: the handout actions (print, preview, PDF) and
    the Article menu, writing into the clinic library at ``clinic`` (one of the window's roots)."""
    from guide.ui import article_menu
    from guide.ui.handout_dialog import HandoutActions

    actions = HandoutActions(
        window.current_article_ids, lambda: window.library, lambda: window.renderer, lambda: window.store, window
    )
    window.add_print_actions(actions.actions())
    window.authoring = article_menu.install(window, clinic)  # type: ignore[attr-defined]
    return window


def window_roots(roots: Sequence[Path], settings: Settings) -> list[Path]:
    """The roots the window opens (see :func:`guide.core.authoring.window_roots`)."""
    from guide.core.authoring import window_roots as roots_with_clinic

    return roots_with_clinic(roots, settings)


def clinic_library(store: SettingsStore) -> Path:
    """The clinic library's folder, made if missing (its errors are reported when saving)."""
    from guide.core.authoring import clinic_root, prepare_clinic

    clinic = clinic_root(store.settings)
    if problem := prepare_clinic(clinic):
        log.warning("%s", problem)
    return clinic


def add_libraries(
    window: MainWindow, roots: list[Path], with_packs: bool, clinic: Path | None = None
) -> Callable[[], None]:
    """File → Libraries…; after a change the window shows the content again, packs included."""
    from guide.ui.libraries_dialog import add_libraries_action

    def reload() -> None:  # reading a 5,000-article catalog takes a moment: not on the UI thread
        from guide.core.render import Renderer

        def show(found: tuple[Library, DeferredIndex]) -> None:
            library, index = found
            window.replace_library(library, Renderer(library), index)

        window.tasks.run(lambda progress: load_sources(roots, with_packs, clinic), show)

    add_libraries_action(window, reload)
    return reload


def load_sources(
    roots: list[Path],
    with_packs: bool,
    clinic: Path | None = None,
    use_cache: bool = False,
    shared: SharedScan | None = None,
) -> tuple[Library, DeferredIndex]:
    """The library and search of the content roots and (unless --content was given) the installed packs.

    ``clinic``, the clinic's own library, may be empty without that counting as a content problem.
    With ``use_cache`` (the window's start), plain roots are read from their cached catalogs
    when there are any (:func:`check_catalogs` then brings those up to date). The search index
    is made when first used, after the window shows (:class:`DeferredIndex`); with ``shared``
    (the start's scan of the plain roots) and no packs, its first check of the files takes that
    scan (:class:`StartIndex`)."""
    from guide.core.authoring import CLINIC_TOPIC
    from guide.core.catalog_cache import read_cached
    from guide.core.packs.mount import installed_packs, open_index
    from guide.core.packs.mount import load_library as load_with_packs
    from guide.core.search.deferred import DeferredIndex

    packs = installed_packs() if with_packs else []
    cached = read_cached(_plain(roots, clinic)) if use_cache else {}
    library = load_with_packs(roots, packs, cached=cached)
    if clinic is not None:
        library.problems = [p for p in library.problems if not (p.line == 0 and p.path == clinic.absolute())]
        if clinic.absolute() in library.roots and (clinic / CLINIC_TOPIC).is_dir():
            library.keep_topic(CLINIC_TOPIC)  # "Clinic articles" in the tree before its first article

    def make() -> Index:
        made: Index = open_index(  # type: ignore[assignment]
            roots,
            packs,
            readonly_dir=paths.bundled_index(),
            source_of=library.source_of if packs else None,
            language=i18n.current_language(),  # queries are analysed in the interface's language first
        )
        return made

    if shared is not None and not packs:
        from guide.core.search.startindex import StartIndex

        return library, StartIndex(make, shared)
    return library, DeferredIndex(make)


def _plain(roots: list[Path], clinic: Path | None = None) -> list[Path]:
    """The roots whose catalogs are cached: all but the built app's own guide, which ships its catalog.

    The clinic's library is one of them: the cache is read only at the start and checked right
    after it, so what the editor saves during a session is read from the files as before."""
    pack = paths.bundled_pack()
    skip = {(pack / "content").absolute()} if pack is not None else set()
    return [Path(r).absolute() for r in roots if Path(r).absolute() not in skip]


def save_missing_catalogs(roots: list[Path], clinic: Path | None = None) -> None:
    """Make the cached catalog of each plain root that has none yet (what :func:`check_catalogs` does first)."""
    from guide.core.catalog_cache import cache_file, refresh

    for root in _plain(roots, clinic):
        if not cache_file(root).is_file():
            refresh(root, None)


def check_catalogs(window: MainWindow, roots: list[Path], with_packs: bool, clinic: Path | None = None) -> None:
    """In the background, check the cached catalogs of the plain roots against their files (and
    make them for roots that have none); when something changed, show the library anew.

    When the window's index is the start's (:class:`~guide.core.search.startindex.StartIndex`),
    the check takes the start's one scan of the files, which that index's update takes too, and
    the library is shown anew with that same index (not a new one that would look at every file
    again); its update after the change takes the same scan."""
    from guide.core.catalog_cache import SharedScan, read_cached, refresh
    from guide.core.search.startindex import StartIndex

    plain = _plain(roots, clinic)
    start = window.index if isinstance(window.index, StartIndex) else None
    shared = start.shared if start is not None else SharedScan(plain)

    def op(progress: Progress) -> tuple[Library, DeferredIndex] | None:
        cached = read_cached(plain)
        changed = False
        for root in plain:
            old = cached.get(root)
            changed = refresh(root, old, scanned=shared.of(root) if old is not None else None)[1] or changed
        return load_sources(roots, with_packs, clinic, use_cache=True) if changed else None  # not on the UI thread

    def done(found: tuple[Library, DeferredIndex] | None) -> None:
        if found is not None:
            from guide.core.render import Renderer

            library, index = found
            same = window.index is start  # not replaced meanwhile (File → Libraries…)
            if same and start is not None:
                index = start  # open already, and brought up to date from the same scan
                start.lend()
            window.replace_library(library, Renderer(library), index)
            window.statusBar().showMessage(
                QCoreApplication.translate("App", "Articles changed on disk since the last start: topics updated."),
                6000,
            )

    window.tasks.run(op, done, lambda exc: log.warning("catalog check failed: %s", exc))


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
    count = len(missing)
    text = i18n.ngettext(
        "The content folder {names} was not found (a drive that is not connected, or a mistyped name).",
        "The content folders {names} were not found (a drive that is not connected, or a mistyped name).",
        count,
    ).format(names=names)
    if fallback:
        text += " " + i18n._("The bundled guide is shown instead.")
    else:
        text += " " + i18n.ngettext("Its articles are not shown.", "Their articles are not shown.", count)
    return found, text


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


def collect_after_start(later_ms: int = 5000) -> None:
    """Turn Python's cycle collector back on once the window has painted.

    The start makes tens of thousands of objects that live as long as the program (modules,
    classes, Qt wrappers, a library's articles); the collector walked them dozens of times before
    the first paint (15-20 ms of a 200 ms start), so it is paused until then (:func:`run`, and
    ``python -m guide`` before its imports). Turned on as they were, the first collection would
    walk every one of them at once (~8 ms, just when the first key press is due): they are frozen
    (``gc.freeze``) and handed back to the collector ``later_ms`` afterwards, when the reader is
    reading, so that a library the window replaces (its articles form cycles) is still collected.
    """
    gc.freeze()
    gc.enable()
    QTimer.singleShot(later_ms, gc.unfreeze)


window_closed = False  # set when run() has closed its window: python -m guide then calls end_process


def end_process(code: int) -> NoReturn:
    """End ``python -m guide`` (and the frozen app) after its window has closed and :func:`run`
    returned, without the interpreter's teardown.

    By then what the user made is saved (the window's close saves its state and waits for its
    background tasks; :func:`run` closes the index). What the interpreter's teardown would add is
    freeing every module, class and Qt wrapper one at a time (~15 ms for this program, twice a
    bare window's), which the end of the process does at once. The exit handlers still run
    (logging's flush, PySide's shutdown, which deletes the ``QApplication``: on X11 that hands
    the clipboard to the clipboard manager). With another (non-daemon) thread still running, the
    normal exit waits for it instead.
    """
    main = threading.main_thread()
    if any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(code)  # the interpreter's exit waits for such a thread; daemon ones it does not
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
    os._exit(code)


def run(content_roots: list[Path] | None, argv: list[str]) -> int:
    """Open the reader window on the given roots (the bundled content by default)."""
    from guide.core.render import Renderer
    from guide.ui.main_window import MainWindow

    gc.disable()  # until the first paint: see collect_after_start
    platform_fallback()
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Health guide")
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("health-guide")  # the desktop entry resources/health-guide.desktop
    from guide.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    store = SettingsStore()
    # The core's words (topic and welcome pages, problem lists) in the interface language; a
    # Renderer made from here on takes it as its language (guide.core.render.Renderer).
    language = i18n.interface_language(store.settings.language)
    i18n.set_interface_language(language)
    from guide.ui.translation import install_translators

    install_translators(app, language)  # Qt's side (menus, dialogs): before any widget takes its words
    roots, notice = usable_roots(content_roots, store.settings.extra_roots)
    if notice:
        print(f"guide: {notice}", file=sys.stderr)
    clinic = clinic_library(store)
    roots = window_roots(roots, store.settings)  # as `guide index` has them: its index is this one
    from guide.core.catalog_cache import SharedScan

    shared = SharedScan(_plain(roots, clinic))  # the start's one look at the files: catalog check and index
    library, index = load_sources(roots, with_packs=not content_roots, clinic=clinic, use_cache=True, shared=shared)
    levels = ReadingLevels(library, paths.cache_dir() / LEVELS_FILE)
    services = (store, Bookmarks(), levels)
    checks = paths.cache_dir() / "checks"
    window = MainWindow(library, Renderer(library), index, *services, recent=RecentArticles(), check_cache=checks)
    if notice:  # in the window, not a message box that holds the window back until it is dismissed
        window.notice.show_message(
            notice, QCoreApplication.translate("App", "Open content folder…"), window.open_content_folder
        )

    def finish_start() -> None:
        collect_after_start()
        if os.environ.get("GUIDE_QUIT_WHEN_SHOWN"):  # for benchmarks/window_startup.py: shown and painted
            save_missing_catalogs(roots, clinic)  # so that the next start reads the catalog, as after a session
            app.quit()
            return
        build_window(window, clinic)
        add_libraries(window, roots, with_packs=not content_roots, clinic=clinic)
        window.start_indexing()
        check_catalogs(window, roots, with_packs=not content_roots, clinic=clinic)

    AfterFirstPaint(window, finish_start)
    window.show()
    code = app.exec()
    if window.index is not None and hasattr(window.index, "close"):  # the one it has now (a reload may replace it)
        window.index.close()
    global window_closed
    window_closed = True
    return code
