"""Cohorts, learners and assignments in the admin, each limited to what the signed-in
instructor teaches (quizzes.visibility); superusers see everything."""

from __future__ import annotations

import re
import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.errors import DomainError
from core.permissions import INSTRUCTORS_GROUP
from learning.admin import LessonProgressAdmin
from learning.models import LessonProgress
from quizzes import accounts
from quizzes.assignments import Status, assignment_status_counts
from quizzes.exports import credentials_csv, data_url
from quizzes.models import Assignment, Cohort
from quizzes.visibility import (
    addable_learners,
    assignments_for,
    cohorts_for,
    learners_for,
    sees_everything,
)

User = get_user_model()
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
NEEDS_SOMEONE = _("Assign the quiz to at least one cohort or learner.")


def join_code_generate() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(8))


def usernames_in(text: str) -> list[str]:
    """Usernames typed one per line, or separated by commas, semicolons or spaces."""
    return [name for name in re.split(r"[\s,;]+", text or "") if name]


def credentials_page(request, admin_site, *, title: str, credentials, back: str):
    """Passwords shown once: on this page and in the CSV it offers, which is built into the
    page itself (a data: link), so no copy is kept on the server."""
    context = {
        **admin_site.each_context(request),
        "title": title,
        "credentials": credentials,
        "csv_url": data_url(credentials_csv(credentials)),
        "back": back,
    }
    response = TemplateResponse(request, "admin/quizzes/cohort/credentials.html", context)
    response["Cache-Control"] = "no-store"
    return response


# --- cohorts ---------------------------------------------------------------------------------


