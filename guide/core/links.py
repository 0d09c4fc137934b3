"""``guide:`` URLs: how pages, topics and images are named to the reading pane, and found again."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

from guide.core.content import ARTICLE_SUFFIX, INDEX_NAME, Library
from guide.core.i18n import N_
from guide.core.models import Article, Problem, Topic
from guide.core.text import split_sections

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"})
URL_KINDS = ("article", "topic", "image")

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_EXPLICIT_ID = re.compile(r"\{[^}\n]*#([\w-]+)")


@dataclass(frozen=True)
class GuideLink:
    """A parsed ``guide:`` URL: an article (with an anchor), a topic or an image."""

    kind: str  # "article", "topic" or "image"
    target: str  # article id, topic id ("" for the root) or "<root index>/<path>" for an image
    anchor: str | None = None


def make_url(kind: str, target: str, anchor: str | None = None) -> str:
    """``guide:article/<id>#<anchor>``, ``guide:topic/<id>`` or ``guide:image/<n>/<path>``."""
    if kind not in URL_KINDS:
        raise ValueError(f"unknown guide link kind: {kind!r}")
    url = f"guide:{kind}/{quote(target.strip('/'), safe='/-_.~')}"
    if anchor:
        url += "#" + quote(anchor, safe="-_.~:")
    return url


def parse_url(url: str) -> GuideLink | None:
    """The parts of a ``guide:`` URL, or None for anything else (never raises)."""
    if not isinstance(url, str) or len(url) > 10_000 or url[:6].lower() != "guide:":
        return None
    rest, _, fragment = url[6:].lstrip("/").partition("#")
    rest = rest.partition("?")[0]
    kind, _, raw = rest.partition("/")
    kind = kind.lower()
    if kind not in URL_KINDS:
        return None
    try:
        target = unquote(raw, errors="strict").strip("/")
        anchor = unquote(fragment, errors="strict") or None
    except UnicodeDecodeError:
        return None
    if "\\" in target or any(ord(ch) < 32 for ch in target) or ".." in target.split("/"):
        return None
    if kind == "article" and not target:
        return None
    if kind == "image":
        number, _, path = target.partition("/")
        if not number.isdigit() or not path:
            return None
        return GuideLink(kind, target, None)
    return GuideLink(kind, target, anchor)


def image_file(library: Library, url: str) -> Path | None:
    """The image file a ``guide:image/…`` URL names, if it exists inside its root."""
    return root_image(library.roots, url)


def root_image(roots: Sequence[Path], url: str) -> Path | None:
    """The image file a ``guide:image/<n>/<path>`` URL names among ``roots``, if inside root n."""
    link = parse_url(url)
    if link is None or link.kind != "image":
        return None
    number, _, rel = link.target.partition("/")
    index = int(number)
    if index >= len(roots) or Path(rel).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        root = roots[index].resolve()
        candidate = (root / rel).resolve()
        candidate.relative_to(root)  # refuses ".." and symlinks that lead out of the root
        return candidate if candidate.is_file() else None
    except (OSError, ValueError, RuntimeError):
        return None


# -- what the links and images of a page become ----------------------------------------


@dataclass
class PageLinks:
    """What the links of one page resolve against, and the problems they collect."""

    base: Article | Topic | None  # None: no page (relative links are left alone)
    path: Path | None = None
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    cursor: dict[str, int] = field(default_factory=dict)
    verify: bool = False  # also check that linked sections exist (guide check)
    files: set[Path] | None = None  # a set: every file or folder a link or image was checked against


