"""My applications (issue 12, point 2), used as a reader would, by labels and buttons: add,
edit, cancel and delete; the list's order; the one required field; the list kept across
reloads, tabs, instant navigation and My plan's file; where the no's happened, linked to the
right topics; a CSV a spreadsheet opens safely; print; hostile text stays text; blocked,
full or corrupt storage never breaks it; axe in both schemes; nothing leaves the site."""
import csv
import datetime as dt
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from icskit import check_file
from readerkit import BLOCK_STORAGE, FULL_STORAGE, GUIDE, requests_visiting, export_everything, folded, pdf_text, watch_errors

PATH = "applications/"
READY = "article [data-bb-apps][data-bb-ready]"
KEY = "bounceback:/:applications"
LABELS = ["Company", "Role", "Date applied", "Stage reached", "Outcome", "Contact name", "Contact email",
          "Feedback received", "Next step", "Follow-up date"]
KEYS = ["company", "role", "applied", "stage", "outcome", "contact_name", "contact_email", "feedback", "next_step", "follow_up"]
SELECTS = {"Stage reached", "Outcome"}
STAGES = {"applied": "Applied", "screened-out": "Screened out", "phone-screen": "Phone or video screen",
          "interview": "Interview", "final-round": "Final round", "offer": "Offer"}
FULL = {"Company": "Acme Analytics", "Role": "Data analyst", "Date applied": "2026-11-02", "Stage reached": "Interview",
        "Outcome": "Turned down", "Contact name": "Priya Shah", "Contact email": "priya@acme.example",
        "Feedback received": "Strong on SQL.\nWanted more stakeholder stories.", "Next step": "Ask for a call",
        "Follow-up date": "2026-11-16"}
# How the list shows each field of FULL: dates in words, stage and outcome by their labels.
FULL_SHOWN = {**FULL, "Date applied": "2 November 2026", "Follow-up date": "16 November 2026"}
NOT_SAVED = "Not saved: this browser can't keep your applications"
AXE = Axe()


def by_nav(page) -> None:
    """Follow the nav's "My applications" (the sidebar shows at this width) and wait for the tracker."""
    page.set_viewport_size({"width": 1400, "height": 900})
    page.locator(".md-nav__link[href$='applications/']").first.click()
    page.wait_for_selector(READY)


def open_tracker(page, site) -> None:
    page.goto(site.url + PATH)
    page.wait_for_selector(READY)


def article(page):
    return page.locator("article")


def status(page):
    return article(page).get_by_role("status")


def fill_form(page, fields: dict) -> None:
    for label, value in fields.items():
        control = article(page).get_by_label(label, exact=True)
        if label in SELECTS:
            control.select_option(label=value)
        else:
            control.fill(value)


def add(page, said: str = "Application added", **fields) -> None:
    """Fill the form by its labels (Company="Acme", Date_applied=...: underscores for spaces) and add it."""
    fill_form(page, {label.replace("_", " ").replace("Follow up", "Follow-up"): value for label, value in fields.items()})
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_contain_text(said)


def companies(page) -> list[str]:
    return article(page).locator(".bb-apps__entry h3").all_inner_texts()


def entry(page, company: str):
    return article(page).locator(".bb-apps__entry").filter(has=page.locator("h3", has_text=re.compile(f"^{re.escape(company)}$")))


def details(page, company: str) -> dict:
    """What the list shows of one application: label -> text, the company included."""
    shown = entry(page, company)
    pairs = shown.locator("dl").evaluate("dl => [...dl.children].map(e => e.textContent)")
    return {"Company": shown.locator("h3").inner_text(), **dict(zip(pairs[::2], pairs[1::2]))}


def stored(page) -> list:
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '[]'"))


def summary(page) -> list[str]:
    return article(page).locator("[data-bb-apps-summary] li:visible").all_inner_texts()


def test_without_javascript_a_blank_table_to_print(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + PATH)
    assert article(page).locator("th").all_inner_texts() == LABELS
    assert article(page).locator("tbody tr").count() >= 5
    assert article(page).locator("form, input, select, textarea").count() == 0
    assert article(page).locator("[data-bb-apps-summary]").is_hidden()
    noscript = article(page).locator("noscript").inner_text()
    assert "The tracker needs JavaScript" in page.content() and "print this page" in noscript
    text = pdf_text(page.pdf(format="A4"))
    assert all(label in text for label in ["Company", "Stage reached", "Follow-up date"])
    context.close()


