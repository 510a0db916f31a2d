"""The guide as frozen data: what the renderer needs, nothing about files or YAML."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Step:
    title: str
    detail: str


@dataclass(frozen=True)
class ChecklistItem:
    """One item; `remind_after_days`: for an item to do later, in how many days (the page
    offers a calendar reminder for that day), validated as a whole number from 1 to 365."""
    id: str
    text: str
    previous_ids: tuple[str, ...] = ()
    remind_after_days: int | None = None


@dataclass(frozen=True)
class Question:
    """A reflection question; readers' notes are stored under its id, as ticks under an item's."""
    id: str
    text: str
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    body: str


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    why: str
    steps: tuple[Step, ...]
    checklist: tuple[ChecklistItem, ...]
    reflection: tuple[Question, ...]
    related: tuple[str, ...]
    templates: tuple[Template, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    reviewed: str = ""  # YYYY-MM-DD, shown as "Last reviewed"
    source_path: str = ""  # e.g. content/topics/<id>.yml, for "Suggest an edit"


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    summary: str
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Tag:
    """One word of the tag vocabulary; `needs_sources`: its topics state facts that change."""
    id: str
    kind: str  # "subject" or "situation"
    about: str
    needs_sources: bool = False


# The stages an application can reach in My applications, in order: the ids its entries are
# stored with, and the keys of guide.yml's tracker_stages (content/guide.schema.json).
TRACKER_STAGES = ("applied", "screened-out", "phone-screen", "interview", "final-round", "offer")


@dataclass(frozen=True)
class Guide:
    title: str
    welcome: str
    stages: tuple[Stage, ...]
    topics: dict  # topic id -> Topic, in reading order
    start: tuple[tuple[str, str], ...] = ()  # (where the reader is, topic id to open first)
    tags: tuple[Tag, ...] = ()
    help: tuple[str, str] | None = None  # (the words of the help line on every page, its topic id)
    tracker_stages: tuple[tuple[str, str], ...] = ()  # (tracker stage id, topic for a no there), in TRACKER_STAGES order

    def stage_of(self, topic_id: str) -> Stage:
        return self._stage_by_topic[topic_id]

    @cached_property
    def _stage_by_topic(self) -> dict:
        """Built once: searching the stages for every topic page grew with the square of the guide."""
        return {t: s for s in self.stages for t in s.topic_ids}


def topic_from_data(data: dict, source_path: str = "") -> Topic:
    """Build a Topic from validated data (validation guarantees the shape)."""
    return Topic(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        why=data["why"],
        steps=tuple(Step(s["title"], s["detail"]) for s in data["steps"]),
        checklist=tuple(
            ChecklistItem(i["id"], i["text"], tuple(i.get("previous_ids", ())), i.get("remind_after_days"))
            for i in data["checklist"]
        ),
        reflection=tuple(Question(q["id"], q["text"], tuple(q.get("previous_ids", ()))) for q in data["reflection"]),
        related=tuple(data["related"]),
        templates=tuple(Template(t["id"], t["title"], t["body"]) for t in data.get("templates", ())),
        tags=tuple(data.get("tags", ())),
        sources=tuple(data.get("sources", ())),
        reviewed=data.get("reviewed", ""),
        source_path=source_path,
    )


def guide_from_data(data: dict, topics: dict) -> Guide:
    """Build the Guide from validated guide data and topics keyed by id."""
    stages = tuple(Stage(s["id"], s["title"], s["summary"], tuple(s["topics"])) for s in data["stages"])
    ordered = {tid: topics[tid] for stage in stages for tid in stage.topic_ids}
    start = tuple((s["when"], s["topic"]) for s in data.get("start", ()))
    tags = tuple(Tag(t["id"], t["kind"], t["about"], t.get("sources") == "required") for t in data.get("tags", ()))
    help_line = (data["help"]["text"], data["help"]["topic"]) if "help" in data else None
    by_stage = data.get("tracker_stages", {})
    tracker = tuple((stage, by_stage[stage]) for stage in TRACKER_STAGES if stage in by_stage)
    return Guide(data["title"], data["welcome"], stages, ordered, start, tags, help_line, tracker)
