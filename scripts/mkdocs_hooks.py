"""Thin MkDocs adapter: content/ -> generated pages and nav, problems -> one build error.

All the work happens in the `bounceback` package; this file only hands its results to
MkDocs. Pages are added in memory (File.generated), never written into docs/, so
`mkdocs serve` does not rebuild in a loop.

Every text we hand MkDocs' templates (titles, descriptions, nav entries, site name,
description and copyright) is escaped once and marked as Markup (bounceback.theme_text).
Every finished page gets its Content-Security-Policy last (bounceback.csp), and our own
scripts and styles leave the build minified (bounceback.minify).
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from bounceback.content import read_guide
from bounceback.csp import with_policy
from bounceback.minify import minify_own_assets
from bounceback.offline import RETIRED_WORKER, WORKER
from bounceback.problems import format_problems
from bounceback.render import docs_clash, help_line, render_nav, render_pages
from bounceback.theme_text import CONFIG_TEXTS, META_TEXTS, as_markup, escaped_nav, help_extra

_pages = []
_serving = False  # `mkdocs serve` adds live reload's inline script after us: no policy there


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    global _pages
    root = Path(config.config_file_path).parent
    guide, problems = read_guide(root / "content", root)
    if problems:
        raise PluginError(f"{len(problems)} content problem(s); nothing was built:\n" + format_problems(problems))
    # "Suggest an edit" links: a plain link from extra.edit_base, never `repo_url` (with it,
    # Material would fetch repository stats from api.github.com: no third-party requests).
    _pages = render_pages(guide, edit_base=str(config.extra.get("edit_base") or ""))
    config.nav = escaped_nav(render_nav(guide, extra=config.nav or []))
    config.extra["help_line"] = help_extra(help_line(guide))  # overrides/main.html: above every footer
    for key in CONFIG_TEXTS:
        config[key] = as_markup(config[key])
    return config


def on_files(files, config):
    """Add the generated pages; a page that would take the place of another file fails the build."""
    clash = docs_clash(Path(config.docs_dir), _pages)
    if clash:
        raise PluginError(clash)
    for page in _pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    if _serving:  # the live preview is never answered by a worker an earlier build left
        files.append(File.generated(config, WORKER, content=RETIRED_WORKER))
    owners: dict[str, File] = {}
    for file in files:
        other = owners.setdefault(file.dest_uri, file)
        if other is not file:
            raise PluginError(f"{other.src_uri} and {file.src_uri} would both be written to {file.dest_uri}: "
                              "rename one of them")
    return files


def on_page_markdown(markdown, page, config, files):
    for key in META_TEXTS:
        if key in page.meta:
            page.meta[key] = as_markup(page.meta[key])
    return markdown


# Last of all plugins, so the hashes cover every script anything else put in the page.
@event_priority(-100)
def on_post_page(output, page, config):
    return output if _serving else with_policy(output)


@event_priority(-100)
def on_post_template(output, template_name, config):
    """Theme pages that are no Page (404.html) get the policy too; sitemap.xml does not."""
    return with_policy(output) if template_name.endswith(".html") and not _serving else output


def on_post_build(config):
    """Readers get our scripts minified; `mkdocs serve` keeps the sources, to read and debug."""
    if not _serving:
        minify_own_assets(Path(config.docs_dir) / "assets", Path(config.site_dir))
