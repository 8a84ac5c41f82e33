"""Grading a validated answer: points, whether it is correct, and feedback.

Partial credit for multiple, set, order and match; wrong picks cost, so naming everything never
earns full points: credit = points × right ÷ max(needed, right + wrong).

Text and set answers are read piece by piece (quizzes.grading.matching):
- a set earns each accepted item once; every known wrong answer and every known term of the kind
  asked for is a wrong item, and so is each known term of a piece that names no item (a run of
  words without commas that names three conditions is three wrong items); a piece of only the
  question's own words is a wrong item too;
- a text answer is right when it names the key and no second candidate: detail around the key
  (a level, a place) is fine, another term of the kind asked for, a known wrong answer, an
  alternative after "or", or an extra piece of only question words or unknown words is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal

from quizzes.grading.matching import Matcher, Reading, Segment
from quizzes.grading.text import as_typed, fold, split_pieces
from quizzes.grading.values import (
    MATCH,
    MULTIPLE,
    NUMBER,
    ORDER,
    SET,
    SINGLE,
    TEXT,
    TRUE_FALSE,
    AnswerKey,
    Feedback,
    Grade,
    QuestionKey,
    Typo,
)


def _canonical(answer: AnswerKey) -> str:
    return answer.synonyms[0] if answer.synonyms else answer.key


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


def _decimal(number: float | int) -> Decimal:
    """A number as typed: the shortest decimal that is this float (25.1, not 25.100000000000001)."""
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def _grade_number(question: QuestionKey, answer: dict) -> Grade:
    # Compared as the decimals typed, so 25.1 is within 0.1 of 25 and 2.9999999999 is not 3.
    given = _decimal(answer["value"])
    correct = question.number is not None and abs(given - _decimal(question.number)) <= _decimal(
        question.tolerance
    )
    shown = format(given.normalize(), "f")  # 25.00001 and 1234567 as typed, never 25 or 1.2e+06
    return Grade(
        float(question.points) if correct else 0.0,
        float(question.points),
        correct,
        Feedback(right=(shown,)) if correct else Feedback(wrong=(shown,)),
    )


def _readings(question: QuestionKey, texts: Iterable[str]) -> list[Reading]:
    """Every piece of the typed texts, read against the question's key and lexicon."""
    matcher = Matcher.of(question)
    readings: list[Reading] = []
    for text in texts:
        pieces = split_pieces(
            text,
            question.language,
            levels_are_items=question.levels_are_items,
            kept=matcher.kept_phrases,
            after_and=lambda: matcher.after_and,
        )
        own: list[Reading] = []
        for piece in matcher.replies(pieces):
            reading = matcher.read(piece)
            if reading.negates_before and own:  # "sciatica, no"
                own[-1] = own[-1].taken_back()
                # A "no" of its own after a question mark, a full stop or a dash takes back
                # the whole sentence before it: "L4, L5, S1? no", "L4, L5, S1 - no".
                back = len(own) - 1
                while piece.new_sentence and back > 0 and not own[back].piece.new_sentence:
                    back -= 1
                    own[back] = own[back].taken_back()
            # A negation before a list negates the whole list, not its first item: "not L4,
            # L5 or S1", "aucune de L4, L5, S1", "ليس L4 و L5 و S1". It holds over each piece
            # that opens with what it names, until one says something first ("not C1 but L4",
            # "…, maybe L5") or a new sentence begins ("not C1; L4"). A text answer names one
            # thing: there a comma corrects ("pas une lombalgie, une sciatique") and only
            # "or" goes on with the list ("not sciatica or low back pain").
            lists = question.kind == SET or piece.alternative
            if own and reading.opens_with_item and lists and not piece.new_sentence:
                if own[-1].negation_open:
                    reading = reading.denied()
                elif own[-1].effects_open:  # "foraminal stenosis causing X and Y": Y too
                    reading = reading.as_effects()
            # "degenerative disc disease and spinal osteoarthritis, due to foraminal stenosis":
            # the list before, in this sentence, names effects of the subject, no causes.
            back, start = len(own) - 1, piece
            while reading.effects_before and back >= 0 and not start.new_sentence:
                own[back] = own[back].as_effects()
                start, back = own[back].piece, back - 1
            own.append(reading)
        # A belief given up takes back the whole answer before it, not only its last item:
        # "I thought L4, L5 and S1 but no", "L4, L5, S1, not anymore", "L4 و L5 و S1 كلها
        # خطأ". What follows it stands ("I thought L5 but no, S1").
        given_up = next(
            (
                index
                for index, reading in enumerate(own)
                if reading.withdraws_all or (reading.withdraws and own[0].past_belief)
            ),
            None,
        )
        if given_up is not None:
            own[: given_up + 1] = [reading.taken_back() for reading in own[: given_up + 1]]
        readings += matcher.shared(own) if len(own) > 1 else own
    # An answer negated anywhere is not given ("L4 to S1 except L5": the range named L5 too),
    # nor one whose narrower form is ("dolor de espalda, no en la zona lumbar").
    removed = [segment for reading in readings for segment in reading.negated]
    if removed:
        negated = {
            answer.answer.key
            for reading in readings
            for answer in reading.answers
            if matcher.contradicted([answer], removed)
        }
        readings = [reading.without_answers(negated) for reading in readings]
    return readings


