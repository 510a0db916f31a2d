"""Each page loads only the scripts and styles it uses, and the home page and a topic page
stay within the front end's budget of our own JS and CSS (8 KB gzipped, as served).

Sizes are bytes of files, the same on every run: a budget, not a timing assertion. The
table for every kind of page is `python scripts/asset_weight.py site/` (docs/benchmarks.md).
"""
from __future__ import annotations

from asset_weight import BUDGET, own_assets, weights

EVERY_PAGE = {"store.js", "checklist.js", "checklist.css", "offline.js"}


def test_every_page_kind_loads_the_core_and_only_its_own_kit(site):
    found = weights(site.dir)
    assert set(found) == {"home", "topic", "topic with templates", "topic with a reminder", "topic with both",
                          "My plan", "My applications", "workbook", "stage"}
    fill, calendar = {"fillin.js", "fillin.css"}, {"calendar.js", "calendar.css"}
    kits = fill | calendar | {"plan.js", "plan.css", "applications.js", "applications.css"}
    expected = {"topic with templates": fill, "topic with a reminder": calendar, "topic with both": fill | calendar,
                "My plan": {"plan.js", "plan.css"}, "My applications": {"applications.js", "applications.css", "calendar.js"}}
    for kind, (page, sizes) in found.items():
        assert EVERY_PAGE <= set(sizes), kind
        assert set(sizes) & kits == expected.get(kind, set()) & kits, kind


def test_home_and_a_topic_page_stay_within_the_budget(site):
    """The home page, a plain topic and one with templates (the kind `make lighthouse`
    measures). Since the offline layer (offline.js, 371 B on every page) the topics with a
    reminder are over it, by 281 B, like those with both kits (docs/benchmarks.md)."""
    for page in ("index.html", "topics/dont-dwell/index.html", "topics/dont-count-on-an-offer/index.html"):
        sizes = own_assets(site.dir, page)
        assert EVERY_PAGE <= set(sizes)
        assert sum(sizes.values()) < BUDGET, (page, sizes)
