"""Nothing is lost: a failed check or build leaves the last good site/ byte for byte, and
two builds of the same content give the same bytes, whatever the clock says."""
from __future__ import annotations

import gzip
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from contribkit import leftovers, run_build, run_cli, run_make, tree_digest

BROKEN = Path(__file__).parent / "broken"


@pytest.fixture(scope="module")
def built_project(project_copy):
    project = project_copy()
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.parametrize("breakage", ["broken-topic", "strict-warning", "guide-syntax"])
def test_failed_build_leaves_the_last_good_site_untouched(built_project, breakage):
    project = built_project
    site_before = tree_digest(project / "site")
    content = project / "content"
    undo = []
    if breakage == "broken-topic":
        target = content / "topics" / "script-tag.yml"
        shutil.copyfile(BROKEN / "script-tag.yml", target)
        undo.append(lambda: target.unlink())
    elif breakage == "strict-warning":  # valid content, but a dead link fails the strict build
        about = project / "docs" / "about.md"
        original = about.read_text(encoding="utf-8")
        about.write_text(original + "\n[dead](no-such-page.md)\n", encoding="utf-8")
        undo.append(lambda: about.write_text(original, encoding="utf-8"))
    else:
        guide = content / "guide.yml"
        original = guide.read_text(encoding="utf-8")
        guide.write_text(original.replace("stages:\n", "stages: [\n", 1), encoding="utf-8")
        undo.append(lambda: guide.write_text(original, encoding="utf-8"))
    try:
        result = run_build(project)
        assert result.returncode == 1
        assert "build failed: site/ was left as it was" in result.stderr
        assert tree_digest(project / "site") == site_before
        assert leftovers(project) == []

        result = run_make("build", cwd=project)
        assert result.returncode != 0
        assert tree_digest(project / "site") == site_before
        assert leftovers(project) == []
    finally:
        for step in undo:
            step()


def test_failed_check_changes_nothing(project_copy):
    project = project_copy()
    shutil.copyfile(BROKEN / "duplicate-key.yml", project / "content" / "topics" / "duplicate-key.yml")
    before = tree_digest(project)
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert tree_digest(project) == before


def test_successful_build_swaps_in_a_readable_site(built_project):
    project = built_project
    (project / "site" / "stale-file.txt").write_text("from an older build", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "stale-file.txt").exists()
    assert (project / "site" / "index.html").is_file()
    assert leftovers(project) == []
    umask = os.umask(0)
    os.umask(umask)
    assert (project / "site").stat().st_mode & 0o777 == 0o777 & ~umask  # not mkdtemp's private 0700


def test_two_builds_of_the_same_content_give_the_same_bytes(project_copy):
    project = project_copy()
    assert run_build(project, "site-a").returncode == 0
    assert run_build(project, "site-b").returncode == 0
    first, second = tree_digest(project / "site-a"), tree_digest(project / "site-b")
    assert len(first) > 50
    assert first == second


def test_build_date_comes_from_the_sources_not_the_clock(project_copy):
    """sitemap.xml's lastmod (and the .gz header) is the newest source file's date, so a
    build tomorrow of today's checkout gives the same bytes."""
    project = project_copy()
    stamp = datetime(2021, 3, 4, 5, 6, 7, tzinfo=timezone.utc).timestamp()
    for path in [project / "mkdocs.yml", *project.rglob("*")]:
        os.utime(path, (stamp, stamp))
    assert run_build(project).returncode == 0
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {"2021-03-04"}
    raw = (project / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(raw).decode("utf-8") == sitemap
    assert int.from_bytes(raw[4:8], "little") == int(datetime(2021, 3, 4, tzinfo=timezone.utc).timestamp())

    assert run_build(project, "site-ci", env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0  # CI: commit time
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", (project / "site-ci" / "sitemap.xml").read_text()))
    assert dates == {"2023-11-14"}
