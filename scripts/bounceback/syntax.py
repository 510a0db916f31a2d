"""What is wrong with a YAML text itself, before or instead of its data, in plain words.

Tabs YAML would misread, nesting too absurd to parse, characters no one can see, and the
parser's own complaints: each at its line and column (characters, not bytes), naming the
character concerned ("a tab", "U+202E RIGHT-TO-LEFT OVERRIDE"). Pure.
"""
from __future__ import annotations

import re

import yaml

from .chars import HIDDEN_HINT, char_name, described, hidden_message
from .positions import Spot, spot_at, spots_at
from .problems import Problem

_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]{}]")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BRACKET_DEPTH = 64  # far beyond the loader's MAX_DEPTH; the parser slows down quadratically past it


def tab_problems(text: str, display: str) -> list[Problem]:
    """Every tab used for indentation, which YAML refuses or misreads; a tab inside a `|` or
    `>` block after its indentation is text (a pasted email keeps its tabs)."""
    if "\t" not in text:  # most files hold no tab: skip scanning every line start
        return []
    blocks = _block_scalars(text)
    return [Problem(display, *spot_at(text, m.end() - 1), "tab used for indentation", "tabs",
                    "Indent with spaces only (two per level).") for m in _TAB_INDENT.finditer(text)
            if not any(start <= m.end() - 1 < end for start, end in blocks)]


def _block_scalars(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each `|` and `>` value, or [] when YAML cannot read the text
    (or its brackets nest so deep that reading it would take long)."""
    if bracket_overflow(text, 8) is not None:
        return []
    try:
        return [(e.start_mark.index, e.end_mark.index) for e in yaml.parse(text, Loader=_LOADER)
                if isinstance(e, yaml.ScalarEvent) and e.style in ("|", ">")]
    except Exception:  # unreadable (often the tab itself): every tab is reported
        return []


def hidden_problems(text: str, display: str, found: list[tuple[int, str]]) -> list[Problem]:
    """One problem for each character no one can see, at its own line and column."""
    return [Problem(display, line, col, hidden_message(char), "invisible-character", HIDDEN_HINT)
            for (line, col), (_, char) in zip(spots_at(text, [offset for offset, _ in found]), found)]


def bracket_overflow(text: str, max_depth: int) -> Spot | None:
    """Where brackets first nest deeper than `max_depth`, if they ever reach MAX_BRACKET_DEPTH.

    A rough count (quotes and comments are not skipped) that only matters for absurd
    nesting, which libyaml (and even more PyYAML's pure-Python parser) reads in quadratic
    time: 100,000 '[' take half a minute. Real topics never come near it.
    """
    if text.count("[") + text.count("{") < MAX_BRACKET_DEPTH:
        return None
    depth, first_over = 0, 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth == max_depth + 1:
                first_over = match.start()
            if depth >= MAX_BRACKET_DEPTH:
                return spot_at(text, first_over)
        else:
            depth = max(depth - 1, 0)
    return None


_SYNTAX_HINT = "Check indentation and quoting on this line; quote text that contains ': ' or starts with a symbol."


def syntax_problem(display: str, text: str, exc: yaml.YAMLError, byte_offsets: bool) -> Problem:
    """The parser's complaint at its line and column, naming the character it stopped at
    (`byte_offsets`: the parser gives a refused character's place in bytes, as libyaml does)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = mark.index if mark is not None else getattr(exc, "position", None)
    if mark is None and isinstance(index, int) and byte_offsets:
        index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
    if not isinstance(index, int) or not 0 <= index <= len(text):
        index = 0
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else spot_at(text, index)
    char = text[index] if index < len(text) else ""
    if char == "\t" and getattr(exc, "problem_mark", None) is not None:
        return Problem(display, line, col, "tab used where YAML does not allow one", "tabs",
                       "Use spaces instead: YAML takes a tab only inside text.")
    what = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "invalid YAML"
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(getattr(exc, "character", None), int):
        return Problem(display, line, col, f"YAML syntax error: {char_name(chr(exc.character))} is not allowed in YAML",
                       "yaml-syntax", "Delete the character: a YAML file may not hold it.")
    if "found character" in what and char:  # libyaml does not say which character
        what = re.sub(r"found character( '.*?')? that", lambda _: f"found {described(char)} that", what)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {what}" + (f" ({context})" if context else "")
    return Problem(display, line, col, message, "yaml-syntax", _SYNTAX_HINT)
