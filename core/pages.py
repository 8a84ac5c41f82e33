"""The sign-in screen. In the app, `static/js/login.js` signs in through the API
(`POST /api/v1/auth/login/`); without JavaScript the same form posts here."""

from django.contrib.auth.views import LoginView

from core.shell import shell_context


class SignInView(LoginView):
    template_name = "app/login.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **shell_context(self.request, "login")}
