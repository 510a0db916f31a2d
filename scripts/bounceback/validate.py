"""Schema and cross-file checks -> list[Problem]. Pure; never raises on bad input.

The JSON Schemas in content/ are the contract shared with editors; this module turns
their findings into `path:line:col` problems with hints, and adds the checks a schema
cannot express (ids unique across files, references, file names, unsafe text).
"""
from __future__ import annotations

import datetime
import difflib
import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError, validators

from .chars import HIDDEN_HINT, char_name, hidden, hidden_message, lookalikes
from .fastschema import fast_valid
from .load import NUMBER_KEYS, Loaded
from .names import is_windows_device, windows_problem
from .problems import Problem, shown
from .reading import MAX_MINUTES, MAX_WORDS, WORDS_PER_MINUTE, topic_words
from .safety import is_safe_url, link_targets, unsafe_text
from .text import plain

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # always used with fullmatch
_KINDS = {str: "text", list: "a list", dict: "a mapping (key: value lines)", type(None): "empty"}


def _unique_items(validator, unique, instance, schema):
    """uniqueItems in linear time: jsonschema's own falls back to comparing every pair,
    which a 256 KB list of mappings turns into minutes."""
    if not unique or not validator.is_type(instance, "array"):
        return
    seen = set()
    for item in instance:
        try:
            key = json.dumps(item, sort_keys=True)
        except (TypeError, ValueError):
            key = repr(item)
        if key in seen:
            yield ValidationError(f"{shown(item)} is listed twice")
            return
        seen.add(key)


_Validator = validators.extend(Draft202012Validator, {"uniqueItems": _unique_items})


@lru_cache(maxsize=None)
def compiled_schema(schema_path: str) -> Draft202012Validator:
    """Compile a schema once per process: validation runs for every file.

    Raises OSError, ValueError or jsonschema's SchemaError for a missing or broken
    schema; content.py turns that into a problem.
    """
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return _Validator(schema)


def _name(pointer) -> str:
    out = ""
    for part in pointer:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def schema_problems(loaded: Loaded, validator: Draft202012Validator, what: str) -> list[Problem]:
    """Every schema finding of one loaded file, placed on its line and column."""
    if loaded.data is None and not loaded.problems:
        return [Problem(loaded.path, 1, 1, "file is empty", "empty-file", f"A {what} needs the fields shown in CONTRIBUTING.md.")]
    if loaded.data is None:
        return []
    if not isinstance(loaded.data, dict):
        line, col = loaded.where(())
        return [Problem(loaded.path, line, col, f"a {what} must be a mapping of fields (id: ..., title: ...), "
                        f"not {_KINDS.get(type(loaded.data), 'that')}", "type",
                        "Start from an existing file or run `make new`.")]
    if fast_valid(validator, loaded.data):
        return []  # the common case, checked fast; anything else gets jsonschema's full account
    problems = []
    for error in validator.iter_errors(loaded.data):
        problems.extend(_explain(loaded, error))
    return problems


def _entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


