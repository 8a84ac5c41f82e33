"""The Quizzes and Progress screens, rendered into the app shell.

A quiz's screen shows what the quiz is and one button to start or resume it; taking it happens
in the browser (`static/js/quiz.js`) through the API, which keeps every answer on the device
until the server has it.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.shell import render_screen
from learning import selectors as learning
from learning.links import LessonLink
from quizzes import selectors
from quizzes.assignments import Status, learner_assignments
from quizzes.models import Quiz


def lesson_quiz_link(lesson) -> LessonLink | None:
    """ "Take the quiz" on a lesson's screen (registered with learning.links)."""
    found = selectors.lesson_quiz(lesson)
    if found is None:
        return None
    slug, title = found
    url = reverse("quizzes:quiz", kwargs={"slug": slug})
    return LessonLink(label=_("Take the quiz"), title=title, url=url, kind="quiz")


def _results_by_quiz(learner) -> dict[str, dict]:
    if not learner.is_authenticated:
        return {}
    return {
        entry["quiz"]: _with_percent(entry) for entry in selectors.quiz_progress(learner=learner)
    }


def _with_percent(entry: dict) -> dict:
    best, most = entry["best_score"], entry["max_score"]
    return {**entry, "percent": round(100 * best / most) if best is not None and most else 0}


@require_safe
def quiz_list(request):
    """Every published quiz in course order, with the learner's best result."""
    results = _results_by_quiz(request.user)
    quizzes = [(quiz, results.get(quiz.slug)) for quiz in selectors.quiz_list()]
    return render_screen(request, "app/quizzes.html", {"quizzes": quizzes}, screen="quizzes")


@require_safe
def quiz_detail(request, slug):
    """What the quiz asks and allows, and the learner's attempts at it."""
    try:
        quiz = selectors.quiz_list().get(slug=slug)
    except Quiz.DoesNotExist:
        raise Http404 from None
    context = {"quiz": quiz}
    if request.user.is_authenticated:
        context["attempts"] = selectors.quiz_attempts_of(learner=request.user, slug=slug)
        context["latest"] = selectors.latest_attempt(learner=request.user, quiz=slug)
    return render_screen(request, "app/quiz.html", context, screen="quiz")


# A learner's status on an assignment as its badge says it (static/js/course.js says the same).
STATUS_BADGES = {
    Status.UPCOMING: _("Not open yet"),
    Status.NOT_STARTED: _("Not started"),
    Status.IN_PROGRESS: _("In progress"),
    Status.SUBMITTED: _("Submitted"),
    Status.LATE: _("Submitted late"),
}


def _when(moment) -> str:
    return date_format(localtime(moment), "DATETIME_FORMAT")


def _assignment_facts(row) -> list[str]:
    """Its dates and attempts, as the card lists them (static/js/assignments.js alike)."""
    facts = []
    if row.status == Status.UPCOMING and row.opens_at:
        facts.append(gettext("Opens %(date)s") % {"date": _when(row.opens_at)})
    if row.due_at:
        facts.append(gettext("Due %(date)s") % {"date": _when(row.due_at)})
    if row.attempt_limit:
        facts.append(
            ngettext(
                "%(used)s of %(limit)s attempt used",
                "%(used)s of %(limit)s attempts used",
                row.attempt_limit,
            )
            % {"used": row.attempts_used, "limit": row.attempt_limit}
        )
        facts.append(
            ngettext("%(count)s attempt left", "%(count)s attempts left", row.attempts_left)
            % {"count": row.attempts_left}
        )
    elif row.attempts_used:
        facts.append(
            ngettext("%(count)s attempt used", "%(count)s attempts used", row.attempts_used)
            % {"count": row.attempts_used}
        )
    return facts


@require_safe
def assignments(request):
    """The quizzes the learner's instructors assigned: status, dates, attempts, best score."""
    context = {}
    if request.user.is_authenticated:
        context["assignments"] = [
            {
                "row": row,
                "status": STATUS_BADGES[row.status],
                "facts": " · ".join(_assignment_facts(row)),
                "percent": round(100 * row.best_score / row.max_score)
                if row.best_score is not None and row.max_score
                else 0,
            }
            for row in learner_assignments(learner=request.user)
        ]
    return render_screen(request, "app/assignments.html", context, screen="assignments")


@require_safe
def progress(request):
    """Lessons done and quiz results, in course order."""
    context = {}
    if request.user.is_authenticated:
        done = learning.completed_lesson_ids(learner=request.user)
        results = _results_by_quiz(request.user)
        lessons = [(lesson, lesson.pk in done) for lesson in learning.lesson_list()]
        context = {
            "lessons": lessons,
            "done_count": sum(1 for _lesson, is_done in lessons if is_done),
            "quizzes": [(quiz, results.get(quiz.slug)) for quiz in selectors.quiz_list()],
            "taken_count": len(results),
        }
    return render_screen(request, "app/progress.html", context, screen="progress")
