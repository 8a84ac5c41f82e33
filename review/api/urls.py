from django.urls import path

from review.api import views

urlpatterns = [
    path("me/review/", views.ReviewCardListApi.as_view(), name="api-review"),
    path(
        "me/review/<id:question_id>/",
        views.ReviewAnswerApi.as_view(),
        name="api-review-answer",
    ),
]
