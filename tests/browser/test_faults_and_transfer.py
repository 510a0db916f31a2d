"""Storage that throws or holds nonsense never breaks a page (as either engine builds it); an
import says only what it did; progress moves by file, nowhere else."""
import json
import re
from pathlib import Path

import material as material_theme
import pytest
import zensical

from readerkit import BLOCK_STORAGE, FULL_STORAGE, GUIDE, ITEMS, TOPIC, open_topic, reload_topic, tick, ticked, watch_errors
from sitekit import ROOT, served_build




def check_survives(page, site):
    errors = watch_errors(page)
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    assert ticked(page) == [ITEMS[0]]
    note = page.locator("article .bb-note")
    assert note.is_visible() and "can't be saved" in note.inner_text()
    assert page.locator("article .bb-checklist .bb-progress[role=status]").inner_text() == f"1 of {len(ITEMS)} done"
    question = GUIDE.topics[TOPIC].reflection[0]
    answer = page.locator("article").get_by_role("textbox", name=question.text, exact=True)
    answer.fill("Typed while storage refuses")
    page.locator("article .bb-answer__status", has_text="Can't be saved").wait_for()
    assert answer.input_value() == "Typed while storage refuses"
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-today]:not([hidden])")
    assert page.locator(".bb-tools__exported").inner_text() == "Not exported yet."
    assert errors == []


def test_storage_that_throws(context, any_site):
    context.add_init_script(BLOCK_STORAGE)
    check_survives(context.new_page(), any_site)


def test_storage_that_is_full(context, any_site):
    context.add_init_script(FULL_STORAGE)
    check_survives(context.new_page(), any_site)


def test_corrupted_storage(page, any_site):
    errors = watch_errors(page)
    page.goto(any_site.url)
    page.evaluate(
        """([topic, item]) => {
             localStorage.setItem('bounceback:/:' + topic + ':' + item, '{not json');
             for (const key of ['/.__palette', '/.__consent', '/.__tabs']) localStorage.setItem(key, '{broken');
           }""",
        [TOPIC, ITEMS[0]],
    )
    open_topic(page, any_site)
    assert ticked(page) == []
    assert "could not be read" in page.locator("article .bb-note").inner_text()
    tick(page, TOPIC, ITEMS[0])
    reload_topic(page)
    assert ticked(page) == [ITEMS[0]]
    assert errors == []


def test_corrupted_applications_and_export_date_never_break_my_plan(page, site, tmp_path):
    """Values of the other kinds that are not ours read as absent, are reported, and the
    export still carries everything else."""
    errors = watch_errors(page)
    page.goto(site.url)
    page.evaluate("""(topic) => {
        localStorage.setItem('bounceback:/:applications', '[{"company": {"nested": 1}}');
        localStorage.setItem('bounceback:/:exported', 'yesterday-ish');
        localStorage.setItem('bounceback:/:note:' + topic + ':x', 'a note of a question no longer asked');
      }""", TOPIC)
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    assert page.locator(".bb-tools__exported").inner_text() == "Not exported yet."
    assert "could not be read" in page.locator("article .bb-note").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export everything").click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    data = json.loads(path.read_text())
    assert data["applications"] == [] and data["notes"] == {TOPIC: {"x": "a note of a question no longer asked"}}
    assert page.locator(".bb-tools__exported").inner_text().startswith("Last exported: ")
    assert errors == []


DARK = {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal", "accent": "deep-orange"}
# Valid JSON of the wrong shape: each made Material's palette script or bundle throw on every page.
BAD_PALETTES = ['{"index":"x"}', "[]", "1", '"str"', '{"color":null}', "null", '{"index":0}',
                json.dumps({"index": 5, "color": DARK}), json.dumps({"index": 0, "color": DARK}),
                '{"index":5,"color":{}}', '{"index":-1,"color":{}}', '{"index":1,"color":{"scheme":"slate"}}',
                json.dumps({"index": 1, "color": {**DARK, "bad key": "x"}}),
                json.dumps({"index": 1, "color": {**DARK, "scheme": 1}}),
                json.dumps({"index": 1, "color": {**DARK, "media": "(prefers-color-scheme)"}})]


def test_saved_palette_of_the_wrong_shape_is_ignored(page, any_site):
    errors = watch_errors(page)
    page.goto(any_site.url)
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


def test_storage_reads_return_only_the_shapes_material_expects(page, any_site):
    page.goto(any_site.url)
    for key, (good, bad) in SHAPES.items():
        for value, expected in ((good, good), (bad, None)):
            read = page.evaluate("([k, v]) => (localStorage.setItem('/.' + k, JSON.stringify(v)), __md_get(k))", [key, value])
            assert read == expected, (key, value)
    assert page.evaluate("localStorage.setItem('/.__new', '{}'), __md_get('__new')") is None  # a key not checked: null


@pytest.mark.parametrize("theme", [Path(material_theme.__file__).parent, Path(zensical.__file__).parent],
                         ids=["material", "zensical"])
def test_every_key_the_theme_reads_has_a_shape_check(theme):
    """Both engines' themes use our guarded storage helpers (zensical_site.SHARED_TEMPLATES)."""
    templates = theme / "templates"
    used = {key for path in [*templates.glob("assets/javascripts/bundle.*.js"), *templates.rglob("partials/**/*.html")]
            for key in re.findall(r'__md_get\("(\w+)"', path.read_text(encoding="utf-8"))}
    ours = (ROOT / "overrides/partials/javascripts/base.html").read_text(encoding="utf-8")
    checked = set(re.findall(r"[(,{](__\w+):", ours.split("__md_shape=", 1)[1]))
    assert used and used <= checked, used - checked


def test_import_refuses_a_foreign_file(page, site, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"hello": "world"}))
    assert "not a Bounce Back progress file" in import_file(page, site, other)