def _explain(loaded: Loaded, error) -> list[Problem]:
    pointer = tuple(error.absolute_path)
    name, kind, value = _name(pointer), error.validator, error.validator_value
    line, col = loaded.where(pointer)

    def at(message, rule, hint, spot=None):
        spot = spot or (line, col)
        return Problem(loaded.path, spot[0], spot[1], message, rule, hint)

    instance = error.instance
    if pointer and pointer[-1] in NUMBER_KEYS and kind in ("type", "minimum", "maximum"):
        return [_number_problem(loaded, pointer, error, at)]
    if kind == "required":
        missing = [k for k in value if k not in instance]
        return [at(f"missing required field '{k}'" + (f" in {name}" if pointer else ""), "required",
                   f"Add '{k}:' here; see the annotated example in CONTRIBUTING.md.") for k in missing]
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in instance:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Allowed here: {', '.join(allowed)}."
            out.append(at(f"unknown key {shown(key)}", "unknown-key", hint, loaded.where(pointer + (key,), key=True)))
        return out
    blank = isinstance(instance, str) and not instance.strip()
    if instance is None or (kind in ("pattern", "minLength") and blank):
        return [at(f"'{name}' is empty", "required", "Write something here, or remove the line if the field is optional.")]
    if kind == "type":
        expected = {"string": "text", "array": "a list", "object": "a mapping (key: value lines)"}.get(value, value)
        got = _KINDS.get(type(instance), type(instance).__name__)
        hint = "Write a list with one '- ' line per entry." if value == "array" else (
            "Quote the text, or write it on one line after the key." if value == "string" else "See CONTRIBUTING.md.")
        return [at(f"'{name}' should be {expected}, not {got}", "type", hint)]
    if kind == "pattern" and "a-z0-9" in value:
        message, spot = f"{shown(instance)} is not a valid id in {name}", None
        odd = next((i for i, c in enumerate(instance) if not c.isascii() or not c.isprintable()), None)
        if odd is not None:  # a look-alike or invisible character: name it, where it is
            spot = loaded.where_in(pointer, odd)
            message += f": {char_name(instance[odd])} at column {spot[1]}"
        return [at(message, "id-format", "Use lowercase words and digits joined by hyphens, e.g. ask-for-feedback.", spot)]
    if kind == "pattern" and "[0-9]{4}-" in value:
        return [at(f"'{name}' must be a date written YYYY-MM-DD, not {shown(instance)}", "date-format",
                   "Write the day you checked the topic, e.g. reviewed: 2026-12-01.")]
    if kind == "enum":
        close = difflib.get_close_matches(str(instance), [str(v) for v in value], n=1)
        return [at(f"{shown(instance)} is not allowed for '{name}'", "enum",
                   (f"Did you mean '{close[0]}'? " if close else "") + f"Use one of: {', '.join(map(str, value))}.")]
    if kind == "pattern" and isinstance(instance, str) and "\n" in instance:
        return [at(f"'{name}' must be a single line", "one-line", "Use a folded block ('>-') or shorten it to one line.")]
    if kind == "maxLength":
        return [at(f"'{name}' is too long ({len(instance)} characters; at most {value})", "length",
                   "Shorten it: plain words, one idea." if value < 100 else "Trim it: a topic reads in three minutes.")]
    if kind == "minItems":
        return [at(f"'{name}' has {_entries(len(instance))}; it needs at least {value}", "count", "Add entries; see CONTRIBUTING.md.")]
    if kind == "maxItems":
        return [at(f"'{name}' has {_entries(len(instance))}; at most {value} are allowed", "count", "Keep the strongest ones.")]
    if kind == "uniqueItems":
        return [at(f"'{name}' lists the same entry twice", "duplicate-entry", "Remove the repeated entry.")]
    return [at(f"'{name}': {shown(error.message, 200, quote=False)}", kind, "See CONTRIBUTING.md for the format.")]


def _number_problem(loaded: Loaded, pointer, error, at) -> Problem:
    """A whole-number field (load.NUMBER_KEYS: remind_after_days) holding anything else, at
    the value itself: 0, 400, "7", 7.5, true or a list all get the range and an example."""
    low, high = error.schema.get("minimum", 1), error.schema.get("maximum", 365)  # the field's own schema
    name, value = _name(pointer), error.instance
    example = f"{pointer[-1]}: 7"
    if value is None:
        return at(f"'{name}' is empty", "number", f"Write a whole number of days from {low} to {high}, such as "
                  f"{example}, or remove the line.")
    span = loaded.spans.get(pointer) if isinstance(value, str) else None
    quote = span[2] if span is not None and span[2] in ("'", '"') else ""
    if isinstance(value, (list, dict)):
        written = _KINDS[type(value)]
    elif isinstance(value, str):  # as written: 7.5 and true stay text unless they are a whole number
        written = quote + shown(value, 30, quote=False) + quote + (" (text, in quotes)" if quote else "")
    else:
        written = shown(value, 30, quote=False)
    if quote and re.fullmatch(r"\s*[0-9]{1,9}\s*", value) and low <= int(value) <= high:
        hint = f"Remove the quotes: {pointer[-1]}: {int(value)}."
    else:
        hint = f"Write a whole number of days from {low} to {high}, such as {example} for a week."
    return at(f"'{name}' must be a whole number of days from {low} to {high}, not {written}", "number", hint)


