"""CSV files for instructors: UTF-8 with a byte-order mark, so a spreadsheet opened with a
double click reads Arabic and accented names right; cells that a spreadsheet would run as a
formula are written as text."""

from __future__ import annotations

import base64
import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext as _

from quizzes.accounts import Credentials
from quizzes.results import Results

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return f"{value:g}"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A CSV file's bytes: the BOM, then UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_cell(name) for name in header])
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def data_url(content: bytes, media_type: str = "text/csv") -> str:
    """The file as a data: URL, for a download link that exists only in the page showing it
    (passwords shown once are never stored to be downloaded later)."""
    return f"data:{media_type};charset=utf-8;base64,{base64.b64encode(content).decode()}"


def credentials_csv(credentials: Iterable[Credentials]) -> bytes:
    return csv_bytes(
        [_("name"), _("username"), _("password"), _("cohort")],
        ((c.name, c.username, c.password, c.cohort) for c in credentials),
    )


def results_csv(results: Results, cohorts: dict[int, list[str]] | None = None) -> bytes:
    """One row per submitted attempt: who, when, in which language, the score and the points
    of each question (blank where a drawn quiz did not ask it)."""
    cohorts = cohorts or {}
    questions = results.questions
    numbers: dict[object, int] = defaultdict(int)
    rows = []
    for attempt in results.attempts:
        numbers[attempt.learner_key] += 1
        points = [
            results.responses[attempt.id, q.id].points
            if (attempt.id, q.id) in results.responses
            else None
            for q in questions
        ]
        rows.append(
            [
                attempt.username or _("deleted account"),
                attempt.full_name,
                ", ".join(cohorts.get(attempt.learner_id, [])),
                numbers[attempt.learner_key],
                attempt.language,
                attempt.started_at,
                attempt.submitted_at,
                attempt.after_due,
                attempt.submitted_late,
                attempt.score,
                attempt.max_score,
                round(100 * attempt.share, 1),
                attempt.passed,
                *points,
            ]
        )
    header = [
        _("username"),
        _("name"),
        _("cohorts"),
        _("attempt"),
        _("language"),
        _("started"),
        _("submitted"),
        _("after the due date"),
        _("after the time limit"),
        _("score"),
        _("max score"),
        _("percent"),
        _("passed"),
        *[q.key for q in questions],
    ]
    return csv_bytes(header, rows)
