"""The ``guide handout`` command: make a handout PDF without a window (Qt offscreen)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from guide.core import paths
from guide.core.content import Library
from guide.core.handout import HandoutError, HandoutOptions, build_handout_html, default_paper, for_articles
from guide.core.i18n import _, ngettext
from guide.core.i18n import translate_message as _t
from guide.core.settings import PAPER_SIZES, SettingsStore

_app: object = None


def _locale_name() -> str:
    import locale

    name = locale.getlocale()[0] or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return name


def options_from_args(args: argparse.Namespace) -> HandoutOptions:
    settings = SettingsStore().settings
    sections = None
    if getattr(args, "sections", None):
        sections = tuple(s.strip().lstrip("#") for s in args.sections.split(",") if s.strip())
    paper = getattr(args, "paper", None) or settings.paper or default_paper(_locale_name())
    name = getattr(args, "clinic_name", None)
    contact = getattr(args, "clinic_contact", None)
    return HandoutOptions(
        sections=sections,
        large_print=bool(getattr(args, "large_print", False)) or settings.large_print,
        paper=paper if paper in PAPER_SIZES else "a4",
        clinic_name=settings.clinic_name if name is None else name,
        clinic_contact=settings.clinic_contact if contact is None else contact,
        clinic_logo=settings.clinic_logo,
    )


def image_loader(library: Library) -> Callable[[str], Any]:
    """A loader of ``guide:image/...`` URLs into QImages (imports Qt; call after the app exists)."""
    from PySide6.QtGui import QImage

    from guide.core.links import image_file

    def load(url: str) -> QImage | None:
        path = image_file(library, url)
        if path is None:
            return None
        image = QImage(str(path))
        return None if image.isNull() else image

    return load


def write_handout(library: Library, ids: list[str], output: Path, options: HandoutOptions) -> int:
    """Print the articles as a handout PDF at ``output``; returns the number of pages.

    Raises :class:`HandoutError` for an unknown id or section (before Qt is started) and
    OSError when the file cannot be written.
    """
    from guide.core.render import Renderer

    options = for_articles(library, ids, options)  # dates and footers in the articles' language
    html = build_handout_html(library, Renderer(library), ids, options)
    if (
        not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from guide.ui.printing import write_pdf

    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["guide"])  # kept for the life of the process
    return write_pdf(html, output, options, image_loader(library))


def run_handout(args: argparse.Namespace) -> int:
    """Write the handout PDF; 0 on success, 2 for an unknown id or section, 1 if it cannot be written."""
    from guide.core.packs.mount import installed_packs
    from guide.core.packs.mount import load_library as load_with_packs

    given = getattr(args, "content", None)
    roots = [Path(p) for p in given] if given else [paths.bundled_content()]
    output = Path(args.output)
    library = load_with_packs(roots, [] if given else installed_packs())  # pack articles print too
    try:
        pages = write_handout(library, list(args.ids), output, options_from_args(args))
    except HandoutError as exc:
        print(f"guide: {_t(str(exc))}", file=sys.stderr)
        return 2
    except OSError as exc:
        print("guide: " + _("could not write {path}: {reason}").format(path=output, reason=exc), file=sys.stderr)
        return 1
    wrote = ngettext("Wrote {path} ({count} page)", "Wrote {path} ({count} pages)", pages)
    print(wrote.format(path=output, count=pages))
    return 0