class Links:
    """Decides what each link and image of a page becomes: a ``guide:`` URL, kept, or removed.

    Links that would leave the content root, unsafe schemes and missing targets are
    refused, and each refusal is recorded as a problem on the page's :class:`PageLinks`.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self._anchor_cache: dict[str, frozenset[str]] = {}

    def link(self, ctx: PageLinks, href: str) -> str | None:
        """The href to keep for a link, or None to show its text only (problems recorded)."""
        raw = href.strip()
        probe = _INVISIBLE.sub("", unescape(raw))
        if not probe:
            return None
        if probe.startswith("#"):
            return raw
        scheme = _SCHEME.match(probe)
        if scheme:
            name = scheme.group(1).lower()
            if name in ("http", "https", "mailto"):
                return raw
            link = parse_url(probe) if name == "guide" else None
            if link is not None and self._exists(ctx, link):
                return make_url(link.kind, link.target, link.anchor)
            if link is not None:
                missing = {
                    "article": N_("link to missing article: {target}"),
                    "topic": N_("link to missing topic: {target}"),
                }
                message = missing.get(link.kind, N_("link to missing image: {target}"))
                self._problem(ctx, raw, message.format(target=short(raw)))
                return None
            self._problem(ctx, raw, N_("unsafe or unknown link removed: {target}").format(target=short(raw)))
            return None
        if probe.startswith("//"):  # "//host/path" is a network address, not a file
            self._problem(ctx, raw, N_("link leaves the content root: {target}").format(target=short(raw)))
            return None
        return raw if ctx.base is None else self._relative_link(ctx, raw)

    def _exists(self, ctx: PageLinks, link: GuideLink) -> bool:
        if ctx.base is None:  # no page to resolve against
            return True
        self._note(ctx, link)
        if link.kind == "article":
            return self.library.article(link.target) is not None
        if link.kind == "topic":
            return self.library.topic(link.target) is not None
        return image_file(self.library, make_url(link.kind, link.target)) is not None

    def _note(self, ctx: PageLinks, link: GuideLink) -> None:
        """Add where a ``guide:`` link's target is or would be, in each root, to ``ctx.files``."""
        if ctx.files is not None:
            name = link.target.partition("/")[2] if link.kind == "image" else link.target
            suffix = ARTICLE_SUFFIX if link.kind == "article" else ""
            ctx.files.update(root / f"{name}{suffix}" for root in self.library.roots)

    def _relative_link(self, ctx: PageLinks, raw: str) -> str | None:
        assert ctx.base is not None
        target, _, anchor = raw.partition("#")
        target = unquote(target.partition("?")[0])
        root = ctx.base.root
        resolved = self.library.resolve(ctx.base, target) if target else None
        if resolved is None or root is None:
            self._problem(ctx, raw, N_("link leaves the content root: {target}").format(target=short(raw)))
            return None
        if ctx.files is not None:
            ctx.files.add(resolved)
        try:
            url, message = self._internal(resolved, root, unquote(anchor) or None, ctx.verify)
        except (OSError, ValueError):
            url, message = None, N_("link to missing file")
        if message:  # a link that works but misses its section is only a warning
            self._problem(
                ctx,
                raw,
                N_("{problem}: {target}").format(problem=message, target=short(raw)),
                "warning" if url else "error",
            )
        return url

    def _internal(self, resolved: Path, root: Path, anchor: str | None, verify: bool) -> tuple[str | None, str]:
        """The guide: URL for a file inside the root, or a reason why there is none."""
        if resolved.suffix.lower() == ".md" and resolved.name != INDEX_NAME:
            found = self.library.article_for_path(resolved)
            if found is None:
                return None, N_("link to missing article")
            url = make_url("article", found.id, anchor)
            if verify and anchor and not anchor.startswith("fn") and anchor not in self._anchors(found):
                return url, N_("link to a missing section")
            return url, ""
        if resolved.name == INDEX_NAME or resolved.is_dir():
            folder = resolved.parent if resolved.name == INDEX_NAME else resolved
            rel = folder.relative_to(root.resolve()).as_posix()
            topic_id = "" if rel == "." else rel
            if self.library.topic(topic_id) is None:
                return None, N_("link to missing topic")
            return make_url("topic", topic_id), ""
        return None, N_("link to a file that is not an article") if resolved.exists() else N_("link to missing file")

    def _anchors(self, article: Article) -> frozenset[str]:
        """The section anchors of another article, for ``guide check``."""
        if article.id not in self._anchor_cache:
            body = self.library.body(article)
            slugs = {s.slug for s in split_sections(body) if s.slug}
            self._anchor_cache[article.id] = frozenset(slugs | set(_EXPLICIT_ID.findall(body)))
        return self._anchor_cache[article.id]

    def image(self, ctx: PageLinks, src: str) -> tuple[str | None, str]:
        """The src to keep for an image, or None and a label for the text shown instead."""
        raw = src.strip()
        probe = _INVISIBLE.sub("", unescape(raw))
        scheme = _SCHEME.match(probe)
        if not probe:
            self._problem(ctx, raw, N_("image without a file name"))
            return None, ""
        if scheme:
            name = scheme.group(1).lower()
            if name in ("http", "https"):
                self._problem(
                    ctx, raw, N_("image from the internet is not shown: {target}").format(target=short(raw)), "warning"
                )
                return None, N_("image not loaded")
            if name == "guide" and (link := parse_url(probe)) is not None:
                self._note(ctx, link)
            if name == "guide" and image_file(self.library, probe) is not None:
                return probe, ""
            self._problem(ctx, raw, N_("unsafe or unknown image source removed: {target}").format(target=short(raw)))
            return None, ""
        if probe.startswith("//"):
            self._problem(
                ctx, raw, N_("image from the internet is not shown: {target}").format(target=short(raw)), "warning"
            )
            return None, N_("image not loaded")
        if ctx.base is None:  # nothing to check against: only plain relative paths stay
            path = unquote(probe.partition("#")[0].partition("?")[0])
            return (None, "") if path.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", path) else (raw, "")
        target = unquote(raw.partition("#")[0].partition("?")[0])
        resolved = self.library.resolve(ctx.base, target) if target else None
        root = ctx.base.root
        if resolved is None or root is None:
            self._problem(ctx, raw, N_("image leaves the content root: {target}").format(target=short(raw)))
            return None, ""
        if ctx.files is not None:
            ctx.files.add(resolved)
        try:
            is_file = resolved.is_file()
        except OSError:
            is_file = False
        if not is_file:
            self._problem(ctx, raw, N_("image not found: {target}").format(target=short(raw)))
            return None, ""
        if resolved.suffix.lower() not in IMAGE_SUFFIXES:
            self._problem(ctx, raw, N_("not an image file: {target}").format(target=short(raw)))
            return None, ""
        index = _root_index(self.library, root)
        rel = resolved.relative_to(root.resolve()).as_posix()
        return make_url("image", f"{index}/{rel}"), ""

    def _problem(self, ctx: PageLinks, target: str, message: str, severity: str = "error") -> None:
        if ctx.base is None or ctx.path is None:
            return
        start = ctx.cursor.get(target, 0)
        pos = ctx.body.find(target, start) if target else -1
        if pos < 0 and target:
            pos = ctx.body.find(target)
        ctx.cursor[target] = pos + 1 if pos >= 0 else start
        line = ctx.body_line + (ctx.body.count("\n", 0, pos) if pos >= 0 else 0)
        ctx.problems.append(Problem(ctx.path, line, message, "warning" if severity == "warning" else "error"))


def short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unavailable(target: str) -> str:
    """The tooltip of a removed link: names a missing file, never repeats a script."""
    if _SCHEME.match(_INVISIBLE.sub("", unescape(target))) or not target.strip():
        return N_("Link not available")
    return N_("Link not available: {target}").format(target=short(target))


def _root_index(library: Library, root: Path) -> int:
    for index, candidate in enumerate(library.roots):
        if candidate == root or candidate.resolve() == root.resolve():
            return index
    return 0
