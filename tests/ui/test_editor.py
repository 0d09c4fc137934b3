"""Write clinic articles in the window as a nurse would: type, link, picture, check, save, find, print."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from guide.core import atomic, authoring
from guide.core.content import load_library
from guide.core.drafts import DraftStore
from guide.core.render import Renderer
from guide.core.settings import SettingsStore
from guide.ui.editor import EditorWindow
from guide.ui.topic_tree import ID_ROLE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (propagateSizeHints|raise)")


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    root = tmp_path / "clinic"
    root.mkdir()
    return root


@pytest.fixture
def make_writer(qtbot: Any, tmp_path: Path, sample_root: Path, clinic: Path) -> Iterator[Callable[[], Any]]:
    """A window on the sample library (read-only here) and a clinic library, with a search index."""
    from guide.app import build_window
    from guide.core.bookmarks import Bookmarks
    from guide.core.readability import ReadingLevels
    from guide.core.search import SearchIndex
    from guide.ui.main_window import MainWindow

    made: list[Any] = []

    def make() -> Any:
        roots = [sample_root, clinic]
        library = load_library(roots)
        index = SearchIndex(roots, index_dir=tmp_path / "index")
        index.update()
        levels = ReadingLevels(library, tmp_path / "levels.json")
        services = (SettingsStore(), Bookmarks(), levels)
        window = build_window(MainWindow(library, Renderer(library), index, *services), clinic)
        window.show()  # closed below, not by qtbot: its close would come first and ask about drafts
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        made.append((window, index))
        return window

    yield make
    for window, index in made:
        for editor in window.findChildren(EditorWindow):
            editor._closing_ok = True
            editor.close()
        window.close()
        window.tasks.wait()
        QApplication.processEvents()  # results of finished background work, before the window goes
        window.deleteLater()  # a window left alive would still follow the desktop's colour scheme
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        index.close()


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a person does: Return for each new line."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def answer_next_box(button_text: str, found: list[str] | None = None) -> None:
    """When the next modal message box opens, remember its text and press the button named."""

    tries = [250]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] -= 1
            if tries[0] > 0:  # give up after 5 s rather than answer a later test's box
                QTimer.singleShot(20, press)
            return
        if found is not None:
            found.append(box.text() + "\n" + box.informativeText())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, press)


def wait_reviewed(qtbot: Any, editor: Any) -> None:
    """Wait until the preview and checks show the text as it is now."""
    qtbot.waitUntil(lambda: not editor.review_timer.isActive() and not editor._reviewing, timeout=5000)
    count = editor.review_count
    editor.start_review()
    qtbot.waitUntil(lambda: editor.review_count > count, timeout=5000)


def problems(editor: Any) -> list[str]:
    return [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]


def picture(tmp_path: Path, name: str = "vaccine day.png") -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.blue)
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_write_link_picture_check_save_find_and_print(
    qtbot: Any, make_writer: Any, clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_writer()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window.authoring.editors) == 1
    editor = window.authoring.editors[0]
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClicks(editor.title_edit, "Flu vaccination days")
    qtbot.keyClicks(editor.summary, "When to come for your flu jab.")
    editor.text.setFocus()
    qtbot.keyClicks(editor.text, "Opening times")
    editor.heading_action.trigger()
    qtbot.keyClick(editor.text, Qt.Key.Key_End)
    type_text(qtbot, editor.text, "\nCome on Tuesdays between 9 and 12. Bring your zorbline card.\n")
    wait_reviewed(qtbot, editor)
    assert "Opening times" in editor.preview.toPlainText()
    assert "zorbline card" in editor.preview.toPlainText()

    # a link picked through search: type in the picker, Enter takes the first article found
    def pick() -> None:
        picker = QApplication.activeModalWidget()
        if picker is None:
            QTimer.singleShot(20, pick)
            return
        box = picker.findChild(QLineEdit)
        qtbot.keyClicks(box, "hypertension")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    qtbot.keyClicks(editor.text, "Read about ")
    QTimer.singleShot(0, pick)
    editor.link_action.trigger()
    assert "[High blood pressure](guide:article/heart/blood-pressure/hypertension)" in editor.text.toPlainText()

    # a picture from a file, copied into the clinic library
    photo = picture(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(photo), "")))
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    editor.image_action.trigger()
    assert "![vaccine day](../images/vaccine-day.png)" in editor.text.toPlainText()
    assert (clinic / "images" / "vaccine-day.png").is_file()

    # a broken link is flagged, with its line, as the user types
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.text, "See [the old page](old-page.md).")
    wait_reviewed(qtbot, editor)
    line = editor.text.textCursor().blockNumber() + 1
    assert f"Line {line}: error: link to missing article: old-page.md" in problems(editor)
    assert editor.text.extraSelections()  # the line is underlined in the text
    for _ in range(len("See [the old page](old-page.md).")):
        qtbot.keyClick(editor.text, Qt.Key.Key_Backspace)
    wait_reviewed(qtbot, editor)
    assert problems(editor) == []
    assert "High blood pressure" in editor.preview.toPlainText()

    # save: the article is in the tree and the reading pane at once, and found by search
    editor.activateWindow()  # offscreen, a closed dialog does not hand activation back by itself
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = clinic / "clinic" / "flu-vaccination-days.md"
    assert saved.is_file()
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Flu vaccination days\nsummary: When to come for your flu jab.\n---\n")
    assert "## Opening times" in text
    assert window.current.id == "clinic/flu-vaccination-days"
    assert window.model.match(window.model.index(0, 0), ID_ROLE, "clinic/flu-vaccination-days", 1,
                              Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert window.model.index(0, 0).data() == "Clinic articles"
    assert "zorbline card" in window.reader.toPlainText()
    qtbot.waitUntil(lambda: any(h.id == "clinic/flu-vaccination-days" for h in window.index.search("zorbline").hits),
                    timeout=5000)
    assert not editor.is_modified() and "*" not in editor.windowTitle()

    # print it: Export PDF from the editor's preview
    pdf = tmp_path / "flu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    dialog = editor.handout_dialog()
    qtbot.addWidget(dialog)
    dialog.save_pdf()
    pages = PdfReader(str(pdf)).pages
    content = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert len(pages) == 1
    assert "Flu vaccination days" in content and "zorbline card" in content
    assert any(page.images for page in pages)  # the picture is printed


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_editor_panes_and_dialog_buttons_stay_visible_in_dark_themes(qtbot: Any, make_writer: Any,
                                                                      theme: str) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window = make_writer()
    window.acts.themes[theme].trigger()
    editor = window.authoring.new_article()
    editor.title_edit.setFocus()
    for pane in (editor.text, editor.sources, editor.problem_list, editor.preview):
        image = pane.grab().toImage()
        edge = image.pixelColor(0, image.height() // 2)
        inside = image.pixelColor(8, image.height() - 5)  # below the text (a hint's line sits mid-height)
        assert edge.lightness() - inside.lightness() > 40, (pane.accessibleName(), edge.name(), inside.name())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, window)  # as in File > Libraries...
    assert buttons.button(QDialogButtonBox.StandardButton.Close).icon().isNull()  # a dark cross on black before


def test_saving_keeps_the_topics_the_reader_had_open(qtbot: Any, make_writer: Any, clinic: Path) -> None:
    window = make_writer()

    def find(item_id: str) -> Any:
        model = window.tree.model()
        return model.match(model.index(0, 0), ID_ROLE, item_id, 1,
                           Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]

    for topic in ("heart", "heart/blood-pressure", "mental-health"):
        window.tree.expand(find(topic))
    window.tree.setCurrentIndex(find("heart/heart-attack"))
    window.reload_tree()
    assert [i.data(ID_ROLE) for i in window.tree.selectionModel().selectedIndexes()] == ["heart/heart-attack"]
    assert window.tree.currentIndex().data(ID_ROLE) == "heart/heart-attack"

    editor = window.authoring.new_article()
    editor.title_edit.setText("Flu vaccination days")
    editor.text.setPlainText("Come on Tuesdays.")
    assert editor.save()
    assert (clinic / "clinic" / "flu-vaccination-days.md").is_file()
    for topic in ("heart", "heart/blood-pressure", "mental-health"):
        assert window.tree.isExpanded(find(topic)), topic
    assert window.tree.currentIndex().data(ID_ROLE) == "clinic/flu-vaccination-days"  # the saved one shown
    window.tree_timer.stop()
    window.tree.setCurrentIndex(find("heart/heart-attack"))  # the new tree still follows the arrow keys
    assert window.tree_timer.isActive()


def test_unsaved_text_is_printed_as_it_is(qtbot: Any, make_writer: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_writer()
    editor = window.authoring.new_article()
    editor.title_edit.setText("Wound care after stitches")
    editor.text.setPlainText("Keep the dressing dry for two days.")
    pdf = tmp_path / "wound.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    dialog = editor.handout_dialog()
    qtbot.addWidget(dialog)
    dialog.save_pdf()
    content = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "Wound care after stitches" in content and "dressing dry" in content


def test_undo_redo_and_a_toolbar_change_is_one_step(qtbot: Any, make_writer: Any) -> None:
    window = make_writer()
    editor = window.authoring.new_article()
    editor.text.setFocus()
    type_text(qtbot, editor.text, "Eggs\nMilk")
    editor.text.selectAll()
    editor.bullets_action.trigger()
    assert editor.text.toPlainText() == "- Eggs\n- Milk"
    qtbot.keyClick(editor.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text.toPlainText() == "Eggs\nMilk"
    editor.redo_action.trigger()
    assert editor.text.toPlainText() == "- Eggs\n- Milk"
    editor.text.selectAll()
    editor.numbers_action.trigger()
    assert editor.text.toPlainText() == "1. Eggs\n2. Milk"
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    editor.table_action.trigger()
    assert "| Column 1 | Column 2 |\n|---|---|" in editor.text.toPlainText()
    wait_reviewed(qtbot, editor)
    assert "Column 1" in editor.preview.toPlainText()


def test_editor_toolbar_buttons_show_icons_in_the_theme_colour_with_words_in_tooltips(
    qtbot: Any, make_writer: Any
) -> None:
    from PySide6.QtWidgets import QToolButton

    def lightness(action: Any) -> int:
        image = action.icon().pixmap(24, 24).toImage()
        drawn = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        drawn = [c for c in drawn if c.alpha() > 200]
        assert drawn, f"{action.text()}: the icon is empty"
        return sum(c.lightness() for c in drawn) // len(drawn)

    window = make_writer()
    window.acts.themes["light"].trigger()
    editor = window.authoring.new_article()
    actions = [a for a in editor.toolbar.actions() if not a.isSeparator()]
    wanted = ["heading", "bold", "bullets", "numbers", "table", "link", "image", "save", "print"]
    assert {f"editor_{name}" for name in wanted} <= {a.objectName() for a in actions}
    for action in actions:
        assert not action.icon().isNull(), action.text()
        button = editor.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        assert lightness(action) < 100, action.text()  # dark ink on the light theme
    assert editor.bold_action.toolTip() == "Bold (Ctrl+B)"
    assert editor.bullets_action.toolTip() == "Bulleted list (Ctrl+Shift+8)"
    editor.title_edit.setText("Flu days")
    wait_reviewed(qtbot, editor)

    def title_ink() -> int:
        cursor = editor.preview.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        cursor.movePosition(cursor.MoveOperation.Right)
        return int(cursor.charFormat().foreground().color().lightness())

    assert title_ink() < 100
    window.acts.themes["high-contrast"].trigger()  # icons follow a theme change while the editor is open
    for action in actions:
        assert lightness(action) > 240, action.text()  # white on black
    assert title_ink() > 120  # and the preview's title is no longer dark ink on black


def test_closing_with_unsaved_changes_asks(qtbot: Any, make_writer: Any) -> None:
    window = make_writer()
    editor = window.authoring.new_article()
    editor.title_edit.setText("Clinic opening hours")
    seen: list[str] = []
    answer_next_box("Cancel", seen)
    assert not editor.close()
    assert "Save the changes" in seen[0] and editor.isVisible()
    answer_next_box("Discard")
    assert editor.close()
    assert window.authoring.editors == []


def test_read_only_article_offers_a_clinic_copy(qtbot: Any, make_writer: Any, clinic: Path) -> None:
    from guide.ui.navigation import Place

    window = make_writer()
    window.show_place(Place("article", "mental-health/talking-therapy"))
    window.authoring._update_actions()
    assert window.authoring.copy_action.isEnabled()
    answer_next_box("Yes")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Edit: offers the copy
    editor = window.authoring.editors[0]
    assert editor.title_edit.text() == "Talking therapy"
    assert editor.save()
    copy = (clinic / "clinic" / "talking-therapy.md").read_text(encoding="utf-8")
    assert "copied_from: mental-health/talking-therapy" in copy
    assert "(guide:article/heart/heart-attack)" in copy  # links still lead to the original's neighbours
    assert "](../images/triangle.svg)" in copy and (clinic / "images" / "triangle.svg").is_file()
    assert window.current.id == "clinic/talking-therapy"
    window.authoring._update_actions()
    assert not window.authoring.copy_action.isEnabled()  # the copy is the clinic's own: edited, not copied
    wait_reviewed(qtbot, editor)
    assert problems(editor) == []


def test_second_window_saving_the_same_article_keeps_both(qtbot: Any, make_writer: Any, clinic: Path) -> None:
    window = make_writer()
    first = window.authoring.new_article()
    first.title_edit.setText("Referral numbers")
    first.text.setPlainText("Call 0123.")
    assert first.save()
    # another workstation opened the same file; both change it
    other = window.authoring.open_editor(first.target.__class__(**vars(first.target)), first.fields())
    first.text.setPlainText("Call 0123 or 0456.")
    assert first.save()
    other.text.setPlainText("Call 0789.")
    seen: list[str] = []
    answer_next_box("Keep both", seen)
    assert other.save()
    assert "was changed since you opened it" in seen[0]
    assert "0123 or 0456" in (clinic / "clinic" / "referral-numbers.md").read_text(encoding="utf-8")
    assert "0789" in (clinic / "clinic" / "referral-numbers-2.md").read_text(encoding="utf-8")
    assert window.library.article("clinic/referral-numbers-2") is not None


def test_read_only_clinic_folder_says_so_and_keeps_the_draft(
    qtbot: Any, make_writer: Any, clinic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_writer()
    editor = window.authoring.new_article()
    editor.title_edit.setText("Vaccination days")
    editor.text.setPlainText("Tuesdays.")
    real = atomic.write_bytes

    def refuse(path: Path, data: bytes) -> None:
        if clinic in Path(path).parents:
            raise PermissionError(13, "Permission denied")
        real(path, data)

    monkeypatch.setattr(atomic, "write_bytes", refuse)
    seen: list[str] = []
    answer_next_box("OK", seen)
    assert not editor.save()
    assert "Could not save vaccination-days.md" in seen[0] and "Permission denied" in seen[0]
    assert "autosaved draft" in seen[0]
    drafts = DraftStore()
    kept = drafts.load(editor.draft_key)
    assert kept is not None and "Tuesdays." in kept.text
    assert editor.is_modified() and editor.text.toPlainText() == "Tuesdays."


def test_odd_titles_make_safe_file_names(qtbot: Any, make_writer: Any, clinic: Path) -> None:
    window = make_writer()
    for title in ("../../etc/passwd", "CON", "Прививки: для детей?", "***"):
        editor = window.authoring.new_article()
        editor.title_edit.setText(title)
        editor.text.setPlainText("Text.")
        assert editor.save(), title
        assert clinic in editor.target.path.parents
        assert editor.target.path.parent == clinic / "clinic"
        editor.close()
    names = sorted(p.name for p in (clinic / "clinic").glob("*.md") if p.name != "index.md")
    assert names == ["article.md", "con-article.md", "etc-passwd.md", "прививки-для-детей.md"]
    assert authoring.file_name("x" * 300) == "x" * authoring.MAX_NAME


def test_import_document_opens_the_draft_in_the_editor(qtbot: Any, make_writer: Any, clinic: Path,
                                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "after your operation.md"
    source.write_text("# After your operation\n\nRest for two days. Call 0123 if the wound bleeds.\n",
                      encoding="utf-8")
    window = make_writer()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(source)], "")))
    window.authoring.import_action.trigger()
    qtbot.waitUntil(lambda: bool(window.authoring.editors), timeout=10000)
    editor = window.authoring.editors[0]
    assert editor.title_edit.text() == "After your operation"
    assert "Call 0123" in editor.text.toPlainText()
    assert editor.target.path is not None and clinic / "clinic" in editor.target.path.parents
    assert window.library.article(editor.target.article_id) is not None  # in the tree already
    wait_reviewed(qtbot, editor)
    assert any("review" in p for p in problems(editor))  # not reviewed yet: guide check warns


def test_import_of_a_bad_file_says_why(qtbot: Any, make_writer: Any, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "notes.docx"
    source.write_bytes(b"this is not a zip")
    window = make_writer()
    seen: list[str] = []
    answer_next_box("OK", seen)
    window.authoring.import_documents([str(source)])
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "notes.docx" in seen[0] and window.authoring.editors == []


def test_closing_the_main_window_asks_about_unsaved_articles(qtbot: Any, make_writer: Any) -> None:
    window = make_writer()
    editor = window.authoring.new_article()
    editor.title_edit.setText("Opening hours")
    answer_next_box("Cancel")
    assert not window.close()
    assert window.isVisible() and editor.isVisible()
    answer_next_box("Discard")
    assert window.close()
    assert window.authoring.editors == []


def test_export_clinic_articles_writes_a_pack_that_verifies(qtbot: Any, make_writer: Any, clinic: Path,
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clinic / "vaccination-days.md").write_text(
        "---\ntitle: Vaccination days\n---\nChildren's vaccines are given on Tuesday mornings.\n", encoding="utf-8"
    )
    window = make_writer()
    target = tmp_path / "shared drive" / "clinic"
    (tmp_path / "shared drive").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.authoring.export_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "saved") is not None, timeout=20000)
    box = window.findChild(QMessageBox, "saved")
    pack = target.with_name("clinic.guidepack")  # the suffix is added when the name has none
    assert str(pack) in box.text() and "1 article" in box.text()
    box.close()
    from guide.core.packs.archive import check

    manifest = check(pack)  # every file matches its hash, nothing climbs out
    assert manifest.articles == 1 and manifest.id == "clinic"
    assert any(item.path.endswith("vaccination-days.md") for item in manifest.files)
