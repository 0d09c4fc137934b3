"""Every message the Qt-free code shows people can be translated, and the catalogs hold them all.

The rules, checked over the AST of every module of guide/ outside guide/ui/ (the window is
Qt's: tr() and .ts files):

1. **Told to people, through gettext.** In the command-line modules (guide/cli.py,
   guide/pack_cli.py, guide/import_cli.py, guide/handout_cli.py), an argument of ``print``,
   ``_fail`` or ``_ProgressBar``, and every ``help=`` or ``description=`` of argparse, must not
   be a plain string or an f-string with words in its text (two letters in a row outside the
   ``{…}`` fields). Such text goes through ``_()``/``ngettext()`` (or arrives translated, as a
   name); JSON rows are built from dicts, not from text, so they are never caught.
2. **Made in English, marked for the catalog.** Everywhere outside guide/ui/, the message of a
   ``Problem(...)`` (its third argument), of ``.report(name, message)``, the first argument of
   the errors people read (``PackError``, ``HandoutError``, ``ImportFailed``, ``ExportFailed``,
   ``SignatureError``), the ``message=`` of ``SearchResults`` and what is appended to a list
   named ``notes``, ``warnings`` or ``failed`` (index notes, import warnings) must not be a
   plain string or an f-string with words: they are ``N_("… {field} …").format(field=…)``,
   kept in English where they are stored and translated where they are shown
   (``guide.core.i18n.translate_message``).
3. **Findable by the extractor.** ``_()``, ``N_()`` and ``ngettext()`` never sit inside an
   f-string (Python 3.11's tokenizer hands Babel an f-string as one token, so the message would
   silently be missing from the catalogs), and their first argument is a literal (or an
   UPPER_CASE constant, itself marked with ``N_()`` where it is defined).

A translator is bound to ``_`` before use: ``translator(language)("…")`` is a call the
extractor does not know, unless its text is marked ``N_("…")``.

Text that is only the program's name before a message ("guide: {message}") or an option's
name ("--pubkey: {error}") has no words of its own.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from guide.core import i18n

GUIDE = Path(__file__).resolve().parents[2] / "guide"
CLI_MODULES = {"cli.py", "pack_cli.py", "import_cli.py", "handout_cli.py"}
SHOWN_CALLS = {"print", "_fail", "_ProgressBar"}
ERRORS = {"PackError", "HandoutError", "ImportFailed", "ExportFailed", "SignatureError"}
MARKERS = {"_", "N_", "ngettext", "gettext"}


def modules() -> list[Path]:
    return sorted(p for p in GUIDE.rglob("*.py") if "ui" not in p.relative_to(GUIDE).parts)


# Not words: the program's name before a message ("guide: …", "guide export: …") and an option's name.
_NOT_WORDS = re.compile(r"^(guide( import| export)?|--[a-z-]+): ")


def has_words(node: ast.expr) -> bool:
    """A plain string or an f-string whose own text (outside its fields) has a word in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return False
    return bool(re.search(r"[A-Za-z]{2}", _NOT_WORDS.sub("", text)))


