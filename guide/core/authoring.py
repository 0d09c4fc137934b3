"""Writing articles: the clinic library, file names, checking unsaved text, saving, copies.

The clinic library is an ordinary content root that the program may write to: by default
``<data>/clinic-articles``, or the folder the site file names (``clinic_dir``). New
articles go into its topic folder ``clinic/`` ("Clinic articles", listed first in the
tree), or into a folder named like an existing topic, where they appear beside the
bundled articles of that topic. The bundled guide and installed packs are never written.

Unsaved text is checked by exactly the code ``guide check`` runs
(:func:`guide.core.content.parse_article_text` and :meth:`Renderer.check`), on a
:class:`DraftLibrary` that shows the text in place of the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from guide.core import atomic, paths
from guide.core.content import (
    ARTICLE_SUFFIX,
    INDEX_NAME,
    Library,
    file_digest,
    parse_article_text,
    read_file,
    split_front_matter,
)
from guide.core.i18n import N_, SUPPORTED_LANGUAGES, current_language, translator
from guide.core.links import IMAGE_SUFFIXES, make_url
from guide.core.models import Article, Problem, Rendered
from guide.core.render import Renderer
from guide.core.settings import Settings

CLINIC_FOLDER = "clinic-articles"  # the default library, in the user's data folder
CLINIC_TOPIC = "clinic"  # topic folder of new articles inside the library
CLINIC_TITLE = N_("Clinic articles")
IMAGES_FOLDER = "images"  # where inserted images are copied, inside the library
MAX_IMAGE_BYTES = 20_000_000
MAX_NAME = 60  # characters of a file name made from a title
_CLINIC_SUMMARY = N_("Articles written by this clinic.")
_CLINIC_BODY = N_(
    "To write one, choose **Article → New article** (Ctrl+N). **Article → Import document…** brings in a "
    "Word document, a saved web page or a text file as a draft, and **Edit this article** on any article "
    "of the guide makes a clinic copy to change."
)
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_INLINE_LINK = re.compile(r"(!?)(\[[^\]\n]*\]\()(<[^>\n]*>|[^)\s]+)((?:\s+\"[^\"\n]*\")?\))")


class ChangedOnDisk(Exception):
    """The article's file was changed (or created) by someone else since the editor opened it."""


# -- the clinic library ------------------------------------------------------------------


def clinic_root(settings: Settings) -> Path:
    """The clinic library's folder: the site file's ``clinic_dir``, else one in the data folder."""
    if settings.clinic_dir.strip():
        return Path(settings.clinic_dir.strip()).expanduser()
    return paths.data_dir() / CLINIC_FOLDER


def window_roots(roots: Sequence[Path], settings: Settings) -> list[Path]:
    """The content roots the window opens for ``roots``: them and, last, the clinic's library when
    its folder exists (the window makes it at its first start). The one place that decides it:
    ``guide index`` and ``guide search`` use it too, so an index built on the command line is the
    one the window uses (with ``--content X`` the window's roots are X and the clinic's library)."""
    found = [Path(r) for r in roots]
    clinic = clinic_root(settings)
    if clinic.is_dir() and all(clinic.resolve() != r.resolve() for r in found):
        found.append(clinic)
    return found


def clinic_index(language: str = "en") -> str:
    """The clinic topic's ``index.md`` as first written, in the interface ``language``."""
    _ = translator(language)
    title, summary, body = _(CLINIC_TITLE), _(_CLINIC_SUMMARY), _(_CLINIC_BODY)
    return f"---\ntitle: {title}\norder: 0\nsummary: {summary}\n---\n{body}\n"


CLINIC_INDEX = clinic_index()  # the English one (kept for callers and tests)
# The page as versions before the translated one wrote it (same words, other line breaks).
_OLD_CLINIC_INDEX = """---
title: Clinic articles
order: 0
summary: Articles written by this clinic.
---
To write one, choose **Article → New article** (Ctrl+N). **Article → Import document…** brings in a
Word document, a saved web page or a text file as a draft, and **Edit this article** on any article
of the guide makes a clinic copy to change.
"""


