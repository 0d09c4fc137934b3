"""Word documents (.docx) through mammoth: headings, lists, tables, links and images kept.

mammoth turns the document's structure (its styles, not its looks) into clean HTML,
which :mod:`tomarkdown` makes Markdown. Before mammoth sees the file it is checked:
a zip at all (an old .doc, an RTF or a password-protected file is not), with a
document inside, of bounded size when unpacked. Images are kept when they are PNG,
JPEG or SVG; the writer saves them in an ``images`` folder beside the article.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import mammoth

from guide.core.i18n import N_
from guide.core.importing import limits
from guide.core.importing.draft import Draft, DraftImage, ImportFailed, front_matter, image_kind, iso_date
from guide.core.importing.tomarkdown import first_heading, html_to_markdown, tidy

_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p.Title => h1:fresh
p[style-name='Subtitle'] => p:fresh
"""
_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_MAX_CORE = 1_000_000
_DROPPED = "dropped-image"


def _sniff(source: Path) -> None:
    """Refuse what is not a zip, with the reason a person can act on."""
    try:
        with open(source, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportFailed(
            N_("{source}: cannot read it: {reason}").format(source=source, reason=exc.strerror or exc)
        ) from None
    if head.startswith(b"PK\x03\x04"):
        return
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _ole_is_encrypted(source):
            raise ImportFailed(
                N_(
                    "{source}: the document is protected with a password; open it in Word, remove the password (File "
                    "> Info > Protect Document), save it and import it again"
                ).format(source=source)
            )
        raise ImportFailed(
            N_(
                "{source}: this is an old Word 97-2003 document named .docx; open it in Word or LibreOffice and save "
                "it as a Word document (.docx)"
            ).format(source=source)
        )
    if head.startswith(b"{\\rtf"):
        raise ImportFailed(
            N_("{source}: this is a Rich Text (RTF) file named .docx; save it as .docx in Word").format(source=source)
        )
    raise ImportFailed(
        N_("{source}: not a Word document: it is not a zip file (it may be damaged or only partly copied)").format(
            source=source
        )
    )


def _ole_is_encrypted(source: Path) -> bool:
    """An encrypted Office file is an OLE container holding an 'EncryptedPackage' stream.

    The stream names sit in the container's directory as UTF-16 text; looking for the name
    (in 1 MB pieces, so memory stays flat) saves a dependency on olefile for one question.
    """
    needle = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    try:
        with open(source, "rb") as handle:
            while chunk := handle.read(1_000_000):
                if needle in tail + chunk:
                    return True
                tail = chunk[-len(needle) :]
    except OSError:
        return False
    return False


def _open_zip(source: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailed(
            N_("{source}: the Word document is damaged and cannot be opened ({error})").format(source=source, error=exc)
        ) from None
    names = {info.filename: info for info in archive.infolist()}
    document = names.get("word/document.xml")
    if document is None:
        archive.close()
        what = N_("an Excel workbook") if "xl/workbook.xml" in names else N_("a zip file")
        if "ppt/presentation.xml" in names:
            what = N_("a PowerPoint file")
        raise ImportFailed(
            N_("{source}: this is {what}, not a Word document (no word/document.xml inside)").format(
                source=source, what=what
            )
        )
    if document.file_size > limits.MAX_DOCX_XML:
        archive.close()
        raise ImportFailed(
            N_(
                "{source}: the document's text is {size} MB unpacked; the largest that can be imported is {limit} MB "
                "(split the document)"
            ).format(
                source=source,
                size=format(document.file_size / limits.MB, ".0f"),
                limit=limits.MAX_DOCX_XML // limits.MB,
            )
        )
    media = sum(i.file_size for n, i in names.items() if n.startswith("word/media/"))
    if media > limits.MAX_DOCX_IMAGES:
        archive.close()
        raise ImportFailed(
            N_(
                "{source}: its pictures are {size} MB unpacked; the most that can be imported is {limit} MB (use "
                "Compress Pictures in Word, then import again)"
            ).format(source=source, size=format(media / limits.MB, ".0f"), limit=limits.MAX_DOCX_IMAGES // limits.MB)
        )
    return archive


def _core_properties(archive: zipfile.ZipFile) -> dict[str, str]:
    """Title, author and dates from docProps/core.xml; {} when missing or unreadable."""
    try:
        info = archive.getinfo("docProps/core.xml")
        if info.file_size > _MAX_CORE:
            return {}
        root = ET.fromstring(archive.read(info))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return {}
    found: dict[str, str] = {}
    for key, path in (
        ("title", "dc:title"),
        ("author", "dc:creator"),
        ("created", "dcterms:created"),
        ("modified", "dcterms:modified"),
    ):
        node = root.find(path, _CORE_NS)
        if node is not None and node.text and node.text.strip():
            found[key] = node.text.strip()
    return found


def _real_title(value: str) -> str:
    """The title property, unless it is one Word or a converter left behind ('Document1', 'Microsoft Word - x.doc')."""
    if re.match(r"^(?:microsoft word - |document\d*$|untitled\b)|\.docx?$", value.strip(), re.IGNORECASE):
        return ""
    return value


def convert(source: Path) -> Draft:
    limits.check_file(source, limits.MAX_DOCX, N_("Word document"))
    _sniff(source)
    archive = _open_zip(source)
    with archive:
        props = _core_properties(archive)
    images: list[DraftImage] = []
    warnings: list[str] = []

    def keep_image(image: Any) -> dict[str, str]:
        try:  # a picture linked to a file or web address (not embedded) is refused by mammoth: left out
            with image.open() as stream:
                data = stream.read(limits.MAX_IMAGE + 1)
        except (ValueError, OSError, KeyError, zipfile.BadZipFile):
            return {"src": _DROPPED}
        kind = image_kind(data)
        if kind is None or len(data) > limits.MAX_IMAGE:
            return {"src": _DROPPED}
        name = f"image-{len(images) + 1}.{'jpg' if kind == 'jpeg' else kind}"
        images.append(DraftImage(name, data))
        attributes = {"src": f"images/{name}"}
        if not (image.alt_text or "").strip():  # the content format wants alt text; say where it is missing
            attributes["alt"] = f"Picture {len(images)} (describe it)"
        return attributes

    try:
        with open(source, "rb") as handle:
            result = mammoth.convert_to_html(
                handle,
                style_map=_STYLE_MAP,
                convert_image=mammoth.images.img_element(keep_image),
                external_file_access=False,  # never open a file or address a document points to
            )
    except ImportFailed:
        raise
    except (KeyError, zipfile.BadZipFile, ET.ParseError, ValueError, EOFError, OSError, RuntimeError) as exc:
        raise ImportFailed(
            N_("{source}: the Word document is damaged and cannot be read ({error})").format(source=source, error=exc)
        ) from None
    except Exception as exc:  # mammoth's XML reader raises its own types on broken parts
        raise ImportFailed(
            N_("{source}: the Word document cannot be read: {error_type}: {error}").format(
                source=source, error_type=exc.__class__.__name__, error=exc
            )
        ) from None
    markdown = html_to_markdown(result.value)
    heading = first_heading(markdown)
    title = _real_title(props.get("title", "")) or heading or source.stem.replace("_", " ")
    names = {f"images/{image.name}" for image in images}
    body, dropped = tidy(markdown, title, local_images=names)
    warnings.extend(dropped)
    if not body.strip():
        warnings.append(N_("the document has no text"))
    date = iso_date(props.get("modified") or props.get("created") or "")
    sources = (f"{title} (Word document {source.name}{', by ' + props['author'] if props.get('author') else ''})",)
    meta = front_matter(title=title, source_name=source.name, sources=sources, date=date, body=body)
    return Draft(meta, body, tuple(images), tuple(warnings), source.stem)
