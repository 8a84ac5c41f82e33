"""Reading a content pack (YAML + Markdown) into validated, plain specs.

Nothing here touches the database: `read_pack` either returns a whole `Pack` or raises
`PackInvalid` listing every problem with its file, line and key. Other apps add their own part
of a pack (quizzes/) through `register_extension`, so `learning` never imports them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from learning.models import Section

SECTIONS = frozenset(Section.values)
KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: [{self.key or '-'}] {self.message}"


class PackInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class LineDict(dict):
    """A YAML mapping that remembers the line it starts on (1-based)."""

    line: int = 0


class _LineMappings:
    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


class _LineLoader(_LineMappings, yaml.CSafeLoader):
    """libyaml: a tenth of the pure-Python parser's time, for every pack load."""


class _ExplainingLineLoader(_LineMappings, yaml.SafeLoader):
    """The pure-Python parser, for broken files only: it names the line an unclosed bracket
    is on, where libyaml names the line it gave up on."""


for _loader in (_LineLoader, _ExplainingLineLoader):
    _loader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _loader.construct_mapping
    )


class Problems(list):
    """Collects problems while reading; `raise_if_any` ends the read."""

    def add(self, path: Path, line: int | None, key: str, message: str) -> None:
        self.append(Problem(path, line, key, message))

    def raise_if_any(self) -> None:
        if self:
            raise PackInvalid(list(self))


def _parse(text: str):
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclasses
    except yaml.YAMLError as error:
        try:
            yaml.load(text, Loader=_ExplainingLineLoader)  # noqa: S506
        except yaml.YAMLError as explained:
            raise explained from error
        raise


def read_yaml(path: Path, problems: Problems, *, line_offset: int = 0, text: str | None = None):
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        data = _parse(text)
    except OSError as error:
        problems.add(path, None, "", f"cannot read file: {error.strerror}")
        return None
    except UnicodeDecodeError:
        problems.add(path, None, "", "file is not UTF-8 text")
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else None
        problems.add(path, line, "", f"broken YAML: {getattr(error, 'problem', error)}")
        return None
    if line_offset:
        _shift_lines(data, line_offset)
    return data


