"""The content admin as translators see it: translated fields (title_es, body_fr, synonyms_ar…)
editable, everything else read only, nothing added or deleted; a save also writes what it
changed into content.po, the translations' home (deploys load content.po into the database).
"""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.permissions import is_translator
from learning.catalogs import (
    SOURCE_LANGUAGE,
    check_translation,
    content_translations_write,
    in_catalog,
    translation_fields,
)

EMPTY_TRANSLATION = _("Give a translation: without one, learners of this language read English.")


def readonly_for_translators(model, readonly) -> list[str]:
    """`readonly` and every field a form of `model` would edit but its translations: the English
    source, keys, answer-key data, ordering and relations."""
    translated = translation_fields(model)
    originals = {name for name, _language in translated.values()}
    fields = [
        field.name
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
        if field.editable
        and not field.auto_created
        and field.name not in translated
        and field.name not in originals  # modeltranslation shows their per-language fields
        and not (field.many_to_many and not field.remote_field.through._meta.auto_created)
    ]
    return [*readonly, *(name for name in fields if name not in readonly)]


def translator_form(form_class):
    """`form_class` checked as content.po's entries are checked: a translation changed here may
    not be emptied (catalogs stay complete), nor break the source's placeholders, HTML or
    Markdown (a broken entry would keep loadcontent from loading the whole file). Rows
    content.po does not hold are read only."""

    class TranslatorForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.translated = {
                attribute: field
                for attribute, field in translation_fields(self._meta.model).items()
                if attribute in self.fields
            }
            if not in_catalog(self.instance):
                for attribute in self.translated:
                    self.fields[attribute].disabled = True

        def clean(self):
            cleaned = super().clean()
            # Only what this save changes: a field nobody translated yet may stay empty.
            for attribute in self.changed_data:
                if attribute not in self.translated or attribute not in cleaned:
                    continue
                name, _language = self.translated[attribute]
                source = getattr(self.instance, f"{name}_{SOURCE_LANGUAGE}") or ""
                value = cleaned[attribute] or ""
                if source.strip() and not value.strip():
                    self.add_error(attribute, EMPTY_TRANSLATION)
                elif value and (reason := check_translation(source, value, name)):
                    self.add_error(attribute, reason)
            return cleaned

        def saved_translations(self) -> list[tuple]:
            """(object, field, language) of each translation this form changed."""
            return [
                (self.instance, *self.translated[attribute])
                for attribute in self.changed_data
                if attribute in self.translated and not self.fields[attribute].disabled
            ]

    TranslatorForm.__name__ = form_class.__name__
    return TranslatorForm


class TranslatorRulesMixin:
    """What content ModelAdmins and their inlines share: read-only but for translations."""

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not is_translator(request.user):
            return readonly
        return readonly_for_translators(self.model, readonly)

    def has_add_permission(self, request, *args):
        return not is_translator(request.user) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return not is_translator(request.user) and super().has_delete_permission(request, obj)


class TranslatorAdminMixin(TranslatorRulesMixin):
    """For a content ModelAdmin (before modeltranslation's admin in the bases)."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return translator_form(form) if is_translator(request.user) else form

    def get_actions(self, request):
        return {} if is_translator(request.user) else super().get_actions(request)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if is_translator(request.user):
            changelist.list_editable = ()  # order, published…: instructors' work
        return changelist

    def save_related(self, request, form, formsets, change):
        """After the object and its inlines are saved, write the translations they changed
        into content.po, in the same transaction (a failed write saves nothing)."""
        super().save_related(request, form, formsets, change)
        if not is_translator(request.user):
            return
        forms = [form, *(inline for formset in formsets for inline in formset.forms)]
        fields = [
            saved
            for each in forms
            if hasattr(each, "saved_translations")
            for saved in each.saved_translations()
        ]
        if fields:
            content_translations_write(locale_dir=Path(settings.LOCALE_PATHS[0]), fields=fields)


class TranslatorInlineMixin(TranslatorRulesMixin):
    """For an inline of content rows (choices, accepted answers, known wrong answers)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if is_translator(request.user):
            formset.form = translator_form(formset.form)
        return formset
