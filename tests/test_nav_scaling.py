"""The nav stays small on every page however many topics the guide holds.

With navigation.prune a page carries the top-level entries plus the children of each open
section on its own path. These tests count exactly that, on the nav render_nav returns for
synthetic guides of 20 to 3,000 topics, and on pages of a real MkDocs build.
"""
import pytest

from bounceback.model import guide_from_data, topic_from_data
from bounceback.render import NAV_FLAT_LIMIT, NAV_GROUP_SIZE, render_nav, stage_path, topic_path
from bench import NAV_LINK, hand_written_nav
from bench_content import synthetic_guide, write_project
from sitekit import build


def guide_of(count: int):
    data, topics = synthetic_guide(count)
    return guide_from_data(data, {t["id"]: topic_from_data(t) for t in topics})


def carried(nav: list) -> dict[str, int]:
    """For every page in the nav: how many entries a pruned page shows."""
    shown: dict[str, int] = {}

    def walk(entries: list, visible: int):
        for entry in entries:
            target = entry if isinstance(entry, str) else next(iter(entry.values()))
            if isinstance(target, str):
                shown[target] = visible
            else:
                walk(target, visible + len(target))

    walk(nav, len(nav))
    return shown


def pages_in_order(nav: list) -> list[str]:
    out = []
    for entry in nav:
        target = entry if isinstance(entry, str) else next(iter(entry.values()))
        out += [target] if isinstance(target, str) else pages_in_order(target)
    return out


def stage_sections(nav: list) -> list:
    """The nav's sections (a stage's entries), past the single pages before them."""
    return [entry for entry in nav if isinstance(next(iter(entry.values())), list)]


def test_small_stages_stay_flat():
    guide = guide_of(20)
    nav = render_nav(guide)
    for stage, section in zip(guide.stages, stage_sections(nav)):
        assert len(stage.topic_ids) <= NAV_FLAT_LIMIT
        assert section == {stage.title: [stage_path(stage.id)] + [
            {guide.topics[t].title: topic_path(t)} for t in stage.topic_ids]}


@pytest.mark.parametrize("count", [20, 200, 1000, 3000])
def test_every_topic_once_in_reading_order(count):
    guide = guide_of(count)
    pages = pages_in_order(render_nav(guide))
    topics = [p for p in pages if p.startswith("topics/")]
    assert topics == [topic_path(t) for s in guide.stages for t in s.topic_ids]


@pytest.mark.parametrize("count", [200, 1000, 3000])
def test_a_page_carries_a_bounded_nav(count):
    guide = guide_of(count)
    nav = render_nav(guide)
    shown = carried(nav)
    largest = max(len(s.topic_ids) for s in guide.stages)
    # top level + the stage's overview and groups + at most one group per deeper level
    levels = 1
    while NAV_GROUP_SIZE ** levels < largest:
        levels += 1
    bound = len(nav) + 1 + levels * NAV_GROUP_SIZE
    worst = max(shown[topic_path(t)] for t in guide.topics)
    assert worst <= bound
    assert worst - len(nav) < largest / 2  # a fraction of the stage, not all of it
    small = max(carried(render_nav(guide_of(20))).values())
    assert worst <= small + 3 * NAV_GROUP_SIZE


def test_groups_are_titled_by_their_first_and_last_topic():
    guide = guide_of(1000)
    stage = next(iter(stage_sections(render_nav(guide))[0].values()))
    assert stage[0] == stage_path(guide.stages[0].id)
    title, entries = next(iter(stage[1].items()))
    first = pages_in_order(entries)[0]
    assert title.startswith(guide.topics[first.removeprefix("topics/").removesuffix(".md")].title[:10])
    assert " – " in title
    assert 2 <= len(stage) - 1 <= NAV_GROUP_SIZE


def test_built_pages_carry_a_bounded_nav(tmp_path):
    """A real strict build of 200 topics: the biggest stage (50) is grouped, pages stay small."""
    project = write_project(tmp_path / "project", 200)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    counts = {}
    for page in (tmp_path / "site" / "topics").glob("*/index.html"):
        counts[page.parent.name] = len(NAV_LINK.findall(page.read_text(encoding="utf-8")))
    assert len(counts) == 200
    guide = guide_of(200)
    expected = carried(render_nav(guide, extra=hand_written_nav(project)))
    for topic_id, count in counts.items():  # Material shows a section's index as the section itself
        assert count <= expected[topic_path(topic_id)], topic_id
    assert max(counts.values()) < max(len(s.topic_ids) for s in guide.stages)
