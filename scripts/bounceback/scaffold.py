"""`bounceback new`: start a topic from a template and place it in a stage.

The template's placeholders fail `bounceback check` on purpose (TODO text, too few
checklist items, a related id that does not exist), so an unfinished topic can never
be published by accident. guide.yml is edited as text, one line or a few characters,
so its comments and layout stay as the contributor left them.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .load import load_bytes, load_file
from .validate import ID_PATTERN

TEMPLATE = """\
# yaml-language-server: $schema=../topic.schema.json
# A new topic. Replace every TODO, add checklist items, then run `make check`.
# CONTRIBUTING.md explains each field and the style: warm, direct, second person.
id: {topic_id}
title: "TODO: a short action in sentence case"
summary: >-
  TODO: one or two sentences a reader can act on even if they read nothing else.
why: >-
  TODO: what doing this changes for the reader, in a short paragraph.
steps:
  # 3 to 6 steps, each an action with enough detail to do it today.
  - title: "TODO: first step"
    detail: >-
      TODO: what to do and how.
  - title: "TODO: second step"
    detail: >-
      TODO: what to do and how.
  - title: "TODO: third step"
    detail: >-
      TODO: what to do and how.
checklist:
  # 4 to 10 items: each starts with a verb and fits on one line.
  # Ids are permanent (readers' ticks are stored under them): pick them with care.
  - id: todo-first-item
    text: "TODO: start with a verb"
reflection:
  # 2 to 5 honest questions worth writing answers to. Ids are permanent too (readers'
  # notes are stored under them).
  - id: todo-first-question
    text: "TODO: a question worth answering in writing?"
  - id: todo-second-question
    text: "TODO: another question?"
related:
  # Ids of topics to read next (their file names in content/topics/).
  - todo-related-topic
# The day you last checked the topic (shown as "Last reviewed"): update it when you do again.
reviewed: {today}
# Optional: templates (copy-ready wording), tags from the vocabulary in content/guide.yml,
# sources (required with a tag marked "sources: required"). See CONTRIBUTING.md.
"""


class ScaffoldError(Exception):
    """A usage problem: the id is taken or invalid, the stage unknown, guide.yml unreadable."""


@dataclass(frozen=True)
class Created:
    topic_file: Path
    guide_file: Path
    stage_id: str


def new_topic(content_dir: Path, topic_id: str, stage_id: str) -> Created:
    """Write content/topics/<id>.yml and append the id to a stage; ScaffoldError on misuse."""
    content_dir = Path(content_dir)
    if not ID_PATTERN.fullmatch(topic_id or "") or len(topic_id) > 60:
        raise ScaffoldError(f"'{topic_id}' is not a valid topic id: use lowercase words joined by hyphens, "
                            "e.g. ask-for-feedback (at most 60 characters)")
    topics_dir = content_dir / "topics"
    target = topics_dir / f"{topic_id}.yml"
    if target.exists() or target.is_symlink() or (topics_dir / f"{topic_id}.yaml").exists():
        raise ScaffoldError(f"a topic with id '{topic_id}' already exists: {target}")
    guide_file = content_dir / "guide.yml"
    new_text = add_to_stage(guide_file, topic_id, stage_id)
    topics_dir.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(TEMPLATE.format(topic_id=topic_id, today=datetime.date.today().isoformat()))
    guide_file.write_bytes(new_text.encode("utf-8"))
    return Created(target, guide_file, stage_id)


def add_to_stage(guide_file: Path, topic_id: str, stage_id: str) -> str:
    """guide.yml's text with `topic_id` appended to a stage's topics; nothing is written."""
    guide = load_file(guide_file, str(guide_file))
    if guide.problems or not isinstance(guide.data, dict) or not isinstance(guide.data.get("stages"), list):
        raise ScaffoldError(f"{guide_file} cannot be read as a guide: run `make check` and fix it first")
    stages = [s for s in guide.data["stages"] if isinstance(s, dict)]
    for stage in stages:
        entries = stage.get("topics")
        if isinstance(entries, list) and topic_id in entries:
            raise ScaffoldError(f"'{topic_id}' is already listed in stage '{stage.get('id')}' of {guide_file}")
    index = next((i for i, s in enumerate(guide.data["stages"]) if isinstance(s, dict) and s.get("id") == stage_id), None)
    if index is None:
        known = ", ".join(str(s.get("id")) for s in stages)
        raise ScaffoldError(f"no stage '{stage_id}' in {guide_file}; stages: {known}")
    entries = guide.data["stages"][index].get("topics")
    if not isinstance(entries, list) or not entries:
        raise ScaffoldError(f"stage '{stage_id}' has no topics list to extend: add '{topic_id}' to it by hand")
    text = guide_file.read_bytes().decode("utf-8")
    line_no, col = guide.where(("stages", index, "topics", len(entries) - 1))
    lines = text.splitlines(keepends=True)
    line = lines[line_no - 1]
    prefix = line[: col - 1]
    if prefix.strip() == "-":  # block list: a new "- id" line under the last one
        ending = line[len(line.rstrip("\r\n")):] or "\n"
        lines[line_no - 1] = line.rstrip("\r\n") + ending
        lines.insert(line_no, f"{prefix}{topic_id}{ending}")
    else:  # flow list [a, b]: ", id" right after the last entry
        end = _scalar_end(line, col - 1)
        lines[line_no - 1] = f"{line[:end]}, {topic_id}{line[end:]}"
    new_text = "".join(lines)
    check = load_bytes(new_text.encode("utf-8"), str(guide_file))
    try:
        placed = None if check.problems else check.data["stages"][index]["topics"]
    except (TypeError, KeyError, IndexError):
        placed = None
    if placed != entries + [topic_id]:
        raise ScaffoldError(f"could not place '{topic_id}' automatically: add it to stage '{stage_id}' "
                            f"in {guide_file} by hand")
    return new_text


def _scalar_end(line: str, start: int) -> int:
    """Index just past a scalar starting at `start` (plain or quoted)."""
    quote = line[start] if start < len(line) else ""
    if quote in ("'", '"'):
        end = line.find(quote, start + 1)
        return len(line.rstrip("\n")) if end < 0 else end + 1
    end = start
    while end < len(line) and line[end] not in ",]} \t\n#":
        end += 1
    return end
