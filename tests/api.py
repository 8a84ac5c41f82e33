"""Helpers for API tests: the error shape, and the calls of an attempt."""

import uuid

ERROR_KEYS = {"code", "message", "details"}


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The response is the API's error: exactly code, message and details, as JSON."""
    assert response.status_code == status, (
        f"expected {status}, got {response.status_code}: {response.content[:300]!r}"
    )
    body = response.json()
    assert set(body) == ERROR_KEYS, f"error keys are {sorted(body)}, not {sorted(ERROR_KEYS)}"
    assert isinstance(body["message"], str) and body["message"], "error message is empty"
    assert isinstance(body["details"], dict), "error details is not an object"
    if code is not None:
        assert body["code"] == code, f"error code {body['code']!r}, expected {code!r}"
    return body


def start(client, quiz: str, client_id: str | None = None, query: str = "", **headers):
    body = {"quiz": quiz, "client_id": client_id or str(uuid.uuid4())}
    return client.post(f"/api/v1/attempts/{query}", body, format="json", **headers)


def save(client, attempt_id: int, question_id: int, answer, query: str = "", **headers):
    return client.put(
        f"/api/v1/attempts/{attempt_id}/responses/{question_id}/{query}",
        {"answer": answer},
        format="json",
        **headers,
    )


def submit(client, attempt_id: int, body=None, query: str = "", **headers):
    return client.post(
        f"/api/v1/attempts/{attempt_id}/submit/{query}", body or {}, format="json", **headers
    )


def shaped_answer(question: dict):
    """An answer of the right shape for a served question, right or wrong."""
    choices = [choice["id"] for choice in question.get("choices", [])]
    return {
        "single": lambda: {"choice": choices[0]},
        "multiple": lambda: {"choices": choices[:2]},
        "true_false": lambda: {"value": False},
        "text": lambda: {"text": "something else"},
        "set": lambda: {"items": ["L4", "C1"]},
        "order": lambda: {"order": choices},
        "match": lambda: {
            "pairs": {
                str(left["id"]): right["id"]
                for left, right in zip(question["left"], question["right"], strict=True)
            }
        },
        "number": lambda: {"value": 1000},
    }[question["kind"]]()