@dataclasses.dataclass
class _Tally:
    """What the readings of one answer add up to."""

    found: dict[str, AnswerKey] = dataclasses.field(default_factory=dict)
    wrong: list[str] = dataclasses.field(default_factory=list)
    wrong_keys: set[str] = dataclasses.field(default_factory=set)
    typos: list[Typo] = dataclasses.field(default_factory=list)
    duplicate: list[str] = dataclasses.field(default_factory=list)
    hint_key: str = ""
    hint: str = ""

    def right(self, reading: Reading, language: str) -> None:
        for segment in reading.answers:
            if segment.answer.key in self.found:
                self.duplicate.append(_typed(reading, segment, language))
                continue
            self.found[segment.answer.key] = segment.answer
            if segment.typo:
                typed = _typed(reading, segment, language)
                self.typos.append(dataclasses.replace(segment.typo, given=typed))

    def wrong_item(self, label: str, segment: Segment | None = None) -> None:
        """A wrong item counts once, however often and in how many spellings it is named
        ("bunion, bunions, hallux valgus" is one known wrong answer)."""
        key = segment.wrong.key if segment is not None and segment.wrong is not None else None
        if key is not None and key in self.wrong_keys:
            return
        if fold(label) not in {fold(item) for item in self.wrong}:
            self.wrong.append(label)
            if key is not None:
                self.wrong_keys.add(key)

    def hint_from(self, reading: Reading) -> None:
        for segment in reading.wrong:
            if segment.wrong is not None and not self.hint_key:
                self.hint_key, self.hint = segment.wrong.key, segment.wrong.hint

    def feedback(self, **fields) -> Feedback:
        return Feedback(hint_key=self.hint_key, hint=self.hint, **fields)


def _typed(reading: Reading, segment: Segment, language: str) -> str:
    """A segment's words as the learner typed them, for feedback."""
    return as_typed(reading.piece.text, segment.given.split(), language)


def _grade_text(question: QuestionKey, answer: dict) -> Grade:
    """Right when the answer names the key and no second candidate (see the module doc)."""
    tally = _Tally()
    readings = list(_readings(question, [answer["text"]]))
    offers_alternatives = any(reading.piece.alternative for reading in readings)
    for reading in readings:
        tally.right(reading, question.language)
        tally.hint_from(reading)
        for segment in reading.wrong:
            tally.wrong_item(_typed(reading, segment, question.language), segment)
        if (
            not reading.answers
            and not reading.empty
            and not _is_detail(reading, offers_alternatives)
        ):
            tally.wrong_item(reading.piece.text)
    correct = bool(tally.found) and not tally.wrong
    if correct:
        feedback = tally.feedback(
            right=tuple(_canonical(a) for a in tally.found.values()), typos=tuple(tally.typos)
        )
    else:
        feedback = tally.feedback(
            missing=(_canonical(question.answers[0]),), wrong=(" ".join(answer["text"].split()),)
        )
    return Grade(
        float(question.points) if correct else 0.0, float(question.points), correct, feedback
    )


def _is_detail(reading: Reading, offers_alternatives: bool = False) -> bool:
    """A piece of a text answer that names no answer yet is fine: it names known terms of
    another kind (a level, a body region) and nothing of the kind asked for, or it explains
    ("…, because they test the nerves"). Where the answer offers alternatives ("X or Y"), a
    piece is detail only when it says where: "central stenosis in the upper back or neck"
    offers no second condition, but "… or a podiatrist", "a neurologist or heel spurs" and
    "heel spurs or the neck" each offer a second answer."""
    if reading.piece.alternative and not reading.only_details:
        return False  # "… or a lumbar puncture", "… or a hip muscle": a second answer
    if offers_alternatives and not reading.only_details and not reading.clause:
        return False  # "heel spurs or the neck": the piece before "or" is an answer too
    return (bool(reading.details) or reading.clause) and not reading.wrong


def _grade_set(question: QuestionKey, answer: dict) -> Grade:
    tally = _Tally()
    placed = False  # the piece before named an item and where it is ("numbness in the legs")
    for reading in _readings(question, answer["items"]):
        tally.hint_from(reading)
        if reading.answers:
            tally.right(reading, question.language)
            for segment in reading.wrong:
                tally.wrong_item(_typed(reading, segment, question.language), segment)
            placed = True  # more places of it may follow ("numbness, especially in the feet")
        elif placed and reading.only_places:
            continue  # "…in the thighs, lower legs and feet": more places of that item
        elif not reading.empty:
            placed = False
            # Each known term in a piece that names no item is a wrong item of its own, but a
            # place the question is about ("cramps in the legs" is one wrong item).
            named = reading.wrong + tuple(s for s in reading.details if not s.place)
            if len(named) > 1:
                for segment in named:
                    tally.wrong_item(_typed(reading, segment, question.language), segment)
            else:
                tally.wrong_item(reading.piece.text, named[0] if named else None)
    needed = question.items_needed
    found = list(tally.found.values())
    keys = set(tally.found)
    missing = [] if len(found) >= needed else [a for a in question.answers if a.key not in keys]
    points = credit(question.points, right=len(found), wrong=len(tally.wrong), needed=needed)
    return Grade(
        points,
        float(question.points),
        len(found) >= needed and not tally.wrong,
        tally.feedback(
            right=tuple(_canonical(a) for a in found),
            missing=tuple(_canonical(a) for a in missing),
            wrong=tuple(tally.wrong),
            typos=tuple(tally.typos),
            duplicate=tuple(tally.duplicate),
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
    if len(kept) == 1 and n > 1:
        kept = set()  # one item is in no order with anything: nothing to name as right
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
