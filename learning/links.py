"""Links other apps add to a lesson's screen (its quiz), so learning imports none of them.

An app registers, in its AppConfig.ready(), a function `read(lesson) -> LessonLink | None`
that costs at most one query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LessonLink:
    label: str
    title: str
    url: str
    kind: str


LINKS: dict[str, Callable] = {}


def register_lesson_link(name: str, read: Callable) -> None:
    LINKS[name] = read


def lesson_links(lesson) -> list[LessonLink]:
    return [link for read in LINKS.values() if (link := read(lesson)) is not None]
