"""Import documents as draft articles: Word (.docx), saved web pages (.html), text and Markdown.

``convert(source)`` turns one file into a :class:`Draft` (front matter and a Markdown
body, nothing written); ``import_file(source, into)`` converts and writes the article
beside its images, atomically and under a free name, never over an existing file.
The draft's ``reviewed`` is left empty, so ``guide check`` warns until someone reviews it.

Nothing here fetches or executes anything: remote images and links to scripts are
dropped, and every reader is bounded in size (see ``limits``).
"""

from __future__ import annotations

from pathlib import Path

from guide.core.i18n import N_
from guide.core.importing.draft import Draft, DraftImage, ImportFailed, ImportResult
from guide.core.importing.writer import render_article, write_draft

__all__ = [
    "SUFFIXES",
    "Draft",
    "DraftImage",
    "ImportFailed",
    "ImportResult",
    "convert",
    "import_file",
    "render_article",
    "write_draft",
]

# What each kind of file is called in messages and file dialogs.
SUFFIXES: dict[str, str] = {
    ".docx": "Word document",
    ".html": "web page",
    ".htm": "web page",
    ".xhtml": "web page",
    ".txt": "text",
    ".text": "text",
    ".md": "Markdown",
    ".markdown": "Markdown",
}

_OLD_FORMATS = {
    ".doc": N_("a Word 97-2003 document"),
    ".rtf": N_("a Rich Text document"),
    ".odt": N_("an OpenDocument text"),
    ".pages": N_("a Pages document"),
    ".pdf": N_("a PDF"),
    ".mht": N_("a web archive"),
    ".mhtml": N_("a web archive"),
}


def convert(source: Path) -> Draft:
    """Convert one document to a draft article; raises :class:`ImportFailed` with a clear message."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix in _OLD_FORMATS:
        raise ImportFailed(
            N_(
                "{source}: {kind} cannot be imported; open it in Word or LibreOffice and save it as a Word document "
                "(.docx)"
            ).format(source=source, kind=_OLD_FORMATS[suffix])
        )
    if suffix not in SUFFIXES:
        raise ImportFailed(
            N_(
                "{source}: not a kind of file the guide imports (Word .docx, saved web page .html, text .txt, "
                "Markdown .md)"
            ).format(source=source)
        )
    if suffix == ".docx":
        from guide.core.importing import docx

        return docx.convert(source)
    if suffix in (".html", ".htm", ".xhtml"):
        from guide.core.importing import webpage

        return webpage.convert(source)
    from guide.core.importing import plaintext

    if suffix in (".md", ".markdown"):
        return plaintext.convert_markdown(source)
    return plaintext.convert_text(source)


def import_file(source: Path, into: Path, *, topic: str = "") -> ImportResult:
    """Convert ``source`` and write it as a new article in ``into`` (or its sub-folder ``topic``).

    The article gets a free file name made from its title (``-2``, ``-3`` … when taken);
    images go into an ``images`` folder beside it. Nothing existing is overwritten, and
    a failure leaves nothing behind.
    """
    draft = convert(Path(source))
    return write_draft(draft, Path(into), topic=topic, source=Path(source))
