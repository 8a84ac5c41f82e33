"""Properties of the grader (hypothesis): what a learner types differently but means the same
grades the same; a wrong level or number is never accepted; points stay in [0, points]; a known
wrong term added to a right answer never raises its score; a forgiven typo is never another
known term, nor as close to one as to its key."""

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from core.codes import ErrorCode
from quizzes import grading
from quizzes.grading.lexicon import term_words
from quizzes.grading.matching import Matcher
from tests.quizzes.keys import KEYS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AND = {"en": [" and "], "es": [" y ", " and "], "fr": [" et ", " and "], "ar": [" و ", " and "]}
SEPARATORS = [", ", "; ", " / ", " & ", "\n"]
WRONG_ITEMS = {
    "foot-nerve-roots": ["L3", "S2", "C5", "sciatic nerve"],
    "local-foot-conditions": ["sciatica", "neuropathy", "herniated disc", "gout"],
}
SET_QUESTIONS = [(name, language) for name in WRONG_ITEMS for language in ("en", "es", "fr", "ar")]
# Accented forms of ASCII letters (precomposed, as a phone keyboard types them).
ACCENTED = {
    "a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ", "c": "ç", "l": "ĺ", "s": "ś",
    "y": "ý", "t": "ţ", "r": "ŕ", "d": "ď", "g": "ğ", "z": "ž",
    "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú", "N": "Ñ", "C": "Ç", "L": "Ĺ", "S": "Ś",
    "Y": "Ý", "T": "Ţ", "R": "Ŕ", "D": "Ď", "G": "Ğ", "Z": "Ž",
}  # fmt: skip


def outcome(key: grading.QuestionKey, answer: dict) -> tuple[float, bool]:
    grade = grading.grade(key, grading.validate_answer(key, answer))
    return grade.points, grade.correct


@st.composite
def set_answers(draw, name: str, language: str):
    """(key, items): some accepted items in one of their spellings (learner's language or
    English), maybe a wrong one, each item its own string or several joined by separators."""
    key = KEYS[name, language]
    chosen = draw(st.lists(st.sampled_from(key.answers), min_size=1, unique=True))
    items = [draw(st.sampled_from(answer.synonyms)) for answer in chosen]
    if draw(st.booleans()):
        items.append(draw(st.sampled_from(WRONG_ITEMS[name])))
    items = draw(st.permutations(items))
    strings, current = [], items[0]
    for item in items[1:]:
        if draw(st.booleans()):
            strings.append(current)
            current = item
        else:
            separator = draw(st.sampled_from(SEPARATORS + AND[language]))
            current = f"{current}{separator}{item}"
    strings.append(current)
    return key, strings


SET_ANSWERS = st.sampled_from(SET_QUESTIONS).flatmap(lambda question: set_answers(*question))


@SETTINGS
@given(case=SET_ANSWERS, change=st.sampled_from(["upper", "lower", "swapcase"]))
def test_grading_ignores_case(case, change):
    key, items = case
    changed = [getattr(item, change)() for item in items]
    assert outcome(key, {"items": changed}) == outcome(key, {"items": items}), changed


@SETTINGS
@given(case=SET_ANSWERS, data=st.data())
def test_grading_ignores_extra_spaces(case, data):
    key, items = case

    def spaced(item: str) -> str:
        pad = data.draw(st.sampled_from(["", " ", "  ", "\t"]))
        inner = data.draw(st.sampled_from([" ", "  ", "   "]))
        return pad + item.replace(" ", inner).replace(",", " ,") + pad

    changed = [spaced(item) for item in items]
    assert outcome(key, {"items": changed}) == outcome(key, {"items": items}), changed


@SETTINGS
@given(case=SET_ANSWERS, data=st.data())
def test_grading_ignores_accents_added_to_ascii_letters(case, data):
    key, items = case

    def accented(item: str) -> str:
        flags = data.draw(st.lists(st.booleans(), min_size=len(item), max_size=len(item)))
        pairs = zip(item, flags, strict=True)
        return "".join(ACCENTED.get(char, char) if flag else char for char, flag in pairs)

    changed = [accented(item) for item in items]
    assert outcome(key, {"items": changed}) == outcome(key, {"items": items}), changed


