"""Generate the lay <-> medical vocabulary and the English word list that search ships.

Run through ``scripts/build-vocabulary`` (which installs the optional ``vocabulary`` extra:
NLTK and pyspellchecker). Neither is imported by the program: the generated files are
checked into ``resources/vocabulary/`` and read as plain text.

Sources:

* WordNet 3.0 as Debian's ``wordnet-base`` installs it (``/usr/share/wordnet``), read with
  NLTK's ``WordNetCorpusReader``. Synonym sets are taken from the lexicographer files that
  hold health words (``noun.body``, ``noun.state``, ``noun.process``, ``noun.substance``,
  ``noun.act``, ``noun.artifact``, ``verb.body``), and only under hypernyms that make them
  medical (``ill_health``, ``symptom``, ``body_part``, ``body_substance``, ``drug``,
  ``medical_procedure``, ``bodily_process`` ...). A word joins a group only when that
  medical sense is its commonest one in WordNet, or all its senses are medical, so
  "water" never stands for urine and "pot" never for belly. A set whose gloss says it is
  the informal, slang or obscene term for something ("peeing: informal terms for
  urination") is joined with that something (the gloss used as a lay description).
* pyspellchecker's English, Spanish and French frequency lists (MIT; counted from
  OpenSubtitles 2018 by the pyspellchecker authors): the words seen at least ``MIN_COUNT``
  times, so that spelling correction never replaces a real word of a language the library
  has articles in. ``--words-only`` writes only these lists (no WordNet needed).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

WORDNET_DIR = Path("/usr/share/wordnet")
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "vocabulary"
MIN_COUNT = 100  # pyspellchecker counts: below this, many entries are names, rare forms and foreign words

# Lexicographer files, in WordNet's fixed order (lexnames(5WN)); Debian leaves the file out.
LEXNAMES = (  # noqa: SIM905 - a word list is easier to read as text
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()

# lexicographer file -> hypernyms under which a synset counts as medical (None: every synset)
SELECT: dict[str, tuple[str, ...] | None] = {
    "noun.body": None,
    "noun.state": ("ill_health.n.01", "pathological_state.n.01", "physical_condition.n.01", "injury.n.01"),
    "noun.cognition": ("symptom.n.01",),  # WordNet files symptoms under evidence
    "noun.process": ("bodily_process.n.01", "decay.n.01", "pathology.n.01"),
    "noun.substance": ("body_substance.n.01", "body_waste.n.01", "bodily_fluid.n.01", "drug.n.01"),
    "noun.act": ("medical_procedure.n.01", "medical_care.n.01", "surgery.n.02", "bodily_process.n.01"),
    "noun.artifact": ("drug.n.01", "medicine.n.02", "contraceptive.n.01", "medical_instrument.n.01"),
    "noun.event": ("injury.n.01",),
    "verb.body": None,
}
SECTIONS = {
    "noun.body": "Body parts and tissues",
    "noun.state": "Diseases, conditions and injuries",
    "noun.cognition": "Symptoms",
    "noun.process": "Body processes",
    "noun.substance": "Body fluids, wastes and substances",
    "noun.act": "Procedures and care",
    "noun.artifact": "Medicines and devices",
    "noun.event": "Injuries",
    "verb.body": "What the body does (verbs)",
}
INFORMAL = re.compile(r"^(?:\(\w+\) )?(?:informal|slang|obscene|vulgar|childish)\b[^;]*?\b(?:for|term)\b", re.I)


def wordnet(folder: Path) -> Any:
    """NLTK's reader on a private copy of ``folder`` with the ``lexnames`` file Debian omits."""
    import nltk  # the generator's own dependency, never the program's
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class Reader(WordNetCorpusReader):  # type: ignore[misc]
        def map_wn(self, version: str = "wordnet") -> None:
            return None  # only for mapping other WordNet versions onto NLTK's own download

    work = Path(tempfile.mkdtemp(prefix="wordnet-"))
    for path in folder.iterdir():
        if path.is_file():
            shutil.copy(path, work / path.name)
    pos = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
    (work / "lexnames").write_text(
        "".join(f"{i:02d}\t{name}\t{pos[name.split('.')[0]]}\n" for i, name in enumerate(LEXNAMES))
    )
    nltk.data.path.append(str(work))  # NLTK reads only from its authorised folders
    return Reader(str(work), None)


def is_medical(synset: Any) -> bool:
    lexname = synset.lexname()
    if lexname not in SELECT:
        return False
    roots = SELECT[lexname]
    if roots is None:
        return True
    above = {s.name() for path in synset.hypernym_paths() for s in path}
    return any(r in above for r in roots)


def usable(lemma: Any, synset: Any, wn: Any) -> str | None:
    """The lemma as text when it may stand for this synset in search, else None."""
    name = lemma.name()
    text = name.replace("_", " ")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9' -]*", text) or len(text) < 3:
        return None
    senses = wn.synsets(name)  # every part of speech: "sick" is first an adjective, not "to vomit"
    if not senses:
        return None
    if all(is_medical(s) for s in senses):
        return text
    # otherwise this sense must be the word's commonest, by WordNet's tagged-sense counts; an
    # untagged word with several senses is too uncertain ("bay window" for a paunch)
    counts = [sum(x.count() for x in s.lemmas() if x.name().casefold() == name.casefold()) for s in senses]
    best = max(range(len(senses)), key=lambda i: (counts[i], -i))
    if senses[best] == synset and (len(senses) == 1 or counts[best] > 0):
        return text
    return None