def test_add_shows_every_field_and_keeps_plain_text_records(page, site):
    errors = watch_errors(page)
    open_tracker(page, site)
    assert article(page).locator("[data-bb-apps-paper]").is_hidden()
    assert article(page).locator(".bb-apps__count").inner_text().startswith("Nothing here yet")
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_have_text("Application added")
    assert details(page, "Acme Analytics") == FULL_SHOWN
    assert article(page).locator(".bb-apps__count").inner_text() == "1 application, newest first."
    expect(article(page).get_by_label("Company", exact=True)).to_be_focused()  # ready for the next one
    assert article(page).get_by_label("Company", exact=True).input_value() == ""
    [record] = stored(page)
    assert set(record) == {"id", *KEYS} and all(isinstance(v, str) for v in record.values())
    assert {k: record[k] for k in KEYS} == {
        "company": "Acme Analytics", "role": "Data analyst", "applied": "2026-11-02", "stage": "interview",
        "outcome": "turned-down", "contact_name": "Priya Shah", "contact_email": "priya@acme.example",
        "feedback": "Strong on SQL.\nWanted more stakeholder stories.", "next_step": "Ask for a call",
        "follow_up": "2026-11-16"}
    page.reload()
    page.wait_for_selector(READY)
    assert details(page, "Acme Analytics") == FULL_SHOWN
    assert article(page).get_by_role("button", name="Add to calendar application to Acme Analytics").count() == 1
    assert errors == []


def test_only_the_filled_fields_show(page, site):
    open_tracker(page, site)
    add(page, Company="Brightside")
    assert details(page, "Brightside") == {"Company": "Brightside", "Stage reached": "Applied", "Outcome": "Waiting to hear"}


def test_edit_saves_changes_and_cancel_changes_nothing(page, site):
    open_tracker(page, site)
    add(page, Company="Acme", Role="Analyst")
    add(page, Company="Brightside", Role="Designer")
    article(page).get_by_role("button", name="Edit application to Acme").click()
    form = article(page).locator("form")
    expect(form.get_by_role("heading")).to_have_text("Edit your application to Acme")
    expect(article(page).get_by_label("Company", exact=True)).to_be_focused()
    assert article(page).get_by_label("Role", exact=True).input_value() == "Analyst"
    assert form.get_by_role("button", name="Add application").count() == 0
    fill_form(page, {"Role": "Senior analyst", "Stage reached": "Final round"})
    form.get_by_role("button", name="Save changes").click()
    expect(status(page)).to_have_text("Changes saved")
    assert details(page, "Acme")["Role"] == "Senior analyst" and details(page, "Acme")["Stage reached"] == "Final round"
    assert sorted(companies(page)) == ["Acme", "Brightside"] and len(stored(page)) == 2
    expect(article(page).get_by_role("button", name="Edit application to Acme")).to_be_focused()
    expect(form.get_by_role("heading")).to_have_text("Add an application")

    before = stored(page)
    article(page).get_by_role("button", name="Edit application to Brightside").click()
    fill_form(page, {"Company": "Changed my mind", "Role": "Nothing"})
    form.get_by_role("button", name="Cancel").click()
    assert stored(page) == before and sorted(companies(page)) == ["Acme", "Brightside"]
    assert article(page).get_by_label("Company", exact=True).input_value() == ""
    expect(form.get_by_role("button", name="Add application")).to_be_visible()
    expect(form.get_by_role("button", name="Cancel")).to_be_hidden()
    expect(article(page).get_by_role("button", name="Edit application to Brightside")).to_be_focused()


def test_delete_asks_first_and_a_no_keeps_it(page, site):
    open_tracker(page, site)
    add(page, Company="Acme")
    add(page, Company="Brightside")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda d: answer(d, False))
    article(page).get_by_role("button", name="Delete application to Acme").click()
    assert asked == ["Delete your application to Acme? This cannot be undone."]
    assert sorted(companies(page)) == ["Acme", "Brightside"] and len(stored(page)) == 2
    page.once("dialog", lambda d: answer(d, True))
    article(page).get_by_role("button", name="Delete application to Acme").click()
    expect(status(page)).to_have_text("Deleted")
    assert companies(page) == ["Brightside"] and [r["company"] for r in stored(page)] == ["Brightside"]
    page.once("dialog", lambda d: answer(d, True))
    article(page).get_by_role("button", name="Delete application to Brightside").click()
    expect(article(page).locator(".bb-apps__entry")).to_have_count(0)
    page.reload()
    page.wait_for_selector(READY)
    assert companies(page) == [] and page.evaluate(f"localStorage.getItem('{KEY}')") is None


