"""Markdown to sanitized HTML for the reading pane: the one module that imports ``markdown``.

Rendering follows readme_renderer: Python-Markdown first, then an nh3 allow-list.
Relative links and images are rewritten to ``guide:`` URLs by a treeprocessor for
Markdown syntax and by a post-pass over the sanitized HTML for links an author wrote
as raw HTML; what each one becomes is decided in :mod:`guide.core.links`, which also
refuses links that leave the content root. Nothing here ever fetches anything: remote
images become their alt text, and ``http(s)`` links are left for the window to ask
about. A :class:`Renderer` holds one Markdown instance and is not thread-safe:
make one per thread.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as etree
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.core import i18n
from guide.core.content import Library, read_file, split_front_matter
from guide.core.i18n import N_
from guide.core.links import Links, PageLinks, unavailable
from guide.core.models import Article, Heading, Problem, Rendered, Section, Topic
from guide.core.pages import article_page, topic_page, welcome_page
from guide.core.sanitize import finish, make_cleaner
from guide.core.text import heading_text, slugify, split_sections
from guide.core.translations import translation_html

# -- configuration: data in one place -----------------------------------------------

MARKDOWN_CONFIG: dict[str, Any] = {
    # Named by module: a short name ("tables") is looked up in every installed package's
    # entry points, which costs more than the rest of setting Markdown up.
    "extensions": [
        "markdown.extensions.tables",
        "markdown.extensions.toc",
        "markdown.extensions.attr_list",
        "markdown.extensions.admonition",
        "markdown.extensions.footnotes",
        "markdown.extensions.def_list",
        "markdown.extensions.fenced_code",
        "markdown.extensions.sane_lists",
    ],
    "extension_configs": {
        # heading ids are the slugs split_sections gives
        "markdown.extensions.toc": {"slugify": slugify},
        # "fn-1": no ':' in ids
        "markdown.extensions.footnotes": {"SEPARATOR": "-", "BACKLINK_TITLE": "Back to the text"},
        # Qt honours align=, not style=
        "markdown.extensions.tables": {"use_align_attribute": True},
    },
    "output_format": "html",
}

_A_TAG = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_IMG_TAG = re.compile(r"<img\b([^>]*)>")
_ATTR = re.compile(r'([^\s"=/>]+)(?:="([^"]*)")?')
_H1_LINE = re.compile(r"^ {0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$")
_REFERENCE_DEF = re.compile(r"^ {0,3}\[\^?[^\]]+\]:")


# -- rendering ------------------------------------------------------------------------


@dataclass
class _Context(PageLinks):
    """What the current conversion resolves against and collects into."""

    expected: list[Section] = field(default_factory=list)  # ## and ### sections, for heading ids
    headings: list[Heading] = field(default_factory=list)


if TYPE_CHECKING:
    import markdown

# Markdown is imported when the first page with Markdown in it is rendered (:attr:`Renderer._md`),
# not with this module: the window's first page, the welcome page, has none.
AMP_SUBSTITUTE = "\u0002amp\u0003"  # markdown.util.AMP_SUBSTITUTE, checked when the converter is made


class _Rewriter:
    """Give headings the split_sections slugs and turn links and images into guide: URLs.

    Mixed with Markdown's ``Treeprocessor`` when the converter is made (see :attr:`Renderer._md`).
    """

    md: markdown.Markdown  # set by Treeprocessor

    def __init__(self, md: markdown.Markdown, renderer: Renderer) -> None:
        super().__init__(md)  # type: ignore[call-arg]  # Treeprocessor's, once mixed in
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        ctx = self.renderer._ctx
        self._headings(root, ctx)
        for el in root.iter():
            if el.tag == "a" and "href" in el.attrib:
                href = self.renderer._links.link(ctx, _tree_value(el.get("href", "")))
                if href is None:
                    _make_unavailable(el, _tree_value(el.get("href", "")), _language(ctx))
                else:
                    el.set("href", href)
            elif el.tag == "img":
                src, label = self.renderer._links.image(ctx, _tree_value(el.get("src", "")))
                if src is None:
                    text = _image_label(label, _tree_value(el.get("alt", "")), _language(ctx))
                    el.tag, el.text = "span", text
                    el.attrib.clear()
                    el.set("class", "image-unavailable")
                else:
                    el.set("src", src)

    def _headings(self, root: etree.Element, ctx: _Context) -> None:
        found = [el for el in root if el.tag in ("h2", "h3")]
        same = len(found) == len(ctx.expected) and all(
            int(el.tag[1]) == s.level for el, s in zip(found, ctx.expected, strict=True)
        )
        for index, el in enumerate(found):
            if same and ctx.expected[index].slug:
                el.set("id", ctx.expected[index].slug or "")
            text = unescape(_placeholder().sub(self._stashed_text, "".join(el.itertext())))
            ctx.headings.append(
                Heading(int(el.tag[1]), " ".join(text.replace(AMP_SUBSTITUTE, "&").split()), el.get("id", ""))
            )

    def _stashed_text(self, match: re.Match[str]) -> str:
        try:
            raw = str(self.md.htmlStash.rawHtmlBlocks[int(match.group(1))])
        except (IndexError, ValueError):
            return ""
        return re.sub(r"<[^>]*>", "", raw)


def _placeholder() -> re.Pattern[str]:
    from markdown.util import HTML_PLACEHOLDER_RE

    return HTML_PLACEHOLDER_RE


def _tree_value(value: str) -> str:
    return value.replace(AMP_SUBSTITUTE, "&")


def _language(ctx: _Context) -> str:
    """The language of the page being made: its words ("[image]", "Link not available") follow it."""
    return getattr(ctx.base, "language", "en")


def _make_unavailable(el: etree.Element, target: str, language: str = "en") -> None:
    keep = el.get("id")
    el.tag = "span"
    el.attrib.clear()
    el.set("class", "link-unavailable")
    el.set("title", i18n.translate_message(unavailable(target), language))
    if keep:
        el.set("id", keep)


def _image_label(label: str, alt: str, language: str = "en") -> str:
    """The text shown instead of an image: "[image not loaded: a diagram]", in the page's language."""
    alt = " ".join(alt.split())
    if label:
        label = i18n.translate_message(label, language)
        return f"[{label}: {alt}]" if alt else f"[{label}]"
    _ = i18n.translator(language)
    return f"[{alt}]" if alt else "[" + _("image") + "]"