@SETTINGS
@given(case=SET_ANSWERS, data=st.data())
def test_grading_ignores_item_order(case, data):
    key, items = case
    pieces = [piece for item in items for piece in grading.split_items(item, key.language)]
    shuffled = data.draw(st.permutations(pieces))
    assert outcome(key, {"items": list(shuffled)}) == outcome(key, {"items": pieces}), shuffled


# --- codes and numbers are never forgiven -------------------------------------------------

KEY_LEVELS = {"L4", "L5", "S1"}
OTHER_LEVELS = [level for level in grading.LEVEL_ORDER if level not in KEY_LEVELS]
LEVEL_SPELLINGS = ["{}{}", "{} {}", "{}-{}", "{}.{}"]


@st.composite
def level_text(draw, level: str) -> str:
    letter, number = level[0], level[1:]
    letter = draw(st.sampled_from([letter, letter.lower()]))
    text = draw(st.sampled_from(LEVEL_SPELLINGS)).format(letter, number)
    return draw(st.sampled_from(["{}", "{} nerve root", "{} root", "the {} root"])).format(text)


@SETTINGS
@given(data=st.data(), language=st.sampled_from(["en", "es", "fr", "ar"]))
def test_answer_off_by_one_spinal_level_is_never_fully_correct(data, language):
    key = KEYS["foot-nerve-roots", language]
    levels = data.draw(st.permutations(sorted(KEY_LEVELS)))
    wrong_at = data.draw(st.integers(0, 2))
    levels[wrong_at] = data.draw(st.sampled_from(OTHER_LEVELS))
    items = [data.draw(level_text(level)) for level in levels]
    joined = data.draw(st.booleans())
    answer = {"items": [", ".join(items)] if joined else items}
    points, correct = outcome(key, answer)
    assert not correct and points < key.points, answer


@SETTINGS
@given(level=st.sampled_from([level for level in grading.LEVEL_ORDER if level != "L5"]))
def test_text_answer_naming_another_level_is_never_correct(level):
    assert outcome(KEYS["root-level", "en"], {"text": level}) == (0, False)


@SETTINGS
@given(number=st.integers(0, 10_000).filter(lambda n: n != 25))
def test_text_answer_with_another_number_is_never_correct(number):
    assert outcome(KEYS["years-later", "en"], {"text": f"{number} years"}) == (0, False)


@SETTINGS
@given(
    value=st.one_of(
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    )
)
def test_number_outside_the_tolerance_is_never_correct(value):
    for name in ("number-of-foot-nerve-roots", "degrees-of-tilt"):
        key = KEYS[name, "en"]
        points, correct = outcome(key, {"value": value})
        inside = abs(value - key.number) <= key.tolerance
        assert correct is inside, (name, value)
        assert points == (key.points if inside else 0)


# --- points stay within [0, points]; validated answers always grade -----------------------

TEXT_QUESTIONS = [name for (name, language), key in KEYS.items() if key.kind == grading.TEXT]


def assert_in_range(key: grading.QuestionKey, answer) -> None:
    try:
        cleaned = grading.validate_answer(key, answer)
    except grading.AnswerError:
        return
    grade = grading.grade(key, cleaned)
    assert 0 <= grade.points <= key.points, (answer, grade)
    assert grade.max_points == key.points
    assert grade.correct == (grade.points == key.points), (answer, grade)
    assert isinstance(grade.feedback.as_dict(), dict)


@SETTINGS
@given(
    question=st.sampled_from(SET_QUESTIONS + [("leg-and-foot-symptom-trio", "en")]),
    items=st.lists(st.text(max_size=40), max_size=8),
)
def test_set_points_stay_in_range_for_any_text(question, items):
    assert_in_range(KEYS[question], {"items": items})


@SETTINGS
@given(
    question=st.sampled_from(SET_QUESTIONS),
    items=st.lists(
        st.sampled_from(
            ["L4", "l5", "S1", "L3", "heel spur", "tendinitis", "metatarsalgia", "plantar"]
            + [" and ", ", ", " y ", " و", "–", "/", "il y a", "وتر", "🙂", "  "]
        ),
        max_size=12,
    ).map(lambda parts: ["".join(parts)]),
)
def test_set_points_stay_in_range_for_near_miss_text(question, items):
    assert_in_range(KEYS[question], {"items": items})