def name_of(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def untranslated(path: Path, package: Path = GUIDE) -> list[str]:
    """``file:line: source`` of each message in one module that breaks a rule of the docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(package.parent)
    found = []
    in_fstring: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            in_fstring.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = name_of(node.func)
        suspects: list[ast.expr] = []
        if path.name in CLI_MODULES and path.parent == package:
            if called in SHOWN_CALLS:
                suspects += node.args
            suspects += [k.value for k in node.keywords if k.arg in ("help", "description")]
        if called == "Problem" and len(node.args) >= 3:
            suspects.append(node.args[2])
        if called == "report" and len(node.args) >= 2:
            suspects.append(node.args[1])
        if called in ERRORS and node.args:
            suspects.append(node.args[0])
        if called == "SearchResults":
            suspects += [k.value for k in node.keywords if k.arg == "message"]
        listed = isinstance(node.func, ast.Attribute) and name_of(node.func.value) in ("notes", "warnings", "failed")
        if called in ("append", "insert") and listed and node.args:  # index notes, import warnings
            suspects.append(node.args[-1])
        found += [f"{where}:{s.lineno}: {ast.unparse(s)[:80]}" for s in suspects if has_words(s)]
        translated_now = isinstance(node.func, ast.Call) and name_of(node.func.func) == "translator"
        marked = bool(node.args) and isinstance(node.args[0], ast.Call) and name_of(node.args[0].func) == "N_"
        if translated_now and not marked:
            found.append(f"{where}:{node.lineno}: translator(…)(…): bind it to _ first, or mark the text N_()")
        if called in MARKERS and isinstance(node.func, ast.Name):
            if id(node) in in_fstring:
                found.append(f"{where}:{node.lineno}: {called}() inside an f-string: the extractor cannot see it")
                continue
            first = node.args[0] if node.args else None
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            constant = isinstance(first, ast.Name) and first.id.isupper()  # a constant marked N_() where defined
            if not (literal or constant) and path.name != "i18n.py":  # i18n.py defines them
                found.append(f"{where}:{node.lineno}: {called}() of something that is not a literal")
    return found


def test_every_message_shown_to_people_can_be_translated() -> None:
    problems = [line for path in modules() for line in untranslated(path)]
    assert not problems, "\n".join(problems)


def test_the_rule_catches_what_it_says(tmp_path: Path) -> None:
    """The scan is not vacuous: each kind of miss in a small module is reported."""
    text = (
        'print("Index built")\n'
        'print(f"{n} articles")\n'
        'print(f"{a}: {b}")\n'  # no words: fine
        'print(_("Index built"))\n'
        'x.add_argument("--q", help="what to look for")\n'
        'Problem(p, 1, f"cannot read {p}")\n'
        'raise PackError("bad pack")\n'
        "y = f\"{_('Sources')}\"\n"
        'z = translator(lang)("Jump to:")\n'
        'warnings.append(f"{n} images left out")\n'
    )
    fake = tmp_path / "guide" / "cli.py"
    fake.parent.mkdir()
    fake.write_text(text, encoding="utf-8")
    found = untranslated(fake, fake.parent)
    assert sorted(line.split(":")[1] for line in found) == ["1", "10", "2", "5", "6", "7", "8", "9"], found


@pytest.mark.parametrize("language", ["es", "fr"])
def test_each_catalog_has_every_message_of_the_sources_translated(language: str) -> None:
    """Run `python -m guide.core.i18n --extract`, translate the new entries, and compile."""
    from babel.messages.pofile import read_po

    template = i18n.extract_messages()
    ours = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id and not all(
        loc.startswith("argparse") for loc, _line in m.locations)}  # fmt: skip
    po = i18n.locale_dir() / language / "LC_MESSAGES" / "guide.po"
    with open(po, "rb") as handle:
        catalog = read_po(handle)
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and (
        all(m.string) if isinstance(m.string, tuple | list) else m.string)}  # fmt: skip
    assert not ours - translated, f"{po}: not translated yet: {sorted(ours - translated)}"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_translations_keep_every_field_of_their_message(language: str) -> None:
    """A translation that drops or misspells {count} would raise KeyError, or lose a number."""
    from babel.messages.pofile import read_po

    fields = re.compile(r"\{\w*\}|%\(\w+\)[sr]|%[sr]")
    with open(i18n.locale_dir() / language / "LC_MESSAGES" / "guide.po", "rb") as handle:
        catalog = read_po(handle)
    wrong = []
    for m in catalog:
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple | list) else (m.id,)
        for text in m.string if isinstance(m.string, tuple | list) else (m.string,):
            if sorted(fields.findall(text)) != sorted(fields.findall(ids[-1])):
                wrong.append(f"{ids[0]!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)
