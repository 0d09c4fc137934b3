"""Handout PDFs: footer on every page, fonts, large print, page breaks, images, no partial files."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from guide.core.content import Library, load_library
from guide.core.handout import HandoutOptions, build_handout_html
from guide.ui import printing

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from test_handout import FIXTURES, HYP, TALK, make_renderer

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def library() -> Library:
    return load_library([FIXTURES])


def make_pdf(library: Library, tmp_path: Path, ids: list[str], name: str = "h.pdf", **kw: Any) -> PdfReader:
    options = HandoutOptions(today=TODAY, clinic_name="Riverside Clinic", clinic_contact="Tel 555 0100", **kw)
    html = build_handout_html(library, make_renderer(library), ids, options)
    svg = FIXTURES / "mental-health" / "images" / "triangle.svg"
    pages = printing.write_pdf(html, tmp_path / name, options, lambda url: QImage(str(svg)))
    reader = PdfReader(tmp_path / name)
    assert len(reader.pages) == pages
    return reader


def page_texts(reader: PdfReader) -> list[str]:
    """Each page's text with runs of spaces and tabs made single spaces, lines kept."""
    return ["\n".join(" ".join(line.split()) for line in p.extract_text().splitlines()) for p in reader.pages]


def test_pdf_has_everything_a_patient_needs(qapp: Any, library: Library, tmp_path: Path) -> None:
    reader = make_pdf(library, tmp_path, [HYP])
    text = "\n".join(page_texts(reader))
    for expected in ("Riverside Clinic", "Tel 555 0100", "High blood pressure", "Page 1 of",
                     "Printed 23 November 2026", "Reviewed 1 March 2024", "Review was due 1 March 2025",
                     "Blood pressure basics", "does not replace advice from your health worker"):  # fmt: skip
        assert expected in text, expected


