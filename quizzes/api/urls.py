from django.urls import path

from quizzes.api import cohorts, views

urlpatterns = [
    path("quizzes/", views.QuizListApi.as_view(), name="api-quizzes"),
    path("quizzes/<slug:slug>/", views.QuizDetailApi.as_view(), name="api-quiz"),
    path("attempts/", views.AttemptListCreateApi.as_view(), name="api-attempts"),
    path("attempts/<id:pk>/", views.AttemptDetailApi.as_view(), name="api-attempt"),
    path(
        "attempts/<id:pk>/responses/<id:question_id>/",
        views.ResponseSaveApi.as_view(),
        name="api-response",
    ),
    path("attempts/<id:pk>/submit/", views.AttemptSubmitApi.as_view(), name="api-submit"),
    path("me/assignments/", views.AssignmentListApi.as_view(), name="api-assignments"),
    path("cohorts/join/", cohorts.CohortJoinApi.as_view(), name="api-cohort-join"),
    path("auth/signup/", cohorts.SignupApi.as_view(), name="api-signup"),
]
