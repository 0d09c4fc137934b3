"""Lay out handout HTML with QTextDocument and paint it page by page, with a footer, to PDF or a printer."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from guide.core.handout import HandoutOptions, footer_texts

PagedDevice = QPdfWriter | QPrinter
ResourceLoader = Callable[[str], QImage | None]
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
MARGIN_MM = 18.0
FOOTER_MM = 8.0
KEEP_LINES = 2  # a heading needs room for this many lines of its text below it on the same page
SHORT_LAST_PAGE = 0.2  # a last page filled less than this is worth closer line spacing to save
IMAGE_MAX_PX = 1200  # images wider than this (in document pixels) are scaled down
_IMG_SRC = re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_family: str | None = None


def load_bundled_fonts() -> str:
    """Register the bundled DejaVu fonts with Qt once; returns the family name."""
    global _family
    if _family is not None:
        return _family
    family = FALLBACK_FAMILY
    folder = resources.files("guide.resources") / "fonts"
    for name in FONT_FILES:
        entry = folder / name
        if not entry.is_file():
            continue
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    _family = family
    return family


def handout_css(large_print: bool = False) -> str:
    """The print style sheet; large print adds bigger headings and small print."""
    folder = resources.files("guide.resources")
    css = (folder / "handout.css").read_text(encoding="utf-8")
    if large_print:
        css += (folder / "handout-large.css").read_text(encoding="utf-8")
    return css


def page_layout(options: HandoutOptions) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.Letter if options.paper == "letter" else QPageSize.PageSizeId.A4)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM + footer_mm(options))
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def _scaled(image: QImage, width: int) -> QImage:
    if image.width() > width:
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    return image


def _logo(options: HandoutOptions) -> QImage | None:
    if not options.clinic_logo:
        return None
    image = QImage(options.clinic_logo)
    if image.isNull():
        return None
    return image.scaledToHeight(112, Qt.TransformationMode.SmoothTransformation)


def build_document(
    html: str,
    options: HandoutOptions,
    page_width_px: float,
    resource_loader: ResourceLoader | None = None,
    tighter: bool = False,
) -> QTextDocument:
    """The laid-out document for one page width, with images, fonts and line spacing set;
    ``tighter`` spaces lines a little closer (to save a nearly empty last page)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(handout_css(options.large_print))
    font = QFont(load_bundled_fonts())
    font.setPointSizeF(16.0 if options.large_print else 11.0)
    document.setDefaultFont(font)
    document.setPageSize(QSizeF(page_width_px, 1e9))
    logo = _logo(options)
    if logo is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("guide:logo"), logo)
    for url in dict.fromkeys(_IMG_SRC.findall(html)):
        if not url.startswith("guide:image/") or resource_loader is None:
            continue
        image = resource_loader(url)
        if image is not None and not image.isNull():
            image = _scaled(image, min(IMAGE_MAX_PX, int(page_width_px * 0.8)))
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(html)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    spacing = QTextBlockFormat()
    height = (140 if tighter else 150) if options.large_print else (110 if tighter else 120)
    spacing.setLineHeight(height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(spacing)
    return document


def keep_headings_with_text(document: QTextDocument, page_height: float) -> None:
    """Move a heading left alone at the foot of a page to the top of the next one: a heading (with
    any headings right under it) goes where there is room for it and the first lines of its text."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.next().isValid():
            top = layout.blockBoundingRect(block).top()
            text = block.next()
            while text.isValid() and text.blockFormat().headingLevel() > 0:
                text = text.next()  # "## Treatment" straight above "### Medicines" travels with it
            needed = page_height  # a heading last in the document: nothing to keep it with
            if text.isValid():
                below = layout.blockBoundingRect(text)
                lines = max(1, text.layout().lineCount())
                needed = below.top() - top + below.height() * min(KEEP_LINES, lines) / lines
            room = page_height - top % page_height
            if needed > room and top % page_height > 1 and needed < page_height:
                cursor = QTextCursor(block)
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.mergeBlockFormat(fmt)
                document.setPageSize(document.pageSize())  # lay out again before looking further
                document.documentLayout().documentSize()
        block = block.next()


def last_page_fill(document: QTextDocument, page_height: float) -> float:
    """How full the last page is, from 0 to 1."""
    height = document.documentLayout().documentSize().height()
    pages = max(1, document.pageCount())
    return max(0.0, height - (pages - 1) * page_height) / page_height


def fit_pages(make: Callable[[bool], QTextDocument], width: float, height: float) -> QTextDocument:
    """Lay the handout out in pages, keeping headings with their text; when that leaves a last
    page of a few lines, space the lines a little closer if that saves the page."""
    document = make(False)
    document.setPageSize(QSizeF(width, height))
    keep_headings_with_text(document, height)
    document.setPageSize(QSizeF(width, height))
    if document.pageCount() > 1 and last_page_fill(document, height) < SHORT_LAST_PAGE:
        tighter = make(True)
        tighter.setPageSize(QSizeF(width, height))
        keep_headings_with_text(tighter, height)
        tighter.setPageSize(QSizeF(width, height))
        if tighter.pageCount() < document.pageCount():
            return tighter
    return document


def footer_mm(options: HandoutOptions) -> float:
    """Room for the footer: one line, or two when every page says the translation is unreviewed."""
    lines = 2 if options.unreviewed_translation else 1
    return FOOTER_MM + (lines - 1) * (7.0 if options.large_print else 4.5)


def page_box(device: PagedDevice, footer: float = FOOTER_MM) -> tuple[float, float, float]:
    """Width and height of the text on a page in 96-dpi document pixels, and the device's scale."""
    layout = device.pageLayout()
    dpi = device.logicalDpiY()
    paint_rect = layout.paintRectPixels(device.resolution())
    full = layout.fullRectPixels(device.resolution())
    scale = dpi / 96.0 if dpi else 1.0
    # The document is laid out in 96-dpi "pixels"; the painter scales to the device.
    width = paint_rect.width() / scale
    height = (full.height() - paint_rect.top()) / scale - MARGIN_MM / 25.4 * 96 - footer / 25.4 * 96
    return width, height, scale


def _paint(document: QTextDocument, painter: QPainter, device: PagedDevice, options: HandoutOptions) -> int:
    """Paint the laid-out document one page at a time onto a started painter, with a footer on each page."""
    width, height, scale = page_box(device, footer_mm(options))
    footer_px = FOOTER_MM / 25.4 * 96
    extra_px = (footer_mm(options) - FOOTER_MM) / 25.4 * 96  # the unreviewed-translation line
    pages = max(1, document.pageCount())
    footer_font = QFont(load_bundled_fonts())
    footer_font.setPixelSize(18 if options.large_print else 12)  # 96-dpi document pixels
    for page in range(pages):
        if page:
            device.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -page * height)
        clip = QRectF(0, page * height, width, height)
        painter.setClipRect(clip)
        document.drawContents(painter, clip)
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(footer_font)
        painter.setPen(Qt.GlobalColor.darkGray)
        printed, numbers, unreviewed = footer_texts(options, page + 1, pages)
        painter.drawLine(0, int(height + footer_px * 0.35), int(width), int(height + footer_px * 0.35))
        if unreviewed:
            painter.drawText(
                QRectF(0, height + footer_px * 0.4, width, extra_px),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                unreviewed,
            )
        footer = QRectF(0, height + extra_px + footer_px * 0.4, width, footer_px * 0.8)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), printed)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), numbers)
        painter.restore()
    return pages


