"""Build the site beside the last good one and swap it in only when the build passed.

A failed build (bad content, a strict-mode warning) or an interrupted one (Ctrl-C,
SIGTERM, even SIGKILL) leaves `site/` exactly as it was, and only ever replaces a folder
an earlier build made (siteguard). Two builds of the same files give the same bytes: the
only date MkDocs writes (sitemap `lastmod`, the sitemap.xml.gz header) comes from
SOURCE_DATE_EPOCH, which we set to the newest source file's time unless the caller chose
one (CI passes the commit's time).

MkDocs, the default engine, runs in this process, not as a child: a build killed by any
signal, SIGKILL included, can leave no process behind, because there is only the one. (A
child would need PR_SET_PDEATHSIG, Linux only and racing with the parent's own death, or
process-group bookkeeping that SIGKILL skips.) Zensical can only run as a child
(zensical_site): SIGINT and SIGTERM stop it with us, but after a SIGKILL it runs to its
end, writing only in its own generated folder. SIGINT and SIGTERM unwind like Ctrl-C, so
the staging folder is removed on the way out; what SIGKILL leaves is cleared by the next
build, and the swap itself is safe against it (siteswap).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .finish import finish_site, offline_extra
from .siteguard import check_site
from .siteswap import clear_leftovers, mark, new_staging, parent_locked, recover, remove, swap_in

_SIGNALS = {signal.SIGINT, signal.SIGTERM}


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived during a build; the exit status is 128 + signum."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def source_date_epoch(config: Path) -> int:
    """Time of the newest file the site is built from: mkdocs.yml, content/, docs/, the overrides."""
    root = config.resolve().parent
    paths = [config, *(p for folder in ("content", "docs", "overrides", "overrides-zensical") for p in (root / folder).rglob("*"))]
    return max((int(p.stat().st_mtime) for p in paths if p.is_file()), default=0)


ENGINES = ("mkdocs", "zensical")


def build_site(config: Path, site: Path, engine: str = "mkdocs") -> int:
    """A strict build with `engine` (ENGINES) into a staging folder beside `site`, swapped in
    only when it passed.

    Raises SiteRefused (exit 2, nothing written) for a --site that is not our own output
    or not writable, Interrupted on SIGINT/SIGTERM (after removing the staging folder)."""
    target = check_site(config, site)
    with _Signals() as signals, parent_locked(target):
        staging = new_staging(target)
        try:
            recover(target)
            clear_leftovers(target, keep=staging)
            built = _run_engine(engine, config, staging) and _commit(staging, target, signals)
        except Interrupted:
            print(f"build interrupted: {target.name}/ was left as it was", file=sys.stderr)
            raise
        finally:
            if os.path.lexists(staging):
                remove(staging)
        if built:
            print(f"built {target.name}/")
            return 0
    print(f"build failed: {target.name}/ was left as it was", file=sys.stderr)
    return 1


def _commit(staging: Path, site: Path, signals: "_Signals") -> bool:
    """Mark the finished build, put it at `site` and delete the one it replaced; False (and
    `site` as it was) when the swap fails, e.g. for a --site that is a mount point."""
    mark(staging)
    signals.hold()
    try:
        previous = swap_in(staging, site)
    except OSError as exc:
        print(f"could not move the build into {site}: {exc.strerror}", file=sys.stderr)
        return False
    if previous is not None:
        remove(previous)
    return True


def _run_engine(engine: str, config: Path, site_dir: Path) -> bool:
    """Build into the empty folder `site_dir`, dated by SOURCE_DATE_EPOCH, with what
    finish.py adds (the download, the offline layer); False on failure."""
    with _source_date(config):
        if not _build_with(engine, config, site_dir):
            return False
        try:
            cache = finish_site(config, site_dir, lambda folder: _build_with(engine, config, folder, copy=True))
        except OSError as exc:  # a full disk, say: a failed build, never a traceback
            print(f"could not finish the site: {exc.strerror or exc}", file=sys.stderr)
            return False
        if cache is not None:
            print(f"offline: the service worker keeps {len(cache.fixed) + len(cache.fresh)} files, {cache.size:,} bytes")
        return cache is not None


def _build_with(engine: str, config: Path, folder: Path, copy: bool = False) -> bool:
    """One engine build into the empty folder `folder`: the site, or the `copy` that opens from disk."""
    if engine == "zensical":
        from .zensical_site import build_zensical

        return build_zensical(config, folder, copy=copy)
    return _run_mkdocs(config, folder, copy=copy)


def _run_mkdocs(config: Path, site_dir: Path, copy: bool = False) -> bool:
    """What `mkdocs build --strict` does, with its log lines, but in this process, for the
    site (with the offline layer) or the `copy` that opens from disk; False on failure."""
    from mkdocs import config as mkdocs_config, exceptions
    from mkdocs.__main__ import State, _enable_warnings
    from mkdocs.commands import build

    from .download import copy_changes
    from .mkdocs_config import read_config
    from .theme_text import as_markup

    log = State()  # mkdocs' own "INFO    -  ..." lines on stderr, as the command prints them
    _enable_warnings()
    try:
        changes = copy_changes(read_config(config)) if copy else {}
        cfg = mkdocs_config.load_config(config_file=str(config), strict=True, site_dir=str(site_dir), **changes)
        if not copy:
            cfg.extra["offline"] = offline_extra(config, as_markup)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except exceptions.MkDocsException as exc:  # config errors, strict-mode warnings, PluginError
        exc.show()
        return False
    except Exception as exc:  # a plugin or hook crashed: a failed build, as with `mkdocs build`
        print(f"mkdocs stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return False
    finally:
        del log
    return True


@contextmanager
def _source_date(config: Path):
    """SOURCE_DATE_EPOCH for this build: the caller's, else the newest source file's time."""
    chosen = "SOURCE_DATE_EPOCH" in os.environ
    if not chosen:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(config))
    try:
        yield
    finally:
        if not chosen:
            del os.environ["SOURCE_DATE_EPOCH"]


class _Signals:
    """While a build runs, SIGINT and SIGTERM raise Interrupted so that `finally` blocks
    clean up. From hold() on (the swap is about to start, the build is finished) they are
    ignored, so the swap always completes and is never reported as interrupted. SIGKILL
    cannot be caught; the swap is safe against it (siteswap)."""

    def __init__(self):
        self.held = False
        self.previous: dict = {}

    def __enter__(self) -> "_Signals":
        if threading.current_thread() is threading.main_thread():  # the only thread that may set handlers
            self.previous = {signum: signal.signal(signum, self._handle) for signum in _SIGNALS}
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)

    def hold(self) -> None:
        self.held = True

    def _handle(self, signum, frame) -> None:
        if not self.held:
            raise Interrupted(signum)
