"""Ids that become file and folder names: no stage replaces another page, no Windows device
names, and a topics folder that cannot be used is named once."""
import os

import pytest

from bounceback import render
from bounceback.content import docs_names, read_guide
from bounceback.names import is_windows_device
from bounceback.render import render_pages, stage_path, taken_names, top_name
from sitekit import ROOT, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def rules(problems):
    return sorted((p.path.rsplit("/", 1)[-1], p.rule) for p in problems)


def test_every_generated_page_but_the_stages_takes_a_name_stage_ids_cannot_have():
    guide, _ = read_guide(ROOT / "content", ROOT)
    stage_pages = {stage_path(stage.id) for stage in guide.stages}
    taken = taken_names()
    for page in render_pages(guide):
        assert page.path in stage_pages or top_name(page.path) in taken, page.path
    assert {"index", "plan", "workbook", "tags", "topics", "search", "404", "sitemap", "assets"} <= set(taken)


def test_a_page_added_to_the_guide_pages_is_protected_at_once(monkeypatch):
    monkeypatch.setitem(render._GUIDE_PAGES, "news/index.md", render.render_home)
    assert taken_names()["news"] == "the generated page news/index.md"


def test_docs_names_are_the_top_level_files_and_folders(tmp_path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    for name in ("about.md", "robots.txt", ".nojekyll", "Guide.PDF"):
        (docs / name).write_text("x", encoding="utf-8")
    assert docs_names(docs) == {"about": "docs/about.md", "assets": "docs/assets/", "robots": "docs/robots.txt",
                                "guide": "docs/Guide.PDF"}
    assert docs_names(tmp_path / "none") == {}


def test_a_new_hand_written_page_protects_its_name(project):
    (project / "docs" / "learn-from-it.md").write_text("# Learn\n", encoding="utf-8")
    _, problems = read_guide(project / "content", project)
    assert [(p.rule, p.message) for p in problems] == [
        ("stage-id-taken", "stage id 'learn-from-it' is the name of docs/learn-from-it.md")]


def test_windows_device_names_whatever_their_case():
    assert all(map(is_windows_device, ["con", "CON", "Nul", "com1", "LPT9", "aux", "prn"]))
    assert not any(map(is_windows_device, ["com0", "lpt10", "console", "con-call", "null"]))


def test_a_topic_file_with_a_windows_device_name_is_refused(project):
    topics = project / "content" / "topics"
    text = (topics / "volunteer.yml").read_text(encoding="utf-8").replace("id: volunteer", "id: aux")
    (topics / "aux.yml").write_text(text, encoding="utf-8")
    guide = project / "content" / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("- volunteer\n", "- volunteer\n      - aux\n"), encoding="utf-8")
    _, problems = read_guide(project / "content", project)
    assert rules(problems) == [("aux.yml", "unreached-topic"), ("aux.yml", "windows-name")]  # new, so no link leads to it yet
    assert "topic id (and file name) 'aux'" in problems[1].message


@pytest.mark.parametrize("breakage", ["missing", "a-file", "a-link"])
def test_an_unusable_topics_folder_is_named_once(project, tmp_path, breakage):
    topics = project / "content" / "topics"
    moved = tmp_path / "elsewhere"
    topics.rename(moved)
    if breakage == "a-file":
        topics.write_text("not a folder", encoding="utf-8")
    elif breakage == "a-link":
        os.symlink(moved, topics)
    guide, problems = read_guide(project / "content", project)
    assert guide is None
    rule = "file-type" if breakage == "a-link" else "topics-folder"
    assert [(p.path.rsplit("/", 1)[-1], p.line, p.col, p.rule) for p in problems] == [("topics", 1, 1, rule)]
