"""What grading one answer costs in-process: the bank's real keys (read from the content pack
and content.po, no database), a few typical answers in four languages, graded again and again.
Pure CPU, so the figure compares a change to the grader before and after on one machine.

    .venv/bin/python tools/grading_cost.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from quizzes import grading  # noqa: E402
from tests.quizzes.keys import real_key  # noqa: E402

ANSWERS = [
    ("foot-nerve-roots", "en", ["L4, L5 and S1"]),
    ("local-foot-conditions", "es", ["espolón calcáneo, tendinitis, fascitis plantar, dedos"]),
    ("specialist-to-consult", "fr", "un neurologue"),
    ("foot-roots-with-which-pain", "ar", "ألم أسفل الظهر"),
    ("leg-and-foot-symptom-trio", "en", ["tingling, weakness and numbness in the legs"]),
    ("name-the-common-leg-pain", "es", "ciática, no lumbalgia"),
    ("lumbar-spinal-stenosis-name", "en", "lumbar spinal stenoses"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    graded = []
    for question, language, answer in ANSWERS:
        key = real_key(question, language)
        graded.append((key, {"items": answer} if key.kind == grading.SET else {"text": answer}))

    def one_round() -> float:
        started = time.perf_counter()
        for key, answer in graded:
            grading.grade(key, answer)
        return time.perf_counter() - started

    one_round()  # the keys' lexicons and matchers, as a warm worker has them
    best = min(one_round() for _ in range(rounds))
    print(
        f"{best / len(graded) * 1000:.2f} ms of CPU per graded answer "
        f"(best of {rounds} rounds of {len(graded)} answers)"
    )


if __name__ == "__main__":
    main()
