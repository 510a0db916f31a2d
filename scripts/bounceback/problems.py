"""One shape for every content problem, so the CLI, CI and MkDocs report them alike."""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

_SHOWN_RAW = frozenset({"Zs"})  # a no-break or ideographic space is seen as a space; Python calls it unprintable


def _escape(text: str) -> str:
    """One printable line: control and format characters (a bidi override would reorder the
    message itself), separators and undecodable bytes shown as escapes such as \\u202e."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or unicodedata.category(char) in _SHOWN_RAW
                   else char.encode("unicode_escape").decode("ascii") for char in text)


def shown(value: object, limit: int = 60, quote: bool = True) -> str:
    """A contributed value quoted in a message: one line, cut short, never the whole file."""
    text = _escape(value if isinstance(value, str) else repr(value))
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"'{text}'" if quote else text


@dataclass(frozen=True, order=True)
class Problem:
    """A content problem at a place in a file: `path:line:col: error: message [rule]`."""

    path: str
    line: int
    col: int
    message: str
    rule: str
    hint: str = ""

    def as_text(self) -> str:
        head = f"{_escape(self.path)}:{self.line}:{self.col}: error: {_escape(self.message)} [{self.rule}]"
        return f"{head}\n    hint: {_escape(self.hint)}" if self.hint else head

    def as_github(self) -> str:
        text = f"{self.message} [{self.rule}]" + (f" Hint: {self.hint}" if self.hint else "")
        return (
            f"::error file={_gh_property(_escape(self.path))},line={self.line},col={self.col},"
            f"title={_gh_property(self.rule)}::{_gh_data(_escape(text))}"
        )


def _gh_data(text: str) -> str:
    """Escape a workflow-command message (GitHub's own escaping rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def output_format(choice: str | None) -> str:
    """The format asked for, else GitHub annotations inside GitHub Actions, else plain text."""
    if choice:
        return choice
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted by place, in one report."""
    render = Problem.as_github if style == "github" else Problem.as_text
    return "\n".join(render(p) for p in sorted(problems))
