"""Writing questions in the admin: what each kind needs (the same rules the content pack
enforces), which fields a kind shows, what is still untranslated, and previews as learners
see them in any language.

The rules are pure functions over drafts (`ChoiceDraft`, `AnswerDraft`), so the admin's
formsets and a table-driven test share them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from learning.models import text_lines
from quizzes import drawing, grading
from quizzes.models import Choice, Question

SOURCE_LANGUAGE = "en"

# The answer-key fields of the question form, per kind (choices and answers are inlines).
KIND_FIELDS = {
    grading.SINGLE: [],
    grading.MULTIPLE: [],
    grading.TRUE_FALSE: ["true_false_answer"],
    grading.TEXT: ["category"],
    grading.SET: ["needed", "category"],
    grading.ORDER: [],
    grading.MATCH: [],
    grading.NUMBER: ["number_answer", "tolerance"],
}
CHOICE_KINDS = (grading.SINGLE, grading.MULTIPLE, grading.ORDER, grading.MATCH)
ANSWER_KINDS = (grading.TEXT, grading.SET)
CHOICE_FIELDS = {
    grading.SINGLE: ["key", "text", "correct"],
    grading.MULTIPLE: ["key", "text", "correct"],
    grading.ORDER: ["key", "text", "position"],
    grading.MATCH: ["key", "text", "side", "pair"],
}

NEEDS_ENGLISH_ANSWER = _("A short-answer or set question needs an accepted answer in English.")
NEEDS_TWO_CHOICES = _("Give at least two choices.")
SINGLE_NEEDS_ONE = _("A single-choice question needs exactly one correct choice (it has %(n)s).")
MULTIPLE_NEEDS_ONE = _("A select-all question needs at least one correct choice.")
ORDER_NEEDS_TWO = _("An order question needs at least two items.")
ORDER_NEEDS_POSITIONS = _("Give each item its place in the right order: 1, 2, 3… each once.")
MATCH_NEEDS_SIDES = _(
    "A match question needs as many right items as left ones (%(left)s ≠ %(right)s)."
)
MATCH_NEEDS_PAIRS = _("A match question needs at least two pairs.")
MATCH_PAIR_UNPAIRED = _(
    "Each pair needs one left and one right item with the same pair name: %(pairs)s."
)
NEEDED_TOO_MANY = _("Items needed (%(needed)s) is more than the items of the set (%(items)s).")
NUMBER_NEEDS_ANSWER = _("A number question needs its answer.")
TRUE_FALSE_NEEDS_ANSWER = _("A true-or-false question needs its answer.")


@dataclass(frozen=True)
class ChoiceDraft:
    text: str
    correct: bool = False
    position: int = 0
    side: str = ""
    pair: str = ""


@dataclass(frozen=True)
class AnswerDraft:
    synonyms_en: str


def choice_problems(kind: str, choices: Sequence[ChoiceDraft]) -> list[str]:
    """What a question of `kind` lacks in its choices (none: it can be answered right)."""
    if kind not in CHOICE_KINDS:
        return []
    if kind == grading.MATCH:
        return _match_problems(choices)
    if kind == grading.ORDER:
        if len(choices) < 2:
            return [str(ORDER_NEEDS_TWO)]
        positions = sorted(choice.position for choice in choices)
        if positions != list(range(1, len(choices) + 1)):
            return [str(ORDER_NEEDS_POSITIONS)]
        return []
    if len(choices) < 2:
        return [str(NEEDS_TWO_CHOICES)]
    correct = sum(choice.correct for choice in choices)
    if kind == grading.SINGLE and correct != 1:
        return [str(SINGLE_NEEDS_ONE % {"n": correct})]
    if kind == grading.MULTIPLE and correct < 1:
        return [str(MULTIPLE_NEEDS_ONE)]
    return []


def _match_problems(choices: Sequence[ChoiceDraft]) -> list[str]:
    lefts = Counter(c.pair for c in choices if c.side == Choice.Side.LEFT)
    rights = Counter(c.pair for c in choices if c.side == Choice.Side.RIGHT)
    if sum(lefts.values()) != sum(rights.values()):
        return [
            str(MATCH_NEEDS_SIDES % {"left": sum(lefts.values()), "right": sum(rights.values())})
        ]
    if sum(lefts.values()) < 2:
        return [str(MATCH_NEEDS_PAIRS)]
    sideless = {c.pair for c in choices if c.side not in (Choice.Side.LEFT, Choice.Side.RIGHT)}
    doubled = {pair for pair, count in (lefts + rights).items() if count != 2}
    unpaired = (set(lefts) ^ set(rights)) | sideless | doubled | ({""} & (set(lefts) | set(rights)))
    if unpaired:
        names = ", ".join(sorted(pair or "—" for pair in unpaired))
        return [str(MATCH_PAIR_UNPAIRED % {"pairs": names})]
    return []


def answer_problems(kind: str, answers: Sequence[AnswerDraft], needed: int | None) -> list[str]:
    """What a text or set question lacks in its accepted answers."""
    if kind not in ANSWER_KINDS:
        return []
    with_english = [a for a in answers if text_lines(a.synonyms_en)]
    if not with_english:
        return [str(NEEDS_ENGLISH_ANSWER)]
    if kind == grading.SET and needed and needed > len(with_english):
        return [str(NEEDED_TOO_MANY % {"needed": needed, "items": len(with_english)})]
    return []


def field_problems(kind: str, *, number_answer, true_false_answer) -> dict[str, str]:
    """Answer-key fields a kind needs, by field name."""
    if kind == grading.NUMBER and number_answer is None:
        return {"number_answer": str(NUMBER_NEEDS_ANSWER)}
    if kind == grading.TRUE_FALSE and true_false_answer is None:
        return {"true_false_answer": str(TRUE_FALSE_NEEDS_ANSWER)}
    return {}


# --- forms -----------------------------------------------------------------------------------


class QuestionForm(forms.ModelForm):
    """The question's own fields; its choices and answers are checked by the formsets below,
    which see the kind through the question being saved."""

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind") or getattr(self.instance, "kind", "")
        for name, message in field_problems(
            kind,
            # Read only for translators: then the saved key stands.
            number_answer=cleaned.get("number_answer", self.instance.number_answer),
            true_false_answer=cleaned.get("true_false_answer", self.instance.true_false_answer),
        ).items():
            self.add_error(name if name in self.fields else None, message)
        return cleaned


def _kept_forms(formset: BaseInlineFormSet) -> list[forms.Form]:
    return [
        form
        for form in formset.forms
        if form.is_valid()
        and (form.has_changed() or form.instance.pk)
        and not (formset.can_delete and formset._should_delete_form(form))
    ]


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        drafts = [
            ChoiceDraft(
                text=form.cleaned_data.get("text_en") or form.instance.text_en or "",
                correct=bool(form.cleaned_data.get("correct", form.instance.correct)),
                position=form.cleaned_data.get("position", form.instance.position) or 0,
                side=form.cleaned_data.get("side", form.instance.side) or "",
                pair=form.cleaned_data.get("pair", form.instance.pair) or "",
            )
            for form in _kept_forms(self)
        ]
        problems = choice_problems(self.instance.kind, drafts)
        if problems:
            raise forms.ValidationError(problems)


class AcceptedAnswerFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        drafts = [
            AnswerDraft(form.cleaned_data.get("synonyms_en") or form.instance.synonyms_en or "")
            for form in _kept_forms(self)
        ]
        problems = answer_problems(self.instance.kind, drafts, self.instance.needed)
        if problems:
            raise forms.ValidationError(problems)


# --- translations and previews ---------------------------------------------------------------


def translated_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]


def missing_translations(question: Question) -> dict[str, list[str]]:
    """Per language, the fields of the question (and of its choices and accepted answers)
    that have English text but none in that language: learners see English there."""
    missing: dict[str, list[str]] = {}
    choices = list(question.choices.all())
    answers = list(question.answers.all()) if question.kind in ANSWER_KINDS else []
    for code, _name in translated_languages():
        fields = [
            str(label)
            for name, label in (("prompt", _("prompt")), ("explanation", _("explanation")))
            if getattr(question, f"{name}_en") and not getattr(question, f"{name}_{code}")
        ]
        fields += [
            str(_("choice “%(key)s”") % {"key": choice.key})
            for choice in choices
            if choice.text_en and not getattr(choice, f"text_{code}")
        ]
        fields += [
            str(_("accepted answer “%(key)s”") % {"key": answer.key})
            for answer in answers
            if answer.synonyms_en and not getattr(answer, f"synonyms_{code}")
        ]
        if fields:
            missing[code] = fields
    return missing


def question_preview(question: Question, language: str) -> SafeString:
    """The question as a learner sees it before answering, in `language` (English where a
    translation is missing, as learners get it): prompt and choices, no key."""
    with translation.override(language):
        choices = drawing.display_order(question.kind, list(question.choices.all()), question.pk)
        return render_to_string(
            "quizzes/question_preview.html",
            {
                "question": question,
                "choices": [c for c in choices if c.side != Choice.Side.RIGHT],
                "rights": [c for c in choices if c.side == Choice.Side.RIGHT],
                "LANGUAGE_CODE": language,
            },
        )
