"""Broken packs: loadcontent validates first, names file, line, key and problem, writes nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from learning.packs import PackInvalid, read_pack
from tests.learning.helpers import (
    content_snapshot,
    edit_file,
    run_loadcontent,
    run_refused_loadcontent,
)


def drop_lesson_title(pack: Path) -> None:
    edit_file(pack / "lessons" / "symptoms.md", "title: What the symptoms look like\n", "")


def drop_glossary_term(pack: Path) -> None:
    edit_file(pack / "glossary.yaml", "  term: L5\n", "")


def list_lesson_twice(pack: Path) -> None:
    edit_file(pack / "course.yaml", "  - symptoms\n", "  - symptoms\n  - symptoms\n")


def copy_lesson_under_same_key(pack: Path) -> None:
    lessons = pack / "lessons"
    (lessons / "symptoms-copy.md").write_text((lessons / "symptoms.md").read_text())


def repeat_glossary_key(pack: Path) -> None:
    # Put the repeat first, so the original entry (now at line 4) is the duplicate.
    glossary = pack / "glossary.yaml"
    repeat = "- key: l4\n  term: L4 again\n  definition: The same key twice.\n"
    glossary.write_text(repeat + glossary.read_text())


def unknown_section(pack: Path) -> None:
    edit_file(pack / "lessons" / "symptoms.md", "source: symptoms", "source: diagnosis")


def bad_indentation(pack: Path) -> None:
    edit_file(
        pack / "course.yaml", "key: back-and-foot-pain\n", "key: back-and-foot-pain\n  x: 1\n"
    )


def unclosed_bracket(pack: Path) -> None:
    edit_file(pack / "lessons" / "symptoms.md", "l4, l5, s1]", "l4, l5, s1")


def unknown_glossary_key(pack: Path) -> None:
    edit_file(pack / "lessons" / "symptoms.md", "glossary: [", "glossary: [no-such-term, ")


def lesson_not_in_course(pack: Path) -> None:
    edit_file(pack / "course.yaml", "  - symptoms\n", "")


def course_lists_missing_lesson(pack: Path) -> None:
    edit_file(pack / "course.yaml", "  - symptoms\n", "  - symptoms\n  - ghost-lesson\n")


def repeat_a_synonym(pack: Path) -> None:
    # The same spelling with other case and punctuation is the same answer to the grader.
    edit_file(
        pack / "quizzes" / "piriformis-and-neuropathy-quiz.yaml",
        "          - pyriform muscle\n",
        "          - pyriform muscle\n          - Pyriform-Muscle\n",
    )


@dataclass(frozen=True)
class Breakage:
    """One thing broken in a copy of the real pack, and the problem loadcontent must report."""

    break_pack: Callable[[Path], None]
    file: str  # relative to the pack
    line: int | None  # None where the reader cannot point at a line
    key: str  # "" where the file could not be parsed far enough to know it
    problem: str


BREAKAGES = {
    "lesson-without-title": Breakage(
        drop_lesson_title, "lessons/symptoms.md", 2, "symptoms", "'title' is required"
    ),
    "glossary-entry-without-term": Breakage(
        drop_glossary_term, "glossary.yaml", 6, "l5", "'term' is required"
    ),
    "course-lists-lesson-twice": Breakage(
        list_lesson_twice, "course.yaml", None, "symptoms", "listed twice"
    ),
    "two-lesson-files-one-key": Breakage(
        copy_lesson_under_same_key,
        "lessons/symptoms.md",
        None,
        "symptoms",
        "duplicate lesson key 'symptoms'",
    ),
    "duplicate-glossary-key": Breakage(
        repeat_glossary_key, "glossary.yaml", 4, "l4", "duplicate glossary key 'l4'"
    ),
    "unknown-section": Breakage(
        unknown_section, "lessons/symptoms.md", 2, "symptoms", "unknown section 'diagnosis'"
    ),
    "yaml-bad-indentation": Breakage(bad_indentation, "course.yaml", 2, "", "broken YAML"),
    "yaml-unclosed-bracket": Breakage(
        unclosed_bracket, "lessons/symptoms.md", 12, "", "broken YAML"
    ),
    "unknown-glossary-key": Breakage(
        unknown_glossary_key,
        "lessons/symptoms.md",
        None,
        "symptoms",
        "unknown glossary key 'no-such-term'",
    ),
    "lesson-missing-from-course": Breakage(
        lesson_not_in_course, "lessons/symptoms.md", None, "symptoms", "not listed in course.yaml"
    ),
    "course-lists-lesson-without-file": Breakage(
        course_lists_missing_lesson,
        "course.yaml",
        None,
        "ghost-lesson",
        "has no file lessons/ghost-lesson.md",
    ),
    "synonym-listed-twice": Breakage(
        repeat_a_synonym,
        "quizzes/piriformis-and-neuropathy-quiz.yaml",
        25,
        "muscle-that-squeezes-sciatic-nerve",
        "synonym listed twice: Pyriform-Muscle, pyriform muscle",
    ),
}
breakages = pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())


def make_valid_edits(pack: Path) -> None:
    """Changes a loader that wrote before validating would save: they must not reach the DB."""
    edit_file(pack / "glossary.yaml", "  term: L4\n", "  term: L4 (edited)\n")
    edit_file(pack / "lessons" / "nerve-roots.md", "summary: Why", "summary: Edited. Why")
    edit_file(pack / "course.yaml", "title: Back and foot pain", "title: Edited course title")


@pytest.fixture
def edited_pack(pack_copy) -> Path:
    make_valid_edits(pack_copy)
    return pack_copy


def report_line(breakage: Breakage, pack: Path, stderr: str) -> str | None:
    """The stderr line reporting this breakage with its file, line, key and problem."""
    path = str(pack / breakage.file)
    for line in stderr.splitlines():
        if (
            path in line
            and breakage.problem in line
            and (breakage.line is None or f"{path}:{breakage.line}:" in line)
            and breakage.key in line
        ):
            return line
    return None


# --- loadcontent ---------------------------------------------------------------------------


@breakages
def test_broken_pack_is_refused_with_a_nonzero_exit_code(pack_copy, breakage):
    breakage.break_pack(pack_copy)
    error, _output = run_refused_loadcontent("--pack", str(pack_copy))
    assert error.returncode != 0, "loadcontent refused the pack but would exit with status 0"


@breakages
def test_broken_pack_error_names_file_line_key_and_problem(pack_copy, breakage):
    breakage.break_pack(pack_copy)
    _error, output = run_refused_loadcontent("--pack", str(pack_copy))
    where = f"{breakage.file}:{breakage.line}" if breakage.line else breakage.file
    assert report_line(breakage, pack_copy, output.stderr), (
        f"stderr does not report {where} [{breakage.key}] {breakage.problem!r}:\n{output.stderr}"
    )


@breakages
def test_broken_pack_leaves_the_database_unchanged(loaded_factsheet, edited_pack, breakage):
    breakage.break_pack(edited_pack)
    before = content_snapshot()
    run_refused_loadcontent("--pack", str(edited_pack))
    assert content_snapshot() == before, "a refused pack still changed the database"


def test_valid_edits_in_broken_pack_tests_would_be_written(loaded_factsheet, edited_pack):
    """Guards the test above: without the breakage, its edits do reach the database."""
    before = content_snapshot()
    run_loadcontent("--pack", str(edited_pack))
    assert content_snapshot() != before, "the valid edits made to broken packs change nothing"


def test_broken_pack_error_says_nothing_was_written(pack_copy):
    unknown_section(pack_copy)
    error, _output = run_refused_loadcontent("--pack", str(pack_copy))
    assert "nothing was written" in str(error), f"the error does not say so: {error}"


# --- the pack reader -----------------------------------------------------------------------


def read_problems(pack: Path) -> list:
    with pytest.raises(PackInvalid) as invalid:
        read_pack(pack)
    return invalid.value.problems


@breakages
def test_read_pack_problem_carries_path_line_and_key(pack_copy, breakage):
    breakage.break_pack(pack_copy)
    found = [
        (problem.path, problem.line, problem.key, problem.message)
        for problem in read_problems(pack_copy)
    ]
    wanted = [
        problem
        for problem in found
        if problem[0] == pack_copy / breakage.file
        and (breakage.line is None or problem[1] == breakage.line)
        and problem[2] == breakage.key
        and breakage.problem in problem[3]
    ]
    assert wanted, f"no problem at {breakage.file}:{breakage.line} [{breakage.key}]: {found}"


def test_read_pack_reports_every_problem_in_one_pass(pack_copy):
    drop_lesson_title(pack_copy)
    drop_glossary_term(pack_copy)
    files = {problem.path.name for problem in read_problems(pack_copy)}
    assert files == {"symptoms.md", "glossary.yaml"}, f"problems reported in: {sorted(files)}"


def test_read_pack_refuses_a_missing_folder(tmp_path):
    problems = read_problems(tmp_path / "no-such-pack")
    assert [problem.message for problem in problems] == ["content pack folder not found"]


def test_read_pack_accepts_the_real_pack_without_touching_the_database(factsheet_pack):
    """No `db` fixture here: any query would fail the test."""
    pack = read_pack(factsheet_pack)
    assert [lesson.key for lesson in pack.lessons] == sorted(pack.course.lessons), (
        "the real pack's lesson files and course.yaml list differ"
    )
