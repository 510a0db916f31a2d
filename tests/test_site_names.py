"""Ids that become file and folder names: no Windows device names, and a topics folder that
cannot be used is named once."""
import os

import pytest

from bounceback.content import read_guide
from bounceback.names import is_windows_device
from sitekit import copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def rules(problems):
    return sorted((p.path.rsplit("/", 1)[-1], p.rule) for p in problems)


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
    assert rules(problems) == [("aux.yml", "windows-name")]
    assert "topic id (and file name) 'aux'" in problems[0].message


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
