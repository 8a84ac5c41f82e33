"""Answer keys for the grader tests, built directly (no database). English mirrors the real
question bank (learning/content/factsheet/quizzes/); es/fr/ar are plausible translations."""

from quizzes import grading
from quizzes.grading import AnswerKey, ChoiceKey, QuestionKey

# Synonyms per language, as selectors.answer_key composes them: the learner's language first,
# then English. English mirrors the bank; es/fr/ar are plausible translations.

ROOTS = {
    "en": {
        "l4": ["L4", "L4 nerve root", "L4 root"],
        "l5": ["L5", "L5 nerve root", "L5 root"],
        "s1": ["S1", "S1 nerve root", "S1 root"],
    },
    "es": {
        "l4": ["L4", "raíz nerviosa L4", "raíz L4"],
        "l5": ["L5", "raíz nerviosa L5", "raíz L5"],
        "s1": ["S1", "raíz nerviosa S1", "raíz S1"],
    },
    "fr": {
        "l4": ["L4", "racine nerveuse L4", "racine L4"],
        "l5": ["L5", "racine nerveuse L5", "racine L5"],
        "s1": ["S1", "racine nerveuse S1", "racine S1"],
    },
    "ar": {
        "l4": ["L4", "الجذر العصبي L4", "جذر L4"],
        "l5": ["L5", "الجذر العصبي L5", "جذر L5"],
        "s1": ["S1", "الجذر العصبي S1", "جذر S1"],
    },
}
ROOTS_PROMPT = {
    "en": "Which nerve roots serve the foot?",
    "es": "¿Qué raíces nerviosas inervan el pie?",
    "fr": "Quelles racines nerveuses desservent le pied ?",
    "ar": "ما جذور الأعصاب التي تغذي القدم؟",
}

FOOT = {
    "en": {
        "heel-spur": [
            "heel spurs",
            "heel spur",
            "calcaneal spur",
            "calcaneal spurs",
            "heel bone spur",
            "heel bone spurs",
            "bone spur in the heel",
            "bone spurs in the heel",
        ],
        "tendonitis": ["tendonitis", "tendinitis", "tendon inflammation"],
        "plantar-fasciitis": [
            "plantar fasciitis",
            "plantar fasciopathy",
            "plantar fascia inflammation",
        ],
        "metatarsalgia": [
            "metatarsalgia",
            "ball of foot pain",
            "ball-of-foot pain",
            "ball of the foot pain",
            "pain in the ball of the foot",
        ],
    },
    "es": {
        "heel-spur": [
            "espolón calcáneo",
            "espolones calcáneos",
            "espolón del talón",
            "espolones del talón",
        ],
        "tendonitis": ["tendinitis", "tendonitis"],
        "plantar-fasciitis": ["fascitis plantar", "fasciitis plantar"],
        "metatarsalgia": ["metatarsalgia", "dolor en la parte delantera del pie"],
    },
    "fr": {
        "heel-spur": ["épine calcanéenne", "épines calcanéennes", "épine de Lenoir"],
        "tendonitis": ["tendinite", "tendinites"],
        "plantar-fasciitis": ["fasciite plantaire", "aponévrosite plantaire"],
        "metatarsalgia": ["métatarsalgie", "métatarsalgies"],
    },
    "ar": {
        "heel-spur": ["مهماز العقب", "شوكة العقب", "نتوء عظمي في الكعب"],
        "tendonitis": ["التهاب الوتر", "التهاب الأوتار"],
        "plantar-fasciitis": ["التهاب اللفافة الأخمصية"],
        "metatarsalgia": ["ألم مشط القدم"],
    },
}
FOOT_PROMPT = {
    "en": "Name four local foot conditions that can cause foot pain without any nerve problem.",
    "es": "Nombra cuatro afecciones locales del pie que pueden causar dolor sin ningún problema "
    "nervioso.",
    "fr": "Nommez quatre affections locales du pied qui peuvent causer une douleur sans problème "
    "nerveux.",
    "ar": "اذكر أربع حالات موضعية في القدم قد تسبب الألم دون أي مشكلة عصبية.",
}

SYMPTOMS = {
    "tingling": ["tingling", "tingle", "tingles", "tingly feeling"],
    "weakness": ["weakness", "muscle weakness", "weak muscles"],
    "numbness": ["numbness", "numb", "loss of feeling", "loss of sensation"],
}
TEXT_ANSWERS = {
    "specialist-to-consult": [
        "neurologist",
        "neurologists",
        "a neurologist",
        "qualified neurologist",
        "a qualified neurologist",
        "nerve specialist",
    ],
    "foot-roots-with-which-pain": [
        "low back pain",
        "lower back pain",
        "low-back pain",
        "lower-back pain",
        "back pain",
        "lumbar pain",
        "lumbago",
    ],
    "piriformis": [
        "piriformis",
        "piriformis muscle",
        "the piriformis",
        "the piriformis muscle",
        "piriformis syndrome",
    ],
    "herniated-disc": [
        "herniated discs",
        "herniated disc",
        "herniated disks",
        "herniated disk",
        "disc herniation",
        "slipped disc",
    ],
    "root-level": ["L5"],  # a code: never typo-forgiven
    "years-later": ["25 years"],  # a number inside a text answer: never typo-forgiven
}


