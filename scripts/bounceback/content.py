"""Read content/ from disk and run every check: the one place that touches files.

`read_guide` returns the Guide when the content is clean, or None with every problem
found in one pass (all files are checked, never only the first broken one).
"""
from __future__ import annotations

import os
from pathlib import Path

from .load import Loaded, load_file
from .model import Guide, guide_from_data, topic_from_data
from .problems import Problem
from .validate import compiled_schema, cross_problems, schema_problems, text_problems, topic_problems

TOPIC_SUFFIX = ".yml"


def display_path(path: Path) -> str:
    """A path as a contributor types it: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def read_guide(content_dir: Path, repo_root: Path | None = None) -> tuple[Guide | None, list[Problem]]:
    """Load and check content/ (guide.yml, topics/*.yml, the two schemas)."""
    content_dir = Path(content_dir)
    repo_root = Path(repo_root) if repo_root else content_dir.parent
    problems: list[Problem] = []
    guide_path = content_dir / "guide.yml"
    guide = load_file(guide_path, display_path(guide_path))
    problems += guide.problems
    problems += schema_problems(guide, compiled_schema(str(content_dir / "guide.schema.json")), "guide")
    problems += text_problems(guide)

    topic_schema = compiled_schema(str(content_dir / "topic.schema.json"))
    topics: dict[str, Loaded] = {}
    topics_dir = content_dir / "topics"
    entries = sorted(topics_dir.iterdir()) if topics_dir.is_dir() else []
    for path in entries:
        shown = display_path(path)
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in (TOPIC_SUFFIX, ".yaml"):
            problems.append(Problem(shown, 1, 1, "only topic files (.yml) belong in content/topics/", "stray-file",
                                    "Move this file elsewhere, or rename it to <topic-id>.yml if it is a topic."))
            continue
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 1, 1, "topic files end in .yml, not .yaml", "file-extension",
                                    f"Rename it to {path.stem}.yml."))
        loaded = load_file(path, shown)
        topics[path.stem] = loaded
        problems += loaded.problems
        problems += schema_problems(loaded, topic_schema, "topic")
        problems += topic_problems(loaded, path.stem)
    problems += cross_problems(guide, topics)
    if problems:
        return None, sorted(set(problems))
    built = {
        stem: topic_from_data(loaded.data, Path(os.path.relpath(topics_dir / f"{stem}{TOPIC_SUFFIX}", repo_root)).as_posix())
        for stem, loaded in topics.items()
    }
    return guide_from_data(guide.data, built), []

