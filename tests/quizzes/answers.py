"""Answers built from the key in the database, for tests that need a right one."""

from quizzes.models import Kind, Question


def right_answer(question: Question) -> dict:
    """The full-marks answer, from the key in the database."""
    choices = list(question.choices.order_by("pk"))
    answers = list(question.answers.order_by("position", "pk"))
    if question.kind == Kind.SINGLE:
        return {"choice": next(choice.pk for choice in choices if choice.correct)}
    if question.kind == Kind.MULTIPLE:
        return {"choices": [choice.pk for choice in choices if choice.correct]}
    if question.kind == Kind.TRUE_FALSE:
        return {"value": question.true_false_answer}
    if question.kind == Kind.TEXT:
        return {"text": answers[0].synonym_list[0]}
    if question.kind == Kind.SET:
        return {"items": [answer.synonym_list[0] for answer in answers][: question.needed]}
    if question.kind == Kind.ORDER:
        return {"order": [choice.pk for choice in sorted(choices, key=lambda c: c.position)]}
    if question.kind == Kind.MATCH:
        right = {choice.pair: choice.pk for choice in choices if choice.side == "right"}
        return {"pairs": {str(c.pk): right[c.pair] for c in choices if c.side == "left"}}
    return {"value": question.number_answer}
