"""Grading: pure functions from an answer key and a learner's answer to a Grade.

No ORM, no request, no settings: a selector loads the key into the frozen dataclasses below, so
the grader is table-testable in microseconds and could run offline. Rules (DESIGN.md):

- Text is compared after NFKC, casefolding, accent folding and punctuation folding; invisible
  formatting characters (Unicode Cf: zero-width space, soft hyphen, bidi marks) are removed,
  not turned into spaces; articles ("the", "el", "les", "ال"…) do not count.
- Answers are split into items on , ، ; / & + new lines and the word for "and" in the learner's
  language and English. Spinal levels normalize: "l 4", "L-4" -> L4; "L4/5" -> L4, L5;
  "L4–S1" -> L4, L5, S1; "l4 l5 s1" is three items.
- Typos are forgiven only in words of 5+ letters (edit distance 1; 9+ letters: 2), counted on
  the accepted word, never in codes or numbers: L4 is not L5.
- Partial credit for multiple, set, order and match; wrong picks cost, so naming everything
  never earns full points: credit = points × right ÷ max(needed, right + wrong).
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from core.codes import ErrorCode
from core.text import is_encodable

SINGLE, MULTIPLE, TRUE_FALSE, TEXT, SET, ORDER, MATCH, NUMBER = (
    "single", "multiple", "true_false", "text", "set", "order", "match", "number",
)  # fmt: skip
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, TEXT, SET, ORDER, MATCH, NUMBER)

# Limits of one answer (DESIGN.md): longer items or more items are refused, not graded.
MAX_ITEM_LENGTH = 500
MAX_ITEMS = 50

# The word for "and" in each shipped language; English always applies.
AND_WORDS = {"en": ("and",), "es": ("y", "e"), "fr": ("et",), "ar": ("و",)}
# Articles and the commonest prepositions: they never change which item a learner means.
ARTICLES = {
    "en": ("a", "an", "the"),
    "es": ("el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "de", "del"),
    "fr": ("le", "la", "les", "l", "un", "une", "des", "de", "du", "d"),
    "ar": (),
}
# Words that only say where or what kind ("the neck area", "la zona lumbar"); folded.
GENERIC_FILLER = {
    "en": frozenset({"area", "region", "part", "zone"}),
    "es": frozenset({"zona", "region", "parte", "area"}),
    "fr": frozenset({"zone", "region", "partie"}),
    "ar": frozenset({"منطقه", "جزء"}),
}
LIST_SEPARATORS = re.compile(r"[,،;؛/&+\n\r]+")
ARABIC_AND = "و"
ARABIC_ARTICLE = "ال"

# Spinal levels: the letter of the region, then the number (C1–7, T1–12, L1–5, S1–5).
LEVEL_ORDER = (
    [f"C{n}" for n in range(1, 8)]
    + [f"T{n}" for n in range(1, 13)]
    + [f"L{n}" for n in range(1, 6)]
    + [f"S{n}" for n in range(1, 6)]
)
_LEVEL = r"([cltsCLTS])\s*[-.]?\s*(\d{1,2})"
_THROUGH = r"(?:\s*[-–—]\s*|\s+(?:to|a|à|au|hasta|إلى|الى)\s+)"
LEVEL_RANGE = re.compile(
    rf"(?<![^\W\d_]){_LEVEL}{_THROUGH}(?:([cltsCLTS])\s*[-.]?\s*)?(\d{{1,2}})\b", re.IGNORECASE
)
LEVEL_PAIR = re.compile(rf"(?<![^\W\d_]){_LEVEL}\s*/\s*(\d{{1,2}})\b")
LEVEL = re.compile(rf"(?<![^\W\d_]){_LEVEL}\b")
JOINED_LEVELS = re.compile(r"(?:(?<=\b[clts]\d)|(?<=\b[clts]\d\d))(?=[clts]\d)", re.IGNORECASE)
LEVEL_RUN = re.compile(r"(?:(?<=\b[CLTS]\d)|(?<=\b[CLTS]\d\d))\s+(?=[CLTS]\d{1,2}\b)")
# A region spelled out before its number is that level: "lumbar 4" is L4, "sacrée 1" is S1.
REGION_LETTERS = {
    "lumbar": "L", "lombaire": "L", "sacral": "S", "sacra": "S", "sacro": "S", "sacre": "S",
    "sacree": "S", "thoracic": "T", "toracica": "T", "thoracique": "T", "cervical": "C",
    "cervicale": "C",
}  # fmt: skip
REGION_WORD = re.compile(
    r"(?<!\w)(lumbar|lombaire|sacral|sacra|sacro|sacr[ée]e?|thoracic|tor[áa]cica|thoracique"
    r"|cervicale?)\s*(\d{1,2})(?!\d)",
    re.IGNORECASE,
)
# Arabic-Indic and Eastern Arabic-Indic digits read as the digits they are ("L٤" is L4).
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
)


@dataclass(frozen=True)
class ChoiceKey:
    id: int
    text: str
    correct: bool = False
    position: int = 0  # the right place in an `order` question
    side: str = ""  # "left" or "right" in a `match` question
    pair: str = ""  # the left and right of one `match` pair share this


@dataclass(frozen=True)
class AnswerKey:
    """One accepted answer (or one item of a set): its spellings in the learner's language
    and in English. The first spelling is the one feedback shows."""

    key: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class QuestionKey:
    id: int
    kind: str
    points: float
    language: str = "en"
    choices: tuple[ChoiceKey, ...] = ()
    answers: tuple[AnswerKey, ...] = ()
    needed: int | None = None
    number: float | None = None
    tolerance: float = 0.0
    truth: bool | None = None
    # Words of the prompt (folded): they may stand around an answer ("S1 nerve root").
    filler: frozenset[str] = frozenset()

    @property
    def items_needed(self) -> int:
        if self.kind == MULTIPLE:
            return sum(choice.correct for choice in self.choices)
        if self.kind == SET:
            return min(self.needed or len(self.answers), len(self.answers))
        return 1


@dataclass(frozen=True)
class Typo:
    given: str
    expected: str


@dataclass(frozen=True)
class Feedback:
    """Stable codes and the items they concern; the API turns them into words."""

    right: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    typos: tuple[Typo, ...] = ()
    duplicate: tuple[str, ...] = ()
    # The right answer as a learner should see it (see `expected_answer`).
    expected: object = None

    def as_dict(self) -> dict:
        return {
            "right": list(self.right),
            "missing": list(self.missing),
            "wrong": list(self.wrong),
            "typos": [{"given": typo.given, "expected": typo.expected} for typo in self.typos],
            "duplicate": list(self.duplicate),
            "expected": self.expected,
        }


@dataclass(frozen=True)
class Grade:
    points: float
    max_points: float
    correct: bool
    feedback: Feedback = field(default_factory=Feedback)


class AnswerError(ValueError):
    """An answer of the wrong shape; `code` is stable, the message is for developers."""

    def __init__(self, code: ErrorCode, message: str):
        self.code = code
        super().__init__(message)


# --- text normalization -------------------------------------------------------------------


def visible(text: str) -> str:
    """`text` without invisible formatting characters (Unicode category Cf): a zero-width space
    inside "L\u200b4" or a soft hyphen inside "metatar\u00adsalgia" joins, it never splits."""
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def fold(text: str) -> str:
    """NFKC, casefold, accents and Arabic letter variants folded, punctuation to spaces."""
    text = (
        unicodedata.normalize("NFKC", visible(text))
        .translate(DIGITS)
        .casefold()
        .translate(ARABIC_LETTERS)
    )
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in decomposed if not unicodedata.combining(char))
    text = "".join(char if char.isalnum() else " " for char in text)
    return " ".join(text.split())


def _level_name(letter: str, number: str) -> str | None:
    name = f"{letter.upper()}{int(number)}"
    return name if name in LEVEL_ORDER else None


def normalize_levels(text: str) -> str:
    """Spell spinal levels as codes and expand ranges into lists ("L4–S1" -> "L4, L5, S1")."""

    def expand(match: re.Match) -> str:
        letter, first, end_letter, last = match.groups()
        start = _level_name(letter, first)
        end = _level_name(end_letter or letter, last)
        if not start or not end or LEVEL_ORDER.index(end) < LEVEL_ORDER.index(start):
            return match.group(0)
        levels = LEVEL_ORDER[LEVEL_ORDER.index(start) : LEVEL_ORDER.index(end) + 1]
        return ", ".join(levels) if len(levels) <= 6 else match.group(0)

    def pair(match: re.Match) -> str:
        letter, first, second = match.groups()
        names = [_level_name(letter, first), _level_name(letter, second)]
        return ", ".join(names) if all(names) else match.group(0)

    def single(match: re.Match) -> str:
        return _level_name(*match.groups()) or match.group(0)

    text = REGION_WORD.sub(lambda m: REGION_LETTERS[fold(m.group(1))] + m.group(2), text)
    text = LEVEL_RANGE.sub(expand, text)
    text = LEVEL_PAIR.sub(pair, text)
    return LEVEL.sub(single, text)


def _plain_short_words(text: str) -> str:
    """Accents off short Latin words ("ánd", "ý", "Ĺ4"), so list words and spinal levels are
    found whatever the accents; longer words keep theirs, as feedback shows them."""

    def plain(match: re.Match) -> str:
        decomposed = unicodedata.normalize("NFKD", match.group())
        word = "".join(char for char in decomposed if not unicodedata.combining(char))
        latin = word.removeprefix(ARABIC_AND)  # "وŚ1" is "و" joined to "S1"
        return word if latin.isascii() and len(latin) <= 3 else match.group()

    return re.sub(r"\w+", plain, text)


def split_items(text: str, language: str = "en") -> list[str]:
    """Split one typed answer into items on list separators and the word for "and"."""
    # Arabic و is "and" as a word of its own, or joined to a Latin letter or digit ("وS1");
    # joined to an Arabic word it is left to the matcher, since و also begins words (وتر).
    text = _plain_short_words(unicodedata.normalize("NFKC", visible(text)).translate(DIGITS))
    text = re.sub(rf"(?<!\w){ARABIC_AND}(?=[A-Za-z0-9])", ", ", text)
    # Levels typed with nothing between them are a list too: "L4L5S1".
    joined = None
    while joined != text:  # each pass frees one level of a run ("L4L5S1" takes two)
        joined, text = text, JOINED_LEVELS.sub(" ", text)
    text = normalize_levels(text)
    # A run of levels separated only by spaces is a list: "l4 l5 s1".
    text = LEVEL_RUN.sub(", ", text)
    words = set(AND_WORDS["en"]) | set(AND_WORDS.get(language, ()))
    if language != "ar":
        words.add(ARABIC_AND)
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(word) for word in sorted(words)) + r")(?!\w)"
    text = re.sub(pattern, ",", text, flags=re.IGNORECASE)
    return [piece.strip() for piece in LIST_SEPARATORS.split(text) if fold(piece)]


def words(text: str, language: str) -> tuple[str, ...]:
    """The words that matching compares: folded, without articles (incl. a joined ال)."""
    articles = set(ARTICLES["en"]) | set(ARTICLES.get(language, ()))
    tokens = []
    for token in fold(text).split():
        if token in articles:
            continue
        if token.startswith(ARABIC_ARTICLE) and len(token) > 3:
            token = token[len(ARABIC_ARTICLE) :]
        tokens.append(token)
    return tuple(tokens)


def _allowed_edits(word: str) -> int:
    """Typo budget of an accepted word: none for codes, numbers and short words."""
    if not word.isalpha():
        return 0
    if len(word) >= 9:
        return 2
    return 1 if len(word) >= 5 else 0


def _word_matches(given: str, accepted: str) -> tuple[bool, bool]:
    """(matches, was a typo)"""
    if given == accepted:
        return True, False
    budget = _allowed_edits(accepted)
    if budget and given.isalpha():
        distance = Levenshtein.distance(given, accepted, score_cutoff=budget)
        if distance <= budget:
            return True, True
    return False, False


@dataclass(frozen=True)
class _Spelling:
    answer: AnswerKey
    text: str
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class _Match:
    answer: AnswerKey
    given: str
    typo: Typo | None


def _spellings(
    answers: Iterable[AnswerKey], language: str, filler: frozenset[str] = frozenset()
) -> list[_Spelling]:
    """Every accepted spelling as words; where the question itself says a word of it, also
    the spelling without that word ("low back" answers "…when which other kind of pain…")."""
    spellings = []
    for answer in answers:
        for synonym in answer.synonyms:
            tokens = words(normalize_levels(synonym), language)
            if tokens:
                spellings.append(_Spelling(answer, synonym, tokens))
            shorter = tuple(token for token in tokens if token not in filler)
            if shorter and shorter != tokens:
                spellings.append(_Spelling(answer, synonym, shorter))
    return spellings


def _segment_match(tokens: Sequence[str], spelling: _Spelling) -> tuple[bool, bool]:
    typo = False
    for given, accepted in zip(tokens, spelling.tokens, strict=True):
        ok, was_typo = _word_matches(given, accepted)
        if not ok:
            return False, False
        typo = typo or was_typo
    return True, typo


def match_piece(
    piece: str,
    answers: Sequence[AnswerKey],
    language: str,
    filler: frozenset[str] = frozenset(),
) -> tuple[list[_Match], list[str]]:
    """Cover a piece's words with accepted spellings; return (matches, unmatched runs).

    Prefers the cover with the fewest unmatched words, then the fewest typos, then the fewest
    items. Words of the question itself ("nerve", "roots") may stand around an answer unnoticed.
    """
    tokens = words(piece, language)
    filler = filler | GENERIC_FILLER.get(language, frozenset()) | GENERIC_FILLER["en"]
    spellings = _spellings(answers, language, filler)
    n = len(tokens)
    # best[i]: (unmatched words, typos, items, matches, unmatched runs) covering tokens[i:]
    best: list[tuple] = [None] * (n + 1)
    best[n] = (0, 0, 0, [], [])
    for start in range(n - 1, -1, -1):
        token = tokens[start]
        tail = best[start + 1]
        if token in filler:
            candidates = [(tail[0], tail[1], tail[2], tail[3], tail[4])]
        else:
            runs = list(tail[4])
            joined = bool(runs) and runs[0][0] == start + 1
            if joined:
                runs[0] = (start, runs[0][1])
            else:
                runs.insert(0, (start, start + 1))
            candidates = [(tail[0] + 1, tail[1], tail[2], tail[3], runs)]
        variants = [token]
        # A joined Arabic و may start a new item ("والمسمار" = "and the spur").
        if token.startswith(ARABIC_AND) and len(token) > 2:
            rest = token[1:]
            variants.append(rest[2:] if rest.startswith(ARABIC_ARTICLE) and len(rest) > 3 else rest)
        for variant in variants:
            head = (variant, *tokens[start + 1 :])
            for spelling in spellings:
                size = len(spelling.tokens)
                if start + size > n:
                    continue
                ok, typo = _segment_match(head[:size], spelling)
                if not ok:
                    continue
                rest_best = best[start + size]
                given = " ".join(head[:size])
                found = _Match(spelling.answer, given, Typo(given, spelling.text) if typo else None)
                candidates.append(
                    (
                        rest_best[0],
                        rest_best[1] + typo,
                        rest_best[2] + 1,
                        [found, *rest_best[3]],
                        rest_best[4],
                    )
                )
        best[start] = min(candidates, key=lambda c: c[:3])
    _unmatched, _typos, _items, matches, runs = best[0]
    return matches, [" ".join(tokens[a:b]) for a, b in runs]


def _canonical(answer: AnswerKey) -> str:
    return answer.synonyms[0] if answer.synonyms else answer.key


# --- answer validation --------------------------------------------------------------------


def _require(condition: bool, code: ErrorCode, message: str) -> None:
    if not condition:
        raise AnswerError(code, message)


def _check_text(value, name: str) -> str:
    _require(isinstance(value, str), ErrorCode.INVALID_ANSWER, f"'{name}' must be a string")
    # A lone surrogate ("\ud800") could be stored but never sent back: refused.
    _require(is_encodable(value), ErrorCode.INVALID_ANSWER, f"'{name}' is not valid Unicode")
    _require(
        len(value) <= MAX_ITEM_LENGTH,
        ErrorCode.ITEM_TOO_LONG,
        f"'{name}' is over {MAX_ITEM_LENGTH} characters",
    )
    return value


def _check_id(value, name: str) -> int:
    _require(
        isinstance(value, int) and not isinstance(value, bool),
        ErrorCode.INVALID_ANSWER,
        f"{name} must be an id",
    )
    return value


def _finite(value: int | float) -> bool:
    # A JSON integer can be too large for a float (10**400): refused, not an OverflowError.
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def validate_answer(question: QuestionKey, answer) -> dict:
    """Check an answer's shape against its question; return it cleaned or raise AnswerError."""
    _require(isinstance(answer, dict), ErrorCode.INVALID_ANSWER, "an answer is a JSON object")
    kind = question.kind
    choice_ids = {choice.id for choice in question.choices}
    if kind == SINGLE:
        _require(set(answer) == {"choice"}, ErrorCode.INVALID_ANSWER, 'expected {"choice": id}')
        choice = _check_id(answer["choice"], "choice")
        _require(
            choice in choice_ids,
            ErrorCode.UNKNOWN_CHOICE,
            f"choice {choice} is not in this question",
        )
        return {"choice": choice}
    if kind == MULTIPLE:
        _require(
            set(answer) == {"choices"}, ErrorCode.INVALID_ANSWER, 'expected {"choices": [id, ...]}'
        )
        picked = answer["choices"]
        _require(isinstance(picked, list), ErrorCode.INVALID_ANSWER, "'choices' must be a list")
        _require(len(picked) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        picked = [_check_id(value, "each choice") for value in picked]
        unknown = set(picked) - choice_ids
        _require(
            not unknown,
            ErrorCode.UNKNOWN_CHOICE,
            f"choices {sorted(unknown)} are not in this question",
        )
        return {"choices": sorted(set(picked))}
    if kind in (TRUE_FALSE,):
        _require(
            set(answer) == {"value"}, ErrorCode.INVALID_ANSWER, 'expected {"value": true|false}'
        )
        _require(
            isinstance(answer["value"], bool),
            ErrorCode.INVALID_ANSWER,
            "'value' must be true or false",
        )
        return {"value": answer["value"]}
    if kind == NUMBER:
        _require(set(answer) == {"value"}, ErrorCode.INVALID_ANSWER, 'expected {"value": number}')
        value = answer["value"]
        _require(
            isinstance(value, int | float) and not isinstance(value, bool) and _finite(value),
            ErrorCode.INVALID_ANSWER,
            "'value' must be a finite number",
        )
        return {"value": value}
    if kind == TEXT:
        _require(set(answer) == {"text"}, ErrorCode.INVALID_ANSWER, 'expected {"text": "..."}')
        text = _check_text(answer["text"], "text")
        _require(bool(fold(text)), ErrorCode.EMPTY_ANSWER, "the answer has no letters or digits")
        return {"text": text}
    if kind == SET:
        _require(
            set(answer) == {"items"}, ErrorCode.INVALID_ANSWER, 'expected {"items": ["...", ...]}'
        )
        items = answer["items"]
        _require(
            isinstance(items, list), ErrorCode.INVALID_ANSWER, "'items' must be a list of strings"
        )
        _require(len(items) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        items = [_check_text(item, "each item") for item in items]
        _require(
            any(fold(item) for item in items),
            ErrorCode.EMPTY_ANSWER,
            "no item has letters or digits",
        )
        pieces = [piece for item in items for piece in split_items(item, question.language)]
        _require(len(pieces) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        return {"items": items}
    if kind == ORDER:
        _require(
            set(answer) == {"order"}, ErrorCode.INVALID_ANSWER, 'expected {"order": [id, ...]}'
        )
        order = answer["order"]
        _require(isinstance(order, list), ErrorCode.INVALID_ANSWER, "'order' must be a list")
        _require(len(order) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        order = [_check_id(value, "each item") for value in order]
        _require(
            sorted(order) == sorted(choice_ids),
            ErrorCode.INVALID_ORDER,
            "'order' must list every item of the question exactly once",
        )
        return {"order": order}
    if kind == MATCH:
        _require(
            set(answer) == {"pairs"}, ErrorCode.INVALID_ANSWER, 'expected {"pairs": {left: right}}'
        )
        pairs = answer["pairs"]
        _require(isinstance(pairs, dict), ErrorCode.INVALID_ANSWER, "'pairs' must be an object")
        _require(len(pairs) <= MAX_ITEMS, ErrorCode.TOO_MANY_ITEMS, f"over {MAX_ITEMS} items")
        lefts = {c.id for c in question.choices if c.side == "left"}
        rights = {c.id for c in question.choices if c.side == "right"}
        cleaned = {}
        for left, right in pairs.items():
            _require(
                isinstance(left, str) and left.isdecimal() and int(left) in lefts,
                ErrorCode.UNKNOWN_CHOICE,
                f"{left!r} is not a left item of this question",
            )
            _require(
                _check_id(right, "each right item") in rights,
                ErrorCode.UNKNOWN_CHOICE,
                f"{right!r} is not a right item of this question",
            )
            cleaned[str(int(left))] = right
        return {"pairs": cleaned}
    raise AnswerError(ErrorCode.INVALID_ANSWER, f"unknown question kind {kind!r}")


# --- grading ------------------------------------------------------------------------------


def _points(points: float, numerator: int, denominator: int) -> float:
    if denominator <= 0:
        return 0.0
    return round(max(0.0, min(points, points * numerator / denominator)), 2)


def credit(points: float, *, right: int, wrong: int, needed: int) -> float:
    """Partial credit where wrong picks cost: points × right ÷ max(needed, right + wrong)."""
    right = min(right, needed)
    return _points(points, right, max(needed, right + wrong))


def expected_answer(question: QuestionKey):
    """The right answer, shaped for display after submission: the value of a number or a
    true/false, the texts of the right choices, the items in their right order, the right
    pairs, and the accepted form of a text or of each item of a set."""
    kind = question.kind
    if kind in (SINGLE, MULTIPLE):
        return [choice.text for choice in question.choices if choice.correct]
    if kind == TRUE_FALSE:
        return question.truth
    if kind == NUMBER:
        number = question.number
        return int(number) if number is not None and float(number).is_integer() else number
    if kind == TEXT:
        return _canonical(question.answers[0]) if question.answers else None
    if kind == SET:
        return [_canonical(answer) for answer in question.answers]
    if kind == ORDER:
        return [choice.text for choice in sorted(question.choices, key=lambda c: c.position)]
    if kind == MATCH:
        rights = {c.pair: c.text for c in question.choices if c.side == "right"}
        return [
            {"left": c.text, "right": rights.get(c.pair, "")}
            for c in question.choices
            if c.side == "left"
        ]
    return None


def grade(question: QuestionKey, answer: dict | None) -> Grade:
    """Grade one answer (already validated, or None for unanswered)."""
    result = _grade(question, answer)
    feedback = dataclasses.replace(result.feedback, expected=expected_answer(question))
    return dataclasses.replace(result, feedback=feedback)


def _grade(question: QuestionKey, answer: dict | None) -> Grade:
    if answer is None:
        return Grade(0.0, float(question.points), False, _unanswered(question))
    grader = {
        SINGLE: _grade_choices,
        MULTIPLE: _grade_choices,
        TRUE_FALSE: _grade_true_false,
        NUMBER: _grade_number,
        TEXT: _grade_text,
        SET: _grade_set,
        ORDER: _grade_order,
        MATCH: _grade_match,
    }[question.kind]
    return grader(question, answer)


def _unanswered(question: QuestionKey) -> Feedback:
    if question.kind in (SINGLE, MULTIPLE):
        return Feedback(missing=tuple(c.text for c in question.choices if c.correct))
    if question.kind == SET:
        return Feedback(missing=tuple(_canonical(a) for a in question.answers))
    if question.kind == TEXT and question.answers:
        return Feedback(missing=(_canonical(question.answers[0]),))
    return Feedback()


def _grade_choices(question: QuestionKey, answer: dict) -> Grade:
    picked = {answer["choice"]} if question.kind == SINGLE else set(answer["choices"])
    right = [c for c in question.choices if c.correct and c.id in picked]
    wrong = [c for c in question.choices if not c.correct and c.id in picked]
    missing = [c for c in question.choices if c.correct and c.id not in picked]
    needed = question.items_needed
    points = credit(question.points, right=len(right), wrong=len(wrong), needed=needed)
    return Grade(
        points,
        float(question.points),
        len(right) == needed and not wrong,
        Feedback(
            right=tuple(c.text for c in right),
            missing=tuple(c.text for c in missing),
            wrong=tuple(c.text for c in wrong),
        ),
    )


def _grade_true_false(question: QuestionKey, answer: dict) -> Grade:
    correct = answer["value"] is question.truth
    return Grade(float(question.points) if correct else 0.0, float(question.points), correct)


def _grade_number(question: QuestionKey, answer: dict) -> Grade:
    correct = (
        question.number is not None
        and abs(float(answer["value"]) - question.number) <= question.tolerance + 1e-9
    )
    given = f"{answer['value']:g}" if isinstance(answer["value"], float) else str(answer["value"])
    return Grade(
        float(question.points) if correct else 0.0,
        float(question.points),
        correct,
        Feedback(right=(given,)) if correct else Feedback(wrong=(given,)),
    )


def _match_items(question: QuestionKey, texts: Iterable[str]):
    """Match every typed item; return (matched answers in order, wrong pieces, typos, dups)."""
    found: dict[str, AnswerKey] = {}
    wrong: list[str] = []
    typos: list[Typo] = []
    duplicate: list[str] = []
    seen_wrong = set()
    for text in texts:
        for piece in split_items(text, question.language):
            matches, unmatched = match_piece(
                piece, question.answers, question.language, question.filler
            )
            for run in unmatched:
                if run not in seen_wrong:
                    seen_wrong.add(run)
                    wrong.append(piece if not matches and len(unmatched) == 1 else run)
            for item in matches:
                if item.answer.key in found:
                    duplicate.append(item.given)
                    continue
                found[item.answer.key] = item.answer
                if item.typo:
                    typos.append(item.typo)
    return list(found.values()), wrong, typos, duplicate


def _grade_text(question: QuestionKey, answer: dict) -> Grade:
    """Right when every word names an accepted answer (or belongs to the question)."""
    found, wrong, typos, _duplicate = _match_items(question, [answer["text"]])
    correct = bool(found) and not wrong
    if correct:
        feedback = Feedback(right=tuple(_canonical(a) for a in found), typos=tuple(typos))
    else:
        feedback = Feedback(
            missing=(_canonical(question.answers[0]),), wrong=(" ".join(answer["text"].split()),)
        )
    return Grade(
        float(question.points) if correct else 0.0, float(question.points), correct, feedback
    )


def _grade_set(question: QuestionKey, answer: dict) -> Grade:
    found, wrong, typos, duplicate = _match_items(question, answer["items"])
    needed = question.items_needed
    keys = {a.key for a in found}
    missing = [] if len(found) >= needed else [a for a in question.answers if a.key not in keys]
    points = credit(question.points, right=len(found), wrong=len(wrong), needed=needed)
    return Grade(
        points,
        float(question.points),
        len(found) >= needed and not wrong,
        Feedback(
            right=tuple(_canonical(a) for a in found),
            missing=tuple(_canonical(a) for a in missing),
            wrong=tuple(wrong),
            typos=tuple(typos),
            duplicate=tuple(duplicate),
        ),
    )


def _longest_in_order(sequence: list[int]) -> list[int]:
    """Indexes of the longest increasing subsequence (the items already in the right order)."""
    if not sequence:
        return []
    lengths = [1] * len(sequence)
    previous = [-1] * len(sequence)
    for i in range(len(sequence)):
        for j in range(i):
            if sequence[j] < sequence[i] and lengths[j] + 1 > lengths[i]:
                lengths[i], previous[i] = lengths[j] + 1, j
    index = max(range(len(sequence)), key=lambda i: lengths[i])
    chain = []
    while index != -1:
        chain.append(index)
        index = previous[index]
    return chain[::-1]


def _grade_order(question: QuestionKey, answer: dict) -> Grade:
    """Credit = (items in the longest run already in the right relative order - 1) ÷ (n - 1)."""
    by_id = {choice.id: choice for choice in question.choices}
    given = [by_id[choice_id] for choice_id in answer["order"]]
    kept = set(_longest_in_order([choice.position for choice in given]))
    n = len(given)
    correct = len(kept) == n
    points = float(question.points) if correct else _points(question.points, len(kept) - 1, n - 1)
    return Grade(
        points,
        float(question.points),
        correct,
        Feedback(
            right=tuple(c.text for i, c in enumerate(given) if i in kept),
            wrong=tuple(c.text for i, c in enumerate(given) if i not in kept),
        ),
    )


def _grade_match(question: QuestionKey, answer: dict) -> Grade:
    by_id = {choice.id: choice for choice in question.choices}
    lefts = [c for c in question.choices if c.side == "left"]
    rights = {c.pair: c for c in question.choices if c.side == "right"}
    right, wrong, missing = [], [], []
    for left in lefts:
        picked = answer["pairs"].get(str(left.id))
        expected = rights.get(left.pair)
        label = f"{left.text} → {expected.text if expected else '?'}"
        if picked is None:
            missing.append(label)
        elif by_id[picked].pair == left.pair:
            right.append(label)
        else:
            wrong.append(f"{left.text} → {by_id[picked].text}")
            missing.append(label)
    correct = len(right) == len(lefts)
    return Grade(
        float(question.points) if correct else _points(question.points, len(right), len(lefts)),
        float(question.points),
        correct,
        Feedback(right=tuple(right), missing=tuple(missing), wrong=tuple(wrong)),
    )