def progress_file(tmp_path, ticks: str):
    """A progress file whose "ticks" is the JSON text given, so it may hold keys like __proto__."""
    path = tmp_path / "progress.json"
    path.write_text('{"format": "bounce-back-progress", "version": 1, "ticks": %s}' % ticks)
    return path


ROOM_FOR_ONE_TICK = """
const setItem = Storage.prototype.setItem;
let ticks = 0;
Storage.prototype.setItem = function (key, value) {
  if (key.startsWith('bounceback:') && ticks++ >= 1) throw new DOMException('quota', 'QuotaExceededError');
  return setItem.call(this, key, value);
};
"""


@pytest.mark.parametrize("storage, said", [
    (FULL_STORAGE, "2 ticks could not be saved in this browser; they show for this visit only."),
    (ROOM_FOR_ONE_TICK, "Imported 1 tick. 1 more could not be saved in this browser; it shows for this visit only."),
], ids=["full", "room-for-one"])
def test_import_that_cannot_be_saved_says_so_and_lasts_the_visit(context, site, tmp_path, storage, said):
    context.add_init_script(storage)
    page = context.new_page()
    errors = watch_errors(page)
    path = progress_file(tmp_path, json.dumps({f"{TOPIC}/{ITEMS[0]}": True, f"{TOPIC}/{ITEMS[1]}": True}))
    assert import_file(page, site, path) == said
    assert "can't be saved" in page.locator("article .bb-note").inner_text()
    row = page.locator(f".bb-plan__topic[data-topic='{TOPIC}']")
    assert row.locator("[data-bb-progress]").inner_text() == f"2 of {len(ITEMS)} done"
    row.locator("a").click()  # instant navigation: the same visit, so the ticks are still here
    page.wait_for_selector(f"article .bb-checklist[data-topic='{TOPIC}'][data-bb-ready]")
    assert ticked(page) == ITEMS[:2]
    assert errors == []


def test_import_counts_only_true_ticks_of_real_ids(page, site, tmp_path):
    prototype = ", ".join(f'"{key}": true' for key in
                          ("__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf"))
    odd = dict(zip(ITEMS[1:5], ["yes", 1, None, {}]))
    entries = {f"{TOPIC}/{item}": value for item, value in {ITEMS[0]: True, **odd, ITEMS[5]: False}.items()}
    path = progress_file(tmp_path, "{%s, %s" % (prototype, json.dumps(entries)[1:]))
    assert import_file(page, site, path) == ("Imported 1 tick. 10 entries were not a tick of this guide "
                                             "(true or false for a topic/item id) and were ignored.")
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('bounceback:'))")
    assert stored == [f"bounceback:/:{TOPIC}:{ITEMS[0]}"]
    open_topic(page, site)
    assert ticked(page) == [ITEMS[0]]


def import_file(page, site, path) -> str:
    """Import a file on My plan and return what the page says about it."""
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    page.locator("input[data-bb-import]").set_input_files(str(path))
    message = page.locator(".bb-tools__message")
    message.filter(has_text=re.compile(".")).wait_for()
    return message.inner_text()


def test_import_counts_each_box_once_and_says_what_was_already_there(page, tmp_path, project_copy):
    """A box named twice (by its id and an old id) is one tick; a tick already saved is not "imported"."""
    project = project_copy()
    topic_file = project / "content" / "topics" / f"{TOPIC}.yml"
    text = topic_file.read_text(encoding="utf-8")
    topic_file.write_text(text.replace(f"id: {ITEMS[0]}\n", f"id: {ITEMS[0]}\n    previous_ids: [old-name]\n", 1),
                          encoding="utf-8")
    both = progress_file(tmp_path, json.dumps({f"{TOPIC}/old-name": True, f"{TOPIC}/{ITEMS[0]}": True}))
    with served_build(project, tmp_path / "site") as server:
        assert import_file(page, server, both) == "Imported 1 tick."
        assert import_file(page, server, both) == "1 tick was already here."
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('bounceback:'))")
    assert stored == [f"bounceback:/:{TOPIC}:{ITEMS[0]}"]


def test_import_refuses_ticks_that_are_not_a_mapping(page, site, tmp_path):
    assert "not a Bounce Back progress file" in import_file(page, site, progress_file(tmp_path, "[true]"))
