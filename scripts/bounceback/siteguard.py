"""Which folder `bounceback build --site` may replace: only its own earlier output.

Replacing a folder deletes what was in it, so a wrong --site (`.`, `..`, `content/`, a
symlink, a file) would delete someone's work. A build replaces a folder only when it
carries MARKER, the file every build writes into its output last, or when the folder is
empty (as `mkdir out` or a temp folder leaves it); a --site that does not exist yet is a
first build. Anything else is refused before a single byte is written.

MARKER is written after MkDocs has finished, so the strict build never sees it. It is a
dotfile: actions/upload-pages-artifact v3 (pages.yml) publishes it as a one-line text
file, v4 and later leave dotfiles out; neither needs a change.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

MARKER = ".bounceback-site"
MARKER_TEXT = "Made by `bounceback build`: the next build replaces this whole folder.\n"
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", ".git")  # a folder holding one is a project, not a site
SOURCES = ("content", "docs", "overrides", "overrides-zensical", ".zensical", ".git")  # output inside these would be read back as input


class SiteRefused(Exception):
    """--site names something a build must not replace, or a place it cannot write: exit 2."""


def resolved(path: Path) -> Path:
    """`path` made absolute with the symlinks in its parents resolved, but not its last part:
    a symlink given as --site is refused, never followed."""
    if path.name in ("", ".", ".."):
        return path.resolve()
    return path.parent.resolve() / path.name


def is_marked(folder: Path) -> bool:
    """True when `folder` holds MARKER as a plain file: a whole site an earlier build made."""
    try:
        return stat.S_ISREG(os.lstat(folder / MARKER).st_mode)
    except OSError:
        return False


def check_site(config: Path, site: Path) -> Path:
    """The absolute folder a build may write to, or SiteRefused naming it and saying why not."""
    target = resolved(site)
    try:
        why = _why_not(target, resolved(config).parent, Path.cwd())
    except OSError as exc:  # e.g. a part of the path is a file, or a folder we may not read
        why = f"cannot write in {target.parent}: {exc.strerror}"
    if why:
        raise SiteRefused(f"refusing --site {target}: {why}")
    return target


def _why_not(target: Path, project: Path, cwd: Path) -> str | None:
    """Why a build must not replace `target`, or None when it may."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISLNK(mode):
        return "it is a symlink; a build never replaces a link or what it points to (name the real folder)"
    if mode is not None and not stat.S_ISDIR(mode):
        return "it is a file, not a folder"
    inside = _inside_the_project(target, project, cwd)
    if inside or mode is None:
        return inside
    return _not_a_site(target)


def _inside_the_project(target: Path, project: Path, cwd: Path) -> str | None:
    """The project, the folder we run in, their parents and the sources are never output."""
    for what, folder in (("the project folder", project), ("the current folder", cwd)):
        if folder == target:
            return f"it is {what}"
        if folder.is_relative_to(target):
            return f"it holds {what}, {folder}"
    for source in SOURCES:
        if target.is_relative_to(project / source):
            return f"it is {'' if target == project / source else 'inside '}the project's {source}/"
    return None


def _not_a_site(target: Path) -> str | None:
    """An existing folder is replaced only when an earlier build made it, or when it is empty."""
    held = [name for name in PROJECT_PARTS if os.path.lexists(target / name)]
    if held:
        return f"it holds {held[0]}, so it is a project, not a built site"
    if is_marked(target):
        return None
    with os.scandir(target) as entries:
        if next(entries, None) is None:
            return None
    return (f"it is not empty and has no {MARKER}, so `bounceback build` did not make it "
            "(move it away or pick another --site)")
