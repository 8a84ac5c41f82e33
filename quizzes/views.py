"""Server-rendered quiz pages: the list, and the shell that quiz.js drives through the API."""

from django.shortcuts import get_object_or_404, render

from quizzes import selectors


def quiz_list(request):
    return render(request, "quizzes/quiz_list.html", {"quizzes": selectors.quiz_list()})


def quiz_detail(request, slug):
    quiz = get_object_or_404(selectors.quiz_list(), slug=slug)
    return render(request, "quizzes/quiz_detail.html", {"quiz": quiz})
