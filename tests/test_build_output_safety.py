"""A build only ever replaces its own output: the real `bounceback build` refuses any other
--site and touches nothing, and a build cut short by SIGINT, SIGTERM or SIGKILL leaves
site/ as it was and no process behind; the next build clears what a killed one left."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from bounceback.siteguard import MARKER
from bounceback.siteswap import exchange, swap_by_two_renames
from contribkit import CLI, LEFTOVER, cli_env, leftovers, run_build, run_cli, tree_digest
from sitekit import copy_project

BROKEN = Path(__file__).parent / "broken"

PAUSE_HOOK = '''"""Test hook: when BOUNCEBACK_TEST_PAUSE names a file, hold the build at the end of
MkDocs' work (every page written, no marker yet) after creating that file."""
import os
import pathlib
import time


def on_post_build(config):
    flag = os.environ.get("BOUNCEBACK_TEST_PAUSE")
    if flag:
        pathlib.Path(flag).write_text("paused", encoding="utf-8")
        time.sleep(600)
'''


def mark(folder: Path) -> Path:
    """A folder that passes for an earlier build's output."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("built\n", encoding="utf-8")
    return folder


def stray_leftovers(top: Path) -> list[str]:
    """Every staging or old-copy name anywhere under `top`."""
    return sorted(str(p) for p in top.rglob("*") if LEFTOVER.fullmatch(p.name))


def processes_in(folder: Path) -> list[int]:
    """Live processes whose command line names `folder` or which run inside it (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:  # gone meanwhile, or a zombie
            continue
        if str(folder) in cmdline or Path(cwd).is_relative_to(folder):
            found.append(int(entry.name))
    return found


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


def test_unwritable_place_is_named_even_for_root(project_copy):
    """sysfs refuses mkdir to root too (tests run as root, where a 0o555 folder stops nothing):
    the same path as a read-only folder, as any user."""
    project = project_copy()
    before = tree_digest(project)
    result = run_build(project, "/sys/bounceback-site")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == "bounceback build: cannot write in /sys (next to bounceback-site/): " \
                                    "Operation not permitted"
    assert not os.path.lexists("/sys/bounceback-site") and leftovers(Path("/sys")) == []
    assert tree_digest(project) == before


def test_second_build_at_the_same_time_is_refused(outer):
    project = outer / "project"
    before = tree_digest(outer)
    fd = os.open(project, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # what a running build holds
        result = run_build(project)
    finally:
        os.close(fd)
    assert result.returncode == 2
    assert f"another `bounceback build` is writing in {project}" in result.stderr
    assert tree_digest(outer) == before


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


@pytest.fixture
def pausable(project_copy):
    """A built project whose builds wait at the end of MkDocs' work when asked to (PAUSE_HOOK)."""
    project = project_copy()
    (project / "scripts" / "pause_hook.py").write_text(PAUSE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - scripts/mkdocs_hooks.py\n" in text
    config.write_text(text.replace("  - scripts/mkdocs_hooks.py\n",
                                   "  - scripts/mkdocs_hooks.py\n  - scripts/pause_hook.py\n"), encoding="utf-8")
    assert run_build(project).returncode == 0
    return project


def start_paused_build(project: Path, work: Path) -> subprocess.Popen:
    """A real `bounceback build` in the background, returned once MkDocs has written every
    page into the staging folder and waits there."""
    flag = work / "paused"
    with open(work / "stdout", "w") as out, open(work / "stderr", "w") as err:
        build = subprocess.Popen([*CLI, "build", "--config", str(project / "mkdocs.yml"), "--site", "site"],
                                 cwd=project, env=cli_env({"BOUNCEBACK_TEST_PAUSE": str(flag)}),
                                 stdout=out, stderr=err)
    deadline = time.monotonic() + 300  # a safety net for a hung build, not a measurement
    while not flag.exists():
        if build.poll() is not None or time.monotonic() > deadline:
            build.kill()
            pytest.fail(f"the build never paused: {(work / 'stderr').read_text()}")
        time.sleep(0.05)
    return build


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGKILL, -9)],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_build_leaves_site_and_no_process(pausable, tmp_path, signum, status):
    project = pausable
    before = tree_digest(project / "site")
    build = start_paused_build(project, tmp_path)
    try:
        staged = leftovers(project)
        assert len(staged) == 1 and (project / staged[0] / "index.html").is_file()  # mid-build, pages written
        build.send_signal(signum)
        assert build.wait(timeout=120) == status
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    behind = processes_in(project)
    for pid in behind:
        os.kill(pid, signal.SIGKILL)
    assert behind == []
    assert tree_digest(project / "site") == before
    if signum == signal.SIGKILL:  # nothing could clean up: the next build must
        assert leftovers(project) == staged
    else:
        assert leftovers(project) == []
        assert "build interrupted: site/ was left as it was" in (tmp_path / "stderr").read_text()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert leftovers(project) == []


def test_kill_between_the_two_renames_is_undone_by_the_next_build(project_copy):
    """The state a SIGKILL between the fallback's renames leaves: no site/, the old site in
    .site.old-*, the finished new one still staged. The next build puts the old one back
    first, so even when it fails itself, site/ is as it was before the killed build."""
    project = project_copy()
    assert run_build(project).returncode == 0
    before = tree_digest(project / "site")
    shutil.copytree(project / "site", project / ".site.new-finished")
    (project / ".site.new-finished" / "index.html").write_text("the newer build\n", encoding="utf-8")
    os.rename(project / "site", project / ".site.old-k1lled00")
    broken = project / "content" / "topics" / "script-tag.yml"
    shutil.copyfile(BROKEN / "script-tag.yml", broken)
    result = run_build(project)
    assert result.returncode == 1
    assert "build failed: site/ was left as it was" in result.stderr
    assert tree_digest(project / "site") == before
    assert leftovers(project) == []
    broken.unlink()
    assert run_build(project).returncode == 0


def test_next_build_clears_only_its_own_leftovers(project_copy, tmp_path):
    project = project_copy()
    assert run_build(project).returncode == 0
    half_built = project / ".site.new-h4lfway0"  # killed mid-MkDocs: no marker
    (half_built / "assets").mkdir(parents=True)
    (half_built / "index.html").write_text("half\n", encoding="utf-8")
    mark(project / ".site.old-0ldcopy0")
    strangers = {".site.keep": "dir", ".site.new-short": "dir", ".site-a.new-abcdefgh": "dir",
                 ".site.old-notmine1.txt": "file", ".site.old-l1nk0000": "link"}
    for name, kind in strangers.items():
        if kind == "dir":
            mark(project / name)
        elif kind == "file":
            (project / name).write_text("mine\n", encoding="utf-8")
        else:
            (project / name).symlink_to(tmp_path)
    (tmp_path / "keep.txt").write_text("behind a link\n", encoding="utf-8")
    before = {name: tree_digest(project / name) if kind == "dir" else None for name, kind in strangers.items()}
    assert run_build(project).returncode == 0
    assert not half_built.exists() and not (project / ".site.old-0ldcopy0").exists()
    assert all(os.path.lexists(project / name) for name in strangers)
    assert {n: tree_digest(project / n) for n, k in strangers.items() if k == "dir"} == \
           {n: d for n, d in before.items() if d is not None}
    assert (tmp_path / "keep.txt").exists()


def test_one_step_swap_exchanges_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "from-a").mkdir(parents=True)
    (b / "from-b").mkdir(parents=True)
    assert exchange(a, b), "renameat2(RENAME_EXCHANGE) failed: builds here would fall back to two renames"
    assert [p.name for p in a.iterdir()] == ["from-b"] and [p.name for p in b.iterdir()] == ["from-a"]


def test_two_rename_fallback_moves_the_old_site_aside_or_puts_it_back(tmp_path):
    site, staging = mark(tmp_path / "site"), mark(tmp_path / ".site.new-abcdefgh")
    (site / "old.txt").write_text("old\n", encoding="utf-8")
    (staging / "new.txt").write_text("new\n", encoding="utf-8")
    old = swap_by_two_renames(staging, site)
    assert (site / "new.txt").is_file() and (old / "old.txt").is_file()
    assert LEFTOVER.fullmatch(old.name) and old.name.startswith(".site.old-")

    with pytest.raises(FileNotFoundError):  # the second rename fails: the first is undone
        swap_by_two_renames(tmp_path / ".site.new-missing0", site)
    assert (site / "new.txt").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", old.name])