def prepare_clinic(root: Path, language: str | None = None) -> str | None:
    """Create the library and its "Clinic articles" topic on first use; a sentence on failure.

    The topic page is written in the interface ``language``; a page still exactly as the program
    wrote it in another language (nobody edited it) is written again in this one, so the tree's
    first topic follows a change of language. An edited page is the clinic's and is left alone."""
    index = root / CLINIC_TOPIC / INDEX_NAME
    wanted = clinic_index(language or current_language())
    try:
        if index.exists():
            try:
                current = index.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            as_written = {_OLD_CLINIC_INDEX, *(clinic_index(code) for code in SUPPORTED_LANGUAGES)}
            if current != wanted and current in as_written:
                atomic.write_text(index, wanted)
            return None
        index.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(index, wanted)
    except OSError as exc:
        return f"The clinic library {root} cannot be written ({exc.strerror or exc})."
    return None


def writable(article: Article | None, writable_roots: tuple[Path, ...]) -> bool:
    """Whether the program may change this article's file (it is in a writable library)."""
    if article is None:
        return False
    return any(_same(article.root, root) for root in writable_roots)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()


# -- names -------------------------------------------------------------------------------


def file_name(title: str) -> str:
    """A safe file stem for an article: lower case, hyphens, letters of any script kept.

    No path separators, dots, control or reserved characters survive; an empty result
    (a title of only punctuation) becomes ``article``.
    """
    text = unicodedata.normalize("NFKC", title)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if sum(c.isalnum() for c in folded) >= sum(c.isalnum() for c in text):
        text = folded
    text = re.sub(r"[^\w\s-]+", " ", text.casefold()).replace("_", " ")
    stem = re.sub(r"[\s-]+", "-", text).strip("-")[:MAX_NAME].strip("-")
    if not stem:
        return "article"
    return f"{stem}-article" if stem in _RESERVED else stem


def _taken(library: Library, root: Path, article_id: str) -> bool:
    return library.article(article_id) is not None or (root / f"{article_id}{ARTICLE_SUFFIX}").exists()


def new_location(library: Library, root: Path, topic_id: str, title: str) -> tuple[str, Path]:
    """An unused article id and its file for a new article in ``topic_id`` of the library at ``root``."""
    stem = file_name(title)
    prefix = f"{topic_id.strip('/')}/" if topic_id.strip("/") else ""
    article_id = prefix + stem
    number = 2
    while _taken(library, root, article_id):
        article_id = f"{prefix}{stem}-{number}"
        number += 1
    return article_id, root / f"{article_id}{ARTICLE_SUFFIX}"


def topic_choices(library: Library) -> list[tuple[str, str]]:
    """(label, topic id) for the editor's topic field: "Clinic articles" first, then every topic."""
    _ = translator(current_language())
    choices = [(_(CLINIC_TITLE), CLINIC_TOPIC)]
    titles: dict[str, str] = {}
    for topic in library.topics():
        if not topic.id or topic.id == CLINIC_TOPIC:
            continue
        titles[topic.id] = topic.title
        parent = topic.id.rpartition("/")[0]
        label = f"{titles[parent]} › {topic.title}" if parent in titles else topic.title
        titles[topic.id] = label
        choices.append((label, topic.id))
    return choices


def topic_for_name(name: str) -> str:
    """A new topic typed into the topic field becomes a folder inside "Clinic articles"."""
    return f"{CLINIC_TOPIC}/{file_name(name)}"


# -- checking and previewing unsaved text ---------------------------------------------------


class DraftLibrary(Library):
    """A library in which one article's text is the editor's, not the file's (which may not exist)."""

    def __init__(self, base: Library, article: Article, body: str) -> None:  # no super(): nothing to load
        self.roots = base.roots
        self.problems = base.problems
        self.root_topic = base.root_topic
        self._topics = base._topics
        self._known_topics = getattr(base, "_known_topics", {})
        self._articles = {**base._articles, article.id: article}
        self._draft_id = article.id
        self._draft_body = body

    def body(self, article: Article) -> str:
        return self._draft_body if article.id == self._draft_id else super().body(article)


@dataclass(frozen=True)
class Review:
    """What the editor shows for its text: the article as parsed, its page and its problems."""

    article: Article
    rendered: Rendered
    problems: tuple[Problem, ...]
    library: DraftLibrary
    renderer: Renderer  # of ``library``: prints the text as it is (handout dialog)


def review(
    library: Library, root: Path, path: Path, article_id: str, text: str, today: dt.date | None = None
) -> Review:
    """Parse, render and check unsaved text as ``guide check`` would check the saved file."""
    article, problems = parse_article_text(root, path, article_id, text)
    body = split_front_matter(path, text).body
    draft = DraftLibrary(library, article, body)
    renderer = Renderer(draft)
    rendered = renderer.article(article, today)
    problems.extend(renderer.check(article))
    return Review(article, rendered, tuple(problems), draft, renderer)


# -- saving ----------------------------------------------------------------------------------


