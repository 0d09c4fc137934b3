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
a Spanish handout is in Spanish whatever the menus are in. A missing catalog gives English
(English text is the message id); a broken one gives English and one log line, never an error.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import logging
import struct
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from guide.core.languages import primary

DOMAIN = "guide"
log = logging.getLogger(__name__)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


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
