"""Quizzes, their questions and answer keys, and learners' attempts and responses."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.models import ContentKeyed, Lesson, Section, text_lines
from quizzes import grading
from quizzes.keys import SOURCE_LANGUAGE

DUE_BEFORE_OPENING = _("The due date must come after the opening date.")


class Kind(models.TextChoices):
    SINGLE = grading.SINGLE, _("Single choice")
    MULTIPLE = grading.MULTIPLE, _("Select all that apply")
    TRUE_FALSE = grading.TRUE_FALSE, _("True or false")
    TEXT = grading.TEXT, _("Short answer")
    SET = grading.SET, _("Name the items of a set")
    ORDER = grading.ORDER, _("Put in order")
    MATCH = grading.MATCH, _("Match pairs")
    NUMBER = grading.NUMBER, _("Number")


class Category(models.TextChoices):
    """What kind of thing a term names. A text or set question asks for one kind: another known
    term of that kind is a second candidate, a term of another kind is detail."""

    SPECIALTY = "specialty", _("specialty")
    CONDITION = "condition", _("condition")
    SYMPTOM = "symptom", _("symptom")
    REGION = "region", _("body region")
    ANATOMY = "anatomy", _("part of the body")
    MUSCLE = "muscle", _("muscle")
    TEST = "test", _("test")
    TREATMENT = "treatment", _("treatment")
    LEVEL = grading.LEVEL, _("spinal level")


class Question(ContentKeyed):
    content_kind = "question"

    key = models.SlugField(_("key"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source = models.CharField(_("factsheet section"), max_length=20, choices=Section.choices)
    lesson = models.ForeignKey(
        Lesson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("lesson cited"),
    )
    prompt = models.TextField(_("prompt"))
    explanation = models.TextField(_("explanation"))
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1)]
    )
    needed = models.PositiveSmallIntegerField(
        _("items needed"), null=True, blank=True, help_text=_("Set questions: how many to name.")
    )
    number_answer = models.FloatField(_("number answer"), null=True, blank=True)
    tolerance = models.FloatField(_("tolerance"), default=0, validators=[MinValueValidator(0)])
    true_false_answer = models.BooleanField(_("true or false answer"), null=True, blank=True)
    category = models.CharField(
        _("answer category"),
        max_length=20,
        choices=Category.choices,
        blank=True,
        help_text=_(
            "Text and set questions: what kind of thing the answer names. Another known term "
            "of that kind counts as a second answer; a term of another kind is detail. Empty: "
            "every other known term counts as a second answer."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["key"]

    def __str__(self):
        return f"{self.key}: {self.prompt[:60]}"

    @property
    def items_needed(self) -> int:
        """Set questions: how many items to name (all of them unless `needed` says fewer).
        Counts prefetched answers without a query."""
        return self.needed or len(self.answers.all())


class Choice(ContentKeyed):
    """A choice of single/multiple, an item of `order`, or one side of a `match` pair."""

    content_kind = "choice"

    class Side(models.TextChoices):
        NONE = "", _("—")
        LEFT = "left", _("left")
        RIGHT = "right", _("right")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    key = models.SlugField(_("key"), max_length=80)
    text = models.CharField(_("text"), max_length=300)
    correct = models.BooleanField(_("correct"), default=False)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order questions: the right place, from 1.")
    )
    side = models.CharField(_("side"), max_length=5, choices=Side.choices, blank=True)
    pair = models.SlugField(_("pair"), max_length=80, blank=True)

    # With the question's own, it dates the answer key (quizzes.bank checks it).
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="choice_unique_key")
        ]

    def __str__(self):
        return self.text

    @property
    def content_key(self) -> str:
        return f"{self.question.key}.{self.key}"

    @classmethod
    def content_queryset(cls):
        return cls.objects.select_related("question")


class AcceptedAnswer(ContentKeyed):
    """An accepted answer to a `text` question, or one item of a `set`, with its synonyms."""

    content_kind = "answer"
    pack_ordering_fields = ("position",)

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    key = models.SlugField(_("key"), max_length=80)
    synonyms = models.TextField(
        _("synonyms"), help_text=_("One spelling per line; the first is shown.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    # With the question's own, it dates the answer key (quizzes.bank checks it).
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("accepted answer")
        verbose_name_plural = _("accepted answers")
        ordering = ["question", "position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="answer_unique_key")
        ]

    def __str__(self):
        return ", ".join(self.synonym_list) or self.key

    @property
    def content_key(self) -> str:
        return f"{self.question.key}.{self.key}"

    @classmethod
    def content_queryset(cls):
        return cls.objects.select_related("question")

    @property
    def synonym_list(self) -> list[str]:
        return text_lines(self.synonyms)

    def synonyms_in(self, language: str) -> list[str]:
        return text_lines(getattr(self, f"synonyms_{language}", None))


class WrongAnswer(ContentKeyed):
    """A wrong answer learners really give to a text or set question, with a short hint that
    says what it misses. Matched before any typo tolerance, so it is never taken for a typo of
    the key. An entry for one `language` only is written in that language and not translated."""

    content_kind = "wrong-answer"

    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="wrong_answers",
        verbose_name=_("question"),
    )
    key = models.SlugField(_("key"), max_length=80)
    language = models.CharField(
        _("only in language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "For a wrong answer given in one language only: write it in that language's fields. "
            "Empty: every language (English source, translated like other content)."
        ),
    )
    spellings = models.TextField(
        _("spellings"), blank=True, help_text=_("One spelling per line, as learners type it.")
    )
    hint = models.CharField(
        _("hint"),
        max_length=300,
        blank=True,
        help_text=_("Short feedback for a learner who gives this answer: what it misses."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    # With the question's own, it dates the answer key (quizzes.bank checks it).
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("known wrong answer")
        verbose_name_plural = _("known wrong answers")
        ordering = ["question", "position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="wronganswer_unique_key")
        ]

    def __str__(self):
        return ", ".join(self.spellings_in(self.text_language)) or self.key

    def clean(self):
        """The entry's own language needs its spellings and hint; no spelling may also be an
        accepted answer of the question."""
        language = self.text_language
        missing = {
            f"{name}_{language}": _("Required for this wrong answer's language.")
            for name in ("spellings", "hint")
            if not (getattr(self, f"{name}_{language}", None) or "").strip()
        }
        if missing:
            raise ValidationError(missing)
        if self.question_id:
            accepted = {
                grading.fold(synonym)
                for answer in self.question.answers.all()
                for code in {language, SOURCE_LANGUAGE}
                for synonym in answer.synonyms_in(code)
            }
            clashes = [s for s in self.spellings_in(language) if grading.fold(s) in accepted]
            if clashes:
                raise ValidationError(
                    {
                        f"spellings_{language}": _("Also an accepted answer: %(spellings)s")
                        % {"spellings": ", ".join(clashes)}
                    }
                )

    @property
    def content_key(self) -> str:
        return f"{self.question.key}.{self.key}"

    @classmethod
    def content_queryset(cls):
        # Entries of one language are written in it: nothing to translate.
        return cls.objects.select_related("question").filter(language="")

    @property
    def text_language(self) -> str:
        """The language this entry's text is written in (English for the shared ones)."""
        return self.language or SOURCE_LANGUAGE

    def applies_to(self, language: str) -> bool:
        return not self.language or self.language == language

    def spellings_in(self, language: str) -> list[str]:
        return text_lines(getattr(self, f"spellings_{language}", None))

    def hint_in(self, language: str) -> str:
        """The hint in `language`, else in the entry's own language (English when shared)."""
        hint = getattr(self, f"hint_{language}", None) if not self.language else None
        return hint or getattr(self, f"hint_{self.text_language}", "") or ""


