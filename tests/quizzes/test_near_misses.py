"""Wrong answers that read like right ones, and right ones that read like hedges, found by
probing the grader with what learners type (2026-11-30): each in the bank's real keys."""

import pytest

from quizzes import grading
from tests.quizzes.keys import bank, points, real_key

SPECIALIST, NECK = "specialist-to-consult", "central-stenosis-neck"
COMPRESSOR, FOOT_Q = "most-common-root-compressor", "local-foot-conditions"
MUSCLE, TRIO = "muscle-that-squeezes-sciatic-nerve", "leg-and-foot-symptom-trio"
LSS = "lumbar-spinal-stenosis-name"
WITH_PAIN, EXCEPTION = "foot-roots-with-which-pain", "pattern-rule-exception"
LEG_PAIN, FORAMINAL = "name-the-common-leg-pain", "foraminal-stenosis-causes"


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
    (SPECIALIST, "ar", "طبيب الأعصاب وصيدلي"),  # and a pharmacist, و joined
    (SPECIALIST, "es", "neurólogo y farmacéutico"),
    (SPECIALIST, "fr", "neurologue ou pharmacien"),
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
    # Pain higher up the back is no low back pain, however it is spelled.
    (WITH_PAIN, "en", "upper backache"),
    (WITH_PAIN, "en", "mid backache"),
    (WITH_PAIN, "en", "higher back pain"),
    (WITH_PAIN, "es", "dolor de espalda superior"),
    (WITH_PAIN, "es", "dolor de espalda media"),
    (WITH_PAIN, "es", "dolor de espalda alto"),
    (WITH_PAIN, "es", "dolor de la espalda de arriba"),
    (WITH_PAIN, "fr", "douleur du dos supérieur"),
    (WITH_PAIN, "ar", "ألم الجزء العلوي من الظهر"),
    # Other senses of "neck" and "cervical".
    (NECK, "en", "cervical cancer"),
    (NECK, "en", "cervical mucus"),
    (NECK, "en", "neck of the bottle"),
    (NECK, "es", "moco cervical"),
    (NECK, "es", "cuello de botella"),
    (NECK, "es", "cuello de la camisa"),
    (NECK, "es", "cáncer cervical"),
    (NECK, "fr", "glaire cervicale"),
    (NECK, "fr", "cancer cervical"),
    (NECK, "ar", "عنق الزجاجة"),
    (NECK, "ar", "سرطان عنق الرحم"),
    # Hernias of the belly and groin are no herniated disc.
    (COMPRESSOR, "es", "hernia escrotal"),
    (COMPRESSOR, "es", "hernia de ombligo"),
    (COMPRESSOR, "es", "hernia testicular"),
    (COMPRESSOR, "es", "hernia epigástrica"),
    (COMPRESSOR, "es", "hernia de Spiegel"),
    (COMPRESSOR, "es", "hernia muscular"),
    (COMPRESSOR, "en", "scrotal hernia"),
    (COMPRESSOR, "en", "muscle hernia"),
    (COMPRESSOR, "fr", "hernie scrotale"),
    (COMPRESSOR, "fr", "hernie épigastrique"),
    (COMPRESSOR, "fr", "hernie du nombril"),
    (COMPRESSOR, "ar", "فتق الصفن"),
    (COMPRESSOR, "ar", "فتق عضلي"),
    # Stenoses outside the spine, or central stenosis placed outside it.
    (EXCEPTION, "es", "estenosis central venosa"),
    (EXCEPTION, "es", "estenosis aórtica"),
    (EXCEPTION, "es", "estenosis pilórica"),
    (EXCEPTION, "es", "estenosis traqueal"),
    (EXCEPTION, "es", "estenosis de la uretra"),
    (EXCEPTION, "en", "central venous stenosis"),
    (EXCEPTION, "en", "central stenosis in the foot"),
    (EXCEPTION, "en", "central stenosis of the knee"),
    (EXCEPTION, "fr", "sténose veineuse centrale"),
    (EXCEPTION, "ar", "تضيق مركزي في القدم"),
    # Other pyramidal and piriform things than the muscle.
    (MUSCLE, "es", "hueso piramidal"),
    (MUSCLE, "es", "tracto piramidal"),
    (MUSCLE, "es", "célula piramidal"),
    (MUSCLE, "es", "lóbulo piramidal"),
    (MUSCLE, "es", "piramidal de la nariz"),
    (MUSCLE, "es", "seno piriforme"),
    (MUSCLE, "es", "fosa piriforme"),
    (MUSCLE, "es", "corteza piriforme"),
    (MUSCLE, "en", "pisiform"),
    (MUSCLE, "en", "piriform sinus"),
    (MUSCLE, "fr", "os pisiforme"),
    (MUSCLE, "fr", "pisiforme"),
    (MUSCLE, "fr", "sinus piriforme"),
    (MUSCLE, "ar", "الجيب الكمثري"),
    # The question asks for the pain's name: not the nerve, nor what only looks like it.
    (LEG_PAIN, "en", "sciatic nerve"),
    (LEG_PAIN, "en", "sciatic nerve block"),
    (LEG_PAIN, "en", "false sciatica"),
    (LEG_PAIN, "en", "pseudo-sciatica"),
    (LEG_PAIN, "es", "nervio ciático"),
    (LEG_PAIN, "es", "escotadura ciática"),
    (LEG_PAIN, "es", "falsa ciática"),
    (LEG_PAIN, "fr", "nerf sciatique"),
    (LEG_PAIN, "fr", "fausse sciatique"),
    (LEG_PAIN, "ar", "العصب الوركي"),
    (LEG_PAIN, "ar", "عرق النسا الكاذب"),
    # Someone else than the specialist.
    (SPECIALIST, "es", "secretaria del neurólogo"),
    (SPECIALIST, "es", "recepcionista del neurólogo"),
    (SPECIALIST, "es", "técnico de neurología"),
    (SPECIALIST, "en", "neurologist's receptionist"),
    (SPECIALIST, "en", "neurologist technician"),
    (SPECIALIST, "en", "veterinary neurologist"),
    (SPECIALIST, "fr", "neurologue vétérinaire"),
    (SPECIALIST, "fr", "secrétaire du neurologue"),
    (SPECIALIST, "ar", "سكرتيرة طبيب الأعصاب"),
    (SPECIALIST, "ar", "طبيب أعصاب بيطري"),
    # Foraminal stenosis in the lower back, said with the Arabic adjective.
    (LSS, "ar", "تضيق قطني ثقبي"),
    (LSS, "ar", "التضيق القطني الثقبي"),
    (LSS, "ar", "تضيق ثقبي قطني"),
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
    # Said as learners say it, in each language.
    (SPECIALIST, "en", "specialist in nerves"),
    (COMPRESSOR, "en", "disc protrusion"),
    (COMPRESSOR, "en", "protruding disc"),
    (NECK, "en", "C-spine"),
    (NECK, "en", "C1-C7"),
    (NECK, "ar", "بالرقبة"),
    (WITH_PAIN, "ar", "ألم في الظهر"),
    (LEG_PAIN, "en", "sciatic nerve pain"),
    (LEG_PAIN, "es", "dolor del nervio ciático"),
]