def text_values(data, pointer=()):
    """Every text value in a structure with its pointer, in document order.

    A loop with its own stack, not recursion: it runs over every file of a large guide."""
    stack = [(pointer, data)]
    while stack:
        pointer, data = stack.pop()
        if isinstance(data, str):
            yield pointer, data
        elif isinstance(data, dict):
            stack.extend((pointer + (key,), value) for key, value in reversed(data.items()))
        elif isinstance(data, list):
            stack.extend((pointer + (index,), data[index]) for index in range(len(data) - 1, -1, -1))


def is_id_field(pointer) -> bool:
    """Whether a text value is an id: an item's own, or one in related, previous_ids, a stage's
    topics, tags or the tracker's stage topics."""
    return len(pointer) > 1 and (pointer[-1] in ("id", "topic")
                                 or pointer[-2] in ("related", "previous_ids", "topics", "tags", "tracker_stages"))


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_SHOWN = re.compile(r"[^\s*_\[\]()!\\`]")  # a character no inline Markdown mark can hide


def _has_shown_character(text: str) -> bool:
    """True when some character outside link targets is not a Markdown mark: then the text
    surely shows words, and the parser (plain) need not run. False means: ask plain."""
    return _SHOWN.search(_LINK_TARGET.sub("", text) if "](" in text else text) is not None


def text_problems(loaded: Loaded, strings: list | None = None) -> list[Problem]:
    """Refuse markup, images, unsafe links, hidden characters and look-alike letters anywhere
    in a file's text (`strings`: its text_values), each at the characters concerned."""
    problems = []

    def at(pointer, offset, message, rule, hint):
        line, col = loaded.where_in(pointer, offset)
        problems.append(Problem(loaded.path, line, col, message, rule, hint))

    for pointer, text in text_values(loaded.data) if strings is None else strings:
        for offset, message, hint in unsafe_text(text):
            at(pointer, offset, message, "unsafe-text", hint)
        for offset, char in hidden(text):
            at(pointer, offset, hidden_message(char), "invisible-character", HIDDEN_HINT)
        for offset, char in [] if is_id_field(pointer) else lookalikes(text):  # a bad id is named by id-format
            at(pointer, offset, f"{char_name(char)} in a word of Latin letters looks like a Latin letter but is not",
               "mixed-script", "Retype the word in Latin letters: a look-alike breaks search and hides what it says.")
        if not _has_shown_character(text) and text.strip() and not plain(text).strip():  # '[]()', '` `'
            at(pointer, len(text) - len(text.lstrip()), f"'{_name(pointer)}' has no words a reader would see",
               "no-words", "Write it in words; Markdown marks alone ([](), ` `) show nothing.")
    return problems


# A prohibition or a standing rule has no moment of "done" (CONTRIBUTING.md: checklist items).
_NOT_TICKABLE = re.compile(r"\s*(don['\u2019]t|do not|never|avoid|always|stop \w+ing)\b", re.IGNORECASE)
_PLACEHOLDER_TEXT = re.compile(r"\bTODO\b")
_PLACEHOLDER_ID = re.compile(r"todo(-|$)")


def placeholder_problems(loaded: Loaded, strings: list) -> list[Problem]:
    """TODO text and todo- ids left from `make new`: an unfinished topic never passes (`strings`: its text_values)."""
    problems = []
    for pointer, text in strings:
        is_id = text.startswith("todo") and is_id_field(pointer)
        found = _PLACEHOLDER_TEXT.search(text) if "TODO" in text else None
        if found or (is_id and _PLACEHOLDER_ID.match(text)):
            line, col = loaded.where_in(pointer, found.start() if found else 0)
            problems.append(Problem(loaded.path, line, col, f"'{_name(pointer)}' still holds a placeholder from the template",
                                    "placeholder", "Replace it with your own words (or a real id); see CONTRIBUTING.md."))
    return problems


def _items(data: dict, field: str) -> list[tuple[int, dict]]:
    value = data.get(field)
    return [(i, x) for i, x in enumerate(value) if isinstance(x, dict)] if isinstance(value, list) else []


