"""One file keeps or moves everything (plan/STORE-CONTRACT.md, version 2): ticks, notes, template
fields and applications go out and come back whole in a fresh browser; a version-1 file still
reads; a foreign or hostile file is refused and changes nothing; "Delete everything on this
device" removes this site's keys only; My plan says when the reader last exported."""
import datetime
import json
import re

import pytest
from playwright.sync_api import expect

from readerkit import GUIDE, ITEMS, TOPIC, export_everything, open_topic, ticked, tick, watch_errors
from test_faults_and_transfer import import_file
from test_notes import QUESTIONS, box, write_note

PREFIX = "bounceback:/:"
FIELDS = {f"{PREFIX}field:company": "Acme & Sons <b>", f"{PREFIX}field:your name": "Sam \u00e9 \U0001f600"}
APPLICATIONS = [{"company": "Acme", "role": "Analyst", "stage": "interview", "followup": "2026-12-08", "n": 1, "open": True}]
REFUSED = "nothing was imported"


def ours(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('bounceback:')))")


def seed_other_kinds(page) -> None:
    """What the template fields and the tracker keep, under the contract's keys."""
    entries = {**FIELDS, f"{PREFIX}applications": json.dumps(APPLICATIONS, separators=(",", ":"))}  # as JSON.stringify
    page.evaluate("e => Object.entries(e).forEach(([k, v]) => localStorage.setItem(k, v))", entries)


def test_everything_goes_out_and_comes_back_in_a_fresh_browser(browser, site, tmp_path):
    old = browser.new_context()
    page = old.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    tick(page, TOPIC, ITEMS[2])
    write_note(page, "Line one\nLine two \u201cquoted\u201d")
    seed_other_kinds(page)
    before = ours(page)
    path = export_everything(page, site, tmp_path)
    message = page.locator(".bb-tools__message").inner_text()
    assert re.fullmatch(r"Exported to bounce-back-progress-\d{4}-\d\d-\d\d\.json: "
                        r"2 ticks, 1 note, 1 application, 2 template fields\.", message), message
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("bounce-back-progress", 2)
    assert data["ticks"] == {TOPIC: [ITEMS[0], ITEMS[2]]}
    assert data["notes"] == {TOPIC: {QUESTIONS[0].id: "Line one\nLine two \u201cquoted\u201d"}}
    assert data["fields"] == {"company": "Acme & Sons <b>", "your name": "Sam \u00e9 \U0001f600"}
    assert data["applications"] == APPLICATIONS
    assert datetime.datetime.fromisoformat(data["exported"].replace("Z", "+00:00"))
    assert all(url.startswith(site.url) or url.startswith("blob:") for url in requests), "a request left the site"
    old.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    errors = watch_errors(page)
    said = import_file(page, site, path)
    assert said == "Imported 2 ticks. Restored 1 note. Restored 2 template fields. Restored 1 application."
    after = ours(page)
    assert {k: v for k, v in after.items() if not k.endswith(":exported")} == \
        {k: v for k, v in before.items() if not k.endswith(":exported")}
    open_topic(page, site)
    assert ticked(page) == [ITEMS[0], ITEMS[2]]
    assert box(page).input_value() == "Line one\nLine two \u201cquoted\u201d"
    assert errors == []
    fresh.close()


def test_ticks_of_topics_no_longer_in_the_guide_are_counted_and_ignored(page, site, tmp_path):
    path = tmp_path / "gone.json"
    path.write_text(v2(ticks={TOPIC: [ITEMS[1]], "no-such-topic": ["gone"]}, notes={}, fields={}))
    assert import_file(page, site, path) == "Imported 1 tick. 1 tick was for items no longer in the guide and was ignored."
    assert ours(page) == {f"{PREFIX}{TOPIC}:{ITEMS[1]}": "1"}


def test_a_version_1_file_still_imports(page, site, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "bounce-back-progress", "version": 1, "exported": "2026-11-01T10:00:00Z",
                                "ticks": {f"{TOPIC}/{ITEMS[1]}": True, f"{TOPIC}/{ITEMS[3]}": True}}))
    assert import_file(page, site, path) == "Imported 2 ticks."
    open_topic(page, site)
    assert ticked(page) == [ITEMS[1], ITEMS[3]]


def v2(**parts):
    data = {"format": "bounce-back-progress", "version": 2, "exported": "2026-12-01T10:00:00.000Z",
            "ticks": {TOPIC: [ITEMS[0]]}, "notes": {TOPIC: {QUESTIONS[0].id: "fine"}}, "fields": {"company": "Acme"},
            "applications": []}
    data.update(parts)
    return json.dumps(data)


