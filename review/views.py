"""The Review screen, rendered into the app shell: how many cards wait and when the next one is
due. Answering them happens in the browser (`static/js/review.js`), through the API, online or
offline."""

from django.views.decorators.http import require_safe

from core.shell import render_screen
from review import selectors


@require_safe
def review(request):
    """The learner's cards due now, or when the next one is due."""
    context = {}
    if request.user.is_authenticated:
        context["summary"] = selectors.review_summary(learner=request.user)
    return render_screen(request, "app/review.html", context, screen="review")
