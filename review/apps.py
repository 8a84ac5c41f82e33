from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = _("Spaced review")

    def ready(self):
        # Review builds on quizzes: it hears of submitted attempts and of instructors' regrades
        # through quizzes' signals and
        # adds its section to me/progress through core's registry; neither imports this app.
        from core.progress import register_section
        from core.shell import register_tab
        from quizzes.results import QuestionFigure, register_question_figure
        from quizzes.signals import attempt_submitted, responses_regraded
        from review.api.serializers import ReviewProgressOutput
        from review.selectors import question_cards, question_forgotten, review_progress
        from review.services import cards_from_attempt, reviews_regraded

        attempt_submitted.connect(
            lambda sender, attempt, responses, **kwargs: cards_from_attempt(
                attempt=attempt, responses=responses
            ),
            dispatch_uid="review-cards-from-attempt",
            weak=False,
        )
        responses_regraded.connect(
            lambda sender, responses, **kwargs: reviews_regraded(responses=responses),
            dispatch_uid="review-cards-regraded",
            weak=False,
        )
        # Between Quizzes (20) and Progress (40).
        register_tab(
            "review",
            label=pgettext_lazy("tab", "Review"),
            url_name="review:review",
            icon="app/icons/review.svg",
            order=30,
        )
        # On the instructors' results pages, per question and language.
        register_question_figure(
            QuestionFigure(
                label=_("Review cards"),
                help_text=_("Learners who missed this question and review it (spaced review)."),
                read=question_cards,
            )
        )
        register_question_figure(
            QuestionFigure(
                label=_("Forgotten, 30 days"),
                help_text=_(
                    "Reviews of this question answered wrong (rated Again) in the last 30 days: "
                    "a question many keep forgetting may need better teaching."
                ),
                read=question_forgotten,
            )
        )
        register_section(
            "review",
            ReviewProgressOutput(),
            lambda learner, request: review_progress(
                learner=learner, time_zone=request.query_params.get("tz", "")
            ),
        )
