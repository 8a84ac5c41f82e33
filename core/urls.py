from django.urls import path

from core import views

urlpatterns = [
    path("auth/login/", views.LoginApi.as_view(), name="api-login"),
    path("auth/logout/", views.LogoutApi.as_view(), name="api-logout"),
    path("auth/me/", views.WhoamiApi.as_view(), name="api-me"),
    path("auth/password/", views.PasswordChangeApi.as_view(), name="api-password"),
    path("me/", views.MeApi.as_view(), name="api-me-delete"),
    path("me/progress/", views.ProgressApi.as_view(), name="api-progress"),
]
