"""Articles being written: the editor's fields to front matter and back, and autosaved drafts.

The editor holds an article as fields (title, summary, lists, dates) and a Markdown body;
:func:`compose` writes them as a file in the content format and :func:`decompose` reads
one back, keeping front-matter keys the editor has no field for (``copied_from``,
``language``, ``order`` …) as they were.

An autosaved draft is the whole article text with where it belongs, written atomically to
``<data>/drafts/KEY.json`` every few seconds while an editor has unsaved changes, and
removed when it is saved or discarded. A draft whose editor is gone (the process crashed
or the power went) is an *orphan*, offered back at the next start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from guide.core import atomic, paths
from guide.core.content import split_front_matter
from guide.core.models import Problem

log = logging.getLogger(__name__)

DRAFTS_FOLDER = "drafts"
LIST_FIELDS = ("aliases", "tags", "sources")
DATE_FIELDS = ("reviewed", "review_due")
# Front-matter keys the editor has a field for, in the order they are written.
FIELD_ORDER = ("title", "summary", "aliases", "tags", "reviewed", "reviewed_by", "review_due", "sources")
BLANK_AFTER_FRONT_MATTER = 1  # compose() leaves one empty line between the front matter and the body


@dataclass(frozen=True)
class ArticleText:
    """What the editor shows: one value per field, the body, and the keys it has no field for."""

    title: str = ""
    summary: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    reviewed: str = ""  # YYYY-MM-DD as typed; a wrong date is kept and reported by the check
    reviewed_by: str = ""
    review_due: str = ""
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # copied_from, language, order, unknown keys


def _date_value(text: str) -> Any:
    """A date written as a date (``2024-05-01``) when it is one, else the text as typed."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def compose(article: ArticleText) -> str:
    """The article as a file in the content format: ``---`` YAML ``---``, a blank line, the body."""
    meta: dict[str, Any] = {"title": article.title.strip()}
    for name in FIELD_ORDER[1:]:
        value = getattr(article, name)
        if name in LIST_FIELDS:
            items = [v.strip() for v in value if v.strip()]
            if items:
                meta[name] = items
        elif name in DATE_FIELDS:
            if value.strip():
                meta[name] = _date_value(value)
        elif value.strip():
            meta[name] = " ".join(value.split())
    for key, value in article.extra.items():
        if key not in meta and key not in FIELD_ORDER:
            meta[key] = value
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
    body = article.body if article.body.endswith("\n") or not article.body else article.body + "\n"
    return f"---\n{front}---\n" + "\n" * BLANK_AFTER_FRONT_MATTER + body


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _items(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(_text(v) for v in value if v is not None)
    return (_text(value),)


def decompose(text: str, path: Path = Path("-")) -> tuple[ArticleText, tuple[Problem, ...]]:
    """Read an article's text into fields. Front matter that cannot be read is kept in the body,
    so that saving never drops it (the problems say why)."""
    parsed = split_front_matter(path, text)
    if parsed.problems:
        return ArticleText(body=text), parsed.problems
    meta = {str(k): v for k, v in parsed.meta.items()}
    body = parsed.body
    for _ in range(BLANK_AFTER_FRONT_MATTER):
        if body.startswith("\n"):
            body = body[1:]
        elif body.startswith("\r\n"):
            body = body[2:]
    values: dict[str, Any] = {"body": body}
    for name in FIELD_ORDER:
        raw = meta.pop(name, None)
        values[name] = _items(raw) if name in LIST_FIELDS else _text(raw)
    return ArticleText(**values, extra=meta), ()


def editor_line(file_line: int, body_line: int) -> int | None:
    """The line of the body editor that line ``file_line`` of the saved file is; None for the
    front matter (``body_line`` is where the body starts, as :class:`Article` records it)."""
    line = file_line - body_line - BLANK_AFTER_FRONT_MATTER + 1
    return line if line >= 1 else None


# -- autosaved drafts ----------------------------------------------------------------------


@dataclass(frozen=True)
class SavedDraft:
    """An autosaved article being written, with where it belongs."""

    key: str  # the draft's file name without ".json"
    text: str  # the whole article, as compose() made it
    title: str
    article_id: str = ""  # "" for a new article not saved yet
    path: str = ""  # the file it is saved to ("" until decided)
    root: str = ""  # the library (content root) it belongs to
    base: str = ""  # file_digest() of the article file when it was opened; "" for a new one
    saved: float = 0.0  # time.time() of the autosave
    pid: int = 0  # the process whose editor holds it


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, AttributeError):  # someone else's process, or no os.kill
        return True
    return True


class DraftStore:
    """Autosaved drafts in ``<data>/drafts``, one JSON file each, written atomically."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or paths.data_dir() / DRAFTS_FOLDER

    @staticmethod
    def new_key() -> str:
        return time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:8]

    def file(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def save(self, draft: SavedDraft) -> None:
        """Write the draft; raises OSError when the data folder cannot be written."""
        atomic.write_json(self.file(draft.key), asdict(draft))

    def discard(self, key: str) -> None:
        with contextlib.suppress(OSError):
            self.file(key).unlink()

    def load(self, key: str) -> SavedDraft | None:
        try:
            raw = json.loads(self.file(key).read_text(encoding="utf-8"))
            known = {f.name for f in fields(SavedDraft)}
            draft = SavedDraft(**{k: v for k, v in raw.items() if k in known})
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            where = atomic.keep_aside(self.file(key))
            log.warning("autosaved draft %s could not be read (%s); %s", key, exc, where)
            return None
        if not isinstance(draft.text, str) or not isinstance(draft.key, str):
            return None
        return draft

    def orphans(self) -> list[SavedDraft]:
        """Drafts no running editor holds (left by a crash or a power cut), oldest first."""
        try:
            files = sorted(self.folder.glob("*.json"))
        except OSError:
            return []
        found = []
        for path in files:
            atomic.sweep_stale(path)
            draft = self.load(path.stem)
            if draft is not None and not _alive(draft.pid):
                found.append(draft)
        return sorted(found, key=lambda d: d.saved)
