"""``guide --self-test``: prove an installation works, step by step, without a network."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from guide import __version__


class _Steps:
    """Runs named checks, printing one line each, and remembers whether all passed."""

    def __init__(self) -> None:
        self.ok = True

    def run(self, name: str, check: Callable[[], str]) -> None:
        start = time.perf_counter()
        try:
            detail = check()
        except Exception as exc:  # each step reports its own failure and the rest still run
            self.ok = False
            print(f"FAIL  {name}: {exc.__class__.__name__}: {exc}")
            return
        print(f"ok    {name}: {detail} ({(time.perf_counter() - start) * 1000:.0f} ms)")


def run_self_test(roots: list[Path]) -> int:
    """Load, search, render and print a handout; exit 0 when every step passed."""
    from guide.core import paths
    from guide.core.packs.mount import load_library
    from guide.core.render import Renderer
    from guide.core.search import SearchIndex

    kind = "frozen" if paths.frozen_base() else "source"
    print(f"guide {__version__} self-test ({kind}), python {sys.version.split()[0]}")
    steps = _Steps()
    scratch = Path(tempfile.mkdtemp(prefix="guide-self-test-"))
    state: dict = {}

    def load() -> str:
        library = load_library(roots, [])  # the bundled pack's catalog when the app ships one
        if len(library) == 0:
            raise RuntimeError(f"no articles found in {', '.join(map(str, roots))}")
        state["library"] = library
        bundled = paths.bundled_pack() is not None and roots == [paths.bundled_content()]
        how = " (from the bundled pack's catalog)" if bundled else ""
        return f"{len(library)} articles{how}, {len(library.errors())} content errors"

    def bundled_pack() -> str:
        from guide.core.packs.archive import check_folder

        pack = paths.bundled_pack()
        assert pack is not None
        manifest = check_folder(pack)
        return f"{manifest.title} {manifest.version}: all {len(manifest.files)} files match its manifest"

    def search() -> str:
        library = state["library"]
        bundled = paths.bundled_index() if roots == [paths.bundled_content()] else None
        index = SearchIndex(roots, scratch / "index", readonly_dir=bundled)
        try:
            report = index.update()
            article = library.articles()[0]
            results = index.search(article.title)
        finally:
            index.close()
        found = [hit.id for hit in results.hits]
        if article.id not in found:
            raise RuntimeError(f"searching for {article.title!r} did not find {article.id}")
        state["article"] = article
        rank = f"{article.title!r} found at rank {found.index(article.id) + 1}"
        if report.shipped:
            return f"shipped index used in place, not rebuilt ({report.unchanged} articles matched); {rank}"
        if bundled is not None:  # the app ships an index for this content, yet it was not usable
            why = "; ".join(report.notes) or "no reason given"
            raise RuntimeError(f"the shipped index was not used ({why}); an index was built instead")
        return f"index built in {report.location} ({report.added} articles); {rank}"

    def render() -> str:
        rendered = Renderer(state["library"]).article(state["article"])
        if state["article"].title not in rendered.html and "<h1" not in rendered.html:
            raise RuntimeError("rendered page has no title")
        return f"{len(rendered.html)} characters of HTML, {len(rendered.headings)} headings"

    def reading_level() -> str:
        from guide.core import readability

        if not readability.has_dictionary():
            raise RuntimeError("Pyphen's English dictionary is missing: syllables would be guessed")
        value = readability.grade(state["library"].body(state["article"]))
        return f"{readability.describe(value, 'en')} for {state['article'].title!r}"

    def handout() -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from guide.core.handout import HandoutOptions
        from guide.handout_cli import write_handout

        target = scratch / "handout.pdf"
        options = HandoutOptions(clinic_name="Self-test clinic")  # not the user's settings: a fixed check
        pages = write_handout(state["library"], [state["article"].id], target, options)
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(b"%PDF") or len(data) < 1000:
            raise RuntimeError("the PDF is empty or broken")
        return f"{pages} page{'s' if pages != 1 else ''}, {len(data)} bytes of PDF written and read back"

    def interface_languages() -> str:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication, QLocale
        from PySide6.QtWidgets import QApplication

        from guide.ui.translation import install_translators, remove_translators

        app = QApplication.instance() or QApplication([sys.argv[0]])
        found = []
        for language, menu, cancel in (("es", "&Archivo", "Cancelar"), ("fr", "&Fichier", "Annuler")):
            installed = install_translators(app, language)
            try:
                ours = QCoreApplication.translate("MainWindow", "&File")
                qts = QCoreApplication.translate("QPlatformTheme", "Cancel")
                if (ours, qts) != (menu, cancel):
                    raise RuntimeError(f"{language}: the menus say {ours!r} and Qt's buttons {qts!r}")
            finally:
                remove_translators(app, installed)
                QLocale.setDefault(QLocale.system())
            found.append(f"{language} ({ours.replace('&', '')}, {qts})")
        return "the window's and Qt's own words in " + ", ".join(found)

    def signatures() -> str:
        import nacl.signing

        from guide.core.packs import minisign

        seed = nacl.signing.SigningKey.generate()
        key = minisign.SecretKey(b"selftest", bytes(seed) + bytes(seed.verify_key))
        sample = scratch / "signed.txt"
        sample.write_text("a pack stands in here\n")
        signature = minisign.parse_signature(minisign.sign(sample, key, "self-test"))
        minisign.verify(sample, signature, key.public())
        sample.write_text("a changed pack\n")
        try:
            minisign.verify(sample, signature, key.public())
        except minisign.SignatureError:
            return "a minisign signature made, checked, and refused once the file changed (PyNaCl works)"
        raise RuntimeError("a changed file passed its signature check")

    def import_documents() -> str:
        from guide.core.importing import convert

        page = scratch / "page.html"
        page.write_text(_SAMPLE_PAGE, encoding="utf-8")
        word = scratch / "handout.docx"
        _write_sample_docx(word)
        found = []
        for source in (page, word):
            draft = convert(source)
            if "## Opening hours" not in draft.body or "Subscribe" in draft.body:
                raise RuntimeError(f"{source.name} was not converted as expected: {draft.body[:200]!r}")
            found.append(f"{source.suffix} {draft.title!r}")
        return "; ".join(found)

    if paths.bundled_pack() is not None:
        steps.run("bundled pack", bundled_pack)
    steps.run("pack signatures", signatures)
    steps.run("load content", load)
    if "library" in state:
        steps.run("search", search)
    if "article" in state:
        steps.run("render", render)
        steps.run("reading level", reading_level)
        steps.run("handout PDF", handout)
    steps.run("interface languages", interface_languages)
    steps.run("import documents", import_documents)
    if steps.ok:  # nothing of the check is left behind; on failure the folder is kept to look at
        shutil.rmtree(scratch, ignore_errors=True)
        print("self-test passed")
        return 0
    print(f"self-test FAILED (its files are kept in {scratch})")
    return 1


_SAMPLE_PAGE = """<!DOCTYPE html><html><head><title>Clinic hours | Self-test</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Clinic hours</h1>
<p>The clinic is open on weekdays. Please bring your clinic card to every visit and arrive early.</p>
<h2>Opening hours</h2><p>Monday to Friday, from eight in the morning to five in the afternoon.</p>
<p>On public holidays the clinic is closed; call the number on your card in an emergency.</p></article>
<aside><h3>Subscribe to our newsletter</h3><p>Sign up for news.</p></aside><footer>All rights reserved</footer>
</body></html>"""


def _write_sample_docx(path: Path) -> None:
    """The smallest Word document mammoth reads: a title, a heading and a paragraph."""
    import zipfile

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def para(text: str, style: str = "") -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = para("Clinic hours", "Title") + para("Opening hours", "Heading1") + para("Monday to Friday.")
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>',
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
