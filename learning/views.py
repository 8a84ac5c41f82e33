"""Server-rendered pages of the course and the health check."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from learning.selectors import published_lessons


@never_cache
def healthz(request):
    """Liveness: answers without touching the database or the cache."""
    return JsonResponse({"status": "ok"})


def lesson_list(request):
    return render(request, "learning/lesson_list.html", {"lessons": published_lessons()})


def lesson_detail(request, slug):
    lesson = get_object_or_404(published_lessons(), slug=slug)
    return render(request, "learning/lesson_detail.html", {"lesson": lesson})