def test_newest_first_undated_last_and_a_tie_in_company_order(page, site):
    open_tracker(page, site)
    add(page, Company="Undated")
    add(page, Company="October", Date_applied="2026-10-01")
    add(page, Company="zeta", Date_applied="2026-11-05")
    add(page, Company="Alpha", Date_applied="2026-11-05")
    add(page, Company="Also undated")
    add(page, Company="Last year", Date_applied="2025-12-31")
    order = ["Alpha", "zeta", "October", "Last year", "Also undated", "Undated"]
    assert companies(page) == order
    page.reload()
    page.wait_for_selector(READY)
    assert companies(page) == order


def test_company_is_required_and_the_error_is_said_at_the_field(page, site):
    open_tracker(page, site)
    fill_form(page, {"Role": "Analyst"})
    article(page).get_by_role("button", name="Add application").click()
    company = article(page).get_by_label("Company", exact=True)
    expect(company).to_be_focused()
    expect(company).to_have_attribute("aria-invalid", "true")
    expect(company).to_have_accessible_description("Write the company's name: it's the one thing the tracker needs.")
    expect(article(page).locator(".bb-apps__error")).to_be_visible()
    assert companies(page) == [] and stored(page) == []
    assert "added" not in status(page).inner_text()
    company.fill("   ")  # spaces are no name either
    article(page).get_by_role("button", name="Add application").click()
    expect(company).to_have_attribute("aria-invalid", "true")
    company.fill("Acme")
    company.press("Enter")
    expect(status(page)).to_have_text("Application added")
    expect(company).not_to_have_attribute("aria-invalid", "true")
    expect(article(page).locator(".bb-apps__error")).to_be_hidden()
    assert details(page, "Acme")["Role"] == "Analyst"


def test_keyboard_only(page, site):
    open_tracker(page, site)
    article(page).locator(".bb-private a").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "bb-apps-company"
    page.keyboard.type("Keyboard Ltd")
    page.keyboard.press("Tab")
    page.keyboard.type("Tester")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Application added")
    assert details(page, "Keyboard Ltd")["Role"] == "Tester"
    for _ in range(30):  # on through the form to the application's own buttons
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.bb") == "apps-edit":
            break
    assert page.evaluate("document.activeElement.textContent") == "Edit application to Keyboard Ltd"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline in ("solid", "auto"), "no visible focus on the button"
    page.keyboard.press("Enter")
    expect(article(page).get_by_label("Company", exact=True)).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" & Co")
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Changes saved")
    assert companies(page) == ["Keyboard Ltd & Co"]
    page.keyboard.press("Tab")  # from Edit to Delete; Enter asks, and accepting deletes
    page.once("dialog", lambda d: d.accept())
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Deleted")
    assert companies(page) == []


def test_another_tab_sees_each_change(context, site):
    first, second = context.new_page(), context.new_page()
    open_tracker(first, site)
    open_tracker(second, site)
    add(second, Company="From the other tab", Stage_reached="Final round", Outcome="Turned down")
    expect(entry(first, "From the other tab")).to_be_visible()
    expect(article(first).locator("[data-bb-apps-summary] li:visible")).to_have_text(["Final round: 1 application"])
    second.once("dialog", lambda d: d.accept())
    article(second).get_by_role("button", name="Delete application to From the other tab").click()
    expect(article(first).locator(".bb-apps__entry")).to_have_count(0)
    expect(article(first).locator("[data-bb-apps-summary] li:visible")).to_have_count(0)


def test_instant_navigation_away_and_back_sets_up_once(page, site):
    """From the home page (the tracker's script not loaded yet) to My applications and back by
    links: Material swaps pages in place, and the tracker is built once per view."""
    page.goto(site.url)
    page.evaluate("window.__samePage = true")
    by_nav(page)
    add(page, Company="Acme")
    article(page).locator(".bb-private a").click()  # My plan
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    by_nav(page)
    assert page.evaluate("window.__samePage === true"), "the page was reloaded, not swapped in"
    expect(article(page).locator(".bb-apps__entry h3")).to_have_text(["Acme"])
    assert article(page).locator("form").count() == 1
    add(page, Company="Brightside")
    assert sorted(companies(page)) == ["Acme", "Brightside"] and len(stored(page)) == 2


