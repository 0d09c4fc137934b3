"""Content languages: which language codes are known, and what each language calls itself.

The known codes are the BCP 47 primary language subtags in resources/language-subtags.txt,
generated from Debian's iso-codes (ISO 639-1/3/5) by scripts/make-language-subtags.py, so the
list is a maintained one and needs nothing at run time. Babel's locale data would also know
them, but the frozen app leaves that data out (33 MB; see build.spec).
"""

from __future__ import annotations

import functools
from importlib import resources

DEFAULT_LANGUAGE = "en"

# What a reader looks for in "Read in: English · Español": each language in its own words.
# Only the interface's and the bundled guide's languages need a name; others show their code.
AUTONYMS = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
    "ht": "Kreyòl ayisyen",
    "ar": "العربية",
    "zh": "中文",
    "vi": "Tiếng Việt",
    "sw": "Kiswahili",
}


@functools.cache
def known_subtags() -> frozenset[str]:
    """Every BCP 47 primary language subtag (lower case); empty if the list cannot be read."""
    try:
        text = resources.files("guide.resources").joinpath("language-subtags.txt").read_text("utf-8")
    except (OSError, ModuleNotFoundError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def primary(tag: str) -> str:
    """The primary language subtag of a BCP 47 tag, lower case: "es-419" -> "es"."""
    return tag.strip().replace("_", "-").partition("-")[0].lower()


def is_known(tag: str) -> bool:
    """True when the tag's primary language subtag is a registered one ("es", "es-MX", "haw")."""
    code = primary(tag)
    known = known_subtags()
    return bool(code) and (code in known if known else code.isalpha() and 2 <= len(code) <= 3)


def autonym(tag: str) -> str:
    """The language's name in itself ("Español"), or its code when the name is not known."""
    return AUTONYMS.get(primary(tag), tag)
