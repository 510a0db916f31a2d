"""Ids become names of files, folders and pages: refuse those that would collide.

A topic id is a file name (content/topics/<id>.yml) and a page (topics/<id>.md); a stage
id is a folder of the site (<id>/index.md). Windows cannot create a file called `con` or
`lpt1`, so such an id breaks every checkout there. Pure.
"""
from __future__ import annotations

from .load import Loaded
from .problems import Problem, shown

WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                             *(f"lpt{n}" for n in range(1, 10))})
WINDOWS_HINT = "Choose another id: Windows reserves con, prn, aux, nul, com1 to com9 and lpt1 to lpt9."


def is_windows_device(name: str) -> bool:
    """True for names Windows reserves for devices, whatever their case."""
    return name.lower() in WINDOWS_DEVICES


def windows_problem(loaded: Loaded, pointer, what: str, name: str) -> Problem:
    line, col = loaded.where(pointer)
    return Problem(loaded.path, line, col, f"{what} {shown(name)} is a name Windows reserves for a device",
                   "windows-name", WINDOWS_HINT)
