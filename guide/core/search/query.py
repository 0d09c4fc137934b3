"""Query text without Whoosh: cleaning, tokens, filler words, quoted phrases, exclusions, prefixes.

Both the indexer and the searcher cut text into words with :func:`tokenize`, so a
query word and an indexed word always agree on case, apostrophes and hyphens.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from guide.core.i18n import N_

MAX_QUERY_CHARS = 1000  # longer input is cut: nobody types more, and it keeps search fast
MAX_TERMS = 32  # at most this many words, phrases and prefixes are searched

# A word is a run of letters and digits; "_" separates like punctuation does.
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHE = re.compile(r"(?<=[^\W_])['’`](?=[^\W_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")

# Words that say how a person asks, not what about: "what is (are)", "how do I", "my".
# They never decide ranking. Kept apart from STOP so that words such as "causes" or
# "symptoms", which point at a section, still count a little.
FILLER = frozenset(
    """
    a about after all also am an and any anything are as at be been before being but by
    can could did do does during each else ever for from get gets getting
    had has have having he her here hers him his how i if im in into is it its ive
    just kind lot lots me might more most much must my myself need needs no nor of off
    on once one only or other our ours out over own please really same she should so some
    something sort such tell than that thats the their them then there these they thing
    things this those through to too type types under until up us very was we were what
    whats when where whether which while who whom whose why will with would you your yours
    yourself
    know learn information info mean means meaning called
    """.split()  # noqa: SIM905 - a word list is easier to read as text
)
# "type" is filler on its own ("what type of") but not in "type 2 diabetes": see content_words.
_KEEP_BEFORE_NUMBER = frozenset({"type", "types", "stage", "grade", "class", "vitamin", "factor"})


def clean(text: str) -> str:
    """Drop control characters and odd spaces, normalise Unicode, and cut very long input."""
    text = unicodedata.normalize("NFKC", text[: MAX_QUERY_CHARS * 4])
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def tokenize(text: str) -> list[str]:
    """Lower-case words of a text: "Alzheimer's" -> alzheimers, "CAR-T" -> car, t; "B12" stays."""
    return _WORD.findall(_APOSTROPHE.sub("", text).casefold())


def content_words(words: Sequence[str]) -> list[str]:
    """Drop filler words; keep a letter or number that names a kind ("hepatitis a", "type 2")."""
    kept: list[str] = []
    for i, word in enumerate(words):
        if word not in FILLER:
            kept.append(word)
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        if word in _KEEP_BEFORE_NUMBER and following[:1].isdigit():
            kept.append(word)  # "type 2 diabetes", "stage 3"
        elif len(word) == 1 and kept and i > 0 and words[i - 1] == kept[-1] and word != "i":
            kept.append(word)  # "hepatitis a", "vitamin a"
    return kept


def light_stem(word: str) -> str:
    """A gentle plural folding for matching phrases: ears -> ear, allergies -> allergy."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def key(text: str) -> str:
    """A comparison key for titles, aliases and queries: content words, plurals folded."""
    words = tokenize(text)
    kept = content_words(words) or words
    return " ".join(light_stem(w) for w in kept)


@dataclass(frozen=True)
class Part:
    """One thing the user typed: a word, a "quoted phrase" or a prefix*, maybe -excluded."""

    words: tuple[str, ...]
    kind: str = "word"  # "word", "phrase" or "prefix"
    excluded: bool = False


@dataclass(frozen=True)
class Parsed:
    """A query split into parts; ``message`` explains an empty one."""

    text: str  # the cleaned query
    parts: tuple[Part, ...]
    message: str | None = None
    typed: int = 0  # characters typed or pasted, when more than was searched (0 otherwise)

    @property
    def positive(self) -> list[Part]:
        return [p for p in self.parts if not p.excluded]


_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse(raw: str) -> Parsed:
    """Split a query into words, "phrases", -exclusions and prefixes*; never raises."""
    raw = raw if isinstance(raw, str) else str(raw)
    text = clean(raw)
    if not text:
        return Parsed("", (), N_("Type a word to search."))
    parts: list[Part] = []
    typed = len(raw.strip()) if len(" ".join(raw.split())) > MAX_QUERY_CHARS else 0
    for match in _PART.finditer(text.replace("“", '"').replace("”", '"')):
        if len(parts) >= MAX_TERMS:
            typed = len(raw.strip())
            break
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            words = tuple(tokenize(quoted))
            if words:
                kind = "phrase" if len(words) > 1 else "word"
                parts.append(Part(words, kind, bool(negated)))
            continue
        excluded = bare.startswith("-") and len(bare) > 1
        prefix = bare.endswith("*") and len(bare.strip("-*")) >= 2
        words = tuple(tokenize(bare))
        if not words:
            continue
        if prefix:
            # "diab*" is a prefix; "car-t*" searches car and the prefix t
            parts.extend(Part((w,), "word", excluded) for w in words[:-1])
            parts.append(Part(words[-1:], "prefix", excluded))
        elif excluded:
            parts.append(Part(words, "phrase" if len(words) > 1 else "word", True))
        else:
            parts.extend(Part((w,), "word") for w in words)
    if not any(not p.excluded for p in parts):
        if parts:
            return Parsed(text, tuple(parts), N_("Add a word to look for, not only words to leave out."))
        return Parsed(text, (), N_("Type a word to search: letters or numbers, not only punctuation."))
    return Parsed(text, tuple(parts), typed=typed)


def long_query_notice(parsed: Parsed) -> str | None:
    """One line saying a long paste was searched by its first words only (None for a query)."""
    if not parsed.typed:
        return None
    return N_("Long text: searched its first {count} words.").format(count=len(parsed.parts))  # one line: a narrow pane


def unparse(parts: Iterable[Part]) -> str:
    """Write parts back as query text (used to show a corrected query)."""
    out: list[str] = []
    for part in parts:
        sign = "-" if part.excluded else ""
        if part.kind == "phrase":
            out.append(f'{sign}"{" ".join(part.words)}"')
        elif part.kind == "prefix":
            out.append(f"{sign}{part.words[0]}*")
        else:
            out.append(sign + " ".join(part.words))
    return " ".join(out)


# -- Snippets ----------------------------------------------------------------------------


def snippet(
    text: str, matches: Callable[[str], bool], width: int = 200, spans: list[tuple[int, int]] | None = None
) -> str:
    """HTML: about ``width`` characters of ``text`` around the most matched words, in <b>.

    ``spans`` are the (start, end) places of the matched words when the caller has found them.
    """
    if spans is None:
        spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if matches(m.group().casefold())]
    start = 0
    if spans:
        best, best_count = spans[0][0], 0
        most = len({text[a:b].casefold() for a, b in spans})  # no window can hold more: stop there
        for i, (first, _) in enumerate(spans[:400]):
            if best_count == most:
                break
            seen = set()
            for a, b in spans[i:]:
                if b > first + width:
                    break
                seen.add(text[a:b].casefold())
            if len(seen) > best_count:
                best, best_count = first, len(seen)
        start = best
        back = text.rfind(". ", max(0, start - 60), start)
        start = back + 2 if back >= 0 else max(0, text.rfind(" ", 0, max(0, start - 30)) + 1)
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start + width // 2, end)
        end = cut if cut > 0 else end
    out: list[str] = ["…"] if start > 0 else []
    pos = start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(html.escape(text[pos:a]))
        out.append(f"<b>{html.escape(text[a:b])}</b>")
        pos = b
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
