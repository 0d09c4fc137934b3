"""Plain text and Markdown documents as drafts.

Plain text is often a web page copied out of a browser: it carries the page's share
buttons, newsletter box, image file names and captions, a byline with the author's
biography, a repeated list of sections, and tables whose cells ran together
("Therapy TypeConditions Covered"). Its headings are short lines that look like titles.
This module cleans that up with line-level rules. They are hand-written because no
maintained library works on text that has already lost its HTML: boilerplate removers
(trafilatura, jusText) need the page's markup, and text "title-casers" do not find
headings. Each rule is small and named; what was removed is counted in the warnings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from guide.core.i18n import N_
from guide.core.importing import limits
from guide.core.importing.draft import Draft, front_matter, iso_date, one_line, tidy_title
from guide.core.importing.tomarkdown import collect_images

_SHARE_LINES = {
    "share", "share this", "share this article", "share this post", "share on facebook", "share on twitter",
    "facebook", "twitter", "x", "linkedin", "pinterest", "whatsapp", "reddit", "email", "e-mail", "print",
    "tweet", "pin it", "copy link", "telegram", "messenger", "tumblr",
}  # fmt: skip
_SMALL_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "nor", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "with", "without", "your", "you", "its", "it", "are", "be", "&",
}  # fmt: skip
_IMAGE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|heic)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:medically\s+)?(?:reviewed|written|fact[- ]checked|edited)\s+by:?$|^author:?$", re.I)
_NEWSLETTER = re.compile(r"\bnewsletter\b|^subscribe\b|^sign up\b.*\b(?:updates|news|emails?)\b", re.I)
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|use|settings|policy)\b", re.I)
_FOOTER = re.compile(
    r"^(?:find other .{0,40}articles?:?|back to (?:home|top)\b.*|all rights reserved\.?|privacy policy"
    r"|terms (?:of use|and conditions)|©.*|copyright\b.*|related (?:posts|articles):?|you may also like:?"
    r"|read more:?|advertisement|skip to (?:main )?content)$",
    re.I,
)
_LATEX = re.compile(r"^\$.*\$$")
_BULLET = re.compile(r"^\s*(?:[-*+•●▪◦‣·]|\d{1,3}[.)])\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+")
_CELL_SPLIT = re.compile(r"(?<=[a-z0-9)%’'])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_FAQ = re.compile(r"^(?:frequently asked questions|faqs?|common questions)$", re.I)


@dataclass
class _Block:
    """A paragraph of the text: its lines and the line number where it starts."""

    lines: list[str]
    line: int
    kind: str = "text"  # text, heading, list, table
    level: int = 2

    @property
    def text(self) -> str:
        return " ".join(s.strip() for s in self.lines)


@dataclass
class _Cleanup:
    removed: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def drop(self, what: str, count: int = 1) -> None:
        self.removed[what] = self.removed.get(what, 0) + count


def convert_text(source: Path) -> Draft:
    data = limits.read_limited(source, limits.MAX_TEXT, N_("text file"))
    text, warnings = limits.decode_text(source, data)
    title, body, found = text_to_markdown(text, fallback_title=_name_title(source))
    meta = front_matter(title=title, source_name=source.name, sources=(f"{title} ({source.name})",), body=body)
    return Draft(meta, body, (), tuple(warnings + found), source.stem)


def convert_markdown(source: Path) -> Draft:
    """A Markdown file: its own front matter is kept (``reviewed`` is cleared), the body as it is."""
    from guide.core.content import split_front_matter

    data = limits.read_limited(source, limits.MAX_TEXT, N_("Markdown file"))
    text, warnings = limits.decode_text(source, data)
    parsed = split_front_matter(source, text) if text.startswith("---") else None
    meta = dict(parsed.meta) if parsed is not None and not parsed.problems else {}
    body = parsed.body if parsed is not None and not parsed.problems else text
    heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", body[:5000], re.MULTILINE)
    title = str(meta.get("title") or (heading.group(1) if heading else "") or _name_title(source))
    if meta.get("reviewed"):
        warnings.append(
            N_("its 'reviewed' date ({date}) was cleared: review it for your clinic").format(date=meta["reviewed"])
        )
    meta.pop("reviewed", None)
    date = iso_date(meta.pop("date", None))
    fresh = front_matter(title=title, source_name=source.name, date=date, body="" if meta.get("summary") else body)
    merged = {**fresh, **{k: v for k, v in meta.items() if k not in fresh}}
    merged["title"] = fresh["title"]
    body, images = collect_images(source, body)  # pictures beside the file travel with it
    remote = len(re.findall(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//", body))
    if remote:
        warnings.append(
            N_("{remote} image(s) on the web are not shown by the reader (nothing is fetched)").format(remote=remote)
        )
    return Draft(merged, body.strip("\n") + "\n", tuple(images), tuple(warnings), source.stem)


def _name_title(source: Path) -> str:
    return re.sub(r"[-_]+", " ", source.stem).strip() or "Imported article"


# -- plain text --------------------------------------------------------------------------------


def text_to_markdown(text: str, fallback_title: str = "") -> tuple[str, str, list[str]]:
    """Title, Markdown body and warnings from plain text (a copied web page or a typed handout)."""
    text = _CONTROL.sub("", text)
    blocks = _blocks(text)
    clean = _Cleanup()
    title = ""
    if blocks and len(blocks[0].lines) == 1 and len(blocks[0].text) <= 200 and not _BULLET.match(blocks[0].text):
        title = tidy_title(blocks.pop(0).text)
    title = title or tidy_title(fallback_title) or "Imported article"
    blocks = _drop_furniture(blocks, title, clean)
    blocks = _join_broken(blocks)
    for block in blocks:
        _classify(block)
    blocks = _drop_captions(blocks, clean)
    blocks = _drop_section_lists(blocks, clean)
    _level_headings(blocks, clean)
    casing = _casing(blocks, title)
    title = _sentence_case(title, casing)
    for block in blocks:
        if block.kind == "heading":
            block.lines = [_sentence_case(block.text, casing)]
    body = "\n\n".join(_markdown(b) for b in blocks if b.lines)
    warnings = clean.warnings
    if clean.removed:
        parts = ", ".join(f"{n} {what}" for what, n in clean.removed.items())
        warnings.insert(0, N_("removed page clutter: {parts}").format(parts=parts))
    return title, body + "\n", warnings


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    start = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append(_Block(current, start))
            current = []
    if current:
        blocks.append(_Block(current, start))
    return blocks


def _drop_furniture(blocks: list[_Block], title: str, clean: _Cleanup) -> list[_Block]:
    """Share buttons, image file names, bylines and biographies, newsletter and cookie boxes, footers."""
    kept: list[_Block] = []
    reviewer = ""
    expect_name = False
    for block in blocks:
        text = block.text.strip()
        low = text.casefold().rstrip(":")
        single = len(block.lines) == 1
        if all(line.strip().casefold().rstrip(":") in _SHARE_LINES for line in block.lines):
            clean.drop("share-button lines", len(block.lines))
        elif single and _IMAGE_NAME.match(text):
            clean.drop("image file names")
        elif single and _BYLINE.match(text):
            expect_name = True
            clean.drop("byline lines")
        elif expect_name and single and len(text) <= 80 and not text.endswith("."):
            reviewer, expect_name = text, False
            clean.drop("byline lines")
        elif reviewer and _is_biography(text, reviewer):
            clean.drop("author biographies")
            reviewer = reviewer + " "  # one biography per byline
        elif len(text) <= 200 and _NEWSLETTER.search(text):
            clean.drop("newsletter-box lines")
        elif len(text) <= 300 and _COOKIES.search(text) and "cookie" in low and len(kept) < 3:
            clean.drop("cookie notices")
        elif single and (_FOOTER.match(text) or _LATEX.match(text)):
            clean.drop("footer lines")
        elif single and kept and low == title.casefold().rstrip(":"):
            clean.drop("repeated titles")
        else:
            kept.append(block)
    if reviewer.strip():
        clean.warnings.append(
            N_("the document says it was reviewed by {reviewer}; 'reviewed_by' is left for your own reviewer").format(
                reviewer=reviewer.strip()
            )
        )
    return kept


def _is_biography(text: str, reviewer: str) -> bool:
    """A paragraph about the reviewer just named: 'Dr. Scott is a distinguished physician …'."""
    if reviewer.endswith(" "):
        return False
    names = [w for w in re.findall(r"[A-Za-z][\w'-]+", reviewer) if w.upper() not in {"DR", "MD", "PHD", "RN"}]
    return bool(names) and names[-1] in text[:80] and re.search(r"\b(?:is|was|has)\b", text[:120]) is not None


def _join_broken(blocks: list[_Block]) -> list[_Block]:
    """Join a sentence split over two paragraphs ('… focuses on symptom' + 'management and …')."""
    joined: list[_Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        last = prev.lines[-1].strip() if prev is not None else ""
        if (
            prev is not None
            and last[-1:] not in '.!?:;"”)'
            and len(last.split()) >= 8
            and not (len(prev.lines) == 1 and _is_heading_text(last))
            and block.lines[0].lstrip()[:1].islower()
            and len(block.lines[0].split()) >= 4
            and not _BULLET.match(prev.lines[0])
        ):
            prev.lines.extend(block.lines)  # lines of one paragraph: Markdown shows them as one
            continue
        joined.append(block)
    return joined


def _is_heading_text(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 16 or len(text) > 120 or text[-1:] in ".,;:!" or _BULLET.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?"):
        return True
    significant = [w for w in words if w.casefold() not in _SMALL_WORDS and w[0].isalpha()]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _classify(block: _Block) -> None:
    if all(_BULLET.match(line) for line in block.lines) or (
        _BULLET.match(block.lines[0]) and all(_BULLET.match(x) or x.startswith(" ") for x in block.lines)
    ):
        block.kind = "list"
    elif len(block.lines) >= 2 and _table_cells(block.lines) is not None:
        block.kind = "table"
    elif len(block.lines) == 1 and _is_heading_text(block.text):
        block.kind = "heading"


def _table_cells(lines: list[str]) -> list[list[str]] | None:
    """Rows of cells when every line splits into the same number (2 to 8) of run-together cells."""
    rows = [[c.strip() for c in _CELL_SPLIT.split(line.strip())] for line in lines]
    count = len(rows[0])
    if not 2 <= count <= 8 or any(len(r) != count for r in rows) or any(not c for r in rows for c in r):
        return None
    if any(line.strip()[-1:] in ".!?" and len(line) > 120 for line in lines):
        return None
    return rows


def _drop_captions(blocks: list[_Block], clean: _Cleanup) -> list[_Block]:
    """A short all-lower-case line right under a heading is an image's caption or alt text."""
    kept: list[_Block] = []
    for block in blocks:
        text = block.text
        if (
            kept
            and kept[-1].kind == "heading"
            and block.kind == "text"
            and len(block.lines) == 1
            and text == text.lower()
            and re.fullmatch(r"[\w\s'’-]+", text)
            and len(text.split()) <= 8
        ):
            clean.drop("image captions")
            continue
        kept.append(block)
    return kept


