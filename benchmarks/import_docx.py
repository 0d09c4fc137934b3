"""Print how long importing a 50-page Word document takes, beside reading the same file with zipfile.

    python benchmarks/import_docx.py [--pages 50] [--runs 5]

The document is written with python-docx (the test extra): per page a heading, five
paragraphs of about 90 words, a bulleted list, and every fifth page a table and a picture.
Figures are the median of several runs in this process; the baseline reads every part of
the same .docx with zipfile, the least any importer must do. The steps are timed apart too:
mammoth (docx -> HTML), markdownify (HTML -> Markdown) and the whole import with writing.
"""

from __future__ import annotations

import argparse
import statistics
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

SAMPLE = (
    "the clinic nurse will check your wound and change the dressing every second day until it heals "
    "take your tablets with food and drink plenty of water call us if the pain gets worse or you feel hot"
)
WORDS = SAMPLE.split(" ")


def _png(size: int = 64) -> bytes:
    pixel = lambda x, y: bytes((x * 4 % 256, y * 4 % 256, 128))  # noqa: E731 - a gradient
    rows = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(size)) for y in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def make_document(path: Path, pages: int) -> int:
    """Write a .docx of about ``pages`` pages; returns its word count."""
    import docx
    from docx.shared import Inches

    picture = path.parent / "picture.png"
    picture.write_bytes(_png())
    document = docx.Document()
    document.core_properties.title = "Benchmark handout"
    words = 0
    for page in range(pages):
        document.add_heading(f"Section {page + 1}: caring for yourself at home", 1)
        for paragraph in range(5):
            text = " ".join(WORDS[(page + paragraph + i) % len(WORDS)] for i in range(90)).capitalize() + "."
            document.add_paragraph(text)
            words += 90
        for item in range(4):
            document.add_paragraph(f"Point {item + 1} to remember on page {page + 1}", style="List Bullet")
            words += 7
        if page % 5 == 4:
            table = document.add_table(rows=5, cols=3)
            for r in range(5):
                for c in range(3):
                    table.cell(r, c).text = f"row {r} col {c}"
            document.add_picture(str(picture), width=Inches(1))
        document.add_page_break()
    document.save(str(path))
    return words


def median_ms(runs: int, work: Callable[[], object]) -> float:
    """Median wall time of ``runs`` calls after one untimed warm-up call (imports, caches)."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _mammoth(source: Path) -> str:
    import mammoth

    with open(source, "rb") as handle:
        return mammoth.convert_to_html(handle).value


def main() -> None:
    from guide.core.importing import convert, import_file
    from guide.core.importing.tomarkdown import html_to_markdown

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="import-bench-"))
    source = scratch / "handout.docx"
    words = make_document(source, args.pages)
    print(f"{args.pages}-page .docx: {words} words, {source.stat().st_size / 1000:.0f} kB; median of {args.runs} runs")

    def read_zip() -> None:
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                archive.read(name)

    html = _mammoth(source)
    outputs = scratch / "out"
    rows = [
        ("baseline: read every part with zipfile", median_ms(args.runs, read_zip)),
        ("mammoth: .docx -> HTML", median_ms(args.runs, lambda: _mammoth(source))),
        ("markdownify: HTML -> Markdown", median_ms(args.runs, lambda: html_to_markdown(html))),
        ("convert(): the whole conversion", median_ms(args.runs, lambda: convert(source))),
        ("import_file(): conversion and writing", median_ms(args.runs, lambda: import_file(source, outputs))),
    ]
    for label, ms in rows:
        print(f"  {label:42} {ms:9.1f} ms")
    print(f"  import per page {rows[-1][1] / args.pages:.1f} ms; {rows[-1][1] / rows[0][1]:.0f}x the zipfile baseline")


if __name__ == "__main__":
    main()