@SETTINGS
@given(name=st.sampled_from(TEXT_QUESTIONS), text=st.text(max_size=80))
def test_text_points_stay_in_range_for_any_text(name, text):
    assert_in_range(KEYS[name, "en"], {"text": text})


@SETTINGS
@given(data=st.data())
def test_choice_points_stay_in_range_for_any_subset(data):
    multiple = KEYS["what-the-foot-roots-control", "en"]
    ids = [choice.id for choice in multiple.choices]
    assert_in_range(multiple, {"choices": data.draw(st.lists(st.sampled_from(ids), unique=True))})
    single = KEYS["usual-theory-of-back-and-foot-pain", "en"]
    choice = data.draw(st.sampled_from([choice.id for choice in single.choices]))
    assert_in_range(single, {"choice": choice})


@SETTINGS
@given(data=st.data())
def test_order_and_match_points_stay_in_range(data):
    order = KEYS["foot-root-levels-order", "en"]
    ids = [choice.id for choice in order.choices]
    assert_in_range(order, {"order": data.draw(st.permutations(ids))})
    match = KEYS["disc-and-stenosis-match", "en"]
    lefts = [str(c.id) for c in match.choices if c.side == "left"]
    rights = [c.id for c in match.choices if c.side == "right"]
    pairs = data.draw(st.dictionaries(st.sampled_from(lefts), st.sampled_from(rights)))
    assert_in_range(match, {"pairs": pairs})


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from([101, 111, 112, 121, 122, 123, 131, 132, "131", 10**400]),
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(
            st.sampled_from(
                ["choice", "choices", "value", "text", "items", "order", "pairs", "131"]
            )
            | st.text(max_size=5),
            children,
            max_size=3,
        )
    ),
    max_leaves=12,
)


@SETTINGS
@given(key=st.sampled_from(list(KEYS.values())), answer=JSON)
def test_any_json_is_refused_with_a_code_or_graded(key, answer):
    """validate_answer raises only AnswerError; whatever it accepts, grade accepts."""
    try:
        cleaned = grading.validate_answer(key, answer)
    except grading.AnswerError as refused:
        assert refused.code in {
            ErrorCode.INVALID_ANSWER,
            ErrorCode.UNKNOWN_CHOICE,
            ErrorCode.ITEM_TOO_LONG,
            ErrorCode.TOO_MANY_ITEMS,
            ErrorCode.EMPTY_ANSWER,
            ErrorCode.INVALID_ORDER,
        }
        return
    grade = grading.grade(key, cleaned)
    assert 0 <= grade.points <= key.points
    assert not math.isnan(grade.points)


@pytest.mark.parametrize(("name", "language"), SET_QUESTIONS)
def test_every_spelling_of_the_key_is_accepted(name, language):
    """The base the properties build on: each synonym alone names its item."""
    key = KEYS[name, language]
    for answer in key.answers:
        for synonym in answer.synonyms:
            grade = grading.grade(key, grading.validate_answer(key, {"items": [synonym]}))
            assert grade.feedback.right == (answer.synonyms[0],), (synonym, grade.feedback)
            assert grade.feedback.wrong == (), (synonym, grade.feedback)


# --- v2: known wrong terms never help; forgiven typos are never another known term ------------

TEXT_AND_SET = [
    (name, language)
    for (name, language), key in KEYS.items()
    if key.kind in (grading.TEXT, grading.SET) and key.lexicon is not grading.NO_LEXICON
]


def known_wrong_terms(key: grading.QuestionKey) -> list[str]:
    """The question's known wrong answers and the lexicon's terms of the kind it asks for."""
    own = {term_words(s, key.language) for a in key.answers for s in a.synonyms}
    found = [s for wrong in key.wrong_answers for s in wrong.spellings]
    found += [
        term.spelling
        for term in key.lexicon.terms
        if term.category == key.category and term_words(term.spelling, key.language) not in own
    ]
    return sorted(set(found))


@st.composite
def right_answers(draw, name: str, language: str):
    """(key, answer) where the answer earns full points in one of its spellings."""
    key = KEYS[name, language]
    if key.kind == grading.TEXT:
        return key, {"text": draw(st.sampled_from(key.answers[0].synonyms))}
    chosen = draw(st.permutations(key.answers))[: key.items_needed]
    return key, {"items": [draw(st.sampled_from(answer.synonyms)) for answer in chosen]}


