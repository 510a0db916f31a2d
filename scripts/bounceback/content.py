"""Read content/ from disk and run every check: the one place that touches files.

`read_guide` returns the Guide when the content is clean, or None with every problem
found in one pass (all files are checked, never only the first broken one).
"""
from __future__ import annotations

import os
from pathlib import Path

from jsonschema import SchemaError

from .load import Loaded, load_file
from .model import Guide, guide_from_data, topic_from_data
from .names import stage_problems
from .problems import Problem, shown
from .render import taken_names
from .style import project_words, style_problems
from .validate import compiled_schema, cross_problems, is_id_field, schema_problems, text_problems, text_values, topic_problems

TOPIC_SUFFIX = ".yml"


def display_path(path: Path) -> str:
    """A path as a contributor types it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


MAX_PROBLEMS_PER_FILE = 100


def capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS_PER_FILE problems of each file, then one line saying how many
    more: a file that is wrong on every line should not bury the others."""
    kept: list[Problem] = []
    per_file: dict[str, list[Problem]] = {}
    for problem in problems:
        per_file.setdefault(problem.path, []).append(problem)
    for path, found in per_file.items():
        kept += found[:MAX_PROBLEMS_PER_FILE]
        if len(found) > MAX_PROBLEMS_PER_FILE:
            first_hidden = found[MAX_PROBLEMS_PER_FILE]
            kept.append(Problem(path, first_hidden.line, first_hidden.col,
                                f"{len(found) - MAX_PROBLEMS_PER_FILE} more problems in this file are not shown",
                                "too-many-problems", "Fix the ones above, then run the check again."))
    return sorted(kept)


def _schema(path: Path, problems: list[Problem]):
    """The compiled schema, or None with a problem when it is missing or broken."""
    try:
        return compiled_schema(str(path))
    except (OSError, ValueError, SchemaError) as exc:
        problems.append(Problem(display_path(path), 1, 1, f"cannot use this schema ({type(exc).__name__})",
                                "schema-file", "Restore the schema from the main branch: contributors never edit it."))
        return None


def docs_names(docs: Path) -> dict[str, str]:
    """The top-level names the hand-written part of the site takes (docs/about.md -> 'about',
    docs/assets/ -> 'assets'), each with the file or folder that takes it."""
    try:
        entries = sorted(docs.iterdir()) if docs.is_dir() else []
    except OSError:
        return {}
    return {entry.name.split(".")[0].lower(): f"docs/{entry.name}" + ("/" if entry.is_dir() else "")
            for entry in entries if not entry.name.startswith(".")}


def _topic_entries(topics_dir: Path, problems: list[Problem]) -> list[Path] | None:
    """The files of content/topics/, or None with one problem when the folder cannot be used."""
    where = display_path(topics_dir)
    if topics_dir.is_symlink():
        problems.append(Problem(where, 1, 1, "content/topics is a symbolic link (the topics must live in the "
                                "repository)", "file-type", "Replace the link with an ordinary folder of topic files."))
        return None
    if not topics_dir.is_dir():
        what = "is not a folder" if topics_dir.exists() else "is missing"
        problems.append(Problem(where, 1, 1, f"content/topics {what}", "topics-folder",
                                "Create the folder content/topics/ and put each topic in it as <topic-id>.yml."))
        return None
    try:
        return sorted(topics_dir.iterdir())
    except OSError as exc:
        problems.append(Problem(where, 1, 1, f"cannot list the folder: {exc.strerror or exc}",
                                "file-unreadable", "Check that content/topics/ exists and is readable."))
        return None


def _style(loaded: Loaded, allowed: frozenset[str]) -> list[Problem]:
    """Spelling and prose problems of a file's words: not of ids (names) or sources (the
    titles of other people's pages, spelt their way)."""
    if loaded.data is None:
        return []
    strings = [(p, t) for p, t in text_values(loaded.data) if not is_id_field(p) and p[:1] != ("sources",)]
    return style_problems(loaded, strings, allowed)


def read_guide(content_dir: Path, repo_root: Path | None = None, style: bool = False) -> tuple[Guide | None, list[Problem]]:
    """Load and check content/ (guide.yml, topics/*.yml, the two schemas) and the names of
    docs/, which stage ids must not take. `style` adds spelling and prose checks: `make
    check` runs them, a build (which only must be safe) does not spend the time."""
    content_dir = Path(content_dir)
    allowed = project_words(content_dir) if style else frozenset()
    repo_root = Path(repo_root) if repo_root else content_dir.parent
    problems: list[Problem] = []
    guide_path = content_dir / "guide.yml"
    guide = load_file(guide_path, display_path(guide_path))
    problems += guide.problems
    guide_schema = _schema(content_dir / "guide.schema.json", problems)
    if guide_schema is not None:
        problems += schema_problems(guide, guide_schema, "guide")
    problems += text_problems(guide)
    problems += stage_problems(guide, {**docs_names(repo_root / "docs"), **taken_names()})
    if style:
        problems += _style(guide, allowed)

    topic_schema = _schema(content_dir / "topic.schema.json", problems)
    topics: dict[str, Loaded] = {}
    topics_dir = content_dir / "topics"
    entries = _topic_entries(topics_dir, problems)
    shown_dir = display_path(topics_dir)  # once: relpath per file costs more than the check itself
    for path in entries or []:
        where = os.path.join(shown_dir, path.name)
        if path.name.startswith("."):
            continue
        if path.is_dir() and not path.is_symlink():
            problems.append(Problem(where, 1, 1, "folders do not belong in content/topics/", "stray-file",
                                    "Put each topic directly in content/topics/ as <topic-id>.yml."))
            continue
        if path.suffix not in (TOPIC_SUFFIX, ".yaml"):
            problems.append(Problem(where, 1, 1, "only topic files (.yml) belong in content/topics/", "stray-file",
                                    "Move this file elsewhere, or rename it to <topic-id>.yml if it is a topic."))
            continue
        if path.suffix == ".yaml":
            problems.append(Problem(where, 1, 1, "topic files end in .yml, not .yaml", "file-extension",
                                    f"Rename it to {shown(path.stem, quote=False)}.yml."))
        loaded = load_file(path, where)
        topics[path.stem] = loaded
        problems += loaded.problems
        if topic_schema is not None:
            problems += schema_problems(loaded, topic_schema, "topic")
        problems += topic_problems(loaded, path.stem)
        if style:
            problems += _style(loaded, allowed)
    problems += cross_problems(guide, topics, listed=entries is not None)
    if problems:
        return None, capped(sorted(set(problems)))
    folder = Path(os.path.relpath(topics_dir, repo_root)).as_posix()  # once, not per topic: relpath is slow
    prefix = "" if folder == "." else f"{folder}/"
    built = {stem: topic_from_data(loaded.data, f"{prefix}{stem}{TOPIC_SUFFIX}") for stem, loaded in topics.items()}
    return guide_from_data(guide.data, built), []