def test_where_the_nos_happened_counts_by_stage_and_links_to_its_topic(page, site):
    open_tracker(page, site)
    expect(article(page).get_by_role("heading", name="Where the no's happened")).to_be_visible()
    assert summary(page) == []
    assert article(page).locator("[data-bb-none]").inner_text().startswith("None of your applications")
    add(page, Company="A", Stage_reached="Interview", Outcome="Turned down")
    add(page, Company="B", Stage_reached="Final round", Outcome="Turned down")
    add(page, Company="C", Stage_reached="Interview", Outcome="Turned down")
    add(page, Company="D", Stage_reached="Offer", Outcome="Waiting to hear")
    add(page, Company="E", Stage_reached="Screened out", Outcome="I withdrew")
    assert summary(page) == ["Interview: 2 applications", "Final round: 1 application"]
    assert article(page).locator("[data-bb-none]").is_hidden()
    topics = dict(GUIDE.tracker_stages)
    for stage, label in STAGES.items():  # every stage's link comes from the build: guide.yml's tracker_stages
        link = article(page).locator(f"[data-bb-apps-summary] li[data-stage='{stage}'] a")
        href = link.get_attribute("href")
        assert link.text_content() == label
        assert href in (f"../topics/{topics[stage]}/", f"{site.url}topics/{topics[stage]}/"), stage  # Material makes it absolute
    article(page).locator("[data-bb-apps-summary]").get_by_role("link", name="Interview").click()
    page.wait_for_url(f"**/topics/{topics['interview']}/")
    # Instant navigation changes the address first and swaps the page in after it.
    expect(page.locator("article h1")).to_have_text(GUIDE.topics[topics["interview"]].title)


HOSTILE = {"Company": '=HYPERLINK("http://x")', "Role": "+1", "Contact name": "-2", "Next step": "@SUM(A1)",
           "Feedback received": "\tcmd|' /C calc'!A0"}
TRICKY = {"Company": "Zoë Café — 東京", "Role": 'Lead, "senior"', "Contact name": "O'Brien, Ann",
          "Feedback received": 'Said "no", politely,\nthen: "try again"\n\nIn a year.', "Next step": "Wait, then write",
          "Contact email": "ann@zoe.example", "Date applied": "2026-12-01", "Stage reached": "Phone or video screen",
          "Outcome": "Offer declined", "Follow-up date": "2026-12-15"}