def save_text(path: Path, text: str, base: str) -> str:
    """Write the article atomically; returns the new file's digest.

    ``base`` is the digest of the file when the editor opened it ("" for a new article):
    if the file is not that any more, :class:`ChangedOnDisk` is raised and nothing is
    written. OSError (a read-only folder, a full disk) leaves the old file as it was.
    """
    current = file_digest(path) if path.exists() else ""
    if current != base:
        raise ChangedOnDisk(str(path))
    atomic.write_text(path, text)
    return file_digest(path)


def keep_both_location(library: Library, root: Path, path: Path) -> tuple[str, Path]:
    """Where to save a second version of the article at ``path``: beside it, numbered."""
    rel = path.relative_to(root).as_posix()[: -len(ARTICLE_SUFFIX)]
    topic, _, stem = rel.rpartition("/")
    stem = re.sub(r"-\d+$", "", stem)
    number = 2
    while True:
        article_id = f"{topic}/{stem}-{number}" if topic else f"{stem}-{number}"
        if not _taken(library, root, article_id):
            return article_id, root / f"{article_id}{ARTICLE_SUFFIX}"
        number += 1


# -- links, images, copies -------------------------------------------------------------------


def link_target(from_path: Path, from_root: Path, target: Article, anchor: str | None = None) -> str:
    """The Markdown link target for an article: a relative path inside one library, else a
    ``guide:article/ID`` address (relative paths cannot leave a library)."""
    if _same(target.root, from_root):
        rel = os.path.relpath(target.path, from_path.parent).replace(os.sep, "/")
        return f"{rel}#{anchor}" if anchor else rel
    return make_url("article", target.id, anchor)


def copy_image(source: Path, article_path: Path, root: Path) -> str:
    """Copy an image into the library's ``images/`` folder; returns its path relative to the article.

    Raises ValueError for a file that is not a PNG, JPEG, GIF, SVG, WebP or BMP image or is
    too large, and OSError when it cannot be read or the library cannot be written.
    """
    suffix = source.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValueError(
            N_("{name} is not an image the guide can show (PNG, JPEG, GIF, SVG, WebP, BMP)").format(name=source.name)
        )
    if source.stat().st_size > MAX_IMAGE_BYTES:
        too_large = N_("{name} is larger than {size} MB").format(name=source.name, size=MAX_IMAGE_BYTES // 1_000_000)
        raise ValueError(too_large)
    data = source.read_bytes()
    folder = root / IMAGES_FOLDER
    stem = file_name(source.stem) if file_name(source.stem) != "article" else "image"
    target = folder / f"{stem}{suffix}"
    number = 2
    while target.exists() and file_digest(target) != f"{len(data)}:" + _blake(data):
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    if not target.exists():
        atomic.write_bytes(target, data)
    return os.path.relpath(target, article_path.parent).replace(os.sep, "/")


def _blake(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def clinic_copy(library: Library, article: Article, root: Path) -> tuple[str, Path, str]:
    """An editable copy of a read-only article in the clinic library: (id, path, text).

    The copy records ``copied_from: ID``; its links to other articles become ``guide:``
    addresses and its images are copied into the library, so they keep working from there.
    """
    text, _ = read_file(article.path)
    from guide.core.drafts import decompose  # the editor's: not imported at every window start

    fields, _ = decompose(text, article.path)
    article_id, path = new_location(library, root, CLINIC_TOPIC, article.path.stem)

    def rewrite(match: re.Match[str]) -> str:
        bang, opening, target, closing = match.groups()
        raw = target[1:-1] if target.startswith("<") else target
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", raw) or raw.startswith(("#", "/")):
            return match.group(0)
        file_part, _, anchor = raw.partition("#")
        resolved = library.resolve(article, unquote(file_part))
        if resolved is None:
            return match.group(0)
        new: str | None = None
        if bang and resolved.is_file():
            try:
                new = copy_image(resolved, path, root)
            except (OSError, ValueError):
                new = None
        elif resolved.suffix.lower() == ARTICLE_SUFFIX and resolved.name != INDEX_NAME:
            found = library.article_for_path(resolved)
            new = make_url("article", found.id, unquote(anchor) or None) if found else None
        return f"{bang}{opening}{new}{closing}" if new else match.group(0)

    body = _INLINE_LINK.sub(rewrite, fields.body)
    extra = {**fields.extra, "copied_from": article.id}
    from guide.core.drafts import compose

    return article_id, path, compose(dataclasses.replace(fields, body=body, extra=extra))