RIGHT_ANSWERS = st.sampled_from(TEXT_AND_SET).flatmap(lambda case: right_answers(*case))


@SETTINGS
@given(case=RIGHT_ANSWERS, data=st.data())
def test_adding_a_known_wrong_term_never_raises_the_score(case, data):
    key, answer = case
    before = outcome(key, answer)
    wrong = data.draw(st.sampled_from(known_wrong_terms(key)))
    how = data.draw(st.sampled_from(["item", "comma", "and", "or", "run", "before"]))
    if key.kind == grading.SET and how == "item":
        changed = {"items": [*answer["items"], wrong]}
    else:
        field = "text" if key.kind == grading.TEXT else "items"
        text = answer["text"] if field == "text" else answer["items"][-1]
        joined = {
            "item": f"{text}, {wrong}",
            "comma": f"{text}, {wrong}",
            "and": f"{text} and {wrong}",
            "or": f"{text} or {wrong}",
            "run": f"{text} {wrong}",
            "before": f"{wrong} {text}",
        }[how]
        changed = (
            {"text": joined} if field == "text" else {"items": [*answer["items"][:-1], joined]}
        )
    after = outcome(key, changed)
    assert after[0] <= before[0], (answer, changed, before, after)
    assert before == (key.points, True), f"the base answer {answer} is not right: {before}"


LETTERS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "es": "abcdefghijklmnopqrstuvwxyzáéíóúñ",
    "fr": "abcdefghijklmnopqrstuvwxyzéèàêç",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
}


@st.composite
def typos(draw, name: str, language: str):
    """(key, answer, answer key): one accepted spelling with one or two edits in a long word."""
    key = KEYS[name, language]
    answer = draw(st.sampled_from(key.answers))
    spelling = draw(st.sampled_from(answer.synonyms))
    words_ = spelling.split()
    long_words = [i for i, word in enumerate(words_) if word.isalpha() and len(word) >= 5]
    if not long_words:
        return key, None, answer
    index = draw(st.sampled_from(long_words))
    word = list(words_[index])
    for _edit in range(draw(st.integers(1, 2))):
        at = draw(st.integers(0, len(word) - 1))
        letter = draw(st.sampled_from(LETTERS[language]))
        operation = draw(st.sampled_from(["replace", "insert", "delete", "swap"]))
        if operation == "replace":
            word[at] = letter
        elif operation == "insert":
            word.insert(at, letter)
        elif operation == "delete" and len(word) > 1:
            del word[at]
        elif operation == "swap" and at + 1 < len(word):
            word[at], word[at + 1] = word[at + 1], word[at]
    words_[index] = "".join(word)
    typed = " ".join(words_)
    return key, ({"text": typed} if key.kind == grading.TEXT else {"items": [typed]}), answer


TYPOS = st.sampled_from(TEXT_AND_SET).flatmap(lambda case: typos(*case))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=TYPOS)
def test_no_forgiven_typo_is_or_is_nearer_another_known_term(case):
    """Forgiven typos are strictly closer to a spelling of their answer than to any other term
    of the lexicon (edits counted as the grader counts them: OSA, a swap is one edit)."""
    key, answer, _answer_key = case
    if answer is None:
        return
    try:
        grade = grading.grade(key, grading.validate_answer(key, answer))
    except grading.AnswerError:
        return
    spellings = {
        spelling.text: spelling for spelling in Matcher(key).spellings
    }  # the accepted spellings as the grader compares them (incl. without question words)
    for typo in grade.feedback.typos:
        given = " ".join(grading.words(typo.given, key.language))
        owner = spellings[typo.expected].answer
        own = {" ".join(s.tokens) for s in Matcher(key).spellings if s.answer.key == owner.key}
        to_key = min(OSA.distance(given, spelling) for spelling in own)
        for term in key.lexicon.joined:
            if term not in own:
                assert OSA.distance(given, term) > to_key, (typo, term, to_key)


# Negations that open a list, in each language (and English, which every answer may use).
LIST_NEGATIONS = {
    "en": ["not ", "none of ", "it's not ", "neither "],
    "es": ["no ", "ninguna de ", "no es ", "not "],
    "fr": ["pas ", "aucune de ", "ce n'est pas ", "not "],
    "ar": ["ليس ", "ليست ", "لا ", "not "],
}
OR = {"en": [" or "], "es": [" o ", " or "], "fr": [" ou ", " or "], "ar": [" أو ", " or "]}