HOSTILE = {
    "not-json": ("{not json", "not a Bounce Back progress file"),
    "foreign": (json.dumps({"hello": "world"}), "not a Bounce Back progress file"),
    "a-list": (json.dumps([1, 2]), "not a Bounce Back progress file"),
    "version-3": (v2(version=3), "can't read"),
    "version-as-text": (v2(version="2"), "can't read"),
    "ticks-not-lists": (v2(ticks={TOPIC: ITEMS[0]}), "never writes"),
    "tick-not-an-id": (v2(ticks={TOPIC: ["Not An Id"]}), "never writes"),
    "note-not-text": (v2(notes={TOPIC: {QUESTIONS[0].id: 42}}), "never writes"),
    "note-as-object": (v2(notes={TOPIC: {QUESTIONS[0].id: {"text": "x"}}}), "never writes"),
    "huge-note": (v2(notes={TOPIC: {QUESTIONS[0].id: "x" * 100_001}}), "never writes"),
    "huge-field": (v2(fields={"company": "x" * 100_001}), "never writes"),
    "field-not-text": (v2(fields={"company": ["Acme"]}), "never writes"),
    "applications-not-a-list": (v2(applications={"0": {}}), "never writes"),
    "application-nested": (v2(applications=[{"company": {"name": "Acme"}}]), "never writes"),
    "unknown-part": (v2(scripts=["alert(1)"]), "never writes"),
    "missing-notes": (json.dumps({"format": "bounce-back-progress", "version": 2, "ticks": {}, "fields": {},
                                  "applications": []}), "never writes"),
    "proto-topic": (v2()[:-1] + ', "notes": {"__proto__": {"polluted": "yes"}}}', "never writes"),
    "proto-field": (v2()[:-1] + ', "fields": {"__proto__": "yes"}}', "never writes"),
    "constructor-topic": (v2(notes={"constructor": {"prototype": "x"}}), "never writes"),
    "proto-application": (v2(applications=[json.loads('{"__proto__": {"polluted": "yes"}}')]), "never writes"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_foreign_or_hostile_file_is_refused_and_changes_nothing(page, site, tmp_path, name):
    text, said = HOSTILE[name]
    errors = watch_errors(page)
    page.goto(site.url)
    page.evaluate("k => localStorage.setItem(k, 'before')", f"{PREFIX}note:{TOPIC}:{QUESTIONS[1].id}")
    before = ours(page)
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    message = import_file(page, site, path)
    assert said in message and REFUSED in message, message
    assert ours(page) == before
    assert page.evaluate("({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert errors == []


def test_delete_everything_on_this_device_is_confirmed_and_leaves_other_sites_alone(page, site):
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    write_note(page)
    seed_other_kinds(page)
    page.evaluate("localStorage.setItem('bounceback:/other-guide/:x:y', '1'); localStorage.setItem('another-app', 'kept')")
    page.goto(f"{site.url}plan/")
    delete = page.get_by_role("button", name="Delete everything on this device")
    page.once("dialog", lambda d: d.dismiss())
    delete.click()
    assert len(ours(page)) == 1 + 1 + len(FIELDS) + 1 + 1, "dismissing must keep everything"
    page.once("dialog", lambda d: d.accept())
    delete.click()
    assert page.locator(".bb-tools__message").inner_text() == "Everything this guide kept in this browser is deleted."
    assert ours(page) == {"bounceback:/other-guide/:x:y": "1"}
    assert page.evaluate("localStorage.getItem('another-app')") == "kept"
    open_topic(page, site)
    assert ticked(page) == [] and box(page).input_value() == ""


def test_what_a_file_would_be_refused_for_is_never_exported(page, site, tmp_path):
    """A stored value import would refuse (an empty field name, a text over the limit) is left
    out of the export, so an exported file always imports again."""
    page.goto(site.url)
    page.evaluate("""([p, topic]) => {
        localStorage.setItem(p + 'field:', 'no name');
        localStorage.setItem(p + 'field:company', 'Acme');
        localStorage.setItem(p + 'note:' + topic + ':too-long', 'x'.repeat(100001));
      }""", [PREFIX, TOPIC])
    data = json.loads(export_everything(page, site, tmp_path).read_text())
    assert data["fields"] == {"company": "Acme"} and data["notes"] == {}
    assert import_file(page, site, tmp_path / "everything.json") == "Restored 1 template field."


def test_plan_says_when_i_last_exported(page, site, tmp_path):
    page.goto(f"{site.url}plan/")
    line = page.locator(".bb-tools__exported")
    line.filter(has_text="Not exported yet.").wait_for()
    export_everything(page, site, tmp_path)
    today = datetime.date.today()  # the browser's day, as the page shows it, in the guide's own order
    assert line.inner_text() == f"Last exported: {today.day} {today.strftime('%B')} {today.year}."
    page.reload()
    assert line.inner_text().startswith("Last exported: ")
    page.evaluate("k => localStorage.setItem(k, 'not a date')", f"{PREFIX}exported")
    page.reload()
    line.filter(has_text="Not exported yet.").wait_for()


def test_an_unreadable_list_of_applications_is_named_when_exporting(page, site, tmp_path):
    """The file is for keeping things safe: a list it cannot carry is said, and left as it was."""
    page.goto(f"{site.url}plan/")
    page.evaluate("key => localStorage.setItem(key, '{not json')", PREFIX + "applications")
    data = json.loads(export_everything(page, site, tmp_path).read_text(encoding="utf-8"))
    assert data["applications"] == []
    expect(page.locator(".bb-tools__message")).to_contain_text(
        "Your list of applications in this browser could not be read, so it is not in the file.")
    assert page.evaluate("key => localStorage.getItem(key)", PREFIX + "applications") == "{not json"
