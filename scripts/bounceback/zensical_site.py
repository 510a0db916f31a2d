"""Thin Zensical adapter: the same rendered pages, published by the second engine.

Zensical reads mkdocs.yml but ignores `hooks:`, so what scripts/mkdocs_hooks.py does in
memory is done here on disk, in a generated project folder beside mkdocs.yml (PROJECT,
never docs/, ignored by git and rebuilt from scratch each time):

- docs/: a copy of our docs/ plus every page `render_pages` makes, each as the index.md
  of its own folder (topics/x.md -> topics/x/index.md, the same URL). Zensical reads the
  relative links in a page's HTML as relative to its Markdown file, where MkDocs leaves
  them as written (relative to the page's URL); in a folder of its own, the two are one;
- overrides/: the templates both engines share (SHARED_TEMPLATES: main.html, and the
  guarded storage helpers, since Zensical's throw when storage is blocked), then
  Zensical's own fixes from ZENSICAL_OVERRIDES; the other partials in overrides/ are
  Material 9.8's with our fixes, for MkDocs only;
- mkdocs.yml: ours with !ENV resolved, the whole nav in our order (`render_nav`), the help
  line, no hooks, and the theme settings of ZENSICAL_THEME;
- every text Zensical's templates print (nav entries, page titles and descriptions in the
  front matter, site name...) escaped once, as the hooks do for MkDocs (theme_text);
- after the build, each HTML page gets its Content-Security-Policy, as `on_post_page` does.

Zensical runs as a child process (`python -m zensical build --strict --clean`): its Rust
runtime does not return to Python while it works, so SIGINT and SIGTERM could not unwind
it in this process. The child is stopped with us on SIGINT or SIGTERM; after a SIGKILL of
ours it finishes on its own, writing only inside PROJECT.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .content import read_guide
from .csp import site_policy, with_policy
from .download import copy_changes
from .finish import offline_extra
from .minify import minify_own_assets
from .mkdocs_config import read_config
from .problems import format_problems
from .render import docs_clash, help_line, own_folder, render_nav, render_pages
from .templating import yaml_value
from .theme_text import CONFIG_TEXTS, META_TEXTS, escaped_nav, escaped_text, help_extra, map_nav

PROJECT = ".zensical"
SHARED_TEMPLATES = ("main.html", "partials/javascripts/base.html")
ZENSICAL_OVERRIDES = "overrides-zensical"  # Zensical's own template fixes (see each file's header)
# Zensical's "modern" look colours the current nav entry in the accent colour (contrast
# 2.5:1 in light mode), and its search box adds a <style> our style-src refuses; "classic"
# is Material's look and search. Without navigation.indexes a stage's section is labelled
# by its title: with it, the label holds only an icon and names its <nav> landmark with
# nothing (axe landmark-unique), which overrides/partials/nav-item.html fixes for Material.
ZENSICAL_THEME = {"variant": "classic"}
NOT_FOR_ZENSICAL = ("navigation.indexes",)
# The stylesheet Zensical 0.0.73's bundle puts into the shadow root of its search box, by
# its hash: allowed by name, never through 'unsafe-inline'. Another Zensical release has
# other styles: the browser tests then report the blocked style with the hash it needs.
ZENSICAL_STYLE_HASHES = ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",)
# What Zensical would ignore or refuse in our mkdocs.yml.
_MKDOCS_ONLY = ("hooks", "watch", "validation")


def project_config(config: dict, nav: list, help_link: tuple[str, str] | None, offline: dict | None = None) -> dict:
    """Our mkdocs.yml, ready for Zensical: generated nav and help line, folders of PROJECT,
    and config.extra.offline when given (finish.offline_extra)."""
    ready = {key: value for key, value in config.items() if key not in _MKDOCS_ONLY}
    ready.update({key: escaped_text(config[key]) for key in CONFIG_TEXTS if key in config})
    ready.update(docs_dir="docs", site_dir="site", nav=escaped_nav(nav, escaped_text))
    theme = {**config.get("theme", {}), **ZENSICAL_THEME, "custom_dir": "overrides"}
    theme["features"] = [f for f in theme.get("features", []) if f not in NOT_FOR_ZENSICAL]
    ready["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["help_line"] = help_extra(help_link, escaped_text)
    if offline:
        extra["offline"] = offline
    ready["extra"] = extra
    return ready


def write_project(config_file: Path, project: Path, copy: bool = False) -> Path | None:
    """PROJECT made afresh from content/, docs/ and the overrides, for the site or the
    `copy` that opens from disk (download.copy_changes); its config file, or None
    (problems printed) when the content has problems."""
    root = config_file.resolve().parent
    guide, problems = read_guide(root / "content", root)
    if problems:
        print(f"{len(problems)} content problem(s); nothing was built:\n" + format_problems(problems), file=sys.stderr)
        return None
    config = read_config(config_file)
    edit_base = str((config.get("extra") or {}).get("edit_base") or "")
    pages = render_pages(guide, edit_base=edit_base)
    clash = docs_clash(root / "docs", pages)
    if clash:
        print(clash, file=sys.stderr)
        return None
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(root / "docs", project / "docs")
    for page in pages:
        target = project / "docs" / own_folder(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(escaped_front_matter(page.markdown), encoding="utf-8")
    _write_overrides(root, project / "overrides")
    nav = moved_nav(render_nav(guide, extra=config.get("nav") or []), {page.path for page in pages})
    if copy:  # Zensical turns search on unless a plugin entry turns it off
        config = {**config, **copy_changes(config)}
        config["plugins"] = [*config["plugins"], {"search": {"enabled": False}}]
    ready = project_config(config, nav, help_line(guide), None if copy else offline_extra(config_file, escaped_text))
    written = project / "mkdocs.yml"
    written.write_text(yaml.safe_dump(ready, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return written


def moved_nav(nav, generated: set[str]):
    """The nav with each generated page at its own_folder path (hand-written pages stay)."""
    return map_nav(nav, path=lambda target: own_folder(target) if target in generated else target)


def escaped_front_matter(markdown: str) -> str:
    """A generated page with every text of its front matter (title, description, tags)
    escaped once, written back as one `key: value` line each."""
    head, sep, body = markdown.partition("\n---\n")
    meta = yaml.safe_load(head.removeprefix("---\n")) or {}
    lines = ["---", *(f"{key}: {yaml_value(_escaped_meta(value))}" for key, value in meta.items())]
    return "\n".join(lines) + sep + body


def _escaped_meta(value: str | list) -> str | tuple[str, ...]:
    return escaped_text(value) if isinstance(value, str) else tuple(map(escaped_text, value))


def _write_overrides(root: Path, overrides: Path) -> None:
    """The templates both engines share, then Zensical's own (ZENSICAL_OVERRIDES)."""
    overrides.mkdir(parents=True)
    for name in SHARED_TEMPLATES:
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / "overrides" / name, overrides / name)
    shutil.copytree(root / ZENSICAL_OVERRIDES, overrides, dirs_exist_ok=True)