def test_csv_opens_in_a_spreadsheet_safely(page, site, tmp_path):
    open_tracker(page, site)
    fill_form(page, {**HOSTILE, "Date applied": "2026-11-20"})
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_have_text("Application added")
    fill_form(page, TRICKY)
    article(page).get_by_role("button", name="Add application").click()
    expect(article(page).locator(".bb-apps__entry")).to_have_count(2)
    with page.expect_download() as download:
        article(page).get_by_role("button", name="Export as CSV").click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"bounce-back-applications-\d{4}-\d{2}-\d{2}\.csv", name)
    expect(status(page)).to_have_text(f"Exported {name}.")
    path = tmp_path / name
    download.value.save_as(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == 3 and b"\r\n" not in raw.split(b"Said")[1].split(b"In a year.")[0]  # rows end in CRLF
    with path.open(encoding="utf-8-sig", newline="") as f:
        header, tricky, hostile = list(csv.reader(f))
    assert header == LABELS
    assert dict(zip(LABELS, tricky)) == {**TRICKY, "Stage reached": "Phone or video screen", "Outcome": "Offer declined"}
    row = dict(zip(LABELS, hostile))
    assert row["Company"] == '\'=HYPERLINK("http://x")'
    assert (row["Role"], row["Contact name"], row["Next step"]) == ("'+1", "'-2", "'@SUM(A1)")
    assert row["Feedback received"] == "'\tcmd|' /C calc'!A0"
    assert (row["Date applied"], row["Stage reached"], row["Outcome"]) == ("2026-11-20", "Applied", "Waiting to hear")
    assert not [cell for cell in tricky + hostile if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert '"Lead, ""senior"""' in raw.decode("utf-8-sig")  # quotes doubled inside a quoted cell


def test_hostile_text_shows_as_text_and_makes_no_element(page, site):
    errors = watch_errors(page)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_tracker(page, site)
    html = '<img src=x onerror=alert(1)>'
    add(page, Company=html, Role="<script>alert(2)</script>", Feedback_received='"><svg onload=alert(3)>',
        Next_step="{{7*7}} ${7*7} &amp;", Stage_reached="Interview", Outcome="Turned down")
    assert details(page, html) == {"Company": html, "Role": "<script>alert(2)</script>", "Stage reached": "Interview",
                                   "Outcome": "Turned down", "Feedback received": '"><svg onload=alert(3)>',
                                   "Next step": "{{7*7}} ${7*7} &amp;"}
    assert article(page).locator(".bb-apps img, .bb-apps script, .bb-apps svg").count() == 0
    assert article(page).get_by_role("button", name=f"Edit application to {html}").count() == 1
    page.reload()
    page.wait_for_selector(READY)
    assert article(page).locator(".bb-apps img, .bb-apps script, .bb-apps svg").count() == 0
    assert dialogs == [] and errors == []


@pytest.mark.parametrize("storage", [FULL_STORAGE, BLOCK_STORAGE], ids=["full", "blocked"])
def test_storage_that_refuses_keeps_the_entry_for_the_visit_and_says_not_saved(context, site, storage):
    context.add_init_script(storage)
    page = context.new_page()
    errors = watch_errors(page)
    open_tracker(page, site)
    fill_form(page, {"Company": "Acme", "Role": "Analyst"})
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_contain_text(NOT_SAVED)
    assert "Saved" not in status(page).inner_text() and "added" not in status(page).inner_text()
    assert details(page, "Acme") == {"Company": "Acme", "Role": "Analyst", "Stage reached": "Applied", "Outcome": "Waiting to hear"}
    assert "can't be saved" in article(page).locator(".bb-note").inner_text()
    article(page).get_by_role("button", name="Edit application to Acme").click()
    fill_form(page, {"Role": "Lead analyst"})
    article(page).get_by_role("button", name="Save changes").click()
    expect(status(page)).to_contain_text(NOT_SAVED)
    assert details(page, "Acme")["Role"] == "Lead analyst"
    article(page).locator(".bb-private a").click()  # to My plan and back, by instant navigation
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    by_nav(page)
    assert companies(page) == ["Acme"], "what could not be saved lasts for the visit"
    assert errors == []


@pytest.mark.parametrize("value", ["{not json", '{"company": "Acme"}', "[1, 2]", '[{"company": {"nested": 1}}]',
                                   '"text"', "null", '[{"company": "Acme"}, ["x"]]'])
def test_a_stored_value_that_is_not_a_list_of_applications_reads_as_empty(page, site, value):
    errors = watch_errors(page)
    page.goto(site.url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, value])
    open_tracker(page, site)
    assert companies(page) == []
    note = article(page).locator(".bb-note")
    expect(note).to_contain_text("could not be read, so it starts empty")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == value, "reading never overwrites it"
    add(page, Company="Fresh start")
    assert [r["company"] for r in stored(page)] == ["Fresh start"]
    assert errors == []


def test_records_of_another_version_keep_what_they_hold(page, site):
    """A record with numbers, yes/no or fields this version does not know (as My plan's file may
    bring) shows, and editing it keeps the unknown fields."""
    page.goto(site.url)
    records = [{"id": "x1", "company": "Numbers Inc", "role": 42, "stage": "panel", "open": True, "extra": None}]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(records)])
    open_tracker(page, site)
    assert details(page, "Numbers Inc") == {"Company": "Numbers Inc", "Role": "42", "Stage reached": "panel"}
    article(page).get_by_role("button", name="Edit application to Numbers Inc").click()
    assert article(page).get_by_label("Stage reached").input_value() == "panel"
    article(page).get_by_role("button", name="Save changes").click()
    expect(status(page)).to_have_text("Changes saved")
    [record] = stored(page)
    assert (record["id"], record["role"], record["stage"], record["open"], record["extra"]) == ("x1", "42", "panel", True, None)


