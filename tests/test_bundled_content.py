"""Checks on the bundled articles in content/: no scraping noise, required front matter,
working links and images, key facts kept from the source documents, and a sound diagram."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"
ABOUT_PAGE = "about-this-guide.md"
ABOUT_PAGES = (ABOUT_PAGE, "es/acerca-de-esta-guia.md")  # the guide's own page and its translations

MEDICAID = "health-coverage/medicaid-therapy-coverage.md"
CBT = "mental-health/talking-therapies/cognitive-behavioral-therapy.md"
CART_FAIL = "cancer-care/car-t-cell-therapy/when-car-t-cell-therapy-does-not-work.md"
CART_OPTIONS = "cancer-care/car-t-cell-therapy/treatment-options-after-car-t-cell-therapy.md"
TRIANGLE = "mental-health/talking-therapies/images/cognitive-triangle.svg"

# Strings that only appear in the scraped pages' noise (case-insensitive).
NOISE = [
    # share buttons and newsletter boxes
    "Facebook",
    "Twitter",
    "LinkedIn",
    "Subscribe To Our Newsletter",
    "Sign up our newsletter",
    "get update information",
    "Medically Reviewed By",
    # image file names
    "IMG_",
    ".jpg",
    ".jpeg",
    # the author biography
    "distinguished physician",
    "Kenneth Award",
    "Keck School",
    "AFAM/LMKU",
    "A-HeFT",
    "Board-eligible",
    "pediatric leukemia outcomes",
    # the book list and footer of the CAR-T page
    "Additional Resources",
    "This book",
    "Falls Short",
    "Find other PDF articles",
    "Back to Home",
    "foodbabe",
    "trackid",
    "great-gatsby",
    "\\underline",
    "All rights reserved",
    "Privacy Policy",
    "Copyright",
    "\u00a9",
    # glued table headers
    "Therapy TypeConditions",
    "Service TypeTechnology",
    "Alliance ComponentAlliance",
    "Individual/GroupAnxiety",
    "PsychotherapyTwo-way",
    "Goal AgreementSocratic",
]

# Lines that stood alone in the sources as image captions or repeated section lists.
NOISE_LINES = [
    "share",
    "medicaid therapy coverage details",
    "medicaid therapy services coverage",
    "medicaid therapy telehealth services",
    "thoughts feelings actions interconnected",
    "cbt effectiveness supported by evidence",
    "addressing negative thinking patterns",
    "car t cell therapy challenges",
    "dual targeting immune therapy",
    "stem cell transplant options",
    "- causes of car t cell therapy failure",
    "what happens if car t cell therapy fails",
]

# (article, fact) pairs: facts from the source documents that must survive the rewrite.
FACTS = [
    # Medicaid coverage of therapy services in 2025
    (MEDICAID, "90832-90839"),
    (MEDICAID, "90791-90792"),
    (MEDICAID, "90791 and 90792"),
    (MEDICAID, "Healthfirst"),
    (MEDICAID, "buprenorphine"),
    (MEDICAID, "naltrexone"),
    (MEDICAID, "methadone"),
    (MEDICAID, "September 2025"),
    (MEDICAID, "MAGI"),
    (MEDICAID, "EPSDT"),
    (MEDICAID, "under 21"),
    (MEDICAID, "1965"),
    (MEDICAID, "5 units"),
    (MEDICAID, "48 units per 12-month period"),
    (MEDICAID, "$2,410"),
    (MEDICAID, "29%"),
    (MEDICAID, "59%"),
    (MEDICAID, "2023"),
    (MEDICAID, "four states"),
    (MEDICAID, "January 1, 2025"),
    (MEDICAID, "Sunshine Health"),
    (MEDICAID, "Talkspace"),
    (MEDICAID, "Maryland"),
    (MEDICAID, "44 states"),
    (MEDICAID, "six months"),
    (MEDICAID, "March 31, 2025"),
    (MEDICAID, "American Relief Act"),
    (MEDICAID, "$4.00"),
    (MEDICAID, "100% of the Federal Poverty Level"),
    (MEDICAID, "10-20%"),
    (MEDICAID, "5%"),
    (MEDICAID, "41 states"),
    (MEDICAID, "FY) 2024"),
    (MEDICAID, "11 states"),
    (MEDICAID, "$2.3 trillion"),
    (MEDICAID, "2.8%"),
    (MEDICAID, "seven years"),
    (MEDICAID, "every 90 days"),
    (MEDICAID, "Q4) of 2024"),
    # Cognitive behavioral therapy
    (CBT, "80%"),
    (CBT, "Aaron Beck"),
    (CBT, "Lancet Psychiatry"),
    (CBT, "3-6 years"),
    (CBT, "269"),
    (CBT, "g = 0.79"),
    (CBT, "6-12 months"),
    (CBT, "g = 0.34"),
    (CBT, "-1.45"),
    (CBT, "bipolar"),
    (CBT, "70%"),
    (CBT, "12-16 weeks"),
    (CBT, "6-14"),
    (CBT, "8-20 sessions"),
    (CBT, "50%"),
    (CBT, "60%"),
    (CBT, "catastrophizing"),
    (CBT, "Goal agreement"),
    # When CAR T-cell therapy does not work
    (CART_FAIL, "CD19"),
    (CART_FAIL, "25%"),
    (CART_FAIL, "PD-1/PD-L1"),
    (CART_FAIL, "86%"),
    (CART_FAIL, "84%"),
    (CART_FAIL, "5 cm"),
    (CART_FAIL, "10 or more"),
    (CART_FAIL, "Minimal residual disease"),
    (CART_FAIL, "tocilizumab"),
    (CART_FAIL, "anakinra"),
    (CART_FAIL, "ferritin"),
    (CART_FAIL, "corticosteroids"),
    (CART_FAIL, "tumor lysis syndrome"),
    (CART_FAIL, "single-case agreements"),
    (CART_FAIL, "weeks to months"),
    # Treatment options after CAR T-cell therapy
    (CART_OPTIONS, "59%"),
    (CART_OPTIONS, "89%"),
    (CART_OPTIONS, "8.3 months"),
    (CART_OPTIONS, "14.3%"),
    (CART_OPTIONS, "| 2% | 8% |"),
    (CART_OPTIONS, "11%"),
    (CART_OPTIONS, "about 36% | about 51%"),
    (CART_OPTIONS, "Epcoritamab"),
    (CART_OPTIONS, "glofitamab"),
    (CART_OPTIONS, "71-86%"),
    (CART_OPTIONS, "87.7%"),
    (CART_OPTIONS, "14.8 months"),
    (CART_OPTIONS, "pembrolizumab"),
    (CART_OPTIONS, "72%"),
    (CART_OPTIONS, "chidamide"),
    (CART_OPTIONS, "70.2 months"),
    (CART_OPTIONS, "10.5 months"),
    (CART_OPTIONS, "(**86%**)"),
    (CART_OPTIONS, "(**26%**)"),
    (CART_OPTIONS, "(**39%**)"),
    (CART_OPTIONS, "(**30%**)"),
    (CART_OPTIONS, "(**77%**)"),
    (CART_OPTIONS, "9.5%"),
    (CART_OPTIONS, "Abecma"),
    (CART_OPTIONS, "Carvykti"),
    (CART_OPTIONS, "BCMA/CD38"),
    (CART_OPTIONS, "SG3249"),
    (CART_OPTIONS, "TRBC1"),
    (CART_OPTIONS, "imatinib"),
    (CART_OPTIONS, "lenalidomide"),
    (CART_OPTIONS, "CRISPR"),
]

_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_FENCE_LINE = re.compile(r"^---[ \t]*$")


def slugify(value: str) -> str:
    """Heading anchor, as the reader's Markdown table of contents makes it."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def heading_slugs(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    plain = (
        re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", h) for h in _HEADING.findall(text)
    )
    return {slugify(h) for h in plain}


