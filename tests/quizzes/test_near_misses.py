"""Wrong answers that read like right ones, and right ones that read like hedges, found by
probing the grader with what learners type (2026-11-30): each in the bank's real keys."""

import pytest

from quizzes import grading
from tests.quizzes.keys import bank, points, real_key

SPECIALIST, NECK = "specialist-to-consult", "central-stenosis-neck"
COMPRESSOR, FOOT_Q = "most-common-root-compressor", "local-foot-conditions"
MUSCLE, TRIO = "muscle-that-squeezes-sciatic-nerve", "leg-and-foot-symptom-trio"
LSS = "lumbar-spinal-stenosis-name"


WRONG = [
    # Another specialist, whatever the language (the lexicon knows them).
    (SPECIALIST, "en", "pneumologist"),
    (SPECIALIST, "es", "neumólogo"),
    (SPECIALIST, "fr", "pneumologue"),
    (SPECIALIST, "ar", "طبيب الأعشاب"),
    # A second candidate in the same phrase, no comma between.
    (SPECIALIST, "en", "neurologist dentist"),
    (SPECIALIST, "es", "neurólogo dentista"),
    (SPECIALIST, "fr", "neurologue dentiste"),
    (SPECIALIST, "ar", "طبيب الأعصاب طبيب الأسنان"),
    (MUSCLE, "en", "piriformis tensor fasciae latae"),
    (MUSCLE, "en", "piriformis glute"),
    # A word that makes the answer another known thing.
    (COMPRESSOR, "es", "hernia inguinal"),
    (COMPRESSOR, "es", "hernia de hiato"),
    (COMPRESSOR, "fr", "hernie inguinale"),
    (COMPRESSOR, "fr", "hernie de la paroi abdominale"),
    (NECK, "en", "femoral neck"),
    (NECK, "en", "neck of the femur"),
    (NECK, "en", "bladder neck"),
    (NECK, "es", "cuello uterino"),
    (NECK, "es", "cuello femoral"),
    (NECK, "ar", "عنق الرحم"),
    (NECK, "ar", "عنق المثانة"),
    (MUSCLE, "es", "músculo piramidal del abdomen"),
    (MUSCLE, "fr", "muscle pyramidal de l'abdomen"),
    (MUSCLE, "fr", "faisceau pyramidal"),
    # Even with the words apart: foraminal stenosis, in the lower back.
    (LSS, "en", "foraminal lumbar stenosis"),
    (LSS, "en", "foraminal stenosis of the lumbar spine"),
    (LSS, "en", "lateral lumbar stenosis"),
    # More that the lexicon now knows.
    (NECK, "en", "tooth neck"),
    (NECK, "en", "surgical neck"),
    (NECK, "es", "cuello del diente"),
    (NECK, "ar", "عنق السن"),
    (SPECIALIST, "en", "neurotologist"),
    # The prompt's own "and" does not join a second candidate to the answer.
    ("name-the-common-leg-pain", "en", "sciatica and upper back pain"),
]


@pytest.mark.parametrize("question, language, answer", WRONG)
def test_a_wrong_answer_that_reads_like_the_key_earns_nothing(question, language, answer):
    assert points(question, language, answer) == 0


# A condition placed in a muscle of another region is another condition.
@pytest.mark.parametrize("tendon", ["hamstring", "rotator cuff", "biceps"])
def test_tendonitis_of_a_muscle_elsewhere_is_no_foot_condition(tendon):
    answer = ["heel spurs", f"{tendon} tendonitis", "plantar fasciitis", "metatarsalgia"]
    assert points(FOOT_Q, "en", answer) == 3
    assert points(FOOT_Q, "en", [*answer[:1], "achilles tendonitis", *answer[2:]]) == 4


