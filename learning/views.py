"""Server-rendered pages of the course."""

from django.shortcuts import get_object_or_404, render

from learning.selectors import published_lessons


def lesson_list(request):
    return render(request, "learning/lesson_list.html", {"lessons": published_lessons()})


def lesson_detail(request, slug):
    lesson = get_object_or_404(published_lessons(), slug=slug)
    return render(request, "learning/lesson_detail.html", {"lesson": lesson})