@SETTINGS
@given(question=st.sampled_from(SET_QUESTIONS), data=st.data())
def test_a_negation_before_a_whole_list_credits_none_of_it(question, data):
    """ "not L4, L5 or S1": whatever the items, their spellings, order and separators, a list
    after a negation earns nothing."""
    key = KEYS[question]
    chosen = data.draw(st.permutations(key.answers))
    items = [data.draw(st.sampled_from(answer.synonyms)) for answer in chosen]
    separators = [", ", " , ", *AND[key.language], *OR[key.language]]
    text = items[0]
    for item in items[1:]:
        text += data.draw(st.sampled_from(separators)) + item
    negation = data.draw(st.sampled_from(LIST_NEGATIONS[key.language]))
    assert outcome(key, {"items": [text]}) == (key.points, True), f"{text!r} is not right"
    assert outcome(key, {"items": [negation + text]}) == (0, False), negation + text


@SETTINGS
@given(case=SET_ANSWERS, language_negation=st.data())
def test_prefixing_a_negation_never_raises_the_score(case, language_negation):
    key, items = case
    negation = language_negation.draw(st.sampled_from(LIST_NEGATIONS[key.language]))
    before = outcome(key, {"items": items})
    after = outcome(key, {"items": [negation + item for item in items]})
    # A negation reaches to the end of its sentence (";", a new line): "not sciatica; heel
    # spurs, …" takes back the wrong item only, which may earn what the rest alone earns.
    rest = [part for item in items if (part := re.split(r"[;\n]", item, maxsplit=1)[1:])]
    dropped = outcome(key, {"items": [part[0] for part in rest]})[0] if rest else 0
    assert after[0] <= max(before[0], dropped), (items, before, after)


# A belief given up, around a whole answer: (before, after) in each language.
GIVE_UPS = {
    "en": [
        ("I thought ", " but no"), ("", ", not anymore"), ("", " - all wrong"), ("", "? no"),
        ("", " - no"), ("", " are wrong"), ("", " wrong"), ("", ": incorrect"),
        ("", ", just kidding"),
    ],
    "es": [
        ("creía que ", " pero no"), ("", ", ya no"), ("", ", todas incorrectas"), ("", "? no"),
        ("", " - no"), ("", " están mal"), ("", ": falso"), ("", ", es broma"),
    ],
    "fr": [
        ("je pensais ", " mais non"), ("", ", plus maintenant"), ("", ", tous incorrects"),
        ("", " ? non"), ("", ". Non."), ("", " sont faux"), ("", " : faux"),
        ("", ", je plaisante"),
    ],
    "ar": [
        ("كنت أظن ", " لكن لا"), ("", "، لم يعد"), ("", " كلها خطأ"), ("", "؟ لا"), ("", " غلط"),
        ("", "، أمزح"),
    ],
}  # fmt: skip


@SETTINGS
@given(case=RIGHT_ANSWERS, data=st.data())
def test_a_right_answer_given_up_earns_nothing(case, data):
    """ "I thought L4, L5 and S1 but no", "ciática, ya no": whatever the right answer and its
    spelling, giving it up takes it all back."""
    key, answer = case
    text = answer["text"] if key.kind == grading.TEXT else ", ".join(answer["items"])
    before, after = data.draw(st.sampled_from(GIVE_UPS[key.language]))
    given_up = before + text + after
    changed = {"text": given_up} if key.kind == grading.TEXT else {"items": [given_up]}
    assert outcome(key, changed) == (0, False), given_up


# A "no" taken back as a joke, then the answer again: (between) in each language.
JOKES = {
    "en": ["? no, just kidding, ", "? no, I'm kidding, "],
    "es": ["? no, es broma, "],
    "fr": [" ? non, je plaisante, "],
    "ar": ["؟ لا، أمزح، "],
}


@SETTINGS
@given(case=RIGHT_ANSWERS, data=st.data())
def test_a_right_answer_said_again_after_a_joke_counts(case, data):
    """ "a neurologist? no, I'm kidding, a neurologist": the answer said last stands."""
    key, answer = case
    text = answer["text"] if key.kind == grading.TEXT else ", ".join(answer["items"])
    said = text + data.draw(st.sampled_from(JOKES[key.language])) + text
    changed = {"text": said} if key.kind == grading.TEXT else {"items": [said]}
    assert outcome(key, changed) == (key.points, True), said


