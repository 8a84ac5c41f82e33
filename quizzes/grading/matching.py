"""Reading one piece of a typed answer: which accepted answers, known wrong answers and other
known terms it names, what is only filler or words of the question, and what is negated.

A piece's words are covered by segments, preferring (in this order) the fewest unknown words,
the fewest words left to filler or the question, the fewest typos, the fewest segments, and
last the fewest words read in their other number ("sténoses lombaires" as "sténose lombaire"). So
a known term typed exactly always beats a typo of the key, a known wrong answer is matched
before any tolerance, and a longer known term beats a shorter one inside it ("rheumatoid
arthritis" is not "arthritis" plus a stray word).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz.distance import OSA

from quizzes.grading.language import CAUSE_WORDS, GENERIC_WORDS, PAIN_WORDS, for_language
from quizzes.grading.lexicon import (
    LEVEL,
    REGION,
    Lexicon,
    holds,
    inflects,
    joinable,
    list_phrases,
    nearest_other,
    term_words,
    word_distance,
    words_after_own_and,
)
from quizzes.grading.text import (
    ARABIC_AND,
    ARABIC_ARTICLE,
    Piece,
    is_level,
    list_words,
    phrase_set,
    phrases,
    words,
)
from quizzes.grading.values import SET, AnswerKey, QuestionKey, Typo, WrongAnswerKey

ANSWER, WRONG, TERM, QUESTION, FILLER, NEGATION, UNKNOWN = (
    "answer", "wrong", "term", "question", "filler", "negation", "unknown",
)  # fmt: skip
NAMED = (ANSWER, WRONG, TERM)
# Unknown words right before a negation frame it ("it isn't gout", "ce n'est pas la goutte",
# "إنه ليس النقرس"): up to this many go with it.
NEGATION_FRAME = 2
QUESTION_MARKS = ("?", "؟")
EX = "ex"  # a prefix that makes a word its former self (language.WORD_NEGATIONS)
ARABIC_CLITICS = ("ل", "ب", "ك")
# A colon, a full stop, an exclamation mark or a dash after a word, with more after it.
REPLY_END = re.compile(r"(?<=\w)(?:\s*[:.!—–]+|\s+-+)(?=\s)")
# The same marks before the last words of a piece ("L4, L5, S1 - no", "…: wrong").
LAST_WORDS = re.compile(r"(?<=\w)\s*(?:[:.!—–…]+|\s-+)\s*([^:.!—–…-]+?)[\s.!]*$")
# Categories of questions whose answers sit somewhere in the body (a condition, a symptom),
# or are a part of it (a region: "neck, L4" or "neck at L5" names no neck). Not muscles: the
# piriformis is as much in the hip as in the buttock the prompt names.
PLACED_CATEGORIES = frozenset({"condition", "symptom", "region"})
# "à cause de", "a causa de" read without their small words are "cause", "causa": the verb
# too ("le piriforme cause la sciatique"), which names its effect after it. The piece's own
# text tells them apart.
SPANISH_FRENCH_CAUSE = frozenset({("cause",), ("causa",)})
BECAUSE_OF = re.compile(r"(?<!\w)(?:à|a)\s+caus[ea]\s+d", re.IGNORECASE)
# Categories of terms that say where: after "or" they place the answer, and name no other.
WHERE_CATEGORIES = frozenset({REGION, LEVEL, "anatomy"})
# The category of muscles: where a region is asked, a muscle is a second answer.
MUSCLE = "muscle"
# Known terms that, named as what brought an answer on, are given as the cause instead.
CAUSE_CATEGORIES = frozenset({"condition", "symptom"})
# The lexicon's English terms for the back as a whole and for its parts (every language's
# lexicon holds the English spellings), and the regions a leg or foot symptom may come from.
BACK, UPPER_BACK, LOWER_BACK = "back", "upper back", "lower back"
ORIGIN_REGIONS = ("back", "lower back", "sacrum", "buttocks")
# The body region of a spinal level, by the letter of its code, as the lexicon's region terms
# name it in English (every language's lexicon holds the English spellings): the lumbar levels
# and the sacrum are both the lower back ("L5-S1").
LEVEL_REGIONS = {
    "C": ("cervical",),
    "T": ("thoracic",),
    "L": ("lumbar", "sacrum"),
    "S": ("lumbar", "sacrum"),
}


@dataclass(frozen=True)
class Segment:
    """Consecutive words of a piece and what they are."""

    kind: str
    given: str  # the words as typed (folded)
    answer: AnswerKey | None = None
    wrong: WrongAnswerKey | None = None
    candidate: bool = False  # a TERM of the kind the question asks for: a second candidate
    typo: Typo | None = None
    shortened: bool = False  # an ANSWER read from a spelling without the question's words
    # A TERM: the region a word of position names ("top" of "back pain at the top": the upper
    # back); and whether it is a region the question is about.
    region: tuple[str, ...] = ()
    place: bool = False
    origin: bool = False  # a region a symptom comes from ("from the lower back")


@dataclass(frozen=True)
class Reading:
    """What one piece names, negated parts removed. `negates_before`: the piece is only a
    negation ("sciatica, no"), which takes back what the piece before it named. `clause`: it
    opens with a word that explains ("…, because…"), so its unknown words are no answer."""

    piece: Piece
    segments: tuple[Segment, ...] = ()
    negated: tuple[Segment, ...] = ()  # what a negation took away ("except L5")
    negates_before: bool = False
    # A negation that still holds at the end of the piece ("not L4"), and whether the piece
    # opens with what it names ("L5"): such a piece after it continues the negated list.
    negation_open: bool = False
    opens_with_item: bool = False
    # A past belief opens the piece ("I thought…"); a negation at its end takes back what it
    # named, or the piece before ("…, but it isn't", "…, no"); and with a word for "all" or a
    # belief given up ("are all wrong", "not anymore") it takes back the whole answer.
    past_belief: bool = False
    withdraws: bool = False
    withdraws_all: bool = False
    # It ends on the effects of a cause ("foraminal stenosis causing degenerative disc
    # disease"): a list that goes on after it ("and spinal osteoarthritis") names effects too.
    effects_open: bool = False
    # It says the question's subject caused what it names, or the list before it ("…, due to
    # foraminal stenosis", "… spinal osteoarthritis due to foraminal stenosis"): that list
    # names effects too.
    effects_before: bool = False
    clause: bool = False
    only_places: bool = False  # only places the question is about ("lower legs and feet")
    only_details: bool = False  # only known terms of another kind and words leading to them

    def of(self, kind: str) -> tuple[Segment, ...]:
        return tuple(segment for segment in self.segments if segment.kind == kind)

    @property
    def answers(self) -> tuple[Segment, ...]:
        return self.of(ANSWER)

    @property
    def wrong(self) -> tuple[Segment, ...]:
        """Known wrong answers and second candidates: each is a wrong item."""
        return self.of(WRONG) + tuple(s for s in self.of(TERM) if s.candidate)

    @property
    def details(self) -> tuple[Segment, ...]:
        """Known terms of another kind than the question asks for (a level, a body region)."""
        return tuple(s for s in self.of(TERM) if not s.candidate)

    @property
    def empty(self) -> bool:
        """Nothing left but filler (and what a negation removed)."""
        return not any(s.kind not in (FILLER, NEGATION) for s in self.segments)

    def taken_back(self) -> Reading:
        """This piece with what it names negated by the piece after it. What it negated is
        taken back too: "no pain in L4? no: L4, L5, S1" denies no L4."""
        kept = tuple(s for s in self.segments if s.kind not in NAMED)
        return dataclasses.replace(self, segments=kept, negated=(), negation_open=False)

    def denied(self) -> Reading:
        """This piece as the rest of a negated list ("not L4, L5 or S1"): what it names is
        negated, as if the negation stood before it too."""
        named = tuple(s for s in self.segments if s.kind in NAMED)
        kept = tuple(s for s in self.segments if s.kind not in NAMED)
        return dataclasses.replace(
            self, segments=kept, negated=self.negated + named, negation_open=True
        )

    def as_effects(self) -> Reading:
        """This piece as the rest of a list of effects: its answers are no causes given."""
        segments = tuple(_as_effect(s) for s in self.segments)
        return dataclasses.replace(self, segments=segments, effects_open=True)

    def without_answers(self, keys: set[str]) -> Reading:
        """This piece with these answers not given (negated elsewhere in the answer)."""
        kept = tuple(s for s in self.segments if not (s.kind == ANSWER and s.answer.key in keys))
        return dataclasses.replace(self, segments=kept)


@dataclass(frozen=True)
class _Spelling:
    answer: AnswerKey
    text: str
    tokens: tuple[str, ...]
    shortened: bool = False  # the question's own words left out ("low back" of "low back pain")


@dataclass(frozen=True)
class _Known:
    """Known terms (joined words) and words other than one answer's own."""

    terms: tuple[str, ...]
    words: tuple[str, ...]
    own_terms: frozenset[str]


