"""One shape for every content problem, so the CLI, CI and MkDocs report them alike."""
from __future__ import annotations

from dataclasses import dataclass


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
        head = f"{self.path}:{self.line}:{self.col}: error: {self.message} [{self.rule}]"
        return f"{head}\n    hint: {self.hint}" if self.hint else head

    def as_github(self) -> str:
        text = f"{self.message} [{self.rule}]" + (f" Hint: {self.hint}" if self.hint else "")
        return (
            f"::error file={_gh_property(self.path)},line={self.line},col={self.col},"
            f"title={_gh_property(self.rule)}::{_gh_data(text)}"
        )


def _gh_data(text: str) -> str:
    """Escape a workflow-command message (GitHub's own escaping rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problems(problems: list[Problem], style: str = "text") -> str:
    """All problems, sorted by place, in one report."""
    render = Problem.as_github if style == "github" else Problem.as_text
    return "\n".join(render(p) for p in sorted(problems))
