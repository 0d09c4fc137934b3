"""Text the core writes in the article's language: catalogs, the reader's translation banner and
"Read in" links, and handouts (dates, footers, the unreviewed-translation line on every page)."""

from __future__ import annotations

import datetime as dt
import gettext
import logging
from pathlib import Path
from typing import Any

import pytest

from guide.core import i18n
from guide.core.content import load_library
from guide.core.handout import HandoutOptions, build_handout_html, footer_texts, for_articles
from guide.core.render import Renderer

SPANISH_LINE = "Esta traducción todavía no ha sido revisada por un profesional de la salud."


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root / "care" / "sleep.md", "---\ntitle: Sleep\nreviewed: 2024-03-01\n---\nSleep well.\n")
    write(root / "es" / "index.md", "---\ntitle: Español\nlanguage: es\n---\n")
    paragraphs = "\n\n".join(f"## Parte {n}\n\n" + "Duerma bien y a la misma hora cada noche. " * 40 for n in range(12))
    write(root / "es" / "sueno.md", "---\ntitle: Sueño\ntranslation_of: care/sleep\ntranslation_reviewed: false\n"
          f"reviewed: 2024-03-01\nreviewed_by: Dra. Ruiz\n---\n{paragraphs}\n")  # fmt: skip
    write(root / "es" / "revisado.md", "---\ntitle: Revisado\ntranslation_of: care/sleep\n"
          "translation_reviewed: true\n---\nHola.\n")  # fmt: skip
    return root


# -- catalogs ------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["es", "fr"])
def test_each_catalog_is_complete_and_its_mo_is_compiled_from_its_po(language: str, tmp_path: Path) -> None:
    from babel.messages.pofile import read_po

    po = i18n.locale_dir() / language / "LC_MESSAGES" / "guide.po"
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert not untranslated, f"{po}: untranslated: {untranslated}"
    write(tmp_path / language / "LC_MESSAGES" / "guide.po", po.read_text("utf-8"))
    i18n.compile_catalogs(tmp_path)
    shipped, fresh = (
        {k: v for k, v in gettext.GNUTranslations(path.open("rb"))._catalog.items() if k}  # type: ignore[attr-defined]
        for path in (po.with_suffix(".mo"), tmp_path / language / "LC_MESSAGES" / "guide.mo")
    )
    assert shipped == fresh, "run `python -m guide.core.i18n` after editing a .po"


def test_dates_are_in_the_language_asked_for() -> None:
    day = dt.date(2024, 8, 1)
    assert i18n.format_date(day) == "1 August 2024"
    assert i18n.format_date(day, "es-MX") == "1 de agosto de 2024"
    assert i18n.format_date(day, "fr") == "1 août 2024"
    assert i18n.format_date(day, "sw") == "1 August 2024"  # no catalog: English


def test_a_missing_catalog_gives_english(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="guide.core.i18n"):
        _ = i18n.translator("es", tmp_path)
    assert _("Sources") == "Sources"
    assert len(caplog.records) == 1 and "English is used" in caplog.records[0].getMessage()


def test_a_broken_catalog_gives_english_and_one_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    mo = tmp_path / "es" / "LC_MESSAGES" / "guide.mo"
    mo.parent.mkdir(parents=True)
    shipped = (i18n.locale_dir() / "es" / "LC_MESSAGES" / "guide.mo").read_bytes()
    for number, damaged in enumerate((b"not a catalog at all", shipped[:40], shipped[:8] + b"\xff" * 40)):
        folder = tmp_path / str(number)
        write(folder / "es" / "LC_MESSAGES" / "guide.po", "")
        (folder / "es" / "LC_MESSAGES" / "guide.mo").write_bytes(damaged)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="guide.core.i18n"):
            _ = i18n.translator("es", folder)
        assert _("Page {page} of {pages}") == "Page {page} of {pages}"
        assert [r.levelname for r in caplog.records] == ["WARNING"], damaged


# -- the reader ----------------------------------------------------------------------------------
def test_an_unreviewed_translation_shows_a_banner_in_its_language(root: Path) -> None:
    library = load_library([root])
    renderer = Renderer(library)
    unreviewed = renderer.article(library.article("es/sueno")).html  # type: ignore[arg-type]
    assert 'class="unreviewed-translation"' in unreviewed and SPANISH_LINE in unreviewed
    reviewed = renderer.article(library.article("es/revisado")).html  # type: ignore[arg-type]
    original = renderer.article(library.article("care/sleep")).html  # type: ignore[arg-type]
    assert "unreviewed-translation" not in reviewed and "unreviewed-translation" not in original


def test_the_page_offers_the_other_languages_of_the_article(root: Path) -> None:
    library = load_library([root])
    renderer = Renderer(library)
    spanish = renderer.article(library.article("es/sueno")).html  # type: ignore[arg-type]
    assert '<p class="read-in">Leer en: <a href="guide:article/care/sleep" title="Sleep">English</a>' in spanish
    original = renderer.article(library.article("care/sleep")).html  # type: ignore[arg-type]
    assert 'Read in: <b>English</b> · <a href="guide:article/es/revisado"' in original
    assert '<a href="guide:article/es/sueno" title="Sueño">Español</a>' in original


