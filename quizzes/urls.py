from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("quizzes/", views.quiz_list, name="quizzes"),
    path("quizzes/<slug:slug>/", views.quiz_detail, name="quiz"),
    path("assignments/", views.assignments, name="assignments"),
    path("progress/", views.progress, name="progress"),
]
