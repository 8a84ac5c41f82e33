from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [
    path("", views.lesson_list, name="lessons"),
    path("lessons/<slug:slug>/", views.lesson_detail, name="lesson"),
]