class Renderer:
    """Builds the pages of the reading pane from a library: articles, topics, welcome."""

    def __init__(self, library: Library, language: str | None = None) -> None:
        """``language``: the interface language of topic and welcome pages (default: the one
        :func:`guide.core.i18n.set_interface_language` set); article pages follow the article's."""
        self.library = library
        self.language = language or i18n.current_language()
        self._made: markdown.Markdown | None = None  # made by the first page with Markdown in it
        self._ctx = _Context(None)
        self._cleaner = make_cleaner()
        self._links = Links(library)

    @property
    def _md(self) -> markdown.Markdown:
        """The Markdown converter, set up on first use: the extensions cost a tenth of a second
        that the welcome page, shown first, does not need."""
        if self._made is None:
            import markdown
            from markdown.treeprocessors import Treeprocessor
            from markdown.util import AMP_SUBSTITUTE as amp

            assert amp == AMP_SUBSTITUTE, "Python-Markdown changed its ampersand placeholder"
            self._made = markdown.Markdown(**MARKDOWN_CONFIG)
            rewriter = type("Rewriter", (_Rewriter, Treeprocessor), {})(self._made, self)
            self._made.treeprocessors.register(rewriter, "guide-links", 1)  # after toc (5)
            _bound_link_scans(self._made)
        return self._made

    # -- pages ----------------------------------------------------------------------------
    def article(self, article: Article, today: dt.date | None = None) -> Rendered:
        """The whole article page: title, summary, review line, body and sources."""
        html, ctx = self._render_body(article, self.library.body(article))
        source = self._source(article)  # where it comes from: a pack, or the top-level topic
        translation = translation_html(self.library, article)  # banner, "Read in: English · Español"
        return article_page(article, html, tuple(ctx.headings), tuple(ctx.problems), today, source or "", translation)

    def topic(self, topic: Topic, grades: Mapping[str, float | None] | None = None) -> Rendered:
        """A topic page: title, summary, introduction, then its sub-topics and articles.

        With ``grades`` (article id -> reading grade) the articles are listed easier first."""
        if not topic.intro.strip():
            return topic_page(topic, "", (), (), grades, self.language)
        html, ctx = self._render_body(topic, topic.intro)
        return topic_page(topic, html, tuple(ctx.headings), tuple(ctx.problems), grades, self.language)

    def welcome(self, library_title: str = "") -> Rendered:
        """The first page: a greeting, how to search, and the top-level topics."""
        return welcome_page(self.library.root_topic, library_title, self.language)

    def _source(self, article: Article) -> str:
        """The "From …" of an article page (:meth:`Library.source_of` decides it)."""
        return self.library.source_of(article.id)

    def body_html(self, article: Article, sections: Collection[str] | None = None) -> str:
        """Sanitized body only; with ``sections`` (slugs), the lead and those sections."""
        body = self.library.body(article)
        if sections is None:
            return self._render_body(article, body)[0]
        return self._render_body(article, body, set(sections))[0]

    def check(self, article: Article) -> list[Problem]:
        """The link and image problems of an article, for ``guide check``."""
        return self.check_files(article)[0]

    def check_files(self, article: Article) -> tuple[list[Problem], set[Path]]:
        """:meth:`check`'s problems, and every file and folder its links and images were checked against."""
        files: set[Path] = set()
        return self._render_body(article, self.library.body(article), verify=True, files=files)[1].problems, files

    # -- the pipeline -----------------------------------------------------------------------
    def _render_body(
        self,
        base: Article | Topic,
        body: str,
        only: set[str] | None = None,
        verify: bool = False,
        files: set[Path] | None = None,
    ) -> tuple[str, _Context]:
        sections = split_sections(body)
        path: Path | None = base.path if isinstance(base, Article) else base.index_path
        if isinstance(base, Article):
            body_line = base.body_line
        else:
            body_line = _index_body_line(base.index_path) if base.index_path is not None else 1
        title = base.title
        source = _drop_title_line(body, title)
        if only is not None:
            sections, source = _select(source, sections, only)
        expected = [s for s in sections if s.level in (2, 3)]
        ctx = _Context(base, path, body, body_line, verify=verify, expected=expected, files=files)
        return self._convert(ctx, source), ctx

    def _convert(self, ctx: _Context, source: str) -> str:
        self._ctx = ctx
        try:
            self._md.reset()
            html = self._md.convert(source)
        except Exception as exc:  # pathological input must not take the window down
            message = N_("could not render body: {error}").format(error=repr(exc))
            ctx.problems.append(Problem(ctx.path or Path("-"), ctx.body_line, message))
            html = f"<pre>{escape(source)}</pre>"
        finally:
            self._ctx = _Context(None)
        html = self._cleaner.clean(html)
        if "<a" in html:
            html = _A_TAG.sub(lambda m: self._raw_a(ctx, m), html)
        if "<img" in html:
            html = _IMG_TAG.sub(lambda m: self._raw_img(ctx, m), html)
        return finish(html)  # last: the raw-HTML passes above can leave an empty class too

    def _raw_a(self, ctx: _Context, match: re.Match[str]) -> str:
        attrs = _attrs(match.group(1))
        inner = match.group(2)
        ident = f' id="{escape(attrs["id"])}"' if attrs.get("id") else ""
        if "href" not in attrs:
            said = escape(i18n.translate_message(unavailable(""), _language(ctx)))
            title = f' class="link-unavailable" title="{said}"' if not ident else ""
            return f"<span{ident}{title}>{inner}</span>"
        href = self._links.link(ctx, attrs["href"])
        if href is None:
            title = escape(i18n.translate_message(unavailable(attrs["href"]), _language(ctx)))
            return f'<span{ident} class="link-unavailable" title="{title}">{inner}</span>'
        rest = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if k in ("class", "title"))
        return f'<a{ident} href="{escape(href)}"{rest}>{inner}</a>'

    def _raw_img(self, ctx: _Context, match: re.Match[str]) -> str:
        attrs = _attrs(match.group(1))
        src, label = self._links.image(ctx, attrs.get("src", ""))
        if src is None:
            text = escape(_image_label(label, attrs.get("alt", ""), _language(ctx)))
            return f'<span class="image-unavailable">{text}</span>'
        attrs["src"] = src
        return "<img" + "".join(f' {k}="{escape(v)}"' for k, v in attrs.items()) + ">"

