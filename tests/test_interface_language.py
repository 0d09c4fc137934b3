"""The interface language outside the window: what the command line says, the problems it
lists, and the topic and welcome pages follow the `language` setting (or the system's
locale); machine-read output (JSON, exit codes, `search --batch`) never changes with it; an
article page's own lines follow the article's language; a pack's language is its articles'."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.cli import main
from guide.core import i18n
from guide.core.content import load_library
from guide.core.render import Renderer


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """`guide.cli.main` sets the process's interface language: leave it English for the next test."""
    yield
    i18n.set_interface_language("en")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def choose(language: str, config: Path | None = None) -> None:
    """The user's `language` setting, as Preferences saves it."""
    import os

    folder = Path(os.environ["GUIDE_CONFIG_DIR"]) if config is None else config
    write(folder / "settings.json", json.dumps({"language": language}))


@pytest.fixture
def broken_root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root / "care" / "sleep.md", "---\ntitle: Sleep\nreviewed: someday\n---\nSee [x](missing.md).\n")
    write(root / "care" / "notitle.md", "---\nsummary: no title\n---\nText.\n")
    return root


# -- the command line ------------------------------------------------------------------------------


def test_guide_check_speaks_the_chosen_language_and_keeps_file_and_line(
    broken_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--content", str(broken_root)]) == 1
    english = capsys.readouterr()
    choose("es")
    assert main(["check", "--content", str(broken_root)]) == 1  # the exit code does not change
    spanish = capsys.readouterr()
    sleep = broken_root / "care" / "sleep.md"
    assert f"{sleep}:3: error: 'reviewed' is not a date: write it as YYYY-MM-DD" in english.out
    assert f"{sleep}:3: error: 'reviewed' no es una fecha: escríbala como AAAA-MM-DD" in spanish.out
    assert f"{sleep}:5: error: enlace a un artículo que no existe: missing.md" in spanish.out
    assert "falta 'title'" in spanish.out
    assert "2 artículos comprobados: 3 errores, 0 avisos" in spanish.err
    assert "2 articles checked: 3 errors, 0 warnings" in english.err
    assert len(spanish.out.splitlines()) == len(english.out.splitlines())


def test_the_system_locale_is_used_when_the_setting_says_system(
    broken_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GUIDE_LANGUAGE")
    monkeypatch.delenv("LANGUAGE")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert main(["check", "--content", str(broken_root)]) == 1
    out = capsys.readouterr()
    assert "erreur: 'reviewed' n'est pas une date : écrivez-la sous la forme AAAA-MM-JJ" in out.out
    assert "2 articles vérifiés : 3 erreurs, 0 avertissement" in out.err
    choose("en")  # the setting wins over the locale
    assert main(["check", "--content", str(broken_root)]) == 1
    assert "'reviewed' is not a date" in capsys.readouterr().out


def test_json_and_batch_output_are_the_same_in_every_language(
    sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = write(tmp_path / "queries.txt", "blood pressure\nzzzz\n")
    runs = {}
    for language in ("en", "es", "fr"):
        choose(language)
        index = tmp_path / f"index-{language}"
        assert main(["list", "--json", "--content", str(sample_root)]) == 0
        listed = capsys.readouterr().out
        where = ["--content", str(sample_root), "--index-dir", str(index)]
        assert main(["search", "--json", "blood pressure", *where]) == 0
        found = capsys.readouterr().out
        assert main(["search", "--batch", str(queries), *where]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        for row in rows:
            assert set(row) == {"query", "ms", "corrected", "results"}
            row.pop("ms")
        runs[language] = (listed, found, rows)
    assert runs["en"] == runs["es"] == runs["fr"]


def test_search_words_and_errors_are_translated(
    sample_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    choose("fr")
    index = ["--content", str(sample_root), "--index-dir", str(tmp_path / "index")]
    assert main(["search", "zzzzqqq", *index]) == 0
    assert "Aucun article ne correspond. Essayez moins de mots ou d'autres mots." in capsys.readouterr().out
    assert main(["search", *index, "--", "-"]) == 0  # only punctuation: the engine's own message
    assert "Tapez un mot à chercher" in capsys.readouterr().out
    assert main(["search", *index]) == 2
    assert capsys.readouterr().err == "guide: la recherche a besoin d'une REQUÊTE ou de --batch FICHIER\n"
    assert main(["render", "no/such", "--content", str(sample_root)]) == 2
    assert "aucun article n'a l'id 'no/such'" in capsys.readouterr().err


def test_argparse_help_and_usage_errors_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    choose("es")
    with pytest.raises(SystemExit) as stop:
        main(["check", "--help"])
    assert stop.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith("uso: guide check")
    assert "mostrar esta ayuda y salir" in help_text and "una carpeta de contenido para usar" in help_text
    with pytest.raises(SystemExit) as stop:
        main(["search", "--limit", "many"])
    assert stop.value.code == 2  # argparse's usage exit code stays
    assert "guide search: error: argumento --limit: valor int no válido: 'many'" in capsys.readouterr().err


def test_a_run_with_a_spanish_desktop_and_no_setting_is_spanish_from_the_start(broken_root: Path) -> None:
    """A real process (nothing set in it beforehand): the locale variables alone choose."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("GUIDE_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "es_MX.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "guide", "check", "--content", str(broken_root)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "error: falta 'title'" in done.stdout
    assert "2 artículos comprobados" in done.stderr


# -- messages made in English and shown later -------------------------------------------------------


def test_a_stored_english_message_is_translated_where_it_is_shown() -> None:
    message = "front matter: a quote (' or \") is opened and not closed"
    assert i18n.translate_message(message, "es") == "encabezado: se abre una comilla (' o \") y no se cierra"
    dated = "Reviewed 3 May 2024 by Dr Ruiz."
    assert i18n.translate_message(dated, "es") == "Revisado el 3 de mayo de 2024 por Dr Ruiz."
    unknown = "something nobody wrote a template for"
    assert i18n.translate_message(unknown, "fr") == unknown
    assert i18n.translate_message("cannot read file: Permission denied", "fr") == (
        "impossible de lire le fichier : Permission denied"  # the system's reason stays as the system gave it
    )
    assert i18n.translate_message(message, "en") == message
    assert i18n.translate_message("odd: text", "fr") == "odd: text"  # no template of punctuation alone matches
    # "{day} {month} {year}" fits any three words: it is recognised only by a month it knows
    assert i18n.translate_message("an old Word 97-2003 document", "es") == "an old Word 97-2003 document"
    assert i18n.translate_message("/a.doc: a Word 97-2003 document cannot be imported; open it in Word or LibreOffice "
                                  "and save it as a Word document (.docx)", "fr").startswith(
        "/a.doc : impossible d'importer un document Word 97-2003 ;")  # fmt: skip


def test_problems_for_people_and_their_count_follow_the_interface_language(broken_root: Path) -> None:
    from guide.core.problems import content_problems, count_text, for_people

    problems = content_problems(load_library([broken_root]))
    i18n.set_interface_language("fr")
    assert count_text(problems) == "3 problèmes dans le contenu"
    shown = [for_people(p) for p in problems]
    assert any(s.startswith("Erreur : 'title' manquant.\n") and s.endswith("notitle.md, ligne 1") for s in shown), shown


# -- pages -------------------------------------------------------------------------------------------


@pytest.fixture
def library_root(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    write(root / "care" / "index.md", "---\ntitle: Care\n---\nAbout care.\n")
    for n in range(60):  # enough for the A–Z bar
        write(root / "care" / f"a{n:02}.md", f"---\ntitle: {'ABCDEFGHIJKL'[n % 12]} article {n:02}\n---\nText.\n")
    write(root / "es" / "index.md", "---\ntitle: Español\nlanguage: es\n---\n")
    write(root / "es" / "salud" / "index.md", "---\ntitle: Salud\n---\n")
    write(root / "es" / "salud" / "sueno.md", "---\ntitle: Sueño\nreviewed: 2024-03-01\nreviewed_by: Dra. Ruiz\n"
          "review_due: 2025-03-01\nsources:\n  - Un libro\n---\n"
          "Duerma bien.\n\n![un dibujo](https://x.org/a.png)\n")  # fmt: skip
    write(root / "care" / "sleep.md", "---\ntitle: Sleep\nreviewed: 2024-03-01\n---\nSleep well.\n")
    return root


def test_topic_and_welcome_pages_are_in_the_interface_language(library_root: Path) -> None:
    library = load_library([library_root])
    french = Renderer(library, language="fr")
    topic = french.topic(library.topic("care")).html
    assert "Aller à :" in topic and ">Articles</h2>" in topic and "Jump to" not in topic
    welcome = french.welcome().html
    assert "<h1>Guide de santé</h1>" in welcome and "Bienvenue." in welcome and "Thèmes</h2>" in welcome
    assert "(61 articles)" in welcome  # in the topic list: the French plural
    spanish = Renderer(library, language="es").topic(library.topic("es")).html
    assert "Temas</h2>" in spanish and "(1 artículo)" in spanish
    from guide.core.welcome import welcome_page

    cards = welcome_page(library.root_topic, language="es").html
    assert "Escriba en el campo de búsqueda" in cards and "61 artículos" in cards
    english = Renderer(library, language="en").welcome().html
    assert "<h1>Health guide</h1>" in english and "Welcome." in english


def test_an_article_page_speaks_the_articles_language_whatever_the_interface(library_root: Path) -> None:
    import datetime as dt

    library = load_library([library_root])
    article = library.article("es/salud/sueno")
    assert article is not None
    for interface in ("en", "fr"):
        html = Renderer(library, language=interface).article(article, today=dt.date(2026, 1, 1)).html
        assert "Revisado el 1 de marzo de 2024 por Dra. Ruiz" in html
        assert "Este artículo debía revisarse el 1 de marzo de 2025." in html
        assert ">Fuentes</h2>" in html
        assert "Procedencia: Salud" in html  # the topic, not "Español", the language shelf it sits on
        assert "[imagen no cargada: un dibujo]" in html
        assert "Reviewed" not in html and "From " not in html
    assert library.source_of("es/salud/sueno") == "Salud"  # search results and "also in" say the same
    english = library.article("care/sleep")
    assert english is not None
    html = Renderer(library, language="es").article(english).html
    assert "Reviewed 1 March 2024" in html and "From Care" in html


# -- a pack's language -----------------------------------------------------------------------------------


def test_a_packs_language_is_the_default_of_its_articles(tmp_path: Path) -> None:
    from guide.core import catalog
    from guide.core.packs import archive
    from guide.core.packs.archive import Manifest

    source = tmp_path / "source"
    write(source / "salud" / "sueno.md", "---\ntitle: Sueño\n---\nDuerma bien.\n")
    write(source / "salud" / "sleep.md", "---\ntitle: Sleep\nlanguage: en\n---\nSleep well.\n")  # its own wins
    meta = Manifest(id="salud-es", title="Salud", version="1.0", language="es")
    pack = tmp_path / "salud.guidepack"
    archive.build(source, pack, meta)
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    archive.check(pack, unpacked)
    found = catalog.read(unpacked / "catalog.json", unpacked / "content")
    languages = {a.id: a.language for a in found.articles}
    assert languages == {"salud-es/salud/sueno": "es", "salud-es/salud/sleep": "en"}
    parsed = load_library([unpacked / "content"])  # the articles read one by one agree
    assert {a.id: a.language for a in parsed.articles()} == languages
    assert not (source / "index.md").exists()  # the source folder is not touched