def _id_problems(loaded: Loaded, field: str, what: str, duplicate_rule: str, duplicate_hint: str) -> list[Problem]:
    """The ids of a list of entries that readers' data is stored under (checklist items, whose
    ticks, and reflection questions, whose notes): each unique in the topic, none a Windows
    device name, and an old id (previous_ids) neither in use nor claimed by two entries."""
    problems = []

    def at(pointer, message, rule, hint):
        line, col = loaded.where(pointer)
        problems.append(Problem(loaded.path, line, col, message, rule, hint))

    seen: dict[str, tuple] = {}
    for index, item in _items(loaded.data, field):
        item_id = item.get("id")
        if isinstance(item_id, str):
            if is_windows_device(item_id):
                problems.append(windows_problem(loaded, (field, index, "id"), what, item_id))
            if item_id in seen:
                at((field, index, "id"), f"{what} {shown(item_id)} is used twice in this topic", duplicate_rule, duplicate_hint)
            seen.setdefault(item_id, (field, index, "id"))
    old_owner: dict[str, int] = {}
    for index, item in _items(loaded.data, field):
        previous = item.get("previous_ids")
        for n, old in enumerate(previous if isinstance(previous, list) else []):
            if not isinstance(old, str):
                continue
            if old in seen:
                at((field, index, "previous_ids", n), f"previous id {shown(old)} is still the id of a current {_ENTRY[field]}",
                   "previous-id-in-use", "An old id must not be in use: remove it from previous_ids.")
            elif old in old_owner and old_owner[old] != index:
                at((field, index, "previous_ids", n), f"previous id {shown(old)} is declared by two {_ENTRY[field]}s",
                   "previous-id-twice", f"Keep the old id on the one {_ENTRY[field]} that replaced it.")
            old_owner.setdefault(old, index)
    return problems


_ENTRY = {"checklist": "item", "reflection": "question"}