# -- helpers --------------------------------------------------------------------------

LINK_TEXT_LIMIT = 500  # characters of [link text] looked at; a longer "text" is not a link
LINK_TARGET_LIMIT = 1000  # characters of (target "title") looked at after the text
_LINK_PROCESSORS = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")


class _BoundedScan:
    """Mixed into Python-Markdown's link processors: look only a bounded way ahead for ``]`` and ``)``.

    Python-Markdown scans from every ``[`` to the end of the paragraph when nothing closes
    it, so a paragraph of a few thousand stray ``[`` took minutes; bounded, it takes
    milliseconds, and every link a person writes is far shorter than the limits.
    """

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:
        window = data[index : index + LINK_TEXT_LIMIT]
        if "]" not in window:  # nothing can close it: skip the character-by-character scan
            return "", index, False
        text, end, handled = super().getText(window, 0)  # type: ignore[misc]
        return text, index + end, handled

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        window = data[index : index + LINK_TARGET_LIMIT]
        if ")" not in window:
            return "", None, index, False
        href, title, end, handled = super().getLink(window, 0)  # type: ignore[misc]
        return href, title, index + end, handled


def _bound_link_scans(md: markdown.Markdown) -> None:
    for name in _LINK_PROCESSORS:
        if name in md.inlinePatterns:
            processor = md.inlinePatterns[name]
            processor.__class__ = type(f"Bounded{type(processor).__name__}", (_BoundedScan, type(processor)), {})


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): unescape(m.group(2) or "") for m in _ATTR.finditer(text)}


