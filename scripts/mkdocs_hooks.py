"""Thin MkDocs adapter: content/ -> generated pages and nav, problems -> one build error.

All the work happens in the `bounceback` package; this file only hands its results to
MkDocs. Pages are added in memory (File.generated), never written into docs/, so
`mkdocs serve` does not rebuild in a loop.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from bounceback.content import read_guide
from bounceback.csp import with_policy
from bounceback.problems import format_problems
from bounceback.render import render_nav, render_pages

_pages = []


def on_config(config):
    global _pages
    root = Path(config.config_file_path).parent
    guide, problems = read_guide(root / "content", root)
    if problems:
        raise PluginError(f"{len(problems)} content problem(s); nothing was built:\n" + format_problems(problems))
    # "Suggest an edit" links: a plain link from extra.edit_base, never `repo_url` (with it,
    # Material would fetch repository stats from api.github.com: no third-party requests).
    _pages = render_pages(guide, edit_base=str(config.extra.get("edit_base") or ""))
    config.nav = render_nav(guide, extra=config.nav or [])
    return config


def on_files(files, config):
    for page in _pages:
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


# Last of all plugins, so the hashes cover every script anything else put in the page.
@event_priority(-100)
def on_post_page(output, page, config):
    return with_policy(output)


@event_priority(-100)
def on_post_template(output, template_name, config):
    """Theme pages that are no Page (404.html) get the policy too; sitemap.xml does not."""
    return with_policy(output) if template_name.endswith(".html") else output
