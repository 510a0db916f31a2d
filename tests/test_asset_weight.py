"""Each page loads only the scripts and styles it uses, and the home page and a topic page
stay within the front end's budget of our own JS and CSS (8 KB gzipped, as served).

Sizes are bytes of files, the same on every run: a budget, not a timing assertion. The
table for every kind of page is `python scripts/asset_weight.py site/` (docs/benchmarks.md).
"""
from __future__ import annotations

from asset_weight import BUDGET, own_assets, weights

EVERY_PAGE = {"store.js", "checklist.js", "checklist.css"}


def test_every_page_kind_loads_the_core_and_only_its_own_kit(site):
    found = weights(site.dir)
    assert {"home", "topic", "topic with templates", "My plan", "workbook", "stage"} <= set(found)
    kits = {"fillin.js", "fillin.css", "plan.js"}
    expected = {"topic with templates": {"fillin.js", "fillin.css"}, "My plan": {"plan.js"}}
    for kind, (page, sizes) in found.items():
        assert EVERY_PAGE <= set(sizes), kind
        assert set(sizes) & kits == expected.get(kind, set()) & kits, kind


def test_home_and_a_topic_page_stay_within_the_budget(site):
    for page in ("index.html", "topics/dont-dwell/index.html", "topics/ask-for-feedback/index.html"):
        sizes = own_assets(site.dir, page)
        assert EVERY_PAGE <= set(sizes)
        assert sum(sizes.values()) < BUDGET, (page, sizes)
