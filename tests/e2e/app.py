"""Moving through the app in a browser test: waiting for a screen, answering any kind of
question the way a learner does (tapping, typing), reading right answers from the database."""

import json
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

from quizzes.models import Choice, Question, Response

SUBMIT_OR_NEXT = ".quiz-nav button[type=submit]"


def screen(page, name: str, timeout: float = 15000) -> None:
    """Wait until the app has shown (or taken over) the screen `name`."""
    page.wait_for_function(
        f"() => document.documentElement.dataset.ready === '{name}'", timeout=timeout
    )


def go(page, path: str, name: str) -> None:
    page.goto(page.base + path)
    screen(page, name)


def eventually(page, check, message: str, timeout: float = 10.0) -> None:
    """Wait (letting the page run) until `check()` is true, e.g. a row the app writes."""
    for _attempt in range(int(timeout * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    raise AssertionError(message)


def offline_ready(page) -> None:
    """Wait until the service worker controls the page and keeps this screen for offline use."""
    page.wait_for_function(
        "() => navigator.serviceWorker.controller"
        " && document.documentElement.dataset.offlineReady === 'true'",
        timeout=20000,
    )


def sign_in_through_the_app(page, username: str, password: str) -> None:
    page.click("#account a.sign-in")
    sign_in_on_the_screen(page, username, password)


def sign_in_on_the_screen(page, username: str, password: str) -> None:
    """The sign-in screen, reached by any of the app's links: fill it in and send it."""
    screen(page, "login")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#sign-in button[type=submit]")


def refuse_saves_of(page, question: Question) -> None:
    """The server refuses every save of this question's answer for good (a 400 naming it)."""
    refusal = {"code": "too_many_items", "message": "Some fields are not valid.",
               "details": {"answer": ["The answer has over 50 items."]}}  # fmt: skip
    page.route(
        f"**/responses/{question.pk}/**",
        lambda route: route.fulfill(
            status=400, content_type="application/json", body=json.dumps(refusal)
        ),
    )


def answer_refused(page, quiz, question: Question, choice) -> None:
    """Open the quiz, start it and answer its single-choice `question`, which the server
    refuses to save, until the page says so."""
    refuse_saves_of(page, question)
    go(page, f"/en/quizzes/{quiz.slug}/", "quiz")
    start_or_resume(page)
    answer(page, "single", {"choice": choice.pk})
    page.wait_for_function(
        "() => document.getElementById('save-state').textContent.includes('not accepted')"
    )


def start_or_resume(page) -> None:
    page.click("#quiz-actions [data-action=start], #quiz-actions [data-action=resume]")
    page.wait_for_selector("fieldset.question")


def current_question(page) -> tuple[int, str]:
    fieldset = page.locator("fieldset.question")
    return int(fieldset.get_attribute("data-question")), fieldset.get_attribute("data-kind")


def answer(page, kind: str, given: dict) -> None:
    """Answer the question on screen. `given` is the API's shape of the answer, except that a
    number is given as the learner types it: {"typed": "٣"}."""
    question = page.locator("fieldset.question")
    if kind in ("single",):
        question.locator(f"input[value='{given['choice']}']").check()
    elif kind == "multiple":
        for choice in given["choices"]:
            question.locator(f"input[value='{choice}']").check()
    elif kind == "true_false":
        question.locator(f"input[value='{str(given['value']).lower()}']").check()
    elif kind == "text":
        question.locator("input").fill(given["text"])
    elif kind == "set":
        for index, item in enumerate(given["items"]):
            question.locator("input").nth(index).fill(item)
    elif kind == "number":
        question.locator("input").fill(given["typed"])
    elif kind == "order":
        for choice in given["order"]:
            question.locator(f".chips button[data-choice='{choice}']").click()
    elif kind == "match":
        for left, right in given["pairs"].items():
            question.locator(f"fieldset.pair[data-left='{left}'] input[value='{right}']").check()
    else:
        raise AssertionError(f"unknown kind {kind}")


def any_answer(page, kind: str) -> None:
    """Some answer, right or not, to whatever question is on screen."""
    question = page.locator("fieldset.question")
    if kind in ("single", "multiple", "true_false"):
        question.locator("input").first.check()
    elif kind in ("text", "set"):
        question.locator("input").first.fill("L5")
    elif kind == "number":
        question.locator("input").fill("3")
    elif kind == "order":
        while question.locator(".chips button").count():
            question.locator(".chips button").first.click()
    elif kind == "match":
        for pair in question.locator("fieldset.pair").all():
            pair.locator("input").first.check()


def next_question(page) -> bool:
    """Go on; False once the last question led to the review."""
    last = page.get_attribute(SUBMIT_OR_NEXT, "data-action") == "review"
    page.click(SUBMIT_OR_NEXT)
    if last:
        page.wait_for_selector("[data-action=submit]")
    return not last


def right_answer(question: Question, language: str = "en") -> dict:
    """The right answer to a question of the bank, in the API's shape."""
    choices = list(Choice.objects.filter(question=question).order_by("pk"))
    kind = question.kind
    if kind == "single":
        return {"choice": next(c.pk for c in choices if c.correct)}
    if kind == "multiple":
        return {"choices": [c.pk for c in choices if c.correct]}
    if kind == "true_false":
        return {"value": question.true_false_answer}
    if kind == "order":
        return {"order": [c.pk for c in sorted(choices, key=lambda c: c.position)]}
    if kind == "match":
        rights = {c.pair: c.pk for c in choices if c.side == "right"}
        return {"pairs": {c.pk: rights[c.pair] for c in choices if c.side == "left"}}
    if kind == "number":
        return {"typed": f"{question.number_answer:g}"}
    spellings = [answer.synonyms_in(language)[0] for answer in question.answers.all()]
    return {"text": spellings[0]} if kind == "text" else {"items": spellings}


@cache
def _js_catalog(language: str) -> dict[str, str]:
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "djangojs.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def js_text(language: str, msgid: str) -> str:
    """A string of the app's JavaScript catalog (djangojs.po) as a learner in `language` sees it."""
    return _js_catalog(language).get(msgid, msgid)


def saved_choice(learner, question) -> int | None:
    """The choice the server holds as `learner`'s saved answer to `question`, if any."""
    response = Response.objects.filter(attempt__learner=learner, question=question).first()
    return response.answer.get("choice") if response and response.answer else None