def _shift_lines(data, offset: int) -> None:
    if isinstance(data, LineDict):
        data.line += offset
        for value in data.values():
            _shift_lines(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift_lines(value, offset)


class Fields:
    """Typed access to one YAML mapping, reporting what is missing or wrong."""

    def __init__(self, mapping: Any, path: Path, problems: Problems, key: str = ""):
        self.path, self.problems = path, problems
        self.ok = isinstance(mapping, dict)
        self.mapping = mapping if self.ok else LineDict()
        self.line = getattr(mapping, "line", None)
        self.key = key or str(self.mapping.get("key", "") or "")
        if not self.ok:
            problems.add(path, self.line, key, "expected a mapping of fields")

    def problem(self, message: str) -> None:
        self.problems.add(self.path, self.line, self.key, message)

    def text(self, name: str, *, required: bool = True, max_length: int | None = None) -> str:
        value = self.mapping.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(f"'{name}' is required")
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.problem(f"'{name}' must be text")
            return ""
        value = str(value).strip()
        if max_length and len(value) > max_length:
            self.problem(f"'{name}' is longer than {max_length} characters")
        return value

    def slug(self, name: str = "key") -> str:
        value = self.text(name)
        if value and not KEY_PATTERN.match(value):
            self.problem(f"'{name}' must be a lowercase slug (letters, digits, hyphens): {value!r}")
        return value

    def section(self, name: str = "source") -> str:
        value = self.text(name)
        if value and value not in SECTIONS:
            known = ", ".join(sorted(SECTIONS))
            self.problem(f"unknown section {value!r} in '{name}' (one of: {known})")
        return value

    def integer(self, name: str, *, default: int | None = None, low: int = 0, high: int = 10**6):
        value = self.mapping.get(name, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"'{name}' must be a whole number")
            return default
        if not low <= value <= high:
            self.problem(f"'{name}' must be between {low} and {high}")
            return default
        return value

    def number(self, name: str, *, required: bool = True):
        value = self.mapping.get(name)
        if value is None:
            if required:
                self.problem(f"'{name}' is required")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(f"'{name}' must be a number")
            return None
        return value

    def boolean(self, name: str, *, default: bool | None = None):
        value = self.mapping.get(name, default)
        if value is None and default is None:
            self.problem(f"'{name}' is required (true or false)")
            return None
        if not isinstance(value, bool):
            self.problem(f"'{name}' must be true or false")
            return default
        return value

    def list(self, name: str, *, required: bool = False) -> list:
        value = self.mapping.get(name)
        if value is None:
            if required:
                self.problem(f"'{name}' is required")
            return []
        if not isinstance(value, list):
            self.problem(f"'{name}' must be a list")
            return []
        return value

    def text_list(self, name: str, *, required: bool = False) -> tuple[str, ...]:
        items = []
        for item in self.list(name, required=required):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.problem(f"every item of '{name}' must be text")
                continue
            if str(item).strip():
                items.append(str(item).strip())
        return tuple(items)


@dataclass(frozen=True)
class CourseSpec:
    key: str
    title: str
    description: str
    lessons: tuple[str, ...]


@dataclass(frozen=True)
class GlossarySpec:
    key: str
    term: str
    definition: str


@dataclass(frozen=True)
class LessonSpec:
    key: str
    source: str
    title: str
    summary: str
    minutes: int
    key_facts: tuple[str, ...]
    glossary: tuple[str, ...]
    body: str
    image: Path | None
    image_alt: str
    path: Path


@dataclass
class Pack:
    path: Path
    course: CourseSpec
    glossary: list[GlossarySpec]
    lessons: list[LessonSpec]
    extensions: dict[str, Any] = field(default_factory=dict)

    @property
    def lesson_sources(self) -> dict[str, str]:
        return {lesson.key: lesson.source for lesson in self.lessons}


@dataclass(frozen=True)
class PackExtension:
    """Another app's part of a pack.

    `read(pack, problems)` validates files and returns a spec (no writes);
    `write(spec, pack, report)` upserts it inside loadcontent's transaction;
    `export(folder) -> list[str]` writes the database's rows out as pack files (exportcontent
    --pack) and returns what it could not write.
    """

    name: str
    read: Callable[[Pack, Problems], Any]
    write: Callable[[Any, Pack, Any], None]
    export: Callable[[Path], list[str]] | None = None


EXTENSIONS: dict[str, PackExtension] = {}


def register_extension(extension: PackExtension) -> None:
    EXTENSIONS[extension.name] = extension


def read_pack(path: Path) -> Pack:
    """Read and validate a whole pack; raise PackInvalid naming every problem found."""
    path = Path(path)
    problems = Problems()
    if not path.is_dir():
        problems.add(path, None, "", "content pack folder not found")
        problems.raise_if_any()
    course = _read_course(path / "course.yaml", problems)
    glossary = _read_glossary(path / "glossary.yaml", problems)
    lessons = _read_lessons(path / "lessons", problems)
    _check_references(path, course, glossary, lessons, problems)
    problems.raise_if_any()
    pack = Pack(path=path, course=course, glossary=glossary, lessons=lessons)
    for extension in EXTENSIONS.values():
        pack.extensions[extension.name] = extension.read(pack, problems)
    problems.raise_if_any()
    return pack


def _read_course(path: Path, problems: Problems) -> CourseSpec:
    fields = Fields(read_yaml(path, problems), path, problems)
    return CourseSpec(
        key=fields.slug(),
        title=fields.text("title", max_length=200),
        description=fields.text("description", required=False),
        lessons=fields.text_list("lessons", required=True),
    )


def _read_glossary(path: Path, problems: Problems) -> list[GlossarySpec]:
    data = read_yaml(path, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.add(path, None, "", "the glossary must be a list of terms")
        return []
    terms, seen = [], set()
    for item in data:
        fields = Fields(item, path, problems)
        spec = GlossarySpec(
            key=fields.slug(),
            term=fields.text("term", max_length=120),
            definition=fields.text("definition"),
        )
        if spec.key in seen:
            fields.problem(f"duplicate glossary key {spec.key!r}")
        seen.add(spec.key)
        terms.append(spec)
    return terms


def _read_lessons(folder: Path, problems: Problems) -> list[LessonSpec]:
    if not folder.is_dir():
        problems.add(folder, None, "", "lessons folder not found")
        return []
    lessons = []
    for path in sorted(folder.glob("*.md")):
        lesson = _read_lesson(path, problems)
        if lesson:
            lessons.append(lesson)
    return lessons


def _read_lesson(path: Path, problems: Problems) -> LessonSpec | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(path, None, "", f"cannot read lesson: {error}")
        return None
    match = FRONT_MATTER.match(text)
    if not match:
        problems.add(path, 1, "", "a lesson starts with YAML front matter between '---' lines")
        return None
    meta = read_yaml(path, problems, text=match.group(1), line_offset=1)
    if meta is None:
        return None
    fields = Fields(meta, path, problems)
    body = text[match.end() :].strip()
    if not body:
        fields.problem("the lesson body is empty")
    key = fields.slug()
    if key and key != path.stem:
        fields.problem(f"key {key!r} does not match the file name {path.name!r}")
    image_name = fields.text("image", required=False)
    image = (path.parent.parent / image_name) if image_name else None
    image_alt = fields.text("image_alt", required=bool(image), max_length=300)
    if image and not image.is_file():
        fields.problem(f"image {image_name!r} not found")
    return LessonSpec(
        key=key,
        source=fields.section(),
        title=fields.text("title", max_length=200),
        summary=fields.text("summary", required=False, max_length=300),
        minutes=fields.integer("minutes", default=3, low=1, high=120),
        key_facts=fields.text_list("key_facts"),
        glossary=fields.text_list("glossary"),
        body=body,
        image=image,
        image_alt=image_alt,
        path=path,
    )


def _check_references(path, course, glossary, lessons, problems: Problems) -> None:
    course_file = path / "course.yaml"
    seen: dict[str, LessonSpec] = {}
    for lesson in lessons:
        if lesson.key in seen:
            problems.add(lesson.path, 1, lesson.key, f"duplicate lesson key {lesson.key!r}")
        seen[lesson.key] = lesson
    listed = set()
    for key in course.lessons:
        if key in listed:
            problems.add(course_file, None, key, f"lesson {key!r} is listed twice")
        listed.add(key)
        if key not in seen:
            problems.add(course_file, None, key, f"lesson {key!r} has no file lessons/{key}.md")
    for key, lesson in seen.items():
        if key and key not in listed:
            problems.add(lesson.path, 1, key, "lesson is not listed in course.yaml")
    terms = {term.key for term in glossary}
    for lesson in lessons:
        for term in lesson.glossary:
            if term not in terms:
                problems.add(lesson.path, 1, lesson.key, f"unknown glossary key {term!r}")