def _render(
    html: str, device: PagedDevice, options: HandoutOptions, resource_loader: ResourceLoader | None
) -> int:
    width, height, _scale = page_box(device, footer_mm(options))
    document = fit_pages(lambda tighter: build_document(html, options, width, resource_loader, tighter), width, height)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting the handout")
    try:
        return _paint(document, painter, device, options)
    finally:
        painter.end()


def write_pdf(
    html: str, path: Path, options: HandoutOptions, resource_loader: ResourceLoader | None = None
) -> int:
    """Write the handout as a PDF; returns the page count. Nothing is left at ``path`` on failure."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(300)
        writer.setCreator("Health guide")
        writer.setPageLayout(page_layout(options))
        pages = _render(html, writer, options, resource_loader)
        del writer  # flushes and closes the file
        if Path(tmp).stat().st_size == 0:
            raise OSError(f"could not write {path}")
        os.chmod(tmp, 0o666 & ~current_umask())  # mkstemp makes 0600: colleagues could not open it
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return pages


def current_umask() -> int:
    """The process's umask (reading it means setting it; it is put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def print_document(
    html: str, printer: QPrinter, options: HandoutOptions, resource_loader: ResourceLoader | None = None
) -> int:
    """Print or preview on a printer whose page layout the caller set (``page_layout``); returns pages."""
    return _render(html, printer, options, resource_loader)