def topic_problems(loaded: Loaded, expected_id: str) -> list[Problem]:
    """Checks within one topic that its schema cannot express."""
    data = loaded.data
    if not isinstance(data, dict):
        return []
    problems = []

    def at(pointer, message, rule, hint, key=False):
        line, col = loaded.where(pointer, key=key)
        problems.append(Problem(loaded.path, line, col, message, rule, hint))

    topic_id = data.get("id")
    if not ID_PATTERN.fullmatch(expected_id):
        at((), f"file name {shown(expected_id)} is not a valid topic id", "file-name",
           "Name the file <topic-id>.yml, with a lowercase kebab-case id.")
    elif is_windows_device(expected_id):
        problems.append(windows_problem(loaded, ("id",), "topic id (and file name)", expected_id))
    elif isinstance(topic_id, str) and topic_id != expected_id:
        at(("id",), f"id {shown(topic_id)} differs from the file name '{expected_id}.yml'", "id-file-name",
           f"Rename the file to {shown(topic_id, quote=False)}.yml, or set id: {expected_id}.")
    problems += _id_problems(loaded, "checklist", "checklist item id", "duplicate-item-id",
                             "Give each item its own id; ids are where readers' ticks are stored.")
    problems += _id_problems(loaded, "reflection", "question id", "duplicate-question-id",
                             "Give each question its own id; ids are where readers' notes are stored.")
    for index, item in _items(data, "checklist"):
        text = item.get("text")
        found = _NOT_TICKABLE.match(text) if isinstance(text, str) else None
        if found:
            at(("checklist", index, "text"), f"{shown(found.group(1))} asks for something never done once and for all: "
               "a reader cannot tick it", "not-tickable",
               "Name the one action to take instead, today or at a named moment: not 'Send no angry email' but "
               "'Save the angry draft unsent'.")
    template_ids = set()
    for index, template in _items(data, "templates"):
        tid = template.get("id")
        if not isinstance(tid, str):
            continue
        if is_windows_device(tid):
            problems.append(windows_problem(loaded, ("templates", index, "id"), "template id", tid))
        if tid in template_ids:
            at(("templates", index, "id"), f"template id {shown(tid)} is used twice", "duplicate-template-id",
               "Give each template its own id.")
        template_ids.add(tid)
    reviewed = data.get("reviewed")
    if isinstance(reviewed, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", reviewed):
        try:
            datetime.date.fromisoformat(reviewed)
        except ValueError:
            at(("reviewed",), f"{shown(reviewed)} is not a day of the calendar", "date-format",
               "Write the day you checked the topic as YYYY-MM-DD, e.g. 2026-12-01.")
    words = topic_words(data)
    if words > MAX_WORDS:
        at(("title",), f"the topic has {words} words: about {words / WORDS_PER_MINUTE:.1f} minutes to read, "
           f"more than {MAX_MINUTES} (at most {MAX_WORDS} words, templates included)", "reading-time",
           "Cut it down: one idea per step, shorter templates, and link to the topic that says the rest.", key=True)
    related = data.get("related")
    if isinstance(related, list) and topic_id in related:
        at(("related", related.index(topic_id)), "a topic cannot be related to itself", "related-self",
           "List other topics a reader should go to next.")
    strings = list(text_values(data))  # walked once for both checks below
    return problems + text_problems(loaded, strings) + placeholder_problems(loaded, strings)


def cross_problems(guide: Loaded, topics: dict[str, Loaded], listed: bool = True) -> list[Problem]:
    """Checks across files: unique ids, references to existing topics, every topic placed once.

    `topics` maps each file's stem to its loaded file; a file that failed to load still
    counts as existing, so one broken file is reported once, not at every reference.
    `listed` is False when the topics folder could not be read: that is reported once, by
    the caller, not again at every topic the guide names.
    """
    problems = []
    by_id: dict[str, Loaded] = {}

    def claimed_id(stem: str, loaded: Loaded) -> str:
        data = loaded.data if isinstance(loaded.data, dict) else {}
        return data.get("id") if isinstance(data.get("id"), str) else stem

    ids = {stem: claimed_id(stem, loaded) for stem, loaded in topics.items()}
    # A file whose id is its own name owns that id: a copy elsewhere is the one reported.
    for stem in sorted(topics, key=lambda stem: (ids[stem] != stem, stem)):
        loaded, topic_id = topics[stem], ids[stem]
        if topic_id in by_id and by_id[topic_id] is not loaded:
            line, col = loaded.where(("id",))
            problems.append(Problem(loaded.path, line, col, f"topic id {shown(topic_id)} is also used by {by_id[topic_id].path}",
                                    "duplicate-topic-id", "Each topic needs its own id."))
        by_id.setdefault(topic_id, loaded)
    known = set(by_id) | set(topics)

    for loaded in topics.values():
        related = loaded.data.get("related") if isinstance(loaded.data, dict) else None
        for n, other in enumerate(related if isinstance(related, list) else []):
            if isinstance(other, str) and ID_PATTERN.fullmatch(other) and other not in known:
                problems.append(_missing(loaded, ("related", n), other, known))

    data = guide.data if isinstance(guide.data, dict) else {}
    stages = data.get("stages") if isinstance(data.get("stages"), list) else []
    placed: dict[str, str] = {}
    for s, stage in enumerate(stages):
        entries = stage.get("topics") if isinstance(stage, dict) else None
        for n, topic_id in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(topic_id, str) or not ID_PATTERN.fullmatch(topic_id):
                continue
            pointer = ("stages", s, "topics", n)
            if topic_id not in known:
                if listed:
                    problems.append(_missing(guide, pointer, topic_id, known))
            elif topic_id in placed:
                line, col = guide.where(pointer)
                problems.append(Problem(guide.path, line, col, f"topic '{topic_id}' is already in stage {shown(placed[topic_id])}",
                                        "topic-in-two-stages", "Place each topic in one stage only."))
            placed.setdefault(topic_id, stage.get("id", "?"))
    start = data.get("start") if isinstance(data.get("start"), list) else []
    entries = [(("start", n, "topic"), e.get("topic")) for n, e in enumerate(start) if isinstance(e, dict)]
    if isinstance(data.get("help"), dict):
        entries.append((("help", "topic"), data["help"].get("topic")))
    if isinstance(data.get("tracker_stages"), dict):  # My applications links each stage to its topic
        entries += [(("tracker_stages", stage), topic_id) for stage, topic_id in data["tracker_stages"].items()]
    for pointer, topic_id in entries:
        if listed and isinstance(topic_id, str) and ID_PATTERN.fullmatch(topic_id) and topic_id not in known:
            problems.append(_missing(guide, pointer, topic_id, known))
    if guide.data is not None and isinstance(data.get("stages"), list):
        for stem, loaded in topics.items():
            tid = ids[stem]
            if tid not in placed and stem not in placed and ID_PATTERN.fullmatch(tid):
                line, col = loaded.where(("id",))
                problems.append(Problem(loaded.path, line, col, f"topic {shown(tid)} is in no stage of content/guide.yml",
                                        "topic-not-placed", f"Add {shown(tid)} to the topics of one stage in content/guide.yml."))
    return problems + vocabulary_problems(guide, topics) + reach_problems(topics, ids) + topic_link_problems(topics, ids)


def _mapping(loaded: Loaded) -> dict:
    return loaded.data if isinstance(loaded.data, dict) else {}


def vocabulary_problems(guide: Loaded, topics: dict[str, Loaded]) -> list[Problem]:
    """Tags come from the vocabulary in guide.yml, and a tag whose topics state facts that
    change (sources: required) asks each of them for its sources."""
    vocabulary = _mapping(guide).get("tags")
    declared: dict[str, bool] = {}
    problems = []
    for n, tag in enumerate(vocabulary if isinstance(vocabulary, list) else []):
        tag_id = tag.get("id") if isinstance(tag, dict) else None
        if not isinstance(tag_id, str):
            continue
        if tag_id in declared:
            line, col = guide.where(("tags", n, "id"))
            problems.append(Problem(guide.path, line, col, f"tag {shown(tag_id)} is declared twice", "duplicate-tag",
                                    "Keep one entry for each tag."))
        declared.setdefault(tag_id, tag.get("sources") == "required")
    for loaded in topics.values():
        data = _mapping(loaded)
        tags = data.get("tags") if isinstance(data.get("tags"), list) else []
        for n, tag_id in enumerate(tags):
            if not isinstance(tag_id, str) or not ID_PATTERN.fullmatch(tag_id):
                continue
            if tag_id not in declared or (declared[tag_id] and not data.get("sources")):
                line, col = loaded.where(("tags", n))  # only for a problem: positions cost a second pass
            if tag_id not in declared:
                if tag_id == "templates":
                    hint = "Remove it: whether a topic has templates shows from its templates: field."
                else:
                    close = difflib.get_close_matches(tag_id, sorted(declared), n=1)
                    hint = (f"Did you mean '{close[0]}'? " if close else "") + \
                        "Use a tag of the vocabulary in content/guide.yml (tags:), or propose a new one there."
                problems.append(Problem(loaded.path, line, col, f"unknown tag {shown(tag_id)}", "unknown-tag", hint))
            elif declared[tag_id] and not data.get("sources"):
                problems.append(Problem(loaded.path, line, col, f"tag {shown(tag_id)} marks facts that change "
                                        "(help lines, benefits, legal limits): this topic must list its sources",
                                        "sources-needed", "Add sources: with the official or charity page behind "
                                        "each fact, e.g. - \"[Samaritans](https://www.samaritans.org/)\"."))
    return problems


def reach_problems(topics: dict[str, Loaded], ids: dict[str, str]) -> list[Problem]:
    """Every topic is somewhere a reader goes next: in another topic's related list."""
    if len(topics) < 2:
        return []
    reached = set()
    for stem, loaded in topics.items():
        related = _mapping(loaded).get("related")
        reached.update(r for r in (related if isinstance(related, list) else []) if isinstance(r, str) and r != ids[stem])
    problems = []
    for stem, loaded in topics.items():
        tid = ids[stem]
        if tid not in reached and stem not in reached and ID_PATTERN.fullmatch(tid) and loaded.data is not None:
            line, col = loaded.where(("id",))
            problems.append(Problem(loaded.path, line, col, f"no other topic leads to {shown(tid)}: it is in no "
                                    "topic's related list", "unreached-topic",
                                    f"Add {shown(tid)} to the related list of a topic a reader would come from."))
    return problems


def _missing(loaded: Loaded, pointer, topic_id: str, known: set[str]) -> Problem:
    line, col = loaded.where(pointer)
    close = difflib.get_close_matches(topic_id, sorted(known), n=1)
    hint = f"Did you mean '{close[0]}'?" if close else "Use the id of an existing topic (its file name)."
    return Problem(loaded.path, line, col, f"no topic with id {shown(topic_id)}", "unknown-topic", hint)


_TOPIC_LINK = re.compile(r"\.\./([a-z0-9]+(?:-[a-z0-9]+)*)/(?:#template-([a-z0-9]+(?:-[a-z0-9]+)*))?")


def _links_here(pointer) -> bool:
    """Links to other topics work only in text shown on the topic's own page alone: its why
    and step details. A summary, title, checklist item or question is also shown on the home,
    stage, plan or workbook page, where a relative link would lead somewhere else."""
    return pointer[:1] == ("why",) or (pointer[:1] == ("steps",) and pointer[-1:] == ("detail",))


def _linkable_texts(data: dict):
    """The text values of a topic that can hold a link (templates are text to copy, where a
    link is only characters; ids hold none), walked directly: this runs on every topic."""
    for field in ("title", "summary", "why"):
        if isinstance(data.get(field), str):
            yield (field,), data[field]
    for field, keys in (("steps", ("title", "detail")), ("checklist", ("text",)), ("reflection", ("text",))):
        for index, entry in _items(data, field):
            for key in keys:
                if isinstance(entry.get(key), str):
                    yield (field, index, key), entry[key]
    for field in ("sources",):
        values = data.get(field)
        for index, text in enumerate(values if isinstance(values, list) else []):
            if isinstance(text, str):
                yield (field, index), text


def topic_link_problems(topics: dict[str, Loaded], ids: dict[str, str]) -> list[Problem]:
    """Links between topics (../<topic-id>/ or ../<topic-id>/#template-<template-id>) lead to
    a topic and template that exist, from a field where they work."""
    templates: dict[str, set] = {}
    for stem, loaded in topics.items():
        entries = _mapping(loaded).get("templates")
        templates[ids[stem]] = {t["id"] for t in entries if isinstance(t, dict) and isinstance(t.get("id"), str)} if isinstance(entries, list) else set()
    known = set(templates) | set(topics)
    problems = []
    for loaded in topics.values():
        if not isinstance(loaded.data, dict) or (loaded.source is not None and "](." not in loaded.source and "]:" not in loaded.source):
            continue  # most files link to no other topic: no need to walk their text
        for pointer, text in _linkable_texts(loaded.data):
            if "](." not in text and "]:" not in text:
                continue  # no link into the guide here
            for offset, url in link_targets(text):
                if not url.startswith(("../", "./")) or not is_safe_url(url):
                    continue  # not a link into the guide (another site, or one refused as unsafe already)

                def report(message, rule, hint):
                    line, col = loaded.where_in(pointer, offset)
                    problems.append(Problem(loaded.path, line, col, message, rule, hint))

                match = _TOPIC_LINK.fullmatch(url)
                if match is None:
                    report(f"link {shown(url)} does not lead to a topic", "topic-link",
                           "Link to another topic as ../<topic-id>/ or to its template as ../<topic-id>/#template-<template-id>.")
                elif not _links_here(pointer):
                    report(f"a link to another topic works only in 'why' and step details, not in '{_name(pointer)}'",
                           "link-place", "This text is also shown on other pages: name the topic in words and link it from a step.")
                elif match.group(1) not in known:
                    close = difflib.get_close_matches(match.group(1), sorted(known), n=1)
                    report(f"no topic with id {shown(match.group(1))}", "unknown-topic",
                           f"Did you mean '{close[0]}'?" if close else "Use the id of an existing topic (its file name).")
                elif match.group(2) and match.group(2) not in templates.get(match.group(1), set()):
                    have = sorted(templates.get(match.group(1), set()))
                    report(f"topic '{match.group(1)}' has no template {shown(match.group(2))}", "unknown-template",
                           f"Its templates: {', '.join(have)}." if have else "That topic has no templates: link to the topic itself.")
    return problems
