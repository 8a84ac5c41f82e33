"""The course: lessons derived from the factsheet's sections, a glossary, learners' progress."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learning.images import make_renditions
from learning.rendering import render_markdown


def text_lines(text: str | None) -> list[str]:
    """The non-blank lines of a one-item-per-line field (key facts, synonyms), trimmed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class LessonImage:
    """A lesson's image with its smaller WebP renditions, smallest first."""

    url: str
    alt: str
    width: int | None
    height: int | None
    renditions: tuple[Rendition, ...]


class Section(models.TextChoices):
    """The four sections of the source factsheet; every lesson and question names one."""

    OVERVIEW = "overview", _("Overview")
    CAUSES = "causes", _("Causes")
    SYMPTOMS = "symptoms", _("Symptoms")
    CONCLUSIONS = "conclusions", _("Conclusions")


class Origin(models.TextChoices):
    """Where a content row was made. The pack seeds the course; after that the database is the
    source of truth, and loadcontent only ever writes rows the pack made."""

    PACK = "pack", _("content pack")
    ADMIN = "admin", _("admin")


class ContentKeyed(models.Model):
    """Content with a stable key, exported to and loaded from content.po.

    `content_kind` names the object in a PO msgctxt (`lesson:nerve-roots:title`); fields in
    `content_derived_fields` are computed from others and never translated by hand.

    `origin` says who owns the row; `pack_values` holds, per field (`title_en`, `lesson`,
    `synonyms_es`…), the value the pack or content.po last loaded into it: a field whose value
    now differs from it was edited in the admin, and loadcontent leaves it alone (a three-way
    merge whose base is `pack_values`).
    """

    content_kind = ""
    content_derived_fields: tuple[str, ...] = ()
    # Fields that only place a row in a list the pack orders (its position in the file): a
    # row made in the admin is adopted by the pack whatever they hold.
    pack_ordering_fields: tuple[str, ...] = ()

    origin = models.CharField(
        _("made in"), max_length=5, choices=Origin.choices, default=Origin.ADMIN, editable=False
    )
    pack_values = models.JSONField(
        _("values last loaded from the pack"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def content_key(self) -> str:
        return self.key

    @classmethod
    def content_queryset(cls):
        return cls.objects.all()

    @classmethod
    def content_lookup(cls, key: str) -> dict:
        return {"key": key}


class Course(ContentKeyed):
    content_kind = "course"

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["key"]

    def __str__(self):
        return self.title


class GlossaryTerm(ContentKeyed):
    content_kind = "glossary"

    key = models.SlugField(_("key"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=120)
    definition = models.TextField(_("definition"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["key"]

    def __str__(self):
        return self.term


class PublishedLessonManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(published=True)


class Lesson(ContentKeyed):
    content_kind = "lesson"
    content_derived_fields = ("body_html",)

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("course")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    source = models.CharField(_("factsheet section"), max_length=20, choices=Section.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("body (Markdown)"))
    body_html = models.TextField(_("body (rendered)"), blank=True, editable=False)
    key_facts = models.TextField(_("key facts"), blank=True, help_text=_("One fact per line."))
    minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=3)
    image = models.ImageField(_("image"), upload_to="lessons/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=300, blank=True)
    # learning.images.make_renditions() of the current image, made when the image changes.
    image_renditions = models.JSONField(_("image renditions"), default=dict, editable=False)
    glossary_terms = models.ManyToManyField(
        GlossaryTerm, blank=True, related_name="lessons", verbose_name=_("glossary terms")
    )
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = models.Manager()
    published_objects = PublishedLessonManager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["course", "order", "slug"]
        indexes = [models.Index(fields=["published", "order"], name="lesson_published_order")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.render_body()
        super().save(*args, **kwargs)
        self.render_image()

    def get_absolute_url(self):
        return reverse("learning:lesson", kwargs={"slug": self.slug})

    @property
    def content_key(self) -> str:
        return self.slug

    @classmethod
    def content_lookup(cls, key: str) -> dict:
        return {"slug": key}

    def render_body(self) -> None:
        """Store the sanitized HTML of every language's body, so reads never render Markdown."""
        for code, _name in settings.LANGUAGES:
            body = getattr(self, f"body_{code}", None)
            setattr(self, f"body_html_{code}", render_markdown(body) if body else body)

    def render_image(self) -> None:
        """Make the image's renditions once per image (after saving, so the file is stored)."""
        source = self.image.name if self.image else ""
        if self.image_renditions.get("source", "") == source:
            return
        self.image_renditions = make_renditions(source) if source else {}
        type(self).objects.filter(pk=self.pk).update(image_renditions=self.image_renditions)

    @property
    def image_info(self) -> LessonImage | None:
        if not self.image:
            return None
        renditions = self.image_renditions or {}
        return LessonImage(
            url=self.image.url,
            alt=self.image_alt,
            width=renditions.get("width"),
            height=renditions.get("height"),
            renditions=tuple(
                Rendition(self.image.storage.url(size["name"]), size["width"], size["height"])
                for size in renditions.get("sizes", [])
            ),
        )

    @property
    def image_srcset(self) -> str:
        image = self.image_info
        return ", ".join(f"{r.url} {r.width}w" for r in image.renditions) if image else ""

    @property
    def key_fact_list(self) -> list[str]:
        return text_lines(self.key_facts)


class LessonProgress(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("learner"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="progress", verbose_name=_("lesson")
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="progress_unique_lesson")
        ]

    def __str__(self):
        return f"{self.learner} · {self.lesson}"
