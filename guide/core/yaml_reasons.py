"""PyYAML's parser messages in words an author can act on.

"found unexpected end of stream" means nothing to a nurse editing an article; "a quote is opened
and not closed", pointing at the line where it was opened, does. The file and line stay in the
:class:`~guide.core.models.Problem` that carries the sentence.
"""

from __future__ import annotations

import re
from typing import Any

from guide.core.i18n import N_

# (pattern over PyYAML's problem text (libyaml's or the pure-Python parser's), what it means)
_YAML_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), text)
    for pattern, text in (
        (r"expected ',' or '\]'", N_("a list in [ ] is not closed with ']' (or a comma is missing between its items)")),
        (r"expected ',' or '\}'", N_("a { } is not closed with '}' (or a comma is missing between its items)")),
        (r"end of stream.*|stream end", N_("a quote (' or \") is opened and not closed")),
        (r"mapping values are not allowed", N_("a value contains ': ' — put the whole value in quotes")),
        (r"character .*cannot start any token", N_("a line starts with a tab or a character such as @ or ` — "
         "indent with spaces, and put a value that starts with such a character in quotes")),
        (r"expected '-' indicator|expected <block end>", N_("the lines are not indented evenly (a list item "
         "'- …' or a field is further in or out than its neighbours)")),
        (r"expected key", N_("a line is not a 'field: value' pair, or text follows a closing quote")),
        (r"undefined alias", N_("a value starts with '*' — put it in quotes")),
        (r"unknown escape character", N_("a backslash inside double quotes — use single quotes instead")),
        (r"could not find expected ':'", N_("a line has no ':' after the field name")),
    )
)  # fmt: skip

_UNCLOSED_CONTEXTS = ("quoted scalar", "flow sequence", "flow mapping")  # the line where it was opened helps


def yaml_reason(exc: Any) -> tuple[str, int]:
    """A sentence for a PyYAML error and the 0-based line (within the front matter) to point at."""
    problem = str(getattr(exc, "problem", "") or exc)
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if any(c in context for c in _UNCLOSED_CONTEXTS) and getattr(exc, "context_mark", None) is not None:
        mark = exc.context_mark
    line = mark.line if mark is not None else 0
    for pattern, text in _YAML_REASONS:
        if pattern.search(problem):
            return text, line
    reason = problem.strip() or N_("the parser gave no reason")
    return N_("the front matter is not valid YAML ({reason})").format(reason=reason), line