class TermSource(models.TextChoices):
    FACTSHEET = "factsheet", _("the factsheet names it")
    MEDICINE = "medicine", _("clinical vocabulary")
    EVERYDAY = "everyday", _("everyday words")


class LexiconTerm(ContentKeyed):
    """A near-miss term a learner may confuse with an answer: another specialty, condition,
    body region… The grader knows it, so it is never taken for a typo of the key, and naming it
    where a term of its category is asked for counts as a wrong item."""

    content_kind = "lexicon"

    key = models.SlugField(_("key"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    spellings = models.TextField(
        _("spellings"), help_text=_("One spelling per line; the first is the usual name.")
    )
    source = models.CharField(
        _("comes from"), max_length=20, choices=TermSource.choices, default=TermSource.MEDICINE
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lexicon term")
        verbose_name_plural = _("lexicon")
        ordering = ["category", "key"]

    def __str__(self):
        return (text_lines(self.spellings) or [self.key])[0]

    def spellings_in(self, language: str) -> list[str]:
        return text_lines(getattr(self, f"spellings_{language}", None))


class PublishedQuizManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(published=True)


class Quiz(ContentKeyed):
    content_kind = "quiz"

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lesson = models.ForeignKey(
        Lesson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quizzes",
        verbose_name=_("lesson"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    time_limit = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Ask this many questions drawn at random from the pool (empty: all)."),
    )
    published = models.BooleanField(_("published"), default=True)
    questions = models.ManyToManyField(
        Question, through="QuizQuestion", related_name="quizzes", verbose_name=_("questions")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = models.Manager()
    published_objects = PublishedQuizManager()

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["slug"]

    def __str__(self):
        return self.title

    @property
    def content_key(self) -> str:
        return self.slug

    @classmethod
    def content_lookup(cls, key: str) -> dict:
        return {"slug": key}


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="entries")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("quiz question")
        verbose_name_plural = _("quiz questions")
        ordering = ["quiz", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quizquestion_unique")
        ]

    def __str__(self):
        return f"{self.quiz.slug} #{self.position}: {self.question.key}"


class Cohort(models.Model):
    """A group of learners and the instructors who teach it; only a name is required."""

    name = models.CharField(_("name"), max_length=120)
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="cohorts", verbose_name=_("learners")
    )
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="cohorts_taught",
        verbose_name=_("instructors"),
    )
    # Learners who sign up or join in the app with this code become learners of the cohort.
    join_code = models.CharField(
        _("join code"),
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Learners type it to join (letters and digits). Leave empty for none."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["name", "pk"]
        permissions = [
            ("create_learner_accounts", _("Can create learner accounts for a cohort")),
            ("reset_learner_password", _("Can reset the password of a learner of a cohort")),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.join_code = (self.join_code or "").strip().upper() or None
        super().save(*args, **kwargs)


class Assignment(models.Model):
    """A quiz assigned to cohorts and/or learners, with its dates and attempt limit."""

    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("quiz")
    )
    cohorts = models.ManyToManyField(
        Cohort, blank=True, related_name="assignments", verbose_name=_("cohorts")
    )
    learners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assignments",
        verbose_name=_("learners"),
        help_text=_("Learners assigned one by one, besides the cohorts."),
    )
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Empty: open at once.")
    )
    due_at = models.DateTimeField(
        _("due at"),
        null=True,
        blank=True,
        help_text=_("Submissions after it are kept and marked late."),
    )
    attempt_limit = models.PositiveSmallIntegerField(
        _("attempt limit"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: the quiz's own limit."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments_created",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(due_at__isnull=True)
                | Q(due_at__gt=F("opens_at")),
                name="assignment_due_after_opening",
            )
        ]

    def __str__(self):
        return f"{self.quiz.title} ({self.pk})"

    def clean(self):
        if self.opens_at and self.due_at and self.due_at <= self.opens_at:
            raise ValidationError({"due_at": DUE_BEFORE_OPENING})

    @property
    def effective_attempt_limit(self) -> int | None:
        """The override when set, else the quiz's own limit (None: unlimited)."""
        return self.attempt_limit if self.attempt_limit is not None else self.quiz.attempt_limit


class Attempt(models.Model):
    # Null once the learner deleted their account: the attempt stays, anonymised, for the
    # statistics; `anonymous_key` then still tells one former learner's attempts apart.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attempts",
        verbose_name=_("learner"),
    )
    anonymous_key = models.UUIDField(_("anonymous key"), null=True, blank=True, editable=False)
    # Copied from the learner's memberships when the account is deleted: the anonymised
    # attempt stays visible to the instructors who saw it then, and to no one else.
    former_cohorts = models.ManyToManyField(
        Cohort,
        blank=True,
        editable=False,
        related_name="former_attempts",
        verbose_name=_("cohorts of the deleted account"),
    )
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attempts",
        verbose_name=_("assignment"),
    )
    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("quiz")
    )
    client_id = models.UUIDField(_("client id"))
    language = models.CharField(_("language"), max_length=10, default="en")
    # The questions of this attempt, drawn and ordered when it started, and each question's
    # choice order, so a reload (or an offline copy) shows the same quiz.
    question_ids = models.JSONField(_("questions"), default=list)
    choice_order = models.JSONField(_("choice order"), default=dict)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_late = models.BooleanField(_("submitted after the time limit"), default=False)
    after_due = models.BooleanField(_("submitted after the due date"), default=False)
    score = models.FloatField(_("score"), null=True, blank=True)
    max_score = models.FloatField(_("max score"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "client_id"], name="attempt_unique_client_id"
            )
        ]
        indexes = [
            models.Index(fields=["learner", "quiz"], name="attempt_learner_quiz"),
            # Results: a quiz's (or an assignment's) submitted attempts.
            models.Index(fields=["quiz", "submitted_at"], name="attempt_quiz_submitted"),
        ]

    def __str__(self):
        return f"{self.learner or _('deleted account')} · {self.quiz.slug} · {self.client_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def learner_key(self):
        """Tells learners apart, deleted accounts included (results take each one's first
        submitted attempt)."""
        return self.learner_id if self.learner_id is not None else self.anonymous_key