def front_matter(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and _FENCE_LINE.match(lines[0]), f"{path}: no front matter"
    end = next((i for i in range(1, len(lines)) if _FENCE_LINE.match(lines[i])), None)
    assert end is not None, f"{path}: front matter not closed"
    meta = yaml.safe_load("\n".join(lines[1:end]))
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    return meta


def all_files() -> list[Path]:
    return sorted(p for p in CONTENT.rglob("*") if p.is_file())


def markdown_files() -> list[Path]:
    return sorted(CONTENT.rglob("*.md"))


def articles() -> list[Path]:
    return [
        p
        for p in markdown_files()
        if p.name != "index.md" and p.relative_to(CONTENT).as_posix() not in ABOUT_PAGES
    ]


def rel(path: Path) -> str:
    return path.relative_to(CONTENT).as_posix()


def test_content_root_has_the_expected_files() -> None:
    for name in (MEDICAID, CBT, CART_FAIL, CART_OPTIONS, TRIANGLE, ABOUT_PAGE):
        assert (CONTENT / name).is_file(), f"missing {name}"
    for md in markdown_files():
        folder = md.parent
        if folder != CONTENT and folder.name != "images":
            assert (folder / "index.md").is_file(), f"topic {rel(folder)} has no index.md"


@pytest.mark.parametrize("path", all_files(), ids=rel)
def test_no_noise(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lowered = text.casefold()
    found = [s for s in NOISE if s.casefold() in lowered]
    assert not found, f"{rel(path)} contains scraping noise: {found}"
    lines = {line.strip().casefold() for line in text.splitlines()}
    stray = [s for s in NOISE_LINES if s in lines]
    assert not stray, f"{rel(path)} contains stand-alone caption or list lines: {stray}"


@pytest.mark.parametrize("path", markdown_files(), ids=rel)
def test_front_matter(path: Path) -> None:
    meta = front_matter(path)
    assert isinstance(meta.get("title"), str) and meta["title"].strip(), f"{rel(path)}: no title"
    if path in articles():
        assert isinstance(meta.get("summary"), str) and meta["summary"].strip(), f"{rel(path)}: no summary"
        aliases = meta.get("aliases")
        assert isinstance(aliases, list) and aliases, f"{rel(path)}: no aliases list"
        assert all(isinstance(a, str) and a.strip() for a in aliases), f"{rel(path)}: empty alias"
        sources = meta.get("sources")
        assert isinstance(sources, list) and sources, f"{rel(path)}: no sources"
        assert "reviewed" not in meta, f"{rel(path)}: no review date is known; do not add one"
    if path.name == "index.md" and path.parent != CONTENT:
        assert isinstance(meta.get("order"), int), f"{rel(path)}: topic has no order"
        assert meta.get("summary"), f"{rel(path)}: topic has no summary"


def test_body_does_not_repeat_title_and_medicaid_review_due() -> None:
    for path in articles():
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        assert not re.match(r"\s*# ", body), f"{rel(path)}: body starts with a '# Title' heading"
    assert str(front_matter(CONTENT / MEDICAID).get("review_due")) == "2025-12-31"


@pytest.mark.parametrize("path", markdown_files(), ids=rel)
def test_links_and_images_resolve(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    problems: list[str] = []
    for bang, _label, target in _LINK.findall(text):
        if re.match(r"(?i)(https?:|mailto:)", target):
            continue
        if target.startswith("#"):
            if target[1:] not in heading_slugs(path):
                problems.append(f"{target}: no such heading in this file")
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve()
        try:
            resolved.relative_to(CONTENT.resolve())
        except ValueError:
            problems.append(f"{target}: leaves the content root")
            continue
        if not resolved.is_file():
            problems.append(f"{target}: file not found")
            continue
        if bang:
            assert _label.strip(), f"{rel(path)}: image {target} has no alt text"
        if anchor and anchor not in heading_slugs(resolved):
            problems.append(f"{target}: no heading with anchor '{anchor}' in {file_part}")
    assert not problems, f"{rel(path)}: broken links: {problems}"


def test_articles_link_each_other() -> None:
    def links(name: str) -> str:
        return (CONTENT / name).read_text(encoding="utf-8")

    assert "cognitive-behavioral-therapy.md" in links(MEDICAID)
    assert "medicaid-therapy-coverage.md" in links(CART_FAIL)
    assert "treatment-options-after-car-t-cell-therapy.md" in links(CART_FAIL)
    assert "when-car-t-cell-therapy-does-not-work.md" in links(CART_OPTIONS)
    assert "](images/cognitive-triangle.svg)" in links(CBT)


@pytest.mark.parametrize(("article", "fact"), FACTS, ids=[f"{a.split('/')[-1]}:{f}" for a, f in FACTS])
def test_key_fact_kept(article: str, fact: str) -> None:
    text = (CONTENT / article).read_text(encoding="utf-8").replace("\n", " ")
    text = re.sub(r"\s+", " ", text)
    assert fact.casefold() in text.casefold(), f"{article} lost the fact {fact!r}"


def test_fact_list_is_substantial() -> None:
    assert len(FACTS) >= 25
    assert {a for a, _ in FACTS} == {MEDICAID, CBT, CART_FAIL, CART_OPTIONS}


def test_tables_are_real_tables() -> None:
    expected = {
        MEDICAID: [
            "| Therapy type | Conditions covered | Key features |",
            "| Service type | Technology requirements",
        ],
        CBT: ["| Alliance component | Alliance building techniques |"],
    }
    for article, headers in expected.items():
        text = (CONTENT / article).read_text(encoding="utf-8")
        for header in headers:
            assert header in text, f"{article}: table header {header!r} missing"


def test_cognitive_triangle_svg() -> None:
    path = CONTENT / TRIANGLE
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for attribute in ("width", "height", "viewBox"):
        assert root.get(attribute), f"SVG lacks {attribute}"
    words = " ".join("".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Thoughts" in words
    assert "Feelings" in words
    assert "Behaviours" in words or "Behaviors" in words
    raw = path.read_text(encoding="utf-8")
    for banned in ("<style", "class=", "href", "<filter", "<image", "@import"):
        assert banned not in raw, f"SVG must stay SVG Tiny and self-contained: found {banned!r}"
    sizes = [float(el.get("font-size", "0")) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sizes and min(sizes) >= 16


# -- the Spanish guide (content/es/) ---------------------------------------------------------------
SPANISH = CONTENT / "es"


def spanish_articles() -> list[Path]:
    return sorted(p for p in SPANISH.rglob("*.md") if p.name != "index.md")


def test_the_spanish_subtree_is_in_spanish() -> None:
    assert front_matter(SPANISH / "index.md").get("language") == "es"
    assert spanish_articles(), "no Spanish articles"
    from guide.core.content import load_library

    library = load_library([CONTENT])
    for path in spanish_articles():
        article = library.article(rel(path)[: -len(".md")])
        assert article is not None and article.language == "es", rel(path)
    assert library.article("about-this-guide").language == "en"  # type: ignore[union-attr]


@pytest.mark.parametrize("path", spanish_articles(), ids=rel)
def test_each_spanish_article_is_an_unreviewed_translation_of_an_english_article(path: Path) -> None:
    meta = front_matter(path)
    original = CONTENT / f"{meta.get('translation_of')}.md"
    assert original.is_file(), f"{rel(path)}: translation_of {meta.get('translation_of')!r} is not an article"
    assert not rel(original).startswith("es/"), f"{rel(path)}: translates another translation"
    assert meta.get("translation_reviewed") is False, f"{rel(path)}: no health professional has reviewed it yet"
    english = front_matter(original)
    assert set(english) - {"title"} <= set(meta), f"{rel(path)}: front matter keys lost"
    assert meta.get("sources", []) == english.get("sources", []), f"{rel(path)}: sources must stay as they are"
    for key in ("order", "review_due"):
        assert meta.get(key) == english.get(key), f"{rel(path)}: {key} differs from the original"


@pytest.mark.parametrize("path", spanish_articles(), ids=rel)
def test_spanish_articles_link_to_spanish_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for _bang, _label, target in _LINK.findall(text):
        if re.match(r"(?i)(https?:|mailto:|#)", target):
            continue
        resolved = (path.parent / target.partition("#")[0]).resolve()
        assert SPANISH in resolved.parents, f"{rel(path)}: {target} leaves the Spanish guide"


def _shape(path: Path) -> tuple[list[str], int, list[str], int]:
    """What a translation must keep: heading levels, table rows, every number, the number of links."""
    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    headings = re.findall(r"^(#+) ", body, re.MULTILINE)
    rows = len(re.findall(r"^\|", body, re.MULTILINE))
    numbers = sorted(re.findall(r"\d+(?:[.,]\d+)?", body))
    return headings, rows, numbers, len(_LINK.findall(body))


@pytest.mark.parametrize("path", spanish_articles(), ids=rel)
def test_a_translation_keeps_the_structure_numbers_and_tables_of_its_original(path: Path) -> None:
    original = CONTENT / f"{front_matter(path).get('translation_of')}.md"
    (headings, rows, numbers, links), theirs = _shape(path), _shape(original)
    assert headings == theirs[0], f"{rel(path)}: sections differ from {rel(original)}"
    assert rows == theirs[1], f"{rel(path)}: table rows differ"
    assert numbers == theirs[2], f"{rel(path)}: numbers differ: {set(numbers) ^ set(theirs[2])}"
    assert links == theirs[3], f"{rel(path)}: links differ"
