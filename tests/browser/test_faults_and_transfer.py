"""Storage that throws or holds nonsense never breaks a page; progress moves by file, nowhere else."""
import json
import re
from pathlib import Path

import material as material_theme

from readerkit import ITEMS, TOPIC, open_topic, reload_topic, tick, ticked, watch_errors
from sitekit import ROOT

BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""

FULL_STORAGE = """
Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };
"""


def check_survives(page, site):
    errors = watch_errors(page)
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    assert ticked(page) == [ITEMS[0]]
    note = page.locator("article .bb-note")
    assert note.is_visible() and "can't be saved" in note.inner_text()
    assert page.locator("article .bb-checklist [role=status]").inner_text() == f"1 of {len(ITEMS)} done"
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-today]:not([hidden])")
    assert errors == []


def test_storage_that_throws(context, site):
    context.add_init_script(BLOCK_STORAGE)
    check_survives(context.new_page(), site)


def test_storage_that_is_full(context, site):
    context.add_init_script(FULL_STORAGE)
    check_survives(context.new_page(), site)


def test_corrupted_storage(page, site):
    errors = watch_errors(page)
    page.goto(site.url)
    page.evaluate(
        """([topic, item]) => {
             localStorage.setItem('bounceback:/:' + topic + ':' + item, '{not json');
             for (const key of ['/.__palette', '/.__consent', '/.__tabs']) localStorage.setItem(key, '{broken');
           }""",
        [TOPIC, ITEMS[0]],
    )
    open_topic(page, site)
    assert ticked(page) == []
    assert "could not be read" in page.locator("article .bb-note").inner_text()
    tick(page, TOPIC, ITEMS[0])
    reload_topic(page)
    assert ticked(page) == [ITEMS[0]]
    assert errors == []


DARK = {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal", "accent": "deep-orange"}
# Valid JSON of the wrong shape: each made Material's palette script or bundle throw on every page.
BAD_PALETTES = ['{"index":"x"}', "[]", "1", '"str"', '{"color":null}', "null", '{"index":0}',
                json.dumps({"index": 5, "color": DARK}), json.dumps({"index": 0, "color": DARK}),
                json.dumps({"index": 1, "color": {**DARK, "bad key": "x"}}),
                json.dumps({"index": 1, "color": {**DARK, "scheme": 1}}),
                json.dumps({"index": 1, "color": {**DARK, "media": "(prefers-color-scheme)"}})]


def test_saved_palette_of_the_wrong_shape_is_ignored(page, site):
    errors = watch_errors(page)
    page.goto(site.url)
    for value in BAD_PALETTES:
        page.evaluate("v => localStorage.setItem('/.__palette', v)", value)
        page.reload()
        page.wait_for_load_state("networkidle")
        assert errors == [], value
        assert page.get_attribute("body", "data-md-color-scheme") == "default", value
    page.evaluate("v => localStorage.setItem('/.__palette', v)", json.dumps({"index": 1, "color": DARK}))
    page.reload()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"  # a real choice still works
    page.locator("label[for='__palette_0']").click()  # and switching back still saves
    assert json.loads(page.evaluate("localStorage.getItem('/.__palette')"))["index"] == 0


SHAPES = {  # key: (a value Material could have written, valid JSON it never writes)
    "__tabs": (["Python"], {"0": "Python"}),
    "__consent": ({"github": True}, {"github": "yes"}),
    "__announce": (-12345, "12345"),
    "__source": ({"stars": "1k", "forks": 3}, ["1k"]),
    "__outdated": (False, "false"),
}


def test_storage_reads_return_only_the_shapes_material_expects(page, site):
    page.goto(site.url)
    for key, (good, bad) in SHAPES.items():
        for value, expected in ((good, good), (bad, None)):
            read = page.evaluate("([k, v]) => (localStorage.setItem('/.' + k, JSON.stringify(v)), __md_get(k))", [key, value])
            assert read == expected, (key, value)
    assert page.evaluate("localStorage.setItem('/.__new', '{}'), __md_get('__new')") is None  # a key not checked: null


def test_every_key_material_reads_has_a_shape_check():
    material = Path(material_theme.__file__).parent / "templates"
    used = {key for path in [*material.glob("assets/javascripts/bundle.*.js"), *material.rglob("partials/**/*.html")]
            for key in re.findall(r'__md_get\("(\w+)"', path.read_text(encoding="utf-8"))}
    ours = (ROOT / "overrides/partials/javascripts/base.html").read_text(encoding="utf-8")
    checked = set(re.findall(r"[(,{](__\w+):", ours.split("__md_shape=", 1)[1]))
    assert used and used <= checked, used - checked


def test_export_then_import_in_a_fresh_browser(browser, site, tmp_path):
    old = browser.new_context()
    page = old.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    tick(page, TOPIC, ITEMS[2])
    page.goto(f"{site.url}plan/")
    with page.expect_download() as download:
        page.locator("button", has_text="Export").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == "bounce-back-progress" and data["version"] == 1
    assert data["ticks"] == {f"{TOPIC}/{ITEMS[0]}": True, f"{TOPIC}/{ITEMS[2]}": True}
    assert all(url.startswith(site.url) or url.startswith("blob:") for url in requests)
    old.close()

    data["ticks"]["no-such-topic/gone"] = True
    exported.write_text(json.dumps(data))
    fresh = browser.new_context()
    page = fresh.new_page()
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    page.locator("input[data-bb-import]").set_input_files(str(exported))
    message = page.locator(".bb-tools__message")
    message.filter(has_text="Imported").wait_for()
    assert message.inner_text() == (
        "Imported 2 ticks. 1 tick was for items no longer in the guide and was ignored."
    )
    open_topic(page, site)
    assert ticked(page) == [ITEMS[0], ITEMS[2]]
    fresh.close()


def test_import_refuses_a_foreign_file(page, site, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": "world"}))
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    page.locator("input[data-bb-import]").set_input_files(str(other))
    page.locator(".bb-tools__message", has_text="not a Bounce Back progress file").wait_for()