def _list_items(block: _Block) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in block.lines if _BULLET.match(line)]


def _drop_section_lists(blocks: list[_Block], clean: _Cleanup) -> list[_Block]:
    """A list that only repeats the document's headings is the page's own table of contents."""
    headings = {b.text.casefold() for b in blocks if b.kind == "heading"}
    kept: list[_Block] = []
    toc: set[str] = set()
    for block in blocks:
        items = [i.casefold() for i in _list_items(block)] if block.kind == "list" else []
        if len(items) >= 2 and all(i in headings for i in items):
            toc.update(items)
            clean.drop("section lists")
            continue
        kept.append(block)
    if toc:  # the listed sections are the main ones; other headings are below them
        for block in kept:
            if block.kind == "heading":
                block.level = 2 if block.text.casefold() in toc else 3
    return kept


def _level_headings(blocks: list[_Block], clean: _Cleanup) -> None:
    """Questions under a 'Frequently asked questions' heading become its sub-headings."""
    in_faq = False
    faqs = 0
    for block in blocks:
        if block.kind != "heading":
            continue
        if _FAQ.match(block.text):
            in_faq = True
            faqs += 1
            block.level = 2
            if faqs == 2:
                clean.warnings.append(
                    N_(
                        "line {line}: a second 'Frequently asked questions': the document may hold more than one "
                        "article; check where the first one ends"
                    ).format(line=block.line)
                )
        elif in_faq and block.text.endswith("?"):
            block.level = 3
        elif in_faq:
            in_faq = False
            block.level = 2