class CohortForm(forms.ModelForm):
    add_usernames = forms.CharField(
        label=_("Add learners by username"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A list of usernames: one per line, or separated by commas or spaces."),
    )

    class Meta:
        model = Cohort
        fields = ["name", "join_code", "learners", "instructors"]


class AccountsForm(forms.Form):
    names = forms.CharField(
        label=_("Names"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "One learner per line: a full name (Amira Haddad) or the username to give. "
            "Each gets an account in this cohort and a new password, shown once."
        ),
    )


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    form = CohortForm
    list_display = ["name", "learner_count", "join_code", "created_at"]
    search_fields = ["name", "join_code"]
    autocomplete_fields = ["learners"]
    fieldsets = [
        (None, {"fields": ["name", "join_code"]}),
        (_("Learners"), {"fields": ["learners", "add_usernames"]}),
        (_("Instructors"), {"fields": ["instructors"]}),
    ]
    actions = ["give_join_codes"]

    def get_queryset(self, request):
        return cohorts_for(request.user).annotate(learner_count=Count("learners", distinct=True))

    @admin.display(description=_("learners"), ordering="learner_count")
    def learner_count(self, cohort):
        return cohort.learner_count

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "learners":
            kwargs["queryset"] = addable_learners(request.user)
        elif db_field.name == "instructors":
            kwargs["queryset"] = User.objects.filter(
                is_active=True, is_staff=True, groups__name=INSTRUCTORS_GROUP
            ).distinct()
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        cohort = form.instance
        if not change and not sees_everything(request.user):
            cohort.instructors.add(request.user)  # who makes a cohort teaches it
        usernames = usernames_in(form.cleaned_data.get("add_usernames"))
        if not usernames:
            return
        try:
            added, refused = accounts.cohort_learners_add(
                cohort=cohort, usernames=usernames, by=request.user
            )
        except DomainError as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        self.message_user(
            request,
            ngettext("%(n)s learner added.", "%(n)s learners added.", len(added))
            % {"n": len(added)},
        )
        if refused:
            self.message_user(
                request, accounts.NOT_ADDABLE % {"usernames": ", ".join(refused)}, messages.WARNING
            )

    @admin.action(description=_("Give a new join code"), permissions=["change"])
    def give_join_codes(self, request, queryset):
        for cohort in queryset:
            cohort.join_code = join_code_generate()
            cohort.save(update_fields=["join_code"])
        self.message_user(request, _("New join codes given."))

    def get_urls(self):
        return [
            path(
                "<int:pk>/accounts/",
                self.admin_site.admin_view(self.accounts_view),
                name="quizzes_cohort_accounts",
            ),
            *super().get_urls(),
        ]

    def accounts_view(self, request, pk):
        """Make learner accounts in bulk from a list of names."""
        if not request.user.has_perm("quizzes.create_learner_accounts"):
            raise PermissionDenied
        cohort = cohorts_for(request.user).filter(pk=pk).first()
        if cohort is None:
            raise Http404
        form = AccountsForm(request.POST or None)
        back = reverse("admin:quizzes_cohort_change", args=[cohort.pk])
        if request.method == "POST" and form.is_valid():
            try:
                made = accounts.learner_accounts_create(
                    names=form.cleaned_data["names"].splitlines(), cohort=cohort
                )
            except DomainError as error:
                form.add_error("names", error.message)
            else:
                return credentials_page(
                    request,
                    self.admin_site,
                    title=_("Accounts made for %(cohort)s") % {"cohort": cohort.name},
                    credentials=made,
                    back=back,
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Make learner accounts for %(cohort)s") % {"cohort": cohort.name},
            "opts": self.opts,
            "original": cohort,
            "form": form,
            "back": back,
        }
        return TemplateResponse(request, "admin/quizzes/cohort/accounts.html", context)


# --- learners --------------------------------------------------------------------------------


class CohortOfLearnerFilter(admin.SimpleListFilter):
    title = _("cohort")
    parameter_name = "cohort"

    def lookups(self, request, model_admin):
        return [(str(c.pk), c.name) for c in cohorts_for(request.user)]

    def queryset(self, request, queryset):
        if self.value():
            cohort = cohorts_for(request.user).filter(pk=self.value()).first()
            return queryset.filter(cohorts=cohort) if cohort else queryset.none()
        return queryset


admin.site.unregister(User)


@admin.register(User)
class LearnerAdmin(UserAdmin):
    """Accounts: an instructor sees the learners of the cohorts they teach, read only, and
    may give them a new password; superusers manage every account as usual."""

    list_display = ["username", "first_name", "last_name", "cohort_names", "is_staff"]
    list_filter = [CohortOfLearnerFilter, "is_staff", "is_active"]
    actions = ["reset_passwords"]
    INSTRUCTOR_FIELDSETS = [
        (None, {"fields": ["username", "first_name", "last_name", "email"]}),
        (_("History"), {"fields": ["date_joined", "last_login"]}),
    ]

    def get_queryset(self, request):
        return learners_for(request.user).prefetch_related(
            Prefetch("cohorts", queryset=cohorts_for(request.user), to_attr="visible_cohorts")
        )

    def get_search_results(self, request, queryset, search_term):
        # Choosing learners for a cohort also finds those in no cohort yet
        # (visibility.addable_learners); everything else stays within the instructor's.
        match = request.resolver_match
        if match and match.url_name == "autocomplete":
            field = request.GET.get("field_name")
            if request.GET.get("model_name") == "cohort" and field == "learners":
                queryset = addable_learners(request.user).order_by("username")
            else:
                queryset = learners_for(request.user).filter(is_staff=False).order_by("username")
        return super().get_search_results(request, queryset, search_term)

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not sees_everything(request.user):
            return self.INSTRUCTOR_FIELDSETS
        return super().get_fieldsets(request, obj)

    @admin.display(description=_("cohorts"))
    def cohort_names(self, user):
        return ", ".join(cohort.name for cohort in user.visible_cohorts)

    def has_reset_passwords_permission(self, request):
        return request.user.has_perm("quizzes.reset_learner_password")

    @admin.action(
        description=_("Give a new password (shown once)"), permissions=["reset_passwords"]
    )
    def reset_passwords(self, request, queryset):
        made = []
        for learner in queryset.filter(is_staff=False, is_superuser=False):
            try:
                made.append(accounts.learner_password_reset(learner=learner, by=request.user))
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
        return credentials_page(
            request,
            self.admin_site,
            title=_("New passwords"),
            credentials=made,
            back=reverse("admin:auth_user_changelist"),
        )


# --- assignments -----------------------------------------------------------------------------


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["quiz", "cohorts", "learners", "opens_at", "due_at", "attempt_limit"]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("cohorts") and not cleaned.get("learners") and not self.hidden_targets:
            raise forms.ValidationError(NEEDS_SOMEONE)
        return cleaned

    hidden_targets = False  # set by the admin when the assignment also reaches others' cohorts


admin.site.unregister(LessonProgress)


@admin.register(LessonProgress)
class TaughtLessonProgressAdmin(LessonProgressAdmin):
    """Lesson progress of the learners the instructor teaches, like their accounts."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(learner__in=learners_for(request.user))


def _status_count(status: str):
    def column(self, assignment):
        return assignment.status_counts.get(status, 0)

    column.short_description = Status.LABELS[status]
    column.__name__ = f"count_{status}"
    return column


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    form = AssignmentForm
    list_display = [
        "quiz",
        "given_to",
        "opens_at",
        "due_at",
        "attempt_limit",
        "count_upcoming",
        "count_not_started",
        "count_in_progress",
        "count_submitted",
        "count_late",
        "results",
    ]
    list_filter = ["quiz"]
    autocomplete_fields = ["quiz", "learners"]
    readonly_fields = ["created_by", "created_at"]
    fieldsets = [
        (None, {"fields": ["quiz"]}),
        (_("Given to"), {"fields": ["cohorts", "learners"]}),
        (_("When"), {"fields": ["opens_at", "due_at", "attempt_limit"]}),
        (_("History"), {"fields": ["created_by", "created_at"]}),
    ]
    count_upcoming = _status_count(Status.UPCOMING)
    count_not_started = _status_count(Status.NOT_STARTED)
    count_in_progress = _status_count(Status.IN_PROGRESS)
    count_submitted = _status_count(Status.SUBMITTED)
    count_late = _status_count(Status.LATE)

    def get_queryset(self, request):
        return (
            assignments_for(request.user)
            .select_related("quiz", "created_by")
            .prefetch_related(
                Prefetch("cohorts", queryset=cohorts_for(request.user), to_attr="visible_cohorts")
            )
        )

    def get_changelist_instance(self, request):
        """Status counts for the page's assignments, in three queries for the whole page."""
        changelist = super().get_changelist_instance(request)
        learners = None
        if not sees_everything(request.user):
            learners = set(learners_for(request.user).values_list("pk", flat=True))
        counts = assignment_status_counts(changelist.result_list, learner_ids=learners)
        for assignment in changelist.result_list:
            assignment.status_counts = counts[assignment.pk]
        return changelist

    @admin.display(description=_("given to"))
    def given_to(self, assignment):
        return ", ".join(cohort.name for cohort in assignment.visible_cohorts) or "—"

    @admin.display(description=_("results"))
    def results(self, assignment):
        url = reverse("admin:quizzes_assignment_results", args=[assignment.pk])
        return format_html('<a href="{}">{}</a>', url, _("results"))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "cohorts":
            kwargs["queryset"] = cohorts_for(request.user)
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        elif db_field.name == "learners":
            kwargs["queryset"] = learners_for(request.user).filter(is_staff=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.hidden_targets = obj is not None and bool(self._hidden_targets(request, obj)[0])
        return form

    def _hidden_targets(self, request, assignment) -> tuple[list, list]:
        """Cohorts and learners of the assignment the user cannot see (a superuser may give
        one assignment to several instructors' cohorts): saving the form must keep them."""
        if sees_everything(request.user):
            return [], []
        cohorts = list(assignment.cohorts.exclude(pk__in=cohorts_for(request.user)))
        learners = list(assignment.learners.exclude(pk__in=learners_for(request.user)))
        return cohorts, learners

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        hidden = self._hidden_targets(request, form.instance) if change else ([], [])
        super().save_related(request, form, formsets, change)
        form.instance.cohorts.add(*hidden[0])
        form.instance.learners.add(*hidden[1])

    def get_urls(self):
        from quizzes.results_admin import assignment_results_urls

        return [*assignment_results_urls(self), *super().get_urls()]