def add_policies(site: Path) -> None:
    """One Content-Security-Policy on every page, fitting them all: Zensical's inline scripts
    hold each page's base URL, so their hashes differ by folder depth, and instant
    navigation keeps the first page's policy in force for the next pages."""
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    chosen = site_policy(list(pages.values()), ZENSICAL_STYLE_HASHES)
    for path, html in pages.items():
        path.write_text(with_policy(html, chosen), encoding="utf-8")


def build_zensical(config_file: Path, site_dir: Path, copy: bool = False) -> bool:
    """A strict Zensical build of our site (or its `copy` that opens from disk) into the
    empty folder `site_dir`; False (with a one-line reason, never a traceback) on failure."""
    if importlib.util.find_spec("zensical") is None:
        print("zensical is not installed: pip install -e '.[zensical]' (make build does it from the lock)",
              file=sys.stderr)
        return False
    project = config_file.resolve().parent / PROJECT
    try:
        written = write_project(config_file, project, copy)
        if written is None or not _run_zensical(written):
            return False
        built = project / "site"
        add_policies(built)
        minify_own_assets(config_file.resolve().parent / "docs" / "assets", built)
        site_dir.rmdir()
        shutil.move(built, site_dir)  # a rename on one file system, else a copy
    except (OSError, yaml.YAMLError) as exc:
        print(f"zensical build stopped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return False
    return True


def _run_zensical(config: Path) -> bool:
    """`zensical build --strict --clean` of the generated project, stopped with us if we are
    interrupted; True when it finished and wrote a home page."""
    child = None
    try:
        child = subprocess.Popen([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config)],
                                 cwd=config.parent)
        status = child.wait()
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            child.wait()
    if status != 0 or not (config.parent / "site" / "index.html").is_file():
        print(f"zensical stopped (exit status {status})", file=sys.stderr)
        return False
    return True
