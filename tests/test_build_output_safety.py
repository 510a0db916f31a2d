"""A build only ever replaces its own output: the real `bounceback build` refuses any other
--site and touches nothing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bounceback.siteguard import MARKER
from contribkit import LEFTOVER, leftovers, run_build, run_cli, tree_digest
from sitekit import copy_project

def mark(folder: Path) -> Path:
    """A folder that passes for an earlier build's output."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("built\n", encoding="utf-8")
    return folder


def stray_leftovers(top: Path) -> list[str]:
    """Every staging or old-copy name anywhere under `top`."""
    return sorted(str(p) for p in top.rglob("*") if LEFTOVER.fullmatch(p.name))


@pytest.fixture(scope="module")
def outer(tmp_path_factory):
    """outer/project, a built project copy, among neighbours no build may replace."""
    outer = tmp_path_factory.mktemp("outer")
    project = copy_project(outer / "project")
    assert run_build(project).returncode == 0
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "empty-sub").mkdir()
    (project / "site-link").symlink_to("site")
    (project / "content-link").symlink_to("content")
    (project / "dangling").symlink_to("no-such-folder")
    (outer / "plink").symlink_to("project")
    (outer / "plain-file").write_text("notes\n", encoding="utf-8")
    (outer / "other").mkdir()
    (outer / "other" / "site").write_text("a file named site\n", encoding="utf-8")
    (outer / "photos").mkdir()
    (outer / "photos" / "cat.txt").write_text("not a site\n", encoding="utf-8")
    (mark(outer / "repo") / ".git").mkdir()
    (mark(outer / "proj2") / "mkdocs.yml").write_text("site_name: other\n", encoding="utf-8")
    (mark(outer / "withdocs") / "docs").mkdir()
    (mark(outer / "withcontent") / "content").mkdir()
    return outer


# (--site, folder to run in below outer/, what the message names below outer/ ("/" = itself), why)
REFUSED = {
    "dot": (".", "project", "project", "it is the project folder"),
    "dot-slash": ("./", "project", "project", "it is the project folder"),
    "parent": ("..", "project", "", "it holds the project folder"),
    "parent-slash": ("../", "project", "", "it holds the project folder"),
    "root": ("/", "project", "/", "it holds the project folder"),
    "home": ("~", "project", "", "it holds the project folder"),
    "content": ("content", "project", "project/content", "it is the project's content/"),
    "content-slash": ("content/", "project", "project/content", "it is the project's content/"),
    "content-by-dotdot": ("site/../content", "project", "project/content", "it is the project's content/"),
    "docs": ("docs", "project", "project/docs", "it is the project's docs/"),
    "git": (".git", "project", "project/.git", "it is the project's .git/"),
    "inside-content": ("content/site", "project", "project/content/site", "inside the project's content/"),
    "config-file": ("mkdocs.yml", "project", "project/mkdocs.yml", "it is a file, not a folder"),
    "file-named-site": ("../other/site", "project", "other/site", "it is a file, not a folder"),
    "symlink-to-site": ("site-link", "project", "project/site-link", "it is a symlink"),
    "symlink-slash": ("site-link/", "project", "project/site-link", "it is a symlink"),
    "symlink-to-content": ("content-link", "project", "project/content-link", "it is a symlink"),
    "dangling-symlink": ("dangling", "project", "project/dangling", "it is a symlink"),
    "symlink-to-project": ("../plink", "project", "plink", "it is a symlink"),
    "through-symlinked-parent": ("../plink/content", "project", "project/content", "it is the project's content/"),
    "marked-but-holds-git": ("../repo", "project", "repo", "it holds .git"),
    "marked-but-holds-mkdocs-yml": ("../proj2", "project", "proj2", "it holds mkdocs.yml"),
    "marked-but-holds-docs": ("../withdocs", "project", "withdocs", "it holds docs"),
    "marked-but-holds-content": ("../withcontent", "project", "withcontent", "it holds content"),
    "not-made-by-a-build": ("../photos", "project", "photos", f"has no {MARKER}"),
    "current-folder": (".", "project/empty-sub", "project/empty-sub", "it is the current folder"),
    "parent-is-a-file": ("../plain-file/site", "project", "plain-file", "cannot write in"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_site_exits_2_and_touches_nothing(outer, case):
    site, cwd, named, why = REFUSED[case]
    site = str(outer) if site == "~" else site  # what the shell makes of ~ with HOME=outer
    config = os.path.relpath(outer / "project" / "mkdocs.yml", outer / cwd)
    before = tree_digest(outer)
    result = run_cli("build", "--config", config, "--site", site, cwd=outer / cwd, env={"HOME": str(outer)})
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    assert "\n" not in message and message.startswith("bounceback build: ")
    assert why in message
    assert str(outer / named if named != "/" else Path("/")) in message
    assert "internal error" not in message and result.stdout == ""
    assert tree_digest(outer) == before
    assert stray_leftovers(outer) == [] and leftovers(Path("/")) == []


def test_own_output_is_replaced_through_trailing_slash_and_symlinked_parent(outer):
    project = outer / "project"
    for site in ("site/", "../plink/site"):
        (project / "site" / "stale.txt").write_text("from before\n", encoding="utf-8")
        result = run_build(project, site)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("built site/")
        assert not (project / "site" / "stale.txt").exists()
        assert (project / "site" / MARKER).is_file() and (project / "site" / "index.html").is_file()
    assert (outer / "plink").is_symlink() and stray_leftovers(outer) == []


def test_empty_folder_and_new_path_are_first_builds(tmp_path, project_copy):
    project = project_copy()
    (tmp_path / "empty").mkdir()
    for site in (tmp_path / "empty", tmp_path / "new" / "deeper" / "site"):
        result = run_build(project, str(site))
        assert result.returncode == 0, result.stderr
        assert (site / MARKER).is_file() and (site / "sitemap.xml").is_file()
        assert leftovers(site.parent) == []
