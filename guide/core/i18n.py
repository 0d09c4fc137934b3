"""Translations of the text the Qt-free core writes (handouts, article banners), by language.

Mechanism: the standard library's :mod:`gettext`. The sources are ``.po`` files in
``resources/locale/LANG/LC_MESSAGES/guide.po``; the compiled ``.mo`` files sit beside them
in the repository, so the wheel (package-data ``**/*``) and the frozen app (build.spec ships
resources/ whole) carry them with no build step and no network. They are compiled with Babel's
``babel.messages`` (already installed: trafilatura needs it) by ``python -m guide.core.i18n``;
Debian's ``msgfmt`` gives the same files. tests/core/test_i18n.py fails when a ``.mo`` is older
than its ``.po`` (compiled again and compared) or when an entry is untranslated. Babel is not
needed at run time: reading a ``.mo`` is the standard library's.

Text follows the language of what is shown (the article's ``language``), not the interface's:
a Spanish handout is in Spanish whatever the menus are in. Text about the program itself (the
command line's messages, the welcome and topic pages) is in the *interface language*:
:func:`interface_language` turns the ``language`` setting ("system", "en", "es", "fr") into one
of :data:`SUPPORTED_LANGUAGES`, reading the system's locale variables the way gettext does.
A missing catalog gives English (English text is the message id); a broken one gives English
and one log line, never an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import logging
import os
import struct
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

from guide.core.languages import primary

DOMAIN = "guide"
log = logging.getLogger(__name__)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


# The interface languages with a shipped catalog (English is the message ids), each in its own words.
SUPPORTED_LANGUAGES = ("en", "es", "fr")
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français"}
# Set by tests (tests/conftest.py pins "en") and for a one-off run; read before the locale variables.
LANGUAGE_ENV = "GUIDE_LANGUAGE"
# The variables gettext reads, in its order: the first one set (non-empty) decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _locale_language(value: str) -> str:
    """ "es_MX.UTF-8@euro" -> "es"; "C", "POSIX", "C.UTF-8" and "" -> "" (no language)."""
    name = value.strip().partition(".")[0].partition("@")[0]
    if name in ("", "C", "POSIX"):
        return ""
    return primary(name)


def interface_language(choice: str = "system", environ: Mapping[str, str] | None = None) -> str:
    """The interface language for the ``language`` setting: one of :data:`SUPPORTED_LANGUAGES`.

    An explicit choice ("es") is taken when there is a catalog for it. "system" (or anything
    else) asks the environment as gettext does: ``GUIDE_LANGUAGE`` first, then the first of
    ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set; a colon list
    (``LANGUAGE=de:fr``) gives its first language that has a catalog, and stops at ``C``/``POSIX``.
    No language, C/POSIX, or only languages without a catalog: English.
    """
    wanted = primary(choice or "")
    if wanted in SUPPORTED_LANGUAGES:
        return wanted
    env = os.environ if environ is None else environ
    value = env.get(LANGUAGE_ENV, "") or next((env[v] for v in LOCALE_VARIABLES if env.get(v)), "")
    for part in value.split(":"):
        code = _locale_language(part)
        if not code and part.strip():  # C or POSIX: untranslated, as gettext stops there
            break
        if code in SUPPORTED_LANGUAGES:
            return code
    return "en"


def locale_dir() -> Path:
    """The folder holding LANG/LC_MESSAGES/guide.mo."""
    return Path(str(resources.files("guide.resources").joinpath("locale")))


@functools.cache
def translations(language: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The catalog for a language (``es``, ``es-MX`` …); English (no translation) when there is none."""
    code = primary(language)
    if not code or code == "en":
        return gettext.NullTranslations()
    path = (folder or locale_dir()) / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with open(path, "rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        log.info("no %s translation catalog (%s); English is used", code, path)
    except (OSError, ValueError, struct.error, IndexError, KeyError) as exc:
        log.warning("the %s translation catalog %s cannot be read (%s); English is used", code, path, exc)
    return gettext.NullTranslations()


def translator(language: str, folder: Path | None = None) -> Callable[[str], str]:
    """``_`` for one language: the translation of an English message, or the message itself."""
    return translations(language, folder).gettext


def format_date(value: dt.date, language: str = "en") -> str:
    """ "1 March 2024", "1 de marzo de 2024", "1 mars 2024": the date in words in a language."""
    _ = translator(language)
    return _("{day} {month} {year}").format(day=value.day, month=_(MONTHS[value.month - 1]), year=value.year)


def compile_catalogs(folder: Path | None = None) -> list[Path]:
    """Compile every ``.po`` under ``folder`` to the ``.mo`` beside it (development tool; needs Babel)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((folder or locale_dir()).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=None, domain=DOMAIN)
        with open(po.with_suffix(".mo"), "wb") as out:
            write_mo(out, catalog)
        written.append(po.with_suffix(".mo"))
    return written


if __name__ == "__main__":  # python -m guide.core.i18n: compile the catalogs after editing a .po
    for mo in compile_catalogs():
        print(f"wrote {mo}")