# -- handouts ------------------------------------------------------------------------------------
def test_a_spanish_handout_speaks_spanish(root: Path) -> None:
    library = load_library([root])
    options = for_articles(library, ["es/sueno"], HandoutOptions(today=dt.date(2024, 5, 2)))
    assert (options.language, options.unreviewed_translation) == ("es", True)
    html = build_handout_html(library, Renderer(library), ["es/sueno"], options)
    assert "Revisado el 1 de marzo de 2024 por Dra. Ruiz." in html
    assert "Esta hoja informativa no reemplaza el consejo de su trabajador de salud." in html
    assert SPANISH_LINE in html and "Fuentes" not in html  # no sources, no heading
    assert footer_texts(options, 1, 3) == ("Impreso el 2 de mayo de 2024", "Página 1 de 3", SPANISH_LINE)
    english = for_articles(library, ["care/sleep"], HandoutOptions(today=dt.date(2024, 5, 2)))
    assert footer_texts(english, 2, 3) == ("Printed 2 May 2024", "Page 2 of 3", "")


def test_every_page_of_a_spanish_handout_pdf_says_page_and_unreviewed(root: Path, tmp_path: Path, qapp: Any) -> None:
    """(``qapp``: write_handout would otherwise start a QGuiApplication, and later widget tests abort.)"""
    from pypdf import PdfReader

    from guide.handout_cli import write_handout

    library = load_library([root])
    out = tmp_path / "sueno.pdf"
    pages = write_handout(library, ["es/sueno"], out, HandoutOptions(today=dt.date(2024, 5, 2)))
    assert pages >= 2
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(out).pages]
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert f"Página {number} de {pages}" in text
        assert SPANISH_LINE in text
        assert "Impreso el 2 de mayo de 2024" in text
    assert "Page 1 of" not in texts[0]


# -- the interface language ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR@euro"}, "fr"),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "fr_FR.UTF-8"}, "es"),  # LC_ALL before LANG
        ({"LC_MESSAGES": "fr_BE.UTF-8", "LANG": "es_ES.UTF-8"}, "fr"),  # LC_MESSAGES before LANG
        ({"LANGUAGE": "fr:es", "LC_ALL": "es_ES.UTF-8"}, "fr"),  # LANGUAGE first, its first language
        ({"LANGUAGE": "de:es_AR", "LANG": "fr_FR.UTF-8"}, "es"),  # no German catalog: the next in the list
        ({"LANGUAGE": "", "LANG": "es_ES.UTF-8"}, "es"),  # empty counts as unset
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "es_ES.UTF-8"}, "en"),
        ({"LANGUAGE": "C:es"}, "en"),  # gettext stops at C
        ({"LANG": "de_DE.UTF-8"}, "en"),  # no German catalog
        ({"LANG": "pt_BR.UTF-8"}, "en"),
        ({}, "en"),
        ({"GUIDE_LANGUAGE": "fr", "LANG": "es_ES.UTF-8"}, "fr"),  # the guide's own variable first
        ({"GUIDE_LANGUAGE": "", "LANG": "es_ES.UTF-8"}, "es"),
    ],
)
def test_the_system_interface_language_comes_from_the_locale_as_gettext_reads_it(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.interface_language("system", environ) == expected


def test_a_chosen_interface_language_wins_over_the_locale_and_unknown_ones_are_english() -> None:
    spanish_desktop = {"LANG": "es_ES.UTF-8", "GUIDE_LANGUAGE": "es"}
    assert i18n.interface_language("fr", spanish_desktop) == "fr"
    assert i18n.interface_language("en", spanish_desktop) == "en"
    assert i18n.interface_language("system", spanish_desktop) == "es"
    assert i18n.interface_language("de", {}) == "en"  # no catalog: English
    assert i18n.interface_language("", {"LANG": "fr_FR.UTF-8"}) == "fr"  # "" is treated as "system"


def test_every_supported_language_has_a_catalog_a_name_and_a_setting_choice() -> None:
    from guide.core.settings import OPTIONS

    assert i18n.SUPPORTED_LANGUAGES == ("en", "es", "fr")
    assert i18n.LANGUAGE_NAMES == {"en": "English", "es": "Español", "fr": "Français"}
    option = OPTIONS["language"]
    assert option.default == "system" and option.site
    assert set(option.choices or {}) == {"system", *i18n.SUPPORTED_LANGUAGES}
    for code in i18n.SUPPORTED_LANGUAGES[1:]:
        assert (i18n.locale_dir() / code / "LC_MESSAGES" / "guide.mo").is_file()


def test_tests_run_in_english_whatever_the_testers_locale() -> None:
    import os

    assert os.environ["GUIDE_LANGUAGE"] == "en"
    assert i18n.interface_language() == "en"
