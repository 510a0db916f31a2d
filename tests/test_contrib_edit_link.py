"""Every topic page links "Suggest an edit" to its YAML file in GitHub's web editor, and the
site still makes no request to another host (no `repo_url`, so no api.github.com calls)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from bounceback.content import read_guide
from bounceback.render import render_pages
from sitekit import ROOT, build

EDIT_BASE = "https://github.com/example-org/bounce-back/edit/main/"


LOADED = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}


class Links(HTMLParser):
    """Anchors with their text, and every URL the browser would load by itself."""

    def __init__(self):
        super().__init__()
        self.anchors, self.resources, self._href = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self._href = attrs.get("href")
        if attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & LOADED:
            self.resources.append(attrs["href"])

    def handle_data(self, data):
        if self._href is not None and data.strip():
            self.anchors.append((self._href, data.strip()))
            self._href = None

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def links(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(project_copy, tmp_path_factory):
    project = project_copy()
    site_dir = tmp_path_factory.mktemp("edit-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EDIT_BASE", EDIT_BASE)  # what the Pages workflow sets
        result = build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_every_topic_page_opens_its_yaml_file_in_the_web_editor(built):
    guide, _ = read_guide(ROOT / "content", ROOT)
    for topic_id in guide.topics:
        found = links(built / "topics" / topic_id / "index.html").anchors
        edits = [href for href, text in found if text == "Suggest an edit"]
        assert edits == [f"{EDIT_BASE}content/topics/{topic_id}.yml"], topic_id
    for page in (built / "index.html", built / "plan" / "index.html"):
        assert "Suggest an edit" not in page.read_text(encoding="utf-8")


def test_no_edit_link_without_a_repository_or_with_an_unsafe_one():
    guide, _ = read_guide(ROOT / "content", ROOT)
    for edit_base in ("", "javascript:alert(1)//"):
        assert not any("Suggest an edit" in page.markdown for page in render_pages(guide, edit_base=edit_base))


def test_no_repo_url_and_no_request_to_another_host(built):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "repo_url" not in config
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "api.github.com" not in text
        external = [r for r in links(page).resources if re.match(r"(https?:)?//", r)]
        assert external == [], f"{page}: {external}"