@pytest.mark.parametrize("question, language, answer", RIGHT)
def test_a_right_answer_as_learners_type_it_earns_full_points(question, language, answer):
    key = real_key(question, language)
    assert points(question, language, answer) == key.points


@pytest.mark.parametrize("hedge", ["a neurologist or a podiatrist", "neurologist, or confirm"])
def test_the_prompts_or_is_no_licence_to_hedge(hedge):
    assert points(SPECIALIST, "en", hedge) == 0


# The four local foot conditions per language; a test swaps one for a look-alike.
FOUR_FOOT_CONDITIONS = {
    "en": ("heel spurs", "tendonitis", "plantar fasciitis", "metatarsalgia"),
    "es": ("espolón calcáneo", "tendinitis", "fascitis plantar", "metatarsalgia"),
    "fr": ("épine calcanéenne", "tendinite", "fasciite plantaire", "métatarsalgie"),
    "ar": ("مهماز العقب", "التهاب الأوتار", "التهاب اللفافة الأخمصية", "ألم مشط القدم"),
}


def _foot(language, **swap):
    """The four right items of `language`, with `spur`, `tendon`, `fascia` or `metatarsal`
    replaced by the text given."""
    names = ("spur", "tendon", "fascia", "metatarsal")
    items = zip(names, FOUR_FOOT_CONDITIONS[language], strict=True)
    return [swap.get(name, item) for name, item in items]


