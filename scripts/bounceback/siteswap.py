"""Swap a finished build in for the last one so that a kill at any moment leaves a whole site.

Beside a site folder named `site` a build only ever writes `.site.new-XXXXXXXX` (the
build in progress or, after the swap, the previous site on its way out) and, where the
one-step swap is missing, `.site.old-XXXXXXXX` (the previous site). MARKER is written
last into a finished build and removed first from a folder being deleted, so a folder
holding MARKER is always a whole site.

On Linux the swap is one renameat2(RENAME_EXCHANGE) call: `site/` is the old build or
the new one, never missing. Elsewhere it takes two renames; a kill between them leaves
no `site/` but a marked `.site.old-*`, which the next build puts back (`recover`) before
it does anything else. Leftovers of a killed build are deleted by the next one, and only
names of exactly these two patterns, never anything else.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .siteguard import MARKER, MARKER_TEXT, SiteRefused, is_marked

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _pattern(site: Path) -> re.Pattern:
    """Names of this site's staging and old copies: tempfile.mkdtemp's 8 random characters."""
    return re.compile(rf"\.{re.escape(site.name)}\.(new|old)-[a-z0-9_]{{8}}")


def leftovers(site: Path) -> list[Path]:
    """Real folders (not links) beside `site` named like its staging or old copies."""
    pattern = _pattern(site)
    with os.scandir(site.parent) as entries:
        return sorted(Path(e.path) for e in entries
                      if pattern.fullmatch(e.name) and e.is_dir(follow_symlinks=False))


def remove(folder: Path) -> None:
    """Delete a build folder, MARKER first, so a half-deleted one never passes for a whole site."""
    (folder / MARKER).unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)


def recover(site: Path) -> Path | None:
    """Put back the whole site a kill between two renames left aside; the old one comes first,
    since `site/` must be as it was. Returns the folder restored, if any."""
    if os.path.lexists(site):
        return None
    whole = [p for p in leftovers(site) if is_marked(p)]
    whole.sort(key=lambda p: (".old-" in p.name, os.lstat(p).st_mtime_ns))
    if not whole:
        return None
    os.rename(whole[-1], site)
    return whole[-1]


def clear_leftovers(site: Path, keep: Path) -> None:
    """Delete what killed builds left beside `site`, except this build's own staging folder."""
    for folder in leftovers(site):
        if folder != keep:
            remove(folder)


def new_staging(site: Path) -> Path:
    """An empty folder beside `site` to build into, readable like any site (not mkdtemp's 0700)."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    except OSError as exc:
        raise _cannot_write(site, exc) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)
    return staging


def _cannot_write(site: Path, exc: OSError) -> SiteRefused:
    """The one-line refusal for a place we may not write in, naming the folder."""
    return SiteRefused(f"cannot write in {site.parent} (next to {site.name}/): {exc.strerror}")


def mark(folder: Path) -> None:
    """Say in the finished build that a later build may replace it (written last)."""
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def swap_in(staging: Path, site: Path) -> Path | None:
    """Move the finished build to `site`; returns the folder now holding the previous site."""
    if not os.path.lexists(site):
        os.rename(staging, site)
        return None
    if exchange(staging, site):
        return staging
    return swap_by_two_renames(staging, site)


def swap_by_two_renames(staging: Path, site: Path) -> Path:
    """The fallback swap: site -> .site.old-*, staging -> site; undone if the second fails."""
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
    os.rename(site, old)  # replaces the empty folder mkdtemp made, keeping its unique name
    try:
        os.rename(staging, site)
    except OSError:
        os.rename(old, site)
        raise
    return old


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # old kernel, or a file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def _renameat2():
    """libc's renameat2 (glibc 2.28+), or None on other systems."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


@contextmanager
def parent_locked(site: Path):
    """Create the folder `site` goes in and hold a lock on it for the whole build, so a second
    build never takes the first one's staging folder for a leftover. The kernel drops the
    lock when the process ends, however it ends."""
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(site.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise _cannot_write(site, exc) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if isinstance(exc, BlockingIOError):
            raise SiteRefused(f"another `bounceback build` is writing in {site.parent}: wait for it to end") from None
        raise _cannot_write(site, exc) from None
    try:
        yield
    finally:
        os.close(fd)