# Matchers kept, by the id of their key (each holds its key, so the id is not reused while it is
# kept); the oldest goes first.
MATCHERS_KEPT = 2048
TYPO_CHECKS_KEPT = 4096
_MATCHERS: dict[int, Matcher] = {}

# Cost of a cover: (unknown words, loose words, typos, segments, question words, spellings in
# the other number): a plural read as its singular loses only a tie to a term typed exactly.
_Cost = tuple[int, int, int, int, int, int]


@dataclass
class Matcher:
    """Reads the pieces of answers to one question. What it works out from the key (spellings,
    places, phrases) is kept: `Matcher.of(question)` reuses one per key."""

    question: QuestionKey
    _known: dict[str, _Known] = field(default_factory=dict)
    _typo_checks: dict[tuple, bool] = field(default_factory=dict)
    _wrapping: dict[tuple[str, ...], bool] = field(default_factory=dict)

    @classmethod
    def of(cls, question: QuestionKey) -> Matcher:
        """The matcher of this very key: keys are kept per process (quizzes.bank), and reading
        a key's spellings, places and phrases anew for every answer was most of grading."""
        found = _MATCHERS.get(id(question))
        if found is None or found.question is not question:
            found = cls(question)
            _MATCHERS[id(question)] = found
            if len(_MATCHERS) > MATCHERS_KEPT:
                _MATCHERS.pop(next(iter(_MATCHERS)))
        return found

    @property
    def language(self) -> str:
        return self.question.language

    @property
    def lexicon(self) -> Lexicon:
        return self.question.lexicon

    @cached_property
    def question_words(self) -> frozenset[str]:
        generic = {
            token
            for phrase in for_language(GENERIC_WORDS, self.language)
            for token in words(phrase, self.language)
        }
        return self.question.filler | generic

    @cached_property
    def spellings(self) -> tuple[_Spelling, ...]:
        """Every accepted spelling as words; where the question itself says a word of it, also
        the spelling without that word ("low back" answers "…when which other kind of pain…")."""
        found, shortened = [], []
        for answer in self.question.answers:
            for synonym in answer.synonyms:
                tokens = term_words(synonym, self.language)
                if tokens:
                    found.append(_Spelling(answer, synonym, tokens))
                shorter = tuple(token for token in tokens if token not in self.question_words)
                if shorter and shorter != tokens:
                    shortened.append(_Spelling(answer, synonym, shorter, shortened=True))
        # A shortened spelling that is also a whole one ("neurology" of "neurology specialist")
        # is read as the whole one.
        whole = {spelling.tokens for spelling in found}
        return tuple(found + [s for s in shortened if s.tokens not in whole])

    @cached_property
    def pain_words(self) -> frozenset[str]:
        return frozenset(
            token
            for word in for_language(PAIN_WORDS, self.language)
            for token in words(word, self.language)
        )

    @cached_property
    def term_words(self) -> frozenset[str]:
        """Every word of every known term, answer and known wrong answer of the question."""
        wrong = {word for _wrong, tokens in self.wrong_spellings for word in tokens}
        return frozenset(self.lexicon.words) | self.answer_words | wrong

    @cached_property
    def answer_words(self) -> frozenset[str]:
        """Every word of every accepted spelling of the question."""
        return frozenset(word for spelling in self.spellings for word in spelling.tokens)

    @cached_property
    def wrong_spellings(self) -> tuple[tuple[WrongAnswerKey, tuple[str, ...]], ...]:
        return tuple(
            (wrong, tokens)
            for wrong in self.question.wrong_answers
            for spelling in wrong.spellings
            if (tokens := term_words(spelling, self.language))
        )

    @cached_property
    def own_tokens(self) -> frozenset[tuple[str, ...]]:
        """Spellings of this question's answers and wrong answers: never read as other terms."""
        return frozenset(s.tokens for s in self.spellings) | frozenset(
            tokens for _wrong, tokens in self.wrong_spellings
        )

    @cached_property
    def kept_phrases(self) -> tuple[tuple[str, ...], ...]:
        """Spellings that hold a word for "and" or "or", and the words right around it
        ("wear and tear" of "disc wear and tear"): split_pieces keeps them whole."""
        own = [s.tokens for s in self.spellings] + [t for _w, t in self.wrong_spellings]
        found = [phrase for tokens in own for phrase in list_phrases(tokens, self.language)]
        found += self.lexicon.phrases_with_list_words
        found += self.question.prompt_phrases
        return tuple(sorted(set(found), key=len, reverse=True))

    @cached_property
    def after_and(self) -> frozenset[str]:
        """Words a joined Arabic و makes "and" + that word (split_pieces): every word the
        question and the lexicon know, but the rest of a word that itself begins with و
        ("تر" of "وتر", tendon). Asked only of a text that holds a و."""
        known = self.answer_words | self.question_words | self.pain_words
        known |= {word for _wrong, tokens in self.wrong_spellings for word in tokens}
        known |= {word for phrase in self.negation_phrases for word in phrase}
        known |= {word for phrase in self.filler for word in phrase}
        known |= {word for phrase in phrases("OTHERS", self.language) for word in phrase}
        own = words_after_own_and(tokens[0] for tokens in self.own_tokens)
        own |= self.lexicon.rests_after_own_and
        return (self.lexicon.word_set | known) - own

    @cached_property
    def filler(self) -> tuple[tuple[str, ...], ...]:
        found = set(phrases("FILLER", self.language) + phrases("PAST_BELIEFS", self.language))
        return tuple(sorted(found, key=len, reverse=True))

    @cached_property
    def past_beliefs(self) -> frozenset[str]:
        return phrase_set("PAST_BELIEFS", self.language)

    @cached_property
    def withdrawals(self) -> frozenset[str]:
        return phrase_set("WITHDRAWALS", self.language)

    @cached_property
    def verdicts(self) -> frozenset[str]:
        return phrase_set("VERDICTS", self.language)

    @cached_property
    def one_frames(self) -> frozenset[str]:
        return phrase_set("ONE_FRAMES", self.language)

    @cached_property
    def all_words(self) -> frozenset[str]:
        return phrase_set("ALL_WORDS", self.language)

    @cached_property
    def causal_phrases(self) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """(words, whether the effect follows them): "causing" (it does), "caused by" (it
        stands before them); none where the question does not ask for causes."""
        if not self.prompt_words & set(CAUSE_WORDS):
            return ()
        found = [(tokens, True) for tokens in phrases("CAUSING", self.language)]
        found += [(tokens, False) for tokens in phrases("CAUSED_BY", self.language)]
        return tuple(sorted(found, key=lambda found: len(found[0]), reverse=True))

    def _names_subject(self, segment: Segment) -> bool:
        """Whether a segment is the question's own subject: words of the prompt, alone or as a
        known term ("foraminal stenosis" of "causes of foraminal stenosis")."""
        if segment.kind not in (QUESTION, TERM):
            return False
        said = [word for word in segment.given.split() if word not in self.generic_words]
        return bool(said) and all(word in self.prompt_words for word in said)

    def _causes_answer(self, segment: Segment) -> bool:
        """Whether an answer named as the effect of this segment is no cause given: the
        segment is the question's subject, or, in a text answer, a condition or symptom of
        another kind than asked ("sciatica causing piriformis syndrome" gives sciatica as the
        cause). In a set, an item may be the effect of another and still a cause ("degenerative
        disc disease caused by a herniated disc")."""
        if self._names_subject(segment):
            return True
        if self.question.kind == SET or segment.kind != TERM or segment.candidate:
            return False
        categories = self.lexicon.categories_of(tuple(segment.given.split()))
        return bool(categories & CAUSE_CATEGORIES)

    @cached_property
    def prompt_words(self) -> frozenset[str]:
        """The prompt's words, and its Arabic words without a joined ل, ب or ك ("لتضيق", of
        stenosis, is "تضيق")."""
        return frozenset(word for text in self.unjoined_prompt_texts for word in text)

    def _effects(
        self, segments: list[Segment], *, because_of: bool = False
    ) -> tuple[list[Segment], bool, bool]:
        """Where the question asks for causes, an answer named as the effect of something
        the question names ("foraminal stenosis causing degenerative disc disease", "arthrose
        causée par une sténose foraminale") is no cause given, but a detail. Also whether the
        effects run on to the end of the piece (the list after it is effects too). Of anything
        else, an answer may be the effect: "degenerative disc disease caused by a herniated
        disc" still names a cause of the stenosis. Last, whether the subject caused what
        stands before the phrase (the list before this piece is effects too)."""
        if not self.causal_phrases:
            return segments, False, False
        given = [segment.given for segment in segments]
        for at in range(len(given)):
            for tokens, forward in self.causal_phrases:
                if tuple(given[at : at + len(tokens)]) != tokens:
                    continue
                if tokens in SPANISH_FRENCH_CAUSE:
                    forward = not because_of  # the verb, unless the piece says "à cause de"
                after = range(at + len(tokens), len(segments))
                if at == 0 and all(self._names_subject(segments[i]) for i in after) and after:
                    # Only the phrase and the subject ("…, causing foraminal stenosis", "…, due
                    # to foraminal stenosis"): it says how the list before relates to it.
                    return [Segment(FILLER, s.given) for s in segments], False, not forward
                effect, cause = (after, range(at)) if forward else (range(at), after)
                if not any(self._causes_answer(segments[i]) for i in cause):
                    break  # nor a shorter phrase here ("caused" of "caused by")
                effects = [_as_effect(s) if i in effect else s for i, s in enumerate(segments)]
                return effects, forward, not forward
        return segments, False, False

    @cached_property
    def negation_phrases(self) -> tuple[tuple[str, ...], ...]:
        """Negations, those of one word ("a fake neurologist") among them, longest first."""
        found = set(phrases("NEGATIONS", self.language) + phrases("WORD_NEGATIONS", self.language))
        found |= set(phrases("WITHDRAWALS", self.language))
        return tuple(sorted(found, key=len, reverse=True))

    @cached_property
    def no_one(self) -> frozenset[str]:
        """Words that with an "except" after them mean "only" (language.NO_ONE)."""
        return phrase_set("NO_ONE", self.language)

    @cached_property
    def but_only(self) -> frozenset[str]:
        return phrase_set("BUT_ONLY", self.language)

    @cached_property
    def clauses(self) -> tuple[tuple[str, ...], ...]:
        return phrases("CLAUSES", self.language)

    @cached_property
    def rather(self) -> tuple[tuple[str, ...], ...]:
        return phrases("RATHER", self.language)

    @cached_property
    def than(self) -> frozenset[str]:
        return phrase_set("THAN", self.language)

    @cached_property
    def negations(self) -> frozenset[str]:
        """The one-word negations ("not", "sin"); longer ones ("instead of") are phrases."""
        return frozenset(tokens[0] for tokens in self.negation_phrases if len(tokens) == 1)

    # --- the typo guard -------------------------------------------------------------------

    def _known_besides(self, answer: AnswerKey) -> _Known:
        """What a typo of `answer` must not be as close to: the lexicon's terms and words, the
        wrong answers' and the other answers', minus `answer`'s own."""
        if answer.key not in self._known:
            own = [s.tokens for s in self.spellings if s.answer.key == answer.key]
            others = [s.tokens for s in self.spellings if s.answer.key != answer.key]
            others += [tokens for _wrong, tokens in self.wrong_spellings]
            own_words = {word for tokens in own for word in tokens}
            known_words = set(self.lexicon.words) | {w for tokens in others for w in tokens}
            self._known[answer.key] = _Known(
                terms=self.lexicon.joined + tuple(" ".join(tokens) for tokens in others),
                words=tuple(sorted(known_words - own_words)),
                own_terms=frozenset(" ".join(tokens) for tokens in own),
            )
        return self._known[answer.key]

    def typo_allowed(self, given: tuple[str, ...], spelling: _Spelling) -> bool:
        """A typo is forgiven only when what was typed is no real word of the language and no
        other known word or term is as close to it: a real word is never taken for a
        misspelled key."""
        check = (given, spelling.tokens)
        if len(self._typo_checks) > TYPO_CHECKS_KEPT:
            self._typo_checks.clear()  # a kept matcher meets ever new typos: bounded
        if check not in self._typo_checks:
            known = self._known_besides(spelling.answer)
            words_ok = all(
                typed not in self.lexicon.real_words
                and not nearest_other(typed, known.words, (), OSA.distance(typed, accepted))
                for typed, accepted in zip(given, spelling.tokens, strict=True)
                if typed != accepted
            )
            typed, accepted = " ".join(given), " ".join(spelling.tokens)
            self._typo_checks[check] = words_ok and not nearest_other(
                typed, known.terms, known.own_terms, OSA.distance(typed, accepted)
            )
        return self._typo_checks[check]

    def _wraps_answer(self, known: tuple[str, ...]) -> bool:
        """Whether a known term is one of this question's answers with only the question's
        own words around it ("nerve conduction testing and symptomatic correlation", a step
        of another question, when the prompt says "with symptomatic correlation")."""
        if known not in self._wrapping:
            around = self.question_words | list_words(self.language)
            self._wrapping[known] = any(
                known[i : i + len(s.tokens)] == s.tokens
                and set(known[:i] + known[i + len(s.tokens) :]) <= around
                for s in self.spellings
                if not s.shortened and len(s.tokens) < len(known)
                for i in range(len(known) - len(s.tokens) + 1)
            )
        return self._wrapping[known]

    def _answer_match(
        self, tokens: tuple[str, ...], spelling: _Spelling
    ) -> tuple[bool, bool, bool]:
        """(matches, by a forgiven typo, with a word in its other number)"""
        typo = inflected = False
        for given, accepted in zip(tokens, spelling.tokens, strict=True):
            if given == accepted:
                continue
            if inflects(given, accepted):
                inflected = True
                continue
            if word_distance(given, accepted) is None:
                return False, False, False
            typo = True
        if typo and not self.typo_allowed(tokens, spelling):
            return False, False, False
        return True, typo, inflected

    # --- covering a piece -----------------------------------------------------------------

    def _is_candidate(self, categories: frozenset[str]) -> bool:
        category = self.question.category
        return not category or category in categories

    def _options(self, tokens: tuple[str, ...], start: int):
        """Every way to read the words from `start`: (segment, words used, cost)."""
        token = tokens[start]
        yield Segment(UNKNOWN, token), 1, (1, 0, 0, 0, 0, 0)
        for phrase in self.negations_by_first.get(token, ()):
            if tokens[start : start + len(phrase)] == phrase:
                yield Segment(NEGATION, " ".join(phrase)), len(phrase), (0, len(phrase), 0, 0, 0, 0)
        if token in self.question_words:
            yield Segment(QUESTION, token), 1, (0, 1, 0, 0, 1, 0)
        for phrase in self.filler_by_first.get(token, ()):
            if tokens[start : start + len(phrase)] == phrase:
                yield Segment(FILLER, " ".join(phrase)), len(phrase), (0, len(phrase), 0, 0, 0, 0)
        for phrase in self.others:  # "and others", "وغير ذلك": more answers, not named
            if tokens[start : start + len(phrase)] == phrase:
                segment = Segment(TERM, " ".join(phrase), candidate=True)
                yield segment, len(phrase), (0, 0, 0, 1, 0, 0)
        variants = [token]
        # A joined Arabic و may start a new item ("والمسمار" = "and the spur").
        if token.startswith(ARABIC_AND) and len(token) > 2:
            rest = token[1:]
            variants.append(rest[2:] if rest.startswith(ARABIC_ARTICLE) and len(rest) > 3 else rest)
        for variant in variants:
            head = (variant, *tokens[start + 1 :])
            if variant != token and variant in self.negations:
                yield Segment(NEGATION, variant), 1, (0, 1, 0, 0, 0, 0)
            yield from self._known_options(head)

    @cached_property
    def negations_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The negation phrases by their first word, longest first as in negation_phrases:
        a word is tried against its own phrases only, not against every one."""
        return _by_first_word(self.negation_phrases)

    @cached_property
    def filler_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        return _by_first_word(self.filler)

    @cached_property
    def own_without_spaces(self) -> dict[str, tuple[Segment, ...]]:
        """This question's answers and known wrong answers of several words, by their words
        run together ("heelspurs")."""
        found: dict[str, list[Segment]] = {}
        for wrong, tokens in self.wrong_spellings:
            if joinable(tokens):
                segment = Segment(WRONG, " ".join(tokens), wrong=wrong)
                found.setdefault("".join(tokens), []).append(segment)
        for spelling in self.spellings:
            if joinable(spelling.tokens) and not spelling.shortened:
                segment = Segment(ANSWER, " ".join(spelling.tokens), answer=spelling.answer)
                found.setdefault("".join(spelling.tokens), []).append(segment)
        return {joined: tuple(segments) for joined, segments in found.items()}

    def _without_spaces(self, word: str):
        """What `word` names as a spelling of several words typed without its spaces: exactly
        (no typo is forgiven on a joined form), and never where it is a known term itself."""
        if (word,) in self.lexicon.categories or (word,) in self.own_tokens:
            return
        for segment in self.own_without_spaces.get(word, ()):
            yield segment, 1, (0, 0, 0, 1, 0, 0)
        for known in self.lexicon.without_spaces.get(word, ()):
            if known not in self.own_tokens:
                candidate = self._is_candidate(self.lexicon.categories_of(known))
                segment = Segment(TERM, " ".join(known), candidate=candidate)
                yield segment, 1, (0, 0, 0, 1, 0, 0)

    def _known_options(self, head: tuple[str, ...]):
        yield from self._without_spaces(head[0])
        for wrong, spelling in self.wrong_spellings:
            typed = head[: len(spelling)]
            if len(typed) == len(spelling) and all(
                a == b or inflects(a, b) for a, b in zip(typed, spelling, strict=True)
            ):
                segment = Segment(WRONG, " ".join(typed), wrong=wrong)
                yield segment, len(spelling), (0, 0, 0, 1, 0, int(typed != spelling))
        for spelling in self.spellings:
            size = len(spelling.tokens)
            if size > len(head):
                continue
            ok, typo, inflected = self._answer_match(head[:size], spelling)
            if ok:
                given = " ".join(head[:size])
                found = Typo(given, spelling.text) if typo else None
                segment = Segment(
                    ANSWER,
                    given,
                    answer=spelling.answer,
                    typo=found,
                    shortened=spelling.shortened,
                )
                yield segment, size, (0, 0, int(typo), 1, 0, int(inflected))
        for known in self.lexicon.by_first_word.get(head[0], ()):
            if head[: len(known)] != known or known in self.own_tokens:
                continue
            if self._wraps_answer(known):
                continue  # read as the answer with the question's words around it
            candidate = self._is_candidate(self.lexicon.categories_of(known))
            segment = Segment(TERM, " ".join(known), candidate=candidate)
            yield segment, len(known), (0, 0, 0, 1, 0, 0)
        single = head[:1]
        known = single in self.lexicon.categories or single in self.own_tokens
        if is_level(head[0]) and not known:
            candidate = self._is_candidate(frozenset({LEVEL}))
            yield Segment(TERM, head[0], candidate=candidate), 1, (0, 0, 0, 1, 0, 0)

    def cover(self, text: str) -> list[Segment]:
        """The best reading of one piece's words, as segments in order."""
        tokens = self._unprefixed(words(text, self.language))
        n = len(tokens)
        best: list[tuple[_Cost, Segment | None, int]] = [((0, 0, 0, 0, 0, 0), None, n)] * (n + 1)
        for start in range(n - 1, -1, -1):
            choices = []
            for segment, size, cost in self._options(tokens, start):
                rest = best[start + size][0]
                total = tuple(a + b for a, b in zip(cost, rest, strict=True))
                choices.append((total, segment, start + size))
            best[start] = min(choices, key=lambda choice: choice[0])
        segments = []
        position = 0
        while position < n:
            _cost, segment, position = best[position]
            segments.append(segment)
        return segments

    def _unprefixed(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """ "Ex" joined to an answer's word is "ex" and that word ("un exneurólogo", an
        ex-neurologist: a negation of one word), where the whole word is no known term."""
        if not any(token.startswith(EX) for token in tokens):
            return tokens
        found: list[str] = []
        for token in tokens:
            rest = token[len(EX) :]
            if token.startswith(EX) and rest in self.answer_words and token not in self.term_words:
                found += [EX, rest]
            else:
                found.append(token)
        return tuple(found)

    def read(self, piece: Piece) -> Reading:
        """What a piece names: negation removes the next thing named and the words that frame
        it ("it isn't"). A negation with nothing after it takes back what came before it
        ("ciática no", and a piece that is only "no": the piece before), unless it asks
        ("…, ¿no?")."""
        kept: list[Segment] = []
        removed: list[Segment] = []  # what a negation took away, named or not
        negated = no_one = one_word = other_one = False
        words_after_negation = filler_after_negation = False
        # The last thing named was negated, and the negation still holds at the end: a list
        # that goes on after this piece is negated too ("not L4, L5 or S1").
        negation_open = of_all = one = False
        before = last_negation = ""
        segments = self._as_words(self._joined(self._rather_than(self.cover(piece.text))))
        for segment in segments:
            if no_one and segment.given in self.but_only:
                negated = no_one = False  # "nobody except X": X is kept
                continue
            if segment.kind in NAMED:
                no_one = False
            elif {segment.given, f"{before} {segment.given}"} & self.no_one:  # "no" + "one"
                no_one = True
            before = segment.given
            if segment.kind == NEGATION:
                if not negated:
                    one = bool(kept) and kept[-1].given in self.one_frames
                    of_all = self._drop_frame(kept)
                last_negation = segment.given
                # "not an ex-neurologist", "no un ex neurólogo": what the negation denies is a
                # former or fake one, another than the answer, which it leaves unsaid.
                other_one = negated and not one_word and segment.given in self.word_negations
                negated, words_after_negation, filler_after_negation = True, False, False
                one_word = segment.given in self.word_negations
            elif negated and segment.kind in NAMED:
                negated = False
                negation_open = not one_word
                if not other_one:
                    removed.append(segment)
                other_one = False
            elif not negated:
                negation_open = negation_open and segment.kind not in NAMED
                kept.append(segment)
            elif segment.kind == UNKNOWN:
                words_after_negation = True
                removed.append(segment)
                negated = not one_word  # "non-specific low back pain": only "specific"
            elif segment.kind == QUESTION:
                words_after_negation = True  # "numbness - no pain": the pain is negated
            elif segment.kind == FILLER:
                filler_after_negation = True  # "…no ¿verdad?": the question is the tag's
        kept = self._not_contradicted(kept, removed)
        because_of = BECAUSE_OF.search(piece.text) is not None
        kept, effects_open, effects_before = self._effects(kept, because_of=because_of)
        kept = self._written_about(kept)
        negates_before = withdraws = False
        asks = _asks(piece.text) and not filler_after_negation
        if negated and not words_after_negation and not asks:
            named = [i for i, segment in enumerate(kept) if segment.kind in NAMED]
            if named and all(s.kind == FILLER for s in kept[named[-1] + 1 :]):
                judged = kept.pop(named[-1])  # "sciatica was ruled out"
                # "…, the others are wrong", "…, les autres sont fausses": said of the answers
                # not named, so nothing given is taken back.
                withdraws = tuple(judged.given.split()) not in self.others
            elif not named:
                negates_before = withdraws = not any(s.kind == UNKNOWN for s in kept)
            # else words stand between ("a herniated disc from the wrong posture", in Arabic
            # "…الجلسة الغلط"): the negation says something of them, not of the answer.
        if any(segment.kind == ANSWER for segment in kept):
            # Around an answer, a term made only of the question's own words is excused like
            # those words ("the neck part of the spine").
            kept = [self._as_question_words(segment) for segment in kept]
        kept = self._origins(self._positioned(self._beside(self._muscle_placed(kept))))
        kept = self._placed(_unstretched(self._blended(kept)))
        kept = [self._as_place(segment) for segment in kept]
        return Reading(
            piece,
            tuple(_merge_unknown(kept)),
            negated=tuple(s for s in removed if s.kind in NAMED),
            negates_before=negates_before,
            negation_open=negation_open,
            opens_with_item=bool(segments) and segments[0].kind in NAMED,
            past_belief=bool(segments) and segments[0].given in self.past_beliefs,
            withdraws=withdraws,
            effects_open=effects_open,
            effects_before=effects_before,
            withdraws_all=withdraws
            and (
                of_all
                or last_negation in self.withdrawals
                or (last_negation in self.verdicts and not one)
            ),
            clause=self._opens_clause(piece.text),
            only_places=self._only_places(kept),
            only_details=all(
                s.kind == FILLER
                or (s.kind == TERM and not s.candidate and self._says_where(s))
                or (s.kind in (QUESTION, UNKNOWN) and s.given in self.place_leads)
                for s in kept
            ),
        )

    def replies(self, pieces: list[Piece]) -> list[Piece]:
        """A negation before a colon, a full stop or a dash is a reply of its own ("no: L4,
        L5, S1", "Non. L4", "I thought L5 but no: S1"): it answers what came before it, and
        what follows begins a new sentence, which it does not negate."""
        found = []
        for piece in pieces:
            while cut := self._reply_end(piece.text):
                found.append(dataclasses.replace(piece, text=piece.text[: cut.start()]))
                piece = Piece(piece.text[cut.end() :], new_sentence=True)
            # A negation alone after such a mark ends the answer with a sentence of its own
            # ("L4, L5, S1 - no"): it takes back the whole sentence before it (scoring).
            last = LAST_WORDS.search(piece.text)
            # A lone "faux", "falso", "mal" there is a verdict too, not the word "fake", "pain".
            said = words(last.group(1), self.language) if last else ()
            if said in self.negation_phrase_set or " ".join(said) in self.last_verdicts:
                found.append(dataclasses.replace(piece, text=piece.text[: last.start()]))
                piece = Piece(last.group(1), new_sentence=True)
            found.append(piece)
        return found

    def _reply_end(self, text: str) -> re.Match | None:
        for mark in REPLY_END.finditer(text):
            tokens = words(text[: mark.start()], self.language)
            longest = min(len(tokens), NEGATION_FRAME + 1)
            if any(tokens[-size:] in self.negation_phrase_set for size in range(1, longest + 1)):
                return mark
        return None

    @cached_property
    def negation_phrase_set(self) -> frozenset[tuple[str, ...]]:
        return frozenset(phrases("NEGATIONS", self.language))

    def shared(self, readings: list[Reading]) -> list[Reading]:
        """Pieces that share a word with their neighbour across "and" / "or": a piece of only
        unknown words that, with the last words of the next piece, or after the first words of
        the one before, names what its neighbour does (an answer, a wrong one or a candidate,
        not only a detail such as "heel") and nothing unknown, is read so ("herniated or
        slipped disc": a herniated disc; "usure des disques et des articulations": usure des
        articulations). Nothing else changes, so a piece that means nothing stays so."""
        shared = list(readings)
        for index, reading in enumerate(readings):
            if not _only_unknown(reading):
                continue
            unknown = {word for segment in reading.of(UNKNOWN) for word in segment.given.split()}
            if not unknown & self.term_words:
                continue  # no known term holds these words: nothing to share (and no re-read)
            texts = []
            if index + 1 < len(readings) and _names(readings[index + 1]):
                after = readings[index + 1].piece.text.split()
                texts += [f"{reading.piece.text} {' '.join(after[-size:])}" for size in (1, 2)]
            if index and _names(readings[index - 1]):
                before = readings[index - 1].piece.text.split()
                texts += [f"{' '.join(before[:size])} {reading.piece.text}" for size in (1, 2)]
            for text in texts:
                completed = self.read(dataclasses.replace(reading.piece, text=text))
                if _names(completed) and not completed.of(UNKNOWN):
                    shared[index] = dataclasses.replace(completed, piece=reading.piece)
                    break
        return shared

    @cached_property
    def fake_words(self) -> frozenset[str]:
        """Negations of one word that are words of their own too ("falsa", "العكس"), not "non"
        (which also asks: "sciatique, non ?")."""
        return self.word_negations - phrase_set("NEGATIONS", self.language)

    def _as_words(self, segments: list[Segment]) -> list[Segment]:
        """A negation of one word with no word after it is a word itself: "ciática verdadera,
        no la falsa" (the false one), "وليس العكس" (and not the opposite); a word that is a
        verdict only last in a piece (language.END_VERDICTS) is a negation there."""
        for index in range(len(segments) - 1, -1, -1):
            segment = segments[index]
            if segment.kind == FILLER:
                continue
            # Right after what it judges, or alone, it is a verdict: "S1 faux", "L4, L5 et
            # S1 : faux" ("un neurólogo falso" is no neurologist either way).
            before = next((s for s in reversed(segments[:index]) if s.kind != FILLER), None)
            judges = before is None or before.kind in NAMED
            if segment.kind == NEGATION and segment.given in self.fake_words and not judges:
                segments = [
                    *segments[:index],
                    Segment(UNKNOWN, segment.given),
                    *segments[index + 1 :],
                ]
            elif segment.kind == UNKNOWN and segment.given in self.end_verdicts and judges:
                # …and a word that is a verdict only there is one: "ciática mal", "…: mal".
                segments = [
                    *segments[:index],
                    Segment(NEGATION, segment.given),
                    *segments[index + 1 :],
                ]
            break
        return segments

    @cached_property
    def writings(self) -> frozenset[str]:
        return phrase_set("WRITINGS", self.language)

    @cached_property
    def about_words(self) -> frozenset[str]:
        return frozenset(word for tokens in phrases("ABOUT", self.language) for word in tokens)

    def _written_about(self, segments: list[Segment]) -> list[Segment]:
        """An answer named as what a writing is about is not given: after the writing ("a
        book about neurology", "un livre de neurologie", "كتاب عن …") or, last in the piece,
        before it ("a neurology textbook"). A book is no specialist."""
        if not any(s.kind in (UNKNOWN, QUESTION) and s.given in self.writings for s in segments):
            return segments
        found = list(segments)
        for index, segment in enumerate(segments):
            if segment.kind != ANSWER:
                continue
            before = index - 1
            while before >= 0 and self._loose(segments[before], self.about_words):
                before -= 1
            after = [s for s in segments[index + 1 :] if s.kind != FILLER]
            if (before >= 0 and self._loose(segments[before], self.writings)) or (
                len(after) == 1 and self._loose(after[0], self.writings)
            ):
                found[index] = Segment(UNKNOWN, segment.given)
        return found

    @staticmethod
    def _loose(segment: Segment, said: frozenset[str]) -> bool:
        """A word the piece reads as no term (unknown, or the question's) among `said`."""
        return segment.kind in (UNKNOWN, QUESTION) and segment.given in said

    @cached_property
    def end_verdicts(self) -> frozenset[str]:
        return phrase_set("END_VERDICTS", self.language)

    @cached_property
    def last_verdicts(self) -> frozenset[str]:
        """Words that, alone last in an answer, are a verdict on it ("…: falso", "…: mal")."""
        return self.fake_words | self.end_verdicts

    @cached_property
    def place_leads(self) -> frozenset[str]:
        found = phrases("PLACE_LEADS", self.language) + phrases("ORIGINS", self.language)
        return frozenset(word for tokens in found for word in tokens)

    def _only_places(self, segments: list[Segment]) -> bool:
        """Only places the question is about or where a symptom comes from, with the small
        words that lead to them ("in the calves"); not "pain in the calves"."""
        return any(s.place for s in segments) and all(
            s.place
            or s.origin
            or s.kind == FILLER
            or (s.kind in (QUESTION, UNKNOWN) and s.given in self.place_leads)
            for s in segments
        )

    @cached_property
    def origins(self) -> frozenset[str]:
        return phrase_set("ORIGINS", self.language)

    @cached_property
    def origin_groups(self) -> frozenset[str]:
        """The regions a leg or foot symptom may come from: the lower back and around it."""
        return frozenset(
            group
            for english in ORIGIN_REGIONS
            for group in self.lexicon.groups_of(term_words(english, self.language))
        )

    def _origins(self, segments: list[Segment]) -> list[Segment]:
        """A region of the lower back after "from" says where a symptom comes from ("tingling
        from the lower back down to the feet"), not where it is: it places nothing. Not beside
        an answer that is itself about the back ("back pain from the neck" is no low back
        pain)."""
        if any(s.kind == ANSWER and set(s.given.split()) & self.back_words for s in segments):
            return segments
        found = list(segments)
        for i, segment in enumerate(segments[1:], start=1):
            tokens = tuple(segment.given.split())
            if (
                segment.kind == TERM
                and not segment.region
                and segments[i - 1].given in self.origins
                and REGION in self.lexicon.categories_of(tokens)
                and self.lexicon.groups_of(tokens) <= self.origin_groups
            ):
                found[i] = dataclasses.replace(segment, origin=True)
        return found

    @cached_property
    def others(self) -> tuple[tuple[str, ...], ...]:
        return phrases("OTHERS", self.language)

    @cached_property
    def word_negations(self) -> frozenset[str]:
        return phrase_set("WORD_NEGATIONS", self.language)

    @cached_property
    def joiners(self) -> tuple[tuple[str, ...], ...]:
        return phrases("JOINERS", self.language)

    def _joined(self, segments: list[Segment]) -> list[Segment]:
        """After "plus", "as well as", "además de"…, a word the course does not know is a
        second answer all the same ("a neurologist plus an anesthesiologist")."""
        given = [segment.given for segment in segments]
        found = list(segments)
        i = 0
        while i < len(given):
            joiner = next((p for p in self.joiners if tuple(given[i : i + len(p)]) == p), None)
            if joiner is None:
                i += 1
                continue
            for j in range(i, i + len(joiner)):
                found[j] = Segment(FILLER, given[j])
            back = i - 1  # "EEG plus nerve conduction tests": what stands before it too
            while back >= 0 and segments[back].kind not in NAMED:
                if segments[back].kind == UNKNOWN:
                    found[back] = Segment(TERM, given[back], candidate=True)
                back -= 1
            i += len(joiner)
            while i < len(given) and segments[i].kind not in NAMED:
                if segments[i].kind == UNKNOWN:
                    found[i] = Segment(TERM, given[i], candidate=True)
                i += 1
        return found

    def _not_contradicted(self, kept: list[Segment], removed: list[Segment]) -> list[Segment]:
        """An answer is no answer when the same piece negates a narrower form of it: "back
        pain, but not low back pain", "dolor de espalda no lumbar", "hernia no discal"."""
        answers = [s for s in kept if s.kind == ANSWER]
        if not answers or not removed or not self.contradicted(answers, removed):
            return kept
        return [Segment(UNKNOWN, s.given) if s.kind == ANSWER else s for s in kept]

    def contradicted(self, answers: Sequence[Segment], removed: Sequence[Segment]) -> bool:
        """Whether what a negation removed is one of these answers or a narrower form of one
        ("lumbar" of "back pain": the low back pain it asks for)."""
        keys = {s.answer.key for s in answers}
        said = {word for s in answers for word in s.given.split()}
        spelled = {
            word for spelling in self.spellings if spelling.answer.key in keys
            for word in spelling.tokens
        }  # fmt: skip
        narrower = spelled - said - self.question_words - self.pain_words
        return any(
            (s.kind == ANSWER and s.answer.key in keys)
            or (s.kind in (TERM, UNKNOWN) and set(s.given.split()) & narrower)
            for s in removed
        )

    @cached_property
    def negation_frames(self) -> frozenset[str]:
        return phrase_set("NEGATION_FRAMES", self.language)

    def _drop_frame(self, kept: list[Segment]) -> bool:
        """The words right before a negation that frame it ("it isn't", "ce n'est pas") are
        no item of their own: up to NEGATION_FRAME of them go with it, and a word for "all"
        among them ("are all wrong", "كلها خطأ"), which it returns true for. Any other word
        stays ("anesthesiologist not podiatrist" names an anesthesiologist)."""
        frame, of_all = 0, False
        while kept and kept[-1].kind in (UNKNOWN, QUESTION, FILLER) and frame <= NEGATION_FRAME:
            if kept[-1].given in self.all_words:
                of_all = True
            elif kept[-1].kind == FILLER or kept[-1].given not in self.negation_frames:
                break  # a frame word may be the prompt's too ("sont" of "quelles … sont")
            elif frame == NEGATION_FRAME:
                break
            kept.pop()
            frame += 1
        return of_all

    def _rather_than(self, segments: list[Segment]) -> list[Segment]:
        """ "Rather X than Y": the "rather" is filler and the "than" negates Y."""
        given = [segment.given for segment in segments]
        found = next(
            (
                (i, len(phrase))
                for i in range(len(given))
                for phrase in self.rather
                if tuple(given[i : i + len(phrase)]) == phrase
            ),
            None,
        )
        if found is None:
            return segments
        start, size = found
        than = next((i for i in range(start + size, len(given)) if given[i] in self.than), None)
        if than is None:
            return segments
        changed = list(segments)
        changed[than] = Segment(NEGATION, given[than])
        changed[start : start + size] = [Segment(FILLER, " ".join(given[start : start + size]))]
        return changed

    def _opens_clause(self, text: str) -> bool:
        """A reason or a purpose ("because…"); where the answer is a region, also where it
        lies ("the neck, just below the skull")."""
        tokens = words(text, self.language)
        if self.question.category == "region":
            tokens = tuple(word for word in tokens if word not in self.position_fillers)
            openers = self.clauses + self.beside_phrases
        else:
            openers = self.clauses
        return any(tokens[: len(clause)] == clause for clause in openers)

    @cached_property
    def position_fillers(self) -> frozenset[str]:
        return phrase_set("POSITION_FILLERS", self.language)

    def _blended(self, segments: list[Segment]) -> list[Segment]:
        """An answer with a stray word that, with the answer's own words, spells a known wrong
        answer or another term of the kind asked for is that thing too ("foraminal lumbar
        stenosis" is foraminal stenosis, not lumbar stenosis with a word of detail): it is
        named as a wrong item beside the answer."""
        # A word the question's own answers use is detail ("central" of "central lumbar
        # stenosis", "pain" of "ball of foot pain": "heel spur pain" is no heel pain): only the
        # others can make the answer another thing.
        stray = {w for s in segments if s.kind == UNKNOWN for w in s.given.split()}
        stray -= self.answer_words | self.pain_words
        if self._not_upper(segments):
            stray -= self.upper_positions  # "the middle of the lower back", "high intensity"
        own = {word for s in segments if s.kind == ANSWER for word in s.given.split()}
        if not stray or not own:
            return segments
        blended = []
        for wrong, spelling in self.wrong_spellings:
            if self._blends(spelling, stray, own):
                blended.append(Segment(WRONG, " ".join(spelling), wrong=wrong))
        for word in stray:
            for known in self.lexicon.by_word.get(word, ()):
                candidate = self._is_candidate(self.lexicon.categories_of(known))
                if candidate and known not in self.own_tokens and self._blends(known, stray, own):
                    blended.append(Segment(TERM, " ".join(known), candidate=True))
        return segments + blended

    @staticmethod
    def _blends(term: tuple[str, ...], stray: set[str], own: set[str]) -> bool:
        words = set(term)
        return len(words) > 1 and bool(words & stray) and bool(words & own) and words <= stray | own

    # --- where the answer sits --------------------------------------------------------------

    @cached_property
    def places(self) -> frozenset[str]:
        """The body regions (groups of region terms) the question is about: those its prompt
        and its accepted answers name, the wider ones they lie in ("the back" of "the lower
        back"), and, where it names a region but none inside it ("the spine"), every region
        inside. Empty when it names none."""
        return self._places(prompt=True)

    @cached_property
    def answer_places(self) -> frozenset[str]:
        """The body regions the accepted answers themselves name (not the prompt's words: "the
        back and upper legs" of a prompt names no upper back), as `places` widens them."""
        return self._places(prompt=False)

    def _places(self, *, prompt: bool) -> frozenset[str]:
        lexicon = self.lexicon
        longest = max((len(region) for region in lexicon.regions), default=0)
        # Every run of consecutive words of every accepted spelling, to look regions up in.
        runs = {
            s.tokens[i : i + size]
            for s in self.spellings
            for size in range(1, longest + 1)
            for i in range(len(s.tokens) - size + 1)
        }
        if prompt:  # and of the prompt: its words in order ("the back and upper legs")
            runs |= {
                text[i : i + size]
                for text in self.question.prompt_texts
                for size in range(1, longest + 1)
                for i in range(len(text) - size + 1)
            }
        named = {
            group
            for region in lexicon.regions
            if region in runs
            for group in lexicon.groups_of(region)
        }
        places = set(named)
        for group in named:
            places |= {wider for wider, inside in lexicon.regions_inside.items() if group in inside}
            narrower = lexicon.regions_inside.get(group, frozenset())
            if not narrower & named:
                places |= narrower
        return frozenset(places)

    def _placed(self, segments: list[Segment]) -> list[Segment]:
        """A condition or symptom placed in another body region than the question's is not
        the answer: "tendonitis of the knee" is no foot condition, "thoracic back pain" no low
        back pain, "numb hands" no symptom of the legs and feet. The region is then a wrong
        item and the answer beside it does not count."""
        if self.question.category not in PLACED_CATEGORIES or not self.places:
            return segments
        if not any(self._misplaced(segment) for segment in segments):
            return segments
        placed = []
        for segment in segments:
            if segment.kind == ANSWER:
                segment = Segment(UNKNOWN, segment.given)
            elif self._misplaced(segment):
                segment = dataclasses.replace(segment, candidate=True)
            placed.append(segment)
        return placed

    @cached_property
    def level_regions(self) -> dict[str, frozenset[str]]:
        """The letter of a level's code -> the groups of body regions it lies in; none where
        the lexicon has no such region term."""
        regions = set(self.lexicon.regions)
        found = {}
        for letter, names in LEVEL_REGIONS.items():
            terms = [term_words(name, self.language) for name in names]
            groups = [self.lexicon.groups_of(term) for term in terms if term in regions]
            found[letter] = frozenset().union(*groups)
        return found

    @cached_property
    def back_words(self) -> frozenset[str]:
        """The words of the terms for the back as a whole ("back", "espalda", "dos", "ظهر")."""
        return frozenset(self._region_words(BACK))

    @cached_property
    def upper_positions(self) -> frozenset[str]:
        return phrase_set("UPPER_POSITIONS", self.language)

    @cached_property
    def not_upper(self) -> frozenset[str]:
        """Words that keep a word of position from meaning the upper back: those of the lower
        back's terms ("lower", "bas", "أسفل", "lumbar") and language.NOT_UPPER ("intensity")."""
        lower = self._region_words(LOWER_BACK) - self._region_words(UPPER_BACK)
        lower -= self.back_words | self.question_words
        return frozenset(lower) | phrase_set("NOT_UPPER", self.language)

    def _not_upper(self, segments: list[Segment]) -> bool:
        return any(set(segment.given.split()) & self.not_upper for segment in segments)

    def _region_words(self, english: str) -> set[str]:
        """Every word of every term of the region the lexicon's English term names."""
        return {
            word
            for group in self.lexicon.groups_of(term_words(english, self.language))
            for term in self.lexicon.region_terms.get(group, ())
            for word in term
        }

    def _positioned(self, segments: list[Segment]) -> list[Segment]:
        """Beside an answer that names the back, a word of position above its lower part is
        the upper back ("back pain at the top", "mal de dos haut", "ألم الظهر من فوق"), unless
        the piece says the lower back ("the middle of the lower back")."""
        names_back = any(
            segment.kind == ANSWER and set(segment.given.split()) & self.back_words
            for segment in segments
        )
        if not names_back or self._not_upper(segments):
            return segments
        upper = term_words(UPPER_BACK, self.language)
        return [
            Segment(TERM, segment.given, region=upper)
            if segment.kind == UNKNOWN and segment.given in self.upper_positions
            else segment
            for segment in segments
        ]

    @cached_property
    def beside_phrases(self) -> tuple[tuple[str, ...], ...]:
        return phrases("BESIDE", self.language)

    def _after_beside(self, segments: list[Segment], index: int) -> bool:
        """Whether the words right before segment `index` end with a word that places beside."""
        words_before: list[str] = []
        for segment in reversed(segments[max(0, index - 3) : index]):
            if segment.kind not in (UNKNOWN, QUESTION, FILLER):
                break
            words_before[:0] = segment.given.split()
        return any(
            tuple(words_before[-len(phrase) :]) == phrase
            for phrase in self.beside_phrases
            if len(phrase) <= len(words_before)
        )

    def _beside(self, segments: list[Segment]) -> list[Segment]:
        """Where the answer is a region, a word that places beside it ("below the neck",
        "por encima del cuello", "sous le cou", "next to the neck") says another place: the
        answer is not given. A region or level so placed ("the neck, above T1", "the neck,
        below the head") is a landmark: no second answer, and it places nothing."""
        if self.question.category != "region":
            return segments
        placed = []
        for index, segment in enumerate(segments):
            if segment.kind in NAMED and self._after_beside(segments, index):
                if segment.kind == ANSWER:
                    segment = Segment(UNKNOWN, segment.given)
                else:  # a landmark ("below the head"), not a second answer
                    segment = Segment(TERM, segment.given, origin=True)
            placed.append(segment)
        return placed

    def _says_where(self, segment: Segment) -> bool:
        """A known term that says where (a region, a part of the body, a level): after "or"
        it places the answer ("central stenosis in the upper back or neck"); a term of any
        other kind there is a second answer ("a neurologist or heel spurs")."""
        categories = self.lexicon.categories_of(tuple(segment.given.split())) - {""}
        return categories <= WHERE_CATEGORIES

    def _muscle_placed(self, segments: list[Segment]) -> list[Segment]:
        """Where a region is asked, a muscle is a second answer, not detail: a muscle is no
        part of the spine, and "piriformis in the neck", "el piriforme en el cuello" give the
        muscle, the region only where it is said to lie."""
        if self.question.category != REGION:
            return segments
        return [
            dataclasses.replace(s, candidate=True)
            if s.kind == TERM and MUSCLE in self.lexicon.categories_of(tuple(s.given.split()))
            else s
            for s in segments
        ]

    def _as_place(self, segment: Segment) -> Segment:
        """A region the question is about, marked as such (Reading.places)."""
        if segment.kind != TERM or segment.candidate or not self.places:
            return segment
        tokens = segment.region or tuple(segment.given.split())
        if REGION in self.lexicon.categories_of(tokens) and (
            self.lexicon.groups_of(tokens) & self.places
        ):
            return dataclasses.replace(segment, place=True)
        return segment

    def _misplaced(self, segment: Segment) -> bool:
        """A body region outside the question's places, alone or inside a longer known term
        ("in hands and arms", a choice of another question); or a spinal level outside the
        places its answers name on the spine ("back pain at C5" is no low back pain, while
        "tingling from L5" says where the foot's symptom comes from, and "L5 sciatica" which
        root)."""
        if segment.kind != TERM or segment.origin:
            return False
        tokens = segment.region or tuple(segment.given.split())
        if len(tokens) == 1 and is_level(tokens[0]):
            groups = self.level_regions.get(tokens[0][0].upper(), frozenset())
            spine = frozenset().union(*self.level_regions.values())
            places = self.answer_places
            return bool(groups and places & spine) and not groups & places
        if REGION in self.lexicon.categories_of(tokens):
            return not self.lexicon.groups_of(tokens) & self.places
        # A second candidate too: "tennis elbow tendonitis" places the tendonitis in the elbow.
        return any(
            not self.lexicon.groups_of(region) & self.places
            for region in self._regions_inside(tokens)
        )

    def _regions_inside(self, tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The region terms a longer term holds, longest first at each word."""
        found, i = [], 0
        while i < len(tokens):
            region = next((r for r in self.lexicon.regions if tokens[i : i + len(r)] == r), None)
            found += [region] if region else []
            i += len(region) if region else 1
        return found

    def _as_question_words(self, segment: Segment) -> Segment:
        """A term the prompt says, word for word (generic words such as "area" aside): the
        prompt's "the back and upper legs" says no "upper back"."""
        # Every word of the prompt, those that tell its answers apart too ("فقرية" of "تضيق
        # الثقبة الفقرية" is also a word of "تنكس الأقراص الفقرية"): the term is said word
        # for word in it.
        if segment.kind != TERM or not set(segment.given.split()) <= self.said_words:
            return segment
        if self._elsewhere(segment):
            return segment
        said = tuple(word for word in segment.given.split() if word not in self.generic_words)
        if not said or any(holds(text, said) for text in self.unjoined_prompt_texts):
            return Segment(QUESTION, segment.given)
        return segment

    def _elsewhere(self, segment: Segment) -> bool:
        """Where a region is asked, a region of the prompt outside the answer's own places
        ("foot" of "… back and foot pain") says where the answer is: "neck of the foot" is
        no part of the spine, it names a second place."""
        if self.question.category != REGION or not self.answer_places:
            return False
        tokens = tuple(segment.given.split())
        groups = self.lexicon.groups_of(tokens)
        return REGION in self.lexicon.categories_of(tokens) and not groups & self.answer_places

    @cached_property
    def said_words(self) -> frozenset[str]:
        return self.question_words | self.prompt_words

    # The prompt says "لتضيق الثقبة" (of the stenosis of the foramen); an answer repeats
    # "تضيق الثقبة": the prompt's words without a joined ل, ب or ك.
    @cached_property
    def unjoined_prompt_texts(self) -> tuple[tuple[str, ...], ...]:
        texts = self.question.prompt_texts
        return texts + tuple(tuple(_unjoined(word) for word in text) for text in texts)

    @cached_property
    def generic_words(self) -> frozenset[str]:
        return frozenset(
            token
            for phrase in for_language(GENERIC_WORDS, self.language)
            for token in words(phrase, self.language)
        )


def _unjoined(word: str) -> str:
    """An Arabic word without a joined ل, ب or ك ("لتضيق", of stenosis: "تضيق")."""
    return word[1:] if word[:1] in ARABIC_CLITICS and len(word) > 3 else word


def _by_first_word(found: Sequence[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first word, each group in the order given."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in found:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases_) for word, phrases_ in grouped.items()}


def _as_effect(segment: Segment) -> Segment:
    """An answer named as an effect: a known term, but no answer (and no second answer)."""
    return Segment(TERM, segment.given) if segment.kind == ANSWER else segment


def _names(reading: Reading) -> bool:
    """Names an answer, a known wrong answer or a second candidate (not only a detail)."""
    return bool(reading.answers or reading.wrong)


def _only_unknown(reading: Reading) -> bool:
    """Only unknown words (and filler), at most two of them, nothing negated."""
    unknown = [segment.given for segment in reading.of(UNKNOWN)]
    return (
        bool(unknown)
        and len(" ".join(unknown).split()) <= 2
        and all(segment.kind in (UNKNOWN, FILLER) for segment in reading.segments)
        and not reading.negated
        and not reading.negates_before
    )


def _asks(text: str) -> bool:
    """Whether a piece ends in a question mark: "…, ¿no?" asks, it does not negate."""
    return text.rstrip().endswith(QUESTION_MARKS)


def _unstretched(segments: list[Segment]) -> list[Segment]:
    """A one-word answer read without the question's words ("تخطيط" of "تخطيط الأعصاب", nerve
    tracing) is no answer when another word stands where those words were ("تخطيط القلب",
    heart tracing): the word it lacks carried the meaning."""
    if not any(segment.kind in (UNKNOWN, TERM) for segment in segments):
        return segments
    return [
        Segment(UNKNOWN, segment.given)
        if segment.kind == ANSWER and segment.shortened and len(segment.given.split()) == 1
        else segment
        for segment in segments
    ]


def _merge_unknown(segments: Sequence[Segment]) -> list[Segment]:
    """Adjacent unknown words as one run."""
    merged: list[Segment] = []
    for segment in segments:
        if segment.kind == UNKNOWN and merged and merged[-1].kind == UNKNOWN:
            merged[-1] = Segment(UNKNOWN, f"{merged[-1].given} {segment.given}")
        else:
            merged.append(segment)
    return merged
