"""guide.yml's tracker_stages: each stage of My applications leads to a topic that exists,
checked like every other reference in guide.yml, and reaches the page in stage order."""
import json
import re
import shutil

import pytest

from bounceback.content import read_guide
from bounceback.model import TRACKER_STAGES
from bounceback.render import render_applications
from sitekit import ROOT


@pytest.fixture
def content_copy(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def edit_guide(content_copy, old: str, new: str) -> None:
    guide_file = content_copy / "guide.yml"
    text = guide_file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    guide_file.write_text(text.replace(old, new), encoding="utf-8")


def line_of(content_copy, needle: str) -> int:
    lines = (content_copy / "guide.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_the_schema_names_the_stages_the_tracker_has():
    schema = json.loads((ROOT / "content" / "guide.schema.json").read_text(encoding="utf-8"))
    stages = schema["properties"]["tracker_stages"]
    assert tuple(stages["properties"]) == TRACKER_STAGES
    assert stages["required"] == list(TRACKER_STAGES) and stages["additionalProperties"] is False


def test_the_real_guide_links_every_stage_to_a_topic_in_stage_order():
    guide, problems = read_guide(ROOT / "content")
    assert problems == []
    assert [stage for stage, _ in guide.tracker_stages] == list(TRACKER_STAGES)
    assert all(topic in guide.topics for _, topic in guide.tracker_stages)


def test_an_unknown_topic_is_placed_on_its_value_with_a_suggestion(content_copy):
    edit_guide(content_copy, "  final-round: final-round-no", "  final-round: final-rund-no")
    guide, problems = read_guide(content_copy)
    assert guide is None
    [problem] = problems
    assert (problem.rule, problem.message) == ("unknown-topic", "no topic with id 'final-rund-no'")
    assert problem.path.endswith("guide.yml")
    assert (problem.line, problem.col) == (line_of(content_copy, "final-rund-no"), 16)
    assert problem.hint == "Did you mean 'final-round-no'?"
    assert re.fullmatch(r".*guide\.yml:\d+:16: error: no topic with id 'final-rund-no' \[unknown-topic\]",
                        problem.as_text().splitlines()[0])


def test_a_missing_stage_an_unknown_stage_and_a_bad_id_are_each_reported(content_copy):
    edit_guide(content_copy, "  offer: offer-withdrawn\n", "  ofer: offer-withdrawn\n")
    edit_guide(content_copy, "  applied: tailor-your-applications", "  applied: Tailor_Your_CV")
    guide, problems = read_guide(content_copy)
    assert guide is None
    found = {(p.rule, p.message) for p in problems}
    assert ("required", "missing required field 'offer' in tracker_stages") in found
    assert ("unknown-key", "unknown key 'ofer'") in found
    assert ("id-format", "'Tailor_Your_CV' is not a valid id in tracker_stages.applied") in found
    assert next(p for p in problems if p.rule == "unknown-key").hint == "Did you mean 'offer'?"
    assert all(p.line > 0 and p.col > 0 and p.hint for p in problems)


def test_topic_ids_are_not_spell_checked_as_words(content_copy):
    """An id is a name, not prose: the style check (make check) leaves it alone."""
    guide, problems = read_guide(content_copy, style=True)
    assert problems == [] and guide is not None


def test_a_guide_without_tracker_stages_builds_the_page_without_links(content_copy):
    text = (content_copy / "guide.yml").read_text(encoding="utf-8")
    (content_copy / "guide.yml").write_text(text.split("\n# My applications:")[0] + "\n", encoding="utf-8")
    guide, problems = read_guide(content_copy)
    assert problems == [] and guide.tracker_stages == ()
    page = render_applications(guide)
    assert 'data-stage="interview"' in page and "topics/" not in page.split("bb-apps__summary")[1]


def test_the_page_links_each_stage_to_its_topic_from_the_build():
    guide, _ = read_guide(ROOT / "content")
    page = render_applications(guide)
    for stage, topic in guide.tracker_stages:
        assert re.search(rf'<li data-stage="{stage}" hidden><a href="\.\./topics/{topic}/">', page), stage
