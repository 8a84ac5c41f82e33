"""The known terms of one language: what a learner may name besides the key, and the guard that
keeps typo tolerance from turning one real term into another.

A lexicon holds every accepted answer, choice and glossary term of the bank and the near-miss
terms of the content pack (other specialties, conditions, body regions…), each with a category
when one is known. A word a learner types that is itself a known term, or is at least as close
to another known term as to the key, is that term — never a typo of the key; nor is a real word
of the language near the key ("pneumologist" for "neurologist"): `real_words`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizzes.grading.text import ARABIC_AND, is_level, list_words, normalize_levels, words

# The category every spinal level has, known without a lexicon entry.
LEVEL = "level"


# The category of body regions: where a learner places a problem.
REGION = "region"


@dataclass(frozen=True)
class KnownTerm:
    """One spelling of a known term, in the learner's language or English. `group` names the
    entry it spells (every spelling of "the feet" — heel, toes, ankle — shares one), "" when
    it stands alone."""

    spelling: str
    category: str = ""
    group: str = ""


def term_words(spelling: str, language: str) -> tuple[str, ...]:
    """A spelling as matching compares it: levels as codes, folded, without articles."""
    return words(normalize_levels(spelling, as_items=False), language)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per request
class Lexicon:
    """Every known term of one language (and English), indexed for matching."""

    language: str = "en"
    terms: tuple[KnownTerm, ...] = ()
    # Words of the language a typo of an answer must not be (quizzes.real_words): folded.
    real_words: frozenset[str] = frozenset()

    @cached_property
    def categories(self) -> dict[tuple[str, ...], frozenset[str]]:
        """Folded words of each known term -> its categories ("" when none is known)."""
        found: dict[tuple[str, ...], set[str]] = {}
        for term in self.terms:
            tokens = term_words(term.spelling, self.language)
            if tokens:
                found.setdefault(tokens, set()).add(term.category)
        return {tokens: frozenset(categories) for tokens, categories in found.items()}

    @cached_property
    def groups(self) -> dict[tuple[str, ...], frozenset[str]]:
        """Folded words of each known term -> the groups it spells."""
        found: dict[tuple[str, ...], set[str]] = {}
        for term in self.terms:
            tokens = term_words(term.spelling, self.language)
            if tokens and term.group:
                found.setdefault(tokens, set()).add(term.group)
        return {tokens: frozenset(groups) for tokens, groups in found.items()}

    @cached_property
    def regions(self) -> tuple[tuple[str, ...], ...]:
        """Every term that names a body region, longest first."""
        found = [tokens for tokens, categories in self.categories.items() if REGION in categories]
        return tuple(sorted(found, key=len, reverse=True))

    def groups_of(self, tokens: tuple[str, ...]) -> frozenset[str]:
        """The groups a term spells; a term of no group is a group of its own."""
        return self.groups.get(tokens) or frozenset({" ".join(tokens)})

    @cached_property
    def region_terms(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Each group of body regions -> its terms ("feet" -> foot, heel, toes, ankle…)."""
        found: dict[str, list[tuple[str, ...]]] = {}
        for region in self.regions:
            for group in self.groups_of(region):
                found.setdefault(group, []).append(region)
        return {group: tuple(terms) for group, terms in found.items()}

    @cached_property
    def regions_inside(self) -> dict[str, frozenset[str]]:
        """Each group of body regions -> the groups inside it: those with a term that is a
        narrower spelling of one of its terms ("lower back" and "upper back" lie in "back").
        A term that holds a word of its own group is named by that word, not the other one
        ("أصابع القدم", the foot's fingers: toes, are no part of the hand)."""
        inside: dict[str, set[str]] = {group: set() for group in self.region_terms}
        for inner, inner_terms in self.region_terms.items():
            for term in inner_terms:
                if any(holds(term, own) for own in inner_terms if own != term):
                    continue
                for outer, outer_terms in self.region_terms.items():
                    if outer != inner and any(holds(term, part) for part in outer_terms):
                        inside[outer].add(inner)
        return {group: frozenset(groups) for group, groups in inside.items()}

    @cached_property
    def by_first_word(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Known terms by their first word, longest first (matching tries them at each word)."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for tokens in self.categories:
            index.setdefault(tokens[0], []).append(tokens)
        return {
            first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()
        }

    @cached_property
    def by_word(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Known terms of several words by each of their words."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for tokens in self.categories:
            if len(tokens) > 1:
                for word in set(tokens):
                    index.setdefault(word, []).append(tokens)
        return {word: tuple(found) for word, found in index.items()}

    @cached_property
    def named_words(self) -> frozenset[str]:
        """Every word of every term with a category (a specialty, a region…): not choices'."""
        return frozenset(
            word for tokens, kinds in self.categories.items() if kinds - {""} for word in tokens
        )

    @cached_property
    def without_spaces(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Known terms of several words, all letters, by their words run together ("heelspurs"):
        a term typed without its spaces is that term."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for tokens in self.categories:
            if joinable(tokens):
                index.setdefault("".join(tokens), []).append(tokens)
        return {joined: tuple(found) for joined, found in index.items()}

    @cached_property
    def joined(self) -> tuple[str, ...]:
        """Each known term as one folded string."""
        return tuple(" ".join(tokens) for tokens in self.categories)

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Every word of every known term."""
        return tuple(sorted({word for tokens in self.categories for word in tokens}))

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    @cached_property
    def rests_after_own_and(self) -> frozenset[str]:
        """What follows the و of its terms' first words that begin with it ("تر" of "وتر")."""
        return words_after_own_and(self.by_first_word)

    @cached_property
    def phrases_with_list_words(self) -> tuple[tuple[str, ...], ...]:
        """Known terms that hold a word for "and" or "or" ("pins and needles"): kept whole when
        an answer is split."""
        found = {
            phrase for tokens in self.categories for phrase in list_phrases(tokens, self.language)
        }
        return tuple(sorted(found))

    def categories_of(self, tokens: tuple[str, ...]) -> frozenset[str]:
        if len(tokens) == 1 and is_level(tokens[0]):
            return frozenset({LEVEL})
        return self.categories.get(tokens, frozenset())


NO_LEXICON = Lexicon()


def holds(tokens: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether `part` occurs in `tokens` as consecutive words."""
    size = len(part)
    return any(tokens[i : i + size] == part for i in range(len(tokens) - size + 1))


def holds_list_word(tokens: tuple[str, ...], language: str) -> bool:
    """Whether a known phrase has a word for "and" or "or" inside ("pins and needles", or an
    Arabic و joined to a word: "طبيب المخ والأعصاب"), so an answer must not be split there.
    Runs of levels ("L4/L5 and L5/S1") are lists all the same."""
    separators = list_words(language)
    joined_and = any(token.startswith(ARABIC_AND) and len(token) > 2 for token in tokens[1:])
    return (
        (len(tokens) > 2 and any(token in separators for token in tokens[1:-1]))
        or (language == "ar" and len(tokens) > 1 and joined_and)
    ) and not any(is_level(token) for token in tokens)


def joinable(tokens: tuple[str, ...]) -> bool:
    """Whether a term may be typed without its spaces: several words, all letters."""
    return len(tokens) > 1 and all(token.isalpha() for token in tokens)


def words_after_own_and(first_words: Iterable[str]) -> frozenset[str]:
    """What follows the و of words that begin with it ("تر" of "وتر"): never split off."""
    return frozenset(w[1:] for w in first_words if w.startswith(ARABIC_AND) and len(w) > 2)


def list_phrases(tokens: tuple[str, ...], language: str) -> tuple[tuple[str, ...], ...]:
    """A known phrase that holds a word for "and" or "or", and the words right around each
    such word in it ("wear and tear" of "wear and tear of the discs" and of "disc wear and
    tear"): an answer that says them is not split there. None when it holds no such word."""
    if not holds_list_word(tokens, language):
        return ()
    separators = list_words(language)
    around = {
        tokens[index - 1 : index + 2]
        for index in range(1, len(tokens) - 1)
        if tokens[index] in separators
    }
    return (tokens, *sorted(around - {tokens}))


# Plural endings of the shipped languages, as (singular ending, plural ending): a plural typed
# for a singular answer, or the other way round, is the same word — no typo, and no other term
# ("estenosis centrales", "sténoses lombaires", "canaux", "stenoses", "raíces").
PLURAL_ENDINGS = (
    ("", "s"), ("", "es"), ("", "x"), ("is", "es"), ("y", "ies"), ("z", "ces"), ("al", "aux"),
)  # fmt: skip
# Shorter singular words are left alone ("pie", "mal", "hip"), and so are singulars that mean
# another thing than their plural: French "rein" is the kidney, "les reins" the lower back.
PLURAL_FROM = 4
OTHER_IN_PLURAL = frozenset({"rein"})


@lru_cache(maxsize=1 << 16)  # asked for every known word at every word of a long answer
def inflects(given: str, accepted: str) -> bool:
    """Whether two different words are the singular and plural of one word (folded)."""
    if given == accepted or not (given.isalpha() and accepted.isalpha()):
        return False
    return _plural_of(given, accepted) or _plural_of(accepted, given)


def _plural_of(plural: str, singular: str) -> bool:
    for single_ending, plural_ending in PLURAL_ENDINGS:
        if not (singular.endswith(single_ending) and plural.endswith(plural_ending)):
            continue
        stem = singular[: len(singular) - len(single_ending)]
        if singular in OTHER_IN_PLURAL:
            return False
        if len(singular) >= PLURAL_FROM and plural == stem + plural_ending:
            return True
    return False


def typo_budget(given: str, accepted: str) -> int:
    """Edits forgiven between two words: none for codes, numbers and short words; measured on
    the shorter word, so dropping letters never buys a bigger budget. Edits are counted as
    optimal string alignment (OSA): two neighbouring letters swapped ("nuerologist") are one
    edit, as on a phone keyboard."""
    if given == accepted or not (given.isalpha() and accepted.isalpha()):
        return 0
    shorter = min(len(given), len(accepted))
    if shorter >= 9:
        return 2
    return 1 if shorter >= 5 else 0


def word_distance(given: str, accepted: str) -> int | None:
    """Edit distance between two words when within the typo budget, else None."""
    budget = typo_budget(given, accepted)
    if not budget:
        return None
    distance = OSA.distance(given, accepted, score_cutoff=budget)
    return distance if distance <= budget else None


def nearest_other(given: str, known: Iterable[str], excluded: Collection[str], within: int) -> bool:
    """Whether a known string other than `excluded` ones lies within `within` edits of
    `given` (a tie counts: a typo must be strictly closer to the key than to anything else)."""
    for _found, distance, _index in process.extract_iter(
        given, known, scorer=OSA.distance, score_cutoff=within
    ):
        if _found not in excluded and distance <= within:
            return True
    return False
