"""Ids become names of files, folders and pages: refuse those that would collide.

A topic id is a file name (content/topics/<id>.yml) and a page (topics/<id>.md); a stage
id is a folder of the site (<id>/index.md). Windows cannot create a file called `con` or
`lpt1`, so such an id breaks every checkout there; and a stage whose folder is the name of
another page silently replaces it (or is replaced) in the built site. Pure.
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


def stage_problems(guide: Loaded, taken: dict[str, str]) -> list[Problem]:
    """Each stage id once, never a Windows device name, and never a name the site already
    uses (`taken`: lowercase top-level name -> what uses it, e.g. 'plan' -> 'the generated page plan.md')."""
    data = guide.data if isinstance(guide.data, dict) else {}
    stages = data.get("stages") if isinstance(data.get("stages"), list) else []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for index, stage in enumerate(stages):
        stage_id = stage.get("id") if isinstance(stage, dict) else None
        if not isinstance(stage_id, str):
            continue
        pointer = ("stages", index, "id")
        line, col = guide.where(pointer)
        if stage_id in first_line:
            problems.append(Problem(guide.path, line, col, f"stage id {shown(stage_id)} is used twice (first on line "
                                    f"{first_line[stage_id]})", "duplicate-stage-id",
                                    "Give each stage its own id: one stage's page would replace the other's."))
            continue
        first_line[stage_id] = line
        if is_windows_device(stage_id):
            problems.append(windows_problem(guide, pointer, "stage id", stage_id))
        elif stage_id.lower() in taken:
            problems.append(Problem(guide.path, line, col, f"stage id {shown(stage_id)} is the name of "
                                    f"{taken[stage_id.lower()]}", "stage-id-taken",
                                    f"Choose another id; the site already uses {', '.join(sorted(taken))}."))
    return problems