def test_my_plans_file_moves_the_applications_to_a_fresh_browser(browser, site, tmp_path):
    old = browser.new_context()
    page = old.new_page()
    open_tracker(page, site)
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    add(page, Company="Zoë Café — 東京", Role='Lead, "senior"')
    before = stored(page)
    path = export_everything(page, site, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["applications"] == before
    old.close()

    fresh = browser.new_context()
    page = fresh.new_page()
    errors = watch_errors(page)
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    page.get_by_label("Import from a file:").set_input_files(str(path))
    expect(page.locator(".bb-tools__message")).to_contain_text("Restored 2 applications.")
    by_nav(page)
    assert stored(page) == before
    assert sorted(companies(page)) == ["Acme Analytics", "Zoë Café — 東京"]
    assert details(page, "Acme Analytics") == FULL_SHOWN
    page.goto(f"{site.url}plan/")  # and "Delete everything on this device" takes them too
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Delete everything on this device").click()
    open_tracker(page, site)
    assert companies(page) == []
    assert errors == []
    fresh.close()


def test_print_shows_the_list_and_the_summary_not_the_form(page, site):
    open_tracker(page, site)
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_have_text("Application added")
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed++; }; 0")
    article(page).get_by_role("button", name="Print my applications").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    for hidden in ("form", ".bb-apps__tools", ".bb-apps__actions", ".bb-apps__status", "[data-bb-apps-paper]"):
        expect(article(page).locator(hidden)).to_be_hidden()
    expect(entry(page, "Acme Analytics")).to_be_visible()
    assert entry(page, "Acme Analytics").evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    expect(article(page).get_by_role("heading", name="Where the no's happened")).to_be_visible()
    text = pdf_text(page.pdf(format="A4"))
    for label, value in FULL_SHOWN.items():
        assert folded(value) in text and (label == "Company" or label in text), label  # the company heads its entry
    assert "Interview: 1 application" in text
    for chrome in ("Add application", "Export as CSV", "Print my applications", "Only Company is needed"):
        assert chrome not in text, f"{chrome!r} printed"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_empty_with_entries_or_an_error(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_tracker(page, site)
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    add(page, Company="Brightside", Stage_reached="Final round", Outcome="Turned down")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    article(page).get_by_role("button", name="Edit application to Brightside").click()
    article(page).get_by_label("Company", exact=True).fill("")
    article(page).get_by_role("button", name="Save changes").click()
    expect(article(page).locator(".bb-apps__error")).to_be_visible()
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_no_request_leaves_the_site(page, site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site.url)
    by_nav(page)
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    expect(status(page)).to_have_text("Application added")
    with page.expect_download():
        article(page).get_by_role("button", name="Export as CSV").click()
    page.reload()
    page.wait_for_selector(READY)
    page.wait_for_load_state("networkidle")
    assert any(urlsplit(url).path.endswith("/assets/applications.js") for url in requested)
    assert [url for url in requested if not (url.startswith(site.url) or url.startswith("blob:"))] == []


def test_other_pages_load_nothing_of_the_tracker(page, site):
    requested = requests_visiting(page, site, ("", "plan/", "workbook/", "topics/keep-applying/"))
    assert requested and not [url for url in requested if "applications." in url]


def test_each_follow_up_date_downloads_its_own_reminder(page, site):
    """"Add to calendar" on an application with a follow-up date downloads an .ics for that
    day, made in the browser, naming the company, the role and the next step."""
    errors = watch_errors(page)
    open_tracker(page, site)
    fill_form(page, FULL)
    article(page).get_by_role("button", name="Add application").click()
    add(page, Company="No date")
    assert entry(page, "No date").get_by_role("button", name="Add to calendar").count() == 0
    with page.expect_download() as download:
        entry(page, "Acme Analytics").get_by_role("button", name="Add to calendar application to Acme Analytics").click()
    raw = download.value.path().read_bytes()
    event = check_file(download.value.suggested_filename, raw, dt.date(2026, 11, 16),
                       "Follow up with Acme Analytics", site.url + PATH)
    assert str(event["DESCRIPTION"]).startswith("Role: Data analyst\nNext step: Ask for a call\n")
    assert str(event["UID"]).startswith("application-" + stored(page)[0]["id"] + "@")
    expect(article(page).locator(".bb-apps__status")).to_have_text(
        "Reminder for 16 November 2026: open the file you just downloaded to add it to your calendar.")
    assert errors == []


def test_the_second_engine_builds_a_working_tracker(page, zensical_site):
    errors = watch_errors(page)
    open_tracker(page, zensical_site)
    add(page, Company="Acme", Stage_reached="Interview", Outcome="Turned down")
    page.reload()
    page.wait_for_selector(READY)
    assert companies(page) == ["Acme"] and summary(page) == ["Interview: 1 application"]
    article(page).locator("[data-bb-apps-summary]").get_by_role("link", name="Interview").click()
    page.wait_for_url(f"**/topics/{dict(GUIDE.tracker_stages)['interview']}/")
    assert errors == []