def _index_body_line(path: Path) -> int:
    text, _ = read_file(path)
    return split_front_matter(path, text).body_line


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _drop_title_line(body: str, title: str) -> str:
    """Blank out a leading ``# heading`` that repeats the title (line numbers stay)."""
    lines = body.split("\n")
    for index, line in enumerate(lines[:50]):
        if not line.strip():
            continue
        match = _H1_LINE.match(line)
        if match and _norm(heading_text(match.group(1))) == _norm(title):
            lines[index] = ""
            return "\n".join(lines)
        return body
    return body


def _select(body: str, sections: list[Section], only: set[str]) -> tuple[list[Section], str]:
    """The lead and the chosen sections (a ## brings its ###), as Markdown and sections."""
    lines = body.split("\n")
    chosen: list[Section] = []
    keep: list[str] = []
    parent_chosen = False
    for index, section in enumerate(sections):
        end = sections[index + 1].line - 1 if index + 1 < len(sections) else len(lines)
        if section.level == 2:
            parent_chosen = section.slug in only
        take = section.level == 0 or section.slug in only or (section.level == 3 and parent_chosen)
        part = lines[section.line - 1 : end] if section.level else lines[:end]
        if take:
            keep.extend(part)
            if section.level:
                chosen.append(section)
        else:  # keep link and footnote definitions, so references elsewhere still work
            keep.extend(line for line in part if _REFERENCE_DEF.match(line))
    return chosen, "\n".join(keep)