class Response(models.Model):
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses", verbose_name=_("attempt")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="responses", verbose_name=_("question")
    )
    answer = models.JSONField(_("answer"), null=True, blank=True)
    saved_at = models.DateTimeField(_("saved"), auto_now=True)
    # When the learner typed it, by their device's clock (the app sends it): of two devices'
    # copies, the one typed later stands, whichever reaches the server last.
    typed_at = models.DateTimeField(_("typed"), null=True, blank=True)
    points = models.FloatField(_("points"), null=True, blank=True)
    max_points = models.FloatField(_("max points"), null=True, blank=True)
    correct = models.BooleanField(_("correct"), null=True, blank=True)
    feedback = models.JSONField(_("feedback"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        # By the attempt's id, not the attempt: ordering by a foreign key would join its table
        # (and its own ordering) into every unordered read of responses.
        ordering = ["attempt_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="response_unique_question")
        ]

    def __str__(self):
        return f"{self.attempt_id} · {self.question.key}"


class AnswerAcceptance(models.Model):
    """Audit of one accepted wrong answer: who made which answer a synonym of which accepted
    answer, in which language, and every response and attempt it regraded, before and after.
    Undoing it restores them (quizzes.regrade)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="acceptances", verbose_name=_("question")
    )
    accepted_answer = models.ForeignKey(
        AcceptedAnswer,
        on_delete=models.SET_NULL,
        null=True,
        related_name="acceptances",
        verbose_name=_("accepted answer"),
    )
    language = models.CharField(_("language"), max_length=10)
    text = models.CharField(_("answer accepted"), max_length=500)
    normalized = models.CharField(_("normalized"), max_length=500)
    synonyms_before = models.TextField(_("synonyms before"), blank=True)
    # [{"response", "attempt", "before": {...}, "after": {...}}]: points, correct and feedback of
    # the response, score, max score and pass of its attempt.
    regraded = models.JSONField(_("regraded"), default=list)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undone by"),
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        verbose_name = _("accepted wrong answer")
        verbose_name_plural = _("accepted wrong answers")
        ordering = ["-accepted_at", "-pk"]

    def __str__(self):
        return f"{self.question.key} [{self.language}]: {self.text}"
