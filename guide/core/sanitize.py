"""The HTML allow-list (nh3) rendered pages pass through, and the Markdown-free touches after it."""

from __future__ import annotations

import re
from typing import Any

import nh3

# fmt: off
ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "sub", "sup", "small",
    "a", "img", "table", "thead", "tbody", "tr", "th", "td", "div", "span", "abbr",
})
# fmt: on
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},  # sane_lists keeps the first number of a list
    "abbr": {"title"},
    "span": {"title"},  # "Link not available: …"
}
ADMONITION_KINDS = frozenset(
    {
        "note",
        "tip",
        "hint",
        "important",
        "warning",
        "caution",
        "danger",
        "attention",
        "error",
        "info",
        "example",
    }
)
ALLOWED_CLASSES: dict[str, set[str]] = {
    "div": {"admonition", "footnote", *ADMONITION_KINDS},
    "p": {"admonition-title"},
    "a": {"footnote-ref", "footnote-backref"},
    "span": {"link-unavailable", "image-unavailable"},
}
TABLE_ATTRIBUTES = {"border": "1", "cellspacing": "0", "cellpadding": "6"}  # Qt draws these reliably
LINK_SCHEMES = frozenset({"guide", "http", "https", "mailto"})

_EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')
_ADMONITION = re.compile(r'<div class="(admonition(?: [a-z]+)?)">((?:(?!<div\b|</div>).)*)</div>', re.DOTALL)
_TABLE_TAG = re.compile(r"<table\b([^>]*)>")
_TABLE_ATTRS = "".join(f' {k}="{v}"' for k, v in TABLE_ATTRIBUTES.items())


def make_cleaner() -> Any:
    """An nh3 cleaner that keeps only the allow-list above."""
    options: dict[str, Any] = {
        "tags": set(ALLOWED_TAGS),
        "clean_content_tags": {"script", "style", "template", "title", "noscript", "textarea", "select"},
        "attributes": ALLOWED_ATTRIBUTES,
        "url_schemes": set(LINK_SCHEMES),
        "allowed_classes": ALLOWED_CLASSES,
        "link_rel": None,
        "strip_comments": True,
    }
    cleaner_class = getattr(nh3, "Cleaner", None)
    if cleaner_class is not None:
        return cleaner_class(**options)

    class _Clean:  # nh3 before 0.2.18 has no Cleaner
        def clean(self, html: str) -> str:
            return nh3.clean(html, **options)

    return _Clean()


def _admonition_box(match: re.Match[str]) -> str:
    """A one-cell table for an admonition: Qt draws a cell's box and padding, not a div's."""
    kind = match.group(1)
    return (
        f'<table class="{kind}" width="100%" border="0" cellspacing="0" cellpadding="8">'
        f'<tr><td class="{kind}">{match.group(2).strip()}</td></tr></table>'
    )


def finish(html: str) -> str:
    """Sanitized HTML as Qt draws it well: no empty class attributes, ruled tables, boxed admonitions."""
    if ' class=""' in html:  # nh3 leaves this when it removes every class
        html = _EMPTY_CLASS.sub(r"\1", html)
    if "<table" in html:  # in this order: nh3's own attribute order is not stable
        html = _TABLE_TAG.sub(lambda m: f"<table{m.group(1)}{_TABLE_ATTRS}>", html)
    if '<div class="admonition' in html:
        html = _ADMONITION.sub(_admonition_box, html)
    return html
