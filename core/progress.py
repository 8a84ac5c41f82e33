"""`me/progress` is made of sections that apps register (lessons, quizzes, review…), so the
endpoint lives here and core never imports an app.

An app registers, in its AppConfig.ready(), a name, the serializer of its section and a reader
`read(learner, request) -> data` that the serializer turns into JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rest_framework import serializers


@dataclass(frozen=True)
class ProgressSection:
    name: str
    serializer: serializers.BaseSerializer
    read: Callable


SECTIONS: dict[str, ProgressSection] = {}


def register_section(name: str, serializer: serializers.BaseSerializer, read: Callable) -> None:
    SECTIONS[name] = ProgressSection(name, serializer, read)
    progress_serializer.cache_clear()


@cache
def progress_serializer() -> type[serializers.Serializer]:
    """One serializer for the whole page, built from the registered sections."""
    fields = {name: section.serializer for name, section in SECTIONS.items()}
    return type("ProgressOutput", (serializers.Serializer,), fields)


def learner_progress(learner, request) -> dict:
    data = {name: section.read(learner, request) for name, section in SECTIONS.items()}
    return progress_serializer()(data).data