SETS = [
    (TRIO, "en", ["hypesthesia", "tingling", "weakness"], 3),
    (TRIO, "es", ["entomecimiento", "hormigueo", "debilidad"], 3),
    (TRIO, "ar", ["الوخز", "الخدر", "فقدان القوة"], 3),  # as the Arabic explanation says it
    (FOOT_Q, "en", ["heel spurs", "tendonitis", "plantar fasciitis", "metacarpalgia"], 3),
    (FOOT_Q, "en", ["spurs on the heel", "tendonitis", "plantar fasciitis", "metatarsal pain"], 4),
    (FOOT_Q, "en", ["heel spur pain", "tendonitis", "plantar fasciitis", "metatarsalgia"], 4),
    ("foraminal-stenosis-causes", "en", ["wear and tear of the discs", "spinal osteoarthritis"], 2),
    ("foraminal-stenosis-causes", "en", ["degenerative disc disease", "spondylolysis"], 1),
    # Spurs, fasciitis and tendonitis placed elsewhere, or named for another place.
    (FOOT_Q, "en", _foot("en", spur="vertebral bone spurs"), 3),
    (FOOT_Q, "en", _foot("en", spur="spinal bone spurs"), 3),
    (FOOT_Q, "en", _foot("en", spur="bone spurs on the vertebrae"), 3),
    (FOOT_Q, "es", _foot("es", spur="espolones vertebrales"), 3),
    (FOOT_Q, "es", _foot("es", spur="espolón vertebral"), 3),
    (FOOT_Q, "fr", _foot("fr", spur="épine osseuse vertébrale"), 3),
    (FOOT_Q, "es", _foot("es", fascia="fascitis palmar"), 3),
    (FOOT_Q, "fr", _foot("fr", fascia="fasciite palmaire"), 3),
    (FOOT_Q, "en", _foot("en", tendon="De Quervain's tendinitis"), 3),
    (FOOT_Q, "en", _foot("en", tendon="tennis elbow"), 3),
    (FOOT_Q, "es", _foot("es", tendon="tendinitis patelar"), 3),
    (FOOT_Q, "es", _foot("es", tendon="tendinitis de De Quervain"), 3),
    (FOOT_Q, "fr", _foot("fr", tendon="tendinite patellaire"), 3),
    (FOOT_Q, "ar", _foot("ar", tendon="التهاب وتر دي كيرفان"), 3),
    # Fasciitis alone, in a question about the foot, is plantar fasciitis in every language.
    (FOOT_Q, "en", _foot("en", fascia="fasciitis"), 4),
    (FOOT_Q, "es", _foot("es", fascia="fascitis"), 4),
    (FOOT_Q, "fr", _foot("fr", fascia="fasciite"), 4),
    (FOOT_Q, "ar", _foot("ar", fascia="التهاب الفاشيا"), 4),
    # Osteoarthritis of another joint, a disc of the eye.
    (FORAMINAL, "en", ["degenerative disc disease", "thumb arthritis"], 1),
    (FORAMINAL, "en", ["degenerative disc disease", "osteoarthritis of the knee"], 1),
    (FORAMINAL, "es", ["enfermedad degenerativa del disco", "artrosis del pulgar"], 1),
    (FORAMINAL, "es", ["enfermedad degenerativa del disco", "artrosis temporomandibular"], 1),
    (FORAMINAL, "es", ["enfermedad degenerativa del disco", "artrosis de los dedos"], 1),
    (FORAMINAL, "es", ["enfermedad degenerativa del disco óptico", "artrosis"], 1),
    (FORAMINAL, "fr", ["discopathie dégénérative", "arthrose du pouce"], 1),
    (FORAMINAL, "ar", ["مرض القرص التنكسي", "التهاب مفصل الإبهام"], 1),
    # Osteoarthritis by its lay name; wear and tear alone names neither item.
    (FORAMINAL, "en", ["degenerative disc disease", "wear and tear arthritis"], 2),
    (FORAMINAL, "es", ["enfermedad degenerativa del disco", "desgaste articular"], 2),
    (FORAMINAL, "en", ["degenerative disc disease", "wear and tear"], 1),
    # Not symptoms at all, or symptoms of the head.
    (TRIO, "es", ["hormigueo", "debilidad", "me quedo dormido"], 2),
    (TRIO, "es", ["hormigueo", "debilidad", "dormido profundamente"], 2),
    (TRIO, "es", ["hormigueo", "debilidad por el chocolate", "entumecimiento"], 2),
    (TRIO, "es", ["hormigueo", "debilidad de carácter", "entumecimiento"], 2),
    (TRIO, "es", ["hormigueo", "debilidad", "insensibilidad emocional"], 2),
    (TRIO, "es", ["hormigueo", "debilidad", "nariz dormida"], 2),
    (TRIO, "en", ["ear tingling", "weakness", "numbness"], 2),
    (TRIO, "en", ["nose tingling", "weakness", "numbness"], 2),
    (TRIO, "en", ["scalp tingling", "weakness", "numbness"], 2),
    (TRIO, "en", ["tingling", "weakness", "numb nose"], 2),
    (TRIO, "en", ["tingling", "weakness", "numb ear"], 2),
    (TRIO, "en", ["tingling", "weakness of character", "numbness"], 2),
    (TRIO, "fr", ["picotements aux oreilles", "faiblesse", "engourdissement"], 2),
    (TRIO, "fr", ["picotements", "faiblesse", "nez engourdi"], 2),
    (TRIO, "ar", ["وخز في الأذن", "الضعف", "الخدر"], 2),
    (TRIO, "ar", ["الوخز", "الضعف", "خدر الأنف"], 2),
    # Weakness and numbness as learners say them.
    (TRIO, "es", ["hormigueo", "débil", "entumecimiento"], 3),
    (TRIO, "es", ["hormigueo", "débiles", "acorchado"], 3),
    (TRIO, "es", ["hormigueo", "paresia", "entumecimiento"], 3),
    (TRIO, "en", ["tingling", "paresis", "numbness"], 3),
    (TRIO, "fr", ["picotements", "parésie", "engourdissement"], 3),
    (TRIO, "ar", ["الوخز", "شلل جزئي", "الخدر"], 3),
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
