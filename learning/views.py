"""The Learn screens, rendered into the app shell: the course with its lessons, and a lesson.

The browser modules (`static/js/learn.js`, `lesson.js`) take these screens over and render
the same screens from the API when the learner moves around the app.
"""

from django.http import Http404
from django.views.decorators.http import require_safe

from core.shell import render_screen
from learning import selectors
from learning.links import lesson_links
from learning.models import Lesson


@require_safe
def lesson_list(request):
    """The course and its lessons in order, with the learner's done marks."""
    done = selectors.completed_lesson_ids(learner=request.user)
    lessons = [(lesson, lesson.pk in done) for lesson in selectors.lesson_list()]
    context = {
        "course": selectors.courses().first(),
        "lessons": lessons,
        "done_count": sum(1 for _lesson, is_done in lessons if is_done),
    }
    return render_screen(request, "app/learn.html", context, screen="learn")


@require_safe
def lesson_detail(request, slug):
    """A lesson with its key facts and glossary, its quiz and the next lesson."""
    try:
        lesson = selectors.published_lessons().get(slug=slug)
    except Lesson.DoesNotExist:
        raise Http404 from None
    outline = selectors.lesson_outline()
    position = [item_slug for item_slug, _title in outline].index(slug)
    following = outline[position + 1] if position + 1 < len(outline) else None
    context = {
        "lesson": lesson,
        "position": position + 1,
        "lesson_count": len(outline),
        "next_lesson": {"slug": following[0], "title": following[1]} if following else None,
        "done": lesson.pk in selectors.completed_lesson_ids(learner=request.user),
        "links": lesson_links(lesson),
    }
    return render_screen(request, "app/lesson.html", context, screen="lesson")