def test_footer_on_every_page_and_bundled_font(qapp: Any, library: Library, tmp_path: Path) -> None:
    reader = make_pdf(library, tmp_path, [HYP, TALK])
    total = len(reader.pages)
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"Page {number} of {total}" in text
    fonts = {str(f.get("/BaseFont")) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("DejaVu" in f for f in fonts), fonts


def test_second_article_starts_a_new_page(qapp: Any, library: Library, tmp_path: Path) -> None:
    reader = make_pdf(library, tmp_path, [HYP, TALK])
    texts = page_texts(reader)
    starts = [t.strip().splitlines()[0] for t in texts]
    assert "Talking therapy" in starts
    # no nearly empty cover page: the list of contents and the first article share page 1
    assert "In this handout" in texts[0] and "Blood pressure basics" in texts[0]
    assert "(review was due 1 March 2025)" in texts[0]


def test_review_due_is_boxed_at_the_top_of_page_one(qapp: Any, library: Library, tmp_path: Path) -> None:
    first = page_texts(make_pdf(library, tmp_path, [HYP]))[0]
    assert "Review was due 1 March 2025" in first
    assert first.index("Review was due") < first.index("Blood pressure basics")


def heading_pages(document: Any, height: float) -> list[tuple[str, int, int]]:
    """(heading, its page, the page of the first line of its text) for each heading."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        text = block.next()
        if block.blockFormat().headingLevel() > 0 and text.isValid():
            while text.isValid() and text.blockFormat().headingLevel() > 0:
                text = text.next()
            if text.isValid():
                top = layout.blockBoundingRect(block).top()
                rect = layout.blockBoundingRect(text)
                first_line = rect.top() + text.layout().lineAt(0).rect().bottom()
                found.append((block.text(), int(top // height), int(first_line // height)))
        block = block.next()
    return found


@pytest.mark.parametrize("large_print", [False, True])
def test_no_heading_is_left_alone_at_a_page_foot(qapp: Any, large_print: bool) -> None:
    from guide.core import paths
    from guide.core.render import Renderer

    bundled = load_library([paths.bundled_content()])
    options = HandoutOptions(today=TODAY, large_print=large_print)
    for article in bundled.articles():  # "## Questions people often ask" right above a "###" was left alone
        html = build_handout_html(bundled, Renderer(bundled), [article.id], options)
        for width, height in ((680.0, 900.0), (640.0, 960.0), (700.0, 860.0)):
            document = printing.fit_pages(
                lambda tighter, w=width, h=html: printing.build_document(h, options, w, None, tighter), width, height
            )
            for heading, page, text_page in heading_pages(document, height):
                assert page == text_page, (article.id, width, height, heading)


def test_no_last_page_of_a_few_lines(qapp: Any, library: Library) -> None:
    options = HandoutOptions(today=TODAY)
    width, height = 680.0, 900.0
    html = build_handout_html(library, make_renderer(library), [HYP], options)
    short = 0
    for filler in range(0, 400, 4):
        padded = html.replace("<h1", "<p>" + "Filler line to make the article longer. " * filler + "</p><h1", 1)
        plain = printing.build_document(padded, options, width)
        plain.setPageSize(printing.QSizeF(width, height))
        printing.keep_headings_with_text(plain, height)
        plain.setPageSize(printing.QSizeF(width, height))
        if plain.pageCount() < 2 or printing.last_page_fill(plain, height) > 0.06:
            continue
        short += 1
        fitted = printing.fit_pages(
            lambda tighter, h=padded: printing.build_document(h, options, width, None, tighter), width, height
        )
        assert fitted.pageCount() < plain.pageCount(), filler  # the lines of the last page moved up
    assert short  # the loop did meet last pages of a line or two


def test_large_print_takes_more_pages(qapp: Any, library: Library, tmp_path: Path) -> None:
    normal = make_pdf(library, tmp_path, [HYP], "n.pdf")
    large = make_pdf(library, tmp_path, [HYP], "l.pdf", large_print=True)
    assert len(large.pages) > len(normal.pages)


def test_letter_paper_size(qapp: Any, library: Library, tmp_path: Path) -> None:
    letter = make_pdf(library, tmp_path, [HYP], "l.pdf", paper="letter").pages[0].mediabox
    a4 = make_pdf(library, tmp_path, [HYP], "a.pdf").pages[0].mediabox
    assert round(float(letter.width)) == 612 and round(float(a4.width)) == 595


def test_svg_image_is_drawn(qapp: Any, library: Library, tmp_path: Path) -> None:
    reader = make_pdf(library, tmp_path, [TALK])
    assert any("/XObject" in p["/Resources"] for p in reader.pages)


def test_failed_write_leaves_no_file(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> int:
        raise OSError("disk full")

    monkeypatch.setattr(printing, "_render", broken)
    with pytest.raises(OSError):
        printing.write_pdf("<p>x</p>", tmp_path / "out.pdf", HandoutOptions())
    assert list(tmp_path.iterdir()) == []


def test_bundled_font_family(qapp: Any) -> None:
    assert printing.load_bundled_fonts() == "DejaVu Sans"


def test_handout_dialog_sections_and_actions(qtbot: Any, library: Library, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from guide.core.settings import SettingsStore
    from guide.ui.handout_dialog import HandoutActions, HandoutDialog

    store = SettingsStore(tmp_path / "u.json", tmp_path / "site.json")
    store.update(clinic_name="Riverside Clinic")
    dialog = HandoutDialog(library, make_renderer(library), store, [HYP])
    qtbot.addWidget(dialog)
    assert dialog.sections.count() == 2  # Symptoms, Treatment (### rides with its ## section)
    assert dialog.options().sections is None
    dialog.sections.item(0).setCheckState(Qt.CheckState.Unchecked)
    options = dialog.options()
    assert options.sections == ("treatment", "checking-at-home")
    assert options.clinic_name == "Riverside Clinic"
    html = dialog.html(options)
    assert html is not None and "no symptoms" not in html and "ACE inhibitor" in html
    actions = HandoutActions(lambda: [HYP], lambda: library, lambda: make_renderer(library), lambda: store)
    assert [a.shortcut().toString() for a in actions.actions()[:3:2]] == ["Ctrl+P", "Ctrl+Shift+E"]


def test_printing_does_not_drain_none_refcount(qapp: Any, library: Library, tmp_path: Path) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void Qt call until the
    interpreter aborts (none_dealloc); pyproject excludes it. This fails on such a release."""
    import gc

    make_pdf(library, tmp_path, [HYP, TALK], "warm.pdf")
    gc.collect()  # objects of earlier tests freed during the loop would lower the count too
    before = sys.getrefcount(None)
    for number in range(3):
        make_pdf(library, tmp_path, [HYP, TALK], f"{number}.pdf", large_print=True)
    assert sys.getrefcount(None) >= before - 50


def test_pdf_respects_the_umask(qapp: Any, library: Library, tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        make_pdf(library, tmp_path, [HYP], "shared.pdf")
    finally:
        os.umask(old)
    assert (tmp_path / "shared.pdf").stat().st_mode & 0o777 == 0o644  # colleagues on a shared drive can read it


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_save_pdf_starts_in_documents_then_the_last_folder_and_says_where(
    qtbot: Any, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

    from guide.core.settings import SettingsStore
    from guide.ui import handout_dialog
    from guide.ui.handout_dialog import HandoutActions

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "home" / "Documents"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    elsewhere = tmp_path / "shared-drive"
    elsewhere.mkdir()
    asked: list[str] = []

    def save_as(parent: Any, caption: str, start: str, filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(elsewhere / "leaflet.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = QWidget()
    qtbot.addWidget(window)
    store = SettingsStore(tmp_path / "u.json", tmp_path / "site.json")
    actions = HandoutActions(lambda: [HYP], lambda: library, lambda: make_renderer(library), lambda: store, window)
    for _ in range(2):
        dialog = actions.dialog()
        assert dialog is not None
        qtbot.addWidget(dialog)
        dialog.save_pdf()
    assert Path(asked[0]).parent == tmp_path / "home" / "Documents"  # not the program's working folder
    assert Path(asked[1]).parent == elsewhere  # then where the last one went
    assert (elsewhere / "leaflet.pdf").stat().st_size > 0
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "saved"]
    assert boxes and f"Saved to {elsewhere / 'leaflet.pdf'}" in boxes[-1].text()
    button = next(b for b in boxes[-1].buttons() if b.text() == "&Open folder")
    button.click()
    assert opened == [QUrl.fromLocalFile(str(elsewhere))]
    assert handout_dialog.SaveFolder().start() == tmp_path / "home" / "Documents"
