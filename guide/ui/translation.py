"""The window in the reader's language: Qt translators for our strings and Qt's own.

Our strings are marked with ``tr``/``QCoreApplication.translate`` and live in
resources/translations/guide_LANG.ts (compiled by Qt's lrelease to .qm, see
scripts/update-translations); Qt's own ("Cancel", the file dialogs) come from the
qtbase_LANG.qm that PySide6 ships. Anything without a translation stays in English.
A missing or broken .qm file gives English and one log line, never an error.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS = "translations"  # the folder in guide.resources
DOMAIN = "guide"
_running = {"language": "en"}  # the language the translators were installed for (Preferences reads it)


def running_language() -> str:
    """The language the window's words are in now (a change in Preferences waits for a restart)."""
    return _running["language"]


def translations_dir() -> Path:
    return Path(str(resources.files("guide.resources").joinpath(TRANSLATIONS)))


def qt_translations_dir() -> Path:
    """Where Qt's own qtbase_LANG.qm are: Qt's translations folder, else PySide6's (the frozen app)."""
    found = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not any(found.glob("qtbase_*.qm")):
        import PySide6

        bundled = Path(PySide6.__file__).parent / "Qt" / "translations"
        found = bundled if bundled.is_dir() else found
    return found


def _load(app: QCoreApplication, path: Path, quiet_if_missing: bool = False) -> QTranslator | None:
    if not path.is_file():
        if not quiet_if_missing:
            log.info("no interface translation %s: English is shown instead", path)
        return None
    translator = QTranslator(app)
    try:
        loaded = translator.load(str(path))
    except Exception as exc:  # a damaged file must never stop the window
        log.warning("interface translation %s could not be read (%s): English is shown instead", path, exc)
        loaded = False
    if not loaded or translator.isEmpty():
        log.warning("interface translation %s could not be read: English is shown instead", path)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def install_translators(
    app: QCoreApplication, language: str, folder: Path | None = None, qt_folder: Path | None = None
) -> list[QTranslator]:
    """Install our and Qt's translators for ``language`` ("en" installs none); returns them.

    Call before the window is built: widgets take their text when they are made. Dates and
    numbers (QLocale) follow the language when the system's locale is in another language."""
    _running["language"] = "en"
    if language == "en" or not language:
        return []
    if QLocale().language() != QLocale(language).language():
        QLocale.setDefault(QLocale(language))
    installed = []
    ours = _load(app, (folder or translations_dir()) / f"{DOMAIN}_{language}.qm")
    if ours is not None:
        installed.append(ours)
    # Qt's standard buttons and dialogs; the frozen app ships only the languages we translate
    qt = _load(app, (qt_folder or qt_translations_dir()) / f"qtbase_{language}.qm", quiet_if_missing=ours is None)
    if qt is not None:
        installed.append(qt)
    if ours is not None:
        _running["language"] = language
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
