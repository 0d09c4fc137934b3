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
import re
import string
import struct
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from guide.core.languages import primary

DOMAIN = "guide"
log = logging.getLogger(__name__)


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it here: it is translated where it is
    shown (:func:`translate_message`), so stored text (catalogs, packs) stays English."""
    return message


# TRANSLATORS: a month name, as in "1 March 2024"
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))  # fmt: skip


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


# -- the interface language for this process: what the command line and the core's pages say --

_interface: gettext.NullTranslations = gettext.NullTranslations()
_interface_code = "en"


def set_interface_language(language: str) -> None:
    """Use this language (one of :data:`SUPPORTED_LANGUAGES`) for :func:`_`, :func:`ngettext` and
    :func:`translate_message` from now on. The command line calls it once at start, the window at
    start and when the language is changed in Preferences."""
    global _interface, _interface_code
    _interface_code = primary(language) if primary(language) in SUPPORTED_LANGUAGES else "en"
    _interface = translations(_interface_code)


def current_language() -> str:
    """The interface language set by :func:`set_interface_language` ("en" before)."""
    return _interface_code


def _(message: str) -> str:
    """A message in the interface language (the English message when it has no translation)."""
    return _interface.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """ "1 article" / "2 articles" in the interface language, by the language's plural rule."""
    return _interface.ngettext(singular, plural, count)


# -- messages made in English and shown later (problems, errors): translated where shown --------

_FIELD = re.compile(r"\{(\w+)[^{}]*\}")


@functools.cache
def _templates(language: str) -> tuple[tuple[str, re.Pattern[str], str, bool], ...]:
    """(longest fixed part, pattern, translation, has words) of each catalog message with
    {fields}, the one with the most fixed text first. A message without the fixed part cannot fit
    the pattern: a substring test skips most patterns (2,000 problems: 86 ms -> 23 ms to translate)."""
    catalog: dict[object, str] = getattr(translations(language), "_catalog", {})
    found = []
    for msgid, translated in catalog.items():
        if not isinstance(msgid, str) or "{" not in msgid or not translated:
            continue
        pattern, seen = [], set()
        try:
            parts = list(string.Formatter().parse(msgid))
        except ValueError:  # "a { } is not closed with '}'": braces as text, no fields
            continue
        if not all(name is None or name.isidentifier() for _literal, name, _spec, _conversion in parts):
            continue  # "{0}" or "{a.b}": not a template this module makes
        words = any(c.isalpha() for literal, *_rest in parts for c in literal)
        for literal, name, _spec, _conversion in parts:
            pattern.append(re.escape(literal))
            if name is not None:
                pattern.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
                seen.add(name)
        fixed = sum(len(literal) for literal, *_rest in parts)  # more fixed text: a closer fit, tried first
        anchor = max((literal for literal, *_rest in parts), key=len)  # must be in a message it fits
        found.append((anchor, re.compile("".join(pattern), re.DOTALL), translated, words, fixed))
    found.sort(key=lambda item: -item[4])
    return tuple(item[:4] for item in found)


def translate_message(message: str, language: str | None = None, _depth: int = 0) -> str:
    """An English message made from a marked template (``N_("cannot read {path}").format(…)``)
    in a language (default: the interface language); the message itself when it is not known.

    Problems and errors are made in English where they are found and kept so (a library's
    catalog on disk, a pack's), then shown in the reader's language: the template is found by
    matching the message against the catalog's messages with fields, and the values that filled
    the fields are translated too when they are messages themselves ("front matter: {reason}").
    """
    language = _interface_code if language is None else primary(language)
    if language not in SUPPORTED_LANGUAGES or language == "en" or not message:
        return message
    plain = translations(language).gettext(message)
    if plain != message or _depth > 2:
        return plain
    for anchor, pattern, translated, words in _templates(language):
        if not words and _depth == 0:
            continue  # "{problem}: {target}" fits any sentence with a colon; inside a known one, a date fits
        if anchor in message and (match := pattern.fullmatch(message)):
            found = match.groupdict()
            values = {k: translate_message(v, language, _depth + 1) for k, v in found.items()}
            if not words and values == found:
                continue  # fields alone ("{day} {month} {year}") are recognised only by a known part
            return _fill(translated, values)
    return message


def _fill(template: str, values: Mapping[str, str]) -> str:
    """A translated template with its fields replaced by already formatted text (specs dropped)."""
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), template)


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


# Where messages are taken from: the program's sources, and argparse's own (usage, errors),
# which the command line shows in the interface language too (guide.cli.translate_argparse).
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "gettext": None}
COMMENT_TAGS = ("TRANSLATORS:",)


def extract_messages() -> Any:
    """The template catalog (.pot) of every marked message in guide/ and in argparse (needs Babel)."""
    import argparse

    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir, extract_from_file

    package = Path(__file__).resolve().parents[1]
    template = Catalog(project="health-guide", charset="utf-8", fuzzy=False)
    for name, line, message, comments, context in extract_from_dir(
        package, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=COMMENT_TAGS
    ):
        where = (Path(package.name) / name).as_posix()
        template.add(message, None, [(where, line)], auto_comments=comments, context=context)
    for line, message, comments, context in extract_from_file("python", argparse.__file__, keywords=KEYWORDS):
        template.add(message, None, [("argparse.py", line)], auto_comments=comments, context=context)
    return template


def update_catalogs(folder: Path | None = None) -> list[Path]:
    """Write guide.pot from the sources and bring every .po up to date with it: new messages are
    added untranslated, gone ones dropped (development tool; needs Babel). Then compile."""
    from babel.messages.pofile import read_po, write_po

    folder = folder or locale_dir()
    template = extract_messages()
    with open(folder / f"{DOMAIN}.pot", "wb") as out:
        write_po(out, template, omit_header=False, sort_output=False, width=100)
    written = [folder / f"{DOMAIN}.pot"]
    for po in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3], domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        with open(po, "wb") as out:
            write_po(out, catalog, ignore_obsolete=True, width=100)
        written.append(po)
    return written + compile_catalogs(folder)


if __name__ == "__main__":
    # python -m guide.core.i18n            compile every .po after editing it
    # python -m guide.core.i18n --extract  take the messages from the sources into guide.pot and the .po files
    import sys

    for path in update_catalogs() if "--extract" in sys.argv[1:] else compile_catalogs():
        print(f"wrote {path}")