# The subject of a question that asks for causes, said as the cause of the answer (its effect).
AS_EFFECTS = {
    "en": ["foraminal stenosis causing ", "foraminal stenosis leading to "],
    "es": ["la estenosis foraminal provoca ", "estenosis foraminal causando "],
    "fr": ["la sténose foraminale provoque ", "sténose foraminale entraînant "],
    "ar": ["تضيق الثقبة الفقرية يسبب "],
}


@SETTINGS
@given(language=st.sampled_from(["en", "es", "fr", "ar"]), data=st.data())
def test_causes_turned_into_effects_earn_nothing(language, data):
    """ "foraminal stenosis causing degenerative disc disease and spinal osteoarthritis": the
    causes asked for, named as effects of the question's subject, in any spelling and order."""
    key = KEYS["foraminal-stenosis-causes", language]
    chosen = data.draw(st.permutations(key.answers))
    items = [data.draw(st.sampled_from(answer.synonyms)) for answer in chosen]
    text = items[0] + data.draw(st.sampled_from([", ", *AND[language]])) + items[1]
    effects = data.draw(st.sampled_from(AS_EFFECTS[language])) + text
    assert outcome(key, {"items": [text]}) == (key.points, True), f"{text!r} is not right"
    assert outcome(key, {"items": [effects]}) == (0, False), effects


# The same subject named after the list as what caused it.
CAUSED_BY_SUBJECT = {
    "en": [", due to foraminal stenosis", " caused by foraminal stenosis"],
    "es": [", debido a la estenosis foraminal", " causadas por la estenosis foraminal"],
    "fr": [", à cause de la sténose foraminale", " dues à la sténose foraminale"],
    "ar": [" بسبب تضيق الثقبة الفقرية", "، بسبب تضيق الثقبة الفقرية"],
}


@SETTINGS
@given(language=st.sampled_from(["en", "es", "fr", "ar"]), data=st.data())
def test_causes_said_to_be_caused_by_the_subject_earn_nothing(language, data):
    """ "degenerative disc disease and spinal osteoarthritis, due to foraminal stenosis": the
    list before the subject's cause is its effects, in any spelling and order."""
    key = KEYS["foraminal-stenosis-causes", language]
    chosen = data.draw(st.permutations(key.answers))
    items = [data.draw(st.sampled_from(answer.synonyms)) for answer in chosen]
    text = items[0] + data.draw(st.sampled_from([", ", *AND[language]])) + items[1]
    effects = text + data.draw(st.sampled_from(CAUSED_BY_SUBJECT[language]))
    assert outcome(key, {"items": [effects]}) == (0, False), effects


def other_answers(name: str, language: str) -> list[str]:
    """Accepted answers of the bank's other text and set questions that say no place or level:
    offered beside a key after "or", each is a second answer."""
    key = KEYS[name, language]
    own = {grading.fold(s) for answer in key.answers for s in answer.synonyms}
    found = []
    for (other, other_language), other_key in KEYS.items():
        if other_language != language or other == name or other_key.id >= 900:
            continue  # 900 and up: keys made up for single rules, not the bank's
        for answer in other_key.answers:
            spelling = answer.synonyms[0]
            categories = key.lexicon.categories_of(term_words(spelling, language)) - {""}
            if grading.fold(spelling) not in own and categories - WHERE:
                found.append(spelling)
    return found


WHERE = {"region", "level", "anatomy"}
BANK_TEXT_QUESTIONS = sorted(
    {(name, language) for (name, language), key in KEYS.items() if key.kind == grading.TEXT}
    - {(name, language) for (name, language), key in KEYS.items() if key.id >= 900}
)


@SETTINGS
@given(question=st.sampled_from(BANK_TEXT_QUESTIONS), data=st.data())
def test_a_right_answer_or_another_questions_answer_is_not_right(question, data):
    key = KEYS[question]
    right = data.draw(st.sampled_from(key.answers[0].synonyms))
    other = data.draw(st.sampled_from(other_answers(*question)))
    word = data.draw(st.sampled_from(OR[key.language]))
    text = data.draw(st.sampled_from([right + word + other, other + word + right]))
    assert outcome(key, {"text": text}) == (0, False), text