RIGHT = [
    # The question's own words, "or" included, around the answer.
    (SPECIALIST, "en", "a neurologist to confirm or rule out a link"),
    (SPECIALIST, "es", "un neurólogo para confirmar o descartar la relación"),
    (SPECIALIST, "fr", "un neurologue pour confirmer ou écarter le lien"),
    (SPECIALIST, "ar", "طبيب الأعصاب لتأكيد الصلة أو استبعادها"),
    (SPECIALIST, "en", "a qualified neurologist"),
    (SPECIALIST, "en", "neurologist for nerve conduction tests"),
    (NECK, "en", "the neck"),
    (NECK, "es", "el cuello"),
    (NECK, "ar", "الرقبة"),
    (COMPRESSOR, "es", "hernia discal"),
    (COMPRESSOR, "fr", "hernie discale"),
    (MUSCLE, "es", "músculo piramidal"),
    (LSS, "en", "central lumbar stenosis"),
    (LSS, "en", "severe lumbar spinal stenosis"),
    ("name-the-common-leg-pain", "ar", "عرق النسى"),
    ("foot-roots-with-which-pain", "ar", "وجع الضهر"),
    # Words of the answer's own spellings beside it are detail, not another thing.
    (LSS, "en", "lumbar spinal stenosis (central canal)"),
    (LSS, "en", "spinal stenosis of the lower back"),
    (LSS, "en", "lumbar spinal stenosis pain"),  # pain says it hurts, it names nothing else
    (LSS, "es", "dolor de estenosis lumbar"),
    # Detail after "or" is no second candidate.
    ("pattern-rule-exception", "en", "central stenosis in the upper back or neck"),
    # Variant spellings that are words of their own, accepted as such.
    (MUSCLE, "en", "pyriform muscle"),
    ("name-the-common-leg-pain", "es", "ceática"),
    ("foot-roots-with-which-pain", "fr", "lombago"),
    (SPECIALIST, "ar", "استشاري مخ وأعصاب"),
    (NECK, "en", "necks"),
    (NECK, "fr", "cous"),
    # The place said as the course says it, in each language.
    (LSS, "en", "narrowing of the spinal canal in the lower back"),
    (LSS, "fr", "sténose du canal rachidien lombaire"),
    (LSS, "fr", "rétrécissement du canal rachidien dans le bas du dos"),
    (LSS, "es", "estenosis del canal vertebral en la parte baja de la espalda"),
    (LSS, "ar", "تضيق القناة الشوكية في أسفل الظهر"),
    ("foot-roots-with-which-pain", "fr", "mal aux lombaires"),
    ("foot-roots-with-which-pain", "ar", "ألم في الجزء السفلي من الظهر"),
]


@pytest.mark.parametrize("question, language, answer", RIGHT)
def test_a_right_answer_as_learners_type_it_earns_full_points(question, language, answer):
    key = real_key(question, language)
    assert points(question, language, answer) == key.points


@pytest.mark.parametrize("hedge", ["a neurologist or a podiatrist", "neurologist, or confirm"])
def test_the_prompts_or_is_no_licence_to_hedge(hedge):
    assert points(SPECIALIST, "en", hedge) == 0


SETS = [
    (TRIO, "en", ["hypesthesia", "tingling", "weakness"], 3),
    (TRIO, "es", ["entomecimiento", "hormigueo", "debilidad"], 3),
    (TRIO, "ar", ["الوخز", "الخدر", "فقدان القوة"], 3),  # as the Arabic explanation says it
    (FOOT_Q, "en", ["heel spurs", "tendonitis", "plantar fasciitis", "metacarpalgia"], 3),
    (FOOT_Q, "en", ["spurs on the heel", "tendonitis", "plantar fasciitis", "metatarsal pain"], 4),
    (FOOT_Q, "en", ["heel spur pain", "tendonitis", "plantar fasciitis", "metatarsalgia"], 4),
    ("foraminal-stenosis-causes", "en", ["wear and tear of the discs", "spinal osteoarthritis"], 2),
    ("foraminal-stenosis-causes", "en", ["degenerative disc disease", "spondylolysis"], 1),
]


@pytest.mark.parametrize("question, language, items, expected", SETS)
def test_items_named_as_learners_do(question, language, items, expected):
    assert points(question, language, items) == expected


# Detail a learner puts around a right answer, per language ({} is the answer).
AROUND = {
    "en": ["severe {}", "chronic {}", "I think it's {}", "{} probably", "{} on the left side"],
    "es": ["{} severa", "{} crónica", "creo que {}", "{} en el lado izquierdo"],
    "fr": ["{} sévère", "{} chronique", "je pense que {}", "{} du côté gauche"],
    "ar": ["{} شديد", "{} مزمن", "أعتقد {}", "{} في الجانب الأيسر"],
}


@pytest.mark.parametrize("language", list(AROUND))
def test_detail_around_any_accepted_spelling_keeps_its_credit(language):
    """Over the whole bank: the near-miss rules (real words, blends, places) never take
    credit from a right answer said with ordinary detail around it."""
    refused = []
    for question, spec in bank().items():
        if spec.kind not in (grading.TEXT, grading.SET):
            continue
        key = real_key(question, language)
        for answer in key.answers:
            for synonym in answer.synonyms[:4]:
                for pattern in AROUND[language]:
                    text = pattern.format(synonym)
                    if points(question, language, [text] if key.kind == grading.SET else text) == 0:
                        refused.append(f"{question}: {text}")
    assert refused == []
