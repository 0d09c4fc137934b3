"""Test helpers for reading pages: the text of rendered HTML, every topic of a library.

They lived in the program (``render.page_text``, ``Library.topics``) though only tests used them.
"""

from __future__ import annotations

import re
from html import unescape

from guide.core.content import Library
from guide.core.models import Topic

_BLOCK_END = re.compile(
    r"<(?:br|hr|/p|/h[1-6]|/li|/tr|/dt|/dd|/blockquote|/pre|/div|/table|/ul|/ol|/dl)\b[^>]*>", re.I
)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.DOTALL)


def page_text(html: str) -> str:
    """The plain text of rendered HTML: one block per line, entities decoded."""
    text = " ".join(_DROP.sub("", html).split())
    text = _CELL_END.sub(" ", _BLOCK_END.sub("\n", text))
    text = unescape(re.sub(r"<[^>]*>", "", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def all_topics(library: Library) -> list[Topic]:
    """Every topic of a library, the root first, in tree order."""
    found: list[Topic] = []
    stack = [library.root_topic]
    while stack:
        topic = stack.pop()
        found.append(topic)
        stack.extend(reversed(topic.children))
    return found