def words(text: str) -> frozenset[str]:
    """Folded prompt words, as selectors._prompt_words takes them (no words with digits)."""
    return frozenset(w for w in grading.fold(text).split() if not any(c.isdigit() for c in w))


def in_language(table: dict, language: str) -> tuple[AnswerKey, ...]:
    """The learner's language's spellings first, then the English ones it lacks."""
    answers = []
    for key, english in table["en"].items():
        spellings = list(table[language][key]) if language != "en" else []
        spellings += [s for s in english if s not in spellings]
        answers.append(AnswerKey(key, tuple(spellings)))
    return tuple(answers)


def set_key(table, prompts, language, *, points, distinguishing=frozenset()) -> QuestionKey:
    """A set question; `distinguishing` are prompt words that also tell one answer from another,
    which the selector keeps out of the filler."""
    filler = (words(prompts["en"]) | words(prompts[language])) - distinguishing
    return QuestionKey(
        id=1,
        kind=grading.SET,
        points=points,
        language=language,
        answers=in_language(table, language),
        needed=len(table["en"]),
        filler=filler,
    )


KEYS: dict[tuple[str, str], QuestionKey] = {}
for _language in ("en", "es", "fr", "ar"):
    KEYS["foot-nerve-roots", _language] = set_key(ROOTS, ROOTS_PROMPT, _language, points=3)
    KEYS["local-foot-conditions", _language] = set_key(
        FOOT, FOOT_PROMPT, _language, points=4, distinguishing=frozenset({"foot", "pain"})
    )
KEYS["symptoms-common-in-legs", "en"] = set_key(
    {"en": SYMPTOMS},
    {"en": "Besides pain, name three symptoms that are especially common in the legs and feet."},
    "en",
    points=3,
)
for _name, _synonyms in TEXT_ANSWERS.items():
    KEYS[_name, "en"] = QuestionKey(
        id=2, kind=grading.TEXT, points=1, answers=(AnswerKey(_name, tuple(_synonyms)),)
    )
KEYS["usual-theory", "en"] = QuestionKey(
    id=3,
    kind=grading.SINGLE,
    points=1,
    choices=(
        ChoiceKey(101, "Compression of the nerve roots at L4, L5 and S1", correct=True),
        ChoiceKey(102, "Tight calf muscles"),
        ChoiceKey(103, "A swollen knee joint"),
        ChoiceKey(104, "Thinning of the small bones of the foot"),
    ),
)
KEYS["what-the-foot-roots-control", "en"] = QuestionKey(
    id=4,
    kind=grading.MULTIPLE,
    points=2,
    choices=(
        ChoiceKey(111, "The muscles of the feet", correct=True),
        ChoiceKey(112, "Sensation in the feet", correct=True),
        ChoiceKey(113, "The growth of the foot bones"),
        ChoiceKey(114, "The blood flow to the toes"),
    ),
)
KEYS["foot-roots-only-carry-feeling", "en"] = QuestionKey(
    id=5, kind=grading.TRUE_FALSE, points=1, truth=False
)
KEYS["foot-root-levels-order", "en"] = QuestionKey(
    id=6,
    kind=grading.ORDER,
    points=2,
    choices=(
        ChoiceKey(121, "L4", position=1),
        ChoiceKey(122, "L5", position=2),
        ChoiceKey(123, "S1", position=3),
    ),
)
KEYS["disc-and-stenosis-match", "en"] = QuestionKey(
    id=7,
    kind=grading.MATCH,
    points=3,
    choices=(
        ChoiceKey(131, "Herniated discs", side="left", pair="herniated-discs"),
        ChoiceKey(132, "The cause most often named", side="right", pair="herniated-discs"),
        ChoiceKey(133, "Foraminal stenosis", side="left", pair="foraminal-stenosis"),
        ChoiceKey(134, "Narrowing where one root exits", side="right", pair="foraminal-stenosis"),
        ChoiceKey(135, "Lumbar spinal stenosis", side="left", pair="lumbar-spinal-stenosis"),
        ChoiceKey(136, "The whole cauda equina", side="right", pair="lumbar-spinal-stenosis"),
    ),
)
KEYS["number-of-foot-nerve-roots", "en"] = QuestionKey(
    id=8, kind=grading.NUMBER, points=1, number=3, tolerance=0
)
KEYS["degrees-of-tilt", "en"] = QuestionKey(  # a number with a tolerance
    id=9, kind=grading.NUMBER, points=2, number=12.5, tolerance=0.5
)