def groups(wn: Any) -> dict[str, list[tuple[str, ...]]]:
    """Section -> groups of equivalent terms, medical senses only."""
    by_section: dict[str, dict[tuple[str, ...], None]] = {}
    informal: list[tuple[Any, Any]] = []
    for pos in ("n", "v"):
        for synset in wn.all_synsets(pos):
            if not is_medical(synset):
                continue
            terms = [t for lemma in synset.lemmas() if (t := usable(lemma, synset, wn))]
            gloss = synset.definition()
            if INFORMAL.search(gloss):
                for target in synset.hypernyms():
                    informal.append((synset, target))
            terms = list(dict.fromkeys(terms))
            if len(terms) >= 2:
                by_section.setdefault(synset.lexname(), {})[tuple(terms)] = None
    for synset, target in informal:  # "peeing: informal terms for urination"
        terms = [t for lemma in synset.lemmas() if (t := usable(lemma, synset, wn))]
        terms += [t for lemma in target.lemmas() if (t := usable(lemma, target, wn))]
        terms = list(dict.fromkeys(terms))
        if len(terms) >= 2:
            by_section.setdefault(synset.lexname(), {})[tuple(terms)] = None
    return {k: list(v) for k, v in by_section.items()}


def english_words(min_count: int) -> list[str]:
    data = importlib.resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return sorted(w for w, c in counts.items() if c >= min_count and w.isalpha() and w.isascii())


LANGUAGES = {"es": ("Spanish", "spanish-words.txt"), "fr": ("French", "french-words.txt")}


def language_words(code: str, min_count: int) -> list[str]:
    """Words of another language (accents kept), for a library with articles in it."""
    data = importlib.resources.files("spellchecker").joinpath("resources", f"{code}.json.gz").read_bytes()
    counts: dict[str, int] = json.loads(gzip.decompress(data))
    return sorted(w for w, c in counts.items() if c >= min_count and w.isalpha())


def licence_notice(folder: Path) -> list[str]:
    """WordNet's licence, as its data files carry it (it must go with any copy)."""
    lines: list[str] = []
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if not line.startswith("  "):
            break
        lines.append(re.sub(r"^\s+\d+ ?", "", line).rstrip())
    return [f"# {line}".rstrip() for line in lines if line.strip() or lines]


def write_vocabulary(path: Path, found: dict[str, list[tuple[str, ...]]], folder: Path, version: str) -> int:
    out = [
        "# Lay <-> medical vocabulary for search. GENERATED by scripts/build-vocabulary: do not edit;",
        "# put what this lacks in resources/thesaurus.txt, citing its source.",
        "#",
        f"# Source: WordNet {version} (Princeton University), as Debian's wordnet-base package installs it",
        f"# in {folder}, read with NLTK's WordNetCorpusReader. Synonym sets from the lexicographer files",
        "# " + ", ".join(SELECT) + ",",
        "# under medical hypernyms (see scripts/build_vocabulary.py); informal and slang sets are joined",
        "# with the term their gloss names. Format as in thesaurus.txt: one group a line, terms separated by |.",
        "#",
        "# WordNet licence (it must accompany any copy of WordNet data):",
        "#",
        *licence_notice(folder),
        "",
    ]
    count = 0
    for lexname, section in SECTIONS.items():
        items = found.get(lexname, [])
        if not items:
            continue
        out.append(f"# -- {section} ({lexname}) --")
        for terms in sorted(items, key=lambda t: (t[0].casefold(), t)):
            out.append(" | ".join(terms))
            count += 1
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")
    return count


def write_words(path: Path, words: Iterable[str], min_count: int, code: str = "en", name: str = "English") -> int:
    import spellchecker  # the generator's own dependency

    words = list(words)
    version = getattr(spellchecker, "__version__", "?")
    header = [
        f"# {name} words that spelling correction never replaces. GENERATED by scripts/build-vocabulary.",
        f"# Source: pyspellchecker {version} {name} frequency list (resources/{code}.json.gz), words seen at",
        f"# least {min_count} times, letters only. pyspellchecker is (c) Tyler Barrus, MIT licence; its",
        "# counts were made from the OpenSubtitles 2018 corpus (opus.nlpl.eu).",
        "",
    ]
    path.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    return len(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET_DIR)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--words-only", action="store_true", help="only the word lists (no WordNet needed)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for code, (name, file) in LANGUAGES.items():
        w = write_words(args.out / file, language_words(code, MIN_COUNT), MIN_COUNT, code, name)
        print(f"{args.out / file}: {w} words")
    if args.words_only:
        w = write_words(args.out / "english-words.txt", english_words(MIN_COUNT), MIN_COUNT)
        print(f"{args.out / 'english-words.txt'}: {w} words")
        return 0
    if not (args.wordnet / "data.noun").is_file():
        print(f"{args.wordnet}: no WordNet here (apt-get install wordnet-base)", file=sys.stderr)
        return 1
    wn = wordnet(args.wordnet)
    args.out.mkdir(parents=True, exist_ok=True)
    n = write_vocabulary(args.out / "lay-medical.txt", groups(wn), args.wordnet, wn.get_version())
    w = write_words(args.out / "english-words.txt", english_words(MIN_COUNT), MIN_COUNT)
    print(f"{args.out / 'lay-medical.txt'}: {n} groups; {args.out / 'english-words.txt'}: {w} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
