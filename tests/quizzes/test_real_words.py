"""Real words are never typos of an answer (quizzes.real_words): a word of the language within
typo reach of an accepted answer is that word, while the ways answers are really mistyped
(another ending, two letters swapped, a slip that makes no word) stay forgiven. The lists
are current: made again from the course and Debian's word lists, they come out the same."""

import io

import pytest
from django.core.management import call_command

from quizzes import real_words, selectors
from tests.quizzes.keys import points

FOOT_Q, TRIO = "local-foot-conditions", "leg-and-foot-symptom-trio"


# (question, language, answer, points): each a real word one or two letters from an answer.
REAL_WORDS = [
    ("specialist-to-consult", "en", "serologist", 0),
    ("pattern-rule-exception", "en", "ventral stenosis", 0),
    ("pattern-rule-exception", "es", "estenosis ventral", 0),
    ("specialist-to-consult", "en", "necrologist", 0),
    ("specialist-to-consult", "en", "neurotomy", 0),
    ("name-the-common-leg-pain", "es", "cístico", 0),
    ("name-the-common-leg-pain", "fr", "somatique", 0),
    (FOOT_Q, "es", ["espolón", "tendinitis", "ascitis", "metatarsalgia"], 3),
    (TRIO, "en", ["tingling", "weakness", "hyperesthesia"], 2),
    (TRIO, "en", ["anesthesia", "numbness", "weakness"], 2),
    (TRIO, "en", ["tingling", "weakness", "dumbness"], 2),
    (TRIO, "fr", ["fourmillements", "faiblesse", "étourdissement"], 2),
    (TRIO, "es", ["hormigueo", "debilidad", "endurecimiento"], 2),
    (TRIO, "es", ["hormigueo", "labilidad", "entumecimiento"], 2),
    ("foraminal-stenosis-causes", "en", ["urethritis", "DDD"], 1),
    ("foraminal-stenosis-causes", "es", ["psicopatía", "artrosis"], 1),
]

# Typos as people make them: forgiven, and shown back with the right spelling.
TYPOS = [
    (FOOT_Q, "en", ["heel spurs", "tendonitis", "planter fasciitis", "metatarsalgia"], 4),
    (FOOT_Q, "en", ["heel spurs", "tendonitis", "plantar fascitis", "metatarsalgia"], 4),
    ("lumbar-spinal-stenosis-name", "en", "lumber spinal stenosis", 1),
    (FOOT_Q, "en", ["heel spurs", "tendonitis", "planar fasciitis", "metatarsalgia"], 4),
    ("specialist-to-consult", "en", "nuerologist", 1),
    ("specialist-to-consult", "es", "neurologo", 1),
    ("specialist-to-consult", "fr", "neurolgue", 1),
    ("name-the-common-leg-pain", "en", "sciatia", 1),
    ("name-the-common-leg-pain", "fr", "sciatque", 1),
    (TRIO, "es", ["hormigeo", "debilida", "entumesimiento"], 3),
    (TRIO, "fr", ["fourmilement", "faiblese", "engourdisement"], 3),
    ("muscle-that-squeezes-sciatic-nerve", "en", "piriformus", 1),
    ("central-stenosis-neck", "fr", "colonnes cervicales", 1),
]


@pytest.mark.parametrize("question, language, answer, expected", REAL_WORDS + TYPOS)
def test_real_words_are_no_typos_and_slips_still_are(question, language, answer, expected):
    assert points(question, language, answer) == expected


@pytest.mark.parametrize(
    "word, key, inflects",
    [
        ("lumber", "lumbar", True),  # another ending
        ("colonnes", "colonne", True),
        ("sciatic", "sciatica", True),
        ("nerev", "nerve", True),  # two neighbouring letters swapped
        ("planter", "plantar", True),
        ("planar", "plantar", True),  # one letter slipped after the first four
        ("spice", "spine", False),
        ("neumologo", "neurologo", False),
        ("ventral", "central", False),
    ],
)
def test_what_counts_as_the_same_word_mistyped(word, key, inflects):
    assert real_words._inflects(word, key) is inflects
    found = real_words.near([key], [word], known=[])
    assert (word in found) is not inflects


def test_known_words_are_left_to_the_lexicon():
    assert real_words.near(["urologist"], ["neurologist"], known=["neurologist"]) == []


@pytest.mark.skipif(
    not all(path.exists() for path in real_words.DICTIONARIES.values()),
    reason="Debian's word lists are not installed (apt-get install wamerican-large wspanish "
    "wfrench hunspell-ar): the lists cannot be made again here",
)
@pytest.mark.django_db(transaction=True)
def test_the_committed_lists_are_those_the_course_makes(tmp_path, monkeypatch):
    call_command("loadcontent", stdout=io.StringIO())
    monkeypatch.setattr(real_words, "DIRECTORY", tmp_path)
    try:
        call_command("realwords", stdout=io.StringIO())
    finally:  # the lexicons made meanwhile saw no lists: forget them
        real_words.near_answers.cache_clear()
        selectors._lexicon_of.cache_clear()
    committed = real_words.Path(real_words.__file__).parent / "words"
    for made in sorted(tmp_path.glob("*.txt")):
        assert made.read_text() == (committed / made.name).read_text(), (
            f"{made.name} is out of date: run `python manage.py realwords` and commit the lists"
        )
