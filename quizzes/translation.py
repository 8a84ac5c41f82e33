"""Fields translated with django-modeltranslation (English is the source language)."""

from modeltranslation.translator import TranslationOptions, register

from quizzes.models import AcceptedAnswer, Choice, LexiconTerm, Question, Quiz, WrongAnswer


@register(Quiz)
class QuizTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("prompt", "explanation")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text",)


@register(AcceptedAnswer)
class AcceptedAnswerTranslation(TranslationOptions):
    fields = ("synonyms",)


@register(WrongAnswer)
class WrongAnswerTranslation(TranslationOptions):
    fields = ("spellings", "hint")


@register(LexiconTerm)
class LexiconTermTranslation(TranslationOptions):
    fields = ("spellings",)
