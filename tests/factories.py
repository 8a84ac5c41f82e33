"""factory_boy factories shared by the whole suite, one per model, grouped by app."""

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from factory.django import DjangoModelFactory, Password

from learning.models import Course, GlossaryTerm, Lesson, Section
from quizzes.models import (
    AcceptedAnswer,
    Assignment,
    Choice,
    Cohort,
    Kind,
    Question,
    Quiz,
    QuizQuestion,
    WrongAnswer,
)

PASSWORD = "rootwise-test-password"


class SourceLanguageFactory(DjangoModelFactory):
    """Plain field names (`title`, `body`) fill the English source fields.

    modeltranslation writes `title=` into the *active* language's field, and a request made
    earlier in the same test may have left another one active; pass `title_es=` for a translation.
    """

    class Meta:
        abstract = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            return super()._create(model_class, *args, **kwargs)


# --- accounts ------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = Password(PASSWORD)


# --- learning ------------------------------------------------------------------------------


class CourseFactory(SourceLanguageFactory):
    class Meta:
        model = Course

    key = factory.Sequence(lambda n: f"course-{n}")
    title = factory.Sequence(lambda n: f"Course {n}")
    description = "A course made for a test."


class GlossaryTermFactory(SourceLanguageFactory):
    class Meta:
        model = GlossaryTerm

    key = factory.Sequence(lambda n: f"term-{n}")
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "A word defined for a test."


class LessonFactory(SourceLanguageFactory):
    class Meta:
        model = Lesson
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    order = factory.Sequence(lambda n: n + 1)
    source = Section.OVERVIEW
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "A lesson made for a test."
    body = "A short paragraph with **one bold term**.\n\n- a first point\n- a second point"
    key_facts = "A first fact.\nA second fact."
    minutes = 2
    published = True

    @factory.post_generation
    def glossary_terms(self, create, extracted, **kwargs):
        """`LessonFactory(glossary_terms=[term, ...])` links terms after the lesson is saved."""
        if create and extracted:
            self.glossary_terms.set(extracted)


# --- quizzes -------------------------------------------------------------------------------


class QuestionFactory(SourceLanguageFactory):
    """A single-choice question by default; add choices or answers with their factories."""

    class Meta:
        model = Question

    key = factory.Sequence(lambda n: f"question-{n}")
    kind = Kind.SINGLE
    source = Section.OVERVIEW
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    explanation = "Explained for a test."
    points = 1


class ChoiceFactory(SourceLanguageFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    key = factory.Sequence(lambda n: f"choice-{n}")
    text = factory.Sequence(lambda n: f"Choice {n}")
    correct = False


class AcceptedAnswerFactory(SourceLanguageFactory):
    """`synonyms` is one spelling per line; pass `synonyms_es=` etc. for translations."""

    class Meta:
        model = AcceptedAnswer

    question = factory.SubFactory(QuestionFactory, kind=Kind.TEXT)
    key = factory.Sequence(lambda n: f"answer-{n}")
    synonyms = factory.Sequence(lambda n: f"answer {n}")
    position = factory.Sequence(lambda n: n)


class WrongAnswerFactory(SourceLanguageFactory):
    """A known wrong answer for every language; `spellings_es=`, `hint_es=` for translations."""

    class Meta:
        model = WrongAnswer

    question = factory.SubFactory(QuestionFactory, kind=Kind.TEXT)
    key = factory.Sequence(lambda n: f"wrong-{n}")
    spellings = factory.Sequence(lambda n: f"wrong answer {n}")
    hint = "Close, but not what the lesson names."
    position = factory.Sequence(lambda n: n)


class QuizFactory(SourceLanguageFactory):
    """A published quiz; `QuizFactory(questions=[q1, q2])` puts questions in its pool, in order."""

    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"quiz-{n}")
    title = factory.Sequence(lambda n: f"Quiz {n}")
    description = "A quiz made for a test."
    pass_mark = 70
    shuffle_questions = False
    shuffle_choices = False
    published = True

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        if create and extracted:
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=self, question=question, position=position)
                for position, question in enumerate(extracted, start=1)
            )


# --- cohorts and assignments ---------------------------------------------------------------


class InstructorFactory(UserFactory):
    """Staff in the Instructors group (the group and its permissions come from migrations)."""

    class Meta:
        skip_postgeneration_save = True

    is_staff = True

    @factory.post_generation
    def instructors_group(self, create, extracted, **kwargs):
        if create:
            from django.contrib.auth.models import Group

            self.groups.add(Group.objects.get(name="Instructors"))


class CohortFactory(DjangoModelFactory):
    """`CohortFactory(learners=[...], instructors=[...])` fills its members."""

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Cohort {n}")

    @factory.post_generation
    def learners(self, create, extracted, **kwargs):
        if create and extracted:
            self.learners.set(extracted)

    @factory.post_generation
    def instructors(self, create, extracted, **kwargs):
        if create and extracted:
            self.instructors.set(extracted)


class AssignmentFactory(DjangoModelFactory):
    """`AssignmentFactory(quiz=..., cohorts=[...], learners=[...])`."""

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    quiz = factory.SubFactory(QuizFactory)

    @factory.post_generation
    def cohorts(self, create, extracted, **kwargs):
        if create and extracted:
            self.cohorts.set(extracted)

    @factory.post_generation
    def learners(self, create, extracted, **kwargs):
        if create and extracted:
            self.learners.set(extracted)
