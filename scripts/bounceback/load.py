"""YAML text -> plain data plus a source map of line/column for every value.

Built from parser events (libyaml's C parser where installed) rather than `safe_load`, so
that what YAML would silently get wrong becomes a reported problem instead: duplicate keys,
anchors and aliases (no alias bombs), tags and directives, values YAML would turn into
booleans, dates or numbers, a ` #` comment cutting plain text short, deep nesting, several
documents, tabs, hidden characters, non-UTF-8 and oversized files (see syntax.py for the
text-level ones). Never raises on bad input: every problem comes back in `Loaded.problems`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .chars import hidden
from .positions import source_index, spot_at
from .problems import Problem, shown
from .syntax import bracket_overflow, hidden_problems, syntax_problem, tab_problems

MAX_BYTES = 256 * 1024
MAX_DEPTH = 8

Pointer = tuple  # path into the data: ("checklist", 2, "text")
Spot = tuple[int, int]  # 1-based (line, column)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml (not the pure-Python reader) reports where it refused a character as a byte offset
# into the UTF-8 it was given; its marks count characters.
_BYTE_OFFSETS = _Loader is not yaml.SafeLoader
_RESOLVER = yaml.resolver.Resolver()
_TEXT_TYPES = {
    "tag:yaml.org,2002:bool": ("a boolean (true/false)", "yes, no, on, off, true and false"),
    "tag:yaml.org,2002:int": ("a number", "bare numbers"),
    "tag:yaml.org,2002:float": ("a number", "bare numbers"),
}
# The few fields that hold a whole number, by key (content/topic.schema.json says which
# numbers are allowed). Their value is read as a number when it is written as plain digits,
# `remind_after_days: 7`; anything else written there (7.5, true, "7") stays the text it is,
# so the schema's check reports it where it is written, as not a whole number. YAML's other
# ways of writing numbers (0x1F, 1_000, 1:30, 010 for eight, 07) are never read as one.
NUMBER_KEYS = frozenset({"remind_after_days"})
_DIGITS = re.compile(r"-?(?:0|[1-9][0-9]{0,8})")  # always used with fullmatch; YAML reads these as int

# A date stays the text it is written as: YAML 1.2 (editors) reads it as text too, and a
# topic's `reviewed: 2026-12-01` should not need quotes.
_TEXTUAL_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")


@dataclass(frozen=True)
class Loaded:
    """One YAML file read into plain data; `data` is None when it could not be read."""

    path: str
    data: object = None
    spots: dict = field(default_factory=dict)
    key_spots: dict = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    source: str | None = field(default=None, repr=False, compare=False)  # the text, when it was read
    # pointer -> (start, end, style, value) of each text value: to place a character inside it
    spans: dict = field(default_factory=dict, repr=False, compare=False)
    # A clean file is read in one lean pass; its positions are found from its text only
    # when a later check asks where something is (see `_plain_data`).
    lazy: bool = field(default=False, repr=False, compare=False)

    def _positions(self) -> None:
        if self.lazy and not self.spots:
            full = _build(self.source, self.path)
            self.spots.update(full.spots)
            self.key_spots.update(full.key_spots)
            self.spans.update(full.spans)

    def where(self, pointer: Pointer, key: bool = False) -> Spot:
        """The closest known position for a pointer (the key's if asked and known)."""
        self._positions()
        pointer = tuple(pointer)
        if key and pointer in self.key_spots:
            return self.key_spots[pointer]
        while pointer:
            if pointer in self.spots:
                return self.spots[pointer]
            pointer = pointer[:-1]
        return self.spots.get((), (1, 1))

    def where_in(self, pointer: Pointer, offset: int) -> Spot:
        """Where the character at `offset` of the text value at `pointer` is written: inside a
        multi-line or quoted value, its own line and column; the value's start when unsure."""
        self._positions()
        span = self.spans.get(tuple(pointer))
        if span is not None and self.source is not None:
            index = source_index(self.source, *span, offset)
            if index is not None:
                return spot_at(self.source, index)
        return self.where(pointer)


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and load one file; `display` is the path shown in problems.

    Symbolic links and special files are refused (a link to /dev/zero or to a file outside
    the repository must not be read), and never more than MAX_BYTES + 1 bytes are read.
    """
    display = display or str(path)
    path = Path(path)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        return _failed(display, (1, 1), "not a regular file (symbolic links and special files are refused)",
                       "file-type", "Replace it with an ordinary text file.")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return _failed(display, (1, 1), f"cannot read the file: {exc.strerror or exc}", "file-unreadable",
                       "Check that the file exists and is readable.")
    return load_bytes(raw, display)


def load_bytes(raw: bytes, display: str) -> Loaded:
    """Decode and load YAML bytes; pure."""
    if len(raw) > MAX_BYTES:
        return _failed(display, (1, 1), f"file is over the {MAX_BYTES // 1024} KB limit",
                       "file-too-large", "A topic reads in three minutes: split it or trim it.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]  # valid UTF-8: columns count its characters, not its bytes
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        return _failed(display, (line, col), f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", "encoding",
                       "Save the file as UTF-8 in your editor.")
    return load_text(text.removeprefix("\ufeff"), display)


def load_text(text: str, display: str) -> Loaded:
    """Load YAML text into plain data and positions; pure, never raises."""
    tabs = tab_problems(text, display)
    if tabs:
        return Loaded(display, problems=tuple(tabs))
    # Characters no one can see; the parser itself refuses ASCII control characters (see _build).
    unseen = [] if text.isascii() else hidden(text, "\t\n\r", whole_file=True)
    if any(unicodedata.category(char) != "Cf" for _, char in unseen):
        return Loaded(display, problems=tuple(hidden_problems(text, display, unseen)))  # unreadable as YAML
    unseen = hidden_problems(text, display, unseen)
    deep = bracket_overflow(text, MAX_DEPTH)
    if deep is not None:
        return _failed(display, deep, f"nested more than {MAX_DEPTH} levels deep", "too-deep",
                       "Topics need at most three levels: flatten this part.")
    data = _plain_data(text) if not unseen else _UNUSUAL
    if data is not _UNUSUAL:
        return Loaded(display, data, source=text, lazy=True)
    builder = _build(text, display)
    problems = tuple(unseen + builder.problems)
    data = None if builder.failed else builder.root
    return Loaded(display, data, builder.spots, builder.key_spots, problems, text, builder.spans)


def _build(text: str, display: str) -> "_Builder":
    """The full pass: data, the position of every value and key, and every problem."""
    builder = _Builder(display, text)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if builder.feed(event):
                break
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: name every one, where it is
        builder.problems += hidden_problems(text, display, hidden(text, "\t\n\r", whole_file=True)) or [
            syntax_problem(display, text, exc, _BYTE_OFFSETS)]
        builder.failed = True
    except yaml.YAMLError as exc:
        builder.problems.append(syntax_problem(display, text, exc, _BYTE_OFFSETS))
        builder.failed = True
    except Exception as exc:  # last guard: a contributor must never see a traceback
        builder.problems.append(Problem(display, 1, 1, f"could not read this YAML ({type(exc).__name__})",
                                        "yaml-syntax", "Simplify the file: plain keys, lists and text."))
        builder.failed = True
    return builder


_UNUSUAL = object()
# First characters of plain scalars that YAML may read as something else than text: the
# resolver only looks further for these (and for every scalar if it had a wildcard).
_MAY_RESOLVE = frozenset(c for c in _RESOLVER.yaml_implicit_resolvers if c)
_ASK_ALWAYS = None in _RESOLVER.yaml_implicit_resolvers


def _plain_data(text: str) -> object:
    """The data of a file with nothing to report, without positions: the common case, fast.

    Returns _UNUSUAL as soon as anything could need a problem (a tag, an anchor, a value
    YAML would not read as text, a repeated key, a complex key, deep nesting, a second
    document, a directive, a comment cutting plain text short, a syntax error, an empty
    file); the full pass then reads the file again and explains it. Never raises.
    """
    try:
        parser = _Loader(text)
    except Exception:  # text the parser cannot even take (a lone surrogate): the full pass reports it
        return _UNUSUAL
    stack: list[list] = []  # frames: [container, pending key]
    root: object = _UNUSUAL
    documents = 0
    hashes = " #" in text or "\t#" in text  # only then can a comment follow plain text on its line
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    next_event, push, pop = parser.get_event, stack.append, stack.pop  # the hot loop: local names
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    return _UNUSUAL
                value: object = event.value
                if event.implicit[0] and (_ASK_ALWAYS or not value or value[0] in _MAY_RESOLVE) and (
                        _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit) not in _TEXTUAL_TAGS):
                    if not (stack and stack[-1][1] in NUMBER_KEYS and _DIGITS.fullmatch(value)):
                        return _UNUSUAL
                    value = int(value)
                if hashes and type(value) is str and not event.style and _comment_after(text, event.end_mark.index, event.start_mark.index) is not None:
                    return _UNUSUAL
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    return _UNUSUAL
                value = {} if kind is mapping_start else []
            elif kind is mapping_end or kind is sequence_end:
                pop()
                continue
            elif kind is alias:
                return _UNUSUAL
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1 or (event.explicit and _directives(text, event)):
                    return _UNUSUAL
                continue
            else:  # stream start and end, document end
                continue
            if not stack:
                root = value
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    container.append(value)
                elif frame[1] is None:  # this is a key
                    if kind is not scalar or value in container:
                        return _UNUSUAL
                    frame[1] = value
                    continue
                else:
                    container[frame[1]] = value
                    frame[1] = None
            if kind is not scalar:
                push([value, None])
    except Exception:  # the full pass reports it
        return _UNUSUAL
    finally:
        parser.dispose()
    return root


_COMMENT_LINE = re.compile(r"(?:[ \t]*\r?\n)+([ ]*)#")  # blank lines, then a comment line


def _comment_after(text: str, end: int, start: int | None = None) -> int | None:
    """Where a comment starts right after a plain value: `text: Ask #weekly` is read as 'Ask',
    the rest silently dropped. With `start` (where the value begins), also a comment on a
    following line indented deeper than the value's own line, where its words would have
    continued the text; a comment at the key's indentation or less is an ordinary one."""
    index = end
    while index < len(text) and text[index] in " \t":
        index += 1
    if index > end and index < len(text) and text[index] == "#":
        return index
    if start is None or index >= len(text) or text[index] not in "\r\n":
        return None
    line_start = text.rfind("\n", 0, start) + 1
    base = len(text[line_start:start]) - len(text[line_start:start].lstrip(" "))
    following = _COMMENT_LINE.match(text, index)
    return following.end() - 1 if following and len(following.group(1)) > base else None


_DIRECTIVE = re.compile(r"^%[^\r\n]*", re.MULTILINE)


def _directives(text: str, event) -> list[re.Match]:
    """The %YAML and %TAG lines (or any other directive) before a document's '---'."""
    return list(_DIRECTIVE.finditer(text, event.start_mark.index, event.end_mark.index))


def _failed(display: str, spot: Spot, message: str, rule: str, hint: str) -> Loaded:
    return Loaded(display, problems=(Problem(display, spot[0], spot[1], message, rule, hint),))


_DISCARD = object()


class _Builder:
    """Turns a stream of parser events into data, positions and problems."""

    def __init__(self, display: str, text: str):
        self.display = display
        self.text = text
        self.root: object = None
        self.spots: dict = {}
        self.key_spots: dict = {}
        self.spans: dict = {}  # pointer -> (start, end, style, value) of each text value
        self.problems: list[Problem] = []
        self.stack: list[list] = []  # frames: [container, pointer, pending_key]
        self.documents = 0
        self.skipping = 0  # depth of a subtree being skipped
        self.failed = False  # the YAML could not be read to the end

    def problem(self, mark, message: str, rule: str, hint: str) -> None:
        self.problems.append(Problem(self.display, mark.line + 1, mark.column + 1, message, rule, hint))

    def feed(self, event) -> bool:
        """Take one event; True means stop reading (the rest is not needed)."""
        if self.skipping:
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.skipping += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self.skipping -= 1
            return False
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(event.start_mark, "more than one YAML document in this file", "one-document",
                             "Remove the extra '---' line: one topic per file.")
                return True
            for directive in _directives(self.text, event) if event.explicit else ():
                line, col = spot_at(self.text, directive.start())
                self.problems.append(Problem(self.display, line, col, f"YAML directive {shown(directive.group())} is not allowed",
                                             "no-directives", "Delete the line: a topic needs no %YAML or %TAG line."))
            return False
        if getattr(event, "anchor", None) and not isinstance(event, yaml.AliasEvent):
            self.problem(event.start_mark, f"YAML anchor {shown('&' + event.anchor)} is not allowed", "no-anchors",
                         "Write the value out in full; anchors and aliases are refused.")
        if getattr(event, "tag", None) is not None:
            self.problem(event.start_mark, f"YAML tag {shown(_as_written(event.tag))} is not allowed", "no-tags",
                         'Remove the tag: a topic holds only text, lists and mappings (to keep a value as text, quote it: "5").')
        if isinstance(event, yaml.AliasEvent):
            self.alias(event)
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
        return False

    def alias(self, event) -> None:
        frame = self.stack[-1] if self.stack else None
        as_key = frame is not None and isinstance(frame[0], dict) and frame[2] is None
        self.problem(event.start_mark, f"YAML alias {shown('*' + event.anchor)} is not allowed" + (" (here as a key)" if as_key else ""),
                     "no-aliases", "Write the value out in full; if it is text starting with '*', put it in quotes.")
        if as_key:
            frame[2] = _DISCARD  # its value goes with it: one problem, not one per line that follows
        else:
            self.attach(None, event.start_mark)

    def open(self, event) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
            self.problem(event.start_mark, "a key must be plain text, not a list or mapping", "key-type",
                         "Write keys as simple words followed by ':'.")
            frame[2] = _DISCARD
            self.skipping = 1
            return
        if len(self.stack) >= MAX_DEPTH:
            self.problem(event.start_mark, f"nested more than {MAX_DEPTH} levels deep", "too-deep",
                         "Topics need at most three levels: flatten this part.")
            self.attach(None, event.start_mark)
            self.skipping = 1
            return
        container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
        pointer = self.attach(container, event.start_mark)
        self.stack.append([container, pointer, None])

    def scalar(self, event) -> None:
        frame = self.stack[-1] if self.stack else None
        tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
        if frame is not None and isinstance(frame[0], dict) and frame[2] is None:
            self.key(frame, event)
            return
        value: object = event.value
        if tag == "tag:yaml.org,2002:null" and not event.value:
            value = None
        elif event.tag is not None:
            pass  # already refused as a tag: the value stays text
        elif frame is not None and isinstance(frame[0], dict) and frame[2] in NUMBER_KEYS:
            if not event.style and _DIGITS.fullmatch(event.value):
                value = int(event.value)  # else it stays text, for the schema to refuse where it is
        elif frame is not None and any(part in NUMBER_KEYS for part in frame[1]):
            pass  # inside a list or mapping given for a number: the schema refuses the whole value, once
        elif tag == "tag:yaml.org,2002:null":
            self.problem(event.start_mark, f"YAML reads {shown(event.value)} as nothing (null), not text",
                         "implicit-type", f'Put it in quotes: "{event.value}" (null and ~ mean "no value" unquoted).')
        elif tag in _TEXT_TYPES:
            what, examples = _TEXT_TYPES[tag]
            self.problem(event.start_mark, f"YAML reads {shown(event.value)} as {what}, not text", "implicit-type",
                         f'Put it in quotes: "{shown(event.value, quote=False)}" ({examples} change meaning unquoted).')
        comment = _comment_after(self.text, event.end_mark.index, event.start_mark.index) if (
            not event.style and isinstance(value, str) and value) else None  # a number loses nothing to a comment
        if comment is not None:
            line, col = spot_at(self.text, comment)
            self.problems.append(Problem(self.display, line, col, "' #' starts a comment: the text after it is dropped",
                                         "comment-in-text", "Put the whole text in quotes if the '#' belongs to it; "
                                         "put a comment on a line of its own."))
        pointer = self.attach(value, event.start_mark)
        if isinstance(value, str):
            self.spans[pointer] = (event.start_mark.index, event.end_mark.index, event.style, value)

    def key(self, frame: list, event) -> None:
        mapping, pointer, _ = frame
        name = event.value
        if name in mapping or (pointer + (name,)) in self.key_spots:
            first = self.key_spots.get(pointer + (name,), (0, 0))[0]
            self.problem(event.start_mark, f"duplicate key {shown(name)} (first defined on line {first})",
                         "duplicate-key", "Keep one of the two; YAML would silently drop the first.")
            frame[2] = _DISCARD
            return
        self.key_spots[pointer + (name,)] = (event.start_mark.line + 1, event.start_mark.column + 1)
        frame[2] = name

    def attach(self, value: object, mark) -> Pointer:
        """Place a value in its parent and record where it starts; returns its pointer."""
        spot = (mark.line + 1, mark.column + 1)
        if not self.stack:
            self.root = value
            self.spots[()] = spot
            return ()
        frame = self.stack[-1]
        container, pointer, pending = frame
        if isinstance(container, list):
            pointer = pointer + (len(container),)
            container.append(value)
        else:
            frame[2] = None
            if pending is _DISCARD:  # its own pointer: two discarded subtrees share no keys
                return pointer + (f"\0discarded {len(self.spots)}",)
            pointer = pointer + (pending,)
            container[pending] = value
        self.spots[pointer] = spot
        return pointer


def _as_written(tag: str) -> str:
    """A tag as a contributor writes it: '!!python/object' rather than its long form."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
