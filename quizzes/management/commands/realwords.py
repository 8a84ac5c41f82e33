"""python manage.py realwords: write quizzes/words/<language>.txt, the real words of each
language within typo reach of the accepted answers in the database (see quizzes.real_words),
from Debian's word lists. Run it after adding synonyms; commit the lists."""

from django.conf import settings
from django.core.management.base import BaseCommand

from learning.models import text_lines
from quizzes import grading, real_words
from quizzes.models import AcceptedAnswer, WrongAnswer
from quizzes.selectors import grading_lexicon


def _words(texts, language: str) -> set[str]:
    return {
        word
        for text in texts
        for line in text_lines(text)
        for word in grading.words(line, language)
    }


class Command(BaseCommand):
    help = "Write the real words near the accepted answers (quizzes/words/<language>.txt)."

    def handle(self, *args, **options):
        for language, _name in settings.LANGUAGES:
            source = real_words.DICTIONARIES.get(language)
            if source is None or not source.exists():
                self.stderr.write(
                    f"{language}: no word list at {source}: skipped (apt-get install "
                    "wamerican-large wspanish wfrench hunspell-ar)"
                )
                continue
            codes = {language, real_words.SOURCE_LANGUAGE}
            answers = AcceptedAnswer.objects.all()
            keys = _words(
                (getattr(a, f"synonyms_{code}") or "" for a in answers for code in codes), language
            )
            wrong = _words(
                (
                    getattr(w, f"spellings_{code}") or ""
                    for w in WrongAnswer.objects.all()
                    for code in codes
                ),
                language,
            )
            known = set(grading_lexicon(language).words) | wrong
            found = real_words.near(
                keys,
                real_words.dictionary_words(source, language),
                known,
                real_words.MISSPELLINGS.get(language, ()),
            )
            path = real_words.DIRECTORY / f"{language}.txt"
            path.write_text("".join(f"{word}\n" for word in found), "utf-8")
            self.stdout.write(
                f"{language}: {len(found)} real words near {len(keys)} answer words -> {path}"
            )
