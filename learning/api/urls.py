from django.urls import path

from learning.api import views

urlpatterns = [
    path("courses/", views.CourseListApi.as_view(), name="api-courses"),
    path("lessons/", views.LessonListApi.as_view(), name="api-lessons"),
    path("lessons/<slug:slug>/", views.LessonDetailApi.as_view(), name="api-lesson"),
    path(
        "lessons/<slug:slug>/complete/",
        views.LessonCompleteApi.as_view(),
        name="api-lesson-complete",
    ),
    path("glossary/", views.GlossaryListApi.as_view(), name="api-glossary"),
]
