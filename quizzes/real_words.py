"""Real words of each language that lie within typo reach of an accepted answer's word: typed,
such a word is that word, never a typo of the answer ("neumólogo", a lung specialist, is no
misspelled "neurólogo"; "cervical spice" no "cervical spine"). The lexicon guards typos with
the terms the course knows; these guard them with the rest of the language.

The lists (`quizzes/words/<language>.txt`, folded as the grader folds) are made from Debian's
word lists by `python manage.py realwords`, from the accepted answers in the database: run it
again after adding synonyms. A word that only inflects the answer's word (the same beginning,
another ending: "lumber" for "lumbar", "colonnes" for "colonne") or swaps two neighbouring
letters stays a typo the grader forgives, since that is how such words are mistyped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizzes import grading

DIRECTORY = Path(__file__).resolve().parent / "words"
SOURCE_LANGUAGE = "en"
# Entries of Debian's word lists that are misspellings people type for an answer's word, not
# words of their own: left out, they stay typos the grader forgives and corrects.
MISSPELLINGS = {
    "es": frozenset({"ceatica", "entomecimiento", "entormecimiento"}),
}
# Debian's word lists (packages wamerican-large, wspanish, wfrench, hunspell-ar).
DICTIONARIES = {
    "en": Path("/usr/share/dict/american-english-large"),
    "es": Path("/usr/share/dict/spanish"),
    "fr": Path("/usr/share/dict/french"),
    "ar": Path("/usr/share/hunspell/ar.dic"),
}


@functools.cache
def near_answers(language: str) -> frozenset[str]:
    """The real words a typo of an answer must not be, for answers graded in `language` (its
    own words and English ones: English answers count in every language)."""
    found: set[str] = set()
    for code in {language, SOURCE_LANGUAGE}:
        path = DIRECTORY / f"{code}.txt"
        if path.exists():
            found.update(line for line in path.read_text("utf-8").split() if line)
    return frozenset(found)


def _common_prefix(word: str, key: str) -> int:
    size = 0
    for letter, other in zip(word, key, strict=False):
        if letter != other:
            break
        size += 1
    return size


def _inflects(word: str, key: str) -> bool:
    """The key's word with another ending (its first four letters or more kept, at most its
    last two changed: "lumber", "colonnes", not "spice" of "spine"), one letter slipped after
    its first four ("planar" of "plantar"), or two neighbouring letters swapped."""
    stem = _common_prefix(word, key)
    if stem >= 4 and len(key) - stem <= 2 and len(word) - stem <= 3:
        return True
    if stem >= 4 and OSA.distance(word, key) == 1:
        return True
    return len(word) == len(key) and sorted(word) == sorted(key) and OSA.distance(word, key) == 1


def dictionary_words(path: Path, language: str) -> set[str]:
    """A word list's words, folded as the grader folds them (one word each, letters only)."""
    found = set()
    for line in path.read_text("utf-8", errors="replace").splitlines():
        folded = grading.words(line.split("/")[0].strip(), language)
        if len(folded) == 1 and folded[0].isalpha():
            found.add(folded[0])
    return found


def near(
    key_words: Iterable[str],
    dictionary: Iterable[str],
    known: Iterable[str],
    misspellings: Iterable[str] = (),
) -> list[str]:
    """The words of `dictionary` within the grader's typo budget of a key word that neither
    inflect it nor are known words of the course already (those the lexicon guards)."""
    by_length: dict[int, list[str]] = {}
    for word in set(dictionary) - set(known) - set(misspellings):
        by_length.setdefault(len(word), []).append(word)
    reached: dict[str, list[str]] = {}
    for key in {word for word in key_words if len(word) >= 5 and word.isalpha()}:
        sizes = range(len(key) - 2, len(key) + 3)
        candidates = [word for size in sizes for word in by_length.get(size, ())]
        for word, _distance, _index in process.extract_iter(
            key, candidates, scorer=OSA.distance, score_cutoff=2
        ):
            if grading.word_distance(word, key) is not None:
                reached.setdefault(word, []).append(key)
    # A word that inflects any key it is near is how that key is mistyped: it stays forgiven.
    return sorted(w for w, keys in reached.items() if not any(_inflects(w, k) for k in keys))
