"""Content problems: one list for ``guide check`` and the window, in words for the people who fix them.

:func:`content_problems` is the one place that decides what counts as a problem: every problem
found while loading the library, the translations' problems, then every article's link and image problems (found by
rendering it). The command line prints them, the window counts them in its status bar and
lists them under Help, so both always give the same number.

Problems are worded for people where they are made (:mod:`guide.core.yaml_reasons` for the front
matter parser's messages); :func:`for_people` lays one out with its file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from guide.core.content import Library
from guide.core.i18n import _, ngettext, translate_message
from guide.core.models import Problem
from guide.core.render import Renderer
from guide.core.translations import translation_problems


def content_problems(
    library: Library,
    renderer: Renderer | None = None,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    cache: Path | None = None,
) -> list[Problem]:
    """Every problem of a library: loading first, then each article's links and images.

    ``renderer`` defaults to a new one (a Renderer is not thread-safe: make one per thread);
    ``stop`` is asked between articles, so a window that closes need not wait for the rest.
    With ``cache`` (a folder), an article whose files are unchanged since it was last checked
    is not rendered again (:mod:`guide.core.check_cache`)."""
    from guide.core.check_cache import CheckCache, cache_file

    renderer = renderer or Renderer(library)
    problems = list(library.problems) + translation_problems(library)
    articles = library.articles()
    kept = CheckCache(cache_file(cache, library.roots)) if cache is not None else None
    for done, article in enumerate(articles, 1):
        if stop is not None and stop():
            break
        found = kept.get(article) if kept is not None else None
        if found is None:
            found, files = renderer.check_files(article)
            if kept is not None:
                kept.put(article, found, files)
        problems.extend(found)
        if progress is not None:
            progress(done, len(articles))
    if kept is not None:
        if stop is None or not stop():
            kept.keep_only({a.id for a in articles})
        kept.save()
    return problems


def count_text(problems: Sequence[Problem]) -> str:
    """ "2 content problems" (the same wording wherever a count is shown), in the interface language."""
    count = len(problems)
    return ngettext("{count} content problem", "{count} content problems", count).format(count=count)


def for_people(problem: Problem) -> str:
    """One problem as a person reads it, in the interface language: what is wrong, then the
    file and line to open. (Problems are made in English; :func:`translate_message` words them.)"""
    if problem.line > 0:
        where = _("{path}, line {line}").format(path=problem.path, line=problem.line)
    else:
        where = str(problem.path)
    said = translate_message(problem.message)
    message = said[:1].upper() + said[1:]
    if not message.endswith((".", "?", "!")):
        message += "."
    if problem.severity == "error":
        return _("Error: {message}").format(message=message) + f"\n    {where}"
    return _("Warning: {message}").format(message=message) + f"\n    {where}"