_WORD = re.compile(r"[^\W\d_]+")


def _casing(blocks: list[_Block], title: str) -> dict[str, Counter[str]]:
    """How the title's and headings' words are written inside the document's sentences (not at their starts)."""
    wanted = {w.casefold() for w in _WORD.findall(title)}
    wanted.update(w.casefold() for b in blocks if b.kind == "heading" for w in _WORD.findall(b.text))
    seen: dict[str, Counter[str]] = {}
    for block in blocks:
        if block.kind == "heading":
            continue
        for raw in block.lines:
            line = _BULLET.sub("", raw).strip()
            for match in _WORD.finditer(line):
                start = back = match.start()
                while back > 0 and line[back - 1] == " ":  # no slicing: a 10 MB line stays linear
                    back -= 1
                if back > 0 and line[back - 1] not in '.!?:"“•|' and line[start - 1] != "-":
                    word = match.group(0)
                    key = word.casefold()
                    if key in wanted:
                        seen.setdefault(key, Counter())[word] += 1
    return seen


def _sentence_case(text: str, casing: dict[str, Counter[str]]) -> str:
    """'Eligibility Requirements for Medicaid' -> 'Eligibility requirements for Medicaid'.

    A word takes the form the document's own sentences use most: names and abbreviations stay
    capitals ('Medicaid', 'CAR'), ordinary words go lower case. In a Title Case heading a word
    the sentences never use goes lower case too; elsewhere it is left alone. The first letter
    is a capital.
    """
    words = _WORD.findall(text)
    title_case = sum(w[:1].isupper() for w in words) >= max(2, len(words) * 0.6)

    def form(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0:
            return word
        counts = casing.get(word.casefold())
        if not counts:
            plain = word[:1].isupper() and word[1:].islower()
            return word.lower() if title_case and plain else word
        return counts.most_common(1)[0][0]

    result = _WORD.sub(form, text)
    first = _WORD.search(result)
    if first and first.start() == 0:
        counts = casing.get(first.group(0).casefold())
        word = counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][0].isupper() else first.group(0)
        result = word[:1].upper() + word[1:] + result[first.end() :]
    return result


def _escape(line: str) -> str:
    """Plain text that Markdown would read as markup: a leading #, > or =, stray *, and < before a letter."""
    line = re.sub(r"^(\s*)([#>=])", r"\1\\\2", line)
    line = line.replace("*", "\\*")
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", line)


def _markdown(block: _Block) -> str:
    if block.kind == "heading":
        return "#" * block.level + " " + _escape(one_line(block.text, 300)).lstrip("\\")
    if block.kind == "table":
        rows = _table_cells(block.lines) or []
        lines = ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        return "\n".join(lines)
    if block.kind == "list":
        out = []
        for line in block.lines:
            match = _NUMBERED.match(line)
            if match:
                out.append(f"{match.group(1)}. {_escape(line[match.end() :].strip())}")
            elif _BULLET.match(line):
                out.append(f"- {_escape(_BULLET.sub('', line).strip())}")
            else:
                out.append(f"  {_escape(line.strip())}")
        return "\n".join(out)
    return "\n".join(_escape(line.strip()) for line in block.lines)
