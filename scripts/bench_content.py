"""Synthetic guides of any size, in the real content format, for the benchmark and scaling tests.

Each synthetic topic is a copy of one real topic (so text lengths, steps, checklists,
templates and tags are realistic) with its own id, title and related links; it sits in the
stage of the real topic it copies, so topics spread over the stages like the real content.
The result passes `bounceback check`.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_LINE = "# yaml-language-server: $schema=../topic.schema.json\n"


def _real(content: Path) -> tuple[dict, list[dict]]:
    """The real guide and its topics, in reading order (plain YAML: the real files are clean)."""
    guide = yaml.safe_load((content / "guide.yml").read_text(encoding="utf-8"))
    order = [t for stage in guide["stages"] for t in stage["topics"]]
    topics = [yaml.safe_load((content / "topics" / f"{t}.yml").read_text(encoding="utf-8")) for t in order]
    for topic in topics:  # PyYAML reads an unquoted date as a date; the content means its text
        if "reviewed" in topic:
            topic["reviewed"] = str(topic["reviewed"])
    return guide, topics


_TOPIC_LINK = re.compile(r"\[([^\]]*)\]\(\.\./([a-z0-9-]+)/([^)]*)\)")


def _relinked(text: str, known: set, limit: int) -> str:
    """Links between real topics, pointed at the first copy of their target; only their
    words when the guide is too small to hold that copy or the text would grow too long."""
    if "](../" not in text:
        return text
    linked = _TOPIC_LINK.sub(lambda m: f"[{m[1]}](../{m[2]}-1/{m[3]})" if f"{m[2]}-1" in known else m[1], text)
    return linked if len(linked) <= limit else _TOPIC_LINK.sub(lambda m: m[1], text)


def synthetic_guide(count: int, content: Path = ROOT / "content") -> tuple[dict, list[dict]]:
    """guide.yml data and `count` topics: topic i copies real topic i mod len(real)."""
    guide, real = _real(content)
    limits = _limits(json.loads((content / "topic.schema.json").read_text(encoding="utf-8")))
    stage_of = {t: s["id"] for s in guide["stages"] for t in s["topics"]}
    topics = []
    known = {f"{real[i % len(real)]['id']}-{i // len(real) + 1}" for i in range(count)}
    for i in range(count):
        base = real[i % len(real)]
        copy_no = i // len(real) + 1
        topic = _varied(base, copy_no, limits, known=known)
        topics.append({**topic, "id": f"{base['id']}-{copy_no}", "title": f"{base['title']} {copy_no}",
                       "_stage": stage_of[base["id"]]})
    by_stage: dict[str, list[str]] = {s["id"]: [] for s in guide["stages"]}
    for topic in topics:
        by_stage[topic["_stage"]].append(topic["id"])
    stages = [{**s, "topics": by_stage[s["id"]]} for s in guide["stages"] if by_stage[s["id"]]]
    ids = [t["id"] for t in topics]
    for i, topic in enumerate(topics):
        del topic["_stage"]
        # Related: the next topic in the same stage, and two further on in reading order.
        siblings = by_stage[next(s["id"] for s in stages if topic["id"] in s["topics"])]
        at = siblings.index(topic["id"])
        related = [siblings[(at + 1) % len(siblings)], ids[(i + 7) % count], ids[(i + 31) % count]]
        topic["related"] = list(dict.fromkeys(r for r in related if r != topic["id"])) or [ids[(i + 1) % count]]
    # Home page entry points open the first copy of their real topic (always present: count >= 20).
    start = [{**entry, "topic": f"{entry['topic']}-1"} for entry in guide.get("start", []) if f"{entry['topic']}-1" in ids]
    help_line = guide.get("help")
    guide = {k: v for k, v in guide.items() if k != "help"}
    if help_line and f"{help_line['topic']}-1" in known:
        guide["help"] = {**help_line, "topic": f"{help_line['topic']}-1"}
    if "tracker_stages" in guide:  # every stage keeps a topic: its own first copy, else the first topic
        guide["tracker_stages"] = {stage: f"{topic}-1" if f"{topic}-1" in known else ids[0]
                                   for stage, topic in guide["tracker_stages"].items()}
    return {**guide, "stages": stages, **({"start": start} if start else {})}, topics


_KEEP = {"id", "related", "tags", "previous_ids", "body", "sources", "reviewed"}


def _varied(value, copy_no: int, limits: dict, field: str = "", known: set = frozenset()):
    """The same text made unique to its copy (so no cache sees repeats), within length limits."""
    if isinstance(value, dict):
        return {k: v if k in _KEEP else _varied(v, copy_no, limits, k, known) for k, v in value.items()}
    if isinstance(value, list):
        return [_varied(v, copy_no, limits, field, known) for v in value]
    if not isinstance(value, str):  # a number (remind_after_days) stays as it is
        return value
    limit = limits.get(field, 10**6)
    value = _relinked(value, known, limit)
    suffix = f"({copy_no})"  # glued to the last word: a copy is unique but no longer to read than its topic
    return value + suffix if len(value) + len(suffix) <= limit else value


def _limits(schema: dict) -> dict:
    """maxLength of every text field, by field name (the smallest where a name repeats)."""
    found: dict[str, int] = {}

    def walk(node, name=""):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            limit = node.get("maxLength") or schema.get("$defs", {}).get(ref.rpartition("/")[2], {}).get("maxLength")
            if name and limit:
                found[name] = min(limit, found.get(name, limit))
            for key, sub in node.get("properties", {}).items():
                walk(sub, key)
            if "items" in node:
                walk(node["items"], name)

    walk(schema)
    return found


def write_content(dest: Path, count: int, source: Path = ROOT / "content") -> Path:
    """A content/ folder (schemas, guide.yml, topics/) holding `count` synthetic topics."""
    guide, topics = synthetic_guide(count, source)
    dest.mkdir(parents=True, exist_ok=True)
    for path in [*source.glob("*.schema.json"), source / "words.txt"]:  # words.txt: names the spelling check knows
        if path.exists():
            shutil.copy2(path, dest / path.name)
    (dest / "guide.yml").write_text(_dump(guide), encoding="utf-8")
    (dest / "topics").mkdir(exist_ok=True)
    for topic in topics:
        (dest / "topics" / f"{topic['id']}.yml").write_text(SCHEMA_LINE + _dump(topic), encoding="utf-8")
    return dest


def write_project(dest: Path, count: int) -> Path:
    """What `make build` reads (tests/sitekit.py's copy of the project), with synthetic content."""
    sys.path.insert(0, str(ROOT / "tests"))
    from sitekit import copy_project

    copy_project(dest)
    shutil.rmtree(dest / "content")
    write_content(dest / "content", count)
    return dest


def write_plain_project(dest: Path, source_project: Path, pages, nav: list) -> Path:
    """The same site as plain MkDocs input: rendered pages on disk, nav in mkdocs.yml, no hooks."""
    shutil.copytree(source_project, dest, ignore=shutil.ignore_patterns("content", "scripts"))
    for page in pages:
        target = dest / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config = (source_project / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("hooks", "watch", "nav"):
        config = _drop_key(config, key)
    config += "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def _drop_key(config: str, key: str) -> str:
    """Remove one top-level key and its indented block from YAML text."""
    return re.sub(rf"^{key}:.*\n(?:(?:[ \t-].*)?\n)*", "", config, flags=re.MULTILINE)


class _ContentDumper(yaml.SafeDumper):
    """Writes text the way contributors do: long lines folded (>-), multi-line text literal (|)."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else (">" if len(value) > 70 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ContentDumper.add_representer(str, _text)


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=_ContentDumper, sort_keys=False, allow_unicode=True, width=88, indent=2)
